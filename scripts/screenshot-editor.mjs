// Takes docs/editor.png: the editor (release build, strict CSP) with the unhelpful
// example plan open, its findings marked and one explanation open. Run after
// scripts/build-web.sh:  node scripts/screenshot-editor.mjs
import path from "node:path";
import { serve, launch, ROOT } from "../tests/e2e/lib/harness.js";

const server = await serve(path.join(ROOT, "dist"));
const browser = await launch({ locale: "en-GB", viewport: { width: 1360, height: 1400 } });
try {
  const page = await browser.context.newPage();
  await page.goto(`${server.url}/?today=2026-11-22`);
  await page.waitForSelector('[data-testid="row-0"]');
  await page.click('[data-testid="example-tommy-unhelpful"]');
  await page.waitForFunction(() => !document.querySelector(".field-stale"));
  await page.click('[data-testid="notice"] button');
  await page.locator('[data-testid="row-0"] .field[data-field="by_when"] .marks [data-rule]').first().hover();
  await page.waitForSelector('[data-testid="popover"]');
  await page.mouse.move(0, 0);
  await page.locator('[data-testid="row-0"] .field[data-field="by_when"] .marks [data-rule]').first().focus();
  await page.evaluate(() => window.scrollTo(0, 0));
  const out = path.join(ROOT, "docs/editor.png");
  await page.screenshot({ path: out, fullPage: true, clip: { x: 0, y: 0, width: 1360, height: 1720 } });
  console.log(`wrote ${path.relative(ROOT, out)}`);
} finally {
  await browser.close();
  await server.close();
}
