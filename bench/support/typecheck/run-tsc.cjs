// Runs tsc in this process and prints the process's CPU time (user + system, seconds) to stderr on exit:
// on a shared machine CPU time moves far less than wall time when other work competes for the cores.
// Usage: node run-tsc.cjs <path to typescript/lib/tsc.js> [tsc arguments…]
const started = process.cpuUsage();
process.on("exit", () => {
  const { user, system } = process.cpuUsage(started);
  process.stderr.write(`\nCPU time: ${((user + system) / 1e6).toFixed(3)}s\n`);
});
const [tsc, ...args] = process.argv.slice(2);
process.argv = [process.argv[0], tsc, ...args];
require(tsc);
