// `@cmshooks/testkit/strapi`: the strapi kit and the shared helpers, without any other vendor's types.
export * from "../shared.js";
export { strapiTestkit } from "../vendors/strapi.js";
