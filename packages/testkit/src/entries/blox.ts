// `@cmshooks/testkit/blox`: the blox kit and the shared helpers, without any other vendor's types.
export * from "../shared.js";
export { bloxTestkit } from "../vendors/blox.js";
