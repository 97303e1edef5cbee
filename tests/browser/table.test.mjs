// The target table, in a page with a strict Content-Security-Policy. The small dataset
// is tests/pages/table-data.json (every status, a range, a lower-is-better target, old
// data, an indicator without pillar); the 2,000-indicator one is generated here and
// served through Playwright's routing, so no big file is committed.

import { readFile } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";

async function ready(page, host, inner) {
  await page.locator(host).scrollIntoViewIfNeeded();
  const loc = page.locator(`${host} ${inner}`);
  await loc.first().waitFor({ timeout: 20_000 });
  return loc;
}

/** The indicator names of the visible rows, per pillar group, in display order. */
async function groups(page, host) {
  return page.evaluate((host) => {
    const root = document.querySelector(host).shadowRoot;
    return [...root.querySelectorAll("tbody:not([hidden])")].map((tb) => ({
      name: tb.querySelector("tr.group th").textContent.trim(),
      rows: [...tb.querySelectorAll("tr.row:not([hidden]) > th")].map((th) => th.textContent.trim()),
    }));
  }, host);
}

/** Rows the filters let through (filtered rows stay in the DOM, hidden). */
async function rowCount(page, host) {
  return page.locator(`${host} tr.row:not([hidden])`).count();
}

/** Reads a number written the Vietnamese way ("1.234,5"); NaN for a dash. */
function viNumber(s) {
  return Number(s.replace(/[^\d,.-]/g, "").replace(/\./g, "").replace(",", "."));
}

/** A dataset of `n` indicators over four pillars (and some without), with names that
 *  need folding, missing values and every unit of work a big province might have. */
function bigDataset(n) {
  const pillars = [
    { id: "ha-tang", name: { vi: "Hạ tầng số", en: "Digital infrastructure" } },
    { id: "chinh-quyen", name: { vi: "Chính quyền số", en: "Digital government" } },
    { id: "kinh-te", name: { vi: "Kinh tế số", en: "Digital economy" } },
    { id: "xa-hoi", name: { vi: "Xã hội số", en: "Digital society" } },
  ];
  const levels = ["province", "district", "commune", null];
  const words = ["Hồ sơ", "Đường truyền", "Dịch vụ công", "Người dân", "Doanh nghiệp"];
  const indicators = [];
  for (let i = 0; i < n; i++) {
    const ind = {
      id: `ct-${i}`,
      name: { vi: `${words[i % words.length]} chỉ số ${i}`, en: `Indicator ${i}` },
      unit: "count",
      targets: [{ op: "gte", value: 1000 + (i % 7) * 100, deadline: "2025" }],
      observations: i % 10 === 3 ? [] : [
        { period: "2022", value: (i * 37) % 900 },
        { period: "2023", value: (i * 53) % 1200 },
      ],
    };
    if (i % 9 !== 0) ind.pillar = pillars[i % 4].id;
    if (levels[i % 4]) ind.level = levels[i % 4];
    indicators.push(ind);
  }
  return {
    schema: "chitieu/1",
    plan: { id: "lon-2000", title: "Kế hoạch lớn" },
    as_of: "2024-06-30",
    pillars,
    indicators,
  };
}

