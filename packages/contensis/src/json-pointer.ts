/**
 * Resolves an RFC 6901 JSON pointer the way Contensis placeholders use them,
 * with three allowances its docs rely on:
 * - a trailing `/` (`/resource/`) stands for the whole value it follows;
 * - a key that is not found exactly is looked up ignoring case (the docs write
 *   both `/user/firstname` and `/user/firstName`);
 * - a token with dots that is not a key is walked as a dotted path (the docs'
 *   URL example writes `{/resource/sys.id}`).
 *
 * Returns `undefined` when the pointer leads nowhere.
 *
 * @example
 * ```ts
 * resolveContensisPointer({ resource: { sys: { id: "42" } } }, "/resource/sys/id"); // "42"
 * resolveContensisPointer({ resource: { sys: { id: "42" } } }, "/resource/sys.id"); // "42"
 * resolveContensisPointer({ resource: { a: 1 } }, "/resource/");                    // { a: 1 }
 * ```
 */
export function resolveContensisPointer(root: unknown, pointer: string): unknown {
  if (pointer === "") return root;
  if (!pointer.startsWith("/")) return undefined;
  const tokens = pointer.slice(1).split("/");
  let current = root;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token === "" && i === tokens.length - 1 && i > 0) return current;
    current = step(current, unescapeToken(token));
    if (current === undefined) return undefined;
  }
  return current;
}

function unescapeToken(token: string): string {
  return token.includes("~") ? token.replace(/~1/g, "/").replace(/~0/g, "~") : token;
}

function step(value: unknown, token: string): unknown {
  if (Array.isArray(value)) {
    return /^(0|[1-9]\d*)$/.test(token) ? value[Number(token)] : undefined;
  }
  if (typeof value !== "object" || value === null) return undefined;
  const record = value as Record<string, unknown>;
  if (Object.hasOwn(record, token)) return record[token];
  const lower = token.toLowerCase();
  for (const key of Object.keys(record)) {
    if (key.toLowerCase() === lower) return record[key];
  }
  if (token.includes(".")) {
    let current: unknown = value;
    for (const part of token.split(".")) {
      current = step(current, part);
      if (current === undefined) return undefined;
    }
    return current;
  }
  return undefined;
}
