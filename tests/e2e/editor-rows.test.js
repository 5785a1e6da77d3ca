// Needs and actions are added, removed and reordered, with buttons and with the keyboard
// alone; rows are numbered row-0, row-1… in document order across all needs, and every
// row contains a need field.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openEditor, row, field, assertClean } from "./lib/editor.js";

const rowCount = (page) => page.locator('[data-testid^="row-"]').count();
const focusedId = (page) => page.evaluate(() => document.activeElement.id);

test("adding, moving and removing action rows", async (t) => {
  const { page, seen } = await openEditor(t);
  await field(page, 0, "action").fill("First");
  await row(page, 0).locator('[data-testid="add-action"]').click();
  assert.equal(await rowCount(page), 2);
  assert.equal(await focusedId(page), "f-needs-0-actions-1-action", "focus goes to the new row");
  await page.keyboard.type("Second");
  // The later row of a need refers to its need.
  assert.match(await field(page, 1, "need").innerText(), /Same need as above/);

  // Alt+↑ moves the row up and the keyboard goes with it.
  await page.keyboard.press("Alt+ArrowUp");
  assert.equal(await field(page, 0, "action").inputValue(), "Second");
  assert.equal(await field(page, 1, "action").inputValue(), "First");
  assert.equal(await focusedId(page), "f-needs-0-actions-0-action");

  // Alt+Enter adds a row below.
  await page.keyboard.press("Alt+Enter");
  assert.equal(await rowCount(page), 3);
  assert.equal(await focusedId(page), "f-needs-0-actions-1-action");

  await row(page, 1).locator('[data-testid="remove-action"]').click();
  assert.equal(await rowCount(page), 2);
  assert.equal(await field(page, 1, "action").inputValue(), "First");
  // Undo brings a removed row back.
  await page.keyboard.press("Control+z");
  assert.equal(await rowCount(page), 3);
  await assertClean(page, seen);
});

test("rows are numbered across needs, and a row can move into the next need", async (t) => {
  const { page } = await openEditor(t);
  await field(page, 0, "need").fill("Need one");
  await field(page, 0, "action").fill("A1");
  await page.locator('[data-testid="add-need-end"]').click();
  assert.equal(await focusedId(page), "f-needs-1-need");
  await page.keyboard.type("Need two");
  assert.equal(await rowCount(page), 2);
  assert.equal(await field(page, 1, "need").inputValue(), "Need two");
  await field(page, 1, "action").fill("B1");
  await row(page, 1).locator('[data-testid="add-action"]').click();
  await page.keyboard.type("B2");
  assert.equal(await field(page, 2, "action").inputValue(), "B2");
  assert.equal(await row(page, 2).locator('[data-testid="field-need"]').count(), 1);

  // From the first row of need 1, Alt+↓ moves A1 into need 2 (as its first action).
  await field(page, 0, "action").focus();
  await page.keyboard.press("Alt+ArrowDown");
  assert.equal(await focusedId(page), "f-needs-1-actions-0-action");
  // Need 1 now has no action: it still shows, with a button to add one, and the rows
  // are renumbered: row-0 is now A1, the first action of need 2.
  assert.equal(await page.locator('[data-testid="need-0"] [data-testid="add-first-action"]').count(), 1);
  assert.equal(await page.locator('[data-testid="need-0"] [data-testid="field-need"]').inputValue(), "Need one");
  assert.equal(await rowCount(page), 3);
  assert.deepEqual(
    await Promise.all([0, 1, 2].map((n) => field(page, n, "action").inputValue())),
    ["A1", "B1", "B2"],
  );
});

test("Alt+↑ in a need field moves the whole need", async (t) => {
  const { page } = await openEditor(t);
  await field(page, 0, "need").fill("Need one");
  await page.locator('[data-testid="add-need-end"]').click();
  await page.keyboard.type("Need two");
  await page.keyboard.press("Alt+ArrowUp");
  assert.equal(await field(page, 0, "need").inputValue(), "Need two");
  assert.equal(await field(page, 1, "need").inputValue(), "Need one");
  assert.equal(await focusedId(page), "f-needs-0-need");
  await page.locator('[data-testid="need-0"] [data-testid="remove-need"]').click();
  assert.equal(await field(page, 0, "need").inputValue(), "Need one");
});
