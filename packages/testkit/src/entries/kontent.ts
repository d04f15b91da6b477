// `@cmshooks/testkit/kontent`: the kontent kit and the shared helpers, without any other vendor's types.
export * from "../shared.js";
export { kontentTestkit } from "../vendors/kontent.js";
