// `@cmshooks/testkit/contentful`: the contentful kit and the shared helpers, without any other vendor's types.
export * from "../shared.js";
export { contentfulTestkit } from "../vendors/contentful.js";
