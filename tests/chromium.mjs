// The system's Chromium, launched headless the way every browser-driven script here needs
// it on a closed network: no sandbox (root in CI), no GPU, and none of the background
// connections Chromium would otherwise try (and fail) at start-up.

import { chromium } from "playwright-core";

export const CHROME = process.env.CHROME || "/usr/bin/chromium";

export function launchChromium() {
  return chromium.launch({
    executablePath: CHROME,
    headless: true,
    args: [
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
      "--disable-component-update", "--no-first-run", "--disable-quic", "--disable-sync",
    ],
  });
}
