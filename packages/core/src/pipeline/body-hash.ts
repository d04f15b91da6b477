import type { CryptoEngine } from "../crypto/engine.js";

/** The SHA-256 of a delivery's body in hex: the delivery id of events whose vendor gives none. */
export interface BodyHash {
  hex(): string;
}

/** Hashes the body on first read, where hashing is synchronous (Node): receivers that never read a delivery id never hash. */
export class LazyBodyHash implements BodyHash {
  #hex: string | undefined;
  constructor(
    private readonly engine: CryptoEngine,
    private readonly body: Uint8Array,
  ) {}

  hex(): string {
    return (this.#hex ??= this.engine.sha256Hex(this.body) as string);
  }
}

/** A hash computed up front, where hashing is asynchronous (Web Crypto) and a getter could not wait for it. */
export class KnownBodyHash implements BodyHash {
  constructor(private readonly value: string) {}

  hex(): string {
    return this.value;
  }
}
