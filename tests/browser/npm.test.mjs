// The npm package, installed from its tarball into a Vite app and bundled
// (`cargo xtask test` builds tests/npm-vite/dist before the browser tests).

export default function ({ test, open, assert, assertEq, assertIncludes }) {
  test("npm package bundled by Vite: elements, mount() and the API work from the built app", async () => {
    const { page, context, errors } = await open("/tests/npm-vite/dist/index.html");
    const text = async (sel) => {
      const box = page.locator(sel).locator(".chitieu:not(.loading)").first();
      await box.waitFor({ timeout: 20_000 });
      return box.innerText();
    };
    // 1014/1240 = 81,77%; 1237/1289 = 95,97% (printed 95,9%).
    assertIncludes(await text("#mounted"), "81,77%", "mount() from the package");
    assertIncludes(await text("#element"), "95,97%", "custom element from defineElements()");
    await page.locator("#api", { hasText: "|" }).waitFor({ timeout: 20_000 });
    assertEq(await page.locator("#api").innerText(), "0.1.0|insufficient_data|81.77|gt|province|true", "score, parseTargets, validate");
    const wasm = await page.evaluate(() => performance.getEntriesByType("resource").map((e) => e.name).filter((n) => n.endsWith(".wasm")));
    assert(wasm.length === 1 && wasm[0].includes("/tests/npm-vite/dist/assets/"), `wasm bundled as an asset: ${wasm}`);
    assertEq(errors.join("\n"), "", "console errors");
    await context.close();
  });
}
