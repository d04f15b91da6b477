/**
 * Remembers the event names a vendor builds from two fields of a delivery
 * (`${type}.${operation}`), so that each delivery finds its name instead of
 * building it. A freshly built name is a new string: looking it up in the
 * event table then copies it flat and hashes it, on every delivery. A
 * remembered name was hashed once, and the two fields it is found by come
 * flat from `JSON.parse`. Holds at most `limit` names (default 256, far
 * more than any vendor has events); past that, names are built each time.
 * The pair asked for last is answered first, by comparing the two fields:
 * a string from `JSON.parse` is a new string each time, and hashing it for
 * the table costs more than comparing it.
 *
 * @example
 * ```ts
 * const nameOf = cachedEventName((type, operation) => `${type}.${operation}`);
 * nameOf("content", "published"); // "content.published", built once
 * ```
 */
export function cachedEventName(build: (first: string, second: string) => string, limit = 256): (first: string, second: string) => string {
  const names = new Map<string, Map<string, string>>();
  let size = 0;
  let lastFirst: string | undefined;
  let lastSecond: string | undefined;
  let lastName = "";
  return (first, second) => {
    if (first === lastFirst && second === lastSecond) return lastName;
    const name = names.get(first)?.get(second) ?? remember(first, second);
    lastFirst = first;
    lastSecond = second;
    lastName = name;
    return name;
  };

  function remember(first: string, second: string): string {
    const name = build(first, second);
    if (size < limit) {
      let bySecond = names.get(first);
      if (bySecond === undefined) names.set(first, (bySecond = new Map()));
      bySecond.set(second, name);
      size++;
    }
    return name;
  }
}
