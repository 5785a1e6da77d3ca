// Each row is laid out and painted on its own (contain: content in style.css), so a
// keystroke that grows one row does not repaint every row below it. Containment must not
// cost anything else: every row stays in Chromium's accessibility tree (content-visibility:
// auto, measured faster, took the rows off screen out of it), and a row in use is not
// contained, so its popovers are not clipped to it.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { openEditor, openExample, row, field, marks, settled, assertClean } from "./lib/editor.js";
import { ROOT } from "./lib/harness.js";

const ROWS = 12;

/** Opens the unhelpful example with its action row repeated, a plan longer than a screen. */
async function openLongPlan(page) {
  const plan = JSON.parse(fs.readFileSync(path.join(ROOT, "crates/cinplan-core/tests/fixtures/tommy-unhelpful.json"), "utf8"));
  const [first] = plan.needs[0].actions;
  plan.needs[0].actions = Array.from({ length: ROWS }, (_, n) => ({ ...first, action: `${first.action} (${n + 1})` }));
  await page.setInputFiles('[data-testid="open-file"]', {
    name: "long.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(plan)),
  });
  await page.locator(`[data-testid="row-${ROWS - 1}"]`).waitFor({ state: "attached" });
  await settled(page);
}

/** The accessible names of the text boxes in Chromium's own accessibility tree. */
async function textboxNames(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Accessibility.enable");
  const { nodes } = await cdp.send("Accessibility.getFullAXTree");
  await cdp.detach();
  return nodes.filter((node) => node.role?.value === "textbox" && !node.ignored).map((node) => node.name?.value);
}

test("rows are contained, and every row stays in the accessibility tree, on screen or not", async (t) => {
  const { page, seen } = await openEditor(t, { viewport: { width: 1280, height: 600 } });
  await openLongPlan(page);
  await page.evaluate(() => window.scrollTo(0, 0));
  const last = row(page, ROWS - 1);
  assert.equal(await last.evaluate((element) => getComputedStyle(element).contain), "content");
  assert.equal(await last.evaluate((element) => element.getBoundingClientRect().top > window.innerHeight), true, "the last row is off screen");
  const names = await textboxNames(page);
  assert.equal(names.filter((name) => name === "Action").length, ROWS, "every row's action is in the accessibility tree");
  assert.equal(names.filter((name) => name === "By when").length, ROWS);

  // The row the keyboard is in is not contained.
  await field(page, ROWS - 1, "action").focus();
  assert.equal(await last.evaluate((element) => getComputedStyle(element).contain), "none");
  await assertClean(page, seen);
});

test("a row in use is drawn whole: its popover is not clipped to the row", async (t) => {
  const { page, seen } = await openEditor(t);
  await openExample(page, "tommy-unhelpful");
  await marks(page, 0, "by_when").first().click();
  const popover = page.locator('[data-testid="popover"]');
  await popover.waitFor();
  await popover.scrollIntoViewIfNeeded();
  const rowBox = await row(page, 0).boundingBox();
  const box = await popover.boundingBox();
  // The popover reaches below its row, and what is drawn there is the popover itself.
  const below = rowBox.y + rowBox.height + 12;
  assert.ok(box.y + box.height > below, "the popover overflows its row");
  const hit = await page.evaluate(
    ([x, y]) => Boolean(document.elementFromPoint(x, y)?.closest('[data-testid="popover"]')),
    [box.x + box.width / 2, below],
  );
  assert.equal(hit, true, "the popover's lower edge is drawn over what follows the row");
  await assertClean(page, seen);
});
