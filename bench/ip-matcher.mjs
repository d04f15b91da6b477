// Cost of one IP allowlist lookup: our compileIpAllowlist vs Hono's ipRestriction and express-ipfilter,
// at 8, 1 000 and 10 000 mixed IPv4/IPv6 rules, for addresses that are in the list (hit) and not (miss).
//
// Run: (cd packages/core && npx tsup) && node bench/ip-matcher.mjs [--quick] [--json FILE] [--from MODULE]
//   --from MODULE  where to import compileIpAllowlist from (default: ../packages/core/dist/index.js)
//
// What is measured, per lookup of one address string (ns; median of several rounds after a warm-up):
// - ours: `allowlist.has(address)`: parse the text, one bucketed search of merged intervals.
// - reading the text alone: a loop of `charCodeAt` over the address and nothing else, the floor of
//   any parser written in JavaScript (on V8 11.3, Node 20, each call costs a few ns: it re-checks the
//   string's representation every time). Shown next to ours so the figure can be read against it.
// - Hono matcher: what `ipRestriction` does per request to match, without its middleware shell:
//   `distinctRemoteAddr(address)` and the allow-list matcher built by its internal `buildMatcher`
//   (not exported: this script loads a copy of hono's own module file with `buildMatcher` added to its
//   export list, code unchanged). This is the fair column for the matching cost.
// - Hono middleware: the whole `ipRestriction(getIP, rules)` middleware, awaited, with a minimal
//   context whose getIP returns the address: hits through `allowList`, misses through `denyList`,
//   so that neither path throws an HTTPException. Includes the async/promise cost of a middleware.
// - express-ipfilter: its middleware (the matching function is not exported), with `detectIp`
//   returning the address and logging off: hits in `allow` mode, misses in `deny` mode, so that
//   `next()` is called without building an IpDeniedError. Its shell is a few property reads; the
//   cost is its per-rule matching (range_check parses each CIDR on every request).
// Before timing, every contender's answer is checked against a BigInt reference for the addresses
// (express-ipfilter on a sample: it is slow); disagreements are reported on stderr and in the JSON.
//
// stdout: one markdown table. stderr: progress and notes. --json FILE: the raw figures.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { cliFlags, median, spread, table } from "./lib.mjs";

const { quick, json } = cliFlags();
const fromIndex = process.argv.indexOf("--from");
const fromModule =
  fromIndex >= 0
    ? pathToFileURL(process.argv[fromIndex + 1]).href
    : new URL("../packages/core/dist/index.js", import.meta.url).href;

const SIZES = [8, 1_000, 10_000];
const ROUNDS = quick ? 3 : 5;
/** Time spent on one contender in one cell per round (ms); slow peers get at least MIN_CALLS calls. */
const BUDGET_MS = quick ? 40 : 150;
const MIN_CALLS = 2;
/** Addresses per kind (hit / miss), half IPv4, half IPv6, visited in turn. */
const ADDRESSES = 512;

const log = (...parts) => console.error(...parts);

// ---- contenders --------------------------------------------------------------------------------

const { compileIpAllowlist } = await import(fromModule).catch((error) => {
  log(
    `cannot import ${fromModule}: ${error.message}\nbuild core first: (cd packages/core && npx tsup), or pass --from`,
  );
  process.exit(1);
});
if (typeof compileIpAllowlist !== "function") {
  log(`${fromModule} does not export compileIpAllowlist (core's index must export ./ip/index.js); pass --from`);
  process.exit(1);
}

const honoModuleUrl = import.meta.resolve("hono/ip-restriction");
const { ipRestriction } = await import(honoModuleUrl);
const { distinctRemoteAddr } = await import(new URL("../../utils/ipaddr.js", honoModuleUrl).href);
const buildMatcher = await loadHonoBuildMatcher(honoModuleUrl);

const require = createRequire(import.meta.url);
const { IpFilter } = require("express-ipfilter");

