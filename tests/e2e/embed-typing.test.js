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
