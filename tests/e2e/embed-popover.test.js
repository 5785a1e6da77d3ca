// The popover and applying suggestions, in the demo case system: what is wrong and why,
// rewrites that use the host form's own dates, keyboard use, screen-reader announcements,
// applying a rewrite (the field changes, the host hears input and change), exact positions
// after non-ASCII text, rich text edited through the editor, and the host's save warning.
import { test, before, after, beforeEach } from "node:test";
import assert from "node:assert/strict";
import { openDemo, marks, waitForMark, withCinplan } from "./lib/embed.js";

let demo;
before(async () => {
  demo = await openDemo(null);
});
after(() => demo?.close());
beforeEach(async () => {
  await demo.page.goto(demo.url("index.html"));
  await waitForMark(demo.page, "Ongoing");
  // The case system adds a row 300 ms after load, which moves everything below the table
  // down: tests that click at a point wait for it, or the click can land where the words
  // were a moment before.
  await demo.page.waitForSelector("#loaded-row");
});

/** The popover's state: open, its message, suggestions and advice, where the focus is. */
function popover(page) {
  return page.evaluate(() => {
    const shadow = document.querySelector("cinplan-overlay").shadowRoot;
    const node = shadow.querySelector(".popover");
    return {
      open: !node.hidden,
      role: node.getAttribute("role"),
      label: node.getAttribute("aria-label"),
      message: node.querySelector(".message")?.textContent ?? null,
      rule: node.querySelector(".rule-id")?.textContent.replace(/^Rule: /, "") ?? null,
      why: node.querySelector("details p")?.textContent ?? null,
      suggestions: [...node.querySelectorAll("button.suggestion")].map((button) => button.lastChild.textContent),
      advice: [...node.querySelectorAll(".advice")].map((advice) => advice.lastChild.textContent),
      focusInPopover: node.contains(shadow.activeElement),
      focused: shadow.activeElement?.textContent ?? null,
      pageFocus: document.activeElement?.getAttribute("name") ?? document.activeElement?.id ?? null,
    };
  });
}

/** The findings cinplan holds for the field `selector` (what its popover shows). */
function findingsOf(page, selector) {
  return withCinplan(page, (cinplan, selector) => cinplan.summary().fields.find((entry) => entry.element === document.querySelector(selector)).findings, selector);
}

/** Clicks the middle of the first mark showing `word`. */
async function clickMark(page, word) {
  const mark = (await marks(page)).find((candidate) => candidate.text === word);
  assert.ok(mark, `no mark on ${word}`);
  await page.mouse.click(mark.rect.left + mark.rect.width / 2, mark.rect.top + mark.rect.height / 2);
}

test("clicking a flagged word shows what is wrong and why, and keeps the focus in the field", async () => {
  const { page } = demo;
  await clickMark(page, "Ongoing");
  const shown = await popover(page);
  assert.equal(shown.open, true);
  assert.equal(shown.role, "dialog");
  assert.match(shown.message, /"Ongoing"/);
  const docs = await withCinplan(page, (cinplan, rule) => cinplan.explain(rule), shown.rule);
  assert.equal(shown.why, docs.why);
  assert.equal(shown.pageFocus, "by_when[0]");
  assert.equal(shown.focusInPopover, false);
});

test("rewrites use the host form's dates, and follow them when they change", async () => {
  const { page } = demo;
  await clickMark(page, "Ongoing");
  assert.ok((await popover(page)).suggestions.some((text) => text.includes("16 February 2027")), "the first review date from the form");
  await page.keyboard.press("Escape");
  await page.locator("#review-date").fill("2027-03-02");
  await page.locator("#review-date").dispatchEvent("change");
  await clickMark(page, "Ongoing");
  const suggestions = (await popover(page)).suggestions;
  assert.ok(suggestions.some((text) => text.includes("2 March 2027")), suggestions.join(" | "));
});

