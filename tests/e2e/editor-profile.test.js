// Profiles and regions are chosen in the editor, and a profile file can be loaded: the
// checks follow it at once.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import { openEditor, field, settled, typeInto, assertClean } from "./lib/editor.js";

test("the region is chosen in the plan details and saved with the plan", async (t) => {
  const { page, seen } = await openEditor(t);
  const region = page.locator('[data-testid="region"]');
  assert.equal(await region.inputValue(), "england-and-wales");
  await region.selectOption("scotland");
  const [file] = await Promise.all([page.waitForEvent("download"), page.click('[data-testid="save-file"]')]);
  const plan = JSON.parse(fs.readFileSync(await file.path(), "utf8"));
  assert.equal(plan.region, "scotland");
  await assertClean(page, seen);
});

test("a loaded profile file changes the checks, and a bad one is refused", async (t) => {
  const { page } = await openEditor(t);
  await typeInto(field(page, 0, "action"), "Mum will register Tommy with a dentist ASAP.");
  await settled(page);
  const vague = page.locator('[data-testid="row-0"] .field[data-field="action"] .marks [data-rule="vague-term"]');
  assert.equal(await vague.count(), 1);

  const profile = {
    extends: "default",
    id: "no-vague-words",
    name: "Test profile without vague-term",
    rules: { "vague-term": { enabled: false } },
  };
  await page.setInputFiles('[data-testid="profile-file"]', {
    name: "profile.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(profile)),
  });
  await page.locator('[data-testid="notice"][data-kind="success"]').waitFor();
  assert.equal(await page.locator('[data-testid="profile"]').inputValue(), "no-vague-words");
  await settled(page);
  assert.equal(await page.locator('[data-testid="row-0"] [data-rule="vague-term"]').count(), 0);

  // Back to the default profile: the mark returns.
  await page.locator('[data-testid="profile"]').selectOption("default");
  await settled(page);
  assert.equal(await vague.count(), 1);

  await page.setInputFiles('[data-testid="profile-file"]', {
    name: "not-a-profile.json",
    mimeType: "application/json",
    buffer: Buffer.from('{"name": 3}'),
  });
  const problem = page.locator('[data-testid="notice"][data-kind="problem"]');
  await problem.waitFor();
  assert.match(await problem.innerText(), /"not-a-profile\.json" cannot be used as a profile/);
  assert.equal(await page.locator('[data-testid="profile"]').inputValue(), "default");
});
