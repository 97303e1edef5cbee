// The embed in the pages portals really have: strict CSP, <base href> elsewhere, the
// script included twice, hostile inherited CSS, an AMD loader, inline data, CMS-safe
// <div data-chitieu>, the JavaScript API, and servers that fail.

const GAUGE = "figure.gauge";

/** The rendered text of a widget's box (inside its shadow root), once it has rendered. */
async function boxText(page, hostSelector) {
  const box = page.locator(hostSelector).locator(".chitieu:not(.loading)").first();
  await box.waitFor({ timeout: 20_000 });
  return box.innerText();
}

export default function ({ test, open, assert, assertEq, assertIncludes }) {
  test("strict CSP (no unsafe-inline): renders with zero securitypolicyviolation events", async () => {
    const { page, context, errors } = await open("/tests/pages/embed/csp.html");
    await page.locator(`#a ${GAUGE}`).waitFor({ timeout: 20_000 });
    await page.locator(`#b ${GAUGE}`).waitFor({ timeout: 20_000 });
    // Styles applied (adopted stylesheets are allowed under style-src 'self').
    const stroke = await page.locator("#a path.track").evaluate((p) => getComputedStyle(p).stroke);
    assert(stroke && stroke !== "none", `track is styled (${stroke})`);
    assertEq((await page.evaluate(() => window.__violations)).join("\n"), "", "CSP violations");
    assertEq(errors.join("\n"), "", "console errors");
    await context.close();
  });

  test("Trusted Types enforced (require-trusted-types-for 'script', no policy allowed): widgets render and react, zero violations", async () => {
    const { page, context, errors } = await open("/tests/pages/embed/trusted-types.html");
    await page.locator(`#a ${GAUGE}`).waitFor({ timeout: 20_000 });
    await page.locator("#t table").waitFor({ timeout: 20_000 });
    await page.locator("#r figure.trend").waitFor({ timeout: 20_000 });
    // Interaction re-renders through the same path: search narrows the table.
    const before = await page.locator("#t tr.row").count();
    await page.locator("#t input[type=search]").fill("wifi");
    await page.waitForFunction(
      (n) => document.querySelector("#t").shadowRoot.querySelectorAll("tr.row").length < n, before, { timeout: 5_000 });
    assertEq((await page.evaluate(() => window.__violations)).join("\n"), "", "CSP / Trusted Types violations");
    assertEq(errors.join("\n"), "", "console errors");
    await context.close();
  });

  test("Trusted Types with no policy allowed: CSV data, which needs the analysis files, says so in words; JSON widgets render", async () => {
    const { page, context } = await open("/tests/pages/embed/trusted-types-csv.html", {
      init: () => {
        window.__errors = [];
        document.addEventListener("chitieu:error", (e) => window.__errors.push(`${e.target.id}: ${e.detail.message}`));
      },
    });
    await page.locator(`#json ${GAUGE}`).waitFor({ timeout: 20_000 });
    assertIncludes(await boxText(page, "#csv"), "Không tải được thành phần phân tích (chitieu_api.js)", "the CSV widget's message");
    const errors = await page.evaluate(() => window.__errors.join(" | "));
    assert(errors.startsWith("csv: ") && errors.includes("chitieu_api.js") && !errors.includes("json:"),
      `chitieu:error from the CSV widget only, naming what could not load: ${errors}`);
    await context.close();
  });

  test("<base href> elsewhere: the wasm is found next to the script", async () => {
    const { page, context, errors } = await open("/tests/pages/embed/base.html");
    assertIncludes(await boxText(page, "#a"), "81,77%", "gauge value");
    assertEq(errors.join("\n"), "", "console errors");
    await context.close();
  });

  test("script included twice (and a second version): no error, one definition", async () => {
    const { page, context, errors } = await open("/tests/pages/embed/double.html");
    assertIncludes(await boxText(page, "#a"), "81,77%", "gauge value");
    const shadows = await page.evaluate(() => document.querySelector("#a").shadowRoot.querySelectorAll("figure").length);
    assertEq(shadows, 1, "rendered once");
    assertEq(errors.join("\n"), "", "console errors");
    await context.close();
  });

  test("hostile inherited CSS does not change the widget", async () => {
    const measure = async (url) => {
      const { page, context, errors } = await open(url);
      await page.locator(`#a ${GAUGE}`).waitFor({ timeout: 20_000 });
      const m = await page.locator("#a .target-text").evaluate((el) => {
        const s = getComputedStyle(el);
        const fig = el.closest("figure").getBoundingClientRect();
        return [s.fontSize, s.lineHeight, s.textTransform, s.color, s.letterSpacing, s.fontFamily, Math.round(fig.width), Math.round(fig.height)].join(" | ");
      });
      await context.close();
      return { m, errors };
    };
    const clean = await measure("/tests/pages/embed/clean.html");
    const hostile = await measure("/tests/pages/embed/hostile.html");
    assertEq(hostile.m, clean.m, "text metrics and box size on a hostile page vs a clean one");
    assertEq(hostile.errors.join("\n"), "", "console errors");
  });

  test("an AMD loader on the page is left alone", async () => {
    const { page, context, errors } = await open("/tests/pages/embed/amd.html");
    assertIncludes(await boxText(page, "#a"), "81,77%", "gauge value");
    assertEq(await page.evaluate(() => window.__amdCalls || 0), 0, "define() calls");
    assertEq(errors.join("\n"), "", "console errors");
    await context.close();
  });

  test("inline JSON, <div data-chitieu> (added later too, attributes re-render), and chitieu.mount()", async () => {
    const { page, context, errors } = await open("/tests/pages/embed/inline.html");
    // 3/4 = 75%, English from <html lang="en">.
    assertIncludes(await boxText(page, "#inline"), "75%", "inline data");
    assertIncludes(await boxText(page, "#inline"), "Target: at least 80% · 2024", "inline target");
    assertIncludes(await boxText(page, "#div"), "81,77%", "data-chitieu div");
    assertIncludes(await boxText(page, "#divbad"), "There is no widget 'pie'", "unknown widget in data-chitieu (page is English)");
    // A div added after load is upgraded; changing its data-* re-renders it.
    await page.evaluate(() => {
      const d = document.createElement("div");
      d.id = "late";
      d.setAttribute("data-chitieu", "gauge");
      d.setAttribute("data-src", "/seeds/quang-nam-2024.json");
      d.setAttribute("data-indicator", "hscv-tinh");
      document.body.appendChild(d);
    });
    assertIncludes(await boxText(page, "#late"), "above 95%", "late div (page is English)");
    await page.evaluate(() => document.getElementById("late").setAttribute("data-indicator", "wifi-nha-van-hoa"));
    await page.locator("#late .value", { hasText: "81.77%" }).waitFor({ timeout: 10_000 });
    // The JavaScript API.
    await page.evaluate(() => {
      window.__h = window.chitieu.mount(document.getElementById("mountpoint"), {
        widget: "gauge", src: "/seeds/quang-nam-2024.json", indicator: "wifi-nha-van-hoa", lang: "vi", theme: "dark",
      });
    });
    assertIncludes(await boxText(page, "#mountpoint"), "81,77%", "mount()");
    await page.evaluate(() => window.__h.update({ lang: "en", asOf: "2026-01-01" }));
    await page.locator("#mountpoint figure[lang=en]").waitFor({ timeout: 10_000 });
    assertIncludes(await boxText(page, "#mountpoint"), "Missed", "update() re-renders");
    await page.evaluate(() => window.__h.destroy());
    assertEq(await page.evaluate(() => document.getElementById("mountpoint").shadowRoot.childElementCount), 0, "destroy() empties");
    const bad = await page.evaluate(() => { try { window.chitieu.mount(null, {}); return "no error"; } catch (e) { return e.message; } });
    assertIncludes(bad, "must be an element", "mount(null) says what is wrong");
    assertEq(errors.join("\n"), "", "console errors");
    await context.close();
  });

  test("404, 500, timeout and bad JSON: each says so in words; the other widgets render; no uncaught error", async () => {
    const { page, context, errors } = await open("/tests/pages/embed/faults.html", {
      init: () => {
        window.__errorEvents = [];
        document.addEventListener("chitieu:error", (e) => window.__errorEvents.push(e.target.id));
      },
    });
    assertIncludes(await boxText(page, "#e404"), "HTTP 404", "404");
    assertIncludes(await boxText(page, "#e500"), "HTTP 500", "500");
    assertIncludes(await boxText(page, "#slow"), "Quá thời gian chờ", "timeout");
    const bad = await boxText(page, "#badjson");
    assertIncludes(bad, "Dữ liệu không hợp lệ", "bad JSON");
    assertIncludes(bad, "dòng 3", "bad JSON says where, in the widget's language");
    assertIncludes(await boxText(page, "#ok"), "81,77%", "healthy widget");
    assertIncludes(await boxText(page, "#ok2"), "trên 95%", "healthy widget");
    const events = await page.evaluate(() => window.__errorEvents.slice().sort().join(","));
    assertEq(events, "badjson,e404,e500,slow", "chitieu:error events");
    const pageErrors = errors.filter((e) => e.startsWith("uncaught"));
    assertEq(pageErrors.join("\n"), "", "uncaught exceptions");
    await context.close();
  });
}

