// "Thử dữ liệu của bạn" (www/playground.html): validation messages with line numbers for a
// broken CSV, a live widget for a valid one, a file opened from disk, the copied snippet,
// and data shown as text, never as markup.

import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import path from "node:path";
import { site } from "./site-pages.test.mjs";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export default function ({ test, open, assert, assertEq, assertIncludes }) {
  test("playground: www/template.csv is docs/template.csv", async () => {
    const [a, b] = await Promise.all([readFile(path.join(repo, "www/template.csv")), readFile(path.join(repo, "docs/template.csv"))]);
    assert(a.equals(b), "www/template.csv differs from docs/template.csv: copy it again");
  });

  test("playground: starts with the template, valid, and draws it; a broken CSV lists errors by line and column", async () => {
    const { page, context, errors } = await site.open(open, "/playground.html");
    await page.locator("#summary.ok").waitFor({ timeout: 20_000 });
    const csv = await page.inputValue("#data");
    assertIncludes(csv, "record,id,period", "the template's header row");
    // The template's first indicator with a target and results is drawn.
    assertEq(await page.inputValue("#indicator"), "cqs-01", "indicator chosen");
    await page.locator("#live .chitieu:not(.loading)").waitFor({ timeout: 20_000 });
    assertIncludes(await page.locator("#live .chitieu").innerText(), "95,97%", "the gauge shows 1237/1289");

    // Line 9 is the first target row; break its deadline and value, and misspell a record.
    const broken = csv.split("\n").map((l) => l.startsWith("target,cqs-01,2024,80,") ? l.replace("target,cqs-01,2024,80,", "target,cqs-01,20x4,abc,") : l)
      .map((l) => l.startsWith("indicator,kts-02,") ? l.replace("indicator,", "indicatr,") : l).join("\n");
    await page.fill("#data", broken);
    await page.locator("#summary.bad").waitFor({ timeout: 20_000 });
    const items = await page.locator("#diagnostics li.error").allInnerTexts();
    assert(items.length >= 3, `at least 3 errors listed (${items.length})`);
    const text = items.join("\n");
    assertIncludes(text, "Dòng 9, cột 3 (period)", "the deadline error says where");
    // The messages in the page's language.
    assertIncludes(text, "'20x4' không phải là kỳ hợp lệ", "the deadline error says what");
    assertIncludes(text, "Dòng 9, cột 4 (value)", "the value error says where");
    assertIncludes(text, "'indicatr' không phải là loại dòng hợp lệ", "the misspelt record");
    assertIncludes(await page.locator("#summary").innerText(), "chưa hợp lệ", "summary");
    // No widget for invalid data, and the note says why.
    assertEq(await page.locator("#live").isVisible(), false, "no widget for invalid data");
    assertIncludes(await page.locator("#widget-note").innerText(), "Sửa các lỗi", "note");
    // A location button moves the cursor to that line.
    await page.locator("#diagnostics .where").first().click();
    const selected = await page.evaluate(() => { const t = document.getElementById("data"); return t.value.slice(t.selectionStart, t.selectionEnd); });
    assert(selected.startsWith("target,cqs-01,20x4"), `line 9 selected (${selected})`);
    // In English on the English page.
    await page.click("#lang-toggle");
    await page.locator("#diagnostics li.error", { hasText: "'20x4' is not a period" }).waitFor({ timeout: 20_000 });
    assertIncludes((await page.locator("#diagnostics li.error").allInnerTexts()).join("\n"), "unknown record 'indicatr'", "the misspelt record, in English");
    await page.click("#lang-toggle");
    await page.locator("#diagnostics li.error", { hasText: "'20x4' không phải là kỳ hợp lệ" }).waitFor({ timeout: 20_000 });

    // Fixed again: valid, drawn.
    await page.fill("#data", csv);
    await page.locator("#summary.ok").waitFor({ timeout: 20_000 });
    await page.locator("#live .chitieu:not(.loading)").waitFor({ timeout: 20_000 });
    assertEq(await site.violations(page), "", "CSP violations");
    assertEq(errors.join("\n"), "", "console errors");
    await context.close();
  });

  test("playground: a JSON file opened from disk; widget, indicator and theme choices; the copied snippet", async () => {
    const { page, context, errors } = await site.open(open, "/playground.html", {
      init: () => {
        window.__violations = [];
        document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(e.violatedDirective));
        window.__copied = [];
        const clip = { writeText: (t) => { window.__copied.push(t); return Promise.resolve(); } };
        Object.defineProperty(navigator, "clipboard", { value: clip, configurable: true });
      },
    });
    await page.locator("#summary.ok").waitFor({ timeout: 20_000 });
    await page.setInputFiles("#file", path.join(repo, "seeds/quang-nam-2024.json"));
    await page.locator("#indicator option[value='wifi-nha-van-hoa']").waitFor({ state: "attached", timeout: 20_000 });
    await page.locator("#summary.ok").waitFor({ timeout: 20_000 });
    assertEq(await page.locator("#indicator option").count(), 72, "indicators listed from the JSON");
    await page.selectOption("#widget", "gauge:ring");
    await page.selectOption("#indicator", "wifi-nha-van-hoa");
    await page.selectOption("#theme", "dark");
    await page.locator("#live .chitieu.theme-dark.ring").waitFor({ timeout: 20_000 });
    assertIncludes(await page.locator("#live .chitieu").innerText(), "81,77%", "the ring gauge on the file's data");
    const snippet = await page.locator("#snippet").innerText();
    assertEq(snippet, '<script src="/chitieu/chitieu.js" defer></script>\n' +
      '<chitieu-gauge src="/du-lieu/quang-nam-2024.json" indicator="wifi-nha-van-hoa" variant="ring" theme="dark"></chitieu-gauge>', "snippet");
    await page.click("#copy-snippet");
    await page.locator(".copy-status.ok").waitFor({ timeout: 5_000 });
    const copied = await page.evaluate(() => window.__copied);
    assertEq(copied.length, 1, "one copy");
    assertIncludes(copied[0], "<chitieu-gauge ", "copied snippet has the widget tag");
    assertEq(copied[0], snippet, "copied text is the snippet");

    // The table needs no indicator: the select is disabled and the snippet has none.
    await page.selectOption("#widget", "table");
    await page.locator("#live .chitieu.table").waitFor({ timeout: 20_000 });
    assertEq(await page.locator("#indicator").isDisabled(), true, "indicator select disabled for the table");
    assert(!(await page.locator("#snippet").innerText()).includes("indicator="), "no indicator in the table's snippet");
    assertEq((await page.evaluate(() => window.__violations)).join("\n"), "", "CSP violations");
    assertEq(errors.join("\n"), "", "console errors");
    await context.close();
  });

  test("playground: a spreadsheet opened from disk: its mistakes by sheet and cell; a valid workbook drawn and downloaded as xlsx, CSV and JSON", async () => {
    const { page, context, errors } = await site.open(open, "/playground.html", { acceptDownloads: true });
    await page.locator("#summary.ok").waitFor({ timeout: 20_000 });
    await page.setInputFiles("#file", path.join(repo, "tests/fixtures/sheets/bad-flat.xlsx"));
    await page.locator("#summary.bad").waitFor({ timeout: 20_000 });
    const items = (await page.locator("#diagnostics li.error").allInnerTexts()).join("\n");
    assertIncludes(items, "Trang 'bad-flat', ô E5 (numerator)", "the cell of the mistyped numerator");
    assertIncludes(items, "'7x' không phải là số", "what is wrong, in Vietnamese");
    assertIncludes(items, "Trang 'bad-flat', ô D6 (value)", "the formula's error cell");
    await page.click("#lang-toggle");
    await page.locator("#diagnostics li.error", { hasText: "Sheet 'bad-flat', cell E5 (numerator)" }).waitFor({ timeout: 20_000 });
    await page.click("#lang-toggle");

    await page.setInputFiles("#file", path.join(repo, "tests/fixtures/sheets/template-book.xlsx"));
    await page.locator("#summary.ok").waitFor({ timeout: 20_000 });
    assertIncludes(await page.inputValue("#data"), "record,id,period", "the workbook's data as CSV text");
    assertEq(await page.inputValue("#indicator"), "cqs-01", "indicator chosen");
    await page.locator("#live .chitieu:not(.loading)", { hasText: "95,97%" }).waitFor({ timeout: 20_000 });
    assertIncludes(await page.locator("#snippet").innerText(), 'src="/du-lieu/template-book.xlsx"', "the snippet names the workbook");

    const save = async (id) => {
      const [dl] = await Promise.all([page.waitForEvent("download"), page.click(id)]);
      return { name: dl.suggestedFilename(), bytes: await readFile(await dl.path()) };
    };
    const xlsx = await save("#download-xlsx");
    assertEq(xlsx.name, "template-book.xlsx", "xlsx name");
    assertEq(xlsx.bytes.subarray(0, 4).toString("hex"), "504b0304", "an xlsx (zip) file");
    const csv = await save("#download-csv");
    assertIncludes(csv.bytes.toString("utf8"), "observation,cqs-01,2024-Q3,,1237,1289,96,", "CSV rows");
    const jsonText = (await save("#download-json")).bytes.toString("utf8");
    assertEq(JSON.parse(jsonText).indicators[0].id, "cqs-01", "JSON dataset");
    // What was downloaded as xlsx reads back as the same dataset.
    const back = await page.evaluate((b64) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      return window.chitieu.convert(bytes, { to: "json", name: "x.xlsx" });
    }, xlsx.bytes.toString("base64"));
    assertEq(back, jsonText, "xlsx → JSON is the downloaded JSON");
    assertEq(await site.violations(page), "", "CSP violations");
    assertEq(errors.join("\n"), "", "console errors");
    await context.close();
  });

  test("playground: the copy falls back to selecting the snippet when the clipboard refuses", async () => {
    const { page, context, errors } = await site.open(open, "/playground.html", {
      init: () => {
        const clip = { writeText: () => Promise.reject(new Error("denied")) };
        Object.defineProperty(navigator, "clipboard", { value: clip, configurable: true });
        document.execCommand = () => false;
      },
    });
    await page.locator("#summary.ok").waitFor({ timeout: 20_000 });
    await page.click("#copy-snippet");
    await page.locator(".copy-status").filter({ hasText: "Đã chọn đoạn mã" }).waitFor({ timeout: 5_000 });
    const selection = await page.evaluate(() => String(window.getSelection()));
    assertIncludes(selection, "<chitieu-gauge ", "the snippet is selected");
    assertEq(errors.join("\n"), "", "console errors");
    await context.close();
  });

  test("playground: the indicator list reads ids and names as chitieu's CSV guards them against formulas", async () => {
    const { page, context, errors } = await site.open(open, "/playground.html");
    await page.locator("#summary.ok").waitFor({ timeout: 20_000 });
    const csv = [
      "record,id,name,unit,op,value,period",
      "plan,p,Kế hoạch,,,,",
      "indicator,'@wifi,'=Tỷ lệ wifi,percent,,,",
      "target,'@wifi,,,gte,100,2025",
      "observation,'@wifi,,,,81.8,2023",
      "indicator,'abc,Tên,percent,,,",
    ].join("\n");
    await page.fill("#data", csv);
    await page.locator("#indicator option[value='@wifi']").waitFor({ state: "attached", timeout: 20_000 });
    assertIncludes(await page.locator("#indicator option[value='@wifi']").textContent(), "=Tỷ lệ wifi", "the name without the guard");
    // An apostrophe the writer did not add is part of the text.
    await page.locator("#indicator option[value=\"'abc\"]").waitFor({ state: "attached", timeout: 5_000 });
    await page.locator("#live figure.gauge", { hasText: "81,8%" }).waitFor({ timeout: 20_000 });
    assertEq(errors.join("\n"), "", "console errors");
    await context.close();
  });

  test("playground: names from the data are shown as text, never as markup", async () => {
    const { page, context, errors } = await site.open(open, "/playground.html");
    await page.locator("#summary.ok").waitFor({ timeout: 20_000 });
    const evil = JSON.stringify({
      schema: "chitieu/1",
      plan: { id: "p", title: "<img src=x id=evil-title>" },
      as_of: "2024-06-30",
      indicators: [{
        id: "a", name: { vi: "<img src=x id=evil-name>Tên", en: "<b id=evil-en>Name</b>" }, unit: "percent",
        targets: [{ op: "gte", value: 80, deadline: "2024", text: "<script>window.__pwned=1</script>" }],
        observations: [{ period: "2023", value: 70 }],
      }],
    }, null, 1);
    await page.fill("#data", evil);
    await page.locator("#indicator option[value='a']").waitFor({ state: "attached", timeout: 20_000 });
    await page.locator("#live .chitieu:not(.loading)").waitFor({ timeout: 20_000 });
    assertIncludes(await page.locator("#indicator option[value='a']").textContent(), "<img src=x id=evil-name>", "option shows the name as text");
    const injected = await page.evaluate(() => ({
      page: document.querySelectorAll("#evil-title, #evil-name, #evil-en").length,
      widget: document.getElementById("live").shadowRoot.querySelectorAll("#evil-title, #evil-name, #evil-en, script").length,
      pwned: !!window.__pwned,
    }));
    assertEq(JSON.stringify(injected), JSON.stringify({ page: 0, widget: 0, pwned: false }), "no markup from the data");
    assertEq(await site.violations(page), "", "CSP violations");
    assertEq(errors.join("\n"), "", "console errors");
    await context.close();
  });
}
