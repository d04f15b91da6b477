// `@cmshooks/testkit/hygraph`: the hygraph kit and the shared helpers, without any other vendor's types.
export * from "../shared.js";
export { hygraphTestkit } from "../vendors/hygraph.js";
