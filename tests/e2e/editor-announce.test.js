// Findings are announced through a polite live region, summarised for the field being
// typed in.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openEditor, field, settled, typeInto, announcement } from "./lib/editor.js";

test("typing a problem announces a summary of the field's findings", async (t) => {
  const { page } = await openEditor(t);
  const region = page.locator('[data-testid="announcer"]');
  assert.equal(await region.getAttribute("aria-live"), "polite");
  await typeInto(field(page, 0, "by_when"), "ASAP");
  await settled(page);
  await page.waitForFunction(() => /By when/.test(document.querySelector('[data-testid="announcer"]').textContent));
  const said = await announcement(page);
  assert.match(said, /^\d+ problems? in By when \(need 1, action 1, row 1\): /);
  assert.match(said, /"ASAP"/);

  await typeInto(field(page, 0, "by_when"), "by 15 January 2027");
  await settled(page);
  await page.waitForFunction(() => !/ASAP/.test(document.querySelector('[data-testid="announcer"]').textContent));
  assert.doesNotMatch(await announcement(page), /ASAP/);
});
