// "Ignore this" with a reason: the finding goes quiet, the reason is kept in the plan
// file's suppressions, and it can be brought back.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import { openEditor, field, marks, settled, typeInto, assertClean } from "./lib/editor.js";

test("ignoring a finding with a reason, and bringing it back", async (t) => {
  const { page, seen } = await openEditor(t);
  await typeInto(field(page, 0, "action"), "Mum will keep the house clean and tidy.");
  await settled(page);
  const subjective = marks(page, 0, "action").filter({ hasText: "clean and tidy" });
  assert.equal(await subjective.count(), 1);
  await subjective.click();
  const popover = page.locator('[data-testid="row-0"] [data-testid="popover"]');
  await popover.locator("summary", { hasText: "Ignore this" }).click();
  await popover.getByLabel(/Why is it right as written/).fill("Agreed wording with Mum, checked at each visit");
  await popover.getByRole("button", { name: "Ignore this" }).click();
  await settled(page);
  assert.equal(await subjective.count(), 0, "the finding is no longer shown");
  const ignored = page.locator('[data-testid="ignored"]');
  assert.match(await ignored.locator("summary").innerText(), /Ignored \(1\)/);

  const [file] = await Promise.all([page.waitForEvent("download"), page.click('[data-testid="save-file"]')]);
  const plan = JSON.parse(fs.readFileSync(await file.path(), "utf8"));
  assert.equal(plan.suppressions.ignored.length, 1);
  const [item] = plan.suppressions.ignored;
  assert.equal(item.rule, "subjective-term");
  assert.equal(item.field, "action");
  assert.equal(item.text, "clean and tidy");
  assert.equal(item.reason, "Agreed wording with Mum, checked at each visit");

  await ignored.locator("summary").click();
  await ignored.getByRole("button", { name: "Stop ignoring" }).click();
  await settled(page);
  assert.equal(await subjective.count(), 1, "the finding is back");
  // Undo brings the suppression back again.
  await page.keyboard.press("Control+z");
  await settled(page);
  assert.equal(await subjective.count(), 0);
  await assertClean(page, seen);
});
