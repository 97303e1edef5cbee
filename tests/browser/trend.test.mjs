// The trend: points, keyboard navigation between them, the value on focus and hover, the
// chart's sentence, the hidden table, and the states (one point, none, later results,
// range and lower-is-better targets, standing targets, stale data, errors).
//
// tests/fixtures/trend.json is scored as of 2024-06-30. "ho-so-truc-tuyen" has a declared
// baseline 20% (2019), results 30, 45, 62 (620/1000), 70,5% for 2020–2023 and 78% for
// 2024, which ends after the as-of date: shown, marked, not scored. Target ≥ 80% by 2025.
// R = ((70.5/20)^(1/4) − 1)/((80/20)^(1/6) − 1) ≈ 0.370/0.260 ≈ 1.42 → on track.

import { allRendered, inlineStyles, lowContrast } from "./contrast.mjs";

const host = (id) => `chitieu-trend#${id}`;

/** The aria-label of the point focused inside widget `id`, or null. */
function focusedLabel(page, id) {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel);
    const a = el && el.shadowRoot && el.shadowRoot.activeElement;
    return a ? a.getAttribute("aria-label") : null;
  }, host(id));
}

export default function ({ test, open, assert, assertEq, assertIncludes }) {
  test("trend: one point per result, the sentence and the axes", async () => {
    const { page, context, errors } = await open("/tests/pages/trend.html");
    await allRendered(page, "chitieu-trend");
    const pts = page.locator(`${host("years")} g.pt`);
    assertEq(await pts.count(), 5, "points (4 scored + 1 after the as-of date)");
    assertEq(await page.locator(`${host("years")} g.pt.future`).count(), 1, "later points");
    const labels = await pts.evaluateAll((gs) => gs.map((g) => g.getAttribute("aria-label")));
    assertEq(labels.join(" | "),
      "2020: 30% | 2021: 45% | 2022: 62% | 2023: 70,5% | 2024: 78% (sau ngày chốt số liệu, chưa tính)",
      "point labels, in period order though the data lists 2021 first");
    const chart = await page.locator(`${host("years")} svg.chart`).getAttribute("aria-label");
    assertEq(chart,
      "Tỷ lệ hồ sơ nộp trực tuyến: mới nhất 70,5% (2023). Mục tiêu: tối thiểu 80% · 2025. Tình trạng: Đúng tiến độ.",
      "chart sentence");
    const ticks = await page.locator(`${host("years")} text.tick-label`).allTextContents();
    assertEq(ticks.join(" "), "0% 20% 40% 60% 80% 100% 2019 2020 2021 2022 2023 2024 2025", "round value ticks and year ticks");
    const text = await page.locator(`${host("years")} figure`).innerText();
    assertIncludes(text, "Mới nhất: 70,5% (2023)", "latest in words");
    assertIncludes(text, "Số liệu đến 30/06/2024", "as-of date");
    assertIncludes(text, "mốc đánh giá", "as-of rule label (the evaluation date, not necessarily today)");
    assertEq(await page.locator(`${host("years")} svg.chart path.target-path`).count(), 1, "path from baseline to target");
    assertEq(await page.locator(`${host("years")} svg.chart path.target-mark`).count(), 1, "target marker");
    assertEq(await page.locator(`${host("years")} svg.chart path.expected-mark`).count(), 1, "expected-by-now marker");

    const en = await page.locator(`${host("years-en")} svg.chart`).getAttribute("aria-label");
    assertEq(en,
      "Share of applications filed online: latest 70.5% (2023). Target: at least 80% · 2025. Status: On track.",
      "chart sentence in English");
    assertEq(await page.locator(`${host("years-en")} g.pt`).last().getAttribute("aria-label"),
      "2024: 78% (after the as-of date, not scored)", "later point in English");
    assertEq(errors.join("\n"), "", "console errors");
    await context.close();
  });

  test("trend: one tab stop; arrow keys move between points and show each value", async () => {
    const { page, context, errors } = await open("/tests/pages/trend.html");
    await allRendered(page, "chitieu-trend");
    const stops = await page.locator(`${host("years")} g.pt[tabindex="0"]`).count();
    assertEq(stops, 1, "one tab stop per chart");
    await page.keyboard.press("Tab");
    assertEq(await focusedLabel(page, "years"), "2023: 70,5%", "Tab lands on the latest scored result");
    const shown = () => page.evaluate((sel) => {
      const root = document.querySelector(sel).shadowRoot;
      const a = root.activeElement;
      const label = a && a.querySelector(".pt-label");
      return label && getComputedStyle(label).visibility === "visible" ? label.textContent : null;
    }, host("years"));
    assertEq(await shown(), "70,5%", "focused point shows its value");
    await page.keyboard.press("ArrowLeft");
    assertEq(await focusedLabel(page, "years"), "2022: 62%", "ArrowLeft");
    assertEq(await shown(), "62%", "value of the newly focused point");
    await page.keyboard.press("Home");
    assertEq(await focusedLabel(page, "years"), "2020: 30%", "Home");
    await page.keyboard.press("ArrowLeft");
    assertEq(await focusedLabel(page, "years"), "2020: 30%", "ArrowLeft stops at the first point");
    await page.keyboard.press("ArrowRight");
    assertEq(await focusedLabel(page, "years"), "2021: 45%", "ArrowRight");
    await page.keyboard.press("End");
    assertEq(await focusedLabel(page, "years"), "2024: 78% (sau ngày chốt số liệu, chưa tính)", "End");
    // The tab stop follows the focus, so Shift+Tab and Tab come back to the same point.
    assertEq(await page.locator(`${host("years")} g.pt[tabindex="0"]`).getAttribute("aria-label"),
      "2024: 78% (sau ngày chốt số liệu, chưa tính)", "roving tab stop");
    // Only one value label is visible at a time (the focused one).
    const visible = await page.locator(`${host("years")} .pt-label`).evaluateAll((ls) =>
      ls.filter((l) => getComputedStyle(l).visibility === "visible").length);
    assertEq(visible, 1, "visible value labels");
    assertEq(errors.join("\n"), "", "console errors");
    await context.close();
  });

  test("trend: hovering a point shows its value", async () => {
    const { page, context, errors } = await open("/tests/pages/trend.html");
    await allRendered(page, "chitieu-trend");
    const pt = page.locator(`${host("count")} g.pt`).nth(1);
    const label = pt.locator(".pt-label");
    assertEq(await label.evaluate((l) => getComputedStyle(l).visibility), "hidden", "hidden before hover");
    await pt.hover();
    assertEq(await label.evaluate((l) => getComputedStyle(l).visibility), "visible", "visible on hover");
    assertEq(await label.textContent(), "260", "count value");
    assertEq(errors.join("\n"), "", "console errors");
    await context.close();
  });

  test("trend: the hidden table lists every result, the baseline and the target", async () => {
    const { page, context, errors } = await open("/tests/pages/trend.html");
    await allRendered(page, "chitieu-trend");
    const headers = await page.locator(`${host("years")} .sr-only table th`).allInnerTexts();
    assertEq(headers.join("|"), "Kỳ số liệu|Giá trị|Tử số/mẫu số|Số đã công bố|Ghi chú", "headers");
    const rows = await page.locator(`${host("years")} .sr-only table tbody tr`).evaluateAll((trs) =>
      trs.map((tr) => [...tr.cells].map((c) => c.textContent).join("|")));
    assertEq(rows.join("\n"), [
      "Giá trị gốc (2019)|20%|—|—|—",
      "2020|30%|—|—|—",
      "2021|45%|—|—|—",
      "2022|62%|620/1.000|62%|—",
      "2023|70,5%|—|—|Báo cáo cuối năm",
      "2024|78%|—|—|sau ngày chốt số liệu, chưa tính",
      "Mục tiêu (2025)|tối thiểu 80%|—|—|“tối thiểu 80% hồ sơ được nộp trực tuyến”",
      // Straight line from (2020.0, 20) to (2026.0, 80) at the end of 2024-06-30.
      "Cần đạt đến nay (30/06/2024)|64,97%|—|—|—",
    ].join("\n"), "rows");
    assertEq(errors.join("\n"), "", "console errors");
    await context.close();
  });

  test("trend: no data, one result, range and lower-is-better targets, standing target, stale data", async () => {
    const { page, context, errors } = await open("/tests/pages/trend.html");
    await allRendered(page, "chitieu-trend");
    // No observation: the state in words, the target still shown.
    assertEq(await page.locator(`${host("none")} g.pt`).count(), 0, "no points");
    const none = await page.locator(`${host("none")} figure`).innerText();
    assertIncludes(none, "Chưa có số liệu", "no-data state in Vietnamese");
    assertIncludes(none, "Mục tiêu: trên 95% · 2025", "target without data");
    assertEq(await page.locator(`${host("none")} svg.chart`).getAttribute("aria-label"),
      "Tỷ lệ văn bản ký số: chưa có số liệu. Mục tiêu: trên 95% · 2025. Tình trạng: Chưa có số liệu.", "no-data sentence");
    assertIncludes(await page.locator(`${host("none-en")} figure`).innerText(), "No data yet", "no-data state in English");
    // One observation: one point, which holds the tab stop.
    assertEq(await page.locator(`${host("one")} g.pt[tabindex="0"]`).count(), 1, "single point is focusable");
    assertIncludes(await page.locator(`${host("one")} figure`).innerText(), "Chưa đủ dữ liệu đánh giá", "single point status");
    // Range: a band at the deadline, labelled with the span.
    assertEq(await page.locator(`${host("range")} rect.target-band`).count(), 1, "range band");
    assertEq(await page.locator(`${host("range")} text.target-label`).textContent(), "15–20%", "range label");
    // Lower is better.
    assertIncludes(await page.locator(`${host("lower")} figure`).innerText(), "Mục tiêu: tối đa 5% · 2025", "lower-is-better target");
    assertEq(await page.locator(`${host("lower")} text.target-label`).textContent(), "5%", "target label");
    // Count unit: axis to a round ceiling above the target 500.
    const countTicks = await page.locator(`${host("count")} text.tick-label`).allTextContents();
    assertEq(countTicks.slice(0, 6).join(" "), "0 100 200 300 400 500", "count axis");
    // A target without deadline is a level line.
    assertEq(await page.locator(`${host("standing")} line.target-line`).count(), 1, "standing target line");
    assertIncludes(await page.locator(`${host("standing")} figure`).innerText(), "Đã đạt", "standing target achieved");
    // Old data.
    assertIncludes(await page.locator(`${host("stale")} figure`).innerText(), "Số liệu cũ, kỳ gần nhất: 2020", "stale note");
    // The seed: 1014/1240 computed from the ratio.
    assertEq(await page.locator(`${host("seed")} g.pt`).getAttribute("aria-label"), "2023: 81,77%", "seed point");
    assertEq(errors.join("\n"), "", "console errors");
    await context.close();
  });

  test("trend: unknown or missing indicator is said in words; no inline styles", async () => {
    const { page, context, errors } = await open("/tests/pages/trend.html");
    await allRendered(page, "chitieu-trend");
    assertIncludes(await page.locator(`${host("unknown")} .error[role=alert]`).innerText(),
      "Không tìm thấy chỉ tiêu 'khong-co' trong dữ liệu", "unknown indicator");
    assertIncludes(await page.locator(`${host("missing")} .error[role=alert]`).innerText(),
      "Thiếu thuộc tính 'indicator'", "missing indicator");
    assertEq((await inlineStyles(page)).join("\n"), "", "inline style attributes");
    assertEq(errors.join("\n"), "", "console errors");
    await context.close();
  });

  for (const [scheme, label] of [["light", "light, dark, high contrast"], ["dark", "auto in a dark colour scheme"]]) {
    test(`trend: text contrast at least 4.5:1, focused label included (${label})`, async () => {
      const { page, context, errors } = await open("/tests/pages/widgets-themes.html", { colorScheme: scheme });
      await allRendered(page, "chitieu-trend");
      const ids = await page.evaluate(() => [...document.querySelectorAll("chitieu-trend")].map((el, i) => (el.id = el.id || `t${i}`)));
      for (const id of ids) {
        await page.locator(`#${id} g.pt`).first().focus();
        const bad = await lowContrast(page, `#${id}`);
        assertEq(bad.join("; "), "", `low contrast in #${id}`);
      }
      assertEq(errors.join("\n"), "", "console errors");
      await context.close();
    });
  }
}
