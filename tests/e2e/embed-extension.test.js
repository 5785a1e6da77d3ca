// The browser extension (dist/extension), loaded unpacked into headless Chromium against
// the demo case system *without* cinplan (form.html): its options page chooses the site
// and the field selectors; then cinplan checks that site's fields, in every frame, under
// the site's strict CSP, and does nothing on any other site.
//
// Chrome asks the user before giving an extension access to a site, and a headless test
// cannot click that prompt; so the copy loaded here is granted both test hosts up front
// (host_permissions). Everything else is the shipped extension: it still runs only where
// the options page says, which the second host (allowed, but not chosen) shows.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDemo, EXTENSION, marks, waitForMark } from "./lib/embed.js";
import { axeViolations } from "./lib/harness.js";

let demo;
let extensionId;
let optionsPage;
let copy;

before(async () => {
  copy = fs.mkdtempSync(path.join(os.tmpdir(), "cinplan-extension-"));
  fs.cpSync(EXTENSION, copy, { recursive: true });
  const manifest = JSON.parse(fs.readFileSync(path.join(copy, "manifest.json"), "utf8"));
  manifest.host_permissions = ["http://127.0.0.1/*", "http://localhost/*"];
  fs.writeFileSync(path.join(copy, "manifest.json"), JSON.stringify(manifest, null, 2));

  demo = await openDemo(null, { extensionDir: copy });
  const context = demo.browser.context;
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent("serviceworker", { timeout: 15000 }));
  extensionId = new URL(worker.url()).host;
  optionsPage = await context.newPage();
  await optionsPage.goto(`chrome-extension://${extensionId}/options.html`);
});
after(async () => {
  await demo?.close();
  if (copy) fs.rmSync(copy, { recursive: true, force: true });
});

/** Fills in and saves the options page; returns what it says. */
async function saveOptions({ sites, fields, context = "" }) {
  await optionsPage.fill("#sites", sites);
  await optionsPage.fill("#fields", fields);
  await optionsPage.fill("#context", context);
  await optionsPage.locator("#status").evaluate((node) => (node.textContent = ""));
  await optionsPage.click("button[type=submit]");
  await optionsPage.waitForFunction(() => document.getElementById("status").textContent !== "");
  return optionsPage.locator("#status").textContent();
}

const FIELDS = [
  "need: textarea[name^='need[']",
  "action: textarea[name^='action[']",
  "by_whom: textarea[name^='by_whom[']",
  "by_when: textarea[name^='by_when[']",
  "outcome: textarea[name^='outcome[']",
  "progress: textarea[name^='progress[']",
  "visiting: textarea[name=visiting]",
  "contingency: #contingency",
  "review_frequency: #review-frequency",
].join("\n");

/** Requests a page made to anything but its own host and this extension's files. */
function strangers(seen) {
  return seen.foreignRequests.filter((url) => !url.startsWith(`chrome-extension://${extensionId}/`));
}

test("the options page explains a wrong line and is accessible", async () => {
  const said = await saveOptions({ sites: "http://127.0.0.1/*", fields: "by_when: textarea\nwhen: textarea" });
  assert.equal(said, 'Fields, line 2: "when" is not one of the names listed above');
  const badSite = await saveOptions({ sites: "cases.example.gov.uk", fields: "" });
  assert.match(badSite, /^Sites: "cases\.example\.gov\.uk" is not an address pattern/);
  assert.deepEqual(await axeViolations(optionsPage), []);
});

test("checks the chosen site's fields, in its frames too, under its strict CSP", async () => {
  const said = await saveOptions({ sites: "http://127.0.0.1/*", fields: FIELDS, context: "childName: #child-name\nfirstReview: #review-date" });
  assert.equal(said, "Saved. cinplan runs on http://127.0.0.1/*.");
  const { page, seen } = demo;
  await page.goto(demo.url("form.html"));
  await waitForMark(page, "Ongoing");
  const words = (await marks(page)).map((mark) => mark.text);
  for (const word of ["Ongoing", "ASAP", "appropriate"]) assert.ok(words.includes(word), words.join());
  const frame = page.frame({ url: /frame\.html$/ });
  await waitForMark(frame, "regularly");
  // The host's own dates reach the rewrites.
  await page.locator("textarea[name='by_when[0]']").click();
  await page.keyboard.press("Alt+Enter");
  const suggestions = await page.evaluate(() => [...document.querySelector("cinplan-overlay").shadowRoot.querySelectorAll("button.suggestion")].map((button) => button.textContent));
  assert.ok(suggestions.some((text) => text.includes("16 February 2027")), suggestions.join(" | "));
  await page.keyboard.press("Escape");

  assert.deepEqual(strangers(seen), []);
  assert.deepEqual(seen.cspViolations, []);
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
  assert.deepEqual(seen.consoleErrors, []);
  assert.deepEqual(seen.pageErrors, []);
});

test("does nothing on a site that was not chosen", async () => {
  const { page, server } = demo;
  const before = demo.seen.foreignRequests.length;
  const port = new URL(server.url).port;
  await page.goto(`http://localhost:${port}/form.html`);
  await page.waitForSelector("#loaded-row");
  await page.waitForTimeout(1000);
  assert.equal(await page.locator("cinplan-overlay").count(), 0);
  const extensionFiles = demo.seen.foreignRequests.slice(before).filter((url) => url.startsWith("chrome-extension:"));
  assert.deepEqual(extensionFiles, [], "not even the extension's files are loaded");
});

test("stops running on a site once it is taken off the list", async () => {
  assert.equal(await saveOptions({ sites: "", fields: FIELDS }), "Saved. cinplan runs on no site.");
  const { page } = demo;
  const before = demo.seen.foreignRequests.length;
  await page.goto(demo.url("form.html"));
  await page.waitForSelector("#loaded-row");
  await page.waitForTimeout(1000);
  assert.equal(await page.locator("cinplan-overlay").count(), 0);
  assert.deepEqual(demo.seen.foreignRequests.slice(before), []);
});
