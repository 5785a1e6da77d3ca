// WCAG 2.2 AA by axe-core on every view of the editor: blank, with findings, with a
// popover open, the timeline as a list, the plan list, a problem notice, and narrow.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openEditor, marks, settled, openExample } from "./lib/editor.js";
import { axeViolations } from "./lib/harness.js";

async function expectNoViolations(page, view) {
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], `axe violations in view "${view}"`);
}

test("no axe violations on any view", async (t) => {
  const { page } = await openEditor(t);
  await expectNoViolations(page, "blank plan");

  await openExample(page, "tommy-unhelpful");
  await expectNoViolations(page, "unhelpful example with findings");

  await marks(page, 0, "by_when").first().focus();
  await page.locator('[data-testid="popover"]').waitFor();
  await page.locator('[data-testid="popover"] details summary').click();
  await expectNoViolations(page, "popover open, ignore form shown");
  await page.keyboard.press("Escape");

  await openExample(page, "tommy-good");
  await expectNoViolations(page, "good example with timeline");
  await page.click('[data-testid="timeline-show-list"]');
  await expectNoViolations(page, "timeline as a list");

  await page.click('[data-testid="my-plans"]');
  await expectNoViolations(page, "plan list open");

  await page.setInputFiles('[data-testid="open-file"]', {
    name: "broken.json",
    mimeType: "application/json",
    buffer: Buffer.from("{"),
  });
  await page.locator('[data-testid="notice"][data-kind="problem"]').waitFor();
  await expectNoViolations(page, "problem notice");
});

test("no axe violations at a phone's width", async (t) => {
  const { page } = await openEditor(t, { viewport: { width: 390, height: 844 } });
  await openExample(page, "tommy-unhelpful");
  await settled(page);
  await expectNoViolations(page, "narrow, with findings");
  // The table collapses to one column: fields do not overflow the screen.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
});
