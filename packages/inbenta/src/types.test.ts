import { createReceiver, secretQueryParam } from "@cmshooks/core";
import { describe, expectTypeOf, it } from "vitest";
import { inbenta, type InbentaAttribute, type InbentaEventName } from "./index.js";

// These assertions are checked by `tsc` (npm run typecheck); the runtime part only registers handlers.
describe("Inbenta handler types", () => {
  const receiver = createReceiver({ provider: inbenta({ auth: secretQueryParam({ name: "token", value: "t0ken" }) }) });

  it("gives on('edit_content') the exact payload type", () => {
    receiver.on("edit_content", ({ name, payload }) => {
      expectTypeOf(name).toEqualTypeOf<"edit_content">();
      expectTypeOf(payload.trigger).toEqualTypeOf<"edit_content">();
      expectTypeOf(payload.contentId).toEqualTypeOf<number>();
      expectTypeOf(payload.contentData.title).toEqualTypeOf<string | undefined>();
      expectTypeOf(payload.contentData.decisionTree).toEqualTypeOf<
        { text: string; children: { contentId: number; text: string }[] } | null | undefined
      >();
      expectTypeOf(payload.contentData.attributes).toEqualTypeOf<InbentaAttribute | InbentaAttribute[] | undefined>();
      expectTypeOf(payload.contentPreviousData?.publicationDate).toEqualTypeOf<string | null | undefined>();
    });
    receiver.on("create_content", ({ payload }) => {
      // A new content always has its title.
      expectTypeOf(payload.contentData.title).toEqualTypeOf<string>();
    });
    receiver.on("delete_content", ({ payload }) => {
      // @ts-expect-error — a deletion carries only the id
      void payload.contentData.title;
    });
  });

  it("types the move event with both trigger names", () => {
    receiver.on("moving_category_tree", ({ payload }) => {
      expectTypeOf(payload.trigger).toEqualTypeOf<"moving_category_tree" | "moving_category_tree_item">();
      expectTypeOf(payload.itemMovedType).toEqualTypeOf<"category" | "content">();
      expectTypeOf(payload.categoryParentTo).toEqualTypeOf<number | null>();
      expectTypeOf(payload.date).toEqualTypeOf<string | undefined>();
    });
  });

  it("types the webhook upon saving: action literal, both content forms", () => {
    receiver.on("upon_saving.edit", ({ payload }) => {
      expectTypeOf(payload.action).toEqualTypeOf<"edit">();
      expectTypeOf(payload.currentContent.id).toEqualTypeOf<number>();
      expectTypeOf(payload.content.categories).toEqualTypeOf<Record<string, string> | undefined>();
      // @ts-expect-error — a save has no trigger
      void payload.trigger;
    });
  });

  it("does not compile a misspelt event name or the settings' alias as an event name", () => {
    expectTypeOf<InbentaEventName>().toEqualTypeOf<
      | "create_content"
      | "edit_content"
      | "change_content_status"
      | "delete_content"
      | "create_category"
      | "edit_category"
      | "remove_category"
      | "moving_category_tree"
      | "upon_saving.add"
      | "upon_saving.edit"
    >();
    // @ts-expect-error — the alias arrives as moving_category_tree
    expectTypeOf(receiver.on).toBeCallableWith("moving_category_tree_item", () => {});
    // @ts-expect-error — not an Inbenta trigger
    expectTypeOf(receiver.on).toBeCallableWith("edit_contents", () => {});
  });

  it("types unified events", () => {
    receiver.onContentUpdate((event) => {
      expectTypeOf(event.changedFields).toEqualTypeOf<readonly string[] | undefined>();
    });
    receiver.onTaxonomyChange((event) => {
      expectTypeOf(event.taxonomy.action).toEqualTypeOf<"create" | "update" | "delete" | "restore" | "move" | "terms_change">();
      expectTypeOf(event.taxonomy.fromParent).toEqualTypeOf<string | undefined>();
    });
  });
});
