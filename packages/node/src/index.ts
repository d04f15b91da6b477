export { toNodeHandler, type NodeHandlerOptions } from "./to-node-handler.js";
export { readBodyWithLimit, type ReadBodyOptions } from "./read-body.js";
export { nodeDelivery } from "./delivery.js";
export { writeNodeResponse, closeAfterEarlyAnswer, earlyAnswerHeaders } from "./write-response.js";
export { socketAddress } from "./client-ip.js";
