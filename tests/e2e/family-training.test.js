// Training: the gallery, an exercise's workspace with score and hints, fixing the plan
// raises the score, and the model answer can be compared.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openEditor, assertClean } from "./lib/editor.js";
import { axeViolations } from "./lib/harness.js";
import { showView, readPlan, atPointer } from "./lib/views.js";

const MODEL = readPlan("crates/cinplan-core/src/training/plans/neglect-model.json");

const score = async (page) => {
  const element = page.locator('[data-testid="training-score"]');
  return {
    points: Number(await element.getAttribute("data-points")),
    solved: (await element.getAttribute("data-solved")) === "true",
    text: await element.innerText(),
  };
};

test("a trainee opens an exercise, rewrites it and the score rises", async (t) => {
  const { page, seen } = await openEditor(t);
  await showView(page, "training");
  const items = page.locator('[data-testid="training-gallery"] > li');
  assert.ok((await items.count()) >= 7, "Tommy and at least six more exercises");
  assert.deepEqual(await axeViolations(page), [], "axe violations in the gallery");

  await page.click('[data-testid="exercise-open-neglect"]');
  await page.locator('[data-testid="training-workspace"]').waitFor();
  const before = await score(page);
  assert.equal(before.solved, false, "the unhelpful plan has errors");
  const errorsBefore = Number(before.text.match(/(\d+) errors/)?.[1]);
  assert.ok(errorsBefore > 0);
  assert.ok((await page.locator('[data-testid="training-hints"] .hint').count()) > 0, "hints shown");
  assert.deepEqual(await axeViolations(page), [], "axe violations in the workspace");

  // Give each need as many actions as the model answer has, then rewrite every field.
  for (const [need, { actions }] of MODEL.needs.entries()) {
    const have = async () =>
      page.locator(`[data-testid="training-workspace"] textarea[data-pointer^="/needs/${need}/actions/"][data-pointer$="/action"]`).count();
    while ((await have()) < actions.length) await page.click(`[data-testid="training-add-action-${need}"]`);
  }
  const boxes = page.locator('[data-testid="training-workspace"] textarea[data-pointer]');
  for (let index = 0; index < (await boxes.count()); index++) {
    const box = boxes.nth(index);
    const wanted = atPointer(MODEL, await box.getAttribute("data-pointer"));
    if (typeof wanted === "string") await box.fill(wanted);
  }
  for (const [id, date] of Object.entries(MODEL.dates)) {
    if (typeof date === "string") await page.fill(`[data-testid="training-date-${id}"]`, date);
  }
  await page.waitForFunction(
    (points) => Number(document.querySelector('[data-testid="training-score"]').dataset.points) > points,
    before.points,
  );
  const after = await score(page);
  assert.ok(after.points > before.points, `score rose from ${before.points} to ${after.points}`);
  assert.equal(after.solved, true, `solved with the model's words: ${after.text}`);
  assert.match(after.text, /Solved: no errors left/);

  await page.click('[data-testid="training-compare"]');
  const comparison = page.locator('[data-testid="training-comparison"]');
  await comparison.waitFor();
  assert.match(await comparison.innerText(), new RegExp(MODEL.needs[0].actions[1].action.slice(0, 30).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
  assert.deepEqual(await axeViolations(page), [], "axe violations with the comparison");

  await page.click('[data-testid="training-back"]');
  await page.locator('[data-testid="training-gallery"]').waitFor();
  await assertClean(page, seen);
});
