import { startTelemetry } from "./telemetry.js";
import { createApp } from "./app.js";

// The SDK first, then the app: spans and metrics of every delivery print to the console.
const telemetry = startTelemetry();
const port = Number(process.env.PORT ?? 3000);
const server = createApp(process.env.BLOX_SECRET ?? "blox-demo-secret").listen(port, "127.0.0.1", () => {
  console.log(`listening on http://127.0.0.1:${port}/hooks/blox`);
  console.log(`try: npx cmshooks send blox editorial.update_asset --url http://127.0.0.1:${port}/hooks/blox --secret blox-demo-secret`);
});
process.on("SIGINT", () => server.close(() => void telemetry.shutdown()));