export function api({ test, open, assert, assertEq, assertIncludes }) {
  test("chitieu.score / parseTargets / validate load the API wasm on first use and answer", async () => {
    const { page, context, errors } = await open("/tests/pages/embed/clean.html", {
      init: () => { window.__wasm = []; },
    });
    const fetched = () => page.evaluate(() => performance.getEntriesByType("resource")
      .map((e) => e.name.split("/").pop()).filter((n) => /^chitieu/.test(n)).sort().join(","));
    await page.locator("#a figure.gauge").waitFor({ timeout: 20_000 });
    assertEq(await fetched(), "chitieu.js,chitieu_bg.wasm", "only the widget bundle before any API call");
    const targets = await page.evaluate(() => window.chitieu.parseTargets("Trên 95% tỷ lệ hồ sơ công việc tại cấp tỉnh, trên 85% tại cấp huyện"));
    assertEq(targets.length, 2, "two targets");
    assertEq(targets[0].op + " " + targets[0].value + " " + targets[0].level, "gt 95 province", "first target");
    assertEq(await fetched(), "chitieu.js,chitieu_api.js,chitieu_api_bg.wasm,chitieu_bg.wasm", "API fetched on first use");
    const scored = await page.evaluate(async () => {
      const ds = await (await fetch("/seeds/quang-nam-2024.json")).json();
      return window.chitieu.score(ds, { asOf: "2024-06-30" });
    });
    assertEq(scored.as_of, "2024-06-30", "as_of");
    const wifi = scored.indicators.find((i) => i.id === "wifi-nha-van-hoa");
    assert(Math.abs(wifi.latest.value - 81.7741935) < 1e-6, `wifi latest ${wifi.latest.value}`);
    const v = await page.evaluate(() => window.chitieu.validate('{"schema":"chitieu/1","plan":{"id":"p","title":"t"},"indicators":[{"id":"a","name":"A","unit":"percent","targets":[{"op":"range","min":1}]}]}'));
    assertEq(v.valid, false, "invalid dataset");
    assertIncludes(v.diagnostics[0].path, "indicators[0].targets[0]", "diagnostic path");
    assertEq(v.diagnostics[0].code, "target.op_needs", "diagnostic code");
    assertIncludes(v.diagnostics[0].message, "op 'range' needs 'max'", "English by default");
    const vi = await page.evaluate(() => window.chitieu.validate('{"schema":"chitieu/1","plan":{"id":"p","title":"t"},"indicators":[{"id":"a","name":"A","unit":"percent","targets":[{"op":"range","min":1}]}]}', { lang: "vi" }));
    assertIncludes(vi.diagnostics[0].message, "phép so sánh 'range' cần có 'max'", "Vietnamese when asked");
    const err = await page.evaluate(() => window.chitieu.parseTargets("Xây dựng nền tảng số").then(() => "resolved", (e) => e.message));
    assert(err !== "resolved" && err.length > 0, `no target → rejected with a message (${err})`);
    assertEq(errors.join("\n"), "", "console errors");
    await context.close();
  });
}

export function inlineBundle({ test, open, assertEq, assertIncludes }) {
  test("chitieu.inline.js: one file, no .wasm fetched, works under the strict CSP", async () => {
    const { page, context, errors } = await open("/tests/pages/embed/inline-bundle.html");
    assertIncludes(await boxText(page, "#a"), "81,77%", "gauge value");
    const wasm = await page.evaluate(() => performance.getEntriesByType("resource").filter((e) => e.name.endsWith(".wasm")).length);
    assertEq(wasm, 0, "wasm requests");
    assertEq((await page.evaluate(() => window.__violations)).join("\n"), "", "CSP violations");
    assertEq(errors.join("\n"), "", "console errors");
    await context.close();
  });
}
