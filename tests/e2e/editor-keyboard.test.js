// Every function works with the keyboard alone: reaching the fields, the row tools, a
// finding's suggestions, the plan list, and the timeline's events.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openEditor, field, settled, openExample, typeInto } from "./lib/editor.js";

const active = (page) =>
  page.evaluate(() => ({
    id: document.activeElement.id,
    testid: document.activeElement.dataset.testid ?? "",
    text: document.activeElement.textContent.trim(),
  }));

async function tabUntil(page, predicate, limit = 200) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    const now = await active(page);
    if (predicate(now)) return now;
  }
  throw new Error("never reached by Tab");
}

test("Tab reaches the skip link first, then the plan's first field and its tools", async (t) => {
  const { page } = await openEditor(t);
  await page.keyboard.press("Tab");
  assert.equal((await active(page)).text, "Skip to the plan");
  await tabUntil(page, (now) => now.testid === "field-need");
  await page.keyboard.type("Tommy is withdrawn when his parents argue.");
  await tabUntil(page, (now) => now.testid === "add-action");
  await page.keyboard.press("Enter");
  assert.equal((await active(page)).id, "f-needs-0-actions-1-action");
  assert.equal(await field(page, 0, "need").inputValue(), "Tommy is withdrawn when his parents argue.");
});

test("a finding's suggestion is applied with the keyboard alone", async (t) => {
  const { page } = await openEditor(t);
  await typeInto(field(page, 0, "action"), "Register with a dentist ASAP");
  await settled(page);
  await field(page, 0, "action").focus();
  await page.keyboard.press("End");
  await page.keyboard.press("Control+.");
  await page.locator('[data-testid="popover"]').waitFor();
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  assert.equal(await field(page, 0, "action").inputValue(), "Register with a dentist by [date]");
  assert.equal((await active(page)).testid, "field-action");
});

test("the plan list and the timeline's events work from the keyboard", async (t) => {
  const { page } = await openEditor(t);
  await openExample(page, "tommy-good");
  await page.locator('[data-testid="my-plans"]').focus();
  await page.keyboard.press("Enter");
  assert.equal(await page.locator('[data-testid="my-plans"]').getAttribute("aria-expanded"), "true");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Escape");
  assert.equal(await page.locator('[data-testid="my-plans"]').getAttribute("aria-expanded"), "false");

  const first = page.locator('[data-testid="timeline"] [data-event-kind]').first();
  await first.focus();
  assert.match(await page.locator(".tl-caption").innerText(), /Enter or click goes to it/);
  await page.keyboard.press("Enter");
  assert.match((await active(page)).id, /^f-/);
});
