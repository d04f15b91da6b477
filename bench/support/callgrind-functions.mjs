// Reads a callgrind profile made with --dump-instr=yes into instructions per function, naming the
// JIT-compiled JavaScript functions, which callgrind knows only as addresses, from the perf map that
// node writes with --perf-basic-prof (/tmp/perf-<pid>.map: "start size name" per line, in hex).
import { readFileSync } from "node:fs";

/** The perf map's entries, sorted by start address, and a lookup of the entry holding an address. */
function perfMap(file) {
  const entries = readFileSync(file, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => {
      const [start, size, ...name] = line.split(" ");
      return { start: parseInt(start, 16), end: parseInt(start, 16) + parseInt(size, 16), name: name.join(" ") };
    })
    .sort((a, b) => a.start - b.start);
  return (address) => {
    let lo = 0;
    let hi = entries.length - 1;
    let found;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (entries[mid].start <= address) {
        found = entries[mid];
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found && address < found.end ? found.name : undefined;
  };
}

/**
 * A readable name for a function: JavaScript as `name file` (no line, no bundle hash, so that two
 * builds compare), everything else as callgrind names it.
 */
function label(name) {
  const js = /^(?:JS|LazyCompile|Function):[*~^]?(.*)$/.exec(name);
  if (!js) return name.length > 100 ? `${name.slice(0, 99)}…` : name;
  const [fn, url = ""] = js[1].split(" ");
  const where = url
    .replace(/^file:\/\/\/\S*?\/(packages|bench|node_modules)\//, "$1/")
    .replace(/chunk-[A-Z0-9]+\.js/, "chunk.js")
    .replace(/:\d+:\d+$/, "");
  return `${fn || "(anonymous)"} ${where || "(code made by new Function)"}`;
}

/**
 * One event's count in each function's own code (not in what it calls), from a callgrind output file
 * in its default compressed form, positions "instr line": instructions ("Ir") by default, or with
 * --cache-sim / --branch-sim one of their events ("D1mr" first-level data read misses, "Bcm"
 * mispredicted conditional branches, …).
 */
export function costsByFunction(outFile, mapFile, event = "Ir") {
  const lookup = perfMap(mapFile);
  const names = new Map();
  const objects = new Map();
  const costs = new Map();
  // Callgrind writes a name once as "(id) name" and then as "(id)".
  const named = (text, table) => {
    const match = /^\((\d+)\)(?: (.*))?$/.exec(text);
    if (!match) return text;
    if (match[2] !== undefined) table.set(match[1], match[2]);
    return table.get(match[1]);
  };
  let fn = "";
  let object = "";
  let address = 0;
  let callCost = false;
  let column = -1;
  for (const line of readFileSync(outFile, "utf8").split("\n")) {
    if (line.startsWith("events: ")) {
      column = line.slice(8).trim().split(" ").indexOf(event);
      if (column < 0) throw new Error(`${outFile} counts ${line.slice(8)}, not ${event}`);
    } else if (line.startsWith("fn=")) fn = named(line.slice(3), names);
    else if (line.startsWith("ob=")) object = named(line.slice(3), objects);
    else if (line.startsWith("cfn=")) named(line.slice(4), names);
    else if (line.startsWith("cob=")) named(line.slice(4), objects);
    else if (line.startsWith("calls=")) callCost = true; // the next cost line is the call's inclusive cost
    else if (/^[0-9+*-]/.test(line)) {
      const fields = line.split(" ");
      const at = fields[0];
      if (at.startsWith("0x")) address = parseInt(at, 16);
      else if (at[0] === "+") address += parseInt(at.slice(1), 16);
      else if (at[0] === "-") address -= parseInt(at.slice(1), 16);
      if (callCost) {
        callCost = false;
        continue;
      }
      // Code callgrind has no symbol for, outside any shared library, is V8's generated code.
      const jit = /^0x[0-9a-f]+$/.test(fn) && !object.includes(".so");
      const name = label(jit ? (lookup(address) ?? "(generated code without a name)") : fn);
      costs.set(name, (costs.get(name) ?? 0) + Number(fields[2 + column] ?? 0));
    }
  }
  return costs;
}
