export { honoReceiver, type HonoReceiverOptions } from "./hono-receiver.js";
export { runtimeAddress } from "./runtime-address.js";
