// A field that holds a long paste (over 20,000 characters): the plan is checked in a worker
// that runs the embed's WebAssembly (web/long-check-worker.js), fetched only then, with the
// same findings as the editor's own check; without the worker the editor checks on the
// page as before. The field scrolls in a box of its own, the layer beneath follows it, and
// its marks still open their popovers.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openEditor, openExample, settled, assertClean } from "./lib/editor.js";

/** 25,000 characters, two flagged words in each sentence. */
const LONG = "Support is ongoing and will be reviewed ASAP. ".repeat(545);
const FIELD = '[data-testid="row-0"] .field[data-field="action"]';

async function paste(page, text) {
  await page.evaluate(
    ([selector, text]) => {
      const textarea = document.querySelector(`${selector} textarea`);
      textarea.focus();
      textarea.value = text;
      textarea.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertFromPaste" }));
    },
    [FIELD, text],
  );
}

/** What the editor shows of its check: the field's marks and status, the SMART score. */
async function shown(page) {
  return page.evaluate((selector) => {
    const box = document.querySelector(selector);
    return {
      marks: [...box.querySelectorAll(".mirror mark")].map(
        (mark) => `${mark.dataset.rule} ${mark.dataset.severity} ${mark.textContent}`,
      ),
      status: box.querySelector(".field-status").textContent,
      listed: box.querySelectorAll(".marks [data-rule]").length,
      score: document.querySelector('[data-testid="score"]').textContent,
    };
  }, FIELD);
}

const fetched = (server, file) => server.requests.some((request) => request.endsWith(file));

test("a long paste is checked in the worker, with the editor's own findings", async (t) => {
  const { page, server, seen } = await openEditor(t);
  await settled(page);
  // The worker is started as the last part of loading the page: by the time a long text
  // is pasted, it runs the embed's WebAssembly, and the paste needs no request.
  while (!fetched(server, "/embed/cinplan_wasm_bg.wasm")) await page.waitForTimeout(50);
  assert.ok(fetched(server, "/long-check-worker.js"));
  const before = server.requests.length;
  const posted = await page.evaluate(() => {
    // Count the checks handed to a worker: the editor's only way to a worker is postMessage.
    window.__posted = 0;
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (...args) {
      window.__posted += 1;
      return post.apply(this, args);
    };
    return window.__posted;
  });
  assert.equal(posted, 0);

  await paste(page, LONG);
  await settled(page);
  assert.ok((await page.evaluate(() => window.__posted)) >= 1, "the check went to the worker");
  assert.deepEqual(server.requests.slice(before), [], "no request for the paste");
  const inWorker = await shown(page);
  assert.ok(inWorker.marks.length >= 1090, `every finding is marked (${inWorker.marks.length})`);
  assert.equal(inWorker.listed, 100);
  assert.ok(inWorker.marks.includes("vague-term error ongoing"), inWorker.marks.slice(0, 4).join(", "));

  // The same paste where the worker cannot start: the editor checks on the page, and
  // finds and shows exactly the same.
  let refused = 0;
  const warnings = [];
  const other = await openEditor(t, {
    beforeGoto: (page) => {
      page.on("console", (message) => message.type() === "warning" && warnings.push(message.text()));
      return page.route("**/long-check-worker.js", (route) => {
        refused += 1;
        return route.fulfill({ status: 404 });
      });
    },
  });
  await settled(other.page);
  await paste(other.page, LONG);
  await settled(other.page);
  assert.ok(!fetched(other.server, "/embed/cinplan_wasm_bg.wasm"), "no worker ran");
  assert.equal(refused, 1, "the worker was asked for once");
  assert.deepEqual(await shown(other.page), inWorker);
  assert.ok(warnings.some((text) => /checking long plans on the page instead of in a worker/.test(text)), warnings.join("\n"));

  // Typing on in the long field: the marks wait for the pause (the layer keeps its last
  // drawing, marks hidden, rather than laying the whole text out again), then follow.
  const textarea = page.locator(`${FIELD} textarea`);
  await textarea.press("End");
  await textarea.pressSequentially(" Mum will phone the school ongoing", { delay: 10 });
  assert.equal(await page.locator(`${FIELD} .field-box.field-stale`).count(), 1, "stale until the pause");
  await settled(page);
  const after = await shown(page);
  assert.equal(after.marks.length, inWorker.marks.length + 1, "the new 'ongoing' is marked after the pause");
  assert.equal(await textarea.inputValue(), `${LONG} Mum will phone the school ongoing`);
  await assertClean(page, seen);
});

test("a long field scrolls in its own box, the marks follow it, and a mark under the pointer opens", async (t) => {
  const { page, seen } = await openEditor(t, { viewport: { width: 1280, height: 900 } });
  await settled(page);
  await paste(page, LONG);
  await settled(page);
  const box = page.locator(FIELD);
  assert.equal(await box.locator(".field-box.field-long").count(), 1);
  const sizes = await box.locator(".field-box").evaluate((element) => ({
    box: element.getBoundingClientRect().height,
    window: window.innerHeight,
  }));
  assert.ok(sizes.box <= sizes.window, `the box fits in the window (${sizes.box} of ${sizes.window} px)`);

  // Scrolled halfway down the text, the layer shows the same part of it.
  const scrolled = await box.evaluate((element) => {
    const textarea = element.querySelector("textarea");
    textarea.scrollTop = textarea.scrollHeight / 2;
    textarea.dispatchEvent(new Event("scroll"));
    return { textarea: textarea.scrollTop, mirror: element.querySelector(".mirror").scrollTop };
  });
  assert.ok(scrolled.textarea > 1000, `the text scrolls (${scrolled.textarea} px)`);
  assert.equal(scrolled.mirror, scrolled.textarea, "the layer follows the text");

  // A mark now in view, halfway down a thousand, opens its popover under the pointer.
  const target = await box.evaluate((element) => {
    const area = element.querySelector(".field-box").getBoundingClientRect();
    const mark = [...element.querySelectorAll(".mirror mark")].find((mark) => {
      const rect = mark.getBoundingClientRect();
      return mark.textContent === "ASAP" && rect.top > area.top + 20 && rect.bottom < area.bottom - 20;
    });
    const rect = mark.getBoundingClientRect();
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2, key: mark.dataset.key };
  });
  await page.mouse.move(target.x, target.y);
  const popover = page.locator('[data-testid="popover"]').first();
  await popover.waitFor();
  assert.match(await popover.textContent(), /ASAP/);
  await assertClean(page, seen);
});

