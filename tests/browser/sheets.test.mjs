// Spreadsheets (issue 15): a widget's src may be an .xlsx or .ods, read by the analysis
// API's spreadsheet build (chitieu_sheets); a bad indicator in it is set aside with its
// sheet and cell. A CSV src loads the plain analysis build, never the spreadsheet one.

/** The rendered text of a widget once it is no longer loading. */
async function boxText(page, host, timeout = 20_000) {
  const box = page.locator(host).locator(".chitieu:not(.loading)").first();
  await box.waitFor({ timeout });
  return box.innerText();
}

export default function ({ test, open, assertEq, assertIncludes }) {
  test("sheets: a widget's src may be a workbook (.xlsx) or a flat table (.ods); a bad indicator names its sheet and cell", async () => {
    const { page, context, errors } = await open("/tests/pages/sheet.html");
    assertIncludes(await boxText(page, "#book"), "95,97%", "the workbook's gauge (1237/1289)");
    assertIncludes(await boxText(page, "#ods"), "95,97%", "the .ods flat table's gauge");
    assertIncludes(await boxText(page, "#ok"), "10,8", "the healthy indicator of a file with a bad one");
    const bad = await boxText(page, "#bad");
    assertIncludes(bad, "Dữ liệu không hợp lệ ở chỉ tiêu 'cqs-01'", "the bad indicator");
    assertIncludes(bad, "Trang 'bad-flat', ô E5 (numerator)", "its sheet and cell");
    assertIncludes(bad, "'7x' không phải là số", "what is wrong");
    // Only the spreadsheet build read the files: the widgets' wasm and it, once each.
    const wasm = await page.evaluate(() => performance.getEntriesByType("resource").map((e) => e.name).filter((n) => n.endsWith(".wasm")).map((n) => n.split("/").pop()).sort());
    assertEq(wasm.join(","), "chitieu_bg.wasm,chitieu_sheets_bg.wasm", "wasm files fetched");
    assertEq(errors.join("\n"), "", "console errors");
    await context.close();
  });

  test("sheets: a CSV src loads the plain analysis build, not the spreadsheet reader", async () => {
    const { page, context, errors } = await open("/tests/pages/faults/quarantine.html");
    await page.waitForFunction(() => [...document.querySelectorAll("[src$='.csv']")].every((e) => e.shadowRoot && e.shadowRoot.querySelector(".chitieu:not(.loading)")), null, { timeout: 20_000 });
    const wasm = await page.evaluate(() => performance.getEntriesByType("resource").map((e) => e.name).filter((n) => n.endsWith(".wasm")).map((n) => n.split("/").pop()).sort());
    assertEq(wasm.join(","), "chitieu_api_bg.wasm,chitieu_bg.wasm", "wasm files fetched");
    assertEq(errors.join("\n"), "", "console errors");
    await context.close();
  });
}
