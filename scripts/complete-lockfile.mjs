// Adds lockfile entries for optional platform packages that the registry these machines reach does not
// serve (e.g. @turbo/darwin-64, @rollup/rollup-android-x64, macOS/Windows builds of a newer release).
// `npm install` leaves them out of package-lock.json, and `npm ci` then refuses the lockfile as out of
// sync. Each entry records the platform in its name (os/cpu/libc), so npm skips it on every other
// platform and never fetches it here. Run after `npm install`: node scripts/complete-lockfile.mjs
import { readFileSync, writeFileSync } from "node:fs";

const LOCK = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(readFileSync(LOCK, "utf8"));

function platformOf(name) {
  const n = name.toLowerCase();
  const os = /darwin|macos/.test(n) ? "darwin" : /win32|windows/.test(n) ? "win32" : /android/.test(n) ? "android"
    : /freebsd/.test(n) ? "freebsd" : /openbsd/.test(n) ? "openbsd" : /openharmony/.test(n) ? "openharmony" : /linux/.test(n) ? "linux" : undefined;
  const cpu = /arm64|aarch64/.test(n) ? "arm64" : /loong64/.test(n) ? "loong64" : /ppc64/.test(n) ? "ppc64" : /riscv64/.test(n) ? "riscv64"
    : /s390x/.test(n) ? "s390x" : /ia32/.test(n) ? "ia32" : /\barm\b|-arm-|arm$|armv7|gnueabihf|musleabihf/.test(n) ? "arm" : /x64|x86_64|-64$/.test(n) ? "x64" : undefined;
  const libc = /musl/.test(n) ? "musl" : /gnu|glibc/.test(n) && os === "linux" ? "glibc" : undefined;
  return { os, cpu, libc };
}

let added = 0;
for (const [path, entry] of Object.entries(lock.packages)) {
  for (const [dep, range] of Object.entries(entry.optionalDependencies ?? {})) {
    const base = path === "" ? "" : `${path}/`;
    const candidates = [`${base}node_modules/${dep}`, `node_modules/${dep}`];
    if (candidates.some((c) => lock.packages[c])) continue;
    const { os, cpu, libc } = platformOf(dep);
    if (!os || (os === "linux" && cpu === "x64" && libc !== "musl")) {
      throw new Error(`${dep} (optional dependency of ${path || "the root"}) is missing from the lockfile and may be needed here`);
    }
    lock.packages[`node_modules/${dep}`] = {
      version: range.replace(/^[\^~=]/, ""),
      dev: true,
      optional: true,
      os: [os],
      ...(cpu ? { cpu: [cpu] } : {}),
      ...(libc ? { libc: [libc] } : {}),
    };
    added++;
  }
}
writeFileSync(LOCK, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`complete-lockfile: added ${added} platform entries`);
