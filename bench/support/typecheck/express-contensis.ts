// The same app with cmshooks: @cmshooks/express + @cmshooks/contensis with a typed subscription.
import express from "express";
import { createReceiver } from "@cmshooks/core";
import { expressReceiver } from "@cmshooks/express";
import { contensis, defineContensisSubscription, pointer } from "@cmshooks/contensis";
import { z } from "zod";

const subscription = defineContensisSubscription({
  name: { "en-GB": "News to CDN" },
  url: "https://hooks.example.com/contensis",
  topics: [{ resourceType: "entry", event: ["published", "unpublished"], contentTypeId: ["news"] }],
  headers: { "x-webhook-secret": { value: process.env.CONTENSIS_SECRET!, secret: true }, department: { value: "{/resource/department}" } },
  templates: { "entry.news": { id: "{/resource/sys/id}", title: "{/resource/entryTitle}", headline: pointer("/resource/headline", z.string()) } },
});

const receiver = createReceiver({ provider: contensis({ subscription }) });
receiver.on("entry.published", ({ payload, meta }) => console.log("purge", payload.headline, meta.headers.department));
receiver.onContentUnpublish((event) => console.log("purge", event.items[0]?.id));

const app = express();
app.post("/hooks/contensis", expressReceiver(receiver));
app.listen(3000, "127.0.0.1");
