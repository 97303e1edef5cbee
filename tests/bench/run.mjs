// `cargo xtask bench`: measures chitieu against ECharts, Chart.js and Highcharts (and its
// table against DataTables) in one run, in headless Chromium on this machine, and writes
// BENCHMARKS.md.
//
// Run through `cargo xtask bench`, which builds the bundle and the peers' smallest gauge
// bundles, runs the native scoring benchmark, starts the server, and sets CHITIEU_BASE_URL,
// CHROME, BENCH_NATIVE (the native figures, JSON) and BENCH_OUT (where to write).
// BENCH_QUICK=1 takes fewer samples (for trying the harness, not for publishing).

import { launchChromium } from "../chromium.mjs";
import { readFile, writeFile } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { gzipSync, brotliCompressSync, constants as z } from "node:zlib";
import { fileURLToPath } from "node:url";
import os from "node:os";
import path from "node:path";

const BASE = process.env.CHITIEU_BASE_URL;
const QUICK = process.env.BENCH_QUICK === "1";
const OUT = process.env.BENCH_OUT;
if (!BASE || !OUT) {
  console.error("run the benchmarks with `cargo xtask bench`");
  process.exit(2);
}
const native = JSON.parse(process.env.BENCH_NATIVE || "null");
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");
const REPEATS = QUICK ? 1 : 5;
const SIZES = QUICK ? [10, 100] : [10, 100, 500];
const THROTTLES = [1, 4];
const FRAME_MS = 16;
const SETTLE_MS = 2000;
/** The table's timed interactions, and how BENCHMARKS.md names them. */
const TABLE_KINDS = ["sort", "filter", "page"];
const kindLabel = (k) => (k === "page" ? "next page" : k);
/** Chromium's main-thread counters an interaction's time is split into. */
const PARTS = ["script", "style", "layout"];
const KB = 1000;
/** The usual "Fast 3G" profile (150 ms round trip, 1.6 Mbps down, 750 kbps up), for
 *  Chromium's `Network.emulateNetworkConditions`, which adds the latency to each request and
 *  caps the throughput of the bytes on the wire (gzipped by the server). */
const FAST_3G = { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 };
/** The CPU slowdown of the slow-phone measurements. */
const PHONE_CPU = 4;

const browser = await launchChromium();

const log = (s) => console.log(`bench: ${s}`);

/** A fresh context and page, after Chromium's own start-up work for the new window (on this
 *  Chromium, a top-chrome WebUI renderer busy for about a second) has settled: on two cores
 *  it would otherwise share the CPU with the measured page and slow every library by a
 *  third to a half, unevenly. */
async function freshPage() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.waitForTimeout(SETTLE_MS);
  return { context, page };
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (x, d = 0) => x.toLocaleString("en-US", { minimumFractionDigits: d, maximumFractionDigits: d });
const ratio = (a, b) => (b > 0 ? `${fmt(a / b, 2)}×` : "—");
/** An installed npm package's version. */
const version = (name) => {
  try {
    return JSON.parse(readFileSync(path.join(here, "node_modules", name, "package.json"), "utf8")).version;
  } catch {
    return "?";
  }
};

// --- 1. bundle weight --------------------------------------------------------------------
const BUNDLES = [
  { name: "**chitieu** widgets (`chitieu.js` + `chitieu_bg.wasm`)", files: ["www/dist/chitieu.js", "www/dist/chitieu_bg.wasm"], ours: true },
  { name: "chitieu, one file (`chitieu.inline.js`, wasm inside)", files: ["www/dist/chitieu.inline.js"], ours: true },
  { name: "ECharts 6.1.0 full (`echarts.min.js`)", files: ["tests/bench/node_modules/echarts/dist/echarts.min.js"], peer: "echarts" },
  { name: "ECharts simple (`echarts.simple.min.js`; has no gauge series)", files: ["tests/bench/node_modules/echarts/dist/echarts.simple.min.js"] },
  { name: "ECharts gauge only (core + GaugeChart + CanvasRenderer, esbuild)", files: ["tests/bench/dist/echarts-gauge.js"], peer: "echarts-gauge" },
  { name: "Chart.js 4.6.1 (`chart.umd.min.js`)", files: ["tests/bench/node_modules/chart.js/dist/chart.umd.min.js"], peer: "chartjs" },
  { name: "Chart.js doughnut only (Chart + DoughnutController + ArcElement, esbuild)", files: ["tests/bench/dist/chartjs-doughnut.js"], peer: "chartjs-doughnut" },
  { name: "Highcharts 13.1.1 + highcharts-more + solid-gauge", files: ["tests/bench/node_modules/highcharts/highcharts.js", "tests/bench/node_modules/highcharts/highcharts-more.js", "tests/bench/node_modules/highcharts/modules/solid-gauge.js"], peer: "highcharts" },
];
for (const b of BUNDLES) {
  b.raw = b.gzip = b.brotli = 0;
  for (const f of b.files) {
    const bytes = await readFile(path.join(root, f));
    b.raw += bytes.length;
    b.gzip += gzipSync(bytes, { level: 9 }).length;
    b.brotli += brotliCompressSync(bytes, { params: { [z.BROTLI_PARAM_QUALITY]: 11 } }).length;
  }
  log(`${b.files.join(" + ")}: ${b.gzip} B gzip, ${b.brotli} B brotli`);
}
const ours = BUNDLES[0];

