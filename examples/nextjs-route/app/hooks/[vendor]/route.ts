import type { NextRequest } from "next/server";
import { createReceivers } from "../../../../shared/receivers";

// Created once per server instance, not per request: secrets, schemas and matchers are prepared here.
const receivers: Readonly<Record<string, { fetch(request: Request, options?: { ip?: string }): Promise<Response> }>> = createReceivers();

// The receivers need the raw body and must answer every delivery: never cache or pre-render this route.
export const dynamic = "force-dynamic";

/**
 * `POST /hooks/<vendor>`: the App Router hands us a fetch `Request`, so this
 * is `receiver.fetch`. The App Router exposes no socket address; if you set
 * `allowIps`, pass `ip` from a header your own proxy sets (and `trustProxy`).
 */
export async function POST(request: NextRequest, { params }: { params: Promise<{ vendor: string }> }): Promise<Response> {
  const { vendor } = await params;
  const receiver = receivers[vendor];
  if (!receiver) return Response.json({ error: "unknown_vendor", vendors: Object.keys(receivers) }, { status: 404 });
  return receiver.fetch(request);
}
