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

    // Sorting by attainment: the header says so, and the rows of the first pillar follow it.
    const header = page.locator("#table th.c-attainment");
    await header.locator("button.sort").click();
    await page.waitForFunction(() => document.querySelector("#table th.c-attainment").getAttribute("aria-sort") === "ascending");
    await header.locator("button.sort").click();
    await page.waitForFunction(() => document.querySelector("#table th.c-attainment").getAttribute("aria-sort") === "descending");
    const shares = await page.locator("#table tbody").first().locator("td.c-attainment .num").allInnerTexts();
    const nums = shares.filter((s) => s !== "—").map((s) => Number(s.replace("%", "").replace(".", "").replace(",", ".")));
    assert(nums.length >= 2 && nums.every((v, i) => i === 0 || nums[i - 1] >= v), `descending attainment: ${shares.join(" ")}`);

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
    assert(picked[0].startsWith("trend hscv-tinh "), picked[0]);
    assert(picked[1].startsWith("table "), picked[1]);

    // Switching the app's language re-renders the widgets in English.
    await page.locator("#lang").click();
    await page.waitForFunction(() => document.querySelector("#gauge figure").getAttribute("lang") === "en");
    assertIncludes(await page.locator("#gauge figure").innerText(), "81.77%", "English number format");
    assertEq(errors.join("\n"), "", "console errors");
    await context.close();
  });
}
