export { fastifyReceiver, type FastifyReceiverOptions } from "./fastify-receiver.js";
export { fastifyHandler, type FastifyHandlerOptions, type FastifyReceiverHandler } from "./fastify-handler.js";
export { fastifyDelivery } from "./fastify-delivery.js";