// --- helpers -----------------------------------------------------------------------------
/** Opens `url` in a fresh context (cold cache) at `throttle`× CPU, waits for
 *  window.__bench.done and returns it with the page's memory after a garbage collection. */
async function measure(url, throttle, { memory = false, timeout = 300_000, network = null } = {}) {
  const { context, page } = await freshPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  // Under network emulation, what came over the wire (headers and bodies as sent, so
  // gzipped where the server gzips).
  const sizes = [];
  if (network) {
    page.on("requestfinished", (req) => sizes.push(req.sizes().then(
      (z) => ({ url: req.url(), bytes: z.responseHeadersSize + z.responseBodySize }), () => null)));
  }
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: throttle });
  if (network) {
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", network);
  }
  // "commit": the page's own script decides when it is done; a slow peer may hold back
  // the load event for longer than goto's default wait.
  await page.goto(new URL(url, BASE).href, { waitUntil: "commit", timeout });
  await page.waitForFunction(() => window.__bench && window.__bench.done, null, { timeout, polling: 50 });
  const result = await page.evaluate(() => window.__bench);
  if (!result.error && errors.length) result.error = errors.join("; ");
  if (network) {
    const got = (await Promise.all(sizes)).filter(Boolean);
    result.requests = got.length;
    result.transferred = got.reduce((sum, r) => sum + r.bytes, 0);
  }
  if (memory) {
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
    await cdp.send("HeapProfiler.enable");
    await cdp.send("HeapProfiler.collectGarbage");
    await cdp.send("Performance.enable");
    const { metrics } = await cdp.send("Performance.getMetrics");
    const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
    result.heap = m.JSHeapUsedSize;
    result.nodes = m.Nodes;
    result.wasm = await page.evaluate(() =>
      (window.__wasmMemories || []).reduce((s, mem) => s + mem.buffer.byteLength, 0));
  }
  await context.close();
  if (result.error) throw new Error(`${url}: ${result.error}`);
  return result;
}

async function repeat(url, throttle, n = REPEATS) {
  const runs = [];
  for (let i = 0; i < n; i++) runs.push(await measure(url, throttle, { memory: i === n - 1 }));
  const last = runs[runs.length - 1];
  const ms = runs.map((r) => r.ms);
  return { ms: median(ms), min: Math.min(...ms), max: Math.max(...ms), heap: last.heap, wasm: last.wasm, nodes: last.nodes };
}

// --- 2. render N gauges ------------------------------------------------------------------
const LIBS = [
  { id: "chitieu", name: "**chitieu** gauge" },
  { id: "echarts", name: "ECharts gauge series (full build)" },
  { id: "echarts-gauge", name: "ECharts gauge series (gauge-only build)" },
  { id: "chartjs", name: "Chart.js doughnut gauge (UMD build)" },
  { id: "highcharts", name: "Highcharts solid gauge" },
];
const render = {};
for (const throttle of THROTTLES) {
  for (const n of SIZES) {
    for (const lib of LIBS) {
      let r;
      try {
        r = await repeat(`/tests/bench/gauges.html?lib=${lib.id}&n=${n}`, throttle);
      } catch (e) {
        const error = e.message.split("\n")[0];
        log(`${lib.id} n=${n} cpu÷${throttle}: ${error}`);
        render[`${lib.id}/${n}/${throttle}`] = { error };
        continue;
      }
      render[`${lib.id}/${n}/${throttle}`] = r;
      log(`${lib.id} n=${n} cpu÷${throttle}: ${fmt(r.ms)} ms (${fmt(r.min)}–${fmt(r.max)}), heap ${fmt(r.heap / 1e6, 1)} MB, wasm ${fmt(r.wasm / 1e6, 1)} MB`);
    }
  }
}

