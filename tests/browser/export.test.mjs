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
