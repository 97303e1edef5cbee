// The scorecard: counts per status, pillar and overall scores, coverage, DTI points,
// filters and their errors, in both languages and every theme.
//
// Expected figures, by hand (see `chitieu score` for the same numbers):
//
// tests/fixtures/qn-skeleton.json (two indicators of the Quảng Nam 2024 plan), as of 2024-01-15, weights 1:
//   wifi-nha-van-hoa: 1014/1240 = 81.774…% against ≥ 100% → attainment 0.81774; one
//     observation, so insufficient_data. hscv-tinh: no observation → no_data.
//   Hạ tầng số = 0.81774 → "81,8%" (bar width 81.77); Chính quyền số has no score.
//   Overall = mean over scored pillars = 81,8%; 1 of 2 indicators have data.
//
// tests/fixtures/dti-weights.json, as of 2024-01-15, weights 200/300/500:
//   a1 100 ≥ 100 → achieved (1).  a2 40 → 60 toward ≥ 80 by 2025: R = 0.5/(2^(1/3)−1) ≈ 1.92
//   → on_track, attainment 60/80 = 0.75.  b1 10 → 8 toward ≤ 5 by 2025: R ≈ 0.97 → on_track,
//   attainment 5/8 = 0.625.  b2 50 against ≥ 100 due 2023 → missed, 0.5.  c1, c2: no_data.
//   Hạ tầng số (a1, a2) = (1 + 0.75)/2 = 0.875 → 87,5%, 0.875 × 200 = 175/200 điểm.
//   Chính quyền số (b1, b2) = (0.625 + 0.5)/2 = 0.5625 → 56,3%, 168,75 → 168,8/300 điểm.
//   Kinh tế số: no score, 0/2.
//   Overall = (0.875·200 + 0.5625·300)/(200 + 300) = 343.75/500 = 0.6875 → 68,8%;
//   points 175 + 168.75 = 343,75 → 343,8/1.000 điểm; 4/6 indicators have data.
//   Counts: achieved 1, on_track 2, missed 1, no_data 2.
//   level=district → a2 only: 75%, 0.75 × 200 = 150/200 điểm.
//   status=on-track → a2, b1: (0.75·200 + 0.625·300)/500 = 337.5/500 = 67,5%.

import { allRendered, inlineStyles, lowContrast } from "./contrast.mjs";

const card = (page, id) => page.locator(`chitieu-scorecard#${id} figure.scorecard`);

async function counts(page, id) {
  return page.locator(`chitieu-scorecard#${id} li.count`).evaluateAll((lis) =>
    Object.fromEntries(lis.map((li) => [
      [...li.classList].find((c) => c.startsWith("status-")).slice(7),
      Number(li.querySelector(".n").textContent),
    ])));
}

async function pillars(page, id) {
  return page.locator(`chitieu-scorecard#${id} div.pillar`).evaluateAll((lis) =>
    lis.map((li) => ({
      name: li.querySelector(".pillar-name").textContent,
      score: li.querySelector(".pillar-score").textContent,
      meta: li.querySelector(".pillar-meta").textContent,
      bar: li.querySelector("rect.bar") && li.querySelector("rect.bar").getAttribute("width"),
    })));
}