// --- 3. the first gauge on a slow phone ---------------------------------------------------
/** One gauge per page, each library from a plain script tag (chitieu's figure from a
 *  one-indicator dataset file, the peers' inline), at Fast 3G and CPU ÷4. */
const FIRST = [
  { id: "chitieu", page: "first/chitieu.html", name: "**chitieu** `<chitieu-gauge src=…>` (`chitieu.js`, its wasm, the dataset)" },
  { id: "chartjs", page: "first/chartjs.html", name: "Chart.js doughnut gauge (doughnut-only build)" },
  { id: "echarts", page: "first/echarts.html", name: "ECharts gauge series (gauge-only build)" },
];
const first = {};
for (const lib of FIRST) {
  try {
    const runs = [];
    for (let i = 0; i < REPEATS; i++) {
      runs.push(await measure(`/tests/bench/${lib.page}`, PHONE_CPU, { network: FAST_3G, timeout: 120_000 }));
    }
    const ms = runs.map((r) => r.ms);
    first[lib.id] = { ms: median(ms), min: Math.min(...ms), max: Math.max(...ms), transferred: runs[0].transferred, requests: runs[0].requests };
    const r = first[lib.id];
    log(`first gauge ${lib.id} (Fast 3G, cpu÷${PHONE_CPU}): ${fmt(r.ms)} ms (${fmt(r.min)}–${fmt(r.max)}), ${r.requests} requests, ${fmt(r.transferred / KB, 1)} KB transferred`);
  } catch (e) {
    const error = e.message.split("\n")[0];
    log(`first gauge ${lib.id}: ${error}`);
    first[lib.id] = { error };
  }
}

// --- 4. the target table at 2,000 rows, and DataTables over the same rows -----------------
const TABLE_PAGES = { chitieu: "/tests/bench/table.html?rows=2000", datatables: "/tests/bench/datatables.html?rows=2000" };
let table = null;
try {
  table = await tableBench(TABLE_PAGES.chitieu, "table");
} catch (e) {
  log(`table: ${e.message}`);
  table = { error: e.message };
}
let dataTables = null;
try {
  dataTables = await tableBench(TABLE_PAGES.datatables, "DataTables");
} catch (e) {
  log(`DataTables: ${e.message}`);
  dataTables = { error: e.message };
}

/** Opens `url` (a table page: window.__bench, window.__time(kind)) REPEATS times per CPU
 *  throttle and times each interaction three times per load. */
async function tableBench(url, label) {
  const out = {};
  const KINDS = TABLE_KINDS;
  for (const throttle of THROTTLES) {
    const first = [], shown = [];
    const work = Object.fromEntries(KINDS.map((k) => [k, []]));
    const paint = Object.fromEntries(KINDS.map((k) => [k, []]));
    // Where the work goes: Chromium's own counters of script, style and layout time,
    // read around each interaction (so they include the harness's small share).
    const parts = Object.fromEntries(KINDS.map((k) => [k, Object.fromEntries(PARTS.map((p) => [p, []]))]));
    for (let i = 0; i < REPEATS; i++) {
      const { context, page } = await freshPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: throttle });
      await cdp.send("Performance.enable");
      const counters = async () => {
        const { metrics } = await cdp.send("Performance.getMetrics");
        const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
        return { script: m.ScriptDuration * 1000, style: m.RecalcStyleDuration * 1000, layout: m.LayoutDuration * 1000 };
      };
      await page.goto(new URL(url, BASE).href, { waitUntil: "commit", timeout: 300_000 });
      await page.waitForFunction(() => window.__bench && window.__bench.done, null, { timeout: 300_000 });
      const r = await page.evaluate(() => window.__bench);
      if (r.error) throw new Error(r.error);
      first.push(r.ms);
      shown.push(r.shown);
      // Each interaction three times per page load (sort toggles, filters change, pages advance).
      for (let k = 0; k < 3; k++) {
        for (const kind of KINDS) {
          const before = await counters();
          const t = await page.evaluate((kind) => window.__time(kind), kind);
          const after = await counters();
          if (t) {
            work[kind].push(t.work);
            paint[kind].push(t.paint);
            for (const part of PARTS) parts[kind][part].push(after[part] - before[part]);
          }
        }
      }
      await context.close();
    }
    const pick = (xs) => (xs.length ? median(xs) : undefined);
    out[throttle] = { first: median(first), shown: shown[0] };
    for (const k of KINDS) {
      out[throttle][k] = {
        work: pick(work[k]), paint: pick(paint[k]), worst: work[k].length ? Math.max(...work[k]) : undefined,
        ...Object.fromEntries(PARTS.map((p) => [p, pick(parts[k][p])])),
      };
    }
    log(`${label} cpu÷${throttle}: first ${fmt(out[throttle].first)} ms, ` +
      KINDS.map((k) => `${k} ${fmt(out[throttle][k].work ?? NaN, 1)} ms work / ${fmt(out[throttle][k].paint ?? NaN, 1)} ms to paint`).join(", "));
  }
  return out;
}

