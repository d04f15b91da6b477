import { fork, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";

/** A message a test child process sends its parent over IPC. */
export interface ChildMessage {
  readonly type: string;
  readonly [key: string]: unknown;
}

/** A TypeScript test child (run through tsx), talking to the test over IPC. */
export interface TestChild {
  readonly child: ChildProcess;
  /** The `{ type: "ready", … }` message the child sent once it was listening. */
  readonly ready: ChildMessage;
  /** Resolves with the next message of this type. */
  next(type: string, timeoutMs?: number): Promise<ChildMessage>;
  /** Sends a message to the child. */
  send(message: ChildMessage): void;
  /** Sends a signal and waits for the process to exit. */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * Forks `test/support/<file>` with tsx and waits for its `ready` message.
 *
 * @example
 * ```ts
 * const replica = await spawnTestChild("dedupe-replica-process.ts", { PREFIX: prefix });
 * ```
 */
export async function spawnTestChild(file: string, env: Record<string, string>, timeoutMs = 15_000): Promise<TestChild> {
  const child = fork(fileURLToPath(new URL(`./${file}`, import.meta.url)), [], {
    execArgv: ["--import", "tsx"],
    env: { ...process.env, ...env },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const inbox: ChildMessage[] = [];
  const waiters: { type: string; resolve: (m: ChildMessage) => void }[] = [];
  child.on("message", (raw) => {
    const message = raw as ChildMessage;
    const i = waiters.findIndex((w) => w.type === message.type);
    if (i >= 0) waiters.splice(i, 1)[0]!.resolve(message);
    else inbox.push(message);
  });
  const exited = once(child, "exit");
  const next = (type: string, wait = timeoutMs): Promise<ChildMessage> => {
    const i = inbox.findIndex((m) => m.type === type);
    if (i >= 0) return Promise.resolve(inbox.splice(i, 1)[0]!);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${file}: no "${type}" message within ${wait} ms`)), wait);
      void exited.then(([code, signal]) => {
        clearTimeout(timer);
        reject(new Error(`${file} exited (${String(code ?? signal)}) before sending "${type}"`));
      });
      waiters.push({
        type,
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m);
        },
      });
    });
  };
  const kill = async (signal: NodeJS.Signals = "SIGTERM") => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill(signal);
    await exited;
  };
  try {
    return { child, ready: await next("ready"), next, kill, send: (message) => void child.send(message) };
  } catch (error) {
    await kill("SIGKILL");
    throw error;
  }
}
