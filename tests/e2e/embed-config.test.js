// Configuring the embed from the page itself (fields marked data-cinplan-field, context
// marked data-cinplan-context or named on the script tag), and what happens when a page's
// policy does not let WebAssembly start: cinplan stays out of the way and says why.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openDemo, marks, waitForMark } from "./lib/embed.js";

test("marked fields, marked context and script-tag attributes are all it takes", async () => {
  const demo = await openDemo("marked.html");
  try {
    const { page } = demo;
    await waitForMark(page, "Ongoing");
    await page.locator("#when").click();
    await page.keyboard.press("Alt+Enter");
    const suggestions = await page.evaluate(() => [...document.querySelector("cinplan-overlay").shadowRoot.querySelectorAll("button.suggestion")].map((button) => button.textContent));
    // data-first-review on the script tag named the review date field.
    assert.ok(suggestions.some((text) => text.includes("12 January 2027")), suggestions.join(" | "));
    assert.deepEqual(demo.seen.cspViolations, []);
    assert.deepEqual(demo.seen.pageErrors, []);
  } finally {
    await demo.close();
  }
});

test("without 'wasm-unsafe-eval' cinplan does not start, says why, and the page works", async () => {
  const demo = await openDemo(null, { csp: "default-src 'self'; script-src 'self'; style-src 'self'" });
  try {
    const { page } = demo;
    const warnings = [];
    page.on("console", (message) => {
      if (message.type() === "warning") warnings.push(message.text());
    });
    await page.goto(demo.url("index.html"));
    await page.waitForSelector("#loaded-row");
    await page.waitForTimeout(800);
    assert.equal(await page.locator("cinplan-overlay").count(), 0);
    assert.deepEqual(await marks(page), []);
    assert.ok(warnings.some((text) => /cinplan cannot start: .*'wasm-unsafe-eval'/.test(text)), warnings.join("\n"));
    assert.deepEqual(demo.seen.pageErrors, []);
    // The host's own script still runs: its form saves.
    await page.click("button[type=submit]");
    assert.equal(await page.locator("#save-status").textContent(), "Plan saved.");
  } finally {
    await demo.close();
  }
});
