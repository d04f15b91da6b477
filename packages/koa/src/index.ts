export { koaReceiver, type KoaReceiverOptions, type KoaReceiverMiddleware, type KoaContextLike } from "./koa-receiver.js";
