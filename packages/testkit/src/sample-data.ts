/**
 * Deterministic, realistic sample values: the same seed gives the same
 * deliveries on every machine.
 *
 * @example
 * ```ts
 * const data = new SampleData(42);
 * const title = data.title(); // e.g. "Harbor authority unveils transit plan"
 * const id = data.uuid();
 * ```
 */
export class SampleData {
  #state: number;

  constructor(seed = 1) {
    this.#state = (seed >>> 0) || 1;
  }

  /** A float in [0, 1) (mulberry32). */
  next(): number {
    let t = (this.#state = (this.#state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)]!;
  }

  hex(length: number): string {
    let out = "";
    for (let i = 0; i < length; i++) out += Math.floor(this.next() * 16).toString(16);
    return out;
  }

  /** A version-4-shaped UUID. */
  uuid(): string {
    const h = this.hex(32);
    const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }

  /** A 24-hex-digit id (MongoDB ObjectId style, as Kapost uses). */
  objectId(): string {
    return this.hex(24);
  }

  /** An ISO-8601 UTC timestamp in 2026, to the second. */
  isoDate(): string {
    const start = Date.UTC(2026, 0, 1);
    return new Date(start + this.int(0, 330 * 86_400) * 1000).toISOString().replace(".000Z", "Z");
  }

  /** A plausible headline. */
  title(): string {
    const subjects = ["City council", "Local school board", "Regional hospital", "Harbor authority", "State university", "Downtown library"];
    const verbs = ["approves", "debates", "unveils", "delays", "expands", "reviews"];
    const objects = ["new budget", "transit plan", "summer program", "housing project", "climate strategy", "renovation"];
    return `${this.pick(subjects)} ${this.pick(verbs)} ${this.pick(objects)}`;
  }

  /** snake_case codename of a title. */
  codename(title: string): string {
    return title.toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_|_$/g, "");
  }

  /** URL-safe slug of a title. */
  slug(title: string): string {
    return title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
  }

  person(): { first: string; last: string; email: string; username: string } {
    const first = this.pick(["Ana", "Ben", "Chloe", "Dev", "Elena", "Farid", "Grace", "Hugo"]);
    const last = this.pick(["Novak", "Okafor", "Schmidt", "Tanaka", "Rossi", "Larsen", "Mendes", "Walsh"]);
    const username = `${first[0]}.${last}`.toLowerCase();
    return { first, last, email: `${first}.${last}@example.com`.toLowerCase(), username };
  }
}

/**
 * A seed for one event's sample data derived from the delivery seed and the
 * event name (FNV-1a), so that two events of one seed get different ids.
 *
 * @example
 * ```ts
 * const data = new SampleData(eventSeed(1, "update")); // other ids than for "delete"
 * ```
 */
export function eventSeed(seed: number, event: string): number {
  let hash = 0x811c9dc5 ^ (seed >>> 0);
  for (let i = 0; i < event.length; i++) hash = Math.imul(hash ^ event.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}
