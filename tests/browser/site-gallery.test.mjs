// "Thư viện biểu đồ" (www/gallery.html): every widget kind, the theme switcher and the
// widget-language switcher, and the dataset and indicator choices.

import { site } from "./site-pages.test.mjs";

export default function ({ test, open, assert, assertEq, assertIncludes }) {
  test("gallery: every widget kind, in each theme and both languages, on each seed dataset", async () => {
    const { page, context, errors } = await site.open(open, "/gallery.html");
    await site.renderAll(page);
    const kinds = await page.evaluate(() => [...document.querySelectorAll("#stage .g")]
      .map((h) => h.localName.replace("chitieu-", "") + (h.getAttribute("variant") ? " " + h.getAttribute("variant") : "")).sort().join(", "));
    assertEq(kinds, "bullet, bullet compact, gauge, gauge ring, scorecard, table, tasks, tasks summary, trend", "widgets");
    const classes = () => page.evaluate(() => [...document.querySelectorAll("#stage .g")]
      .map((h) => h.shadowRoot.querySelector(".chitieu").className));
    for (const theme of ["dark", "high-contrast", "auto", "light"]) {
      await page.check(`input[name=theme][value=${theme}]`);
      await page.waitForFunction((t) => [...document.querySelectorAll("#stage .g")]
        .every((h) => h.shadowRoot.querySelector(`.chitieu.theme-${t}:not(.loading)`)), theme, { timeout: 15_000 });
      assertEq(await page.locator("#stage").getAttribute("data-theme"), theme, "stage backdrop");
      assertIncludes(page.url(), `theme=${theme}`, "address keeps the theme");
      assertEq((await classes()).filter((c) => !c.includes(`theme-${theme}`)).join(", "), "", `every widget in ${theme}`);
    }
    await page.check("input[name=wlang][value=en]");
    await site.widgetsIn(page, "en");
    assertEq(await page.evaluate(() => document.documentElement.lang), "vi", "the page stays Vietnamese");
    assertIncludes(await page.locator("#stage chitieu-gauge").first().locator(".chitieu").innerText(), "Target", "gauge in English");
    await page.check("input[name=wlang][value=vi]");
    await site.widgetsIn(page, "vi");

    // Another plan: its indicators fill the select, the widgets follow.
    await page.selectOption("#plan", "nghe-an-2024");
    await page.locator("#indicator option[value='hscv-tinh']").waitFor({ state: "attached", timeout: 10_000 });
    await page.waitForFunction(() => [...document.querySelectorAll("#stage .g")].every((h) => h.getAttribute("src") === "seeds/nghe-an-2024.json"));
    await page.selectOption("#indicator", "hscv-tinh");
    await page.locator("#stage chitieu-gauge .chitieu", { hasText: "90%" }).first().waitFor({ timeout: 15_000 });
    assertEq(await page.locator("#stage chitieu-gauge").first().getAttribute("indicator"), "hscv-tinh", "indicator");
    await site.renderAll(page);
    assertEq((await site.widgetErrors(page)).join("\n"), "", "widgets showing an error");
    assertEq(await site.violations(page), "", "CSP violations");
    assertEq(errors.join("\n"), "", "console errors");
    await context.close();
  });

  test("gallery: the address chooses plan, indicator, theme and language", async () => {
    const { page, context, errors } = await site.open(open, "/gallery.html?plan=quang-nam-2024&indicator=hoa-don-dien-tu&theme=dark&wlang=en");
    await site.renderAll(page);
    assertEq(await page.isChecked("input[name=theme][value=dark]"), true, "dark checked");
    assertEq(await page.inputValue("#indicator"), "hoa-don-dien-tu", "indicator chosen");
    await site.widgetsIn(page, "en");
    assertIncludes(await page.locator("#stage chitieu-gauge .chitieu.theme-dark").first().innerText(), "100%", "dark English gauge of e-invoices");
    assertEq(errors.join("\n"), "", "console errors");
    await context.close();
  });
}
