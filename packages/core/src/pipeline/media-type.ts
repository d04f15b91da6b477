/**
 * True when a Content-Type can carry a JSON delivery. Absent, JSON, `+json`
 * and plain text pass (some senders label JSON as text); forms, multipart and
 * other binary types do not.
 *
 * @example
 * ```ts
 * canCarryJson("application/json; charset=utf-8"); // true
 * canCarryJson("application/x-www-form-urlencoded"); // false
 * ```
 */
export function canCarryJson(contentType: string | undefined): boolean {
  // The usual spelling needs no lower-casing, a call into the runtime on every delivery.
  if (contentType === undefined || contentType === "application/json") return true;
  const semi = contentType.indexOf(";");
  const type = (semi < 0 ? contentType : contentType.slice(0, semi)).trim().toLowerCase();
  if (type === "" || type === "application/json" || type === "text/plain" || type === "text/json") return true;
  return type.endsWith("+json") && type.startsWith("application/");
}
