import type { BloxAssetDelivery, BloxUserDelivery } from "./schemas.js";
import type { BloxEventName } from "./events.js";

const asset = (event: string, published: "yes" | "no"): BloxAssetDelivery => ({
  application: "editorial",
  event,
  data: {
    uuid: "5e3c2a52-6c1b-11ee-b962-0242ac120002",
    url: "https://www.example-news.com/news/local/city-council-approves-budget/article_5e3c2a52-6c1b-11ee-b962-0242ac120002.html",
    title: "City council approves 2027 budget",
    type: "article",
    flags: ["breaking_news"],
    start_time: "2026-11-20T14:30:00Z",
    revision: 3,
    published,
  },
});

const user = (event: string): BloxUserDelivery => ({
  application: "user",
  event,
  data: {
    id: "7f1d9a3e-2b44-4c1b-9f0e-3a5d8c6b1e20",
    email: "jane.reader@example.com",
    screen_name: "janereader",
    first_name: "Jane",
    last_name: "Reader",
    address: "100 Main St",
    municipality: "Springfield",
    region: "IL",
    postal_code: "62701",
  },
});

/**
 * A realistic sample delivery for every BLOX native event (as the JSON BLOX would send).
 *
 * @example
 * ```ts
 * const body = JSON.stringify(bloxSamples["editorial.update_asset"]);
 * await fetch("http://localhost:3000/hooks/blox", { method: "POST", body, headers: { "x-hook-signature": await signBlox(body, secret) } });
 * ```
 */
export const bloxSamples: { readonly [K in BloxEventName]: K extends `user.${string}` ? BloxUserDelivery : BloxAssetDelivery } = {
  "editorial.create_asset": asset("create_asset", "no"),
  "editorial.update_asset": asset("update_asset", "yes"),
  "editorial.delete_asset": asset("delete_asset", "no"),
  "user.create_user": user("create_user"),
  "user.update_user": user("update_user"),
  "user.delete_user": user("delete_user"),
};
