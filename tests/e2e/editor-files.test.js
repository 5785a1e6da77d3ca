// Plan files: saved as cinplan/1 JSON and opened again; a bad file is refused with what
// is wrong and where, and the open plan is untouched. The timeline downloads as .ics.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { openEditor, field, typeInto, settled, openExample, assertClean } from "./lib/editor.js";
import { ROOT } from "./lib/harness.js";

async function download(page, testid) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.click(`[data-testid="${testid}"]`)]);
  return { name: file.suggestedFilename(), text: fs.readFileSync(await file.path(), "utf8") };
}

test("saving writes the plan as a cinplan/1 file", async (t) => {
  const { page, seen } = await openEditor(t);
  await page.locator('[data-testid="child-name"]').fill("Amira");
  await typeInto(field(page, 0, "by_when"), "every 2 weeks");
  const saved = await download(page, "save-file");
  assert.equal(saved.name, "amira-plan.json");
  const plan = JSON.parse(saved.text);
  assert.equal(plan.format, "cinplan/1");
  assert.equal(plan.child.name, "Amira");
  assert.equal(plan.needs[0].actions[0].by_when, "every 2 weeks");
  await assertClean(page, seen);
});

test("opening a plan file shows it; the same file round-trips", async (t) => {
  const { page } = await openEditor(t);
  const good = path.join(ROOT, "crates/cinplan-core/tests/fixtures/tommy-good.json");
  await page.setInputFiles('[data-testid="open-file"]', good);
  await page.locator('[data-testid="notice"][data-kind="success"]').waitFor();
  assert.equal(await page.locator('[data-testid="child-name"]').inputValue(), "Tommy");
  const original = JSON.parse(fs.readFileSync(good, "utf8"));
  assert.equal(await field(page, 0, "need").inputValue(), original.needs[0].need);
  const saved = JSON.parse((await download(page, "save-file")).text);
  assert.deepEqual(saved.needs, original.needs);
  assert.deepEqual(saved.dates, original.dates);
});

test("a file that is not valid JSON is refused with its line and column", async (t) => {
  const { page } = await openEditor(t);
  await field(page, 0, "action").fill("Keep me");
  await page.setInputFiles('[data-testid="open-file"]', {
    name: "broken.json",
    mimeType: "application/json",
    buffer: Buffer.from('{\n  "format": "cinplan/1",\n  "needs": [ }\n'),
  });
  const notice = page.locator('[data-testid="notice"][data-kind="problem"]');
  await notice.waitFor();
  const text = await notice.innerText();
  assert.match(text, /"broken\.json" is not a plan cinplan can open/);
  assert.match(text, /line 3, column \d+/);
  assert.match(text, /unchanged/);
  assert.equal(await field(page, 0, "action").inputValue(), "Keep me");
});

test("a file with a wrong field names the field", async (t) => {
  const { page } = await openEditor(t);
  await field(page, 0, "action").fill("Keep me");
  await page.setInputFiles('[data-testid="open-file"]', {
    name: "wrong.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify({ format: "cinplan/1", needs: "none" })),
  });
  const notice = page.locator('[data-testid="notice"][data-kind="problem"]');
  await notice.waitFor();
  assert.match(await notice.innerText(), /\/needs/);
  assert.equal(await field(page, 0, "action").inputValue(), "Keep me");
});

test("the timeline downloads as an iCalendar file", async (t) => {
  const { page } = await openEditor(t);
  await openExample(page, "tommy-good");
  await settled(page);
  const ics = await download(page, "download-ics");
  assert.equal(ics.name, "tommy-dates.ics");
  assert.match(ics.text, /^BEGIN:VCALENDAR\r\nVERSION:2\.0\r\n/);
  assert.match(ics.text, /END:VCALENDAR\r\n$/);
  const events = ics.text.match(/BEGIN:VEVENT/g) ?? [];
  const shown = await page.locator('[data-testid="timeline"] [data-event-kind]').count();
  assert.equal(events.length, shown, "one VEVENT per event on the timeline");
});