export default function ({ test, open, assert, assertEq, assertIncludes }) {
  test("table: rows grouped by pillar, caption, columns and words", async () => {
    const { page, context, errors } = await open("/tests/pages/table.html");
    await ready(page, "chitieu-table#t", "tr.row:not([hidden])");
    const g = await groups(page, "chitieu-table#t");
    assertEq(g.map((x) => x.name).join(" | "), "Hạ tầng số | Chính quyền số | Kinh tế số | Chưa xếp trụ cột", "groups in pillar order, no pillar last");
    assertEq(g.map((x) => x.rows.length).join(","), "4,4,2,2", "rows per group");
    assertEq(await rowCount(page, "chitieu-table#t"), 12, "all rows");
    assertEq((await page.locator("chitieu-table#t caption").innerText()).trim(),
      "Kế hoạch thử nghiệm chuyển đổi số năm 2024 — số liệu đến 30/06/2024", "caption");
    assertEq((await page.locator("chitieu-table#t [role=status]").innerText()).trim(), "12/12 chỉ tiêu", "live count");
    const headers = await page.locator("chitieu-table#t thead th").allInnerTexts();
    assertEq(headers.map((h) => h.replace(/[↕▲▼]/g, "").trim()).join(" | "),
      "Chỉ tiêu | Cấp | Mục tiêu | Thời hạn | Kết quả mới nhất | Mức đạt | Tình trạng", "column headers");

    const row = (name) => page.locator("chitieu-table#t tr.row", { hasText: name });
    const tinh = await row("hồ sơ công việc cấp tỉnh").innerText();
    for (const part of ["Cấp tỉnh", "Trên 95% hồ sơ công việc tại cấp tỉnh", "2025", "90% (2023)", "94,7%", "Đúng tiến độ"]) {
      assertIncludes(tinh, part, "province row");
    }
    assertIncludes(await row("cấp huyện").innerText(), "trên 90%", "target phrase when the plan's words are missing");
    const wifi = await row("wifi").innerText();
    assertIncludes(wifi, "Chưa có số liệu", "no data in words");
    assertIncludes(wifi, "—", "no data dash");
    assertIncludes(await row("kỹ năng số").innerText(), "Số liệu cũ", "stale flag");
    assertEq(await page.locator("chitieu-table#t tr.row td.c-attainment svg.bullet-chart").count(), 12, "a compact bullet per row");

    const seed = await ready(page, "chitieu-table#seed", "caption");
    assertEq((await seed.innerText()).trim(), "Kế hoạch Chuyển đổi số tỉnh Quảng Nam năm 2024 — số liệu đến 15/01/2024", "seed caption");
    const inline = await page.evaluate(() => [...document.querySelectorAll("chitieu-table")]
      .reduce((n, el) => n + (el.shadowRoot ? el.shadowRoot.querySelectorAll("[style]").length : 0), 0));
    assertEq(inline, 0, "inline style attributes");
    assertEq(errors.join("\n"), "", "console errors");
    await context.close();
  });

  test("table: sorting by click and keyboard sets aria-sort; missing values stay last", async () => {
    const { page, context, errors } = await open("/tests/pages/table.html");
    await ready(page, "chitieu-table#t", "tr.row:not([hidden])");
    const th = (name) => page.locator("chitieu-table#t thead th", { hasText: name });
    const infra = async () => (await groups(page, "chitieu-table#t"))[0].rows;

    await th("Mức đạt").locator("button").click();
    assertEq(await th("Mức đạt").getAttribute("aria-sort"), "ascending", "aria-sort after a click");
    assertEq((await infra()).join(" | "),
      "Hộ gia đình có đường truyền cáp quang | Đường truyền số liệu chuyên dùng đến cấp xã | Phủ sóng di động 4G/5G | Nhà văn hóa thôn có wifi phục vụ người dân",
      "attainment ascending, no data last");
    await th("Mức đạt").locator("button").click();
    assertEq(await th("Mức đạt").getAttribute("aria-sort"), "descending", "aria-sort after a second click");
    assertEq((await infra()).join(" | "),
      "Phủ sóng di động 4G/5G | Đường truyền số liệu chuyên dùng đến cấp xã | Hộ gia đình có đường truyền cáp quang | Nhà văn hóa thôn có wifi phục vụ người dân",
      "attainment descending, no data still last");

    // Keyboard: the header buttons take focus; Enter and Space sort.
    await th("Chỉ tiêu").locator("button").focus();
    await page.keyboard.press("Enter");
    assertEq(await th("Chỉ tiêu").getAttribute("aria-sort"), "ascending", "Enter sorts");
    assertEq(await th("Mức đạt").getAttribute("aria-sort"), null, "only one column carries aria-sort");
    assertEq((await infra()).join(" | "),
      "Đường truyền số liệu chuyên dùng đến cấp xã | Hộ gia đình có đường truyền cáp quang | Nhà văn hóa thôn có wifi phục vụ người dân | Phủ sóng di động 4G/5G",
      "names ascending, đ sorting with d");
    await page.keyboard.press("Space");
    assertEq(await th("Chỉ tiêu").getAttribute("aria-sort"), "descending", "Space sorts the other way");
    const focused = await page.evaluate(() => {
      const a = document.querySelector("chitieu-table#t").shadowRoot.activeElement;
      return a ? a.tagName + " " + a.textContent : "";
    });
    assertIncludes(focused, "BUTTON Chỉ tiêu", "focus stays on the header button");

    await th("Tình trạng").locator("button").click();
    const gov = (await groups(page, "chitieu-table#t"))[1].rows;
    assertEq(gov.join(" | "),
      "Dịch vụ công trực tuyến toàn trình | Tỷ lệ hồ sơ công việc cấp tỉnh xử lý trên môi trường mạng | Tỷ lệ hồ sơ công việc cấp huyện xử lý trên môi trường mạng | Tỷ lệ hồ sơ công việc cấp xã xử lý trên môi trường mạng",
      "status best first");
    assertEq(errors.join("\n"), "", "console errors");
    await context.close();
  });

  test("table: pillar, level and status filters, a diacritic-blind search, the live count", async () => {
    const { page, context, errors } = await open("/tests/pages/table.html");
    await ready(page, "chitieu-table#t", "tr.row:not([hidden])");
    const T = "chitieu-table#t";
    const count = async () => (await page.locator(`${T} [role=status]`).innerText()).trim();
    const select = (label) => page.locator(`${T} label.field`, { hasText: label }).locator("select");

    await select("Trụ cột").selectOption({ label: "Kinh tế số" });
    assertEq(await rowCount(page, T), 2, "pillar filter");
    assertEq(await count(), "2/12 chỉ tiêu", "live region after a filter");
    assertEq((await groups(page, T)).map((g) => g.name).join(), "Kinh tế số", "only that group");
    await select("Trụ cột").selectOption({ label: "Tất cả" });

    await select("Cấp").selectOption({ label: "Cấp huyện" });
    assertEq(await rowCount(page, T), 1, "level filter");
    await select("Cấp").selectOption({ label: "Tất cả" });

    await select("Tình trạng").selectOption({ label: "Đã đạt" });
    assertEq(await rowCount(page, T), 3, "status filter");
    assertEq(await count(), "3/12 chỉ tiêu", "count for the status filter");
    await select("Tình trạng").selectOption({ label: "Tất cả" });
    assertEq(await count(), "12/12 chỉ tiêu", "count back to all");

    const search = page.locator(`${T} input[type=search]`);
    await search.fill("ho so");
    assertEq(await rowCount(page, T), 3, "'ho so' finds 'hồ sơ'");
    await search.fill("HỒ SƠ cấp XA");
    assertEq(await rowCount(page, T), 1, "case and marks ignored, every word must match");
    await search.fill("duong truyen");
    assertEq(await rowCount(page, T), 2, "'d' finds 'đ'");
    await search.fill("đuong");
    assertEq(await rowCount(page, T), 2, "'đ' in the query too");
    await search.fill("không có gì như thế");
    assertEq(await rowCount(page, T), 0, "no match");
    assertEq(await count(), "0/12 chỉ tiêu", "zero count");
    assertIncludes(await page.locator(`${T} p.empty`).innerText(), "Không có chỉ tiêu nào phù hợp với bộ lọc", "empty message");
    await page.locator(`${T} p.empty button`).click();
    assertEq(await rowCount(page, T), 12, "clearing the filters");
    assertEq(await search.inputValue(), "", "search box cleared");
    assertEq(errors.join("\n"), "", "console errors");
    await context.close();
  });

  test("table: initial filters from attributes; unknown values are named with the allowed ones", async () => {
    const { page, context, errors } = await open("/tests/pages/table.html");
    await ready(page, "chitieu-table#pre", "tr.row:not([hidden])");
    assertEq(await rowCount(page, "chitieu-table#pre"), 3, "status=achieved");
    assertEq((await page.locator("chitieu-table#pre [role=status]").innerText()).trim(), "3/12 indicators", "English count");
    const selected = await page.locator("chitieu-table#pre label.field", { hasText: "Status" }).locator("select option:checked").innerText();
    assertEq(selected.trim(), "Achieved", "the select shows the attribute's filter");
    const lvl = await (await ready(page, "chitieu-table#bad-level", "[role=alert]")).innerText();
    assertIncludes(lvl, "'level'", "names the attribute");
    assertIncludes(lvl, "province, district, commune", "lists the allowed values");
    const st = await (await ready(page, "chitieu-table#bad-status", "[role=alert]")).innerText();
    assertIncludes(st, "'status'", "names the attribute");
    assertIncludes(st, "on-track", "lists the statuses");
    const pl = await (await ready(page, "chitieu-table#bad-pillar", "[role=alert]")).innerText();
    assertIncludes(pl, "'pillar'", "names the attribute");
    assertIncludes(pl, "ha-tang-so, chinh-quyen-so, kinh-te-so", "lists the dataset's pillars");
    assertEq(errors.join("\n"), "", "console errors");
    await context.close();
  });

  test("table: cards on a 400 px screen, each cell with its visible label; a grid of columns when wide", async () => {
    const { page, context, errors } = await open("/tests/pages/table.html", { viewport: { width: 400, height: 800 } });
    await ready(page, "chitieu-table#t", "tr.row:not([hidden])");
    const look = () => page.evaluate(() => {
      const root = document.querySelector("chitieu-table#t").shadowRoot;
      const row = root.querySelector("tr.row:not([hidden])");
      const cell = row.querySelector("td.c-level");
      return {
        row: getComputedStyle(row).display,
        label: getComputedStyle(cell, "::before").content,
        width: root.querySelector(".table").getBoundingClientRect().width,
      };
    });
    const narrow = await look();
    assert(narrow.width < 600, `widget is narrow (${narrow.width})`);
    assertEq(narrow.row, "block", "rows are cards");
    assertEq(narrow.label, '"Cấp"', "cell label shown");
    // The sort buttons stay usable as a row of buttons.
    assert(await page.locator("chitieu-table#t thead th button", { hasText: "Mức đạt" }).isVisible(), "sort buttons visible");
    await page.setViewportSize({ width: 1100, height: 800 });
    await page.waitForFunction(() => getComputedStyle(
      document.querySelector("chitieu-table#t").shadowRoot.querySelector("tr.row")).display === "grid");
    const wide = await look();
    assertEq(wide.row, "grid", "rows are rows of one column grid again when wide");
    const columns = await page.evaluate(() => {
      const root = document.querySelector("chitieu-table#t").shadowRoot;
      const x = (sel) => [...root.querySelectorAll(sel)].map((c) => Math.round(c.getBoundingClientRect().left));
      return { head: x("thead th").join(), row: x("tr.row:not([hidden]) > *").slice(0, 7).join() };
    });
    assertEq(columns.row, columns.head, "cells line up under their headers");
    assertEq(wide.label, "none", "no labels in the table layout");
    assertEq(errors.join("\n"), "", "console errors");
    await context.close();
  });

  test("table: CSV download of the visible rows, UTF-8 with BOM", async () => {
    const { page, context, errors } = await open("/tests/pages/table.html");
    await ready(page, "chitieu-table#t", "tr.row:not([hidden])");
    const T = "chitieu-table#t";
    const fetchCsv = async () => {
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.locator(`${T} button.csv`).click(),
      ]);
      assertEq(download.suggestedFilename(), "thu-nghiem-2024.csv", "file name from the plan id");
      return readFile(await download.path());
    };
    let bytes = await fetchCsv();
    assertEq([...bytes.subarray(0, 3)].join(","), "239,187,191", "UTF-8 byte-order mark");
    let lines = bytes.toString("utf8").slice(1).split("\r\n");
    assertEq(lines.pop(), "", "ends with CRLF");
    assertEq(lines[0], "Mã chỉ tiêu,Chỉ tiêu,Trụ cột,Cấp,Mục tiêu,Thời hạn,Thực hiện,Kỳ số liệu,Mức đạt,Tình trạng", "header");
    assertEq(lines.length, 13, "header and 12 rows");
    assertEq(lines[1], "cap-quang,Hộ gia đình có đường truyền cáp quang,Hạ tầng số,,tối thiểu 90%,2023,82%,2023,\"91,1%\",Không đạt", "first row, quoted decimal comma");

    await page.locator(`${T} label.field`, { hasText: "Tình trạng" }).locator("select").selectOption({ label: "Đã đạt" });
    bytes = await fetchCsv();
    lines = bytes.toString("utf8").slice(1).split("\r\n").filter((l) => l);
    assertEq(lines.length, 4, "only the visible rows");
    assert(lines.slice(1).every((l) => l.endsWith(",Đã đạt")), "all achieved");
    assertEq(errors.join("\n"), "", "console errors");
    await context.close();
  });

  test("table: 2,000 indicators render, sort and filter", async () => {
    const { page, context, errors } = await open("/tests/pages/table.html");
    const data = JSON.stringify(bigDataset(2000));
    await page.route("**/generated/big-2000.json", (route) =>
      route.fulfill({ status: 200, contentType: "application/json", body: data }));
    await page.evaluate(() => {
      const el = document.createElement("chitieu-table");
      el.id = "big";
      el.setAttribute("src", "/generated/big-2000.json");
      document.body.prepend(el);
    });
    const T = "chitieu-table#big";
    await ready(page, T, "tr.row:not([hidden])");
    await page.locator(`${T} [role=status]`).filter({ hasText: "2.000/2.000 chỉ tiêu" }).waitFor({ timeout: 30_000 });
    assertEq(await page.locator(`${T} tr.row`).count(), 2000, "every row rendered");

    await page.locator(`${T} thead th`, { hasText: "Kết quả mới nhất" }).locator("button").click();
    await page.locator(`${T} thead th[aria-sort=ascending]`).waitFor();
    await page.locator(`${T} thead th`, { hasText: "Kết quả mới nhất" }).locator("button").click();
    await page.locator(`${T} thead th[aria-sort=descending]`).waitFor({ timeout: 30_000 });
    const values = await page.evaluate((host) => {
      const root = document.querySelector(host).shadowRoot;
      return [...root.querySelectorAll("tbody")].map((tb) =>
        [...tb.querySelectorAll("tr.row:not([hidden]) td.c-latest .v")].map((td) => td.querySelector(".num")?.textContent ?? null));
    }, T);
    assertEq(values.length, 5, "four pillars and the rest");
    for (const g of values) {
      const firstMissing = g.indexOf(null);
      const present = (firstMissing < 0 ? g : g.slice(0, firstMissing)).map(viNumber);
      assert(firstMissing < 0 || g.slice(firstMissing).every((v) => v === null), "missing values last");
      for (let i = 1; i < present.length; i++) {
        assert(present[i - 1] >= present[i], `descending at ${i}: ${present[i - 1]} then ${present[i]}`);
      }
    }
    await page.locator(`${T} input[type=search]`).fill("chi so 1999");
    assertEq(await rowCount(page, T), 1, "search in 2,000 rows");
    assertEq((await page.locator(`${T} [role=status]`).innerText()).trim(), "1/2.000 chỉ tiêu", "count with thousands dot");
    assertEq(errors.join("\n"), "", "console errors");
    await context.close();
  });

  // axe on four widgets per theme takes a while: two runs per test, within the time limit.
  for (const runs of [[["light", 1280], ["dark", 400]], [["dark", 1280], ["light", 400]]]) {
    test(`bullet and table pass axe (WCAG 2.2 AA, contrast included): ${runs.map((r) => r.join(" ")).join(", ")} px`, async () => {
      for (const [scheme, width] of runs) {
        const { page, context, errors } = await open("/tests/pages/themes.html",
          { viewport: { width, height: 8000 }, colorScheme: scheme });
        await page.locator("chitieu-table[theme=auto] tr.row").first().waitFor({ timeout: 20_000 });
        await page.locator("chitieu-bullet[theme=auto] figure").waitFor({ timeout: 20_000 });
        const result = await new AxeBuilder({ page })
          .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
          .analyze();
        const found = result.violations.map((v) => `${v.id} (${v.nodes.length}): ${v.nodes.slice(0, 2).map((n) => JSON.stringify(n.target)).join(" ")}`);
        assertEq(found.join("\n"), "", `axe violations, ${scheme} ${width}px`);
        assertEq(errors.join("\n"), "", "console errors");
        await context.close();
      }
    });
  }
}
