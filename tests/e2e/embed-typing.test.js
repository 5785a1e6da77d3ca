// Typing in the demo case system's form: the edited field is checked as soon as its input
// event is handled (no pause to wait for), so its marks change in the frame that shows the
// typed character; a long paste is checked after a pause and loses no text, and typing
// after it keeps every character.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { openDemo, waitForMark } from "./lib/embed.js";

let demo;
before(async () => {
  demo = await openDemo("index.html");
  await waitForMark(demo.page, "Ongoing");
});
after(() => demo?.close());

test("a keystroke's marks are drawn before the next frame, without a pause", async () => {
  const { page } = demo;
  const marked = await page.evaluate(async () => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
    const field = document.querySelector("textarea[name='action[0]']");
    // Marks on the word typed below, wherever they are drawn.
    const flagged = () =>
      [...document.querySelector("cinplan-overlay").shadowRoot.querySelectorAll(".mark")]
        .filter((mark) => mark.textContent === "ongoing").length;
    field.focus();
    await frame();
    await frame();
    const before = flagged();
    field.value = `${field.value}, ongoing`;
    field.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertText" }));
    // One frame later: a 300 ms debounce (the old default) would not have checked yet.
    await frame();
    return { before, after: flagged() };
  });
  assert.ok(marked.after > marked.before, `marks ${marked.before} → ${marked.after}`);
});

test("a long paste keeps every character, is checked after a pause, and typing goes on", async () => {
  const { page } = demo;
  const field = page.locator("textarea[name='progress[1]']");
  const long = "Sam Jones visited Tommy at home and support is ongoing. ".repeat(6000);
  const checked = page.evaluate(
    (length) =>
      new Promise((resolve) => {
        const field = document.querySelector("textarea[name='progress[1]']");
        field.addEventListener("cinplan:findings", (event) => {
          if (event.detail.text.length >= length) resolve(event.detail.findings.length);
        });
      }),
    long.length,
  );
  await field.evaluate((element, text) => {
    element.focus();
    element.value = text;
    element.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertFromPaste" }));
  }, long);
  await field.press("End");
  await page.keyboard.type(" Done.");
  assert.equal(await field.inputValue(), `${long} Done.`);
  const findings = await checked;
  assert.ok(findings > 0, "the pasted text was checked");
  assert.equal(await field.inputValue(), `${long} Done.`);
});

test("the mirror is drawn in lines, as tall as the field's text, and a check redraws only the lines it changed", async () => {
  const { page } = demo;
  const selector = "textarea[name='action[1]']";
  const text = Array.from({ length: 120 }, (_, n) => `Visit ${n}: support is ongoing and Mum is phoned ASAP.${n % 4 === 0 ? "\n" : ""}\n`).join("");
  const checkedAt = (length) =>
    page.evaluate(
      ([selector, length]) =>
        new Promise((resolve) => {
          document.querySelector(selector).addEventListener("cinplan:findings", function heard(event) {
            if (event.detail.text.length !== length) return;
            this.removeEventListener("cinplan:findings", heard);
            requestAnimationFrame(() => resolve());
          });
        }),
      [selector, length],
    );
  /** The field's mirror: its blocks, how many were drawn before, its height and the field's. */
  const mirror = () =>
    page.evaluate((selector) => {
      const field = document.querySelector(selector);
      const rect = field.getBoundingClientRect();
      const box = [...document.querySelector("cinplan-overlay").shadowRoot.querySelectorAll(".field")].find((node) => {
        const own = node.getBoundingClientRect();
        return Math.abs(own.left - rect.left) < 1 && Math.abs(own.top - rect.top) < 1;
      });
      const layer = box.querySelector(".mirror");
      const blocks = [...layer.children];
      const seen = { lines: blocks.length, kept: blocks.filter((block) => block.__drawnBefore).length, heights: [layer.scrollHeight, field.scrollHeight], marks: layer.querySelectorAll(".mark").length };
      for (const block of blocks) block.__drawnBefore = true;
      return seen;
    }, selector);
  const field = page.locator(selector);
  let checked = checkedAt(text.length);
  await field.evaluate((element, text) => {
    element.focus();
    element.value = text;
    element.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertFromPaste" }));
  }, text);
  await checked;
  const first = await mirror();
  assert.equal(first.lines, text.split("\n").length, "one block per line, and one after the last newline");
  assert.equal(first.heights[0], first.heights[1], "the mirror wraps as the field");
  assert.ok(first.marks >= 120, `${first.marks} marks`);

  checked = checkedAt(text.length + " ongoing".length);
  await field.press("Control+End");
  await page.keyboard.type(" ongoing");
  await checked;
  const changed = await mirror();
  assert.ok(changed.kept >= first.lines - 2, `${changed.kept} of ${first.lines} lines kept`);
  assert.equal(changed.marks, first.marks + 1);
  assert.equal(changed.heights[0], changed.heights[1]);
});
