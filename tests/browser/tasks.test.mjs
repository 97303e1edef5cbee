// The task list <chitieu-tasks>, in a page with a strict Content-Security-Policy: the
// illustrative progress file (invented reports), the real Quảng Trị seed (no reports), the
// summary block, English and dark, high contrast, the scorecard's task line, and a bad
// attribute.

import { AxeBuilder } from "@axe-core/playwright";

const PAGE = "/tests/pages/tasks.html";

async function ready(page, host, inner) {
  await page.locator(host).scrollIntoViewIfNeeded();
  const loc = page.locator(`${host} ${inner}`);
  await loc.first().waitFor({ timeout: 20_000 });
  return loc;
}

const count = (page, host) => page.locator(`${host} [role=status]`).innerText();

export default function ({ test, open, assert, assertEq, assertIncludes }) {
  test("tasks: statuses in words, overdue days, filters, search without diacritics, keyboard", async () => {
    const { page, context, errors } = await open(PAGE);
    await ready(page, "#list", "li.task");
    assertEq((await count(page, "#list")).trim(), "Hiển thị 78/78 nhiệm vụ", "every task");
    const summary = await page.locator("#list p.summary").innerText();
    assertIncludes(summary, "Đã hoàn thành: 27", "summary counts done");
    assertIncludes(summary, "Quá hạn: 2", "summary counts overdue");
    const first = await page.locator("#list li.task").first().innerText();
    assertIncludes(first, "Đang thực hiện", "status in words");
    assertIncludes(first, "Chủ trì", "lead unit");
    // Filter: overdue only.
    await page.locator('#list select[data-act="show"]').selectOption("overdue");
    await page.waitForFunction(() => document.querySelector("#list").shadowRoot.querySelectorAll("li.task").length === 2);
    assertIncludes(await page.locator("#list .chitieu.tasks").innerText(), "Quá hạn 15 ngày", "days overdue");
    // Search without diacritics, typed from the keyboard.
    await page.locator('#list select[data-act="show"]').selectOption("");
    await page.locator('#list input[data-act="search"]').focus();
    await page.keyboard.type("dien tap thuc chien");
    await page.waitForFunction(() => /Hiển thị 1\/78/.test(document.querySelector("#list").shadowRoot.querySelector("[role=status]").textContent));
    assertIncludes(await page.locator("#list li.task").first().innerText(), "Diễn tập thực chiến", "found by letters alone");
    const focused = await page.evaluate(() => document.querySelector("#list").shadowRoot.activeElement?.getAttribute("data-act"));
    assertEq(focused, "search", "the search box keeps the focus while the list changes");
    // Lead unit filter, then the empty state's clear button.
    await page.locator('#list input[data-act="search"]').fill("");
    await page.locator('#list select[data-act="lead"]').selectOption({ label: "Sở Tài chính" });
    await page.waitForFunction(() => !/78\/78/.test(document.querySelector("#list").shadowRoot.querySelector("[role=status]").textContent));
    const leads = await page.locator("#list li.task dl").allInnerTexts();
    assert(leads.length > 0 && leads.every((t) => t.includes("Sở Tài chính")), "every task shown is led by Sở Tài chính");
    assertEq(errors.join("\n"), "", "console errors");
    assertEq((await page.evaluate(() => window.__violations)).join("\n"), "", "CSP violations");
    await context.close();
  });

  test("tasks: summary block, English and dark, high contrast, a plan without reports, the scorecard's line", async () => {
    const { page, context, errors } = await open(PAGE);
    await ready(page, "#summary", "ol.late li");
    assertEq(await page.locator("#summary ol.late li").count(), 2, "the overdue tasks, most overdue first");
    assertIncludes(await page.locator("#summary .chitieu.tasks").innerText(), "Tính đến ngày 15/10/2024", "as of");
    await ready(page, "#en", "li.task");
    const en = await page.locator("#en .chitieu.tasks").innerText();
    assertIncludes(en, "Group by", "English controls");
    assertIncludes(en, "In progress", "English statuses");
    const groups = await page.locator("#en h3.group-title").allInnerTexts();
    assert(groups.some((g) => g.startsWith("Sở TT&TT")), `grouped by lead unit: ${groups.slice(0, 3)}`);
    await ready(page, "#hc", "li.task");
    const due = await page.locator("#hc h3.group-title").allInnerTexts();
    assert(due[0].startsWith("Hạn 31/03/2024"), `grouped by deadline, soonest first: ${due[0]}`);
    await ready(page, "#plan", "li.task");
    const plan = await page.locator("#plan .chitieu.tasks").innerText();
    assertIncludes(plan, "36 nhiệm vụ: chưa có báo cáo tiến độ nào", "says there are no reports");
    assertIncludes(plan, "Hàng năm", "due as the plan words it");
    await ready(page, "#card", ".tasks-line");
    assertIncludes(await page.locator("#card .tasks-line").innerText(), "Nhiệm vụ: 27/78 đã hoàn thành", "scorecard task counts");
    await ready(page, "#bad", "[role=alert]");
    assertIncludes(await page.locator("#bad [role=alert]").innerText(), "group-by", "a bad attribute is named");
    assertEq(errors.join("\n"), "", "console errors");
    await context.close();
  });

  for (const scheme of ["light", "dark"]) {
    test(`tasks: axe, no serious or critical violations (${scheme})`, async () => {
      const { page, context } = await open(PAGE, { colorScheme: scheme, viewport: { width: 1000, height: 20000 } });
      for (const id of ["#list", "#summary", "#en", "#hc", "#plan"]) await ready(page, id, ".chitieu.tasks");
      const results = await new AxeBuilder({ page })
        .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
        .analyze();
      const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
      const report = bad.map((v) => `${v.id} (${v.impact}): ${v.help} ` +
        v.nodes.slice(0, 3).map((n) => n.target.join(" > ")).join(" | ")).join("\n");
      assertEq(report, "", "serious/critical axe violations");
      await context.close();
    });
  }
}
