// Helpers shared by the scorecard and trend tests: text contrast and inline styles inside
// a widget's shadow root. (Not a test file itself: the runner loads only *.test.mjs.)

/**
 * Every piece of visible text in the widget `hostSelector` whose contrast against the
 * widget's background is below `min` (WCAG 2 ratio), as "text: ratio" strings. HTML text
 * is judged by `color`, SVG text by `fill`; hidden text (visibility, sr-only clip) is skipped.
 */
export async function lowContrast(page, hostSelector, min = 4.5) {
  return page.evaluate(([sel, min]) => {
    const host = document.querySelector(sel);
    const root = host && host.shadowRoot;
    const box = root && root.querySelector(".chitieu");
    if (!box) return [`no widget at ${sel}`];
    const rgb = (s) => {
      const m = String(s).match(/rgba?\(([^)]+)\)/);
      if (!m) return null;
      const [r, g, b, a] = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
      return { r, g, b, a: a === undefined ? 1 : a };
    };
    const lum = ({ r, g, b }) => {
      const f = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4); };
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const ratio = (a, b) => {
      const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
      return (x + 0.05) / (y + 0.05);
    };
    const bg = rgb(getComputedStyle(box).backgroundColor);
    const bad = [];
    const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent.trim();
      const el = n.parentElement;
      if (!text || !el || el.closest(".sr-only")) continue;
      const cs = getComputedStyle(el);
      if (cs.visibility !== "visible" || cs.display === "none") continue;
      const isSvg = el instanceof SVGElement;
      const fg = rgb(isSvg ? cs.fill : cs.color);
      if (!fg || !bg) { bad.push(`${text}: unreadable colour`); continue; }
      const r = ratio(fg, bg);
      if (r < min) bad.push(`${text}: ${r.toFixed(2)}`);
    }
    return bad;
  }, [hostSelector, min]);
}

/** Elements with a `style` attribute inside any chitieu widget on the page. */
export async function inlineStyles(page) {
  return page.evaluate(() => {
    const found = [];
    for (const host of document.querySelectorAll("*")) {
      if (!host.localName.startsWith("chitieu-") || !host.shadowRoot) continue;
      for (const el of host.shadowRoot.querySelectorAll("[style]")) {
        found.push(`${host.localName}#${host.id}: <${el.localName} style="${el.getAttribute("style")}">`);
      }
    }
    return found;
  });
}

/**
 * Waits until every `tag` element on the page has rendered (a widget or an error),
 * scrolling the next one waiting into view, since widgets start only near the viewport.
 */
export async function allRendered(page, tag) {
  await page.waitForFunction((tag) => {
    const els = [...document.querySelectorAll(tag)];
    const waiting = els.filter((el) => !(el.shadowRoot && el.shadowRoot.querySelector("figure.chitieu, .chitieu.error")));
    if (waiting.length) waiting[0].scrollIntoView();
    return els.length > 0 && waiting.length === 0;
  }, tag, { timeout: 20_000, polling: 100 });
  await page.evaluate(() => window.scrollTo(0, 0));
}
