// The embed in the demo case system: the right words are marked in every kind of field
// (textareas in a table, rich text, a same-origin iframe, rows the host adds later), the
// fields a user cannot type in are left alone, and the marks stay on their words when the
// page, a panel or the field scrolls and when the field or the window changes size.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { openDemo, marks, richMarks, waitForMark, badges, caretsOnMarks } from "./lib/embed.js";

let demo;
before(async () => {
  demo = await openDemo("index.html");
  await waitForMark(demo.page, "Ongoing");
});
after(() => demo?.close());

/** The marked words inside the field `selector` of a page or frame. */
async function marksIn(target, selector) {
  const fieldRect = await target.locator(selector).evaluate((field) => {
    const rect = field.getBoundingClientRect();
    return { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom };
  });
  return (await marks(target))
    .filter(({ rect }) => rect.left >= fieldRect.left - 1 && rect.left + rect.width <= fieldRect.right + 1 && rect.top >= fieldRect.top - 1 && rect.top <= fieldRect.bottom)
    .map(({ text }) => text);
}

test("marks the empty words of the plan table's textareas", async () => {
  const { page } = demo;
  assert.ok((await marksIn(page, "textarea[name='by_when[0]']")).includes("Ongoing"));
  assert.ok((await marksIn(page, "textarea[name='by_when[1]']")).includes("ASAP"));
  const action = await marksIn(page, "textarea[name='action[1]']");
  for (const word of ["appropriate", "support"]) assert.ok(action.includes(word), `${word} in ${action}`);
  assert.ok((await marksIn(page, "textarea[name='visiting']")).includes("appropriate"));
});

test("clicking a mark puts the caret in the flagged word: marks sit on their words", async () => {
  const { page } = demo;
  for (const [selector, word] of [
    ["textarea[name='by_when[0]']", "Ongoing"],
    ["textarea[name='action[1]']", "appropriate"],
    ["textarea[name='visiting']", "appropriate"],
  ]) {
    const { carets, start, end } = await caretsOnMarks(page, page, selector, word);
    assert.ok(carets.length > 0, `no mark on ${word} in ${selector}`);
    for (const caret of carets) assert.ok(caret >= start && caret <= end, `${word}: caret ${caret} not in ${start}..${end}`);
  }
  await page.keyboard.press("Escape");
});

test("leaves read-only fields alone", async () => {
  const { page } = demo;
  // progress[0] says "Ongoing" but is read-only: nothing is drawn over it.
  assert.deepEqual(await marksIn(page, "textarea[name='progress[0]']"), []);
  assert.ok(!(await badges(page)).some((label) => label.includes("Progress, row 1")));
});

test("marks rich text without touching the editor, on the words' own line boxes", async () => {
  const { page } = demo;
  await page.locator("#contingency").scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelector("cinplan-overlay").shadowRoot.querySelectorAll(".field:not([hidden]) .box").length >= 2);
  const boxes = await richMarks(page);
  // Where the browser lays out "monitor" and "ASAP" in the host's own editor.
  const words = await page.evaluate(() => {
    const editor = document.getElementById("contingency");
    const found = [];
    const walker = document.createTreeWalker(editor, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const word of ["monitor", "ASAP"]) {
        const at = node.data.indexOf(word);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + word.length);
        const rect = range.getBoundingClientRect();
        found.push({ word, left: rect.left, right: rect.right, bottom: rect.bottom });
      }
    }
    return found;
  });
  assert.equal(words.length, 2);
  for (const word of words) {
    const box = boxes.find(({ rect }) => Math.abs(rect.left - word.left) < 1 && Math.abs(rect.left + rect.width - word.right) < 1);
    assert.ok(box, `no underline under ${word.word}: ${JSON.stringify(boxes)}`);
    assert.ok(Math.abs(box.rect.top + box.rect.height - word.bottom) < 3, `${word.word}: underline not at the baseline`);
  }
});

test("marks fields inside a same-origin iframe, and not the child's own words", async () => {
  const frame = demo.page.frame({ url: /frame\.html$/ });
  await waitForMark(frame, "regularly");
  const { carets, start, end } = await caretsOnMarks(frame, demo.page, "#review-frequency", "regularly");
  assert.ok(carets.length === 1 && carets[0] >= start && carets[0] <= end, `caret ${carets} not in ${start}..${end}`);
  await demo.page.keyboard.press("Escape");
  // The child's views are recorded as said: "ASAP" there is not the plan's word.
  assert.deepEqual(await marksIn(frame, "#views-child"), []);
});

