import type { Provider } from "../provider.js";
import type { UnifiedEventInit, UnifiedKind } from "../unified-events.js";
import type { EventRecord } from "./event-record.js";
import { UnifiedEventObject } from "./unified-event.js";

/** A registered handler, typed loosely here; the receiver's methods type it. */
export type Handler = (event: never) => unknown;

/**
 * The handlers registered on a receiver, by native name, unified kind and
 * `onAny`, and how one event is dispatched to them.
 */
export class Listeners {
  readonly native = new Map<string, Handler[]>();
  readonly unified = new Map<UnifiedKind, Handler[]>();
  readonly any: Handler[] = [];
  /** Called when an event of a known name reached no handler at all (with the unified kinds it mapped to). */
  unheard: ((record: EventRecord, kinds: readonly UnifiedKind[]) => void) | undefined;

  add(map: Map<string, Handler[]>, key: string, handler: Handler): void {
    const list = map.get(key);
    if (list) list.push(handler);
    else map.set(key, [handler]);
  }

  remove(handler: unknown): void {
    const drop = (list: unknown[]) => {
      const i = list.indexOf(handler);
      if (i >= 0) list.splice(i, 1);
    };
    for (const list of this.native.values()) drop(list);
    for (const list of this.unified.values()) drop(list);
    drop(this.any);
  }

  /**
   * Runs every listener of one event concurrently; returns what they threw
   * (synchronously when every handler was synchronous). A unified mapping that
   * throws fails the event like a handler would.
   */
  dispatch(provider: Provider, record: EventRecord): readonly unknown[] | Promise<readonly unknown[]> {
    const run = new Run();
    let inits: readonly UnifiedEventInit[] = NONE;
    if (record.known) {
      const native = this.native.get(record.name);
      if (native) for (let i = 0; i < native.length; i++) run.call(native[i]!, record);
      if (this.unified.size) {
        try {
          inits = unifiedInits(provider, record);
        } catch (e) {
          // Reported as this event's failure, not as an event nobody listens to.
          run.heard = true;
          run.fail(e);
        }
        for (let i = 0; i < inits.length; i++) {
          const list = this.unified.get(inits[i]!.kind);
          if (!list) continue;
          const event = new UnifiedEventObject(inits[i]!, record);
          for (let j = 0; j < list.length; j++) run.call(list[j]!, event);
        }
      }
    }
    for (let i = 0; i < this.any.length; i++) run.call(this.any[i]!, record);
    if (!run.heard && record.known) this.unheard?.(record, this.unified.size ? inits.map((init) => init.kind) : unifiedKinds(provider, record));
    return run.outcome();
  }
}

/** The handlers of one event as they run: whether any ran, what they threw, what they still owe. */
class Run {
  heard = false;
  #errors: unknown[] | undefined;
  #pending: Promise<unknown>[] | undefined;

  call(handler: Handler, event: unknown): void {
    this.heard = true;
    try {
      const result = (handler as (e: unknown) => unknown)(event);
      if (result && typeof (result as Promise<unknown>).then === "function") {
        (this.#pending ??= []).push((result as Promise<unknown>).then(undefined, (e: unknown) => this.fail(e)));
      }
    } catch (e) {
      this.fail(e);
    }
  }

  fail(error: unknown): void {
    (this.#errors ??= []).push(error);
  }

  /** What the handlers threw, once every one of them settled. */
  outcome(): readonly unknown[] | Promise<readonly unknown[]> {
    if (this.#pending) return Promise.all(this.#pending).then(() => this.#errors ?? NO_ERRORS);
    return this.#errors ?? NO_ERRORS;
  }
}

const NO_ERRORS: readonly unknown[] = [];
const NONE: readonly UnifiedEventInit[] = [];

/** The unified kinds one event maps to (for the report of an event nobody listens to). */
function unifiedKinds(provider: Provider, record: EventRecord): readonly UnifiedKind[] {
  try {
    return unifiedInits(provider, record).map((init) => init.kind);
  } catch {
    return [];
  }
}

/** The vendor's unified mapping of one event: zero, one or several inits. */
function unifiedInits(provider: Provider, record: EventRecord): readonly UnifiedEventInit[] {
  const definition = provider.events.get(record.name)!.definition;
  if (!definition.unified) return NONE;
  const init = definition.unified(record.payload, { name: record.name, meta: record.meta, index: record.index });
  if (!init) return NONE;
  return Array.isArray(init) ? (init as readonly UnifiedEventInit[]) : [init as UnifiedEventInit];
}
