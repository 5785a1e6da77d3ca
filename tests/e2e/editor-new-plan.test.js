// A new plan opens ready to type into: one need and one action row with all six fields,
// and the examples and the open-file control one click away.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openEditor, openExample, row, field, assertClean } from "./lib/editor.js";

test("a new plan has one need and one action row ready to type into", async (t) => {
  const { page, seen } = await openEditor(t);
  assert.equal(await page.locator('[data-testid^="row-"]').count(), 1);
  for (const name of ["need", "action", "by_whom", "by_when", "outcome", "progress"]) {
    const input = field(page, 0, name);
    assert.equal(await input.count(), 1, `row-0 has field-${name}`);
    assert.equal(await input.evaluate((element) => element.tagName), "TEXTAREA");
    assert.equal(await input.inputValue(), "");
  }
  // Each field has a visible label a screen reader reads with it.
  const label = await field(page, 0, "by_when").evaluate(
    (element) => document.querySelector(`label[for="${element.id}"]`)?.textContent,
  );
  assert.equal(label, "By when");
  await field(page, 0, "action").fill("Sam Jones will visit");
  assert.equal(await field(page, 0, "action").inputValue(), "Sam Jones will visit");
  await assertClean(page, seen);
});

test("the examples and the open-file control are one click away", async (t) => {
  const { page, seen } = await openEditor(t);
  for (const id of ["example-tommy-unhelpful", "example-tommy-good", "open-file-button", "save-file", "new-plan"]) {
    assert.ok(await page.locator(`[data-testid="${id}"]`).isVisible(), `${id} is visible`);
  }
  await openExample(page, "tommy-unhelpful");
  assert.equal(await field(page, 0, "by_when").inputValue(), "Ongoing");
  assert.equal(await page.locator('[data-testid="child-name"]').inputValue(), "Tommy");
  await openExample(page, "tommy-good");
  assert.ok((await page.locator('[data-testid^="row-"]').count()) > 1, "the good plan has several rows");
  assert.match(await field(page, 0, "need").inputValue(), /withdrawn and distressed/);
  // A new plan again starts blank, with one row.
  await page.click('[data-testid="new-plan"]');
  assert.equal(await page.locator('[data-testid^="row-"]').count(), 1);
  assert.equal(await field(page, 0, "need").inputValue(), "");
  assert.equal(await row(page, 0).locator('[data-testid="field-need"]').count(), 1);
  await assertClean(page, seen);
});