test("marks rows the host and the user add after the page has loaded", async () => {
  const { page } = demo;
  await page.waitForSelector("#loaded-row");
  await page.waitForFunction(() => [...document.querySelector("cinplan-overlay").shadowRoot.querySelectorAll(".badge:not([hidden])")].some((badge) => badge.getAttribute("aria-label").includes("By when, row 3")));
  assert.ok((await marksIn(page, "textarea[name='by_when[2]']")).includes("Ongoing"));
  // And a row the user adds, typed into.
  await page.click("#add-row");
  const added = page.locator("textarea[name='by_when[3]']");
  await added.fill("ASAP please");
  await page.waitForFunction(() => [...document.querySelector("cinplan-overlay").shadowRoot.querySelectorAll(".badge:not([hidden])")].some((badge) => badge.getAttribute("aria-label").includes("By when, row 4")));
  assert.ok((await marksIn(page, "textarea[name='by_when[3]']")).includes("ASAP"));
});

test("attaches to elements marked data-cinplan-field later, and follows disabled and read-only", async () => {
  const { page } = demo;
  await page.evaluate(() => {
    const field = document.createElement("textarea");
    field.id = "late-field";
    field.setAttribute("data-cinplan-field", "by_when");
    field.setAttribute("aria-label", "Late field");
    field.disabled = true;
    field.value = "Ongoing for now";
    document.querySelector("main").prepend(field);
  });
  await page.waitForTimeout(600);
  assert.deepEqual(await marksIn(page, "#late-field"), [], "a disabled field is not checked");
  await page.evaluate(() => {
    document.getElementById("late-field").disabled = false;
  });
  await page.waitForFunction(() => [...document.querySelector("cinplan-overlay").shadowRoot.querySelectorAll(".badge:not([hidden])")].some((badge) => badge.getAttribute("aria-label").includes("Late field")));
  assert.deepEqual(await marksIn(page, "#late-field"), ["Ongoing"]);
  await page.evaluate(() => document.getElementById("late-field").setAttribute("readonly", ""));
  await page.waitForFunction(() => ![...document.querySelector("cinplan-overlay").shadowRoot.querySelectorAll(".badge:not([hidden])")].some((badge) => badge.getAttribute("aria-label").includes("Late field")));
  assert.deepEqual(await marksIn(page, "#late-field"), []);
  await page.evaluate(() => document.getElementById("late-field").remove());
});

test("marks stay on their words when the page, a panel and the field scroll", async () => {
  const { page } = demo;
  await page.evaluate(() => window.scrollTo(0, 0));
  const check = async (selector, word, why) => {
    const { carets, start, end } = await caretsOnMarks(page, page, selector, word);
    assert.ok(carets.length > 0, `${why}: no visible mark on ${word}`);
    for (const caret of carets) assert.ok(caret >= start && caret <= end, `${why}: caret ${caret} not in ${start}..${end}`);
    await page.keyboard.press("Escape");
  };
  await page.evaluate(() => window.scrollBy(0, 120));
  await page.waitForTimeout(100);
  await check("textarea[name='by_when[1]']", "ASAP", "after the page scrolled");

  // The table's own scrolling panel.
  await page.evaluate(() => {
    const panel = document.querySelector(".table-scroll");
    panel.style.setProperty("max-height", "200px");
    panel.scrollTop = 90;
  });
  await page.waitForTimeout(100);
  await check("textarea[name='by_when[1]']", "ASAP", "after the panel scrolled");
  await page.evaluate(() => {
    const panel = document.querySelector(".table-scroll");
    panel.style.removeProperty("max-height");
    panel.scrollTop = 0;
  });

  // The textarea's own scrolling: a long text, scrolled to its end.
  const visiting = page.locator("textarea[name='visiting']");
  await visiting.fill(`${"Sam Jones will see Tommy at home. ".repeat(12)}Visits will be regular.`);
  await waitForMark(page, "regular");
  await visiting.evaluate((field) => {
    field.scrollTop = field.scrollHeight;
  });
  await page.waitForTimeout(100);
  await check("textarea[name='visiting']", "regular", "after the textarea scrolled");
  const inside = await page.evaluate(() => {
    const field = document.querySelector("textarea[name='visiting']").getBoundingClientRect();
    const host = document.querySelector("cinplan-overlay");
    return [...host.shadowRoot.querySelectorAll(".mark")].filter((span) => span.textContent === "regular").map((span) => {
      const rect = span.getBoundingClientRect();
      return rect.top >= field.top && rect.bottom <= field.bottom;
    });
  });
  assert.deepEqual(inside, [true]);
});

