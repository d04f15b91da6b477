/**
 * The constant-time promise, tested deterministically rather than with a
 * clock: a check must read every character of each secret (and the same
 * positions of the received value) whether the received value differs in
 * its first character, its last, its length, or not at all, and whichever
 * entry of a rotation list matches. An early exit at the first difference,
 * at a length mismatch or at the first matching entry reads fewer and fails
 * here. (bench/constant-time.mjs measures the timing itself.)
 */
import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { CryptoEngine } from "../crypto/engine.js";
import { nodeCryptoEngine } from "../crypto/node-crypto.js";
import { webCryptoEngine } from "../crypto/web-crypto.js";
import { toHeaderReader } from "../headers.js";
import type { Authenticator } from "./authenticator.js";
import { basicAuth } from "./basic-auth.js";
import { charReads, differingAt, fullComparisonReads } from "./char-reads.test-support.js";
import { constantTimeEqual, constantTimeIncludes } from "./constant-time.js";
import { makeHmacSignature } from "./hmac-signature.js";
import { secretHeader } from "./secret-header.js";
import { secretPathSegment } from "./secret-path-segment.js";
import { secretQueryParam } from "./secret-query-param.js";

const SECRET = "s3cr3t-0123456789-abcdefghij-KLMNOP";
const OLDER = "older-secret-value-xyz";

/** What a received value may be, relative to the secret. */
const RECEIVED: readonly (readonly [string, string])[] = [
  ["equal", SECRET],
  ["differing in the first character", differingAt(SECRET, 0)],
  ["differing in the last character", differingAt(SECRET, -1)],
  ["shorter (a prefix)", SECRET.slice(0, 5)],
  ["longer (an extension)", `${SECRET}-and-more`],
  ["empty", ""],
];
const NON_EMPTY = RECEIVED.filter(([, value]) => value !== "");

/** The outcome code of a check (`ok` when it passed). */
async function outcome(check: Authenticator, input: Parameters<Authenticator["verify"]>[0]): Promise<string> {
  return (await check.verify(input))?.code ?? "ok";
}
const request = (headers: Record<string, string>, url?: string, body = new Uint8Array()) => ({ headers: toHeaderReader(headers), body, url });

describe("constantTimeEqual", () => {
  it.each(RECEIVED)("received %s: reads positions 0…n-1 of the secret, and as many of the received value, never past its end", async (_case, received) => {
    const watched = received === SECRET || received === "" ? [SECRET] : [received, SECRET];
    const reads = await charReads(watched, () => constantTimeEqual(received, SECRET));
    expect(reads).toEqual(fullComparisonReads(watched, [[received, SECRET]]));
  });

  it("a mismatch in the first character reads exactly what one in the last does", async () => {
    const [first, last] = [differingAt(SECRET, 0), differingAt(SECRET, -1)];
    const [ofSecretFirst] = await charReads([SECRET], () => constantTimeEqual(first, SECRET));
    const [ofSecretLast] = await charReads([SECRET], () => constantTimeEqual(last, SECRET));
    expect(ofSecretFirst).toHaveLength(SECRET.length);
    expect(ofSecretFirst).toEqual(ofSecretLast);
  });

  it("answers correctly in every one of those cases", () => {
    expect(RECEIVED.map(([, received]) => constantTimeEqual(received, SECRET))).toEqual([true, false, false, false, false, false]);
  });
});

describe("constantTimeIncludes", () => {
  const list = ["first-secret-aaaaaaaa", "second-secret-bbbbbbb", "third-secret-ccccccccc"];
  it.each([
    ["the first entry", list[0]!, true],
    ["the last entry", list[2]!, true],
    ["no entry", "nothing-matches-here", false],
  ])("a received value matching %s: every entry is read in full", async (_case, received, expected) => {
    let result: boolean | undefined;
    const reads = await charReads(list, () => (result = constantTimeIncludes(received, list)));
    expect(result).toBe(expected);
    expect(reads).toEqual(fullComparisonReads(list, list.map((entry) => [received, entry])));
  });
});

