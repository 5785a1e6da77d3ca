// The live timeline: every event the core computes, with its kind and ISO date, states
// in words and shapes, bank holidays shaded and today marked; it follows the plan's dates
// and "By when" text; each event leads back to its field; a list shows the same events.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openEditor, field, settled, typeInto, openExample, TODAY } from "./lib/editor.js";

const events = (page) => page.locator('[data-testid="timeline"] [data-event-kind]');

async function eventDates(page, kind) {
  return page
    .locator(`[data-testid="timeline"] [data-event-kind="${kind}"]`)
    .evaluateAll((elements) => elements.map((element) => element.dataset.date));
}

test("the good example's timeline shows its events with kinds and ISO dates", async (t) => {
  const { page } = await openEditor(t);
  await openExample(page, "tommy-good");
  const count = await events(page).count();
  assert.ok(count >= 5, `expected several events, got ${count}`);
  for (const date of await events(page).evaluateAll((all) => all.map((element) => element.dataset.date))) {
    assert.match(date, /^\d{4}-\d{2}-\d{2}$/);
  }
  // The plan copy is due 5 working days after the planning meeting of Mon 16 Nov 2026.
  assert.deepEqual(await eventDates(page, "plan-copy-due"), ["2026-11-23"]);
  // The 12-week trajectory from the meeting.
  assert.deepEqual(await eventDates(page, "trajectory-target"), ["2027-02-08"]);
  // Today is marked, and a bank holiday in range is shaded.
  assert.equal(await page.locator('[data-testid="timeline"] .tl-today').getAttribute("data-date"), TODAY);
  assert.equal(await page.locator('[data-testid="timeline"] .tl-holiday[data-holiday="2026-12-25"]').count(), 1);
  // States are said in words (the label), not only by colour.
  const label = await events(page).first().getAttribute("aria-label");
  assert.match(label, /(Done|Due|Due soon|Overdue)\./);
});

test("the timeline follows the planning meeting date and the By when text", async (t) => {
  const { page } = await openEditor(t);
  await page.locator('[data-testid="date-planning_meeting"]').fill("2026-11-30");
  await settled(page);
  assert.deepEqual(await eventDates(page, "plan-copy-due"), ["2026-12-07"]);
  await typeInto(field(page, 0, "by_when"), "by 15 January 2027");
  await settled(page);
  const actionDates = await page
    .locator('[data-testid="timeline"] [data-event-kind^="action-"]')
    .evaluateAll((all) => all.map((element) => element.dataset.date));
  assert.ok(actionDates.includes("2027-01-15"), `action dates: ${actionDates}`);
});

test("an event leads back to its field, and the list shows the same events", async (t) => {
  const { page } = await openEditor(t);
  await openExample(page, "tommy-good");
  const copy = page.locator('[data-testid="timeline"] [data-event-kind="plan-copy-due"]');
  await copy.focus();
  await page.keyboard.press("Enter");
  const focused = await page.evaluate(() => document.activeElement.id);
  assert.match(focused, /^f-/, `focus went to a field, not ${focused}`);

  const action = page.locator('[data-testid="timeline"] [data-event-kind^="action-"]').first();
  await action.click();
  assert.match(await page.evaluate(() => document.activeElement.id), /^f-needs-\d+-actions-\d+-by_when$/);

  await page.click('[data-testid="timeline-show-list"]');
  const list = page.locator('[data-testid="timeline-list"] tbody tr');
  assert.equal(await list.count(), await events(page).count());
  assert.ok(await list.first().isVisible());
  assert.ok(!(await page.locator('[data-testid="timeline"]').isVisible()), "the chart is hidden in list view");
});
