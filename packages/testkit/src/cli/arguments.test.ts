import { describe, expect, it } from "vitest";
import { vendors } from "../vendors/index.js";
import type { VendorEntry } from "../vendor-entry.js";
import {
  basicArgument,
  eventArgument,
  headerArgument,
  integerArgument,
  overrideArgument,
  parseCommandLine,
  queryArgument,
  receiverCredentials,
  vendorArgument,
} from "./arguments.js";
import { UsageError } from "./usage-error.js";

const blox: VendorEntry = vendors.blox;
const unsigned: VendorEntry = { ...blox, authenticity: "credentials" };
const FLAGS = { header: "--header", query: "--query" };

describe("CLI arguments", () => {
  it("splits user:pass at the first colon (a password may contain colons)", () => {
    expect(basicArgument("cms:pa:ss")).toEqual({ basic: { username: "cms", password: "pa:ss" } });
    expect(() => basicArgument("nocolon")).toThrow(UsageError);
    expect(() => basicArgument(":pass")).toThrow(UsageError);
  });

  it("reads 'Name: value' headers with a lower-case name and a trimmed value", () => {
    expect(headerArgument("X-Hook-Signature: abc==", "--header")).toEqual({ name: "x-hook-signature", value: "abc==" });
    expect(headerArgument("x-a:b:c", "--header")).toEqual({ name: "x-a", value: "b:c" });
    expect(() => headerArgument("no colon", "--header")).toThrow(/--header takes "Name: value"/);
    expect(() => headerArgument("bad name: v", "--header")).toThrow(UsageError);
  });

  it("reads name=value query parameters", () => {
    expect(queryArgument("token=a=b", "--query")).toEqual({ name: "token", value: "a=b" });
    expect(() => queryArgument("=v", "--query")).toThrow(UsageError);
  });

  it("turns parseArgs errors into usage errors", () => {
    expect(() => parseCommandLine(["--nope"], { json: { type: "boolean" } })).toThrow(UsageError);
    expect(() => parseCommandLine(["--json=1"], { json: { type: "boolean" } })).toThrow(UsageError);
  });

  it("names the known vendors and events when one is wrong", () => {
    expect(() => vendorArgument("nope")).toThrow(/Known vendors: blox/);
    expect(() => eventArgument(blox, "editorial.nope")).toThrow(/editorial\.update_asset/);
    expect(eventArgument(blox, "user.create_user")).toBe("user.create_user");
  });

  it("checks whole numbers and JSON overrides", () => {
    expect(integerArgument(undefined, "--port", { min: 0, max: 65535, fallback: 3000 })).toBe(3000);
    expect(integerArgument("0", "--port", { min: 0, max: 65535, fallback: 3000 })).toBe(0);
    expect(() => integerArgument("70000", "--port", { min: 0, max: 65535, fallback: 3000 })).toThrow(/0 to 65535/);
    expect(() => integerArgument("3e3", "--port", { min: 0, max: 65535, fallback: 3000 })).toThrow(UsageError);
    expect(overrideArgument('{"data":{"title":"x"}}')).toEqual({ data: { title: "x" } });
    expect(() => overrideArgument("[1]")).toThrow(/JSON object/);
    expect(() => overrideArgument("{nope")).toThrow(/not JSON/);
  });

  it("asks a signing vendor for a secret and an unsigned one for one credential", () => {
    expect(receiverCredentials(blox, { secret: "s" }, FLAGS)).toEqual({ secret: "s" });
    expect(() => receiverCredentials(blox, {}, FLAGS)).toThrow(/--secret/);
    expect(() => receiverCredentials(blox, { secret: "s", basic: "u:p" }, FLAGS)).toThrow(/signs its deliveries/);
    expect(receiverCredentials(unsigned, { basic: "u:p" }, FLAGS)).toEqual({ auth: { basic: { username: "u", password: "p" } } });
    expect(receiverCredentials(unsigned, { query: "token=t" }, FLAGS)).toEqual({ auth: { query: { name: "token", value: "t" } } });
    expect(receiverCredentials(unsigned, {}, FLAGS)).toEqual({});
    expect(() => receiverCredentials(unsigned, { secret: "s" }, FLAGS)).toThrow(/signs nothing/);
    expect(() => receiverCredentials(unsigned, { basic: "u:p", header: "x-a: b" }, FLAGS)).toThrow(/one of/);
  });
});
