// `@cmshooks/testkit/storyblok`: the storyblok kit and the shared helpers, without any other vendor's types.
export * from "../shared.js";
export { storyblokTestkit } from "../vendors/storyblok.js";