// --- 5. scoring in wasm ------------------------------------------------------------------
let wasmScore = null;
try {
  const r = await measure(`/tests/bench/score.html?repeats=${QUICK ? 1 : 5}`, 1);
  wasmScore = { ms: median(r.ms), min: Math.min(...r.ms), max: Math.max(...r.ms) };
  log(`scoring in wasm: ${fmt(wasmScore.ms)} ms`);
} catch (e) {
  log(`scoring in wasm: ${e.message}`);
  wasmScore = { error: e.message };
}

const chromiumVersion = browser.version();
await browser.close();

// --- BENCHMARKS.md -------------------------------------------------------------------------
const L = [];
const cpu = os.cpus();
L.push("# Benchmarks", "");
L.push(`Written by \`cargo xtask bench\` on ${new Date().toISOString().slice(0, 10)}: every figure below comes from that one run, ` +
  `in headless Chromium ${chromiumVersion} on ${cpu.length} × ${cpu[0] ? cpu[0].model.trim() : "unknown CPU"}, ` +
  `${fmt(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}. Re-run it to get this machine's figures; ` +
  `compare ratios, not milliseconds, across machines.${QUICK ? " **Quick run (BENCH_QUICK=1): one sample each, not for publishing.**" : ""}`, "");
L.push("The peers are installed from npm and served from the same local server as chitieu (self-hosted, " +
  "as a portal without a CDN would): ECharts 6.1.0, Chart.js 4.6.1, Highcharts 13.1.1; their smallest gauge " +
  `builds are bundled with esbuild 0.28.2 (\`tests/bench/peers/\`); the table's peer is DataTables ${version("datatables.net")} ` +
  `(\`datatables.net-dt\`, its default styling) with jQuery ${version("jquery")}. The server gzips text and wasm at level 6, ` +
  "as a portal's server does. Times are medians of " +
  `${REPEATS} page loads, each in a fresh browser context (cold cache), opened ${fmt(SETTLE_MS / 1000)} s before the load so that Chromium's own start-up work for the new window is not timed.`, "");

