// The child's version: parts with the app's own pictures, written to the child, and
// printed to PDF in headless Chromium on one or two A4 pages without the editor's chrome.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openEditor, openExample, assertClean } from "./lib/editor.js";
import { axeViolations } from "./lib/harness.js";
import { showView, pdfPageCount } from "./lib/views.js";

test("child's version shows parts with pictures and prints on one or two A4 pages", async (t) => {
  const { page, seen } = await openEditor(t);
  await openExample(page, "tommy-good");
  await showView(page, "child");
  const parts = page.locator('[data-testid="child-part"]');
  await parts.first().waitFor();
  assert.ok((await parts.count()) >= 3, "at least three parts");
  assert.equal(await page.locator('[data-testid="child-part"] .child-icon svg').count(), await parts.count(), "a picture per part");
  const text = await page.locator('[data-testid="child-view"]').innerText();
  assert.match(text, /\byou\b/i, "written to the child");
  assert.match(text, /Tommy/);
  assert.deepEqual(await axeViolations(page), [], "axe violations in the child's version");

  // As printed: the chrome is hidden, the child's words are shown.
  await page.emulateMedia({ media: "print" });
  assert.equal(await page.locator(".header").isVisible(), false, "header hidden in print");
  assert.equal(await page.locator('[data-testid="view-switcher"]').isVisible(), false);
  assert.equal(await page.locator('[data-testid="child-print"]').isVisible(), false);
  assert.equal(await page.locator(".child-title").isVisible(), true);
  assert.equal(await parts.first().isVisible(), true);

  const pdf = await page.pdf({ format: "A4", printBackground: true, preferCSSPageSize: true });
  assert.equal(pdf.subarray(0, 5).toString(), "%PDF-");
  const pages = pdfPageCount(pdf);
  assert.ok(pages >= 1 && pages <= 2, `the child's version prints on ${pages} pages`);
  await page.emulateMedia({ media: "screen" });
  await assertClean(page, seen);
});

test("family view prints without the editing boxes", async (t) => {
  const { page, seen } = await openEditor(t);
  await openExample(page, "tommy-good");
  await showView(page, "family");
  await page.locator('[data-testid="family-card-0"]').waitFor();
  await page.emulateMedia({ media: "print" });
  assert.equal(await page.locator(".words-input").first().isVisible(), false, "edit boxes hidden");
  assert.equal(await page.locator('[data-testid="family-card-0"] .family-words').first().isVisible(), true);
  const pdf = await page.pdf({ format: "A4", preferCSSPageSize: true });
  assert.ok(pdfPageCount(pdf) >= 1);
  await assertClean(page, seen);
});
