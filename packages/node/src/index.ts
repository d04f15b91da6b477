export { toNodeHandler, type NodeHandlerOptions } from "./to-node-handler.js";
export { readBodyWithLimit, type ReadBodyOptions } from "./read-body.js";
export { nodeDelivery, type NodeDeliveryOptions } from "./delivery.js";
export { writeNodeResponse, closeAfterEarlyAnswer, earlyAnswerHeaders } from "./write-response.js";
export { socketAddress } from "./client-ip.js";
export { fileDeliveryLog, type FileDeliveryLog, type FileDeliveryLogOptions } from "./file-delivery-log.js";
export { readDeliveryLogFile, type DeliveryLogLine } from "./read-delivery-log-file.js";
