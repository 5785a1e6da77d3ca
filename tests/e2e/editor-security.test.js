// Under the strict CSP the release build loads from files only (no inline script or
// style), makes no request after it has loaded, whatever the user does, and shows user
// text as text, never as markup. The bundle stays within its size budget.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { openEditor, field, marks, settled, typeInto, openExample, assertClean, DIST } from "./lib/editor.js";
import { ROOT } from "./lib/harness.js";
import { showView } from "./lib/views.js";
import { inlineProblems, bundleSizes, BUDGET_BYTES } from "../../scripts/check-dist.mjs";

test("the built page has no inline script or style", () => {
  const html = fs.readFileSync(path.join(DIST, "index.html"), "utf8");
  assert.deepEqual(inlineProblems(html), []);
  // Minified in release: attributes unquoted and in any order.
  const loader = html.match(/<script\b[^>]*\bsrc="?\.\/loader\.js"?[^>]*>/)?.[0] ?? "";
  assert.match(loader, /\btype="?module"?/, `the page starts from loader.js, a module: ${loader}`);
});

test("the release bundle is within budget", () => {
  const { total, files } = bundleSizes(DIST);
  assert.ok(files.some((file) => file.name.endsWith(".wasm")), "a wasm file was built");
  assert.ok(total <= BUDGET_BYTES, `bundle ${total} B gzip, budget ${BUDGET_BYTES} B`);
});

test("no request after load and no CSP violation, whatever the user does", async (t) => {
  const { page, seen, server } = await openEditor(t);
  // The worker for long fields is started last; its WebAssembly is the last file.
  while (!server.requests.some((url) => url.endsWith("/embed/cinplan_wasm_bg.wasm"))) {
    await page.waitForTimeout(50);
  }
  await page.waitForLoadState("networkidle");
  const loaded = server.requests.length;
  // The page, its loader, script, WebAssembly, CSS, icon and snippet; then the views module
  // (script, stylesheet and WebAssembly) and the worker for long fields (its script, the
  // embed's glue and WebAssembly), fetched as the last part of loading.
  assert.ok(loaded >= 10 && loaded <= 14, `page load made ${loaded} requests: ${server.requests}`);
  const views = server.requests.filter((url) => /cinplan-views/.test(url));
  assert.equal(views.length, 3, `the views module loads with the page: ${server.requests}`);
  const worker = server.requests.filter((url) => /long-check-worker|\/embed\//.test(url));
  assert.equal(worker.length, 3, `the worker loads with the page: ${server.requests}`);

  await openExample(page, "tommy-unhelpful");
  await typeInto(field(page, 0, "by_when"), "ASAP");
  await settled(page);
  await marks(page, 0, "by_when").first().click();
  await page.locator('[data-testid="apply-suggestion"]').first().click();
  await openExample(page, "tommy-good");
  await page.click('[data-testid="timeline-show-list"]');
  const [dates] = await Promise.all([page.waitForEvent("download"), page.click('[data-testid="download-ics"]')]);
  await dates.path();
  // A long paste, checked in the worker.
  await page.evaluate((text) => {
    const textarea = document.querySelector('[data-testid="row-0"] [data-testid="field-action"]');
    textarea.value = text;
    textarea.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertFromPaste" }));
  }, "Support is ongoing and will be reviewed ASAP. ".repeat(500));
  await settled(page);
  for (const view of ["family", "child", "review", "training", "plan"]) await showView(page, view);
  await page.click('[data-testid="my-plans"]');
  const [file] = await Promise.all([page.waitForEvent("download"), page.click('[data-testid="save-file"]')]);
  await file.path();
  await page.setInputFiles('[data-testid="open-file"]', path.join(ROOT, "crates/cinplan-core/tests/fixtures/tommy-unhelpful.json"));
  await page.locator('[data-testid="notice"]').waitFor();
  await page.waitForTimeout(300);

  assert.deepEqual(server.requests.slice(loaded), [], "requests after load");
  await assertClean(page, seen);
});

test("user text is shown as text, never run as markup", async (t) => {
  const { page, seen } = await openEditor(t);
  const markup = '<img src=x onerror="window.__injected=1"><b>bold</b> ASAP';
  await page.locator('[data-testid="child-name"]').fill(markup);
  await typeInto(field(page, 0, "action"), markup);
  await settled(page);
  await marks(page, 0, "action").first().click();
  assert.equal(await page.evaluate(() => window.__injected), undefined);
  assert.equal(await page.locator("main img, main b").count(), 0, "no element was made from the text");
  const mirrored = await page.evaluate(
    () => document.querySelector('[data-testid="row-0"] .field[data-field="action"] .mirror').textContent,
  );
  assert.ok(mirrored.includes("<img src=x"), "the highlight layer holds the text as text");
  await assertClean(page, seen);
});
