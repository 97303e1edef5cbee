// chitieu:select: a table row or a trend point picked, heard on the widget's element.

export default function ({ test, open, assertEq }) {
  test("chitieu:select from a table row (click) and a trend point (Enter), with what was picked", async () => {
    const { page, context, errors } = await open("/tests/pages/gauge.html", {
      viewport: { width: 1200, height: 3000 },
      init: () => {
        window.__picked = [];
        document.addEventListener("chitieu:select", (e) => window.__picked.push(
          [e.target.tagName.toLowerCase(), e.detail.widget, e.detail.indicator, e.detail.period].join(" ")));
      },
    });
    await page.evaluate(() => {
      document.body.innerHTML =
        '<chitieu-table src="/seeds/quang-nam-2024.json"></chitieu-table>' +
        '<chitieu-trend src="/seeds/quang-nam-2024.json" indicator="wifi-nha-van-hoa"></chitieu-trend>';
    });
    const row = page.locator("chitieu-table button.pick", { hasText: "nhà văn hóa thôn" }).first();
    await row.waitFor({ timeout: 20_000 });
    await row.click();
    const point = page.locator("chitieu-trend g.pt").first();
    await point.waitFor({ timeout: 20_000 });
    await point.focus();
    await page.keyboard.press("Enter");
    assertEq(await page.evaluate(() => window.__picked.join(" | ")),
      "chitieu-table table wifi-nha-van-hoa  | chitieu-trend trend wifi-nha-van-hoa 2023", "events");
    assertEq(errors.join("\n"), "", "console errors");
    await context.close();
  });
}
