// The gauge, mounted by one plain <script> tag in a page that knows nothing about Rust.

export default function ({ test, open, assert, assertEq, assertIncludes }) {
  test("gauge shows the actual value, the target and the status in words", async () => {
    const { page, context, errors } = await open("/tests/pages/gauge.html");
    const fig = page.locator("chitieu-gauge#g figure.gauge");
    await fig.waitFor({ timeout: 20_000 });
    const text = await fig.innerText();
    // 1014/1240 = 81.774…%, computed from the ratio (the plan prints 81,8%).
    assertIncludes(text, "81,77%", "actual value in Vietnamese format");
    assertIncludes(text, "Mục tiêu: tối thiểu 100% · 2024", "target and deadline");
    assertIncludes(text, "Chưa đủ dữ liệu đánh giá", "status in words");
    const label = await page.locator("chitieu-gauge#g svg[role=img]").getAttribute("aria-label");
    assertIncludes(label, "81,77%", "aria-label value");
    assertIncludes(label, "tối thiểu 100%", "aria-label target");
    // The markup lives in the element's open shadow root, not in the page.
    const inShadow = await page.evaluate(() => {
      const el = document.querySelector("chitieu-gauge#g");
      return !!el.shadowRoot && !!el.shadowRoot.querySelector("svg") && !document.querySelector("body > svg, body figure");
    });
    assert(inShadow, "gauge renders inside an open shadow root");
    assertEq(errors.join("\n"), "", "console errors");
    await context.close();
  });
}
