import fc from "fast-check";

/**
 * Mutations of a delivery body, as fast-check arbitraries. Structural
 * mutations are applied while re-serialising a parsed sample payload, so they
 * can write JSON that `JSON.stringify` never produces (huge numbers, 20 000
 * levels of nesting, duplicate and `__proto__` keys); byte mutations then cut
 * or corrupt the bytes (truncation, invalid UTF-8, BOM, stray bytes).
 */

/** A structural change at one node of the payload, the node chosen by index (modulo the node count). */
export type StructuralOp =
  | { readonly kind: "replace"; readonly at: number; readonly raw: string }
  | { readonly kind: "delete"; readonly at: number }
  | { readonly kind: "wrap"; readonly at: number }
  /** Adds a member to an object (chosen among the objects): a duplicate key, a `__proto__` key, anything. */
  | { readonly kind: "member"; readonly at: number; readonly key: string; readonly raw: string; readonly first: boolean };

/** A change of the serialised bytes. */
export type ByteOp =
  | { readonly kind: "truncate"; readonly at: number }
  | { readonly kind: "insert"; readonly at: number; readonly bytes: readonly number[] }
  | { readonly kind: "prefix"; readonly bytes: readonly number[] }
  | { readonly kind: "suffix"; readonly bytes: readonly number[] };

/** How the body of one generated delivery is made from a sample delivery. */
export type BodyPlan =
  | { readonly kind: "original" }
  | { readonly kind: "mutated"; readonly structural: readonly StructuralOp[]; readonly bytes: readonly ByteOp[] }
  | { readonly kind: "random-bytes"; readonly bytes: Uint8Array }
  | { readonly kind: "random-json"; readonly value: unknown }
  | { readonly kind: "oversized"; readonly extra: number }
  | { readonly kind: "empty" };

const encoder = new TextEncoder();
const BOM = [0xef, 0xbb, 0xbf] as const;

/** Byte sequences that are not UTF-8: a stray continuation byte, overlong forms, surrogates, truncated sequences, 0xFF. */
const INVALID_UTF8: readonly (readonly number[])[] = [
  [0xff],
  [0xfe],
  [0x80],
  [0xc3],
  [0xc0, 0xaf],
  [0xe0, 0x80, 0xaf],
  [0xed, 0xa0, 0x80],
  [0xe2, 0x82],
  [0xf4, 0x90, 0x80, 0x80],
  [0xf8, 0x88, 0x80, 0x80, 0x80],
];

/** Numbers JSON allows in its grammar that no double holds exactly, or at all. */
const HUGE_NUMBERS: readonly string[] = [
  "1e400",
  "-1e400",
  "1e-400",
  "5e-324",
  "-0",
  "9007199254740993",
  "123456789012345678901234567890123456789",
  "1.7976931348623157e309",
  `1${"0".repeat(400)}`,
  "0.1e1000000",
];

/** A JSON value nested `depth` levels deep, as text. */
export function nestedJson(depth: number, shape: "array" | "object" | "mixed"): string {
  if (shape === "array") return `${"[".repeat(depth)}${"]".repeat(depth)}`;
  if (shape === "object") return `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`;
  const half = Math.floor(depth / 2);
  return `${'[{"a":'.repeat(half)}null${"}]".repeat(half)}`;
}

/** Payloads that would pollute a prototype if merged naively. */
export const PROTO_MEMBERS: readonly { readonly key: string; readonly raw: string }[] = [
  { key: "__proto__", raw: '{"polluted":"yes","isAdmin":true}' },
  { key: "__proto__", raw: '{"__proto__":{"polluted":"yes"}}' },
  { key: "constructor", raw: '{"prototype":{"polluted":"yes"}}' },
  { key: "prototype", raw: '{"polluted":"yes"}' },
  { key: "__proto__", raw: "null" },
  { key: "__proto__", raw: "[1,2,3]" },
];

/** JSON text for a replacement value: wrong types, huge numbers, deep nesting, odd strings, strings from the vendor's own payloads. */
function rawJsonArbitrary(stringPool: readonly string[]): fc.Arbitrary<string> {
  const pool = stringPool.length ? stringPool : ["x"];
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom("null", "true", "false", "0", "-1", "1.5", '""', "[]", "{}", '"0"', '"true"', '"null"') },
    { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v) ?? "null") },
    { weight: 2, arbitrary: fc.constantFrom(...HUGE_NUMBERS) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.integer({ min: 16, max: 20_000 }), fc.constantFrom("array" as const, "object" as const, "mixed" as const))
        .map(([depth, shape]) => nestedJson(depth, shape)),
    },
    { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }).map((s) => JSON.stringify(s)) },
    { weight: 1, arbitrary: fc.constantFrom('"\\ud800"', '"\\udc00x"', '"\\u0000"', '"\\uffff"', '"\\u202e"', '"a\\nb"') },
    { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 30_000 }).map((n) => JSON.stringify("x".repeat(n))) },
    { weight: 4, arbitrary: fc.constantFrom(...pool).map((s) => JSON.stringify(s)) },
  );
}

