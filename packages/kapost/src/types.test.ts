import { basicAuth, createReceiver } from "@cmshooks/core";
import { describe, expectTypeOf, it } from "vitest";
import { kapost, type KapostEventName, type KapostFullPost } from "./index.js";

// These assertions are checked by `tsc` (npm run typecheck); the runtime part only registers handlers.
describe("Kapost handler types", () => {
  const receiver = createReceiver({ provider: kapost({ auth: basicAuth({ username: "kapost", password: "pw" }) }) });

  it("gives on('content.publish') the exact payload type", () => {
    receiver.on("content.publish", ({ name, payload }) => {
      expectTypeOf(name).toEqualTypeOf<"content.publish">();
      expectTypeOf(payload.operation).toEqualTypeOf<"publish">();
      expectTypeOf(payload.type).toEqualTypeOf<"content">();
      expectTypeOf(payload.payload.full_post.id).toEqualTypeOf<string>();
      expectTypeOf(payload.payload.full_post.content_title).toEqualTypeOf<string | null | undefined>();
      expectTypeOf(payload.payload.full_post.tags).toEqualTypeOf<string[] | undefined>();
      expectTypeOf(payload.instance.subdomain).toEqualTypeOf<string>();
      // @ts-expect-error — content_title is null until the idea is written up
      const title: string = payload.payload.full_post.content_title;
      void title;
    });
    receiver.on(["content.create", "content.delete"], ({ payload }) => {
      expectTypeOf(payload.operation).toEqualTypeOf<"create" | "delete">();
      expectTypeOf(payload.payload.full_post).toEqualTypeOf<KapostFullPost>();
    });
  });

  it("does not compile a misspelt or undocumented event name", () => {
    expectTypeOf<KapostEventName>().toEqualTypeOf<"content.create" | "content.update" | "content.publish" | "content.delete">();
    // @ts-expect-error — not a Kapost event
    expectTypeOf(receiver.on).toBeCallableWith("content.published", () => {});
  });

  it("types unified events with the Kapost payloads as raw", () => {
    receiver.onContentPublish((event) => {
      expectTypeOf(event.kind).toEqualTypeOf<"content.publish">();
      expectTypeOf(event.raw.payload.full_post.updated_at).toEqualTypeOf<string>();
    });
  });

  it("takes one authenticator or a list", () => {
    expectTypeOf(kapost).toBeCallableWith({ auth: [basicAuth({ username: "a", password: "b" })] });
    expectTypeOf(kapost).toBeCallableWith({});
    // @ts-expect-error — auth takes authenticators, not a bare secret
    expectTypeOf(kapost).toBeCallableWith({ auth: "s3cret" });
  });
});
