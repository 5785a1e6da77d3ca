// Work is never lost: every change is kept in the browser's storage and restored after a
// reload; several plans are kept and listed; when storage is full or unavailable the
// editor says so and keeps working in memory.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openEditor, field, marks, settled, typeInto, assertClean } from "./lib/editor.js";

test("changes survive a reload", async (t) => {
  const { page, seen } = await openEditor(t);
  await page.locator('[data-testid="child-name"]').fill("Amira");
  await typeInto(field(page, 0, "by_when"), "every 2 weeks from 1 December 2026");
  await page.locator('[data-testid="date-planning_meeting"]').fill("2026-11-24");
  await page.waitForFunction(() => /Saved/.test(document.querySelector('[data-testid="save-status"]').textContent));
  await page.waitForTimeout(500);
  await page.reload();
  await page.waitForSelector('[data-testid="row-0"]');
  assert.equal(await page.locator('[data-testid="child-name"]').inputValue(), "Amira");
  assert.equal(await field(page, 0, "by_when").inputValue(), "every 2 weeks from 1 December 2026");
  assert.equal(await page.locator('[data-testid="date-planning_meeting"]').inputValue(), "2026-11-24");
  assert.match(await page.locator('[data-testid="notice"]').innerText(), /Your plan is back/);
  await assertClean(page, seen);
});

test("the last keystrokes are kept even when the page closes at once", async (t) => {
  const { page, url } = await openEditor(t);
  await field(page, 0, "action").fill("Written just before closing");
  // No waiting for the autosave delay: closing the page must still save.
  await page.goto("about:blank");
  await page.goto(url);
  await page.waitForSelector('[data-testid="row-0"]');
  assert.equal(await field(page, 0, "action").inputValue(), "Written just before closing");
});

test("several plans are kept and listed, and each opens again", async (t) => {
  const { page } = await openEditor(t);
  await page.locator('[data-testid="child-name"]').fill("Amira");
  await page.click('[data-testid="new-plan"]');
  await page.locator('[data-testid="child-name"]').fill("Ben");
  await page.waitForTimeout(600);
  await page.click('[data-testid="my-plans"]');
  const entries = page.locator('[data-testid="plan-entry"]');
  assert.equal(await entries.count(), 2);
  const titles = await entries.allInnerTexts();
  assert.ok(titles.some((title) => title.includes("Plan for Amira")), titles.join(" | "));
  assert.ok(titles.some((title) => title.includes("Plan for Ben (open)")), titles.join(" | "));
  await entries.filter({ hasText: "Amira" }).locator("button.link-button").click();
  assert.equal(await page.locator('[data-testid="child-name"]').inputValue(), "Amira");

  // Deleting asks twice.
  await page.click('[data-testid="my-plans"]');
  const ben = entries.filter({ hasText: "Ben" });
  await ben.getByRole("button", { name: "Delete" }).click();
  assert.equal(await entries.count(), 2);
  await ben.getByRole("button", { name: "Confirm: delete" }).click();
  assert.equal(await entries.count(), 1);
});

test("full storage is reported plainly and the editor keeps working", async (t) => {
  const { page, seen } = await openEditor(t, {
    initScript: () => {
      const setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key, value) {
        if (String(key).startsWith("cinplan.plan")) {
          throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
        }
        return setItem.call(this, key, value);
      };
    },
  });
  await typeInto(field(page, 0, "by_when"), "ASAP");
  await settled(page);
  const notice = page.locator('[data-testid="storage-notice"]');
  await notice.waitFor();
  assert.match(await notice.innerText(), /storage for cinplan is full/);
  assert.match(await notice.innerText(), /Save plan file/);
  // Checks still run, in memory.
  assert.equal(await marks(page, 0, "by_when").first().getAttribute("data-severity"), "error");
  assert.deepEqual(seen.pageErrors, []);
});

test("storage that is not available at all is reported, and typing still works", async (t) => {
  const { page, seen } = await openEditor(t, {
    initScript: () => {
      Object.defineProperty(window, "localStorage", {
        get() {
          throw new DOMException("Access is denied for this document.", "SecurityError");
        },
      });
    },
  });
  const notice = page.locator('[data-testid="storage-notice"]');
  await notice.waitFor();
  assert.match(await notice.innerText(), /does not let cinplan keep plans/);
  await field(page, 0, "action").fill("Still works");
  assert.equal(await field(page, 0, "action").inputValue(), "Still works");
  assert.deepEqual(seen.pageErrors, []);
});
