// <cinplan-field>, for hosts that can change their markup: it checks the textarea it
// wraps, says after it how many suggestions there are with a button in the tab order, and
// lets go of the field when it is removed.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { openDemo, marks, waitForMark } from "./lib/embed.js";
import { axeViolations } from "./lib/harness.js";

let demo;
before(async () => {
  demo = await openDemo("element.html");
  await waitForMark(demo.page, "ASAP");
});
after(() => demo?.close());

/** The status line of the <cinplan-field> wrapping `selector`. */
function status(page, selector) {
  return page.locator(selector).evaluate((field) => {
    const element = field.closest("cinplan-field");
    const line = element.shadowRoot.querySelector(".status");
    return { hidden: line.hidden, text: line.querySelector("span").textContent, findings: element.findings.length };
  });
}

test("checks the wrapped textarea and says how many suggestions it has", async () => {
  const { page } = demo;
  const words = (await marks(page)).map((mark) => mark.text);
  for (const word of ["Ongoing", "ASAP", "engage with"]) assert.ok(words.includes(word), words.join());
  const line = await status(page, "#by-when");
  assert.equal(line.hidden, false);
  assert.equal(line.text, `${line.findings} suggestions for By when`);
  assert.ok(line.findings >= 2);
});

test("its Review button comes right after the field in the tab order and opens the popover", async () => {
  const { page } = demo;
  await page.locator("#by-when").focus();
  await page.keyboard.press("Tab");
  const focused = await page.evaluate(() => {
    const element = document.activeElement;
    return element.localName === "cinplan-field" ? element.shadowRoot.activeElement?.textContent : null;
  });
  assert.equal(focused, "Review");
  await page.keyboard.press("Enter");
  const open = await page.evaluate(() => {
    const shadow = document.querySelector("cinplan-overlay").shadowRoot;
    const popover = shadow.querySelector(".popover");
    return !popover.hidden && popover.contains(shadow.activeElement);
  });
  assert.equal(open, true);
  await page.keyboard.press("Escape");
  assert.equal(await page.evaluate(() => document.activeElement.id), "by-when");
});

test("is accessible (axe-core)", async () => {
  assert.deepEqual(await axeViolations(demo.page), []);
});

test("lets go of the field when removed, and takes the new field name when it changes", async () => {
  const { page } = demo;
  await page.evaluate(() => document.querySelector("cinplan-field[field=action]").remove());
  await page.waitForTimeout(100);
  assert.ok(!(await marks(page)).some((mark) => mark.text === "engage with"));
  const checkedAs = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const element = document.querySelector("cinplan-field[field=by_when]");
        element.addEventListener("cinplan:findings", (event) => event.detail.findings.length > 0 && resolve(event.detail.field));
        element.setAttribute("field", "outcome");
      }),
  );
  assert.equal(checkedAs, "outcome");
  await page.evaluate(() => document.querySelector("cinplan-field").remove());
  await page.waitForTimeout(100);
  assert.equal(await page.locator("cinplan-overlay").count(), 0, "the last field gone, cinplan's container goes too");
});