export default function ({ test, open, assert, assertEq, assertIncludes }) {
  test("scorecard: seed plan, counts, pillar and overall scores, coverage in Vietnamese", async () => {
    const { page, context, errors } = await open("/tests/pages/scorecard.html");
    await allRendered(page, "chitieu-scorecard");
    const text = await card(page, "seed").innerText();
    assertIncludes(text, "Kế hoạch Chuyển đổi số tỉnh Quảng Nam năm 2024", "plan title");
    assertIncludes(text, "Số liệu đến 15/01/2024", "as-of date");
    assertIncludes(text, "Mức đạt chung", "overall label");
    assertEq(await page.locator("chitieu-scorecard#seed .big").textContent(), "81,8%", "overall score");
    assertIncludes(text, "1/2 chỉ tiêu có số liệu", "coverage sentence");
    assert(!text.includes("điểm"), "no points when every weight is 1");
    assertEq(JSON.stringify(await counts(page, "seed")), JSON.stringify({ "insufficient-data": 1, "no-data": 1 }), "counts");
    assertIncludes(text, "Chưa đủ dữ liệu đánh giá", "status in words");
    const ps = await pillars(page, "seed");
    assertEq(JSON.stringify(ps), JSON.stringify([
      { name: "Hạ tầng số", score: "81,8%", meta: "1/1 có số liệu", bar: "81.77" },
      { name: "Chính quyền số", score: "Chưa có số liệu", meta: "0/1 có số liệu", bar: null },
    ]), "pillar rows");
    const label = await page.locator("chitieu-scorecard#seed div.pillars[role=img]").getAttribute("aria-label");
    assertEq(label, "Mức đạt theo trụ cột: Hạ tầng số: 81,8% (1/1 có số liệu); Chính quyền số: chưa có số liệu (0/1 có số liệu).", "bars aria-label");
    // The hidden table: one row per pillar and one for the whole plan, no points column.
    const rows = await page.locator("chitieu-scorecard#seed .sr-only table tbody tr").allInnerTexts();
    assertEq(rows.length, 3, "table rows");
    assertEq((await page.locator("chitieu-scorecard#seed .sr-only table th").allInnerTexts()).join("|"), "Trụ cột|Mức đạt|Có số liệu", "table headers");
    assertIncludes(rows[2], "Cả kế hoạch", "whole-plan row");
    assertEq(errors.join("\n"), "", "console errors");
    await context.close();
  });

  test("scorecard: English coverage sentence and number format", async () => {
    const { page, context, errors } = await open("/tests/pages/scorecard.html");
    await allRendered(page, "chitieu-scorecard");
    const text = await card(page, "seed-en").innerText();
    assertIncludes(text, "Data as of 15 Jan 2024", "as-of date");
    assertIncludes(text, "1 of 2 indicators have data", "coverage sentence");
    assertEq(await page.locator("chitieu-scorecard#seed-en .big").textContent(), "81.8%", "decimal point in English");
    assertIncludes(text, "Digital infrastructure", "pillar name in English");
    assertIncludes(text, "Insufficient data", "status in English");
    // The plan title exists only in Vietnamese and is marked so.
    assertEq(await page.locator("chitieu-scorecard#seed-en figcaption").getAttribute("lang"), "vi", "title language");
    assertEq(errors.join("\n"), "", "console errors");
    await context.close();
  });

  test("scorecard: DTI weights give points; a pillar without data says so", async () => {
    const { page, context, errors } = await open("/tests/pages/scorecard.html");
    await allRendered(page, "chitieu-scorecard");
    const text = await card(page, "dti").innerText();
    assertEq(await page.locator("chitieu-scorecard#dti .big").textContent(), "68,8%", "overall score");
    assertEq(await page.locator("chitieu-scorecard#dti .overall .points").textContent(), "343,8/1.000 điểm", "overall points");
    assertIncludes(text, "4/6 chỉ tiêu có số liệu", "coverage");
    assertEq(JSON.stringify(await counts(page, "dti")),
      JSON.stringify({ achieved: 1, "on-track": 2, missed: 1, "no-data": 2 }), "counts per status");
    assertEq(JSON.stringify(await pillars(page, "dti")), JSON.stringify([
      { name: "Hạ tầng số", score: "87,5%", meta: "2/2 có số liệu · 175/200 điểm", bar: "87.5" },
      { name: "Chính quyền số", score: "56,3%", meta: "2/2 có số liệu · 168,8/300 điểm", bar: "56.25" },
      { name: "Kinh tế số", score: "Chưa có số liệu", meta: "0/2 có số liệu", bar: null },
    ]), "pillar rows");
    // Each count carries icon, number and word, not colour alone.
    const missed = await page.locator("chitieu-scorecard#dti li.count.status-missed").innerText();
    assertIncludes(missed, "✗", "icon");
    assertIncludes(missed, "Không đạt", "word");
    const headers = await page.locator("chitieu-scorecard#dti .sr-only table th").allInnerTexts();
    assertEq(headers.join("|"), "Trụ cột|Mức đạt|Có số liệu|Điểm", "points column");
    const last = await page.locator("chitieu-scorecard#dti .sr-only table tbody tr").last().innerText();
    assertIncludes(last, "343,8/1.000 điểm", "whole-plan points");

    const en = await card(page, "dti-en").innerText();
    assertEq(await page.locator("chitieu-scorecard#dti-en .overall .points").textContent(), "343.8/1,000 points", "points in English");
    assertIncludes(en, "4 of 6 indicators have data", "coverage in English");
    assertIncludes(en, "2/2 with data · 168.8/300 points", "pillar meta in English");
    // "Kinh tế số" has no English name: shown in Vietnamese and marked so.
    const fallback = page.locator("chitieu-scorecard#dti-en .pillar-name", { hasText: "Kinh tế số" });
    assertEq(await fallback.getAttribute("lang"), "vi", "fallback name language");
    assertEq(errors.join("\n"), "", "console errors");
    await context.close();
  });

  test("scorecard: level and status filters narrow the counts and scores", async () => {
    const { page, context, errors } = await open("/tests/pages/scorecard.html");
    await allRendered(page, "chitieu-scorecard");
    const district = await card(page, "district").innerText();
    assertIncludes(district, "Cấp huyện", "filter in words");
    assertEq(await page.locator("chitieu-scorecard#district .big").textContent(), "75%", "district score");
    assertIncludes(district, "150/200 điểm", "district points");
    assertIncludes(district, "1/1 chỉ tiêu có số liệu", "district coverage");
    assertEq(JSON.stringify(await counts(page, "district")), JSON.stringify({ "on-track": 1 }), "district counts");

    const onTrack = await card(page, "on-track").innerText();
    assertIncludes(onTrack, "Status: On track", "status filter in words");
    assertEq(await page.locator("chitieu-scorecard#on-track .big").textContent(), "67.5%", "on-track score");
    assertEq(JSON.stringify(await counts(page, "on-track")), JSON.stringify({ "on-track": 2 }), "on-track counts");

    const commune = await card(page, "commune").innerText();
    assertIncludes(commune, "Không có chỉ tiêu nào phù hợp với bộ lọc", "empty filter in words");
    assertEq(errors.join("\n"), "", "console errors");
    await context.close();
  });

  test("scorecard: unknown attribute values are named with the allowed ones", async () => {
    const { page, context, errors } = await open("/tests/pages/scorecard.html");
    await allRendered(page, "chitieu-scorecard");
    const level = page.locator("chitieu-scorecard#bad-level .error[role=alert]");
    assertEq((await level.innerText()).trim(),
      "⚠ Thuộc tính 'level': không có giá trị 'tinhh'. Dùng một trong: province, district, commune", "level error");
    const status = await page.locator("chitieu-scorecard#bad-status .error[role=alert]").innerText();
    assertIncludes(status, "Attribute 'status': 'good' is not allowed. Use one of: achieved, on-track,", "status error");
    const pillar = await page.locator("chitieu-scorecard#bad-pillar .error[role=alert]").innerText();
    assertIncludes(pillar, "Thuộc tính 'pillar': không có giá trị 'khong-co'. Dùng một trong: ha-tang, chinh-quyen, kinh-te", "pillar error");
    assertEq(errors.join("\n"), "", "console errors");
    await context.close();
  });

  test("scorecard: old data is flagged; indicators without a pillar form their own group", async () => {
    const { page, context, errors } = await open("/tests/pages/scorecard.html");
    await allRendered(page, "chitieu-scorecard");
    const text = await card(page, "stale").innerText();
    // As of 2027-01-01 the newest result (2024) ended 731 days earlier (> 548).
    assertIncludes(text, "Số liệu cũ, kỳ gần nhất: 2024", "stale note");
    assertIncludes(text, "Chưa xếp trụ cột", "implicit group");
    assertEq((await inlineStyles(page)).join("\n"), "", "inline style attributes");
    assertEq(errors.join("\n"), "", "console errors");
    await context.close();
  });

  for (const [scheme, label] of [["light", "light, dark, high contrast"], ["dark", "auto in a dark colour scheme"]]) {
    test(`scorecard: text contrast at least 4.5:1 (${label})`, async () => {
      const { page, context, errors } = await open("/tests/pages/widgets-themes.html", { colorScheme: scheme });
      await allRendered(page, "chitieu-scorecard");
      const ids = await page.evaluate(() => [...document.querySelectorAll("chitieu-scorecard")].map((el, i) => (el.id = el.id || `s${i}`)));
      for (const id of ids) {
        const bad = await lowContrast(page, `#${id}`);
        assertEq(bad.join("; "), "", `low contrast in #${id}`);
      }
      assertEq((await inlineStyles(page)).join("\n"), "", "inline style attributes");
      assertEq(errors.join("\n"), "", "console errors");
      await context.close();
    });
  }
}

export function honesty({ test, open, assertIncludes }) {
  test("scorecard says how many indicators the score rests on, and tells 'no target' from 'no data'", async () => {
    const { page, context } = await open("/tests/pages/scorecard.html", { viewport: { width: 1200, height: 4000 } });
    const box = page.locator("chitieu-scorecard#qn-full figure.scorecard");
    await box.waitFor({ timeout: 20_000 });
    const text = await box.innerText();
    // seeds/quang-nam-2024.json as of 2024-01-15: 45 of 72 indicators have data, but only 2
    // have both a target and data (wifi 1014/1240 → 81,77%; e-invoices 100% → 100%), so the
    // overall (81,77 + 100) / 2 = 90,9% rests on 2 indicators.
    assertIncludes(text, "90,9%", "overall score");
    assertIncludes(text, "45/72 chỉ tiêu có số liệu", "coverage");
    assertIncludes(text, "Điểm tính trên 2 chỉ tiêu có cả mục tiêu và số liệu", "what the score rests on");
    // "Dữ liệu số và nền tảng số": 11 results, no targets.
    assertIncludes(text, "Chưa chấm được: chưa có mục tiêu cho số liệu", "data without a target");
    await context.close();
  });
}
