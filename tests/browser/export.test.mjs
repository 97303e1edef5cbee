// Export: each widget's chart as SVG and PNG, and the data it shows as chitieu/1 CSV.

import { readFile } from "node:fs/promises";

/** Saves what the download menu of the widget `host` (a selector) offers under `label`. */
async function download(page, host, label) {
  const [dl] = await Promise.all([
    page.waitForEvent("download"),
    page.locator(`${host} details.export button`, { hasText: label }).click(),
  ]);
  return { name: dl.suggestedFilename(), bytes: await readFile(await dl.path()) };
}

export default function ({ test, open, assert, assertEq, assertIncludes }) {
  test("export: gauge as SVG (with its title and styles), PNG, and its data as chitieu/1 CSV", async () => {
    const { page, context, errors } = await open("/tests/pages/gauge.html", { acceptDownloads: true });
    await page.locator("chitieu-gauge#g figure.gauge").waitFor({ timeout: 20_000 });
    await page.locator("chitieu-gauge#g details.export summary").click();
    const get = (label) => download(page, "chitieu-gauge#g", label);
    const svg = await get("Ảnh SVG");
    assertEq(svg.name, "chitieu-gauge-wifi-nha-van-hoa.svg", "SVG file name");
    const svgText = svg.bytes.toString("utf8");
    assert(svgText.startsWith("<?xml") && svgText.includes('xmlns="http://www.w3.org/2000/svg"'), "standalone SVG");
    assertIncludes(svgText, "81,77%", "value in the SVG");
    assertIncludes(svgText, "<title>", "title (text alternative)");
    assertIncludes(svgText, ".gauge .track", "stylesheet inside");
    const png = await get("Ảnh PNG");
    assertEq(png.bytes.subarray(1, 4).toString("latin1"), "PNG", "PNG signature");
    const csv = await get("Dữ liệu CSV");
    const csvText = csv.bytes.toString("utf8");
    assertIncludes(csvText, "record,id", "chitieu/1 CSV header");
    assertIncludes(csvText, "observation,wifi-nha-van-hoa,2023", "the observation");
    assert(!csvText.includes("hscv-tinh"), "only the data this gauge shows");
    assertEq(errors.join("\n"), "", "console errors");
    await context.close();
  });

  test("export: the CSV puts an apostrophe before text a spreadsheet would run, not before numbers", async () => {
    const { page, context, errors } = await open("/tests/pages/gauge.html", { acceptDownloads: true });
    const data = {
      schema: "chitieu/1", plan: { id: "p", title: "Kế hoạch" }, as_of: "2024-06-30",
      indicators: [{
        id: "@wifi", name: '=HYPERLINK("http://x.invalid","Xem")', unit: "percent",
        targets: [{ text: "-Đạt 100%", op: "gte", value: 100, deadline: "2025" }],
        baseline: { period: "2022", value: -5 },
        observations: [{ period: "2023", value: 81.8 }],
      }],
    };
    await page.evaluate((json) => {
      const g = document.createElement("chitieu-gauge");
      g.id = "f";
      g.setAttribute("indicator", "@wifi");
      const s = document.createElement("script");
      s.type = "application/json";
      s.textContent = json;
      g.appendChild(s);
      document.body.appendChild(g);
    }, JSON.stringify(data));
    await page.locator("chitieu-gauge#f figure.gauge").waitFor({ timeout: 20_000 });
    await page.locator("chitieu-gauge#f details.export summary").click();
    const csv = (await download(page, "chitieu-gauge#f", "Dữ liệu CSV")).bytes.toString("utf8");
    assertIncludes(csv, "\nindicator,'@wifi,", "the id");
    assertIncludes(csv, `,"'=HYPERLINK(""http://x.invalid"",""Xem"")",`, "the name");
    assertIncludes(csv, ",'-Đạt 100%,", "the target's text");
    assertIncludes(csv, "\nbaseline,'@wifi,2022,-5,", "a negative number as it is");
    assertIncludes(csv, "\nobservation,'@wifi,2023,81.8,", "a number as it is");
    assertEq(errors.join("\n"), "", "console errors");
    await context.close();
  });

  test("export: the table's download menu saves the rows the reader's search and filters let through", async () => {
    const { page, context, errors } = await open("/tests/pages/table.html", { acceptDownloads: true });
    const T = "chitieu-table#t";
    await page.locator(`${T} tr.row`).first().waitFor({ timeout: 20_000 });
    const csv = async () => {
      await page.locator(`${T} details.export summary`).click();
      const [dl] = await Promise.all([
        page.waitForEvent("download"),
        page.locator(`${T} details.export button`, { hasText: "Dữ liệu CSV" }).click(),
      ]);
      await page.locator(`${T} details.export summary`).click();
      const text = (await readFile(await dl.path())).toString("utf8");
      // chitieu/1 CSV: one "indicator" record per indicator.
      return text.split(/\r?\n/).filter((l) => l.startsWith("indicator,")).map((l) => l.split(",")[1]);
    };
    assertEq((await csv()).length, 12, "every indicator before any filter");
    // Without diacritics, as readers type: the three "hồ sơ công việc" indicators.
    await page.locator(`${T} input[type=search]`).fill("ho so cong viec");
    await page.locator(`${T} [role=status]`, { hasText: "3/12" }).waitFor({ timeout: 10_000 });
    assertEq((await csv()).join(" "), "hscv-tinh hscv-huyen hscv-xa", "the rows the search lets through");
    await page.locator(`${T} select[data-act=level]`).selectOption("district");
    await page.locator(`${T} [role=status]`, { hasText: "1/12" }).waitFor({ timeout: 10_000 });
    assertEq((await csv()).join(" "), "hscv-huyen", "search and level filter together");
    // A pillar filter alone: the pillar's rows, and only that pillar.
    await page.locator(`${T} input[type=search]`).fill("");
    await page.locator(`${T} select[data-act=level]`).selectOption("");
    await page.locator(`${T} select[data-act=pillar]`).selectOption({ label: "Hạ tầng số" });
    await page.locator(`${T} [role=status]`, { hasText: "4/12" }).waitFor({ timeout: 10_000 });
    assertEq((await csv()).join(" "), "cap-quang wifi-nha-van-hoa phu-song duong-truyen-xa", "the pillar's rows");
    assertEq(errors.join("\n"), "", "console errors");
    await context.close();
  });

  /** The card of every widget on `page` that shows its figures, and its download bar:
   *  closed and open, the bar is flush with the card's sides, starts where the card's
   *  content ends, has its border, background and corners and no top border, and the
   *  summary and buttons lie inside the card's frame, the summary at its content edge.
   *  Adds each widget measured to `seen` as `chitieu-NAME[theme=…]`. */
  async function checkFrames(page, seen) {
    const near = (a, b) => Math.abs(a - b) <= 1;
    const inside = (x, f) => x.l >= f.l - 0.5 && x.r <= f.r + 0.5 && x.t >= f.t - 0.5 && x.b <= f.b + 0.5;
    const hosts = page.locator("chitieu-gauge, chitieu-bullet, chitieu-trend, chitieu-scorecard, chitieu-table");
    for (let i = 0, n = await hosts.count(); i < n; i++) {
      const host = hosts.nth(i);
      await host.scrollIntoViewIfNeeded();
      await host.locator(".chitieu:not(.loading)").first().waitFor({ timeout: 20_000 });
      const what = await host.evaluate((h) => `${h.localName}[theme=${h.getAttribute("theme")}]`);
      // A widget that says what is wrong has nothing to download.
      if (await host.locator(".chitieu.error").count()) {
        assertEq(await host.locator("details.export").count(), 0, `${what}: no menu under an error`);
        continue;
      }
      seen.add(what);
      const measure = () => host.evaluate((h) => {
        const r = h.shadowRoot;
        const box = (el) => { const b = el.getBoundingClientRect(); return { l: b.left, t: b.top, r: b.right, b: b.bottom }; };
        const card = r.querySelector(".mount > .chitieu"), bar = r.querySelector("details.export");
        const cs = getComputedStyle(card), bs = getComputedStyle(bar);
        const px = (v) => parseFloat(v);
        return {
          card: box(card), bar: box(bar), summary: box(bar.querySelector("summary")),
          parts: [...bar.querySelectorAll(".export-menu button")].map(box),
          contentEnd: card.getBoundingClientRect().right - px(cs.borderRightWidth) - px(cs.paddingRight),
          contentBottom: card.getBoundingClientRect().bottom - px(cs.borderBottomWidth) - px(cs.paddingBottom),
          cardBorder: [cs.borderLeftStyle, cs.borderLeftWidth, cs.borderLeftColor, cs.backgroundColor, cs.borderBottomLeftRadius].join(" "),
          barBorder: [bs.borderLeftStyle, bs.borderLeftWidth, bs.borderLeftColor, bs.backgroundColor, bs.borderBottomLeftRadius].join(" "),
          barSides: [bs.borderRightStyle, bs.borderBottomStyle, bs.borderTopStyle].join(" "),
        };
      });
      for (const state of ["closed", "open"]) {
        if (state === "open") {
          await host.locator("details.export summary").click();
          await host.locator("details.export .export-menu button").last().waitFor({ timeout: 5_000 });
        }
        const m = await measure();
        const about = `${what} ${state}: ${JSON.stringify(m)}`;
        // One card: the bar lies over the card's bottom padding and border, flush from the
        // card's content down, with the card's sides, background and bottom corners.
        assert(near(m.bar.l, m.card.l) && near(m.bar.r, m.card.r), `bar flush with the card's sides: ${about}`);
        assert(near(m.bar.t, m.contentBottom), `bar starts where the card's content ends: ${about}`);
        assertEq(m.barBorder, m.cardBorder, `${what} ${state}: bar border and background`);
        assertEq(m.barSides, "solid solid none", `${what} ${state}: bar's right, bottom and top borders`);
        // The disclosure and, open, its buttons lie inside that card's frame.
        const frame = { l: m.card.l, r: m.card.r, t: m.card.t, b: m.bar.b };
        assert(inside(m.summary, frame), `summary inside the card: ${about}`);
        assert(near(m.summary.r, m.contentEnd), `summary aligned to the card's content edge: ${about}`);
        for (const b of m.parts) assert(inside(b, frame), `menu button inside the card: ${about}`);
        if (state === "open") assert(m.parts.length > 0, `${what}: menu buttons`);
      }
      await host.locator("details.export summary").click();
    }
  }

  for (const scheme of ["light", "dark"]) {
    test(`export: the download disclosure is the foot of each widget's card, inside its frame and aligned to its content edge, closed and open (every widget and theme; ${scheme} scheme)`, async () => {
      // The pages that show each widget in the light, dark, high-contrast and auto themes
      // (gauges as arc and ring, and some that fail on purpose).
      const seen = new Set();
      for (const url of ["/tests/pages/gauges.html", "/tests/pages/themes.html", "/tests/pages/widgets-themes.html"]) {
        const { page, context, errors } = await open(url, { colorScheme: scheme, viewport: { width: 1000, height: 900 } });
        await checkFrames(page, seen);
        // gauges.html asks for a missing file on purpose.
        assertEq(errors.filter((e) => !/HTTP 404|Failed to load resource/.test(e)).join("\n"), "", `${url}: console errors`);
        await context.close();
      }
      for (const w of ["gauge", "bullet", "trend", "scorecard", "table"]) {
        for (const theme of ["light", "dark", "high-contrast", "auto"]) {
          assert(seen.has(`chitieu-${w}[theme=${theme}]`), `chitieu-${w}[theme=${theme}] measured`);
        }
      }
    });
  }

  test("export under the strict CSP: SVG and CSV work; PNG says why it cannot", async () => {
    const { page, context } = await open("/tests/pages/embed/csp.html", { acceptDownloads: true });
    await page.locator("#a figure.gauge").waitFor({ timeout: 20_000 });
    await page.locator("#a details.export summary").click();
    const [dl] = await Promise.all([page.waitForEvent("download"), page.locator("#a details.export button", { hasText: "Ảnh SVG" }).click()]);
    assertIncludes((await readFile(await dl.path())).toString("utf8"), "81,77%", "SVG under CSP");
    await page.locator("#a details.export button", { hasText: "Ảnh PNG" }).click();
    await page.locator("#a .export-note", { hasText: "img-src blob:" }).waitFor({ timeout: 10_000 });
    await context.close();
  });
}
