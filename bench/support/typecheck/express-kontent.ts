// The same app with cmshooks: @cmshooks/express + @cmshooks/kontent and a unified handler.
import express from "express";
import { createReceiver } from "@cmshooks/core";
import { expressReceiver } from "@cmshooks/express";
import { kontent } from "@cmshooks/kontent";

const receiver = createReceiver({ provider: kontent({ secret: process.env.KONTENT_SECRET! }) });
receiver.onContentPublish((event) => {
  if (event.nativeEvent === "content_item.published") console.log("purge", event.raw.data.system.codename, event.items[0]?.language);
});

const app = express();
app.post("/hooks/kontent", expressReceiver(receiver));
app.listen(3000, "127.0.0.1");