describe("secretHeader", () => {
  const check = secretHeader({ name: "x-webhook-secret", value: [SECRET, OLDER] });
  it.each(RECEIVED)("received %s: both secrets of the rotation list read in full", async (_case, received) => {
    let code: string | undefined;
    const reads = await charReads([SECRET, OLDER], async () => (code = await outcome(check, request({ "x-webhook-secret": received }))));
    expect(code).toBe(received === SECRET ? "ok" : "credentials_invalid");
    expect(reads).toEqual(fullComparisonReads([SECRET, OLDER], [[received, SECRET], [received, OLDER]]));
  });
});

describe("secretQueryParam and secretPathSegment", () => {
  const query = secretQueryParam({ name: "token", value: [SECRET, OLDER] });
  const path = secretPathSegment({ value: [SECRET, OLDER] });
  it.each(NON_EMPTY)("received %s: both secrets read in full", async (_case, received) => {
    const expected = fullComparisonReads([SECRET, OLDER], [[received, SECRET], [received, OLDER]]);
    const code = received === SECRET ? "ok" : "credentials_invalid";
    const url = { query: `/hooks?token=${encodeURIComponent(received)}`, path: `/hooks/${encodeURIComponent(received)}` };
    let codes: string[] = [];
    const fromQuery = await charReads([SECRET, OLDER], async () => codes.push(await outcome(query, request({}, url.query))));
    const fromPath = await charReads([SECRET, OLDER], async () => codes.push(await outcome(path, request({}, url.path))));
    expect(codes).toEqual([code, code]);
    expect(fromQuery).toEqual(expected);
    expect(fromPath).toEqual(expected);
    codes = [];
  });
});

describe("basicAuth", () => {
  const credentials = [
    { username: "kapost-user", password: SECRET },
    { username: "previous-user", password: "previous-password-123" },
  ];
  const check = basicAuth({ credentials });
  const watched = credentials.flatMap((c) => [c.username, c.password]);
  const authorization = (username: string, password: string) => ({ authorization: `Basic ${Buffer.from(`${username}:${password}`).toString("base64")}` });
  it.each([
    ["the right username and password", "kapost-user", SECRET, "ok"],
    ["the second pair of the list", "previous-user", "previous-password-123", "ok"],
    ["a username wrong in its first character", differingAt("kapost-user", 0), SECRET, "credentials_invalid"],
    ["a password wrong in its last character", "kapost-user", differingAt(SECRET, -1), "credentials_invalid"],
    ["both wrong", "someone-else", "guess", "credentials_invalid"],
  ])("%s: every username and password of the list read in full", async (_case, username, password, expected) => {
    let code: string | undefined;
    const reads = await charReads(watched, async () => (code = await outcome(check, request(authorization(username, password)))));
    expect(code).toBe(expected);
    const pairs = credentials.flatMap((c) => [[username, c.username] as const, [password, c.password] as const]);
    expect(reads).toEqual(fullComparisonReads(watched, pairs));
  });
});

describe.each([
  ["node:crypto", nodeCryptoEngine],
  ["Web Crypto", webCryptoEngine],
] as readonly (readonly [string, CryptoEngine])[])("hmacSignature with %s", (_engine, engine) => {
  const body = new TextEncoder().encode('{"event":"publish","id":"42"}');
  const digest = (secret: string) => createHmac("sha256", secret).update(body).digest("base64");
  const [current, previous] = [digest(SECRET), digest(OLDER)];
  const check = makeHmacSignature(engine)({ header: "x-signature", secret: [SECRET, OLDER] });
  it.each([
    ["the genuine signature", current, "ok"],
    ["a signature of the older secret", previous, "ok"],
    ["a signature differing in its first character", differingAt(current, 0), "signature_mismatch"],
    ["a signature differing in its last digest character", differingAt(current, current.indexOf("=") - 1), "signature_mismatch"],
    ["a truncated signature", current.slice(0, 4), "signature_mismatch"],
  ])("%s: the digest of every secret read in full", async (_case, received, expected) => {
    let code: string | undefined;
    const reads = await charReads([current, previous], async () => (code = await outcome(check, request({ "x-signature": received }, undefined, body))));
    expect(code).toBe(expected);
    expect(reads).toEqual(fullComparisonReads([current, previous], [[received, current], [received, previous]]));
  });
});