L.push("## Budgets", "");
L.push("| budget | measured | verdict |", "| --- | --- | --- |");
const budgetKB = 100;
L.push(`| embed bundle ≤ ${budgetKB} KB gzipped (js + wasm) | ${fmt(ours.gzip / KB, 1)} KB | ${ours.gzip <= budgetKB * KB ? "met" : `**missed by ${fmt(ours.gzip / KB - budgetKB, 1)} KB (${fmt(ours.gzip / (budgetKB * KB), 2)}× the budget)**`} |`);
for (const n of SIZES.filter((n) => n >= 100)) {
  for (const throttle of THROTTLES) {
    const c = render[`chitieu/${n}/${throttle}`], e = render[`echarts/${n}/${throttle}`];
    if (c && e && !c.error && !e.error) {
      const ok = c.ms <= e.ms / 2;
      L.push(`| ${n} gauges in ≤ ½ of ECharts' time (CPU ÷${throttle}) | ${fmt(c.ms)} ms vs ECharts ${fmt(e.ms)} ms (${ratio(c.ms, e.ms)}) | ${ok ? "met" : `**missed: ${ratio(c.ms, e.ms / 2)} the budget of ${fmt(e.ms / 2)} ms**`} |`);
    }
  }
}
if (table && !table.error) {
  for (const throttle of THROTTLES) {
    const t = table[throttle];
    for (const k of TABLE_KINDS) {
      const w = t[k].work;
      if (typeof w !== "number") continue;
      L.push(`| table ${kindLabel(k)}, 2,000 rows, main-thread work within one ${FRAME_MS} ms frame (CPU ÷${throttle}) | ${fmt(w, 1)} ms (worst ${fmt(t[k].worst, 1)} ms) | ${w <= FRAME_MS ? "met" : `**missed: ${ratio(w, FRAME_MS)} a frame**`} |`);
    }
  }
} else {
  L.push(`| table interactions within one frame at 2,000 rows | not measured: ${table && table.error} | **unknown** |`);
}
const FIRST_BUDGET = `first gauge painted, Fast 3G + CPU ÷${PHONE_CPU}: no later than the fastest of Chart.js and ECharts`;
const firstPeers = [["chartjs", "Chart.js"], ["echarts", "ECharts"]].map(([id, name]) => ({ name, r: first[id] }));
if (first.chitieu && !first.chitieu.error && firstPeers.every((p) => p.r && !p.r.error)) {
  const c = first.chitieu.ms;
  const best = firstPeers.reduce((a, b) => (b.r.ms < a.r.ms ? b : a));
  const margin = best.r.ms - c;
  L.push(`| ${FIRST_BUDGET} | chitieu ${fmt(c)} ms vs ${best.name} ${fmt(best.r.ms)} ms (${ratio(c, best.r.ms)}) | ` +
    `${margin >= 0 ? `met, by ${fmt(margin)} ms` : `**missed by ${fmt(-margin)} ms (${ratio(c, best.r.ms)} ${best.name}'s time)**`} |`);
} else {
  const why = [["chitieu", first.chitieu], ...firstPeers.map((p) => [p.name, p.r])]
    .filter(([, r]) => !r || r.error).map(([n, r]) => `${n}: ${r ? r.error : "no result"}`).join("; ");
  L.push(`| ${FIRST_BUDGET} | not measured (${why}) | **unknown** |`);
}
for (const throttle of THROTTLES) {
  const label = `table, 2,000 rows: chitieu faster than DataTables on every interaction (CPU ÷${throttle})`;
  if (!table || table.error || !dataTables || dataTables.error) {
    L.push(`| ${label} | not measured: ${(table && table.error) || (dataTables && dataTables.error)} | **unknown** |`);
    continue;
  }
  const c = table[throttle], d = dataTables[throttle];
  const known = TABLE_KINDS.filter((k) => typeof c[k].work === "number" && typeof d[k].work === "number");
  const slower = known.filter((k) => !(c[k].work < d[k].work));
  const measured = known.map((k) => `${kindLabel(k)} ${fmt(c[k].work, 1)} vs ${fmt(d[k].work, 1)} ms (${ratio(c[k].work, d[k].work)})`).join("; ");
  const verdict = known.length < TABLE_KINDS.length
    ? `**unknown: ${TABLE_KINDS.filter((k) => !known.includes(k)).map(kindLabel).join(", ")} not measured**`
    : slower.length ? `**missed: slower on ${slower.map(kindLabel).join(", ")}**` : "met";
  L.push(`| ${label} | ${measured} | ${verdict} |`);
}
L.push("");

if (ours.gzip > budgetKB * KB) {
  L.push(`Why the weight budget is missed (by ${fmt(ours.gzip / KB - budgetKB, 1)} KB): the widget wasm is now ` +
    "the five widgets' views and state machines, core's model, periods and scoring, the reader of " +
    "`JSON.parse`'s output with the validation checks (no messages: those and CSV live in the analysis " +
    "wasm), the CSV writer of the download menu, the stylesheets (19 KB minified) and the catalogue in " +
    "two languages, over Rust's formatting, string and collection code; the loader and glue are the JS. " +
    "Measured on 2026-12-02, one change per build, from 299.8 KB before: yew out (views as markup " +
    "strings; wasm-opt's single-caller inlining capped) −126.7 KB, serde and the JSON/CSV readers out " +
    "−33.3 KB, float formatting, libm and Unicode case tables out −18.6 KB, the JS minified −6.1 KB, " +
    "validation messages out −5.0 KB, hash maps out −2.9 KB, a smaller allocator −2.8 KB, the CSS " +
    "minified −1.5 KB, while the loader's markup patcher added 0.7 KB. Panic locations and Debug " +
    "formatting (`-Zlocation-detail`, `-Zfmt-debug`, nightly only) would save 0.6 KB more. Below this, " +
    "bytes come from dropping features or " +
    "splitting the widgets over two files.", "");
}
const tableMissed = table && !table.error &&
  THROTTLES.some((th) => TABLE_KINDS.some((k) => table[th][k].work > FRAME_MS));
if (tableMissed) {
  L.push("Why the table budget is missed: only one page of 50 rows is in the DOM, sorting and filtering " +
    "the 2,000 rows use keys computed once, and a change re-renders the page as one markup string in wasm " +
    "that the loader patches into the DOM, touching only elements whose markup changed. What is left is " +
    "that page: each row is 28 elements (a rowheader button, six cells, a compact bullet chart in SVG, a " +
    "status chip), restyled and laid out; the breakdown under [Target table](#target-table-2000-rows) " +
    "splits it between script, style and layout. DataTables' rows are plain text cells.", "");
}
L.push("## Bundle weight", "");
L.push("What a portal self-hosts to draw one gauge. gzip at level 9 (Node's zlib, the same for every row) and brotli at quality 11 (what a server " +
  "precompresses); 1 KB = 1,000 bytes. Ratio: chitieu's widget bundle divided by the row's.", "");
L.push("| files | raw | gzip | brotli | chitieu ÷ this (gzip) |", "| --- | ---: | ---: | ---: | ---: |");
for (const b of BUNDLES) {
  L.push(`| ${b.name} | ${fmt(b.raw / KB, 1)} KB | ${fmt(b.gzip / KB, 1)} KB | ${fmt(b.brotli / KB, 1)} KB | ${b === ours ? "1.00×" : b.ours ? "—" : ratio(ours.gzip, b.gzip)} |`);
}
L.push("", "chitieu's figure is what every widget needs (gauge, bullet, trend, table and scorecard, " +
  "their styles and both languages); the wasm is fetched only when a widget comes near the viewport. " +
  "The analysis API (`chitieu.score`, `parseTargets`, `validate`) is a second wasm, fetched on first use " +
  "and not counted here.", "");

L.push("## Rendering N gauges", "");
L.push("From script start (a performance mark before any library loads) to every gauge drawn and the " +
  "next frame painted (two `requestAnimationFrame`s), each gauge in its own 240 × 180 px box from inline " +
  "data, animations off. chitieu gauges are mounted with `chitieu.mount()` (eager; the custom elements " +
  "would defer off-screen ones), each with its own one-indicator dataset that it parses and validates; " +
  "export menus off. Memory after a forced garbage collection: JS heap used, wasm linear memory, DOM nodes " +
  "(chitieu's include its shadow roots; canvas pixels are not counted for anyone). " +
  "CPU ÷4 is Chromium's `Emulation.setCPUThrottlingRate` at 4.", "");
for (const throttle of THROTTLES) {
  L.push(`### CPU ÷${throttle}`, "");
  L.push("| library | N | time (median; min–max) | chitieu ÷ this | JS heap | wasm memory | DOM nodes |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const n of SIZES) {
    const c = render[`chitieu/${n}/${throttle}`];
    for (const lib of LIBS) {
      const r = render[`${lib.id}/${n}/${throttle}`];
      if (!r) continue;
      if (r.error || c.error) {
        L.push(`| ${lib.name} | ${n} | not measured: ${r.error || "chitieu failed"} | | | | |`);
        continue;
      }
      L.push(`| ${lib.name} | ${n} | ${fmt(r.ms)} ms (${fmt(r.min)}–${fmt(r.max)}) | ${lib.id === "chitieu" ? "1.00×" : ratio(c.ms, r.ms)} | ${fmt(r.heap / 1e6, 1)} MB | ${r.wasm ? `${fmt(r.wasm / 1e6, 1)} MB` : "—"} | ${fmt(r.nodes)} |`);
    }
  }
  L.push("");
}

L.push("## First gauge on a slow phone", "");
L.push("`tests/bench/first/`: one page per library with one gauge in a 240 × 180 px box and its library from a " +
  "plain `<script src>` on the same local server (gzipped): chitieu as a portal embeds it, " +
  "`<chitieu-gauge src=\"gauge.json\" indicator=…>` (the bundle fetches its wasm and the one-indicator dataset " +
  "file), Chart.js's doughnut-only and ECharts' gauge-only builds with the same figure inline (81.77% of 100), " +
  `animations off. Fast 3G: Chromium's \`Network.emulateNetworkConditions\` with ${FAST_3G.latency} ms latency, ` +
  `${fmt(FAST_3G.downloadThroughput * 8 / 1e6, 1)} Mbps down and ${fmt(FAST_3G.uploadThroughput * 8 / 1e3)} kbps up; ` +
  `CPU ÷${PHONE_CPU}; a fresh context (cold cache). Time: from navigation start (\`performance.now()\`) to two frames ` +
  "after the gauge was drawn (after `chitieu:ready` for chitieu). Transferred: every response's headers and body " +
  `as sent. Medians of ${REPEATS} page loads.`, "");
L.push("| library | first gauge painted (median; min–max) | chitieu ÷ this | requests | transferred |",
  "| --- | ---: | ---: | ---: | ---: |");
for (const lib of FIRST) {
  const r = first[lib.id], c = first.chitieu;
  if (!r || r.error) {
    L.push(`| ${lib.name} | not measured: ${r ? r.error : "no result"} | | | |`);
    continue;
  }
  L.push(`| ${lib.name} | ${fmt(r.ms)} ms (${fmt(r.min)}–${fmt(r.max)}) | ${lib.id === "chitieu" ? "1.00×" : c && !c.error ? ratio(c.ms, r.ms) : "—"} | ${r.requests} | ${fmt(r.transferred / KB, 1)} KB |`);
}
L.push("", "Chromium adds the latency once per request; a real link of the same round trip also pays for " +
  "connections and TCP slow start (Lighthouse, when it throttles Chromium this way, multiplies this profile's " +
  "latency by 3.75 for that), " +
  "so these times are kind to every library, and kindest to the one whose requests wait on each other least.", "");

L.push("## Target table, 2,000 rows", "");
if (table && !table.error) {
  L.push("`tests/bench/table.html`: one `<chitieu-table>` over a generated 2,000-indicator dataset (five " +
    "pillars, three levels, four results each), mounted at once. First render: from script start (so " +
    "including the wasm download and compile) to the table painted. Sort (the latest-result column " +
    "header), filter (a diacritic-free word typed in the search box) and next page, each three times per " +
    "page load: **work** is from the input to the changed table laid out (script, style and layout, on " +
    "the main thread), which must fit in one frame; **to paint** adds the wait for the next frame and its " +
    `paint, what a reader perceives. Budget: one frame, ${FRAME_MS} ms. Medians.`, "");
  L.push("| CPU | first render | sort: work / to paint | filter: work / to paint | next page: work / to paint | rows in the DOM |",
    "| --- | ---: | ---: | ---: | ---: | ---: |");
  for (const throttle of THROTTLES) {
    const t = table[throttle];
    const cell = (x) => (typeof x.work === "number" ? `${fmt(x.work, 1)} / ${fmt(x.paint, 1)} ms` : "—");
    L.push(`| ÷${throttle} | ${fmt(t.first)} ms | ${cell(t.sort)} | ${cell(t.filter)} | ${cell(t.page)} | ${t.shown ?? "—"} |`);
  }
  L.push("", "Where each interaction's time goes (medians of Chromium's script, style and layout counters, " +
    "read just before and after it, so they include the harness's own small share):", "");
  L.push("| CPU | interaction | script | style | layout |", "| --- | --- | ---: | ---: | ---: |");
  for (const throttle of THROTTLES) {
    for (const k of TABLE_KINDS) {
      const x = table[throttle][k];
      if (typeof x.script !== "number") continue;
      L.push(`| ÷${throttle} | ${kindLabel(k)} | ${fmt(x.script, 1)} ms | ${fmt(x.style, 1)} ms | ${fmt(x.layout, 1)} ms |`);
    }
  }
} else {
  L.push(`Not measured: ${table && table.error}.`);
}
L.push("");

L.push("## The 2,000-row table against DataTables", "");
if (table && !table.error && dataTables && !dataTables.error) {
  L.push("`tests/bench/datatables.html`: DataTables (with jQuery, as most portals load it, and its default " +
    "styling) over the same 2,000 generated indicators as chitieu's table (`tests/bench/table-common.js` makes " +
    "both), 50 rows a page, seven columns like chitieu's: indicator, level, target, deadline, latest result, " +
    "attainment, status. The page works out the last three in plain JS beforehand (chitieu scores them in wasm) " +
    "and every cell is text; chitieu's rows also draw a bullet chart in SVG and a status chip, and are grouped by " +
    "pillar. DataTables has no animations. The same interactions, timed the same way (`benchTimed`): sort (a click " +
    "on the latest-result header, ascending then descending as chitieu's), filter (the same three queries typed " +
    "into DataTables' search box; its smart search matches any part of any column, ignoring diacritics, so it lets " +
    "more rows through than chitieu's search of words' starts) and next page (its Next button). DataTables sorts in " +
    "a `setTimeout` after the click, and that wait counts. Cells: **work** / **to paint**, medians; the ratio is of " +
    "the work. First render: from script start to the table painted (chitieu's includes its wasm download and " +
    "compile and the scoring).", "");
  L.push("| CPU | interaction | chitieu | DataTables | chitieu ÷ DataTables |", "| --- | --- | ---: | ---: | ---: |");
  const cell = (x) => (typeof x.work === "number" ? `${fmt(x.work, 1)} / ${fmt(x.paint, 1)} ms` : "—");
  for (const throttle of THROTTLES) {
    const c = table[throttle], d = dataTables[throttle];
    L.push(`| ÷${throttle} | first render | ${fmt(c.first)} ms | ${fmt(d.first)} ms | ${ratio(c.first, d.first)} |`);
    for (const k of TABLE_KINDS) {
      const both = typeof c[k].work === "number" && typeof d[k].work === "number";
      L.push(`| ÷${throttle} | ${kindLabel(k)} | ${cell(c[k])} | ${cell(d[k])} | ${both ? ratio(c[k].work, d[k].work) : "—"} |`);
    }
  }
  L.push("", "Where DataTables' time goes (as for chitieu above):", "");
  L.push("| CPU | interaction | script | style | layout |", "| --- | --- | ---: | ---: | ---: |");
  for (const throttle of THROTTLES) {
    for (const k of TABLE_KINDS) {
      const x = dataTables[throttle][k];
      if (typeof x.script !== "number") continue;
      L.push(`| ÷${throttle} | ${kindLabel(k)} | ${fmt(x.script, 1)} ms | ${fmt(x.style, 1)} ms | ${fmt(x.layout, 1)} ms |`);
    }
  }
} else {
  L.push(`Not measured: ${(table && table.error) || (dataTables && dataTables.error)}.`);
}
L.push("");

L.push("## Scoring 63 provinces × 100 indicators × 10 observations", "");
L.push("63 generated datasets (`crates/chitieu-core/examples/bench_score.rs`, a fixed pseudo-random sequence; " +
  `${native ? fmt(native.bytes_in / 1e6, 1) : "?"} MB of JSON), each read and validated, scored and written ` +
  "back as JSON, as the `scoreDataset` wasm call does. Native: release build, median of " +
  `${native ? native.repeats : "?"} rounds. Wasm: \`chitieu.score()\` in Chromium (also turns each result into JS objects), median of ${QUICK ? 1 : 5} rounds.`, "");
L.push("| where | all 63 datasets | per dataset | ÷ native |", "| --- | ---: | ---: | ---: |");
if (native) {
  L.push(`| native (load ${fmt(native.load_ms)} ms + score and write ${fmt(native.score_ms)} ms) | ${fmt(native.total_ms)} ms | ${fmt(native.total_ms / 63, 2)} ms | 1.00× |`);
}
if (wasmScore && !wasmScore.error) {
  L.push(`| wasm in Chromium | ${fmt(wasmScore.ms)} ms (${fmt(wasmScore.min)}–${fmt(wasmScore.max)}) | ${fmt(wasmScore.ms / 63, 2)} ms | ${native ? ratio(wasmScore.ms, native.total_ms) : "—"} |`);
} else {
  L.push(`| wasm in Chromium | not measured: ${wasmScore && wasmScore.error} | | |`);
}
L.push("");

await writeFile(OUT, L.join("\n"));
log(`wrote ${OUT}`);