/** Hono's internal buildMatcher: its own module file, with relative imports made absolute and buildMatcher exported. */
async function loadHonoBuildMatcher(moduleUrl) {
  const source = readFileSync(new URL(moduleUrl), "utf8");
  const patched = source
    .replace(/from "(\.\.?\/[^"]+)"/g, (_, relative) => `from "${new URL(relative, moduleUrl).href}"`)
    .replace(/export \{ ipRestriction \};/, "export { ipRestriction, buildMatcher };");
  if (!patched.includes("buildMatcher };")) throw new Error("hono's ip-restriction module changed; update this bench");
  const dir = mkdtempSync(join(tmpdir(), "hono-ip-"));
  try {
    const file = join(dir, "ip-restriction.mjs");
    writeFileSync(file, patched);
    return (await import(pathToFileURL(file).href)).buildMatcher;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---- rules and addresses (deterministic) -------------------------------------------------------

function prng(seed) {
  // mulberry32
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ipv4Text = (v) => `${v >>> 24}.${(v >>> 16) & 255}.${(v >>> 8) & 255}.${v & 255}`;
/** RFC 5952 text of a 128-bit BigInt (what sockets and proxies write). */
function ipv6Text(value) {
  const groups = Array.from({ length: 8 }, (_, i) => Number((value >> BigInt(112 - 16 * i)) & 0xffffn));
  let best = [-1, 1];
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    const start = i;
    while (i < 8 && groups[i] === 0) i++;
    if (i - start > best[1]) best = [start, i - start];
  }
  const hex = groups.map((g) => g.toString(16));
  if (best[0] < 0) return hex.join(":");
  return `${hex.slice(0, best[0]).join(":")}::${hex.slice(best[0] + best[1]).join(":")}`;
}

/**
 * `count` rules, half IPv4 (prefixes /16–/32, one in ten a bare address) and half IPv6 (/32–/64 and
 * /128, one in ten bare), spread over 1.0.0.0–223.255.255.255 and 2000::/4 as provider lists are.
 */
function makeRules(count, random) {
  const rules = [];
  for (let i = 0; i < count; i++) {
    const bare = random() < 0.1;
    if (i % 2 === 0) {
      const prefix = bare ? 32 : 16 + Math.floor(random() * 17);
      const address = (Math.floor(random() * 223 * 2 ** 24) + 2 ** 24) >>> 0;
      const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
      const first = (address & mask) >>> 0;
      rules.push({
        family: 4,
        prefix,
        first: BigInt(first),
        last: BigInt((first | ~mask) >>> 0),
        text: bare ? ipv4Text(first) : `${ipv4Text(first)}/${prefix}`,
      });
    } else {
      const prefix = bare ? 128 : 32 + Math.floor(random() * 33);
      const address = (0x2n << 124n) | randomBits(124, random);
      const host = (1n << BigInt(128 - prefix)) - 1n;
      const first = address & ~host & ((1n << 128n) - 1n);
      rules.push({
        family: 6,
        prefix,
        first,
        last: first | host,
        text: bare ? ipv6Text(first) : `${ipv6Text(first)}/${prefix}`,
      });
    }
  }
  return rules;
}

function randomBits(bits, random) {
  let value = 0n;
  for (let i = 0; i < bits; i += 16) value = (value << 16n) | BigInt(Math.floor(random() * 65536));
  return value & ((1n << BigInt(bits)) - 1n);
}

/** The reference: is the address (family, BigInt value) inside any rule? */
function referenceHas(rules, family, value) {
  return rules.some((r) => r.family === family && r.first <= value && value <= r.last);
}

/** Hits: a random address inside a random rule. Misses: random addresses of the same spaces that no rule covers. */
function makeAddresses(rules, random) {
  const hits = [];
  const misses = [];
  for (let i = 0; hits.length < ADDRESSES; i++) {
    const family = i % 2 === 0 ? 4 : 6;
    const candidates = rules.filter((r) => r.family === family);
    const rule = candidates[Math.floor(random() * candidates.length)];
    const span = rule.last - rule.first + 1n;
    const value = rule.first + (randomBits(128, random) % span);
    hits.push(family === 4 ? ipv4Text(Number(value)) : ipv6Text(value));
  }
  for (let i = 0; misses.length < ADDRESSES; i++) {
    const family = i % 2 === 0 ? 4 : 6;
    const value =
      family === 4 ? BigInt(Math.floor(random() * 223 * 2 ** 24) + 2 ** 24) : (0x2n << 124n) | randomBits(124, random);
    if (referenceHas(rules, family, value)) {
      i--;
      continue;
    }
    misses.push(family === 4 ? ipv4Text(Number(value)) : ipv6Text(value));
  }
  // Flat strings, as headers and sockets give them (not ropes built by concatenation).
  return {
    hit: hits.map((a) => JSON.parse(JSON.stringify(a))),
    miss: misses.map((a) => JSON.parse(JSON.stringify(a))),
  };
}

// ---- one lookup, per contender -----------------------------------------------------------------

function contendersFor(ruleTexts) {
  const ours = compileIpAllowlist(ruleTexts);
  const honoAllow = buildMatcher(ruleTexts);
  const honoAllowMiddleware = ipRestriction((c) => c.addr, { allowList: ruleTexts });
  const honoDenyMiddleware = ipRestriction((c) => c.addr, { denyList: ruleTexts });
  const expressAllow = IpFilter(ruleTexts, { mode: "allow", log: false, detectIp: (req) => req.ip });
  const expressDeny = IpFilter(ruleTexts, { mode: "deny", log: false, detectIp: (req) => req.ip });
  const next = async () => {};
  const response = {};
  /** express-ipfilter: true when `next()` came without an error. */
  const expressPasses = (middleware, ip) => {
    let passed = false;
    middleware({ ip, url: "/" }, response, (error) => void (passed = error === undefined));
    return passed;
  };
  return {
    ours: { sync: true, inList: (ip) => ours.has(ip) },
    // Not a matcher: what reading the address text costs by itself, one `charCodeAt` per character
    // and nothing else. No parser written in JavaScript can go below it; ours minus this is the cost
    // of parsing, validating and searching.
    "read floor": {
      sync: true,
      unchecked: true,
      inList: (ip) => {
        let mixed = 0;
        for (let i = 0; i < ip.length; i++) mixed ^= ip.charCodeAt(i);
        return mixed === -1;
      },
    },
    "Hono matcher": {
      sync: true,
      inList: (ip) => {
        const type = distinctRemoteAddr(ip);
        return honoAllow({ addr: ip, type, isIPv4: type === "IPv4" });
      },
    },
    // The middleware only passes or blocks: a hit is measured through allowList, a miss through denyList.
    "Hono middleware": {
      sync: false,
      hit: (ip) => honoAllowMiddleware({ addr: ip }, next),
      miss: (ip) => honoDenyMiddleware({ addr: ip }, next),
    },
    "express-ipfilter": {
      sync: true,
      hit: (ip) => expressPasses(expressAllow, ip),
      miss: (ip) => expressPasses(expressDeny, ip),
      inList: (ip) => expressPasses(expressAllow, ip),
      sample: 8,
    },
  };
}

// ---- timing ------------------------------------------------------------------------------------

/**
 * A timing loop of its own for each cell (compiled from source, so that V8 keeps separate type
 * feedback): the call inside stays monomorphic and inlinable for every contender alike, instead of
 * one shared loop whose call site sees every contender and can inline none.
 */
function makeTimer(sync) {
  const source = `return async function time(call, addresses, budgetNs, minCalls) {
    let calls = 0;
    let index = 0;
    let batch = 1;
    let sink = 0;
    const start = process.hrtime.bigint();
    let elapsed = 0n;
    do {
      for (let i = 0; i < batch; i++) {
        if (${sync ? "" : "await "}call(addresses[index])) sink++;
        index = index + 1 === addresses.length ? 0 : index + 1;
      }
      calls += batch;
      elapsed = process.hrtime.bigint() - start;
      if (elapsed < 1000000n) batch *= 2;
    } while (elapsed < budgetNs || calls < minCalls);
    globalThis.__ipBenchSink = sink;
    return Number(elapsed) / calls;
  };`;
  return new Function("process", source)(process);
}

// ---- run ---------------------------------------------------------------------------------------

const started = Date.now();
const cells = []; // { rules, kind, contender, call, sync, addresses, samples }
const disagreements = [];
for (const size of SIZES) {
  const random = prng(0xc0ffee + size);
  const rules = makeRules(size, random);
  const addresses = makeAddresses(rules, random);
  const contenders = contendersFor(rules.map((r) => r.text));
  for (const [name, contender] of Object.entries(contenders)) {
    // Agreement with the reference before timing.
    if (contender.inList && !contender.unchecked) {
      for (const kind of ["hit", "miss"]) {
        const sample = contender.sample
          ? addresses[kind].filter((_, i) => i % (ADDRESSES / contender.sample) === 0)
          : addresses[kind];
        const wrong = sample.filter((ip) => contender.inList(ip) !== (kind === "hit"));
        if (wrong.length)
          disagreements.push({
            rules: size,
            contender: name,
            kind,
            checked: sample.length,
            wrong: wrong.length,
            examples: wrong.slice(0, 3),
          });
      }
    }
    for (const kind of ["hit", "miss"]) {
      const call = contender[kind] ?? contender.inList;
      cells.push({
        rules: size,
        kind,
        contender: name,
        call,
        timer: makeTimer(contender.sync),
        addresses: addresses[kind],
        samples: [],
      });
    }
  }
  log(
    `built ${size} rules (${rules.filter((r) => r.family === 4).length} IPv4, ${
      rules.filter((r) => r.family === 6).length
    } IPv6)`,
  );
}
for (const d of disagreements)
  log(
    `DISAGREEMENT: ${d.contender} at ${d.rules} rules, ${d.kind}: ${d.wrong}/${d.checked} wrong, e.g. ${d.examples.join(
      ", ",
    )}`,
  );

// The cost of the timing loop itself (a call that does nothing useful), for reading small figures.
cells.push({
  rules: 0,
  kind: "floor",
  contender: "harness floor",
  call: (ip) => ip.length === 0,
  timer: makeTimer(true),
  addresses: cells[0].addresses,
  samples: [],
});
const loadBefore = loadavg()[0];

const budgetNs = BigInt(BUDGET_MS * 1e6);
const measure = (cell, budget) => cell.timer(cell.call, cell.addresses, budget, MIN_CALLS);
log(`warming up (${cells.length} cells)…`);
for (const cell of cells) await measure(cell, budgetNs / 4n);
for (let round = 0; round < ROUNDS; round++) {
  // Rotate the order so that no contender always runs first or last.
  for (let k = 0; k < cells.length; k++) {
    const cell = cells[(k + round * 7) % cells.length];
    cell.samples.push(await measure(cell, budgetNs));
  }
  log(`round ${round + 1}/${ROUNDS} done (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

// ---- report ------------------------------------------------------------------------------------

const nsOf = (rules, kind, contender) =>
  median(cells.find((c) => c.rules === rules && c.kind === kind && c.contender === contender).samples);
const ns = (value) => (value < 100 ? value.toFixed(1) : Math.round(value).toLocaleString("en-US"));
const ratio = (theirs, ours) =>
  `${(theirs / ours).toLocaleString("en-US", { maximumFractionDigits: theirs / ours < 10 ? 1 : 0 })}×`;
const flag = (rules, contender) =>
  disagreements.some((d) => d.rules === rules && d.contender === contender) ? " †" : "";

const rows = [];
for (const rules of SIZES) {
  for (const kind of ["hit", "miss"]) {
    const ours = nsOf(rules, kind, "ours");
    const row = [rules.toLocaleString("en-US"), kind, ns(ours), ns(nsOf(rules, kind, "read floor"))];
    for (const contender of ["Hono matcher", "Hono middleware", "express-ipfilter"]) {
      const theirs = nsOf(rules, kind, contender);
      row.push(`${ns(theirs)}${flag(rules, contender)}`, ratio(theirs, ours));
    }
    rows.push(row);
  }
}
console.log(
  table(
    [
      "rules",
      "address",
      "ours ns/lookup",
      "reading the text alone ns",
      "Hono ipRestriction matcher ns",
      "÷ ours",
      "Hono ipRestriction middleware ns",
      "÷ ours",
      "express-ipfilter ns",
      "÷ ours",
    ],
    rows,
  ),
);
// The goals, at 1 000 rules, judged on this run's figures.
const goals = ["hit", "miss"].map((kind) => {
  const ours = nsOf(1_000, kind, "ours");
  const hono = nsOf(1_000, kind, "Hono matcher");
  const read = nsOf(1_000, kind, "read floor");
  return [
    kind,
    `${ns(ours)} ns ${ours < 100 ? "met" : "not met"}`,
    `${ratio(hono, ours)} ${hono / ours >= 50 ? "met" : "not met"}`,
    `${(ours / read).toFixed(2)}×`,
  ];
});
console.log(
  [
    "",
    "Goals at 1 000 rules: < 100 ns per lookup, and ≥ 50× faster than Hono's `ipRestriction` matcher.",
    "",
    table(["address", "ours (< 100 ns)", "Hono ÷ ours (≥ 50×)", "ours ÷ reading the text alone"], goals),
  ].join("\n"),
);
const floorNs = median(cells.find((c) => c.contender === "harness floor").samples);
const loadAfter = loadavg()[0];
log(
  `node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ` +
    `load average ${loadBefore.toFixed(1)} → ${loadAfter.toFixed(1)}; median of ${ROUNDS} rounds of ≥${BUDGET_MS} ms ` +
    `per cell; timing-loop floor ${floorNs.toFixed(1)} ns (included in every figure); ` +
    `${((Date.now() - started) / 1000).toFixed(1)} s`,
);
if (disagreements.length) log("† a contender disagreed with the reference on some addresses (see above)");

if (json) {
  const figures = {
    node: process.version,
    cpus: cpus().length,
    cpu: cpus()[0]?.model,
    quick,
    rounds: ROUNDS,
    budgetMs: BUDGET_MS,
    addressesPerKind: ADDRESSES,
    module: fromModule,
    loadAverage: { before: loadBefore, after: loadAfter },
    timingLoopFloorNs: floorNs,
    cells: cells
      .filter((c) => c.rules > 0)
      .map(({ rules, kind, contender, samples }) => ({
        rules,
        kind,
        contender,
        nsPerLookup: median(samples),
        spreadPercent: spread(samples),
        samples,
        ratioToOurs: median(samples) / nsOf(rules, kind, "ours"),
      })),
    disagreements,
  };
  writeFileSync(json, `${JSON.stringify(figures, null, 2)}\n`);
}