test("Alt+Enter takes the focus into the popover, Tab stays in it, Escape goes back to the field", async () => {
  const { page } = demo;
  await page.locator("textarea[name='by_when[1]']").click();
  await page.keyboard.press("Alt+Enter");
  let shown = await popover(page);
  assert.equal(shown.open, true);
  assert.equal(shown.focusInPopover, true);
  assert.match(shown.message, /"ASAP"/);
  for (let step = 0; step < 6; step++) {
    await page.keyboard.press("Tab");
    assert.equal((await popover(page)).focusInPopover, true, `after ${step + 1} Tab presses`);
  }
  await page.keyboard.press("Escape");
  shown = await popover(page);
  assert.equal(shown.open, false);
  assert.equal(shown.pageFocus, "by_when[1]");
});

test("applying a suggestion replaces the flagged words, fires input and change, and selects the placeholder", async () => {
  const { page } = demo;
  const field = page.locator("textarea[name='by_when[1]']");
  await field.evaluate((textarea) => {
    window.heard = [];
    for (const type of ["input", "change"]) textarea.addEventListener(type, (event) => window.heard.push(`${type}:${event.isTrusted}`));
  });
  await field.click();
  await page.keyboard.press("Alt+Enter");
  const before = await field.inputValue();
  // The finding the popover shows: where the words are and what replaces them.
  const finding = (await findingsOf(page, "textarea[name='by_when[1]']")).find((found) => before.slice(found.start, found.end) === "ASAP");
  const suggestion = finding.suggestions.find((candidate) => candidate.applicability !== "display-only");
  assert.ok((await popover(page)).focused.endsWith(suggestion.replacement), "the first rewrite has the focus");
  await page.keyboard.press("Enter");
  const expected = before.slice(0, finding.start) + suggestion.replacement + before.slice(finding.end);
  assert.equal(await field.inputValue(), expected);
  const heard = await page.evaluate(() => window.heard);
  assert.ok(heard.some((event) => event.startsWith("input:")), heard.join());
  assert.equal(heard.filter((event) => event.startsWith("change:")).length, 1, heard.join());
  assert.ok(heard.indexOf(heard.find((event) => event.startsWith("input:"))) < heard.indexOf(heard.find((event) => event.startsWith("change:"))));
  const selected = await field.evaluate((textarea) => textarea.value.slice(textarea.selectionStart, textarea.selectionEnd));
  assert.match(selected, /^\[.+\]$/, "the first placeholder is selected, ready to type over");
  assert.equal((await popover(page)).pageFocus, "by_when[1]");
  await page.waitForTimeout(100);
  assert.ok(!(await marks(page)).some((mark) => mark.text === "ASAP"), "the applied finding's mark is gone");
});

test("advice is shown as text, never as a button that changes the field", async () => {
  const { page } = demo;
  await clickMark(page, "appropriate");
  const shown = await popover(page);
  assert.ok(shown.advice.length > 0, "the advice is shown");
  for (const advice of shown.advice) assert.ok(!shown.suggestions.includes(advice));
});

test("positions count UTF-16 like JavaScript: words after é, ’ and an emoji are marked and replaced exactly", async () => {
  const { page } = demo;
  const text = "Tommy’s café visits 😀 will be ongoing, starting ASAP";
  await page.evaluate((text) => {
    const field = document.createElement("textarea");
    field.id = "unicode-field";
    field.setAttribute("data-cinplan-field", "by_when");
    field.setAttribute("aria-label", "Unicode field");
    field.value = text;
    document.querySelector("main").prepend(field);
    window.scrollTo(0, 0);
  }, text);
  // Both marks come from one check, but the overlay draws them in frames of its own: on a
  // loaded machine the second may land a frame later, so wait for each.
  await waitForMark(page, "ASAP", 15000);
  await waitForMark(page, "ongoing", 15000);
  const words = (await marks(page)).map((mark) => mark.text);
  assert.ok(words.includes("ongoing") && words.includes("ASAP"), words.join());
  const findings = await findingsOf(page, "#unicode-field");
  const asap = findings.find((finding) => text.slice(finding.start, finding.end) === "ASAP");
  assert.ok(asap, "the range is JavaScript's");
  assert.equal(asap.start, text.indexOf("ASAP"));
  await page.locator("#unicode-field").click();
  await page.keyboard.press("End");
  await page.keyboard.press("Alt+Enter");
  assert.match((await popover(page)).message, /"ASAP"/);
  await page.keyboard.press("Enter");
  const replacement = asap.suggestions.find((candidate) => candidate.applicability !== "display-only").replacement;
  assert.equal(await page.locator("#unicode-field").inputValue(), text.replace("ASAP", replacement));
});

