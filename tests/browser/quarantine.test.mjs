// Quarantine (issue 13): one indicator with bad data in a file sets that indicator aside.
// Widgets of the healthy indicators of the same file render as if nothing were wrong; the
// widget of the bad one names it, each bad field and its place in the file; the table
// lists it as a row with invalid data; chitieu:error fires for the bad widgets alone; the
// page sees no uncaught error. The fixtures are the Quảng Nam 2024 seed with three
// mistakes in `hscv-huyen` (level 'huyen', op 'khoang', a value in words).

const PAGE = "/tests/pages/faults/quarantine.html";

/** The rendered text of a widget once it is no longer loading. */
async function boxText(page, host, timeout = 20_000) {
  const box = page.locator(host).locator(".chitieu:not(.loading)").first();
  await box.waitFor({ timeout });
  return box.innerText();
}

export default function ({ test, open, assert, assertEq, assertIncludes }) {
  test("quarantine: one bad indicator in a JSON or CSV file blanks only its own widget, which says what and where", async () => {
    const { page, context, errors } = await open(PAGE);
    // Healthy widgets on the same files show their figures.
    assertIncludes(await boxText(page, "#ok"), "81,77%", "healthy gauge (JSON)");
    assertIncludes(await boxText(page, "#ok-csv"), "81,77%", "healthy gauge (CSV)");
    assertIncludes(await boxText(page, "#ok-bullet"), "trên 95%", "healthy bullet");
    await page.locator("#ok-trend figure.trend").waitFor({ timeout: 20_000 });

    // The bad indicator's widgets: which indicator, every bad field, where.
    const json = await boxText(page, "#bad");
    assertIncludes(json, "Dữ liệu không hợp lệ ở chỉ tiêu 'hscv-huyen'", "JSON: names the indicator");
    for (const w of ["indicators[1].level", "huyen", "indicators[1].targets[0]", "khoang", "indicators[1].observations[0].value", "chín mươi", "88", "90", "104"]) {
      assertIncludes(json, w, "JSON: field and place");
    }
    const csv = await boxText(page, "#bad-csv");
    assertIncludes(csv, "'hscv-huyen'", "CSV: names the indicator");
    for (const w of ["(level)", "(op)", "khoang", "(value)", "10", "11", "12"]) assertIncludes(csv, w, "CSV: column and line");
    const en = await boxText(page, "#bad-en");
    assertIncludes(en, "Invalid data in indicator 'hscv-huyen', so it is not shown", "English heading");
    const roles = await page.locator("#bad .chitieu.error[role=alert] li").count();
    assertEq(roles, 3, "one list item per error");

    // The table keeps the row, marked, with the first reason.
    const row = page.locator("#table tr.row", { hasText: "hồ sơ công việc tại cấp huyện" });
    await row.waitFor({ timeout: 20_000 });
    const rowText = await row.innerText();
    assertIncludes(rowText, "Dữ liệu không hợp lệ", "table row status");
    assertIncludes(rowText, "và 2 lỗi khác", "table row says how many more");
    const names = await page.locator("#table tr.row th").allInnerTexts();
    const at = (s) => names.findIndex((n) => n.includes(s));
    assert(at("cấp tỉnh") === 0 && at("cấp huyện") === 1 && at("cấp xã") === 2, `in the file's order: ${names.slice(0, 3)}`);

    // The scorecard counts it under its own label, in the total and in no score.
    const card = await boxText(page, "#card");
    assertIncludes(card, "1\n⚠ Dữ liệu không hợp lệ", "scorecard: its own count");
    assertIncludes(card, "/72 chỉ tiêu có số liệu", "scorecard: the total counts every indicator of the file");

    // Events: an error for each bad widget, ready for the others.
    await page.waitForFunction(() => window.__chitieuReady.length + window.__chitieuErrors.length >= 9, null, { timeout: 20_000 });
    const failed = await page.evaluate(() => window.__chitieuErrors.map((e) => e.id).sort());
    assertEq(failed.join(","), "bad,bad-csv,bad-en", "chitieu:error only for the bad indicator's widgets");
    const ready = await page.evaluate(() => window.__chitieuReady.slice().sort());
    assertEq(ready.join(","), "card,ok,ok-bullet,ok-csv,ok-trend,table", "chitieu:ready for the rest");
    assertEq((await page.evaluate(() => window.__uncaught)).join("\n"), "", "no uncaught error");
    assertEq(errors.join("\n"), "", "no page or console error");
    await context.close();
  });
}
