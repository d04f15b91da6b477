/** Edit distance with adjacent transpositions (optimal string alignment), case-insensitive. */
function distance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  const rows: number[][] = Array.from({ length: s.length + 1 }, (_, i) => [i, ...new Array<number>(t.length).fill(0)]);
  for (let j = 1; j <= t.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= s.length; i++) {
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = d;
    }
  }
  return rows[s.length]![t.length]!;
}

/**
 * The known names closest to a misspelt one, best first: within an edit
 * distance of about a third of its length, or sharing its last dotted part
 * (`published` → `content_item.published`), at most `limit` of them.
 *
 * @example
 * ```ts
 * closestNames("kontnet", ["blox", "kontent", "kapost"]); // ["kontent"]
 * ```
 */
export function closestNames(given: string, known: readonly string[], limit = 3): string[] {
  const budget = Math.max(2, Math.floor(given.length / 3));
  const tail = given.toLowerCase().split(".").pop() ?? "";
  return known
    .map((name) => {
      const d = distance(given, name);
      const sameTail = tail.length > 2 && name.toLowerCase().split(".").pop() === tail;
      return { name, score: d <= budget ? d : sameTail ? budget + 1 : Number.POSITIVE_INFINITY };
    })
    .filter((c) => Number.isFinite(c.score))
    .sort((a, b) => a.score - b.score || a.name.localeCompare(b.name))
    .slice(0, limit)
    .map((c) => c.name);
}

/**
 * ` Did you mean "x"?` (or `"x" or "y"`) for a misspelt name, else an empty string.
 *
 * @example
 * ```ts
 * `unknown vendor "kontnet".${didYouMean("kontnet", vendorIds)}`; // 'unknown vendor "kontnet". Did you mean "kontent"?'
 * ```
 */
export function didYouMean(given: string, known: readonly string[], limit = 3): string {
  const names = closestNames(given, known, limit).map((n) => `"${n}"`);
  if (names.length === 0) return "";
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} or ${names[names.length - 1]}`;
  return ` Did you mean ${list}?`;
}
