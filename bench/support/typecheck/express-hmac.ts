// Baseline: a Kontent.ai webhook in Express, written by hand (HMAC over the raw body, typed by hand).
import { createHmac, timingSafeEqual } from "node:crypto";
import express from "express";

interface ItemSystem {
  id: string;
  name: string;
  codename: string;
  language: string;
  type: string;
  collection: string;
  workflow: string;
  workflow_step: string;
  last_modified: string;
}
interface Notification {
  data: { system: ItemSystem };
  message: { environment_id: string; object_type: string; action: string; delivery_slot: "published" | "preview" };
}

function verified(body: Buffer, signature: string | undefined, secret: string): boolean {
  if (!signature) return false;
  const expected = createHmac("sha256", secret).update(body).digest("base64");
  const a = Buffer.from(expected);
  const b = Buffer.from(signature);
  return a.length === b.length && timingSafeEqual(a, b);
}

function onPublish(notification: Notification): void {
  if (notification.message.object_type === "content_item" && notification.message.action === "published") {
    console.log("purge", notification.data.system.codename, notification.data.system.language);
  }
}

const app = express();
app.post("/hooks/kontent", express.raw({ type: "*/*" }), (req, res) => {
  if (!verified(req.body as Buffer, req.get("x-kontent-ai-signature"), process.env.KONTENT_SECRET!)) {
    res.status(401).json({ error: "invalid signature" });
    return;
  }
  const body = JSON.parse((req.body as Buffer).toString("utf8")) as { notifications: Notification[] };
  for (const notification of body.notifications) onPublish(notification);
  res.json({ ok: true });
});
app.listen(3000, "127.0.0.1");
