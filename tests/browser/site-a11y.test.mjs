// Accessibility of the www/ site: axe-core (WCAG 2.2 AA rules: labels, names, contrast,
// landmarks) on every page in both colour schemes, with every widget rendered.

import { AxeBuilder } from "@axe-core/playwright";
import { site, PAGES } from "./site-pages.test.mjs";

export default function ({ test, open, assertEq }) {
  for (const scheme of ["light", "dark"]) {
    for (const p of PAGES) {
      test(`site a11y ${p.path} (${scheme}): no serious or critical axe violations`, async () => {
        const { page, context, errors } = await site.open(open, p.path, { colorScheme: scheme });
        await site.renderAll(page, p.extraHosts);
        const results = await new AxeBuilder({ page })
          .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
          .analyze();
        const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
        const report = bad.map((v) => `${v.id} (${v.impact}): ${v.help}\n      ` +
          v.nodes.slice(0, 4).map((n) => n.target.join(" > ") + " — " + (n.failureSummary || "").split("\n").join(" ")).join("\n      ")).join("\n    ");
        assertEq(report, "", "serious/critical axe violations");
        assertEq(errors.join("\n"), "", "console errors");
        await context.close();
      });
    }
  }
}
