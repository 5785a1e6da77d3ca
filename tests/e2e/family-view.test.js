// The family view: the same plan in plain words, one card per need, edited together;
// typing there changes the plan the practitioner sees, and the checks speak gently.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openEditor, openExample, field, settled, typeInto, assertClean } from "./lib/editor.js";
import { axeViolations } from "./lib/harness.js";
import { showView, readPlan } from "./lib/views.js";

const TOMMY = readPlan("crates/cinplan-core/tests/fixtures/tommy-good.json");

test("family view shows one card per need and typing there updates the plan", async (t) => {
  const { page, seen } = await openEditor(t);
  await openExample(page, "tommy-good");
  await showView(page, "family");
  await page.locator('[data-testid="family-view"]').waitFor();

  const cards = page.locator('[data-testid^="family-card-"]');
  assert.equal(await cards.count(), TOMMY.needs.length, "one card per need");
  const first = await cards.first().innerText();
  assert.match(first, /What we will do/);
  assert.match(first, /What will be different for you/);
  // "When" is given as real dates from the timeline.
  const when = await page.locator('[data-testid="family-when"]').first().innerText();
  assert.match(when, /\b20(26|27)\b/, `a real date in "${when}"`);
  // Plan view is not on screen: no practitioner's table.
  assert.equal(await page.locator('[data-testid="row-0"]').count(), 0);

  assert.deepEqual(await axeViolations(page), [], "axe violations in the family view");

  const box = page.locator('[data-testid="family-f-needs-0-actions-0-action"]');
  await typeInto(box, "Someone will support Tommy ASAP.");
  // The checks run and speak gently, in the family's words (no rule ids, no jargon).
  await page.waitForFunction(
    () => document.querySelector('[data-testid="family-card-0"] .gentle-note') !== null,
  );
  const notes = await page.locator('[data-testid="family-card-0"] .gentle-note').allInnerTexts();
  assert.ok(notes.length > 0, "gentle notes shown on the card");
  for (const note of notes) assert.doesNotMatch(note, /\bSMART\b|\berror\b/i, `gentle: ${note}`);
  // The plain words on the card follow the text once checked.
  await page.waitForFunction(() =>
    document.querySelector('[data-testid="family-card-0"] .family-action .family-words')
      ?.innerText.includes("Someone will support Tommy"),
  );
  assert.equal(await box.evaluate((element) => element === document.activeElement), true, "focus kept while typing");

  await showView(page, "plan");
  await settled(page);
  assert.equal(await field(page, 0, "action").inputValue(), "Someone will support Tommy ASAP.");
  await assertClean(page, seen);
});

test("family view edits are saved and survive a reload", async (t) => {
  const { page, seen, url } = await openEditor(t);
  await openExample(page, "tommy-good");
  await showView(page, "family");
  const box = page.locator('[data-testid="family-f-contingency"]');
  await typeInto(box, "If Mum is hurt again, Sam Jones will call a meeting within 2 days.");
  await page.waitForTimeout(700);
  await page.goto(url);
  await page.waitForSelector('[data-testid="row-0"]');
  await showView(page, "family");
  assert.equal(
    await page.locator('[data-testid="family-f-contingency"]').inputValue(),
    "If Mum is hurt again, Sam Jones will call a meeting within 2 days.",
  );
  await assertClean(page, seen);
});
