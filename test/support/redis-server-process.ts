import { execFile, spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { once } from "node:events";
import net from "node:net";
import { Redis } from "ioredis";

/** A redis-server of the test's own, on a free port, that the test may stop and start again. */
export interface OwnRedisServer {
  readonly port: number;
  readonly url: string;
  /** Starts (or restarts) the server on the same port; resolves once it answers PING. */
  start(): Promise<void>;
  /** Stops it (SIGKILL: no shutdown grace, like a crash); resolves once the process exited. */
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function waitForPing(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const probe = new Redis(url, { lazyConnect: true, connectTimeout: 200, maxRetriesPerRequest: 0, retryStrategy: () => null });
    probe.on("error", () => {});
    try {
      await probe.connect();
      await probe.ping();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`redis-server at ${url} did not answer: ${(error as Error).message}`);
      await new Promise((r) => setTimeout(r, 50));
    } finally {
      probe.disconnect();
    }
  }
}

/** Rejects with a clear message when the redis-server binary cannot be started. */
function spawnFailure(child: ChildProcess): Promise<never> {
  return new Promise((_, reject) =>
    child.once("error", (error) => reject(new Error(`cannot start redis-server (${error.message}); install it (apt-get install redis-server)`))),
  );
}

/**
 * Starts a second redis-server (never the shared one) as a child process:
 * no persistence, bound to 127.0.0.1. Always `stop()` it in `afterAll`.
 */
export async function startOwnRedisServer(): Promise<OwnRedisServer> {
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  const server: OwnRedisServer = {
    port,
    url,
    async start() {
      if (child) return;
      child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {
        stdio: "ignore",
      });
      child.once("exit", () => (child = undefined));
      await Promise.race([waitForPing(url, 5_000), spawnFailure(child)]);
    },
    async stop() {
      const running = child;
      if (!running || running.exitCode !== null) return;
      const exited = once(running, "exit");
      running.kill("SIGKILL");
      await exited;
      child = undefined;
    },
  };
  await server.start();
  return server;
}

/** A Redis Cluster of the test's own: three masters on free ports, no replicas, nothing kept on disk but its node files. */
export interface OwnRedisCluster {
  readonly nodes: readonly { host: string; port: number }[];
  stop(): Promise<void>;
}

/**
 * Starts three redis-server processes in cluster mode (node files in a
 * temporary folder, removed on stop) and joins them with
 * `redis-cli --cluster create`; resolves once the cluster state is ok.
 */
export async function startOwnRedisCluster(): Promise<OwnRedisCluster> {
  const dir = await mkdtemp(join(tmpdir(), "cmshooks-cluster-"));
  const ports = [await freePort(), await freePort(), await freePort()];
  const children = ports.map((port) =>
    spawn(
      "redis-server",
      ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--cluster-enabled", "yes", "--cluster-config-file", `nodes-${port}.conf`, "--dir", dir],
      { stdio: "ignore" },
    ),
  );
  const stop = async () => {
    await Promise.all(
      children.map(async (child) => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        const exited = once(child, "exit");
        child.kill("SIGKILL");
        await exited;
      }),
    );
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await Promise.race([Promise.all(ports.map((port) => waitForPing(`redis://127.0.0.1:${port}`, 5_000))), ...children.map(spawnFailure)]);
    await promisify(execFile)("redis-cli", ["--cluster", "create", ...ports.map((p) => `127.0.0.1:${p}`), "--cluster-replicas", "0", "--cluster-yes"]);
    const deadline = Date.now() + 10_000;
    for (const port of ports) {
      const probe = new Redis({ host: "127.0.0.1", port });
      try {
        while (!/cluster_state:ok/.test(await probe.cluster("INFO"))) {
          if (Date.now() > deadline) throw new Error("the test cluster never reached cluster_state:ok");
          await new Promise((r) => setTimeout(r, 50));
        }
      } finally {
        probe.disconnect();
      }
    }
    return { nodes: ports.map((port) => ({ host: "127.0.0.1", port })), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