test("a worker's report that comes after another plan was opened is not shown for it", async (t) => {
  const { page, seen } = await openEditor(t, {
    // The worker's answers reach the editor 2 s late, so that one is still on its way
    // when another plan opens.
    initScript: () => {
      const descriptor = Object.getOwnPropertyDescriptor(Worker.prototype, "onmessage");
      Object.defineProperty(Worker.prototype, "onmessage", {
        set(handler) {
          descriptor.set.call(this, (event) => setTimeout(() => handler(event), 2000));
        },
        get() {
          return descriptor.get.call(this);
        },
      });
      window.__posted = 0;
      const post = Worker.prototype.postMessage;
      Worker.prototype.postMessage = function (...args) {
        window.__posted += 1;
        return post.apply(this, args);
      };
    },
  });
  await settled(page);
  await paste(page, LONG);
  // The check of the long paste is asked of the worker after the pause...
  await page.waitForFunction(() => window.__posted >= 1, null, { timeout: 10000 });
  // ...and before its answer, the user opens an example.
  await openExample(page, "tommy-good");
  const opened = await shown(page);
  await page.waitForTimeout(2500);
  assert.equal(await page.locator(".field-stale").count(), 0, "every field's marks are of its text");
  assert.deepEqual(await shown(page), opened, "the example's findings stay");
  await assertClean(page, seen);
});

test("the layer is drawn in lines, wraps as the text does, and a check redraws only the lines it changed", async (t) => {
  const { page, seen } = await openEditor(t);
  await settled(page);
  // Lines of several lengths, blank lines and a final newline, as a pasted report has.
  const paragraph = (n) => `Week ${n}: support is ongoing and Mum will be contacted ASAP about the visits.${" More detail.".repeat(n % 7)}\n${n % 5 === 0 ? "\n" : ""}`;
  const report = Array.from({ length: 400 }, (_, n) => paragraph(n)).join("");
  assert.ok(report.length > 20000 && report.endsWith("\n"));
  await paste(page, report);
  await settled(page);
  const layer = () =>
    page.locator(FIELD).evaluate((element) => {
      const textarea = element.querySelector("textarea");
      const mirror = element.querySelector(".mirror");
      const blocks = [...mirror.children];
      const text = textarea.value;
      return {
        lines: blocks.length,
        kept: blocks.filter((block) => block.__drawnBefore).length,
        heights: [mirror.scrollHeight, textarea.scrollHeight],
        // Every mark's key names its own range of the text (keys move with the text).
        misplaced: [...mirror.querySelectorAll("mark")].filter((mark) => {
          const [start, end] = mark.dataset.key.split("-").slice(-2).map(Number);
          return text.slice(start, end) !== mark.textContent;
        }).length,
        marks: mirror.querySelectorAll("mark").length,
        tag: blocks.forEach((block) => (block.__drawnBefore = true)),
      };
    });
  const first = await layer();
  assert.equal(first.lines, report.split("\n").length, "one block per line, and one after the last newline");
  assert.equal(first.heights[0], first.heights[1], "the layer is as tall as the text");
  assert.equal(first.misplaced, 0);
  assert.ok(first.marks >= 800, `${first.marks} marks`);

  // A word added at the end: only the last lines are drawn again.
  const textarea = page.locator(`${FIELD} textarea`);
  await textarea.press("Control+End");
  await textarea.pressSequentially("Review ongoing", { delay: 10 });
  await settled(page);
  const atEnd = await layer();
  assert.ok(atEnd.kept >= first.lines - 2, `${atEnd.kept} of ${first.lines} lines kept`);
  assert.equal(atEnd.marks, first.marks + 1, "the new 'ongoing' is marked");
  assert.equal(atEnd.misplaced, 0);

  // A word added at the start moves every range after it: the lines below are kept, and
  // their marks carry the new ranges.
  await textarea.press("Control+Home");
  await textarea.pressSequentially("Note: ", { delay: 10 });
  await settled(page);
  const atStart = await layer();
  assert.ok(atStart.kept >= first.lines - 2, `${atStart.kept} of ${first.lines} lines kept`);
  assert.equal(atStart.misplaced, 0, "every kept mark's key follows its words");
  assert.equal(atStart.heights[0], atStart.heights[1]);

  // Its popover still opens from a kept line, under the pointer.
  const target = await page.locator(FIELD).evaluate((element) => {
    const mark = element.querySelectorAll(".mirror mark")[3];
    const rect = mark.getBoundingClientRect();
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2, text: mark.textContent };
  });
  await page.mouse.move(target.x, target.y);
  const popover = page.locator('[data-testid="popover"]').first();
  await popover.waitFor();
  assert.ok((await popover.textContent()).includes(target.text));
  await assertClean(page, seen);
});
