// Type-level specification (checked by `tsc -p test`): typos in payloads do not compile for any
// vendor (open objects), every vendor has a named receiver type, unified events are discriminated
// by their native event, and a Contensis receiver knows which events its subscription sends.
import { createReceiver, secretHeader, type AnyUnifiedEvent, type Provider, type Receiver } from "@cmshooks/core";
import { blox, type BloxReceiver } from "@cmshooks/blox";
import { contensis, defineContensisSubscription, type ContensisReceiver } from "@cmshooks/contensis";
import { contentful } from "@cmshooks/contentful";
import { hygraph } from "@cmshooks/hygraph";
import { inbenta, type InbentaReceiver } from "@cmshooks/inbenta";
import { kapost, type KapostReceiver } from "@cmshooks/kapost";
import { kontent, type KontentReceiver } from "@cmshooks/kontent";
import { sanity } from "@cmshooks/sanity";
import { storyblok } from "@cmshooks/storyblok";
import { strapi } from "@cmshooks/strapi";
import { onEveryUnified } from "@cmshooks/testkit";
import { describe, expect, expectTypeOf, it } from "vitest";

const auth = secretHeader({ name: "x-webhook-secret", value: "s3cret" });

describe("payload typos are compile errors for every vendor (open objects: unknown fields pass at run time, only documented ones are typed)", () => {
  it("BLOX", () => {
    createReceiver({ provider: blox({ secret: "s" }) }).on("editorial.update_asset", ({ payload }) => {
      expectTypeOf(payload.data.title).toEqualTypeOf<string | undefined>();
      // @ts-expect-error misspelt field
      void payload.data.titel;
    });
  });
  it("Kapost", () => {
    createReceiver({ provider: kapost({ auth }) }).on("content.update", ({ payload }) => {
      expectTypeOf(payload.payload.full_post.id).toEqualTypeOf<string>();
      // @ts-expect-error misspelt field
      void payload.payload.full_post.idd;
    });
  });
  it("Inbenta", () => {
    createReceiver({ provider: inbenta({ auth }) }).on("create_content", ({ payload }) => {
      expectTypeOf(payload.contentData.title).toEqualTypeOf<string>();
      // @ts-expect-error misspelt field
      void payload.contentData.titel;
    });
  });
  it("Contensis default payload", () => {
    createReceiver({ provider: contensis({ auth }) }).on("entry.published", ({ payload }) => {
      expectTypeOf(payload.resource.title).toEqualTypeOf<string>();
      // @ts-expect-error misspelt field
      void payload.resource.titel;
    });
  });
});

describe("a named receiver type per vendor", () => {
  it("is exactly what createReceiver returns for that vendor's provider", () => {
    expectTypeOf(createReceiver({ provider: blox({ secret: "s" }) })).toEqualTypeOf<BloxReceiver>();
    expectTypeOf(createReceiver({ provider: kontent({ secret: "s" }) })).toEqualTypeOf<KontentReceiver>();
    expectTypeOf(createReceiver({ provider: kapost({ auth }) })).toEqualTypeOf<KapostReceiver>();
    expectTypeOf(createReceiver({ provider: inbenta({ auth }) })).toEqualTypeOf<InbentaReceiver>();
    expectTypeOf(createReceiver({ provider: contensis({ auth }) })).toEqualTypeOf<ContensisReceiver>();
    expectTypeOf<KontentReceiver>().toEqualTypeOf<Receiver<ReturnType<typeof kontent>>>();
  });

  it("types handlers registered through a function that takes it", () => {
    const register = (receiver: KontentReceiver) =>
      receiver.on("content_item.published", ({ payload }) => expectTypeOf(payload.data.system.codename).toEqualTypeOf<string>());
    register(createReceiver({ provider: kontent({ secret: "s" }) }));
    // @ts-expect-error a BLOX receiver is not a Kontent.ai receiver (and at run time it has no such event)
    expect(() => register(createReceiver({ provider: blox({ secret: "s" }) }))).toThrow(/no event "content_item\.published"/);
  });
});

