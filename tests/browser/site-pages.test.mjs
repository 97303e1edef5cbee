// The www/ site, page by page: every widget renders, no console error, no CSP violation
// under the page's own strict policy, the same header and navigation everywhere, no
// inline script or style, and the language toggle switches the page and its widgets.
//
// `site` (an object, so the runner does not take it for a test registrar) holds helpers
// the other site-*.test.mjs files import.

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const HOSTS = "chitieu-gauge, chitieu-bullet, chitieu-trend, chitieu-table, chitieu-scorecard, [data-chitieu]";

export const PAGES = [
  { path: "/index.html", nav: "Trang chủ", navEn: "Home", minWidgets: 7 },
  { path: "/gallery.html", nav: "Thư viện biểu đồ", navEn: "Widget gallery", minWidgets: 7 },
  { path: "/embed.html", nav: "Nhúng vào cổng thông tin", navEn: "Embed in a portal", minWidgets: 10 },
  { path: "/playground.html", nav: "Thử dữ liệu của bạn", navEn: "Try your data", minWidgets: 1, extraHosts: "#live" },
  { path: "/compare.html", nav: "So sánh các tỉnh", navEn: "Compare provinces", minWidgets: 2 },
  { path: "/portal.html", nav: "Cổng mẫu", navEn: "Sample portal", minWidgets: 5 },
];

/** Records securitypolicyviolation events from before the page's first script. */
function recordViolations() {
  window.__violations = [];
  document.addEventListener("securitypolicyviolation", (e) => {
    window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile || ""}:${e.lineNumber || ""}`);
  });
}

export const site = {
  HOSTS,
  recordViolations,
  /** Opens a site page recording CSP violations; a tall viewport unless told otherwise. */
  open(open, path, options = {}) {
    return open(path, { viewport: { width: 1280, height: 1000 }, init: recordViolations, ...options });
  },
  /** Scrolls each widget host into view (they start near the viewport) and waits until it
   *  has rendered; returns how many there are. `extra` adds hosts such as a mount() target. */
  async renderAll(page, extra) {
    const selector = extra ? `${HOSTS}, ${extra}` : HOSTS;
    const hosts = page.locator(selector);
    const n = await hosts.count();
    for (let i = 0; i < n; i++) {
      const h = hosts.nth(i);
      if (!(await h.isVisible())) continue;
      await h.scrollIntoViewIfNeeded();
      await h.locator(".chitieu:not(.loading)").first().waitFor({ timeout: 20_000 });
    }
    return n;
  },
  /** Texts of the error boxes widgets show. */
  async widgetErrors(page, extra) {
    const selector = extra ? `${HOSTS}, ${extra}` : HOSTS;
    return page.evaluate((sel) => [...document.querySelectorAll(sel)]
      .filter((h) => h.shadowRoot && h.shadowRoot.querySelector(".chitieu.error"))
      .map((h) => `${h.localName}#${h.id}: ${h.shadowRoot.querySelector(".chitieu.error").textContent}`), selector);
  },
  async violations(page) {
    return (await page.evaluate(() => window.__violations || [])).join("\n");
  },
  /** Waits until every visible widget on the page renders in `lang`. */
  async widgetsIn(page, lang, extra) {
    const selector = extra ? `${HOSTS}, ${extra}` : HOSTS;
    await page.waitForFunction(([sel, lang]) => [...document.querySelectorAll(sel)]
      .filter((h) => h.shadowRoot && h.shadowRoot.querySelector(".chitieu:not(.loading)"))
      .every((h) => h.shadowRoot.querySelector(".chitieu").getAttribute("lang") === lang), [selector, lang], { timeout: 15_000 });
  },
};

