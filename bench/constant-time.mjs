// Does comparing a secret take the same time whatever the received value? A dudect-style test
// (Reparaz, Balasch, Verbauwhede, "Dude, is my code constant time?", 2017): two classes of input,
// measurements interleaved in random order, Welch's t-test on the two timing distributions; |t|
// below 4.5 means no difference was detected. Each measurement is one batch of calls timed with
// process.hrtime.bigint(); batches above a percentile of all measurements are cropped too (dudect
// looks at several croppings: noise from other processes only adds slow outliers).
//
// Run: (npx turbo run build --filter=@cmshooks/core) && node bench/constant-time.mjs [--quick] [--json FILE]
//
// Experiments, each with a control that must leak so a "met" is not a blind harness:
// - constantTimeEqual: a 44-character secret (a base64 SHA-256 digest); class A differs in its first
//   character, class B in its last. Control: an early-exit loop over the same strings.
// - constantTimeEqual, length: class A of the secret's length, class B a 4-character value.
//   Control: a length check before the loop.
// - secretHeader().verify with a rotation list of two secrets: class A matches the first entry,
//   class B the second. Control: a list search that stops at the first match.
//
// stdout: one markdown table. stderr: progress. --json FILE: the raw figures.
import { writeFileSync } from "node:fs";
import { constantTimeEqual, secretHeader } from "../packages/core/dist/index.js";
import { cliFlags, fmt, table } from "./lib.mjs";

const { quick, json } = cliFlags();
/** Measurements per class, calls per measurement. */
const SAMPLES = quick ? 3_000 : 30_000;
const BATCH = 64;
const THRESHOLD = 4.5;
const CROP_PERCENTILES = [1, 0.9, 0.5];

const SECRET = "q0J5mA3nC1tWv8yZ2xR4pL6kH9gF7dE5sT3bN1uY0iI="; // 44 characters, a literal: flat already
/**
 * A flat copy of a string, as a header value parsed off the wire is: V8 represents a concatenation or a
 * slice differently, and reading those costs differently, which would confound the classes.
 */
const flat = (value) => Buffer.from(value, "latin1").toString("latin1");
const differingAt = (value, i) => flat(value.slice(0, i) + (value[i] === "A" ? "B" : "A") + value.slice(i + 1));

/** An early-exit comparison: what constantTimeEqual must not be (the control). */
function earlyExitEqual(received, expected) {
  if (received.length !== expected.length) return false;
  for (let i = 0; i < expected.length; i++) if (received.charCodeAt(i) !== expected.charCodeAt(i)) return false;
  return true;
}

let sink = 0;
/** One measurement: BATCH calls of `run(input)`, in ns. */
function measure(run, input) {
  const start = process.hrtime.bigint();
  for (let i = 0; i < BATCH; i++) sink ^= run(input) ? 1 : 0;
  return Number(process.hrtime.bigint() - start);
}

/** Mean and unbiased variance of `values`. */
function moments(values) {
  let mean = 0;
  for (const v of values) mean += v;
  mean /= values.length;
  let sq = 0;
  for (const v of values) sq += (v - mean) ** 2;
  return { mean, variance: sq / (values.length - 1), n: values.length };
}

/** Welch's t statistic of two samples. */
function welchT(a, b) {
  const [x, y] = [moments(a), moments(b)];
  return (x.mean - y.mean) / Math.sqrt(x.variance / x.n + y.variance / y.n);
}

/** Classes measured in random interleaving; returns the largest |t| over the croppings, and the means. */
function experiment(run, classA, classB) {
  for (let i = 0; i < 2_000; i++) measure(run, i & 1 ? classA : classB); // warm-up: let the JIT settle
  const samples = [[], []];
  for (let i = 0; i < 2 * SAMPLES; i++) {
    let pick = Math.random() < 0.5 ? 0 : 1;
    if (samples[pick].length >= SAMPLES) pick = 1 - pick;
    samples[pick].push(measure(run, pick === 0 ? classA : classB));
  }
  const pooled = [...samples[0], ...samples[1]].sort((p, q) => p - q);
  const croppings = CROP_PERCENTILES.map((p) => {
    const cap = pooled[Math.min(pooled.length - 1, Math.floor(p * pooled.length))];
    const t = welchT(samples[0].filter((v) => v <= cap), samples[1].filter((v) => v <= cap));
    return { percentile: p, t };
  });
  const worst = croppings.reduce((m, c) => (Math.abs(c.t) > Math.abs(m.t) ? c : m));
  return { t: worst.t, croppings, meanA: moments(samples[0]).mean / BATCH, meanB: moments(samples[1]).mean / BATCH };
}

const header = { get: (name) => (name === "x-webhook-secret" ? currentHeader : undefined) };
let currentHeader = "";
const secondSecret = differingAt(SECRET, 20);
const check = secretHeader({ name: "x-webhook-secret", value: [SECRET, secondSecret] });
const verifyHeader = (value) => {
  currentHeader = value;
  return check.verify({ headers: header, body: new Uint8Array(), url: undefined }) === undefined;
};
const firstMatchIncludes = (value) => [SECRET, secondSecret].some((s) => earlyExitEqual(value, s));

const experiments = [
  ["constantTimeEqual", "mismatch in the first vs the last character", (v) => constantTimeEqual(v, SECRET), differingAt(SECRET, 0), differingAt(SECRET, SECRET.length - 2)],
  ["control: early-exit loop", "mismatch in the first vs the last character", (v) => earlyExitEqual(v, SECRET), differingAt(SECRET, 0), differingAt(SECRET, SECRET.length - 2)],
  ["constantTimeEqual", "right length vs 4 characters", (v) => constantTimeEqual(v, SECRET), differingAt(SECRET, 0), flat(SECRET.slice(0, 4))],
  ["control: length check first", "right length vs 4 characters", (v) => earlyExitEqual(v, SECRET), differingAt(SECRET, SECRET.length - 2), "AAAA"],
  ["secretHeader().verify, 2 secrets", "matches the first vs the second entry", verifyHeader, flat(SECRET), flat(secondSecret)],
  ["control: stop at the first match", "matches the first vs the second entry", firstMatchIncludes, flat(SECRET), flat(secondSecret)],
];

const rows = [];
const raw = [];
for (const [subject, classes, run, a, b] of experiments) {
  process.stderr.write(`constant-time: ${subject} (${classes}) …\n`);
  const result = experiment(run, a, b);
  const leaks = Math.abs(result.t) >= THRESHOLD;
  const control = subject.startsWith("control");
  const verdict = control ? (leaks ? "leak detected (harness can see one)" : "**not detected: harness too noisy**") : leaks ? "**not met**" : "met";
  rows.push([subject, classes, fmt(result.meanA, 1), fmt(result.meanB, 1), fmt(Math.abs(result.t), 2), verdict]);
  raw.push({ subject, classes, ...result });
}
if (sink === 42) process.stderr.write("");

console.log(
  [
    `Welch's t over ${SAMPLES.toLocaleString("en")} measurements per class of ${BATCH} calls each, classes interleaved at random; |t| is the largest over croppings at the ${CROP_PERCENTILES.map((p) => `${p * 100}th`).join(", ")} percentiles. Threshold |t| < ${THRESHOLD}.`,
    "",
    table(["comparison", "class A vs class B", "ns/call A", "ns/call B", "|t|", `|t| < ${THRESHOLD}`], rows),
  ].join("\n"),
);
if (json) writeFileSync(json, JSON.stringify({ samples: SAMPLES, batch: BATCH, threshold: THRESHOLD, experiments: raw }, null, 2));
