// Checks as you type: each finding's exact range is marked in its field (underline with
// a pattern per severity, plus an icon and a word in the list under the field), and the
// marks carry data-rule and data-severity.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openEditor, field, marks, highlights, settled, typeInto, assertClean } from "./lib/editor.js";

test("typing a vague word marks exactly that word, with its rule and severity", async (t) => {
  const { page, seen } = await openEditor(t);
  await typeInto(field(page, 0, "action"), "Mum will register Tommy with a dentist ASAP.");
  await settled(page);
  const mark = marks(page, 0, "action").first();
  assert.equal(await mark.getAttribute("data-rule"), "vague-term");
  assert.equal(await mark.getAttribute("data-severity"), "error");
  assert.match(await mark.innerText(), /✖/);
  assert.match(await mark.textContent(), /Problem/);
  assert.match(await mark.textContent(), /ASAP/);
  const underlined = highlights(page, 0, "action");
  assert.equal(await underlined.count(), 1);
  assert.equal(await underlined.textContent(), "ASAP");
  assert.equal(await underlined.getAttribute("data-rule"), "vague-term");
  assert.equal(await underlined.getAttribute("data-severity"), "error");
  const style = await underlined.evaluate((element) => getComputedStyle(element).textDecorationStyle);
  assert.equal(style, "wavy", "errors are a wavy underline, not just a colour");
  await assertClean(page, seen);
});

test("warnings look different from errors in shape, not only colour", async (t) => {
  const { page } = await openEditor(t);
  await typeInto(field(page, 0, "action"), "Mum will keep the house clean and tidy.");
  await settled(page);
  const mark = marks(page, 0, "action").filter({ hasText: "clean and tidy" }).first();
  assert.equal(await mark.getAttribute("data-severity"), "warning");
  assert.match(await mark.innerText(), /▲/);
  const underlined = highlights(page, 0, "action").filter({ hasText: "clean and tidy" }).first();
  assert.equal(await underlined.evaluate((element) => getComputedStyle(element).textDecorationStyle), "dashed");
});

test("marks land on the right characters after emoji and curly quotes (UTF-16)", async (t) => {
  const { page } = await openEditor(t);
  await typeInto(field(page, 0, "action"), "Tommy’s 😀 mum: ASAP");
  await settled(page);
  const underlined = highlights(page, 0, "action");
  assert.equal(await underlined.count(), 1);
  assert.equal(await underlined.textContent(), "ASAP");
  // The highlight layer mirrors the textarea's text exactly.
  const mirrored = await page.evaluate(() => {
    const box = document.querySelector('[data-testid="row-0"] .field[data-field="action"]');
    return box.querySelector(".mirror").textContent.replace("\u200b", "");
  });
  assert.equal(mirrored, "Tommy’s 😀 mum: ASAP");
});

test("fixing the text removes the mark, and the row's SMART badges follow", async (t) => {
  const { page } = await openEditor(t);
  await typeInto(field(page, 0, "by_when"), "ASAP");
  await settled(page);
  const timely = page.locator('[data-testid="row-0"] .smart-badge[data-letter="T"]');
  assert.equal(await timely.getAttribute("data-met"), "false");
  assert.match(await page.locator('[data-testid="row-0"] .smart-tip').last().textContent(), /Timely: not met/);
  await typeInto(field(page, 0, "by_when"), "by 15 January 2027");
  await settled(page);
  assert.equal(await marks(page, 0, "by_when").count(), 0);
  assert.equal(await highlights(page, 0, "by_when").filter({ hasText: "ASAP" }).count(), 0);
});

test("after opening another plan, every field's highlight layer holds its text", async (t) => {
  const { page } = await openEditor(t);
  for (const example of ["tommy-good", "tommy-unhelpful", "tommy-good"]) {
    await page.click(`[data-testid="example-${example}"]`);
    await settled(page);
    const mismatches = await page.evaluate(() =>
      [...document.querySelectorAll(".field")]
        .map((box) => ({
          id: box.querySelector("textarea")?.id,
          value: box.querySelector("textarea")?.value,
          layer: box.querySelector(".mirror")?.textContent.replace("\u200b", ""),
        }))
        .filter((field) => field.id && field.value !== field.layer),
    );
    assert.deepEqual(mismatches, [], `after opening ${example}`);
  }
});
