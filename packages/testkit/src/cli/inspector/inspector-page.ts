import { createHash } from "node:crypto";
import { PAGE_SCRIPT } from "./page-script.js";
import { PAGE_STYLE } from "./page-style.js";

const sha256 = (text: string) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

/** The page served at `GET /` and the headers it is served with. */
export interface InspectorPage {
  readonly html: string;
  readonly headers: Readonly<Record<string, string>>;
}

/**
 * The inspector page: one HTML document with its style and script inline (no
 * external assets, so it works offline), locked down by a Content Security
 * Policy that allows exactly that style and script and connections to itself.
 *
 * @example
 * ```ts
 * const page = inspectorPage();
 * res.writeHead(200, page.headers).end(page.html);
 * ```
 */
export function inspectorPage(): InspectorPage {
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>cmshooks inspector</title>
<link rel="icon" href="data:,">
<style>${PAGE_STYLE}</style>
</head>
<body>
<header>
  <h1>cmshooks inspector</h1>
  <p id="about">Connecting to the listener…</p>
  <p id="connection" role="status">Connecting…</p>
</header>
<main>
  <section class="list" aria-labelledby="list-title">
    <h2 id="list-title">Deliveries <span id="count"></span></h2>
    <p id="empty" class="muted">No deliveries yet. Send one to this address with <code>cmshooks send</code>; it appears here as it is handled.</p>
    <table>
      <caption class="sr-only">Deliveries received since the listener started, newest first</caption>
      <thead><tr>
        <th scope="col">Time</th><th scope="col">Request</th><th scope="col">Status</th><th scope="col">Native event</th>
        <th scope="col">Unified</th><th scope="col">Authenticity</th><th scope="col">Validation issues</th>
      </tr></thead>
      <tbody id="rows"></tbody>
    </table>
  </section>
  <section id="detail" aria-labelledby="detail-title" hidden></section>
</main>
<div id="announcer" class="sr-only" aria-live="polite"></div>
<script>${PAGE_SCRIPT}</script>
</body>
</html>
`;
  const policy = [
    "default-src 'none'",
    `style-src ${sha256(PAGE_STYLE)}`,
    `script-src ${sha256(PAGE_SCRIPT)}`,
    "connect-src 'self'",
    "img-src data:",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join("; ");
  return {
    html,
    headers: {
      "content-type": "text/html; charset=utf-8",
      "content-security-policy": policy,
      "x-content-type-options": "nosniff",
      "referrer-policy": "no-referrer",
      "cache-control": "no-store",
    },
  };
}