function structuralOpArbitrary(raw: fc.Arbitrary<string>, keyPool: readonly string[]): fc.Arbitrary<StructuralOp> {
  const at = fc.nat();
  const keys = keyPool.length ? keyPool : ["id"];
  return fc.oneof(
    { weight: 6, arbitrary: fc.record({ kind: fc.constant("replace" as const), at, raw }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant("delete" as const), at }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("wrap" as const), at }) },
    {
      weight: 2,
      // A duplicate of a key the vendor uses, with another value, before or after the original.
      arbitrary: fc.record({ kind: fc.constant("member" as const), at, key: fc.constantFrom(...keys), raw, first: fc.boolean() }),
    },
    {
      weight: 2,
      arbitrary: fc
        .record({ at, member: fc.constantFrom(...PROTO_MEMBERS), first: fc.boolean() })
        .map(({ at: i, member, first }) => ({ kind: "member" as const, at: i, key: member.key, raw: member.raw, first })),
    },
  );
}

const byteOpArbitrary: fc.Arbitrary<ByteOp> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), bytes: fc.constantFrom(...INVALID_UTF8) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), bytes: fc.constantFrom([0x00], [0x0b], [0x22], [0x7b], [0x2c]) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("prefix" as const), bytes: fc.constantFrom([...BOM], [...BOM, ...BOM], [0x20, 0x0a], [0xfe, 0xff], [0x00]) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("suffix" as const), bytes: fc.constantFrom([0x0a], [0x00], [0x78], [0x7d], [0x2c], [0x0d, 0x0a, 0x0d, 0x0a]) }) },
);

