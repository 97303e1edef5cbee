// The scorecard: counts per status, pillar and overall scores, coverage, DTI points,
// filters and their errors, in both languages and every theme.
//
// Expected figures, by hand (see `chitieu score` for the same numbers):
//
// tests/fixtures/qn-skeleton.json (two indicators of the Quảng Nam 2024 plan), as of 2024-01-15, weights 1:
//   wifi-nha-van-hoa: 1014/1240 = 81.774…% against ≥ 100% → attainment 0.81774; one
//     observation, so insufficient_data. hscv-tinh: no observation → no_data.
//   Hạ tầng số = 0.81774 → "81,8%" (bar width 81.77); Chính quyền số has no score.
//   Overall = mean over scored pillars = 81,8%; 1 of 2 indicators have data, 1 of 2 are
//   scored (a target and a result): 1/2 ≥ one third, shown.
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
//   4 of 6 scored: withheld from min-coverage="0.9" (4/6 < 0.9); each pillar with data is
//   2 of 2 scored and stays shown.
//
// tests/fixtures/coverage.json, as of 2024-06-30, weights 1, default minimum one third:
//   Hạ tầng số: a1 40 against ≥ 80 (0.5) scored; a2 a result without a target; a3, a4 no
//   data → 1 of 4 scored < 1/3: withheld (its 50% not shown), 2/4 with data.
//   Chính quyền số: b1 90 ≥ 80 achieved (1); b2, b3 no data → 1 of 3, exactly one third:
//   shown, 100%.  Kinh tế số: c1 80 achieved (1), c2 40 (0.5) → 2 of 2: 75%.
//   Overall (0.5 + 1 + 0.75)/3 = 75%, 4 of 9 scored ≥ 1/3: shown; 5/9 with data.

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
      { name: "Hạ tầng số", score: "81,8% — tính trên 1/1 chỉ tiêu", meta: "1/1 có số liệu", bar: "81.77" },
      { name: "Chính quyền số", score: "Chưa có số liệu", meta: "0/1 có số liệu", bar: null },
    ]), "pillar rows");
    assertEq(await page.locator("chitieu-scorecard#seed .overall .headline").textContent(),
      "81,8% — tính trên 1/2 chỉ tiêu có cả mục tiêu và số liệu", "the score and what it rests on, one sentence");
    const label = await page.locator("chitieu-scorecard#seed div.pillars[role=img]").getAttribute("aria-label");
    assertEq(label, "Mức đạt theo trụ cột: Hạ tầng số: 81,8%, tính trên 1/1 chỉ tiêu (1/1 có số liệu); Chính quyền số: chưa có số liệu (0/1 có số liệu).", "bars aria-label");
    // The hidden table: one row per pillar and one for the whole plan, no points column.
    const rows = await page.locator("chitieu-scorecard#seed .sr-only table tbody tr").allInnerTexts();
    assertEq(rows.length, 3, "table rows");
    assertEq((await page.locator("chitieu-scorecard#seed .sr-only table th").allInnerTexts()).join("|"), "Trụ cột|Mức đạt|Tính trên|Có số liệu", "table headers");
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
    assertIncludes(text, "81.8% — based on 1 of 2 indicators with both a target and data", "what the score rests on");
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
      { name: "Hạ tầng số", score: "87,5% — tính trên 2/2 chỉ tiêu", meta: "2/2 có số liệu · 175/200 điểm", bar: "87.5" },
      { name: "Chính quyền số", score: "56,3% — tính trên 2/2 chỉ tiêu", meta: "2/2 có số liệu · 168,8/300 điểm", bar: "56.25" },
      { name: "Kinh tế số", score: "Chưa có số liệu", meta: "0/2 có số liệu", bar: null },
    ]), "pillar rows");
    // Each count carries icon, number and word, not colour alone.
    const missed = await page.locator("chitieu-scorecard#dti li.count.status-missed").innerText();
    assertIncludes(missed, "✗", "icon");
    assertIncludes(missed, "Không đạt", "word");
    const headers = await page.locator("chitieu-scorecard#dti .sr-only table th").allInnerTexts();
    assertEq(headers.join("|"), "Trụ cột|Mức đạt|Tính trên|Có số liệu|Điểm", "points column");
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

  test("scorecard: each score says what it rests on; a pillar below one third shows its counts, not a number", async () => {
    const { page, context, errors } = await open("/tests/pages/scorecard.html");
    await allRendered(page, "chitieu-scorecard");
    assertEq(await page.locator("chitieu-scorecard#coverage .overall .headline").textContent(),
      "75% — tính trên 4/9 chỉ tiêu có cả mục tiêu và số liệu", "overall headline");
    assertIncludes(await card(page, "coverage").innerText(), "5/9 chỉ tiêu có số liệu", "coverage of results");
    assertEq(JSON.stringify(await pillars(page, "coverage")), JSON.stringify([
      { name: "Hạ tầng số", score: "⚠ Chưa đủ số liệu để tính điểm — 1/4 chỉ tiêu có cả mục tiêu và số liệu", meta: "2/4 có số liệu", bar: null },
      { name: "Chính quyền số", score: "100% — tính trên 1/3 chỉ tiêu", meta: "1/3 có số liệu", bar: "100" },
      { name: "Kinh tế số", score: "75% — tính trên 2/2 chỉ tiêu", meta: "2/2 có số liệu", bar: "75" },
    ]), "pillar rows: 1 of 4 withheld, exactly 1 of 3 shown");
    const withheld = page.locator("chitieu-scorecard#coverage div.pillar.withheld");
    assertEq(await withheld.count(), 1, "one withheld pillar, marked");
    // Its 50% is nowhere: not on the card, not in the bars' label, not in the hidden table.
    const label = await page.locator("chitieu-scorecard#coverage div.pillars[role=img]").getAttribute("aria-label");
    assertIncludes(label, "Hạ tầng số: chưa đủ số liệu để tính điểm, 1/4 chỉ tiêu có cả mục tiêu và số liệu (2/4 có số liệu)", "withheld pillar in the label");
    const table = await page.locator("chitieu-scorecard#coverage .sr-only table").innerText();
    assertIncludes(table, "Chưa đủ số liệu để tính điểm", "withheld pillar in the table");
    for (const where of [await card(page, "coverage").innerText(), label, table]) {
      assert(!where.includes("50%"), `no withheld score in ${JSON.stringify(where)}`);
    }

    const en = await pillars(page, "coverage-en");
    assertEq(en[0].score, "⚠ Not enough data for a score — 1 of 4 indicators have both a target and data", "withheld pillar in English");
    assertEq(en[1].score, "100% — based on 1 of 3 indicators", "pillar basis in English");
    assertEq(await page.locator("chitieu-scorecard#coverage-en .overall .headline").textContent(),
      "75% — based on 4 of 9 indicators with both a target and data", "overall headline in English");
    assertEq(errors.join("\n"), "", "console errors");
    await context.close();
  });

  test("scorecard: min-coverage withholds the overall score: words and counts, no number", async () => {
    const { page, context, errors } = await open("/tests/pages/scorecard.html");
    await allRendered(page, "chitieu-scorecard");
    const vi = await card(page, "withheld").innerText();
    assertEq((await page.locator("chitieu-scorecard#withheld .overall .headline").innerText()).trim(),
      "⚠ Chưa đủ số liệu để tính điểm chung", "withheld headline");
    assertIncludes(vi, "4/6 chỉ tiêu có cả mục tiêu và số liệu, dưới mức tối thiểu 90%", "counts and the minimum");
    // No number stands as the score: no big figure, no 68,8% nor its points anywhere.
    assertEq(await page.locator("chitieu-scorecard#withheld .big").count(), 0, "no big figure");
    const hidden = await page.locator("chitieu-scorecard#withheld .sr-only table").innerText();
    const labels = await page.locator("chitieu-scorecard#withheld [aria-label]").evaluateAll((els) => els.map((e) => e.getAttribute("aria-label")).join(" "));
    // (168,8/300 are Chính quyền số's points, shown: hence the digit before.)
    const overallFigure = /(^|[^\d])(68[,.]8%|343[,.]8)/;
    for (const where of [vi, hidden, labels]) {
      assert(!overallFigure.test(where), `no withheld score in ${JSON.stringify(where)}`);
    }
    const whole = await page.locator("chitieu-scorecard#withheld .sr-only table tbody tr").last().innerText();
    assertIncludes(whole, "Chưa đủ số liệu để tính điểm", "whole-plan row says why");
    // The pillars rest on 2 of 2 each and stay shown.
    assertEq((await pillars(page, "withheld"))[0].score, "87,5% — tính trên 2/2 chỉ tiêu", "a pillar above the minimum");

    const en = await card(page, "withheld-en").innerText();
    assertIncludes(en, "Not enough data for an overall score", "withheld in English");
    assertIncludes(en, "4 of 6 indicators have both a target and data, below the minimum of 90%", "counts in English");
    assert(!overallFigure.test(en), "no withheld score in English");
    assertEq(errors.join("\n"), "", "console errors");
    await context.close();
  });

  test("scorecard: a bad min-coverage is named with the forms it takes", async () => {
    const { page, context } = await open("/tests/pages/scorecard.html");
    await allRendered(page, "chitieu-scorecard");
    const e = await page.locator("chitieu-scorecard#bad-coverage .error[role=alert]").innerText();
    assertIncludes(e, "Thuộc tính 'min-coverage': '2' không phải là một tỷ lệ", "what is wrong");
    assertIncludes(e, "(ví dụ 0.5)", "a fraction");
    assertIncludes(e, "(ví dụ 50%)", "a percentage");
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

export function honesty({ test, open, assert, assertIncludes }) {
  test("scorecard says how many indicators the score rests on, and tells 'no target' from 'no data'", async () => {
    const { page, context } = await open("/tests/pages/scorecard.html", { viewport: { width: 1200, height: 4000 } });
    const box = page.locator("chitieu-scorecard#qn-full figure.scorecard");
    await box.waitFor({ timeout: 20_000 });
    const text = await box.innerText();
    // seeds/quang-nam-2024.json as of 2024-01-15: 45 of 72 indicators have data, but only 2
    // have both a target and data (wifi 1014/1240 → 81,77%; e-invoices 100% → 100%): the
    // overall (81,77 + 100) / 2 = 90,9% would rest on 2 of 72, below one third: withheld.
    assertIncludes(text, "Chưa đủ số liệu để tính điểm chung", "overall score withheld");
    assertIncludes(text, "2/72 chỉ tiêu có cả mục tiêu và số liệu, dưới mức tối thiểu 33,3%", "what it would rest on");
    assert(!text.includes("90,9%"), "no overall figure");
    assertIncludes(text, "45/72 chỉ tiêu có số liệu", "coverage");
    // Chính quyền số: 1 of 27 scored (wifi): withheld too.
    assertIncludes(text, "Chưa đủ số liệu để tính điểm — 1/27 chỉ tiêu có cả mục tiêu và số liệu", "pillar withheld");
    // "Dữ liệu số và nền tảng số": 11 results, no targets.
    assertIncludes(text, "Chưa chấm được: chưa có mục tiêu cho số liệu", "data without a target");
    await context.close();
  });
}
