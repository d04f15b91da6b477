// Baseline: a Contensis webhook in Express, written by hand (secret header, a templated body typed by hand).
import { timingSafeEqual } from "node:crypto";
import express from "express";

interface NewsDelivery {
  id: string;
  title: string;
  headline: string;
}

function secretMatches(given: string | undefined, secret: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

const app = express();
app.post("/hooks/contensis", express.json(), (req, res) => {
  if (!secretMatches(req.get("x-webhook-secret"), process.env.CONTENSIS_SECRET!)) {
    res.status(401).json({ error: "invalid secret" });
    return;
  }
  const event = req.get("x-contensis-event");
  const body = req.body as NewsDelivery;
  if (event === "entry.published") console.log("purge", body.headline, req.get("department"));
  else if (event === "entry.unpublished") console.log("purge", body.id);
  res.json({ ok: true });
});
app.listen(3000, "127.0.0.1");
