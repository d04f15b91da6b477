// `@cmshooks/testkit/kapost`: the kapost kit and the shared helpers, without any other vendor's types.
export * from "../shared.js";
export { kapostTestkit } from "../vendors/kapost.js";
