// Helpers for the tests of the family, child, review and training views.
import fs from "node:fs";
import path from "node:path";
import { ROOT } from "./harness.js";

/** Switches to a view with its button in the view switcher. */
export async function showView(page, id) {
  await page.click(`[data-testid="view-${id}"]`);
  await page.locator(`[data-testid="view-${id}"][aria-pressed="true"]`).waitFor();
  // Every view but the plan comes from the module fetched when first opened: wait until
  // it is mounted, as a user waits for "Opening the family view…" to go.
  if (id !== "plan") {
    await page.locator(`[data-testid="lazy-view"][data-view="${id}"][aria-busy="false"]`).waitFor();
  }
}

/** A plan file of the repository, parsed. */
export function readPlan(relative) {
  return JSON.parse(fs.readFileSync(path.join(ROOT, relative), "utf8"));
}

/** The value at a JSON Pointer ("/needs/0/actions/1/by_when") in a parsed plan. */
export function atPointer(plan, pointer) {
  return pointer
    .split("/")
    .slice(1)
    .reduce((value, key) => (value == null ? undefined : value[key]), plan);
}

/** Counts the pages of a PDF by its page objects (/Type /Page, not /Pages). */
export function pdfPageCount(buffer) {
  return (buffer.toString("latin1").match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}
