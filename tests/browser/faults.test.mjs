// Fault injection (issue #7): bad data, bad servers, hostile text, bad attributes and a
// crowded page. For each fault: the faulty widget says what is wrong (and where) in words,
// or falls back to something sensible; nothing reaches the host page as an uncaught error
// or unhandled rejection; and the healthy widgets on the same page render, and still
// re-render when their attributes change.
//
// Pages and fixtures are in tests/pages/faults/: fault.html builds one faulty widget (#bad)
// from its query string next to two healthy ones (#ok, #ok-bullet); listen.js records
// window errors, unhandled rejections and chitieu:error / chitieu:ready events.

import { readFile } from "node:fs/promises";

const F = "/tests/pages/faults";

/** The rendered text of a widget (inside its shadow root) once it is no longer loading. */
async function boxText(page, host, timeout = 20_000) {
  const box = page.locator(host).locator(".chitieu:not(.loading)").first();
  await box.waitFor({ timeout });
  return box.innerText();
}

/** The text of `host`'s error box once it contains `hasText`; fails if it never does. */
async function errorText(page, host, hasText, timeout = 20_000) {
  const box = page.locator(`${host} .chitieu.error[role=alert]`, { hasText });
  await box.waitFor({ timeout });
  return box.innerText();
}

/** A `chitieu/1` dataset of at least `bytes` bytes as pretty JSON (indent 1): indicators
 *  with monthly results from 2000 to 2024 as numerator/denominator, over five pillars.
 *  `ct-i` has denominator 1000 + i and, in 2024-12, numerator round(0.9 × (1000 + i)). */
function bigDataset(bytes) {
  const pillars = ["chinh-quyen-so", "kinh-te-so", "xa-hoi-so", "ha-tang", "du-lieu"].map((id, k) => ({ id, name: { vi: `Trụ cột ${k + 1}`, en: `Pillar ${k + 1}` } }));
  const indicator = (i) => {
    const d = 1000 + i;
    const observations = [];
    for (let k = 1; k <= 300; k++) {
      const y = 2000 + Math.floor((k - 1) / 12), m = ((k - 1) % 12) + 1;
      observations.push({ period: `${y}-${String(m).padStart(2, "0")}`, numerator: Math.round(d * (0.3 + (0.6 * k) / 300)), denominator: d });
    }
    return {
      id: `ct-${i}`, pillar: pillars[i % 5].id,
      name: { vi: `Chỉ tiêu ${i}: tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng`, en: `Indicator ${i}: work files processed online` },
      unit: "percent",
      targets: [{ text: `Trên 95% hồ sơ công việc (chỉ tiêu ${i})`, op: "gt", value: 95, deadline: "2025" }],
      observations,
    };
  };
  const n = Math.ceil(bytes / JSON.stringify(indicator(0), null, 1).length) + 1;
  const ds = { schema: "chitieu/1", plan: { id: "lon-10mb", title: "Kế hoạch 10 MB" }, as_of: "2024-12-31", pillars, indicators: [] };
  for (let i = 0; i < n; i++) ds.indicators.push(indicator(i));
  return { n, ds };
}

