// "Cổng mẫu" (www/portal.html): the widgets inside a page styled like an old provincial
// portal (global rules on *, table, td, p; widgets inside <p>; a layout table; relative
// paths, no <base href>) look exactly as on a clean page.

import { site } from "./site-pages.test.mjs";

/** Text metrics inside a widget's shadow root that inherited page CSS could change.
 *  Box sizes are not compared: some widget styles use rem, which follows the root font
 *  size, and this page's `*` rule sets it (13px on <html>), as many portal themes do. */
async function metrics(page, host, inner) {
  return page.locator(host).locator(inner).first().evaluate((el) => {
    const s = getComputedStyle(el);
    return [s.fontFamily, s.fontSize, s.lineHeight, s.letterSpacing, s.wordSpacing, s.textIndent, s.textAlign,
      s.textTransform, s.fontStyle, s.fontWeight, s.color, s.backgroundColor, s.borderTopStyle].join(" | ");
  });
}

export default function ({ test, open, assert, assertEq, assertIncludes }) {
  test("portal: the banner, menu and sidebar; every widget intact under the portal's global CSS", async () => {
    const { page, context, errors } = await site.open(open, "/portal.html");
    assertEq(await page.evaluate(() => document.querySelectorAll("base").length), 0, "no <base href>");
    assertEq(await page.locator(".pt-banner .pt-name").innerText(), "CỔNG THÔNG TIN ĐIỆN TỬ TỈNH QUẢNG NAM", "banner");
    assert(await page.locator(".pt-menu a").count() >= 5, "menu bar");
    // The portal's rules do reach its own text …
    const p = await page.locator(".pt-article p").nth(1).evaluate((e) => [getComputedStyle(e).textIndent, getComputedStyle(e).fontSize].join(" "));
    assertEq(p, "25px 13px", "the portal's p rule applies to its paragraphs");
    const n = await site.renderAll(page);
    assertEq(n, 5, "widgets: two gauges in a paragraph, a div bullet, the table, the scorecard");
    assertEq((await site.widgetErrors(page)).join("\n"), "", "widgets showing an error");
    assertIncludes(await page.locator(".pt-side chitieu-scorecard .chitieu").innerText(), "45/72 chỉ tiêu có số liệu", "scorecard in the sidebar");
    assertIncludes(await page.locator(".pt-article p chitieu-gauge#pt-gauge-wifi .chitieu").innerText(), "81,77%", "gauge inside a <p>");
    assertIncludes(await page.locator("#pt-bullet .chitieu").innerText(), "81,77%", "bullet in a <div data-chitieu>");
    // … but not the widgets: the same metrics as in the gallery, whose page CSS is plain.
    const here = {
      gauge: await metrics(page, "#pt-gauge-wifi", ".target-text"),
      gaugeBox: await metrics(page, "#pt-gauge-wifi", ".chitieu"),
      scorecard: await metrics(page, "#pt-scorecard", ".chitieu"),
      table: await metrics(page, "#pt-table", "td"),
      tableHead: await metrics(page, "#pt-table", "th"),
    };
    assertEq(await site.violations(page), "", "CSP violations");
    assertEq(errors.join("\n"), "", "console errors");
    await context.close();

    const clean = await site.open(open, "/gallery.html");
    await site.renderAll(clean.page);
    const there = {
      gauge: await metrics(clean.page, "chitieu-gauge:not([variant])", ".target-text"),
      gaugeBox: await metrics(clean.page, "chitieu-gauge:not([variant])", ".chitieu"),
      scorecard: await metrics(clean.page, "chitieu-scorecard", ".chitieu"),
      table: await metrics(clean.page, "chitieu-table", "td"),
      tableHead: await metrics(clean.page, "chitieu-table", "th"),
    };
    for (const k of Object.keys(here)) assertEq(here[k], there[k], `${k} on the portal vs the gallery`);
    await clean.context.close();
  });

  test("portal: on a phone the layout stacks and no widget is wider than the screen", async () => {
    const { page, context, errors } = await site.open(open, "/portal.html", { viewport: { width: 375, height: 800 } });
    await site.renderAll(page);
    const wide = await page.evaluate(() => [...document.querySelectorAll("chitieu-gauge, chitieu-table, chitieu-scorecard, [data-chitieu]")]
      .map((h) => ({ id: h.id, right: Math.round(h.getBoundingClientRect().right) })).filter((r) => r.right > 375));
    assertEq(JSON.stringify(wide), "[]", "widgets past the right edge");
    assertEq(await page.evaluate(() => document.documentElement.scrollWidth), 375, "page width");
    assertEq(errors.join("\n"), "", "console errors");
    await context.close();
  });
}
