import v8 from "node:v8";
import vm from "node:vm";
import { settle } from "./watchdogs.js";

/**
 * Leak checks without restarting Node with --expose-gc: the flag is set at
 * run time and `gc` taken from a fresh context. Objects are followed with
 * WeakRefs (precise: is this request still reachable?), the heap and the
 * process's active resources are compared with a baseline (coarse).
 */
v8.setFlagsFromString("--expose-gc");
const runGc = vm.runInNewContext("gc") as () => void;

/** Full collections, with turns of the event loop between them so WeakRefs can clear. */
export async function collectGarbage(rounds = 4): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    runGc();
    await settle(10);
  }
}

/** Counts of the process's active resources by type (`TCPSocketWrap`, `Timeout`, …). */
export function activeResources(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const type of process.getActiveResourcesInfo()) counts[type] = (counts[type] ?? 0) + 1;
  return counts;
}

/** Resource types whose count grew since `baseline`, with both counts. */
export function grownResources(baseline: Record<string, number>, now = activeResources()): string[] {
  return Object.entries(now)
    .filter(([type, count]) => count > (baseline[type] ?? 0))
    .map(([type, count]) => `${type}: ${baseline[type] ?? 0} → ${count}`);
}

/** Follows objects weakly; `alive()` says how many are still reachable. */
export class WeakTracker<T extends object> {
  #refs: WeakRef<T>[] = [];
  track(value: T): void {
    this.#refs.push(new WeakRef(value));
  }
  get tracked(): number {
    return this.#refs.length;
  }
  alive(): number {
    return this.#refs.filter((r) => r.deref() !== undefined).length;
  }
}

/** Heap in use after a full collection. */
export async function settledHeap(): Promise<number> {
  await collectGarbage();
  return process.memoryUsage().heapUsed;
}
