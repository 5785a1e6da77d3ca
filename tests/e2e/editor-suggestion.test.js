// A suggestion applies with one click or one key; its [placeholders] are then selected for
// typing (Tab goes to the next); undo brings back the text before.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openEditor, openExample, field, marks, settled, typeInto, assertClean } from "./lib/editor.js";

const selected = (locator) =>
  locator.evaluate((element) => element.value.slice(element.selectionStart, element.selectionEnd));

test("clicking a suggestion rewrites the words and selects the placeholder", async (t) => {
  const { page, seen } = await openEditor(t);
  const action = field(page, 0, "action");
  await typeInto(action, "Mum will register Tommy with a dentist ASAP.");
  await settled(page);
  await marks(page, 0, "action").first().click();
  await page.locator('[data-testid="apply-suggestion"]', { hasText: "Give a date" }).click();
  assert.equal(await action.inputValue(), "Mum will register Tommy with a dentist by [date].");
  assert.equal(await selected(action), "[date]");
  await page.keyboard.type("15 January 2027");
  assert.equal(await action.inputValue(), "Mum will register Tommy with a dentist by 15 January 2027.");
  await settled(page);
  assert.equal(await marks(page, 0, "action").filter({ hasText: "ASAP" }).count(), 0);

  // Undo: first the typing, then the suggestion.
  await page.keyboard.press("Control+z");
  assert.equal(await action.inputValue(), "Mum will register Tommy with a dentist by [date].");
  await page.keyboard.press("Control+z");
  assert.equal(await action.inputValue(), "Mum will register Tommy with a dentist ASAP.");
  await page.keyboard.press("Control+y");
  assert.equal(await action.inputValue(), "Mum will register Tommy with a dentist by [date].");
  await assertClean(page, seen);
});

test("a number key applies that suggestion; Tab moves through the placeholders", async (t) => {
  const { page } = await openEditor(t);
  await openExample(page, "tommy-unhelpful");
  const byWhen = field(page, 0, "by_when");
  assert.equal(await byWhen.inputValue(), "Ongoing");
  await marks(page, 0, "by_when").first().focus();
  await page.locator('[data-testid="row-0"] [data-testid="popover"]').waitFor();
  await page.keyboard.press("1");
  // The first suggestion has (at least) two [placeholders]: the first is selected.
  const value = await byWhen.inputValue();
  const placeholders = value.match(/\[[^\]]*\]/g) ?? [];
  assert.ok(placeholders.length >= 2, `placeholders in ${value}`);
  assert.equal(await selected(byWhen), placeholders[0]);
  assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), "field-by_when");
  await page.keyboard.type("3");
  await page.keyboard.press("Tab");
  assert.equal(await selected(byWhen), placeholders[1]);
  await page.keyboard.type("30 November 2026");
  const filled = value.replace(placeholders[0], "3").replace(placeholders[1], "30 November 2026");
  assert.equal(await byWhen.inputValue(), filled);
});