export default function ({ test, open, base, assert, assertEq, assertIncludes }) {
  for (const p of PAGES) {
    test(`site ${p.path}: every widget renders, no console error, no CSP violation`, async () => {
      const { page, context, errors } = await site.open(open, p.path);
      // The policy is the page's first element after the charset, so it covers every script and stylesheet.
      const meta = await page.evaluate(() => {
        const m = document.querySelector('meta[http-equiv="Content-Security-Policy"]');
        const first = document.head.querySelector("script, link[rel=stylesheet], style");
        return m && { content: m.content, before: !!(m.compareDocumentPosition(first) & Node.DOCUMENT_POSITION_FOLLOWING) };
      });
      assert(meta, "a CSP <meta http-equiv>");
      assertEq(meta.content, CSP, "CSP");
      assert(meta.before, "the CSP comes before every script and stylesheet");
      // Some pages (compare) add their widgets after fetching the datasets: wait for them to
      // exist before counting; the count is still asserted below.
      const hostSelector = p.extraHosts ? `${HOSTS}, ${p.extraHosts}` : HOSTS;
      await page.waitForFunction(([sel, min]) => document.querySelectorAll(sel).length >= min,
        [hostSelector, p.minWidgets], { timeout: 20_000 }).catch(() => {});
      const n = await site.renderAll(page, p.extraHosts);
      assert(n >= p.minWidgets, `${p.path} shows ${n} widgets, expected at least ${p.minWidgets}`);
      assertEq((await site.widgetErrors(page, p.extraHosts)).join("\n"), "", "widgets showing an error");
      assertEq(await site.violations(page), "", "CSP violations");
      assertEq(errors.join("\n"), "", "console errors");
      await context.close();
    });

    test(`site ${p.path}: the common header, aria-current on this page, no inline script or style`, async () => {
      const { page, context, errors } = await site.open(open, p.path);
      const nav = await page.evaluate(() => [...document.querySelectorAll("header.site nav a")]
        .map((a) => `${a.getAttribute("href")}|${a.textContent.trim()}|${a.getAttribute("aria-current") || ""}`));
      assertEq(nav.map((l) => l.split("|").slice(0, 2).join("|")).join(", "),
        "index.html|Trang chủ, gallery.html|Thư viện biểu đồ, embed.html|Nhúng vào cổng thông tin, " +
        "playground.html|Thử dữ liệu của bạn, compare.html|So sánh các tỉnh, portal.html|Cổng mẫu", "navigation");
      const current = nav.filter((l) => l.endsWith("|page"));
      assertEq(current.length, 1, "links with aria-current=page");
      assertIncludes(current[0], `|${p.nav}|`, "aria-current link");
      assertEq(await page.locator("#lang-toggle").count(), 1, "language toggle");
      assertEq(await page.locator("a.skip-link[href='#main']").count() + await page.locator("main#main").count(), 2, "skip link to main");
      // The HTML as served: no <style>, no style="", no inline event handlers, and every
      // <script> either external or a JSON data block (which browsers do not run).
      const html = await (await fetch(new URL(p.path, base))).text();
      assert(!/<style[\s>]/i.test(html), "no <style> element");
      assert(!/\sstyle\s*=/i.test(html), "no style attribute");
      assert(!/\son[a-z]+\s*=/i.test(html), "no inline event handler");
      const scripts = html.match(/<script\b[^>]*>/gi) || [];
      const inline = scripts.filter((s) => !/\ssrc=/.test(s) && !/type="application\/json"/.test(s));
      assertEq(inline.join(" "), "", "inline scripts");
      // And in the live DOM, outside the widgets' shadow roots, after the page's scripts ran.
      await site.renderAll(page, p.extraHosts);
      assertEq(await page.evaluate(() => document.querySelectorAll("[style]").length), 0, "elements with a style attribute");
      assertEq(errors.join("\n"), "", "console errors");
      await context.close();
    });

    test(`site ${p.path}: the language toggle switches the page and its widgets, and back`, async () => {
      const { page, context, errors } = await site.open(open, p.path);
      await site.renderAll(page, p.extraHosts);
      const h1 = page.locator("header.site h1");
      const h1En = await h1.getAttribute("data-en");
      await page.click("#lang-toggle");
      assertEq(await page.evaluate(() => document.documentElement.lang), "en", "<html lang>");
      assertEq(await h1.innerText(), h1En, "heading in English");
      assertEq((await page.locator("header.site nav a[aria-current=page]").innerText()).trim(), p.navEn, "navigation in English");
      assertEq(await page.locator("#lang-toggle").innerText(), "Tiếng Việt", "toggle names the other language");
      assertEq(await page.evaluate(() => [...document.querySelectorAll("[data-show-lang=vi]")].filter((e) => !e.hidden).length), 0, "Vietnamese-only blocks hidden");
      await site.widgetsIn(page, "en", p.extraHosts);
      await page.click("#lang-toggle");
      assertEq(await page.evaluate(() => document.documentElement.lang), "vi", "<html lang> back");
      assertEq(await h1.innerText(), await h1.getAttribute("data-vi"), "heading back in Vietnamese");
      await site.widgetsIn(page, "vi", p.extraHosts);
      assertEq(await site.violations(page), "", "CSP violations");
      assertEq(errors.join("\n"), "", "console errors");
      await context.close();
    });
  }

  test("site: the chosen language is kept for the next page, and ?lang=en chooses it", async () => {
    const { page, context, errors } = await site.open(open, "/gallery.html");
    await page.click("#lang-toggle");
    await page.click("header.site nav a[href='compare.html']");
    await page.waitForURL(/compare\.html/);
    assertEq(await page.evaluate(() => document.documentElement.lang), "en", "next page's language");
    assertEq(await page.locator("header.site h1").innerText(), "Compare provinces", "next page's heading");
    await context.close();
    const second = await site.open(open, "/embed.html?lang=en");
    assertEq(await second.page.locator("header.site h1").innerText(), "Embed in a portal", "?lang=en");
    assertEq(errors.concat(second.errors).join("\n"), "", "console errors");
    await second.context.close();
  });
}