test("marks follow the field's size and font, and the window's size", async () => {
  const { page } = demo;
  await page.evaluate(() => window.scrollTo(0, 0));
  const field = "textarea[name='action[1]']";
  // The host makes the field wider and its text larger: the words wrap elsewhere.
  await page.locator(field).evaluate((textarea) => {
    textarea.style.setProperty("font-size", "19px");
    textarea.style.setProperty("height", "160px");
  });
  await page.waitForTimeout(150);
  for (const word of ["appropriate", "support"]) {
    const { carets, start, end } = await caretsOnMarks(page, page, field, word);
    assert.ok(carets.length > 0, `no mark on ${word} after the font changed`);
    for (const caret of carets) assert.ok(caret >= start && caret <= end, `${word}: caret ${caret} not in ${start}..${end}`);
    await page.keyboard.press("Escape");
  }
  await page.setViewportSize({ width: 1000, height: 800 });
  await page.waitForTimeout(150);
  const { carets, start, end } = await caretsOnMarks(page, page, field, "appropriate");
  assert.ok(carets.length > 0 && carets.every((caret) => caret >= start && caret <= end), "after the window was resized");
  await page.keyboard.press("Escape");
  // The mirror wraps exactly as the field: the same height of text.
  const heights = await page.locator(field).evaluate((textarea) => {
    const host = document.querySelector("cinplan-overlay");
    const rect = textarea.getBoundingClientRect();
    const box = [...host.shadowRoot.querySelectorAll(".field")].find((node) => {
      const own = node.getBoundingClientRect();
      return Math.abs(own.left - rect.left) < 1 && Math.abs(own.top - rect.top) < 1;
    });
    return { field: textarea.scrollHeight, mirror: box.querySelector(".mirror").scrollHeight };
  });
  assert.equal(heights.mirror, heights.field);
});

test("a cell is checked with the rest of its row and the form's dates", async () => {
  const { page } = demo;
  const rulesOn = (selector) =>
    page.evaluate(async (selector) => {
      const cinplan = await import("/cinplan/cinplan-embed.js");
      const entry = cinplan.summary().fields.find((field) => field.element === document.querySelector(selector));
      return entry ? entry.findings.map((finding) => finding.rule) : null;
    }, selector);
  await page.click("#add-row");
  const row = await page.evaluate(() => document.querySelector("#plan-table tbody").rows.length - 1);
  await page.locator(`textarea[name='action[${row}]']`).fill("Weekly sessions at the family centre");
  // Typing the action makes the row's empty "By whom" an empty cell of a filled row.
  await page.waitForFunction(async (selector) => {
    const cinplan = await import("/cinplan/cinplan-embed.js");
    const entry = cinplan.summary().fields.find((field) => field.element === document.querySelector(selector));
    return entry?.findings.some((finding) => finding.rule === "empty-field");
  }, `textarea[name='by_whom[${row}]']`);

  const byWhen = `textarea[name='by_when[${row}]']`;
  await page.locator(byWhen).fill("by 31 March 2027");
  await page.waitForTimeout(500);
  assert.ok((await rulesOn(byWhen)).includes("after-first-review"), "31 March 2027 is after the form's first review, 16 February 2027");
  await page.locator("#review-date").fill("2027-04-30");
  await page.locator("#review-date").dispatchEvent("change");
  await page.waitForTimeout(500);
  assert.ok(!(await rulesOn(byWhen)).includes("after-first-review"), "the review moved to 30 April 2027");
  await page.locator("#review-date").fill("2027-02-16");
  await page.locator("#review-date").dispatchEvent("change");
});
