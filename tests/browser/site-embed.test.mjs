// "Nhúng vào cổng thông tin" (www/embed.html): each snippet's live preview is the snippet
// (same element, same attributes, the data from seeds/ instead of the portal's folder),
// "Sao chép" copies the snippet, and the events section logs chitieu:ready and chitieu:error.

import { site } from "./site-pages.test.mjs";

export default function ({ test, open, assert, assertEq, assertIncludes }) {
  test("embed: every preview is its snippet, and every widget kind has one", async () => {
    const { page, context, errors } = await site.open(open, "/embed.html");
    const pairs = await page.evaluate(() => [...document.querySelectorAll(".example")].map((ex) => {
      const parsed = new DOMParser().parseFromString(ex.querySelector("pre code").textContent, "text/html");
      const describe = (el) => {
        if (!el) return "(none)";
        const attrs = [...el.attributes]
          .filter((a) => !["lang", "data-lang", "id"].includes(a.name))
          .map((a) => `${a.name}=${/src$/.test(a.name) ? a.value.split("/").pop() : a.value}`)
          .sort();
        const data = el.querySelector('script[type="application/json"]');
        return `<${el.localName} ${attrs.join(" ")}>` + (data ? ` json:${JSON.stringify(JSON.parse(data.textContent))}` : "");
      };
      const widget = (root) => root.querySelector("chitieu-gauge, chitieu-bullet, chitieu-trend, chitieu-table, chitieu-scorecard, [data-chitieu]");
      return { id: ex.id, snippet: describe(widget(parsed.body)), preview: describe(widget(ex.querySelector(".preview"))),
               script: !!parsed.querySelector('script[src$="/chitieu/chitieu.js"]') || ex.id === "ex-theming" };
    }));
    assert(pairs.length >= 10, `examples: ${pairs.length}`);
    for (const p of pairs) {
      assertEq(p.preview, p.snippet, `${p.id}: preview vs snippet`);
      assert(p.script, `${p.id}: the snippet includes the script tag`);
    }
    const kinds = pairs.map((p) => p.snippet);
    for (const k of ["<chitieu-gauge indicator", "variant=ring", "<chitieu-bullet indicator", "variant=compact", "<chitieu-trend", "<chitieu-table", "<chitieu-scorecard", "data-chitieu=gauge", "json:"]) {
      assert(kinds.some((s) => s.includes(k)), `an example with ${k}`);
    }
    await site.renderAll(page);
    // The inline-JSON preview: 1014/1240 from the data inside the element.
    assertIncludes(await page.locator("#ex-inline .preview chitieu-gauge .chitieu").innerText(), "81,77%", "inline data drawn");
    // The theming example takes the portal's custom properties.
    const font = await page.locator("#ex-theming .preview chitieu-gauge .chitieu").evaluate((e) => getComputedStyle(e).fontFamily);
    assertIncludes(font, "Georgia", "--chitieu-font reaches the widget");
    assertEq(await site.violations(page), "", "CSP violations");
    assertEq(errors.join("\n"), "", "console errors");
    await context.close();
  });

  test("embed: Sao chép copies the snippet; without a clipboard it selects the code", async () => {
    const { page, context, errors } = await site.open(open, "/embed.html", {
      init: () => {
        window.__copied = [];
        const clip = { writeText: (t) => { window.__copied.push(t); return Promise.resolve(); } };
        Object.defineProperty(navigator, "clipboard", { value: clip, configurable: true });
      },
    });
    await page.click("button[data-copy='code-gauge']");
    await page.locator("#ex-gauge .copy-status.ok").waitFor({ timeout: 5_000 });
    assertEq(await page.locator("#ex-gauge .copy-status").innerText(), "Đã sao chép.", "status");
    const copied = await page.evaluate(() => window.__copied);
    assertEq(copied[0], '<script src="/chitieu/chitieu.js" defer></script>\n<chitieu-gauge src="/du-lieu/quang-nam-2024.json" indicator="wifi-nha-van-hoa"></chitieu-gauge>', "copied gauge snippet");
    await page.click("button[data-copy='code-csp']");
    await page.waitForFunction(() => window.__copied.length === 2);
    assertEq(await page.evaluate(() => window.__copied[1]), "script-src 'self' 'wasm-unsafe-eval'", "copied CSP line");
    // The status follows the language.
    await page.click("#lang-toggle");
    assertEq(await page.locator("#ex-gauge .copy-status").innerText(), "Copied.", "status in English");
    assertEq(errors.join("\n"), "", "console errors");
    await context.close();

    const old = await site.open(open, "/embed.html", {
      init: () => {
        Object.defineProperty(navigator, "clipboard", { value: undefined, configurable: true });
        document.execCommand = () => false;
      },
    });
    await old.page.click("button[data-copy='code-div']");
    await old.page.locator("#ex-div .copy-status").filter({ hasText: "Đã chọn đoạn mã" }).waitFor({ timeout: 5_000 });
    assertIncludes(await old.page.evaluate(() => String(window.getSelection())), '<div data-chitieu="gauge"', "the snippet is selected");
    assertEq(old.errors.join("\n"), "", "console errors (fallback)");
    await old.context.close();
  });

  test("embed: the events section logs chitieu:ready, and chitieu:error for a missing data file", async () => {
    const { page, context, errors } = await site.open(open, "/embed.html");
    await site.renderAll(page);
    await page.locator("#event-log li", { hasText: "chitieu:ready" }).first().waitFor({ state: "attached", timeout: 10_000 });
    await page.click("#make-error");
    const box = page.locator("#missing-file .chitieu.error");
    await box.waitFor({ timeout: 20_000 });
    assertIncludes(await box.innerText(), "HTTP 404", "the error says what happened");
    const logged = page.locator("#event-log li", { hasText: "chitieu:error" });
    await logged.waitFor({ state: "attached", timeout: 10_000 });
    assertIncludes(await logged.innerText(), "(#missing-file)", "where");
    assertIncludes(await page.locator("#event-summary").innerText(), "1 lần chitieu:error", "summary");
    assertEq(await site.violations(page), "", "CSP violations");
    // The 404 itself is expected (the browser reports it); nothing else.
    const other = errors.filter((e) => !e.includes("khong-co-tep-nay.json") && !/Failed to load resource: .*404/.test(e));
    assertEq(other.join("\n"), "", "console errors");
    await context.close();
  });
}
