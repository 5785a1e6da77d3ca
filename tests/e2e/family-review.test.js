// Reviews: progress per action with drift shown, then "Start next version": the review is
// recorded, the old version is kept read-only and shown beside the new one.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openEditor, openExample, typeInto, assertClean } from "./lib/editor.js";
import { axeViolations } from "./lib/harness.js";
import { showView } from "./lib/views.js";

test("progress is filled in, drift is shown, and the plan is carried forward", async (t) => {
  // After the date of Tommy's first review, which his actions run until: past their date.
  const { page, seen } = await openEditor(t, { today: "2027-03-01" });
  await openExample(page, "tommy-good");
  await showView(page, "review");
  await page.locator('[data-testid="review-row-0-0"]').waitFor();
  assert.match(await page.locator('[data-testid="review-counts"]').innerText(), /Version 1\b/);
  assert.deepEqual(await axeViolations(page), [], "axe violations in the review view");

  const drifting = await page.locator('[data-status="drifting"]').count();
  assert.ok(drifting > 0, "actions past their date with no progress are shown as drifting");
  assert.match(await page.locator('[data-testid="review-drift"]').innerText(), /past (its|their) date/);

  // Filling in progress takes a row out of drift.
  const row = page.locator('[data-status="drifting"]').first();
  const testid = await row.getAttribute("data-testid");
  const [, need, action] = testid.match(/review-row-(\d+)-(\d+)/);
  await page.selectOption(`[data-testid="review-rating-${need}-${action}"]`, "achieved");
  await typeInto(page.locator(`[data-testid="review-progress-${need}-${action}"]`), "Done: all six sessions attended.");
  await page.waitForFunction(
    (id) => document.querySelector(`[data-testid="${id}"]`)?.dataset.status === "achieved",
    testid,
  );
  assert.equal(await page.locator('[data-status="drifting"]').count(), drifting - 1);

  await page.fill('[data-testid="review-date"]', "2027-02-16");
  await page.fill('[data-testid="review-chair"]', "Priya Shah");
  await page.selectOption('[data-testid="review-chair-role"]', "team-manager");
  await page.click('[data-testid="start-next-version"]');

  await page.locator('[data-testid="version-1"]').waitFor();
  const previous = await page.locator('[data-testid="version-1"]').innerText();
  assert.match(previous, /16 February 2027/);
  assert.match(previous, /Priya Shah/);
  assert.match(await page.locator('[data-testid="review-counts"]').innerText(), /Version 2\b.*Reviews held so far: 1/s);

  await page.click('[data-testid="show-version-1"]');
  const old = page.locator('[data-testid="old-version"]');
  await old.waitFor();
  assert.match(await old.innerText(), /Done: all six sessions attended\./, "the old version keeps its progress");
  assert.ok(await page.locator('[data-testid="current-version"]').isVisible());
  // The old version is read-only: a table, with no field to type into.
  assert.equal(await old.locator("textarea, input, select").count(), 0);
  assert.deepEqual(await axeViolations(page), [], "axe violations with versions side by side");
  await assertClean(page, seen);
});
