// The bullet chart, in a page with a strict Content-Security-Policy (no inline styles,
// no eval; only the wasm may be compiled).

/** Waits for a widget's shadow content, scrolling it near the viewport first (widgets
 *  start only when they come near it). */
async function ready(page, host, inner) {
  await page.locator(host).scrollIntoViewIfNeeded();
  const loc = page.locator(`${host} ${inner}`);
  await loc.first().waitFor({ timeout: 20_000 });
  return loc;
}

/** Elements with a `style` attribute inside every widget's shadow root. */
async function inlineStyles(page) {
  return page.evaluate(() => {
    let n = 0;
    for (const el of document.querySelectorAll("chitieu-bullet, chitieu-table, chitieu-gauge")) {
      if (el.shadowRoot) n += el.shadowRoot.querySelectorAll("[style]").length;
    }
    return n;
  });
}

export default function ({ test, open, assert, assertEq, assertIncludes }) {
  test("bullet shows value, target, status and expected-by-now in words and in its aria-label", async () => {
    const { page, context, errors } = await open("/tests/pages/bullet.html");
    const fig = (await ready(page, "chitieu-bullet#wifi", "figure.bullet")).first();
    const text = await fig.innerText();
    assertIncludes(text, "81,77%", "value with a decimal comma");
    assertIncludes(text, "Mục tiêu: tối thiểu 100% · 2024", "target line");
    assertIncludes(text, "Chưa đủ dữ liệu đánh giá", "status in words");
    assertIncludes(text, "Cần đạt đến nay: 82,52%", "expected by now");
    assertIncludes(text, "Mức đạt: 81,8%", "attainment");
    const svg = page.locator("chitieu-bullet#wifi svg[role=img]");
    const label = await svg.getAttribute("aria-label");
    for (const part of ["Tỷ lệ nhà văn hóa", "81,77%", "(2023)", "tối thiểu 100%", "2024", "Tình trạng: Chưa đủ dữ liệu đánh giá"]) {
      assertIncludes(label, part, "aria-label");
    }
    // The parts of the chart: bands, the bar in the status colour, the target and expected lines.
    // Below 60%, 60–90% and 90–100% of the target; the target is the top of the scale.
    assertEq(await page.locator("chitieu-bullet#wifi rect.band").count(), 3, "qualitative bands");
    assertEq(await page.locator("chitieu-bullet#wifi rect.bar.status-insufficient-data").count(), 1, "bar");
    assertEq(await page.locator("chitieu-bullet#wifi line.target-mark").count(), 1, "target line");
    assertEq(await page.locator("chitieu-bullet#wifi line.expected-mark").count(), 1, "expected tick");
    // The hidden data table repeats the figures for screen readers.
    const sr = await page.locator("chitieu-bullet#wifi .sr-only table").textContent();
    assertIncludes(sr, "81,77%", "hidden table value");
    assertIncludes(sr, "Mức đạt", "hidden table header");
    // The source note is tied to the focusable chart.
    const described = await svg.getAttribute("aria-describedby");
    assert(described && (await page.locator(`chitieu-bullet#wifi #${described}`).count()) === 1, "aria-describedby points at the source note");
    assertEq(await inlineStyles(page), 0, "inline style attributes");
    assertEq(errors.join("\n"), "", "console errors");
    await context.close();
  });

  test("bullet in English, without data, and compact", async () => {
    const { page, context, errors } = await open("/tests/pages/bullet.html");
    const en = await (await ready(page, "chitieu-bullet#wifi-en", "figure.bullet")).first().innerText();
    assertIncludes(en, "81.77%", "English decimal point");
    assertIncludes(en, "Target: at least 100% · 2024", "English target line");
    assertIncludes(en, "Insufficient data", "English status");

    const none = (await ready(page, "chitieu-bullet#hscv", "figure.bullet")).first();
    const noneText = await none.innerText();
    assertIncludes(noneText, "—", "a dash for the missing value");
    assertIncludes(noneText, "Chưa có số liệu", "no data in words");
    assertIncludes(noneText, "Mục tiêu: trên 95% · 2024", "target still shown");
    assertEq(await page.locator("chitieu-bullet#hscv rect.bar").count(), 0, "no bar without data");
    assertIncludes(await page.locator("chitieu-bullet#hscv svg[role=img]").getAttribute("aria-label"), "Chưa có số liệu", "label says no data");

    const compact = (await ready(page, "chitieu-bullet#compact", ".bullet.compact")).first();
    assertEq(await page.locator("chitieu-bullet#compact figure").count(), 0, "compact has no figure");
    assertEq((await compact.innerText()).trim(), "81,77%", "compact shows only the value");
    assertIncludes(await page.locator("chitieu-bullet#compact svg[role=img]").getAttribute("aria-label"), "tối thiểu 100%", "compact label");
    assertEq(errors.join("\n"), "", "console errors");
    await context.close();
  });

  test("range targets draw a band, lower-is-better runs backwards, old data is flagged", async () => {
    const { page, context, errors } = await open("/tests/pages/bullet.html");
    await ready(page, "chitieu-bullet#range", "figure.bullet");
    assertEq(await page.locator("chitieu-bullet#range rect.target-band").count(), 1, "range band");
    assertEq(await page.locator("chitieu-bullet#range line.target-mark").count(), 0, "no single target line");
    assertIncludes(await page.locator("chitieu-bullet#range figure").innerText(), "Đã đạt", "range achieved from its minimum");

    await ready(page, "chitieu-bullet#lower", "figure.bullet");
    const scale = await page.locator("chitieu-bullet#lower .scale span").allInnerTexts();
    assertEq(scale.join(" "), "5 0", "scale runs from the top down");
    const bar = page.locator("chitieu-bullet#lower rect.bar");
    assertEq(await bar.getAttribute("x"), "0", "the bar grows from the left (worst) end");
    assertIncludes(await page.locator("chitieu-bullet#lower figure").innerText(), "Mục tiêu: tối đa 2 · 2025", "lower-is-better target");

    const stale = await (await ready(page, "chitieu-bullet#stale", "figure.bullet")).first().innerText();
    assertIncludes(stale, "Số liệu cũ, kỳ gần nhất: 2021", "stale flag");

    await ready(page, "chitieu-bullet#inline", "figure.bullet");
    assertEq(await page.locator("chitieu-bullet#inline rect.band").count(), 5, "two-sided target: bands on both sides");
    assertEq(errors.join("\n"), "", "console errors");
    await context.close();
  });

  test("bullet errors are shown in words", async () => {
    const { page, context, errors } = await open("/tests/pages/bullet.html");
    const unknown = await (await ready(page, "chitieu-bullet#unknown", "[role=alert]")).first().innerText();
    assertIncludes(unknown, "Không tìm thấy chỉ tiêu 'khong-co'", "unknown indicator");
    const missing = await (await ready(page, "chitieu-bullet#missing-attr", "[role=alert]")).first().innerText();
    assertIncludes(missing, "indicator", "missing attribute named");
    assertEq(errors.join("\n"), "", "console errors");
    await context.close();
  });
}