describe("unified events are discriminated by nativeEvent, for every vendor", () => {
  it("Kontent.ai: the name narrows raw; a name that does not exist, or never maps to the kind, does not compile", () => {
    createReceiver({ provider: kontent({ secret: "s" }) }).onContentPublish((e) => {
      expectTypeOf(e.nativeEvent).toEqualTypeOf<"content_item_variant.publish" | "content_item.published">();
      if (e.nativeEvent === "content_item.published") expectTypeOf(e.raw.data.system.codename).toEqualTypeOf<string>();
      else expectTypeOf(e.raw.data.items[0]!.codename).toEqualTypeOf<string>();
      // @ts-expect-error no such native event
      void (e.nativeEvent === "content_item.publishd");
      // @ts-expect-error a native event that never maps to content.publish
      void (e.nativeEvent === "content_item.unpublished");
    });
  });
  it("BLOX", () => {
    const receiver = createReceiver({ provider: blox({ secret: "s" }) });
    receiver.onContentPublish((e) => expectTypeOf(e.nativeEvent).toEqualTypeOf<"editorial.create_asset" | "editorial.update_asset">());
    receiver.onUserChange((e) => {
      if (e.nativeEvent === "user.delete_user") expectTypeOf(e.raw.data.email).toEqualTypeOf<string | undefined>();
      // @ts-expect-error an asset event is never a user change
      void (e.nativeEvent === "editorial.delete_asset");
    });
  });
  it("Contensis: by the subscription's events; every event without one", () => {
    createReceiver({ provider: contensis({ auth }) }).onContentDelete((e) => {
      expectTypeOf(e.nativeEvent).toEqualTypeOf<
        "entry.deleted" | "entry.archived" | "asset.deleted" | "asset.archived" | "form.deleted" | "form.archived" | "node.deleted"
      >();
      if (e.nativeEvent === "node.deleted") expectTypeOf(e.raw.resource.id).toEqualTypeOf<string>();
      // @ts-expect-error group events map to no unified kind
      void (e.nativeEvent === "group.deleted");
    });
  });
  it("Inbenta", () => {
    createReceiver({ provider: inbenta({ auth }) }).onContentUpdate((e) => {
      expectTypeOf(e.nativeEvent).toEqualTypeOf<"edit_content" | "upon_saving.edit">();
      if (e.nativeEvent === "edit_content") expectTypeOf(e.raw.contentId).toEqualTypeOf<number>();
    });
  });
  it("Kapost", () => {
    createReceiver({ provider: kapost({ auth }) }).onContentPublish((e) => expectTypeOf(e.nativeEvent).toEqualTypeOf<"content.publish">());
  });
  it("Storyblok", () => {
    createReceiver({ provider: storyblok({ secret: "s" }) }).onContentPublish((e) => {
      expectTypeOf(e.nativeEvent).toEqualTypeOf<"story.published" | "release.merged" | "release_merged" | "pipeline.deployed" | "branch_deployed">();
      if (e.nativeEvent === "story.published") expectTypeOf(e.raw.story_id).toEqualTypeOf<number>();
    });
  });
  it("Strapi", () => {
    createReceiver({ provider: strapi({ auth }) }).onWorkflowChange((e) => {
      expectTypeOf(e.nativeEvent).toEqualTypeOf<"review-workflows.updateEntryStage">();
      expectTypeOf(e.raw.workflow.stages.to.name).toEqualTypeOf<string>();
    });
  });
  it("Sanity", () => {
    const receiver = createReceiver({ provider: sanity({ secret: "s" }) });
    receiver.onContentUnpublish((e) => expectTypeOf(e.nativeEvent).toEqualTypeOf<"delete">());
    receiver.onContentPublish((e) => expectTypeOf(e.nativeEvent).toEqualTypeOf<"create" | "update">());
  });
  it("Contentful", () => {
    createReceiver({ provider: contentful({ secret: "c".repeat(64) }) }).onContentRestore((e) => {
      expectTypeOf(e.nativeEvent).toEqualTypeOf<"ContentManagement.Entry.unarchive" | "ContentManagement.Asset.unarchive">();
      expectTypeOf(e.raw.sys.id).toEqualTypeOf<string>();
      // @ts-expect-error content-type events map to no unified kind
      void (e.nativeEvent === "ContentManagement.ContentType.publish");
    });
  });
  it("Hygraph", () => {
    createReceiver({ provider: hygraph({ secret: "s" }) }).onContentUnpublish((e) => expectTypeOf(e.nativeEvent).toEqualTypeOf<"unpublish">());
  });

  it("a kind the vendor never produces gets a handler of `never`", () => {
    createReceiver({ provider: kontent({ secret: "s" }) }).onUserChange((e) => expectTypeOf(e).toBeNever());
  });

  it("generic listeners keep working: onAny, AnyUnifiedEvent and a receiver of any provider", () => {
    const receiver = createReceiver({ provider: kontent({ secret: "s" }) });
    receiver.onAny((e) => {
      if (e.known && e.name === "content_item.published") expectTypeOf(e.payload.data.system.codename).toEqualTypeOf<string>();
    });
    const log = (e: AnyUnifiedEvent) => e.nativeEvent;
    receiver.onContentPublish(log);
    onEveryUnified(receiver, (e) => expectTypeOf(e.nativeEvent).toEqualTypeOf<string>());
    const provider: Provider = kontent({ secret: "s" });
    createReceiver({ provider }).onContentPublish((e) => {
      expectTypeOf(e.nativeEvent).toEqualTypeOf<string>();
      expectTypeOf(e.raw).toEqualTypeOf<unknown>();
    });
  });
});

describe("Contensis: on() knows the subscription's events", () => {
  const subscription = defineContensisSubscription({
    name: "entries",
    url: "https://hooks.example.com/contensis",
    topics: [{ resourceType: "entry", event: ["published", "unpublished"] }],
    headers: { "x-webhook-secret": { value: "a-long-random-secret", secret: true } },
  });
  it("an event the subscription never sends does not compile", () => {
    const receiver = createReceiver({ provider: contensis({ subscription }) });
    receiver.on("entry.published", ({ payload }) => expectTypeOf(payload.resource.id).toEqualTypeOf<string>());
    // @ts-expect-error no topic sends group events
    receiver.on("group.userAdded", () => {});
    // @ts-expect-error entry topics send published and unpublished only
    receiver.on("entry.deleted", () => {});
    expectTypeOf<Parameters<ContensisReceiver<(typeof subscription)["definition"]>["on"]>[0]>().toEqualTypeOf<
      "entry.published" | "entry.unpublished" | readonly ("entry.published" | "entry.unpublished")[]
    >();
  });
  it("every event stays allowed without a subscription", () => {
    createReceiver({ provider: contensis({ auth }) }).on("group.userAdded", ({ payload }) => expectTypeOf(payload.eventName).toEqualTypeOf<string>());
  });
});
