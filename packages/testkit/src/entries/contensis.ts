// `@cmshooks/testkit/contensis`: the Contensis kits and the shared helpers, without any other vendor's types.
export * from "../shared.js";
export {
  contensisTestkit,
  contensisTestkitFor,
  contensisTestSubscription,
  CONTENSIS_TEST_SECRET_HEADER,
  type ContensisTestkit,
  type ContensisDeliveryOptions,
} from "../vendors/contensis.js";
