// `@cmshooks/testkit/sanity`: the sanity kit and the shared helpers, without any other vendor's types.
export * from "../shared.js";
export { sanityTestkit } from "../vendors/sanity.js";
