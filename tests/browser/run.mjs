// Browser tests: real pages served by `cargo xtask test`, in the system's headless Chromium.
//
// Run through `cargo xtask test`, which builds the bundle, starts the server and sets
// CHITIEU_BASE_URL and CHROME. Each test gets a fresh browser context. The last line
// printed is `N passed, N failed`.

import { launchChromium } from "../chromium.mjs";
import { readdir } from "node:fs/promises";
import { fileURLToPath, pathToFileURL } from "node:url";
import path from "node:path";

const BASE = process.env.CHITIEU_BASE_URL;
if (!BASE) {
  console.error("CHITIEU_BASE_URL is not set: run the browser tests with `cargo xtask test`");
  process.exit(2);
}

const browser = await launchChromium();

/** A page in a fresh context that records console errors, failed responses and uncaught
 *  exceptions; `options.init` runs in the page before its own scripts. */
async function open(url, options = {}) {
  const { init, ...contextOptions } = options;
  const context = await browser.newContext(contextOptions);
  const page = await context.newPage();
  if (init) await page.addInitScript(init);
  const errors = [];
  page.on("console", (m) => { if (m.type() === "error") errors.push(`console: ${m.text()}`); });
  page.on("pageerror", (e) => errors.push(`uncaught: ${e.message}`));
  page.on("response", (r) => { if (r.status() >= 400) errors.push(`HTTP ${r.status()} for ${r.url()}`); });
  await page.goto(new URL(url, BASE).href);
  return { page, context, errors };
}

const tests = [];
const ctx = {
  base: BASE,
  open,
  test: (name, fn) => tests.push({ name, fn }),
  assert(cond, message) { if (!cond) throw new Error(message); },
  assertEq(actual, expected, what) {
    if (actual !== expected) throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  },
  assertIncludes(haystack, needle, what) {
    if (!String(haystack).includes(needle)) throw new Error(`${what}: expected to contain ${JSON.stringify(needle)}, got ${JSON.stringify(haystack)}`);
  },
};

const here = path.dirname(fileURLToPath(import.meta.url));
const only = process.argv[2];
for (const f of (await readdir(here)).filter((f) => f.endsWith(".test.mjs")).sort()) {
  if (only && !f.includes(only)) continue;
  const mod = await import(pathToFileURL(path.join(here, f)).href);
  // Every exported function registers tests.
  for (const register of Object.values(mod)) if (typeof register === "function") register(ctx);
}

let passed = 0, failed = 0;
for (const t of tests) {
  const started = Date.now();
  try {
    await Promise.race([
      t.fn(),
      new Promise((_, reject) => setTimeout(() => reject(new Error("timed out after 60 s")), 60_000)),
    ]);
    passed++;
    console.log(`ok - ${t.name} (${Date.now() - started} ms)`);
  } catch (e) {
    failed++;
    console.log(`not ok - ${t.name}\n    ${String(e && e.stack || e).split("\n").join("\n    ")}`);
  }
}
await browser.close();
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
