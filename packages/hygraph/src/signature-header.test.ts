import { describe, expect, it } from "vitest";
import { parseHygraphSignatureHeader } from "./signature-header.js";

describe("parseHygraphSignatureHeader", () => {
  it("reads the three parts in any order", () => {
    expect(parseHygraphSignatureHeader("t=1700000000000, sign=abc=, env=master")).toEqual({ signature: "abc=", environment: "master", timestamp: 1700000000000 });
  });

  // Found by the fuzz: two gcms-signature headers arrive joined with ", "; a forged one in front of a
  // genuine one must not let the genuine parts through.
  it.each([
    ["a part given twice (two headers joined)", "sign=AAAA, env=master, t=1, sign=BBBB=, env=master, t=1700000000000"],
    ["a part that is no key=value", "b22827, sign=abc=, env=master, t=1700000000000"],
    ["a part Hygraph never writes", "AA==, sign=abc=, env=master, t=1700000000000"],
    ["a missing part", "sign=abc=, env=master"],
    ["a timestamp that is no number", "sign=abc=, env=master, t=soon"],
  ])("refuses %s", (_name, header) => {
    expect(parseHygraphSignatureHeader(header)).toBeUndefined();
  });
});
