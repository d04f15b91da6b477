/**
 * The native event name of a trigger. Inbenta's settings call the move
 * trigger `moving_category_tree_item` while its payload documentation says
 * `moving_category_tree`; both arrive as `moving_category_tree`.
 *
 * @example
 * ```ts
 * inbentaEventName("moving_category_tree_item"); // "moving_category_tree"
 * inbentaEventName("edit_content"); // "edit_content"
 * ```
 */
export function inbentaEventName(trigger: string): string {
  return trigger === "moving_category_tree_item" ? "moving_category_tree" : trigger;
}
