// `@cmshooks/testkit/inbenta`: the inbenta kit and the shared helpers, without any other vendor's types.
export * from "../shared.js";
export { inbentaTestkit } from "../vendors/inbenta.js";