export default function ({ test, open, assert, assertEq, assertIncludes }) {
  /** No uncaught error or unhandled rejection reached the page (the harness's own record
   *  and the page's listeners), and no console error except those in `allowed`. */
  async function hostUnharmed(page, errors, allowed = []) {
    const uncaught = await page.evaluate(() => window.__uncaught);
    assertEq(uncaught.join("\n"), "", "window error / unhandledrejection listeners");
    const left = errors.filter((e) => !allowed.some((a) => a.test(e)));
    assertEq(left.join("\n"), "", "page errors and console errors");
  }

  /** The healthy widgets render their figures, and re-render when an attribute changes. */
  async function healthyStillWork(page) {
    assertIncludes(await boxText(page, "#ok"), "81,77%", "healthy gauge");
    assertIncludes(await boxText(page, "#ok-bullet"), "trên 95%", "healthy bullet");
    await page.evaluate(() => document.getElementById("ok").setAttribute("indicator", "hscv-huyen"));
    await page.locator("#ok figure.gauge", { hasText: "trên 85%" }).waitFor({ timeout: 10_000 });
    const label = await page.locator("#ok svg[role=img]").getAttribute("aria-label");
    assertIncludes(label, "cấp huyện", "healthy gauge's aria-label after re-render");
  }

  /** Opens fault.html (or `page`) with the faulty widget given by `query`. */
  function openFault(query, options, page = "fault.html") {
    return open(`${F}/${page}?${new URLSearchParams(query)}`, options);
  }

  test("fault: malformed JSON (trailing comma, cut off, bare NaN) says where; an HTML page says so; the widget recovers", async () => {
    const { page, context, errors } = await openFault({ src: "data/trailing-comma.json", indicator: "x" });
    const cases = [
      ["trailing-comma.json", ["Dữ liệu không hợp lệ", "dòng 4"]],
      ["truncated.json", ["dòng 5"]],
      ["bare-nan.json", ["dòng 5"]],
    ];
    for (const [file, words] of cases) {
      await page.evaluate((f) => document.getElementById("bad").setAttribute("src", "data/" + f), file);
      const text = await errorText(page, "#bad", file);
      for (const w of words) assertIncludes(text, w, file);
    }
    // A web page where the data should be (a login page, a CMS's "not found" page at
    // status 200) is named as such, whatever the address ends with.
    for (const src of ["data/html-page.json", "fault.html"]) {
      await page.evaluate((s) => document.getElementById("bad").setAttribute("src", s), src);
      const text = await errorText(page, "#bad", src);
      assertIncludes(text, "trả về một trang web (HTML), không phải dữ liệu JSON hay CSV: hãy kiểm tra thuộc tính src", src);
    }
    // A failed load is not cached: pointed at good data, the same widget renders.
    await page.evaluate(() => {
      const el = document.getElementById("bad");
      el.setAttribute("indicator", "wifi-nha-van-hoa");
      el.setAttribute("src", "/seeds/quang-nam-2024.json");
    });
    await page.locator("#bad figure.gauge", { hasText: "81,77%" }).waitFor({ timeout: 10_000 });
    await healthyStillWork(page);
    await hostUnharmed(page, errors);
    await context.close();
  });

  test("fault: wrong types (a string for a number, an array for an object, a missing field) name the indicator and the field", async () => {
    const { page, context, errors } = await openFault({ src: "data/string-number.json", indicator: "x" });
    const cases = [
      ["string-number.json", ["indicators[0].observations[0].value", "'x'", "dòng 7"]],
      ["array-object.json", ["indicators[0].source", "'x'", "dòng 7"]],
      ["missing-field.json", ["`unit`", "indicators[0]", "'x'"]],
    ];
    for (const [file, words] of cases) {
      await page.evaluate((f) => document.getElementById("bad").setAttribute("src", "data/" + f), file);
      const text = await errorText(page, "#bad", file);
      assertIncludes(text, "Dữ liệu không hợp lệ", file);
      for (const w of words) assertIncludes(text, w, file);
    }
    const events = await page.evaluate(() => window.__chitieuErrors.filter((e) => e.id === "bad").map((e) => e.message));
    assertEq(events.length, 3, "one chitieu:error per fault");
    assertIncludes(events[2], "missing-field.json", "chitieu:error detail.message");
    await healthyStillWork(page);
    await hostUnharmed(page, errors);
    await context.close();
  });

  test("fault: wrong types in chitieu.mount() options (a number for the widget, indicator, asOf; a list for the plan) say what is wrong; the wasm carries on", async () => {
    const { page, context, errors } = await open(`${F}/fault.html`);
    await page.locator("#ok figure.gauge").waitFor({ timeout: 20_000 });
    const seed = "/seeds/quang-nam-2024.json";
    const cases = [
      [{ widget: 7, src: seed, indicator: "wifi-nha-van-hoa" }, "Không có loại biểu đồ '7'; dùng một trong: gauge, bullet, table, scorecard, trend"],
      [{ widget: "gauge", src: seed, indicator: 42 }, "Không tìm thấy chỉ tiêu '42' trong dữ liệu"],
      [{ widget: "gauge", src: seed, indicator: "wifi-nha-van-hoa", asOf: 20240630 }, "Thuộc tính 'as-of': '20240630' không phải là ngày hợp lệ"],
      [{ widget: "bullet", data: { schema: "chitieu/1", plan: ["p", "t"], indicators: [] }, indicator: "x" }, "plan: sai kiểu dữ liệu: gặp một danh sách [...], cần một đối tượng"],
    ];
    for (const [i, [options, words]] of cases.entries()) {
      const thrown = await page.evaluate(([i, options]) => {
        const el = document.createElement("div");
        el.id = "m" + i;
        document.getElementById("under-test").appendChild(el);
        try { window.chitieu.mount(el, options); return ""; } catch (e) { return e.message; }
      }, [i, options]);
      assertEq(thrown, "", `mount(${JSON.stringify(options)}) does not throw`);
      await errorText(page, `#m${i}`, words);
    }
    // Mounted again with good options, the first one renders.
    await page.evaluate(() => { window.chitieu.mount(document.getElementById("m0"), { widget: "gauge", src: "/seeds/quang-nam-2024.json", indicator: "wifi-nha-van-hoa" }); });
    await page.locator("#m0 figure.gauge", { hasText: "81,77%" }).waitFor({ timeout: 10_000 });
    await healthyStillWork(page);
    await hostUnharmed(page, errors);
    await context.close();
  });

  test('fault: "NaN" and "Infinity" strings as numbers name the indicator and the field', async () => {
    const { page, context, errors } = await openFault({ src: "data/nan-strings.json", indicator: "x", widget: "trend" });
    const nan = await errorText(page, "#bad", "nan-strings.json");
    assertIncludes(nan, "indicators[0].observations[0].value", "NaN: field");
    assertIncludes(nan, "'x'", "NaN: indicator");
    assertIncludes(nan, '"NaN"', "NaN: the value found");
    await page.evaluate(() => document.getElementById("bad").setAttribute("src", "data/infinity-strings.json"));
    const inf = await errorText(page, "#bad", "infinity-strings.json");
    assertIncludes(inf, "indicators[0].targets[0]", "Infinity: field");
    assertIncludes(inf, "'x'", "Infinity: indicator");
    assertIncludes(inf, "Infinity", "Infinity: the value found");
    await healthyStillWork(page);
    await hostUnharmed(page, errors);
    await context.close();
  });

  test("fault: a zero denominator names the indicator and the field, in every widget that shows it", async () => {
    const { page, context, errors } = await openFault({ src: "data/zero-denominator.json", indicator: "x" });
    const text = await errorText(page, "#bad", "zero-denominator.json");
    assertIncludes(text, "Dữ liệu không hợp lệ", "in Vietnamese");
    assertIncludes(text, "indicators[0].observations[0].denominator", "field");
    assertIncludes(text, "'x'", "indicator");
    assertIncludes(text, "mẫu số ('denominator') bằng 0", "what, in Vietnamese");
    // The table on the same data says the same (the dataset is parsed once, shared).
    await page.evaluate(() => {
      const t = document.createElement("chitieu-table");
      t.id = "bad-table";
      t.setAttribute("src", "data/zero-denominator.json");
      document.getElementById("under-test").appendChild(t);
    });
    // The table lists every indicator of the file: 'x' is a row marked invalid, with why.
    const row = page.locator("#bad-table tr.row", { hasText: "zero-denominator.json" });
    await row.waitFor({ timeout: 20_000 });
    const rowText = await row.innerText();
    assertIncludes(rowText, "Dữ liệu không hợp lệ", "table row status");
    assertIncludes(rowText, "mẫu số ('denominator') bằng 0", "table row reason, in Vietnamese");
    await healthyStillWork(page);
    await hostUnharmed(page, errors);
    await context.close();
  });

  test("fault: a negative denominator names the indicator and the field (in English with lang=en); the file's other indicator renders", async () => {
    const { page, context, errors } = await openFault({ src: "data/negative-denominator.json", indicator: "x", lang: "en", widget: "bullet" });
    const text = await errorText(page, "#bad", "negative-denominator.json");
    assertIncludes(text, "Invalid data", "in English");
    assertIncludes(text, "indicators[0].observations[0].denominator", "field");
    assertIncludes(text, "'x'", "indicator");
    assertIncludes(text, "negative", "what");
    // 'y', in the same file, is fine: only 'x' is set aside.
    await page.evaluate(() => document.getElementById("bad").setAttribute("indicator", "y"));
    await page.locator("#bad figure.bullet").waitFor({ timeout: 10_000 });
    await healthyStillWork(page);
    await hostUnharmed(page, errors);
    await context.close();
  });

  test("fault: the fetch timeout covers the network only: a file that arrived in time is not timed out while it is decoded and parsed", async () => {
    // slow-phone.html times a fetch out after 1.5 s. Once the body has arrived, decoding it
    // and JSON.parse take 2 s each here (a large file on a slow phone): 4 s in all, past the
    // timeout, and the widget still renders; no fetch is aborted.
    const init = () => {
      const busy = (ms) => { const end = Date.now() + ms; while (Date.now() < end); };
      const slow = (f, big) => function (...args) { if (big(args[0])) busy(2000); return f.apply(this, args); };
      TextDecoder.prototype.decode = slow(TextDecoder.prototype.decode, (b) => b && b.byteLength > 10_000);
      JSON.parse = slow(JSON.parse, (t) => typeof t === "string" && t.length > 10_000);
      window.__aborts = 0;
      const abort = AbortController.prototype.abort;
      AbortController.prototype.abort = function (...args) { window.__aborts++; return abort.apply(this, args); };
    };
    const { page, context, errors } = await open(`${F}/slow-phone.html`, { init });
    assertIncludes(await boxText(page, "#g", 30_000), "81,77%", "the gauge renders");
    assertEq(await page.evaluate(() => window.__aborts), 0, "fetches aborted");
    await hostUnharmed(page, errors);
    await context.close();
  });

  test("fault: 404, 500, timeout, no connection (English); the widget recovers once the file is there", async () => {
    // net.html: an English page (the healthy widgets say lang="vi") with a 1.5 s fetch timeout.
    const { page, context, errors } = await openFault({ src: "/__fault/404", indicator: "x" }, {}, "net.html");
    const cases = [
      ["/__fault/404", "Could not load the data (HTTP 404) from"],
      ["/__fault/500", "Could not load the data (HTTP 500) from"],
      ["/__fault/slow/4000", "Timed out loading the data from"],
      ["http://127.0.0.1:9/closed.json", "Could not connect to load the data from"],
    ];
    for (const [src, words] of cases) {
      await page.evaluate((s) => document.getElementById("bad").setAttribute("src", s), src);
      assertIncludes(await errorText(page, "#bad", words), src.replace(/^\//, ""), `${src}: says which URL`);
    }
    // The server is fixed: the same widget, asked again, renders (failures are not cached).
    await page.evaluate(() => {
      const el = document.getElementById("bad");
      el.setAttribute("indicator", "wifi-nha-van-hoa");
      el.setAttribute("src", "/seeds/quang-nam-2024.json");
    });
    await page.locator("#bad figure.gauge[lang=en]", { hasText: "81.77%" }).waitFor({ timeout: 10_000 });
    await healthyStillWork(page);
    await hostUnharmed(page, errors, [/HTTP (404|500) for/, /Failed to load resource/, /ERR_CONNECTION_REFUSED/]);
    await context.close();
  });

  test("fault: HTML and <script> in names, pillar names, target text and sources render as text in every widget; nothing runs, in exports either", async () => {
    const { page, context, errors } = await open(`${F}/payloads.html`, { acceptDownloads: true });
    const charts = { gauge: "figure.gauge", "gauge-en": "figure.gauge", "gauge-2": "figure.gauge", bullet: "figure.bullet", trend: "figure.trend", table: "tr.row", scorecard: "figure.scorecard" };
    for (const [id, inner] of Object.entries(charts)) {
      await page.locator(`#${id}`).scrollIntoViewIfNeeded();
      await page.locator(`#${id} ${inner}`).first().waitFor({ timeout: 20_000 });
    }
    // The text is shown as written, markup and all.
    const IMG = `<img src=x onerror="window.__pwned = 'name vi'">`;
    const gauge = await boxText(page, "#gauge");
    assertIncludes(gauge, `Tỷ lệ ${IMG} hồ sơ <script>window.__pwned = 'name script'</script>`, "gauge: name");
    assertIncludes(gauge, `"><img src=x onerror="window.__pwned = 'target text'"> <script>`, "gauge: target text");
    assertIncludes(gauge, `<a href="javascript:window.__pwned = 'source'">Kế hoạch</a>`, "gauge: source");
    assertIncludes(await page.locator("#gauge svg[role=img]").getAttribute("aria-label"), IMG, "gauge: aria-label");
    assertIncludes(await boxText(page, "#gauge-en"), `Share <svg onload="window.__pwned = 'name en'"></svg> of files`, "English gauge: name");
    assertIncludes(await boxText(page, "#gauge-2"), `<b onmouseover="window.__pwned = 'b'">đậm</b> &amp; &lt;`, "entities stay as typed");
    assertIncludes(await boxText(page, "#gauge-2"), "<style>*{display:none}</style>Đạt 500", "style in target text");
    assertIncludes(await boxText(page, "#bullet"), IMG, "bullet: name");
    assertIncludes(await boxText(page, "#trend"), IMG, "trend: name");
    const table = await boxText(page, "#table");
    assertIncludes(table, `Trụ cột <img src=x onerror="window.__pwned = 'pillar vi'">`, "table: pillar name");
    assertIncludes(table, IMG, "table: indicator name");
    assertIncludes(table, "'target script'</script>", "table: target text");
    assertIncludes(await boxText(page, "#scorecard"), `Trụ cột <img src=x`, "scorecard: pillar name");
    // Markup in attributes is text too: an unknown indicator and an unknown widget name.
    assertIncludes(await errorText(page, "#bad-id", "indicator attribute"), `<img src=x onerror="window.__pwned = 'indicator attribute'">`, "unknown indicator, as text");
    assertIncludes(await errorText(page, "#bad-widget", "widget name"), `'<img src=x onerror="window.__pwned = 'widget name'">'`, "unknown widget, as text");
    // And typed into the table's search box.
    await page.locator("#table input[type=search]").fill(`<img src=x onerror="window.__pwned = 'search'">`);
    await page.locator("#table [role=status]", { hasText: "0/2" }).waitFor({ timeout: 10_000 });
    assertIncludes(await boxText(page, "#ok"), "81,77%", "healthy widget");

    // Nothing from the data became markup: no element a payload would make, no handler.
    const planted = await page.evaluate(() => {
      const found = [];
      const walk = (root, where) => {
        for (const el of root.querySelectorAll("*")) {
          const tag = el.localName;
          if (["img", "script", "iframe", "style", "b", "a"].includes(tag) || (tag === "svg" && el.closest("text"))) found.push(`${where}: <${tag}>`);
          for (const a of el.attributes) {
            if (/^on/i.test(a.name)) found.push(`${where}: <${tag} ${a.name}>`);
            if (/^\s*javascript:/i.test(a.value)) found.push(`${where}: <${tag} ${a.name}=${a.value}>`);
          }
          if (el.shadowRoot) walk(el.shadowRoot, el.id);
        }
      };
      walk(document.body, "page");
      return found;
    });
    assertEq(planted.join("\n"), "", "elements or handlers made from the data");
    // Give a planted <img onerror> time to fire before looking for its mark (a wait, not a timing check).
    await page.waitForTimeout(300);
    assertEq(await page.evaluate(() => window.__pwned), undefined, "window.__pwned");

    // Exports: each chart's SVG has the text escaped, and opened on its own runs nothing;
    // the CSV carries the names as data.
    const download = async (id, label) => {
      await page.locator(`#${id}`).scrollIntoViewIfNeeded();
      const details = page.locator(`#${id} details.export`);
      if (!(await details.getAttribute("open") !== null)) await details.locator("summary").click();
      const [dl] = await Promise.all([page.waitForEvent("download"), details.locator("button", { hasText: label }).click()]);
      return (await readFile(await dl.path())).toString("utf8");
    };
    for (const id of ["gauge", "bullet", "trend"]) {
      const svg = await download(id, "Ảnh SVG");
      assert(!/<(script|img|iframe|a)[\s>]/i.test(svg), `${id}: no markup from the data in the SVG`);
      assertIncludes(svg, "&lt;img src=x onerror=", `${id}: the name, escaped, in the SVG`);
      const viewer = await context.newPage();
      await viewer.route("**/__export.svg", (route) => route.fulfill({ status: 200, contentType: "image/svg+xml", body: svg }));
      await viewer.goto(new URL(`${F}/__export.svg`, page.url()).href);
      await viewer.waitForTimeout(200);
      assertEq(await viewer.evaluate(() => window.__pwned), undefined, `${id}: SVG opened as a document runs nothing`);
      await viewer.close();
    }
    const csv = await download("gauge", "Dữ liệu CSV");
    assertIncludes(csv, `Tỷ lệ <img src=x onerror=""window.__pwned = 'name vi'"">`, "chitieu/1 CSV: the name as data, quotes doubled");
    await page.locator("#table input[type=search]").fill("");
    await page.locator("#table [role=status]", { hasText: "2/2" }).waitFor({ timeout: 10_000 });
    const [dl] = await Promise.all([page.waitForEvent("download"), page.locator("#table button.csv").click()]);
    const tableCsv = (await readFile(await dl.path())).toString("utf8");
    assertIncludes(tableCsv, `Trụ cột <img src=x onerror=""window.__pwned = 'pillar vi'"">`, "table CSV: the pillar name as data");
    await hostUnharmed(page, errors);
    await context.close();
  });

  test("fault: unknown attribute values say which attribute and what is allowed, or fall back; the widget re-renders once fixed", async () => {
    const { page, context, errors } = await open(`${F}/attrs.html`);
    const says = {
      level: ["Thuộc tính 'level': không có giá trị 'country'", "province, district, commune"],
      status: ["Thuộc tính 'status': không có giá trị 'great'", "on-track"],
      pillar: ["Thuộc tính 'pillar': không có giá trị 'khong-co'", "chinh-quyen-so"],
      "level-en": ["Attribute 'level': 'country' is not allowed", "province, district, commune"],
      "as-of": ["Thuộc tính 'as-of'", "'2024-13-45'", "YYYY-MM-DD"],
      stale: ["Thuộc tính 'stale-after'", "'soon'", "never"],
      indicator: ["Không tìm thấy chỉ tiêu 'khong-co' trong dữ liệu"],
      "no-indicator": ["Thiếu thuộc tính 'indicator'"],
      widget: ["Không có loại biểu đồ 'pie'"],
    };
    for (const [id, words] of Object.entries(says)) {
      await page.locator(`#${id}`).scrollIntoViewIfNeeded();
      const text = await errorText(page, `#${id}`, words[0]);
      for (const w of words.slice(1)) assertIncludes(text, w, id);
    }
    // Values with a sensible default: the widget renders with it.
    const figure = async (id, sel) => {
      await page.locator(`#${id}`).scrollIntoViewIfNeeded();
      const f = page.locator(`#${id} ${sel}`);
      await f.waitFor({ timeout: 20_000 });
      return f;
    };
    await figure("theme", "figure.gauge.theme-light");
    await figure("variant", "figure.gauge:not(.ring)");
    await figure("bullet-variant", "figure.bullet");
    assertEq(await page.locator("#bullet-variant svg.compact").count(), 0, "unknown bullet variant: the full bullet");
    assertIncludes(await (await figure("lang", "figure.gauge[lang=vi]")).innerText(), "81,77%", "unknown lang: Vietnamese");
    await figure("export", "details.export");
    // Every error reached the page as a chitieu:error event, the fallbacks as chitieu:ready.
    const events = await page.evaluate(() => ({
      errors: [...new Set(window.__chitieuErrors.map((e) => e.id))].sort().join(","),
      ready: window.__chitieuReady.slice().sort().join(","),
    }));
    assertEq(events.errors, Object.keys(says).sort().join(","), "chitieu:error events");
    for (const id of ["theme", "variant", "bullet-variant", "lang", "export"]) assertIncludes(events.ready, id, "chitieu:ready");
    // Fixed, the widget renders; the healthy one on the same data re-renders too.
    await page.evaluate(() => document.getElementById("level").setAttribute("level", "district"));
    await page.locator("#level tr.row:not([hidden])").first().waitFor({ timeout: 10_000 });
    await page.evaluate(() => document.getElementById("as-of").setAttribute("as-of", "2024-06-30"));
    await page.locator("#as-of figure.gauge", { hasText: "81,77%" }).waitFor({ timeout: 10_000 });
    await page.locator("#ok").scrollIntoViewIfNeeded();
    assertIncludes(await boxText(page, "#ok"), "trên 95%", "healthy gauge");
    await page.evaluate(() => document.getElementById("ok").setAttribute("lang", "en"));
    await page.locator("#ok figure.gauge[lang=en]", { hasText: "above 95%" }).waitFor({ timeout: 10_000 });
    await hostUnharmed(page, errors);
    await context.close();
  });

  test("fault: a 10 MB dataset renders in gauge, trend, table and scorecard; an error at its very end is placed by line and sets aside that indicator alone", async () => {
    const { n, ds } = bigDataset(10 * 1024 * 1024);
    const body = JSON.stringify(ds, null, 1);
    assert(body.length >= 10 * 1024 * 1024, `10 MB of JSON (${body.length} bytes)`);
    // The same data with a zero denominator in the last result of the last indicator.
    const last = ds.indicators[n - 1].observations;
    last[last.length - 1].denominator = 0;
    const bad = JSON.stringify(ds, null, 1);
    const badLine = bad.slice(0, bad.lastIndexOf('"denominator": 0')).split("\n").length;
    const { page, context, errors } = await open(`${F}/fault.html`);
    let fetched = 0;
    await page.route("**/gen/big.json", (route) => { fetched++; route.fulfill({ status: 200, contentType: "application/json", body }); });
    await page.route("**/gen/big-bad.json", (route) => route.fulfill({ status: 200, contentType: "application/json", body: bad }));
    await page.evaluate((n) => {
      const add = (tag, id, attrs) => {
        const el = document.createElement(tag);
        el.id = id;
        for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
        document.getElementById("under-test").appendChild(el);
      };
      add("chitieu-gauge", "big-gauge", { src: "gen/big.json", indicator: "ct-7" });
      add("chitieu-trend", "big-trend", { src: "gen/big.json", indicator: "ct-7" });
      add("chitieu-scorecard", "big-scorecard", { src: "gen/big.json" });
      add("chitieu-table", "big-table", { src: "gen/big.json", export: "none" });
      add("chitieu-gauge", "big-bad", { src: "gen/big-bad.json", indicator: "ct-7" });
      add("chitieu-gauge", "big-bad-last", { src: "gen/big-bad.json", indicator: `ct-${n - 1}` });
    }, n);
    // ct-7: 906/1007 in 2024-12.
    await page.locator("#big-gauge figure.gauge", { hasText: "89,97%" }).waitFor({ timeout: 30_000 });
    await page.locator("#big-trend figure.trend").waitFor({ timeout: 30_000 });
    assertIncludes(await boxText(page, "#big-trend"), "Chỉ tiêu 7:", "trend");
    assertIncludes(await boxText(page, "#big-scorecard", 30_000), `${n}/${n} chỉ tiêu có số liệu`, "scorecard coverage");
    // Above 100 rows the table shows a page of 50 and says which.
    await page.locator("#big-table [role=status]", { hasText: `Hiển thị 1–50 trong ${n.toLocaleString("vi-VN")} chỉ tiêu` }).waitFor({ timeout: 30_000 });
    assertEq(fetched, 1, "one fetch for the four widgets");
    // The error is in the last indicator alone: ct-7 of the same file renders.
    await page.locator("#big-bad figure.gauge", { hasText: "89,97%" }).waitFor({ timeout: 30_000 });
    const text = await errorText(page, "#big-bad-last", "big-bad.json", 30_000);
    assertIncludes(text, `indicators[${n - 1}].observations[299].denominator`, "where: path");
    assertIncludes(text, `'ct-${n - 1}'`, "where: indicator");
    assertIncludes(text, `dòng ${badLine}`, "where: line");
    await healthyStillWork(page);
    await hostUnharmed(page, errors);
    await context.close();
  });

  test("fault: 1,000 widgets on one page: one fetch, the ones out of view wait without error, all render when scrolled to", async () => {
    const { page, context, errors } = await open(`${F}/thousand.html`);
    const ids = await page.evaluate(() => [...document.querySelectorAll("#grid > *")].map((e) => e.id));
    assertEq(ids.length, 1000, "widgets on the page");
    await page.locator("#w0 figure.gauge").waitFor({ timeout: 20_000 });
    // Far below the viewport: still waiting, saying so, not failed.
    assertEq((await page.locator("#w999 .chitieu.loading[aria-live=polite]").innerText()).trim(), "Đang tải dữ liệu…", "off-screen widget waits");
    // Scroll down the page; every widget renders once it comes near the viewport.
    const rendered = () => page.evaluate(() => [...document.querySelectorAll("#grid > *")]
      .filter((e) => e.shadowRoot && e.shadowRoot.querySelector("figure.gauge, figure.bullet")).length);
    for (let i = 0; i < 1000; i += 20) {
      await page.evaluate((id) => document.getElementById(id).scrollIntoView(), ids[i]);
      await page.locator(`#${ids[i]} figure`).waitFor({ timeout: 20_000 });
    }
    await page.locator("#w999 figure.bullet").waitFor({ timeout: 20_000 });
    assertEq(await rendered(), 1000, "widgets rendered");
    assertIncludes(await page.locator("#w501 figure.gauge").innerText(), "81,77%", "a gauge in the middle");
    const state = await page.evaluate(() => ({
      fetches: performance.getEntriesByType("resource").filter((e) => e.name.endsWith("/seeds/quang-nam-2024.json")).length,
      ready: new Set(window.__chitieuReady).size,
      errors: window.__chitieuErrors.length,
    }));
    assertEq(state.fetches, 1, "dataset fetches for 1,000 widgets on one URL");
    assertEq(state.ready, 1000, "chitieu:ready events");
    assertEq(state.errors, 0, "chitieu:error events");
    // Still alive: one of them re-renders when its attribute changes.
    await page.evaluate(() => document.getElementById("w500").setAttribute("indicator", "wifi-nha-van-hoa"));
    await page.locator("#w500 figure.gauge", { hasText: "81,77%" }).waitFor({ timeout: 10_000 });
    await hostUnharmed(page, errors);
    await context.close();
  });
}
