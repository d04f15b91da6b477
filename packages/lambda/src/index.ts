export { lambdaReceiver, toLambdaResult, type LambdaHttpHandler } from "./lambda-receiver.js";
export { lambdaDelivery } from "./event-delivery.js";
export { eventHeaders, type LowerCaseHeaders } from "./event-headers.js";
export { eventBody } from "./event-body.js";
export {
  isEventV2,
  type LambdaEventV1,
  type LambdaEventV2,
  type LambdaHttpEvent,
  type LambdaHttpResult,
  type LambdaHeaders,
  type LambdaMultiValues,
  type LambdaPathParameters,
} from "./lambda-event.js";
