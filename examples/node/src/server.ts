import { createServer } from "node:http";
import { createApp } from "./app.js";

const port = Number(process.env.PORT ?? 3000);
createServer(createApp()).listen(port, "127.0.0.1", () => console.log(`node:http example listening on http://127.0.0.1:${port} (GET / lists the hooks)`));
