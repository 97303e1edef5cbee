// The yew component library, mounted by an example yew application
// (crates/chitieu-widgets/examples/yew_app.rs): the same markup as the script-tag bundle,
// and the table and trend react through the same state machines.

export default function ({ test, open, assert, assertEq, assertIncludes }) {
  test("yew app: every widget renders; sort, search, trend keys, chitieu:select and the language switch work", async () => {
    const { page, context, errors } = await open("/tests/pages/yew-app.html", {
      viewport: { width: 1200, height: 3000 },
      init: () => {
        window.__picked = [];
        document.addEventListener("chitieu:select", (e) => window.__picked.push(
          [e.detail.widget, e.detail.indicator, e.detail.period].join(" ")));
      },
    });
    await page.locator("#gauge figure.gauge").waitFor({ timeout: 20_000 });
    for (const sel of ["#bullet figure.bullet", "#trend figure.trend", "#scorecard figure.scorecard", "#table table"]) {
      await page.locator(sel).waitFor({ timeout: 5_000 });
    }
    assertIncludes(await page.locator("#gauge figure").innerText(), "81,77%", "gauge value");

    // Sorting by name: the header says so, and descending is ascending reversed.
    const names = () => page.locator("#table tbody").first().locator("tr.row th").allInnerTexts();
    const button = page.locator("#table th.c-name button.sort");
    await button.click();
    await page.waitForFunction(() => document.querySelector("#table th.c-name").getAttribute("aria-sort") === "ascending");
    const asc = await names();
    await button.click();
    await page.waitForFunction(() => document.querySelector("#table th.c-name").getAttribute("aria-sort") === "descending");
    const desc = await names();
    assert(asc.length >= 3, `rows in the first pillar (${asc.length})`);
    assertEq(desc.join(" | "), asc.slice().reverse().join(" | "), "descending is ascending reversed");

    // Search without diacritics narrows the rows, and the focus stays in the box.
    const rows = await page.locator("#table tr.row").count();
    await page.locator("#table input[type=search]").fill("wifi");
    await page.waitForFunction((n) => document.querySelectorAll("#table tr.row").length < n, rows);
    assertEq(await page.evaluate(() => document.activeElement && document.activeElement.type), "search", "focus in the search box");

    // Trend: arrow keys move the one tab stop; Enter picks the point.
    const pts = page.locator("#trend g.pt");
    const n = await pts.count();
    assert(n >= 2, `trend has points (${n})`);
    await pts.first().focus();
    await page.keyboard.press("ArrowRight");
    assertEq(await page.evaluate(() => document.activeElement.getAttribute("data-point")), "1", "focus moved to point 1");
    assertEq(await page.locator('#trend g.pt[tabindex="0"]').getAttribute("data-point"), "1", "tab stop moved");
    await page.keyboard.press("Enter");
    await page.locator("#table button.pick").first().click();
    const picked = await page.evaluate(() => window.__picked);
    assertEq(picked.length, 2, `two picks (${picked.join(" | ")})`);
    assertEq(picked[0], "trend ho-so-truc-tuyen 2021", "the trend point picked");
    assert(picked[1].startsWith("table "), picked[1]);

    // Switching the app's language re-renders the widgets in English.
    await page.locator("#lang").click();
    await page.waitForFunction(() => document.querySelector("#gauge figure").getAttribute("lang") === "en");
    assertIncludes(await page.locator("#gauge figure").innerText(), "81.77%", "English number format");
    assertEq(errors.join("\n"), "", "console errors");
    await context.close();
  });
}
