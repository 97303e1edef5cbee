// Export: each widget's chart as SVG and PNG, and the data it shows as chitieu/1 CSV.

import { readFile } from "node:fs/promises";

export default function ({ test, open, assert, assertEq, assertIncludes }) {
  test("export: gauge as SVG (with its title and styles), PNG, and its data as chitieu/1 CSV", async () => {
    const { page, context, errors } = await open("/tests/pages/gauge.html", { acceptDownloads: true });
    await page.locator("chitieu-gauge#g figure.gauge").waitFor({ timeout: 20_000 });
    await page.locator("chitieu-gauge#g details.export summary").click();
    const get = async (label) => {
      const [dl] = await Promise.all([
        page.waitForEvent("download"),
        page.locator("chitieu-gauge#g details.export button", { hasText: label }).click(),
      ]);
      return { name: dl.suggestedFilename(), bytes: await readFile(await dl.path()) };
    };
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
