// Accessibility: axe-core over every widget in every theme and both languages.
// Zero serious or critical violations (WCAG 2.2 AA rules), light and dark colour schemes.

import { AxeBuilder } from "@axe-core/playwright";

export default function ({ test, open, assert, assertEq }) {
  for (const scheme of ["light", "dark"]) {
    test(`axe: no serious or critical violations (prefers-color-scheme: ${scheme})`, async () => {
      // A tall viewport, so the lazy loader starts every widget.
      const { page, context, errors } = await open("/tests/pages/gallery.html", {
        colorScheme: scheme, viewport: { width: 1280, height: 12000 },
      });
      // Every widget in the gallery has rendered (or shown an error) before axe looks.
      await page.waitForFunction(() => {
        const els = [...document.querySelectorAll("#gallery [src]")];
        return els.length > 0 && els.every((e) => e.shadowRoot && e.shadowRoot.querySelector(".chitieu:not(.loading)"));
      }, null, { timeout: 30_000 });
      const count = await page.evaluate(() => document.querySelectorAll("#gallery [src]").length);
      assert(count >= 16, `gallery shows ${count} widgets`);
      const results = await new AxeBuilder({ page })
        .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
        .analyze();
      const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
      const report = bad.map((v) => `${v.id} (${v.impact}): ${v.help}\n      ` +
        v.nodes.slice(0, 3).map((n) => n.target.join(" > ") + " — " + (n.failureSummary || "").split("\n").join(" ")).join("\n      ")).join("\n    ");
      assertEq(report, "", "serious/critical axe violations");
      assertEq(errors.join("\n"), "", "console errors");
      await context.close();
    });
  }
}
