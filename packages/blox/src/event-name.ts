const VERBS = new Set(["create", "update", "delete"]);

/**
 * The native name of a delivery: `<application>.<event>`. BLOX's docs write
 * editorial events both as `update_asset` and `asset_update`, so
 * `<noun>_<verb>` is read as `<verb>_<noun>`, and a bare verb in the `user`
 * application as `<verb>_user`.
 *
 * @example
 * ```ts
 * bloxEventName("editorial", "asset_update"); // "editorial.update_asset"
 * ```
 */
export function bloxEventName(application: string, event: string): string {
  if (application === "user" && VERBS.has(event)) return `user.${event}_user`;
  const underscore = event.indexOf("_");
  if (underscore > 0) {
    const head = event.slice(0, underscore);
    const tail = event.slice(underscore + 1);
    if (!VERBS.has(head) && VERBS.has(tail)) return `${application}.${tail}_${head}`;
  }
  return `${application}.${event}`;
}
