/**
 * Inbenta's documented payloads through a real receiver: every "webhook transactions" trigger
 * (`inbentaSamples`: the documented payloads, placeholders filled) and both actions of the
 * "webhook upon saving" (fixtures/inbenta.ts), on one receiver.
 */
import { createReceiver, secretQueryParam, type AnyUnifiedEvent, type WebhookReceiver } from "@cmshooks/core";
import { inbenta, inbentaEvents, inbentaSamples, type InbentaEventName } from "@cmshooks/inbenta";
import { onEveryUnified } from "@cmshooks/testkit";
import { describe, expect, it } from "vitest";
import { documentedSave } from "./fixtures/inbenta.js";

const TOKEN = "inbenta-artifacts-5c2e";
const NAMES = Object.keys(inbentaEvents) as InbentaEventName[];

function receiver() {
  const seen: string[] = [];
  const r = createReceiver({ provider: inbenta({ auth: secretQueryParam({ name: "token", value: TOKEN }) }) });
  r.on(NAMES, (event) => void seen.push(event.name));
  onEveryUnified(r as unknown as WebhookReceiver, (event: AnyUnifiedEvent) => void seen.push(`${event.kind}:${event.items[0]?.id}`));
  r.onAny((event) => void (event.known ? undefined : seen.push(`unknown:${event.name}`)));
  return { r, seen };
}

const post = (r: ReturnType<typeof receiver>["r"], payload: unknown) =>
  r.handle({ method: "POST", url: `/hooks/inbenta?token=${TOKEN}`, headers: { "content-type": "application/json" }, body: Buffer.from(JSON.stringify(payload)) });

describe("Inbenta's documented deliveries, both webhook types on one receiver", () => {
  for (const name of NAMES.filter((n) => !n.startsWith("upon_saving."))) {
    it(`webhook transaction ${name}: 200, native ${name}`, async () => {
      const { r, seen } = receiver();
      expect((await post(r, inbentaSamples[name])).status).toBe(200);
      expect(seen[0]).toBe(name);
      expect(seen.some((s) => s.startsWith("unknown:"))).toBe(false);
    });
  }

  for (const [action, kind] of [["add", "content.create"], ["edit", "content.update"]] as const) {
    it(`webhook upon saving, action ${action}: 200, native upon_saving.${action}, unified ${kind} (issue 16, case 12)`, async () => {
      const { r, seen } = receiver();
      expect((await post(r, documentedSave(action))).status).toBe(200);
      expect(seen).toEqual([`upon_saving.${action}`, `${kind}:1287`]);
    });
  }
});
