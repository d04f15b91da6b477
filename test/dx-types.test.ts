// Type-level specification (checked by `tsc -p test`): typos in payloads do not compile for any
// vendor (open objects), and every vendor has a named receiver type.
import { createReceiver, secretHeader, type Receiver } from "@cmshooks/core";
import { blox, type BloxReceiver } from "@cmshooks/blox";
import { contensis, type ContensisReceiver } from "@cmshooks/contensis";
import { inbenta, type InbentaReceiver } from "@cmshooks/inbenta";
import { kapost, type KapostReceiver } from "@cmshooks/kapost";
import { kontent, type KontentReceiver } from "@cmshooks/kontent";
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
