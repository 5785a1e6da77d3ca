// Checks at the speed of typing: the edited field's new marks are drawn with the keystroke
// itself (no pause), other fields' marks are left alone, long texts still wait for a pause,
// and the live region still speaks only after a pause.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openEditor, openExample, field, highlights, settled, typeInto, announcement, assertClean } from "./lib/editor.js";

/**
 * Appends `addition` to a field of row `row` as one input event, then reads the field once
 * every task queued before a 0 ms timer has run: the keystroke's own task and its
 * microtasks, well before any pause the editor waits for (180 ms).
 */
async function typeAndLookAtOnce(page, row, name, addition) {
  return page.evaluate(
    async ([row, name, addition]) => {
      const box = document.querySelector(`[data-testid="row-${row}"] .field[data-field="${name}"]`);
      const textarea = box.querySelector("textarea");
      textarea.value += addition;
      textarea.dispatchEvent(new Event("input", { bubbles: true }));
      await new Promise((resolve) => setTimeout(resolve, 0));
      return {
        highlighted: [...box.querySelectorAll(".mirror mark")].map((mark) => mark.textContent),
        layer: box.querySelector(".mirror").textContent.replace("\u200b", ""),
        value: textarea.value,
        stale: box.querySelector(".field-box").classList.contains("field-stale"),
        listed: [...box.querySelectorAll(".marks .mark-quote")].map((quote) => quote.textContent),
        announced: document.querySelector('[data-testid="announcer"]').textContent,
      };
    },
    [row, name, addition],
  );
}

test("a field's new marks are drawn with the keystroke, without waiting for a pause", async (t) => {
  const { page, seen } = await openEditor(t);
  await typeInto(field(page, 0, "action"), "Mum will register Tommy with a dentist");
  await settled(page);
  assert.equal(await highlights(page, 0, "action").count(), 0);

  const seenAtOnce = await typeAndLookAtOnce(page, 0, "action", " ASAP");
  assert.equal(seenAtOnce.stale, false, "the field is checked with the keystroke");
  assert.equal(seenAtOnce.layer, seenAtOnce.value, "the highlight layer holds the new text");
  assert.deepEqual(seenAtOnce.highlighted, ["ASAP"], "the new word is marked at once");
  assert.ok(seenAtOnce.listed.includes("ASAP"), "the list under the field names it at once");
  // The live region waits for the pause, so a screen reader is not talked over per key.
  assert.doesNotMatch(seenAtOnce.announced, /ASAP/);
  await settled(page);
  await page.waitForFunction(() => /ASAP/.test(document.querySelector('[data-testid="announcer"]').textContent));
  assert.match(await announcement(page), /problems? in Action \(need 1, action 1, row 1\)/);

  // Deleting the word takes its mark away just as fast.
  const removed = await page.evaluate(async () => {
    const box = document.querySelector('[data-testid="row-0"] .field[data-field="action"]');
    const textarea = box.querySelector("textarea");
    textarea.value = textarea.value.replace(" ASAP", "");
    textarea.dispatchEvent(new Event("input", { bubbles: true }));
    await new Promise((resolve) => setTimeout(resolve, 0));
    return { stale: box.querySelector(".field-box").classList.contains("field-stale"), marks: box.querySelectorAll(".mirror mark").length };
  });
  assert.deepEqual(removed, { stale: false, marks: 0 });
  await assertClean(page, seen);
});

