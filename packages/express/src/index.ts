export { expressReceiver, type ExpressReceiverOptions, type ExpressReceiverHandler, type ExpressRequestLike } from "./express-receiver.js";