test("rich text: a suggestion is applied through the editor, which keeps its markup", async () => {
  const { page } = demo;
  const editor = page.locator("#contingency");
  await editor.scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelector("cinplan-overlay").shadowRoot.querySelectorAll(".field:not([hidden]) .box").length >= 2);
  const point = await editor.evaluate((node) => {
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
    for (let text = walker.nextNode(); text; text = walker.nextNode()) {
      const at = text.data.indexOf("ASAP");
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(text, at + 1);
      range.setEnd(text, at + 2);
      const rect = range.getBoundingClientRect();
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    }
    return null;
  });
  await page.mouse.click(point.x, point.y);
  assert.match((await popover(page)).message, /"ASAP"/);
  await page.keyboard.press("Alt+Enter");
  assert.equal((await popover(page)).focusInPopover, true);
  await page.keyboard.press("Enter");
  // Applied through the host's editor and saved by its own handler: wait for both rather
  // than read at once (under load the edit may land a task later).
  await page.waitForFunction(() => {
    const html = document.querySelector("#contingency").innerHTML;
    return !html.includes("ASAP") && document.querySelector("#contingency-value").value === html;
  });
  const html = await editor.innerHTML();
  assert.match(html, /<b>monitor<\/b>/, "the editor's bold text is kept");
  assert.doesNotMatch(html, /ASAP/);
  assert.match(html, /[Bb]y \[date\]/);
  // The host's editor heard the edit and saved its HTML, as it does when the user types.
  assert.equal(await page.locator("#contingency-value").inputValue(), html);
});

test("screen readers hear how many suggestions a field has when it gets the focus", async () => {
  const { page } = demo;
  await page.locator("textarea[name='action[1]']").focus();
  await page.waitForFunction(() => /suggestions/.test(document.querySelector("cinplan-overlay").shadowRoot.querySelector("[role=status]").textContent));
  const said = await page.evaluate(() => document.querySelector("cinplan-overlay").shadowRoot.querySelector("[role=status]").textContent);
  assert.match(said, /^Action, row 2: \d+ suggestions from cinplan\. Press Alt\+Enter to review\.$/);
});

test("the host reads the findings (cinplan:findings) and asks before saving a plan with errors", async () => {
  const { page } = demo;
  const heard = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const field = document.querySelector("textarea[name='by_when[0]']");
        field.addEventListener("cinplan:findings", (event) => resolve({ field: event.detail.field, errors: event.detail.errors, flagged: event.detail.findings.map((finding) => event.detail.text.slice(finding.start, finding.end)) }), { once: true });
        field.value = "ASAP and ongoing";
        field.dispatchEvent(new Event("input", { bubbles: true }));
      }),
  );
  assert.equal(heard.field, "by_when");
  assert.equal(heard.errors, 2);
  assert.deepEqual(heard.flagged, ["ASAP", "ongoing"]);

  const dialogs = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    if (dialogs.length === 1) dialog.dismiss();
    else dialog.accept();
  });
  await page.click("button[type=submit]");
  assert.match(dialogs[0], /cinplan found \d+ errors in this plan/);
  assert.equal(await page.locator("#save-status").textContent(), "");
  await page.click("button[type=submit]");
  assert.equal(await page.locator("#save-status").textContent(), "Plan saved.");
});
