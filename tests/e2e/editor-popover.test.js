// A finding explains itself on hover or keyboard focus: the message, the rule's
// explanation and source, and the suggestions; Escape closes it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openEditor, field, marks, highlights, settled, typeInto, assertClean } from "./lib/editor.js";

async function withAsap(t) {
  const editor = await openEditor(t);
  await typeInto(field(editor.page, 0, "action"), "Mum will register Tommy with a dentist ASAP.");
  await settled(editor.page);
  return editor;
}

test("hovering a mark shows the message, why it matters, the source and suggestions", async (t) => {
  const { page, seen } = await withAsap(t);
  await marks(page, 0, "action").first().hover();
  const popover = page.locator('[data-testid="row-0"] [data-testid="popover"]');
  await popover.waitFor();
  const text = await popover.innerText();
  assert.match(text, /"ASAP" sets no date/);
  assert.match(text, /Why it matters/);
  assert.match(text, /Source: 001 Child in Need Plan/);
  assert.ok((await popover.locator('[data-testid="apply-suggestion"]').count()) >= 1);
  assert.match(text, /Give a date/);
  await assertClean(page, seen);
});

test("hovering the underlined words in the field opens the same popover", async (t) => {
  const { page } = await withAsap(t);
  const box = await highlights(page, 0, "action").first().boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.locator('[data-testid="row-0"] [data-testid="popover"]').waitFor();
  assert.equal(await marks(page, 0, "action").first().getAttribute("aria-expanded"), "true");
});

test("Ctrl+. at the marked word opens it from the keyboard; Escape closes it", async (t) => {
  const { page } = await withAsap(t);
  const input = field(page, 0, "action");
  await input.focus();
  await input.evaluate((element) => element.setSelectionRange(41, 41));
  await page.keyboard.press("Control+.");
  const popover = page.locator('[data-testid="row-0"] [data-testid="popover"]');
  await popover.waitFor();
  const focused = await page.evaluate(() => document.activeElement.dataset.rule);
  assert.equal(focused, "vague-term", "the keyboard is on the mark");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), "apply-suggestion");
  await page.keyboard.press("Escape");
  await popover.waitFor({ state: "detached" });
  assert.equal(await page.evaluate(() => document.activeElement.dataset.rule), "vague-term");
  assert.equal(await marks(page, 0, "action").first().getAttribute("aria-expanded"), "false");
});

test("a clicked explanation stays open when the pointer leaves, until Close", async (t) => {
  const { page } = await withAsap(t);
  const mark = marks(page, 0, "action").first();
  await mark.click();
  const popover = page.locator('[data-testid="row-0"] [data-testid="popover"]');
  await popover.waitFor();
  await page.mouse.move(5, 5);
  await page.mouse.wheel(0, 400);
  await page.waitForTimeout(200);
  assert.ok(await popover.isVisible(), "still open after the pointer left and the page scrolled");
  const ours = page.locator(`#${await popover.getAttribute("id")}`);
  await ours.locator('[data-testid="popover-close"]').click();
  await ours.waitFor({ state: "detached" });
  assert.equal(await page.evaluate(() => document.activeElement.dataset.rule), "vague-term");

  // Opened by hover only, it closes when the pointer leaves the field.
  await page.mouse.move(5, 5);
  await page.locator("body").click({ position: { x: 5, y: 5 } });
  await mark.hover();
  await ours.waitFor();
  await page.mouse.move(5, 5);
  await ours.waitFor({ state: "detached" });
});
