// The gauge, mounted by one plain <script> tag in a page that knows nothing about Rust.

export default function ({ test, open, assert, assertEq, assertIncludes }) {
  test("gauge shows the actual value, the target and the status in words", async () => {
    const { page, context, errors } = await open("/tests/pages/gauge.html");
    const fig = page.locator("chitieu-gauge#g figure.gauge");
    await fig.waitFor({ timeout: 20_000 });
    const text = await fig.innerText();
    // 1014/1240 = 81.774…%, computed from the ratio (the plan prints 81,8%).
    assertIncludes(text, "81,77%", "actual value in Vietnamese format");
    assertIncludes(text, "Mục tiêu: tối thiểu 100% · 2024", "target and deadline");
    assertIncludes(text, "Chưa đủ dữ liệu đánh giá", "status in words");
    const label = await page.locator("chitieu-gauge#g svg[role=img]").getAttribute("aria-label");
    assertIncludes(label, "81,77%", "aria-label value");
    assertIncludes(label, "tối thiểu 100%", "aria-label target");
    // The markup lives in the element's open shadow root, not in the page.
    const inShadow = await page.evaluate(() => {
      const el = document.querySelector("chitieu-gauge#g");
      return !!el.shadowRoot && !!el.shadowRoot.querySelector("svg") && !document.querySelector("body > svg, body figure");
    });
    assert(inShadow, "gauge renders inside an open shadow root");
    assertEq(errors.join("\n"), "", "console errors");
    await context.close();
  });
}

export function states({ test, open, assert, assertIncludes }) {
  test("gauge states: unknown indicator, missing file and missing attribute say what is wrong; the others still render", async () => {
    const { page, context } = await open("/tests/pages/gauges.html", { viewport: { width: 1300, height: 2000 } });
    const text = async (sel) => {
      const box = page.locator(sel).locator(".chitieu:not(.loading)").first();
      await box.waitFor({ timeout: 20_000 });
      return box.innerText();
    };
    assertIncludes(await text("chitieu-gauge[indicator=khong-co]"), "Không tìm thấy chỉ tiêu 'khong-co' trong dữ liệu", "unknown indicator");
    assertIncludes(await text("chitieu-gauge[src$='khong-co.json']"), "HTTP 404", "missing file");
    assertIncludes(await text("chitieu-gauge:not([indicator])"), "Thiếu thuộc tính 'indicator'", "missing attribute");
    // The healthy gauges on the same page render regardless.
    const ok = await page.locator("chitieu-gauge figure.gauge").count();
    assert(ok >= 5, `${ok} healthy gauges rendered`);
    const stale = await text("chitieu-gauge[as-of='2026-06-01']");
    assertIncludes(stale, "Không đạt", "deadline passed → missed");
    assertIncludes(stale, "Số liệu cũ", "stale data flagged");
    await context.close();
  });

  test("gauge re-renders when an attribute changes, and follows lang", async () => {
    const { page, context, errors } = await open("/tests/pages/gauge.html");
    const fig = page.locator("chitieu-gauge#g figure.gauge");
    await fig.waitFor({ timeout: 20_000 });
    await page.evaluate(() => document.getElementById("g").setAttribute("lang", "en"));
    await page.locator("chitieu-gauge#g figure.gauge[lang=en]").waitFor({ timeout: 10_000 });
    assertIncludes(await fig.innerText(), "81.77%", "English number format");
    assertIncludes(await fig.innerText(), "Target: at least 100% · 2024", "English target");
    await page.evaluate(() => document.getElementById("g").setAttribute("variant", "ring"));
    await page.locator("chitieu-gauge#g figure.gauge.ring").waitFor({ timeout: 10_000 });
    assert(errors.length === 0, errors.join("\n"));
    await context.close();
  });
}

export function events({ test, open, assertEq }) {
  test("chitieu:error for errors the widget itself finds (unknown indicator, missing attribute); chitieu:ready for the rest", async () => {
    const { page, context } = await open("/tests/pages/gauges.html", {
      viewport: { width: 1300, height: 2000 },
      init: () => {
        window.__ev = [];
        for (const type of ["chitieu:ready", "chitieu:error"]) {
          document.addEventListener(type, (e) => window.__ev.push(type.slice(8) + ":" + (e.detail.message || e.target.getAttribute("indicator"))));
        }
      },
    });
    await page.waitForFunction(() => window.__ev.length >= 8, null, { timeout: 20_000 });
    const ev = await page.evaluate(() => window.__ev.slice().sort());
    const expected = [
      "error:Không tải được dữ liệu (HTTP 404) từ http://" + new URL(page.url()).host + "/seeds/khong-co.json",
      "error:Không tìm thấy chỉ tiêu 'khong-co' trong dữ liệu",
      "error:Thiếu thuộc tính 'indicator': hãy ghi mã chỉ tiêu cần hiển thị",
    ].sort();
    assertEq(ev.filter((e) => e.startsWith("error:")).join(" | "), expected.join(" | "), "error events");
    assertEq(ev.filter((e) => e.startsWith("ready:")).length, 5, "ready events");
    await context.close();
  });
}
