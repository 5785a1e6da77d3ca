// The child's version: parts with the app's own pictures, written to the child, and
// printed to PDF in headless Chromium on one or two A4 pages without the editor's chrome.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openEditor, openExample, assertClean } from "./lib/editor.js";
import { axeViolations } from "./lib/harness.js";
import { showView, pdfPageCount, readPlan } from "./lib/views.js";

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

test("the practitioner's plan prints as an A4 table with its next dates", async (t) => {
  const { page, seen } = await openEditor(t);
  await openExample(page, "tommy-good");
  await page.emulateMedia({ media: "print" });
  // The editor (its boxes, buttons and chart) is not printed; the clean table is.
  assert.equal(await page.locator('[data-testid="row-0"]').isVisible(), false);
  assert.equal(await page.locator(".header").isVisible(), false);
  const table = page.locator('[data-testid="print-table"]');
  assert.equal(await table.isVisible(), true);
  const rows = await table.locator("tbody tr").count();
  assert.equal(rows, await readTommyActions(), "one row per action");
  const text = await table.innerText();
  assert.match(text, /New Way/);
  assert.match(text, /16 February 2027/, "due dates from the timeline");
  assert.ok((await page.locator('[data-testid="print-dates"] tbody tr').count()) > 0, "next dates listed");
  const pdf = await page.pdf({ preferCSSPageSize: true });
  assert.match(pdf.toString("latin1"), /\/MediaBox\s*\[\s*0 0 59[45](\.\d+)? 84[12](\.\d+)?\s*\]/, "A4 pages");
  assert.ok(pdfPageCount(pdf) >= 1);
  await page.emulateMedia({ media: "screen" });
  assert.equal(await page.locator('[data-testid="print-sheet"]').isVisible(), false, "hidden on screen");
  await assertClean(page, seen);
});

async function readTommyActions() {
  const plan = readPlan("crates/cinplan-core/tests/fixtures/tommy-good.json");
  return plan.needs.reduce((sum, need) => sum + need.actions.length, 0);
}