/** Every way of making a body, weighted towards mutations of a real sample (so the JSON and schema stages are reached). */
export function bodyPlanArbitrary(options: { stringPool: readonly string[]; keyPool: readonly string[]; limit: number }): fc.Arbitrary<BodyPlan> {
  const raw = rawJsonArbitrary(options.stringPool);
  return fc.oneof(
    { weight: 2, arbitrary: fc.constant({ kind: "original" as const }) },
    {
      weight: 10,
      arbitrary: fc.record({
        kind: fc.constant("mutated" as const),
        structural: fc.array(structuralOpArbitrary(raw, options.keyPool), { minLength: 1, maxLength: 3 }),
        bytes: fc.oneof({ weight: 3, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: fc.array(byteOpArbitrary, { minLength: 1, maxLength: 2 }) }),
      }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("random-bytes" as const), bytes: fc.uint8Array({ maxLength: 512 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("random-json" as const), value: fc.jsonValue({ maxDepth: 4 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("oversized" as const), extra: fc.integer({ min: 1, max: options.limit }) }) },
    { weight: 1, arbitrary: fc.constant({ kind: "empty" as const }) },
  );
}

type Path = readonly (string | number)[];

interface Node {
  readonly path: Path;
  readonly isObject: boolean;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Every node of a JSON value in pre-order, with its path. */
function listNodes(value: unknown, path: Path = [], out: Node[] = []): Node[] {
  out.push({ path, isObject: isPlainObject(value) });
  if (Array.isArray(value)) value.forEach((v, i) => listNodes(v, [...path, i], out));
  else if (isPlainObject(value)) for (const [k, v] of Object.entries(value)) listNodes(v, [...path, k], out);
  return out;
}

/** How many nodes and objects a JSON value has: the range of a structural op's `at`. */
export function countNodes(value: unknown): { nodes: number; objects: number } {
  const nodes = listNodes(value);
  return { nodes: nodes.length, objects: nodes.filter((n) => n.isObject).length };
}

/** The path of the node a structural op's `at` picks, for messages. */
export function nodePath(value: unknown, at: number, objectsOnly = false): string {
  const nodes = listNodes(value).filter((n) => !objectsOnly || n.isObject);
  const node = nodes[at % nodes.length];
  return node ? ["$", ...node.path].join(".") : "$";
}

interface NodeEdits {
  delete?: boolean;
  replace?: string;
  wrap?: boolean;
  first?: string[];
  last?: string[];
}

/**
 * Serialises `value` (a parsed sample payload) with the structural mutations
 * applied, writing raw JSON text where a mutation asks for it.
 */
function serialiseWithOps(value: unknown, ops: readonly StructuralOp[]): string {
  const nodes = listNodes(value);
  const objects = nodes.filter((n) => n.isObject);
  const edits = new Map<string, NodeEdits>();
  const editsAt = (path: Path) => {
    const key = JSON.stringify(path);
    let e = edits.get(key);
    if (!e) edits.set(key, (e = {}));
    return e;
  };
  for (const op of ops) {
    if (op.kind === "member") {
      if (!objects.length) continue;
      const target = editsAt(objects[op.at % objects.length]!.path);
      (op.first ? (target.first ??= []) : (target.last ??= [])).push(`${JSON.stringify(op.key)}:${op.raw}`);
      continue;
    }
    const node = nodes[op.at % nodes.length]!;
    const target = editsAt(node.path);
    if (op.kind === "delete" && node.path.length > 0) target.delete = true;
    else if (op.kind === "replace") target.replace = op.raw;
    else if (op.kind === "wrap") target.wrap = true;
  }
  const write = (v: unknown, path: Path): string | undefined => {
    const e = edits.get(JSON.stringify(path));
    if (e?.delete) return undefined;
    let text: string;
    if (e?.replace !== undefined) text = e.replace;
    else if (Array.isArray(v)) text = `[${v.map((item, i) => write(item, [...path, i]) ?? "null").join(",")}]`;
    else if (isPlainObject(v)) {
      const members: string[] = [...(e?.first ?? [])];
      for (const [k, child] of Object.entries(v)) {
        const written = write(child, [...path, k]);
        if (written !== undefined) members.push(`${JSON.stringify(k)}:${written}`);
      }
      members.push(...(e?.last ?? []));
      text = `{${members.join(",")}}`;
    } else text = JSON.stringify(v) ?? "null";
    return e?.wrap ? `[${text}]` : text;
  };
  return write(value, []) ?? "null";
}

/** Applies byte mutations in order; positions are taken modulo the current length. */
function applyByteOps(bytes: Uint8Array, ops: readonly ByteOp[]): Uint8Array {
  let out = bytes;
  for (const op of ops) {
    if (op.kind === "truncate") out = out.subarray(0, out.length ? op.at % out.length : 0);
    else if (op.kind === "prefix") out = concat(Uint8Array.from(op.bytes), out);
    else if (op.kind === "suffix") out = concat(out, Uint8Array.from(op.bytes));
    else {
      const at = out.length ? op.at % (out.length + 1) : 0;
      out = concat(out.subarray(0, at), Uint8Array.from(op.bytes), out.subarray(at));
    }
  }
  return out;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

/** The bytes a plan makes from a sample delivery's payload. */
export function materialiseBody(plan: BodyPlan, sample: { readonly text: string; readonly body: Uint8Array }, limit: number): Uint8Array {
  switch (plan.kind) {
    case "original":
      return sample.body;
    case "mutated":
      return applyByteOps(encoder.encode(serialiseWithOps(JSON.parse(sample.text), plan.structural)), plan.bytes);
    case "random-bytes":
      return plan.bytes;
    case "random-json":
      return encoder.encode(JSON.stringify(plan.value) ?? "null");
    case "oversized": {
      // Still well-formed JSON: only its size is wrong.
      const padding = Math.max(0, limit - sample.body.length) + plan.extra;
      return encoder.encode(`{"padding":${JSON.stringify("x".repeat(padding))},"sample":${sample.text}}`);
    }
    case "empty":
      return new Uint8Array(0);
  }
}

/** Strings and keys found in sample payloads: mutations put them where they do not belong (another event's name, another field's value). */
export function collectPools(texts: readonly string[]): { stringPool: string[]; keyPool: string[] } {
  const strings = new Set<string>();
  const keys = new Set<string>();
  const visit = (v: unknown) => {
    if (typeof v === "string" && v.length <= 80) strings.add(v);
    else if (Array.isArray(v)) v.forEach(visit);
    else if (isPlainObject(v)) {
      for (const [k, child] of Object.entries(v)) {
        keys.add(k);
        visit(child);
      }
    }
  };
  for (const t of texts) visit(JSON.parse(t));
  return { stringPool: [...strings].slice(0, 400), keyPool: [...keys] };
}
