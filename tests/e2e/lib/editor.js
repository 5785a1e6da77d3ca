// Helpers for the editor's browser tests: open the RELEASE build (dist/, built by
// scripts/build-web.sh) under the strict CSP in headless Chromium, find rows, fields and
// marks by their stable hooks, and wait for the debounced checks to catch up.
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { serve, launch, watch, installCspListener, ROOT } from "./harness.js";

export const DIST = path.join(ROOT, "dist");
/** A fixed "today" (a Sunday), so due states and dates are the same on every run. */
export const TODAY = "2026-11-22";

/**
 * Serves dist/ with the strict CSP, opens the editor in a fresh browser profile (so a
 * fresh localStorage) and closes both when the test ends. Returns { page, server,
 * browser, seen, url }.
 */
export async function openEditor(t, { today = TODAY, viewport, initScript, beforeGoto } = {}) {
  assert.ok(
    fs.existsSync(path.join(DIST, "index.html")),
    "dist/index.html is missing: build the editor first (bash scripts/build-web.sh)",
  );
  const server = await serve(DIST);
  const browser = await launch({ locale: "en-GB", viewport });
  t.after(async () => {
    await browser.close();
    await server.close();
  });
  const page = await browser.context.newPage();
  const seen = watch(page, server.url);
  await installCspListener(page);
  if (initScript) await page.addInitScript(initScript);
  if (beforeGoto) await beforeGoto(page);
  const url = `${server.url}/?today=${today}`;
  await page.goto(url);
  await page.waitForSelector('[data-testid="row-0"]');
  return { page, server, browser, seen, url };
}

export const row = (page, n) => page.locator(`[data-testid="row-${n}"]`);

/** The textarea (or, in a need's later rows, the reference) of a field in row `n`. */
export const field = (page, n, name) => row(page, n).locator(`[data-testid="field-${name}"]`);

/** The marks listed under a field of row `n` (buttons carrying data-rule/data-severity). */
export const marks = (page, n, name) =>
  row(page, n).locator(`.field[data-field="${name}"] .marks [data-rule]`);

/** The highlight-layer marks of a field of row `n` (the underlined ranges). */
export const highlights = (page, n, name) =>
  row(page, n).locator(`.field[data-field="${name}"] .mirror mark[data-rule]`);

/**
 * Waits until every field's marks describe its current text and the whole plan's results
 * (summary, timeline, announcement), which follow a 180 ms pause in typing, have caught up:
 * a timer the page sets now fires after the editor's, set at the last change.
 */
export async function settled(page) {
  await page.waitForFunction(() => !document.querySelector(".field-stale"));
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 200)));
  await page.waitForTimeout(50);
}

/** Replaces a field's text by typing, as a user would. */
export async function typeInto(locator, text) {
  await locator.click();
  await locator.press("Control+A");
  await locator.press("Delete");
  await locator.pressSequentially(text, { delay: 5 });
}

/** Opens one of the built-in examples. */
export async function openExample(page, id) {
  const button = page.locator(`[data-testid="example-${id}"]`);
  const label = (await button.innerText()).trim();
  await button.click();
  // The example's text comes with the views module (web/src/examples.rs), so it opens once
  // that module is there, which is usually already the case: wait for its notice.
  await page.locator('[data-testid="notice"]', { hasText: `Opened the example: ${label}` }).waitFor();
  await settled(page);
}

/** Nothing went wrong in the page: no CSP violation, console error or foreign request. */
export async function assertClean(page, seen) {
  const reported = await page.evaluate(() => window.__cspViolations ?? []);
  assert.deepEqual(reported, [], "CSP violations reported to the page");
  assert.deepEqual(seen.cspViolations, [], "CSP violations in the console");
  assert.deepEqual(seen.consoleErrors, [], "console errors");
  assert.deepEqual(seen.pageErrors, [], "uncaught exceptions");
  assert.deepEqual(seen.foreignRequests, [], "requests to other hosts");
}

/** The text of the polite live region. */
export const announcement = (page) => page.locator('[data-testid="announcer"]').innerText();