test("typing in one field leaves the highlight layers and mark lists of the others untouched", async (t) => {
  const { page } = await openEditor(t);
  await openExample(page, "tommy-unhelpful");
  const observed = await page.evaluate(() => {
    window.__mutations = new Map();
    const edited = document.querySelector('[data-testid="row-0"] .field[data-field="action"]');
    let withMarks = 0;
    let fields = 0;
    for (const box of document.querySelectorAll(".field")) {
      const id = box.querySelector("textarea")?.id;
      if (!id) continue;
      fields += 1;
      if (box.querySelector(".mirror mark")) withMarks += 1;
      window.__mutations.set(id, 0);
      const observer = new MutationObserver((records) => {
        window.__mutations.set(id, window.__mutations.get(id) + records.length);
      });
      for (const part of [box.querySelector(".mirror"), box.querySelector(".marks")]) {
        observer.observe(part, { subtree: true, childList: true, attributes: true, characterData: true });
      }
      if (box === edited) window.__editedId = id;
    }
    return { fields, withMarks };
  });
  assert.ok(observed.fields >= 10, `watching ${observed.fields} fields`);
  assert.ok(observed.withMarks >= 3, `${observed.withMarks} of them have marks`);

  const action = field(page, 0, "action");
  await action.click();
  await action.press("End");
  await action.pressSequentially(" ongoing", { delay: 20 });
  await page.waitForFunction(() =>
    [...document.querySelectorAll('[data-testid="row-0"] .field[data-field="action"] .mirror mark')].some(
      (mark) => mark.textContent.toLowerCase() === "ongoing",
    ),
  );
  // Past the pause too: the full check of the plan must not redraw other fields either.
  await settled(page);
  await page.waitForTimeout(400);
  const mutations = await page.evaluate(() => ({
    edited: window.__mutations.get(window.__editedId),
    others: [...window.__mutations].filter(([id, count]) => id !== window.__editedId && count > 0),
  }));
  assert.ok(mutations.edited > 0, "the edited field was redrawn");
  assert.deepEqual(mutations.others, [], "no other field's marks were touched");
});

test("a long field is still checked after a pause in typing, not at each keystroke", async (t) => {
  const { page } = await openEditor(t);
  const long = "Mum will take Tommy to the dentist on Monday. ".repeat(500);
  assert.ok(long.length > 20000);
  await field(page, 0, "action").fill(long);
  await settled(page);
  const atOnce = await typeAndLookAtOnce(page, 0, "action", " ASAP");
  assert.equal(atOnce.stale, true, "the long field waits for the pause");
  assert.deepEqual(atOnce.highlighted, [], "and shows no marks rather than misplaced ones");
  await settled(page);
  assert.deepEqual(await highlights(page, 0, "action").allTextContents(), ["ASAP"]);
  // Words that change no finding: the check after the pause still catches up with them.
  const unchanged = await typeAndLookAtOnce(page, 0, "action", " Then home.");
  assert.equal(unchanged.stale, true);
  await settled(page);
  assert.deepEqual(await highlights(page, 0, "action").allTextContents(), ["ASAP"]);
  assert.equal(
    await page.evaluate(() => document.querySelector('[data-testid="row-0"] .field[data-field="action"] .mirror').textContent.endsWith("ASAP Then home.\u200b")),
    true,
  );
});

test("a long paste's marks: every one highlighted in the text, the first 100 listed, and the status line says so", async (t) => {
  const { page, seen } = await openEditor(t);
  // 150 sentences, each with two flagged words: 300 findings and more.
  const long = "Support is ongoing and will be reviewed ASAP. ".repeat(150);
  await page.evaluate((text) => {
    const textarea = document.querySelector('[data-testid="row-0"] .field[data-field="action"] textarea');
    textarea.value = text;
    textarea.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertFromPaste" }));
  }, long);
  await settled(page);
  const box = page.locator('[data-testid="row-0"] .field[data-field="action"]');
  assert.equal(await box.locator("textarea").inputValue(), long, "the paste is kept whole");
  const highlighted = await highlights(page, 0, "action").count();
  assert.ok(highlighted >= 300, `every finding is highlighted in the text (${highlighted})`);
  assert.equal(await box.locator(".marks [data-rule]").count(), 100, "the first 100 are listed");
  assert.equal(await box.locator(".marks .mark-quote").first().textContent(), "Support");
  assert.match(await box.locator(".field-status").textContent(), /100 listed below/);
  await assertClean(page, seen);
});
