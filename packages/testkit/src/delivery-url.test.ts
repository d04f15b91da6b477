import { describe, expect, it } from "vitest";
import { deliveryUrl } from "./delivery-url.js";

describe("deliveryUrl", () => {
  it("adds the suggested path to a URL that has none", () => {
    expect(deliveryUrl({ path: "/hooks/blox" }, "http://127.0.0.1:3000").href).toBe("http://127.0.0.1:3000/hooks/blox");
  });

  it("keeps a URL's own path, even a bare slash", () => {
    expect(deliveryUrl({ path: "/hooks/blox" }, "http://127.0.0.1:3000/webhooks/in").href).toBe("http://127.0.0.1:3000/webhooks/in");
    expect(deliveryUrl({ path: "/hooks/blox" }, "http://127.0.0.1:3000/").href).toBe("http://127.0.0.1:3000/");
  });

  it("carries the delivery's query secret over, without replacing one the URL sets", () => {
    expect(deliveryUrl({ path: "/hooks/x?token=t0k" }, "http://h/in?a=1").href).toBe("http://h/in?a=1&token=t0k");
    expect(deliveryUrl({ path: "/hooks/x?token=t0k" }, "http://h/in?token=mine").href).toBe("http://h/in?token=mine");
    expect(deliveryUrl({ path: "/hooks/x?token=t0k" }, "http://h").href).toBe("http://h/hooks/x?token=t0k");
  });
});
