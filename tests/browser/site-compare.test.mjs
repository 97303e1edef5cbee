// "So sánh các tỉnh" (www/compare.html): one table per key shared by two or more seed
// datasets, with the plans' targets as written and structured, deadlines and results.

import { site } from "./site-pages.test.mjs";

export default function ({ test, open, assert, assertEq, assertIncludes }) {
  test("compare: work files processed online at province level, in the four plans' targets", async () => {
    const { page, context, errors } = await site.open(open, "/compare.html");
    const section = page.locator("#key-work-files-online-province");
    await section.waitFor({ timeout: 20_000 });
    assertIncludes(await section.locator("h2").innerText(), "hồ sơ công việc tại cấp tỉnh", "heading");
    const rows = await section.locator("tbody tr").evaluateAll((trs) => trs.map((tr) =>
      [...tr.children].slice(0, 5).map((c) => c.innerText.replace(/\s+/g, " ").trim())));
    assertEq(rows.length, 4, "rows (Quảng Nam 2024, the resolution's 2025 and 2030 targets, Nghệ An)");
    const find = (plan, deadline) => rows.find((r) => r[0].includes(plan) && r[3] === deadline);
    const qn = find("Kế hoạch Chuyển đổi số tỉnh Quảng Nam năm 2024", "2024");
    assert(qn, `Quảng Nam 2024 row in ${JSON.stringify(rows)}`);
    assertIncludes(qn[1], "Trên 95%", "Quảng Nam 2024 as written");
    assertEq(qn[2], "> 95%", "Quảng Nam 2024 structured");
    const na = find("Nghệ An", "2024");
    assert(na, "Nghệ An row");
    assertIncludes(na[1], "90% hồ sơ công việc tại cấp tỉnh", "Nghệ An as written");
    assertEq(na[2], "≥ 90%", "Nghệ An structured");
    const r2025 = find("Nghị quyết", "2025"), r2030 = find("Nghị quyết", "2030");
    assert(r2025 && r2030, "the resolution's 2025 and 2030 rows");
    assertEq(r2025[2], "≥ 90%", "resolution 2025");
    assertEq(r2030[2], "≥ 100%", "resolution 2030");
    for (const r of rows) assertEq(r[4], "chưa có số liệu", `latest result of ${r[0]}`);
    assertEq(await site.violations(page), "", "CSP violations");
    assertEq(errors.join("\n"), "", "console errors");
    await context.close();
  });

  test("compare: every shared key has a section; results are drawn as compact bullets", async () => {
    const { page, context, errors } = await site.open(open, "/compare.html");
    await page.locator(".compare-key").first().waitFor({ timeout: 20_000 });
    const keys = await page.locator(".compare-key").evaluateAll((s) => s.map((e) => e.id.replace(/^key-/, "")));
    // The keys seeds/README.md lists as shared.
    for (const k of ["work-files-online-province", "work-files-online-district", "work-files-online-commune",
      "reporting-regimes-online", "digital-economy-grdp-share", "digital-economy-share-each-sector",
      "labour-productivity-growth", "satisfaction-administrative-procedures", "sme-digital-platforms",
      "adults-with-smartphone", "households-with-smartphone", "bank-account-15-plus",
      "communes-with-community-tech-teams", "fibre-communes"]) {
      assert(keys.includes(k), `section for ${k}`);
    }
    assertEq(keys.length, 14, "shared keys");
    assertEq(await page.locator("#toc li").count(), 14, "table of contents");
    const grdp = page.locator("#key-digital-economy-grdp-share tbody tr");
    assertEq(await grdp.count(), 5, "GRDP share: 1 + 2 + 1 + 1 targets");
    assertIncludes((await grdp.allInnerTexts()).join("\n"), "8–10%", "the resolution's range");
    // Quảng Nam 2024 has a 2023 result for fibre to communes: a compact bullet draws it.
    const fibre = page.locator("#key-fibre-communes chitieu-bullet[variant=compact]");
    assertEq(await fibre.count(), 1, "one bullet for fibre-communes");
    await fibre.scrollIntoViewIfNeeded();
    assertIncludes(await fibre.locator(".chitieu:not(.loading)").innerText(), "100%", "bullet value");
    assertIncludes(await page.locator("#key-fibre-communes tbody tr").first().innerText(), "100% (2023)", "latest result");
    await site.renderAll(page);
    assertEq((await site.widgetErrors(page)).join("\n"), "", "widgets showing an error");
    assertEq(await site.violations(page), "", "CSP violations");
    assertEq(errors.join("\n"), "", "console errors");
    await context.close();
  });
}
