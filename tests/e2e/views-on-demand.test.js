// The family view, the child's version, the review and training are not in the editor's
// first download: the editor fetches their module the first time one of them is opened,
// mounts it beside itself, and the two share one plan, one autosave and one undo history.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openEditor, openExample, field, settled, typeInto, assertClean } from "./lib/editor.js";
import { showView } from "./lib/views.js";

/** The file names the page has fetched so far, each with how many times. */
const fetched = (page) =>
  page.evaluate(() => {
    const counts = {};
    for (const entry of performance.getEntriesByType("resource")) {
      const name = new URL(entry.name).pathname.split("/").pop();
      counts[name] = (counts[name] ?? 0) + 1;
    }
    return counts;
  });

const views = (counts) => Object.keys(counts).filter((name) => name.startsWith("cinplan-views"));

/** Resolves once the views module has been fetched in the background. */
const prefetched = (page) =>
  page.waitForFunction(() =>
    performance.getEntriesByType("resource").some((entry) => entry.name.endsWith("/cinplan-views_bg.wasm")),
  );

test("the views module is not part of the first download: fetched once, after the editor is up", async (t) => {
  const { page, seen } = await openEditor(t);
  await settled(page);
  await prefetched(page);
  const timing = await page.evaluate(() => {
    const entries = performance.getEntriesByType("resource");
    const find = (pattern) => entries.find((entry) => pattern.test(entry.name));
    return {
      editorReady: find(/\/cinplan-web-[^/]*_bg\.wasm$/)?.responseEnd,
      viewsStart: find(/\/cinplan-views\.js$/)?.startTime,
    };
  });
  assert.ok(timing.editorReady > 0 && timing.viewsStart > 0, JSON.stringify(timing));
  assert.ok(timing.viewsStart > timing.editorReady, `views fetched after the editor's module: ${JSON.stringify(timing)}`);

  for (const view of ["family", "child", "review", "training", "plan", "family"]) await showView(page, view);
  await page.locator('[data-testid="family-view"]').waitFor();
  // The views are styled by their own stylesheet, which came with the module.
  const cardEdge = await page.evaluate(() => getComputedStyle(document.querySelector(".family-card")).borderLeftWidth);
  assert.equal(cardEdge, "8px", "a family card has its wide left edge from cinplan-views.css");
  const after = await fetched(page);
  assert.deepEqual(
    views(after).sort().map((name) => [name, after[name]]),
    [["cinplan-views.css", 1], ["cinplan-views.js", 1], ["cinplan-views_bg.wasm", 1]],
    "the module, its stylesheet and its WebAssembly, each fetched once",
  );
  // Switching views leaves exactly one view mounted.
  assert.equal(await page.locator('[data-testid="lazy-view"]').count(), 1);
  assert.equal(await page.locator('[data-testid="family-view"]').count(), 1);
  await assertClean(page, seen);
});

test("a view from the module leaves storage to the editor: it neither probes nor saves", async (t) => {
  // Every write to localStorage, by key, in the order made.
  const initScript = () => {
    window.__writes = [];
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function recorded(key, value) {
      window.__writes.push(key);
      return setItem.call(this, key, value);
    };
  };
  const { page, seen } = await openEditor(t, { initScript });
  await settled(page);
  await prefetched(page);
  const probes = () => page.evaluate(() => window.__writes.filter((key) => key === "cinplan.probe").length);
  assert.equal(await probes(), 1, "the editor asks once whether storage works");
  for (const view of ["family", "child", "review", "training", "family"]) await showView(page, view);
  await page.locator('[data-testid="family-view"]').waitFor();
  assert.equal(await probes(), 1, "the views module's editor did not ask again");
  await assertClean(page, seen);
});

test("once the editor is up, the family view opens with the connection gone", async (t) => {
  const { page, seen } = await openEditor(t);
  await openExample(page, "tommy-good");
  await prefetched(page);
  // The laptop leaves the office: every request fails from now on.
  await page.route("**/*", (route) => route.abort());
  await showView(page, "family");
  await page.locator('[data-testid="family-view"]').waitFor();
  await showView(page, "child");
  await page.locator('[data-testid="child-view"]').waitFor();
  await assertClean(page, seen);
});

test("a change made in the family view is one undo step of the editor, and undo reaches the view", async (t) => {
  const { page, seen } = await openEditor(t);
  await openExample(page, "tommy-good");
  const before = await field(page, 0, "action").inputValue();
  await showView(page, "family");
  const box = page.locator('[data-testid="family-f-needs-0-actions-0-action"]');
  assert.equal(await box.inputValue(), before, "the view starts from the editor's plan");
  await typeInto(box, "Sam Jones will call Mum every Monday.");
  await page.locator('[data-testid="undo"]:not([disabled])').waitFor();

  // Undo from the keyboard, with the focus still in the view's box: the editor's history.
  await box.press("Control+z");
  await page.waitForFunction(
    ([selector, text]) => document.querySelector(selector)?.value === text,
    ['[data-testid="family-f-needs-0-actions-0-action"]', before],
  );
  await box.press("Control+Shift+z");
  await page.waitForFunction(
    (selector) => document.querySelector(selector)?.value === "Sam Jones will call Mum every Monday.",
    '[data-testid="family-f-needs-0-actions-0-action"]',
  );

  await showView(page, "plan");
  await settled(page);
  assert.equal(await field(page, 0, "action").inputValue(), "Sam Jones will call Mum every Monday.");
  await page.click('[data-testid="undo"]');
  await settled(page);
  assert.equal(await field(page, 0, "action").inputValue(), before, "the whole edit undoes as one step");
  await assertClean(page, seen);
});

test("when the views module cannot be fetched, the view says so, the plan is untouched, and it can try again", async (t) => {
  const { page } = await openEditor(t, {
    beforeGoto: (page) => page.route("**/cinplan-views.js", (route) => route.abort()),
  });
  // Not an example: their text comes with the views module (see the last test).
  await typeInto(field(page, 0, "action"), "Sam Jones will call Mum every Monday.");
  await settled(page);
  const before = await field(page, 0, "action").inputValue();
  await showView(page, "family");
  const problem = page.locator('[data-testid="lazy-view"] .lazy-problem');
  await problem.waitFor();
  assert.match(await problem.innerText(), /family view could not be opened/i);
  assert.match(await page.locator('[data-testid="notice"]').innerText(), /Your plan is safe/);

  await page.unroute("**/cinplan-views.js");
  await problem.getByRole("button", { name: "Try again" }).click();
  await page.locator('[data-testid="family-view"]').waitFor();
  assert.equal(await page.locator('[data-testid="family-f-needs-0-actions-0-action"]').inputValue(), before);
  await showView(page, "plan");
  assert.equal(await field(page, 0, "action").inputValue(), before, "the plan is as it was");
});

test("the examples come with the views module: when it cannot be fetched, the example says so and the plan is untouched", async (t) => {
  const { page } = await openEditor(t, {
    beforeGoto: (page) => page.route("**/cinplan-views.js", (route) => route.abort()),
  });
  const name = page.locator('[data-testid="child-name"]');
  await typeInto(name, "Ava");
  await page.click('[data-testid="example-tommy-good"]');
  const notice = page.locator('[data-testid="notice"]', { hasText: "could not be opened" });
  await notice.waitFor();
  assert.match(await notice.innerText(), /The example could not be opened: Good plan \(Tommy\)/);
  assert.equal(await name.inputValue(), "Ava", "the plan being written is as it was");

  await page.unroute("**/cinplan-views.js");
  await openExample(page, "tommy-good");
  assert.equal(await name.inputValue(), "Tommy");
});
