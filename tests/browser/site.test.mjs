// The demo site `cargo xtask serve` shows: the seed datasets, every widget, both languages.

export default function ({ test, open, assert, assertEq, assertIncludes }) {
  test("demo site shows the seed plans with every widget, and switches language and plan", async () => {
    const { page, context, errors } = await open("/", { viewport: { width: 1200, height: 6000 } });
    for (const w of ["scorecard", "gauge", "bullet", "trend", "table"]) {
      await page.locator(`chitieu-${w} .chitieu:not(.loading)`).first().waitFor({ timeout: 20_000 });
    }
    const errorsShown = await page.locator(".chitieu.error").count();
    assertEq(errorsShown, 0, "widgets showing an error");
    assertIncludes(await page.locator("chitieu-scorecard figure").first().innerText(), "45/72 chỉ tiêu có số liệu", "Quảng Nam scorecard");
    await page.click("#lang-toggle");
    await page.locator("chitieu-gauge figure[lang=en]").first().waitFor({ timeout: 10_000 });
    assertIncludes(await page.locator("header p").innerText(), "with one <script> tag", "English intro");
    await page.selectOption("#plan", "seeds/quang-tri-dti.json");
    await page.locator("#plan-table caption, #plan-table .caption", { hasText: "Quảng Trị" }).first().waitFor({ timeout: 10_000 });
    assertEq(errors.join("\n"), "", "console errors");
    await context.close();
  });
}
