// The embed never breaks its host: the host's DOM (elements, attributes, values, the rich
// text editor's markup, the iframe's document) is the same with cinplan as without it;
// nothing is requested from anywhere but the host; nothing violates a strict CSP; the
// page stays accessible; and detaching leaves no listener, node or timer behind.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { openDemo, waitForMark, withCinplan, DEMO, EMBED } from "./lib/embed.js";
import { axeViolations } from "./lib/harness.js";

/** The host's DOM as text: every element with its attributes and value, frames included, less cinplan's container and the script elements. */
function serialiseHost() {
  const lines = [];
  const walk = (node, depth) => {
    const indent = "  ".repeat(depth);
    if (node.nodeType === Node.TEXT_NODE) {
      if (node.data.trim()) lines.push(`${indent}${JSON.stringify(node.data)}`);
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    if (node.localName === "cinplan-overlay" || node.localName === "script") return;
    const attributes = [...node.attributes].map((attribute) => `${attribute.name}=${JSON.stringify(attribute.value)}`).sort();
    if (["textarea", "input", "select"].includes(node.localName)) attributes.push(`(value)=${JSON.stringify(node.value)}`);
    if (node.shadowRoot) attributes.push("(shadow root)");
    lines.push(`${indent}<${node.localName} ${attributes.join(" ")}>`);
    for (let child = node.firstChild; child; child = child.nextSibling) walk(child, depth + 1);
    if (node.localName === "iframe" && node.contentDocument) walk(node.contentDocument.documentElement, depth + 1);
  };
  walk(document.documentElement, 0);
  lines.push(`adopted style sheets: ${document.adoptedStyleSheets.length}, style sheets: ${document.styleSheets.length}`);
  return lines.join("\n");
}

/** What a user does in the form: the same on the page with and without cinplan. */
async function useTheForm(page) {
  await page.waitForSelector("#loaded-row");
  await page.frameLocator("#views-frame").locator("#views-child").waitFor();
  const byWhen = page.locator("textarea[name='by_when[0]']");
  await byWhen.click();
  await page.keyboard.press("End");
  await page.keyboard.type(" until the review");
  await page.locator("#contingency").click();
  await page.keyboard.press("End");
  await page.keyboard.type(" We will monitor it.");
  await page.frameLocator("#views-frame").locator("#review-frequency").click();
  await page.keyboard.type(" or ongoing");
  await page.locator("textarea[name='visiting']").click();
  await page.waitForTimeout(800);
}

test("the host's DOM is the same with cinplan as without it", async () => {
  const without = await openDemo("form.html");
  await useTheForm(without.page);
  const expected = await without.page.evaluate(serialiseHost);
  await without.close();

  const demo = await openDemo("index.html");
  try {
    await waitForMark(demo.page, "Ongoing");
    await useTheForm(demo.page);
    await waitForMark(demo.page, "monitor");
    const actual = await demo.page.evaluate(serialiseHost);
    assert.equal(actual, expected);
    // cinplan drew: one container in the page and one in the frame.
    assert.equal(await demo.page.locator("cinplan-overlay").count(), 1);
    assert.equal(await demo.page.frameLocator("#views-frame").locator("cinplan-overlay").count(), 1);
  } finally {
    await demo.close();
  }
});

test("nothing is requested from anywhere but the host, and nothing breaks the strict CSP", async () => {
  const demo = await openDemo("index.html");
  try {
    await waitForMark(demo.page, "Ongoing");
    await useTheForm(demo.page);
    await demo.page.locator("textarea[name='by_when[0]']").click();
    await demo.page.keyboard.press("Alt+Enter");
    await demo.page.waitForTimeout(200);
    assert.deepEqual(demo.seen.foreignRequests, []);
    assert.deepEqual(demo.seen.cspViolations, []);
    assert.deepEqual(await demo.page.evaluate(() => window.__cspViolations), []);
    assert.deepEqual(demo.seen.consoleErrors, []);
    assert.deepEqual(demo.seen.pageErrors, []);
    // Every request is for a file the host serves: its own pages or cinplan's folder.
    for (const request of demo.server.requests) {
      const file = request.startsWith("/cinplan/") ? path.join(EMBED, request.slice("/cinplan/".length)) : path.join(DEMO, request);
      assert.ok(fs.existsSync(file) && fs.statSync(file).isFile(), `unexpected request ${request}`);
    }
    // From cinplan's folder, a page fetches one module and the WebAssembly (the embed is
    // bundled, so the browser asks for the WebAssembly as soon as the module has run), and
    // never the source maps: the size budget counts just these.
    const fromCinplan = [...new Set(demo.server.requests.filter((request) => request.startsWith("/cinplan/")))].sort();
    assert.deepEqual(fromCinplan, ["/cinplan/cinplan-embed.js", "/cinplan/cinplan_wasm_bg.wasm"]);
  } finally {
    await demo.close();
  }
});

test("the form stays accessible with marks and an open popover (axe-core, WCAG 2.2 AA)", async () => {
  const demo = await openDemo("index.html");
  try {
    await waitForMark(demo.page, "Ongoing");
    assert.deepEqual(await axeViolations(demo.page), []);
    await demo.page.locator("textarea[name='by_when[1]']").click();
    await demo.page.keyboard.press("Alt+Enter");
    await demo.page.waitForFunction(() => document.querySelector("cinplan-overlay").shadowRoot.activeElement !== null);
    await demo.page.evaluate(() => {
      document.querySelector("cinplan-overlay").shadowRoot.querySelector("details").open = true;
    });
    assert.deepEqual(await axeViolations(demo.page), []);
  } finally {
    await demo.close();
  }
});

/** The number of event listeners on the field, the document and the window (DevTools protocol). */
async function listenerCounts(page, selector) {
  const client = await page.context().newCDPSession(page);
  const counts = {};
  for (const [name, expression] of [
    ["field", `document.querySelector(${JSON.stringify(selector)})`],
    ["document", "document"],
    ["window", "window"],
  ]) {
    const { result } = await client.send("Runtime.evaluate", { expression });
    const { listeners } = await client.send("DOMDebugger.getEventListeners", { objectId: result.objectId });
    counts[name] = listeners.map((listener) => listener.type).sort().join(",");
  }
  await client.detach();
  return counts;
}

test("detach() leaves no listener, node, timer or event behind", async () => {
  // The form without cinplan; the module is imported and told not to attach by itself.
  const demo = await openDemo("form.html");
  const { page } = demo;
  try {
    await page.waitForSelector("#loaded-row");
    await page.evaluate(async () => {
      const cinplan = await import("/cinplan/cinplan-embed.js");
      cinplan.configure({ auto: false });
      await cinplan.ready;
    });
    const selector = "textarea[name='by_when[1]']";
    const before = await listenerCounts(page, selector);

    await withCinplan(page, (cinplan) => {
      window.handle = cinplan.attach(document.querySelector("textarea[name='by_when[1]']"), { field: "by_when" });
    });
    await waitForMark(page, "ASAP");
    const during = await listenerCounts(page, selector);
    assert.notDeepEqual(during.field, before.field, "attached: cinplan listens to the field");
    await page.locator(selector).click();
    await page.keyboard.type(" and ongoing");
    await page.keyboard.press("Alt+Enter");

    // Detach while a check is pending and the popover is open.
    await page.locator(selector).evaluate((field) => {
      field.value += " ASAP";
      field.dispatchEvent(new Event("input", { bubbles: true }));
      window.handle.detach();
    });
    assert.deepEqual(await listenerCounts(page, selector), before);
    assert.equal(await page.locator("cinplan-overlay").count(), 0);

    // Nothing fires later: no event, no node, no change to the page.
    await page.evaluate(() => {
      window.lateEvents = 0;
      window.countLateEvent = () => window.lateEvents++;
      document.addEventListener("cinplan:findings", window.countLateEvent);
      window.lateMutations = 0;
      new MutationObserver((records) => (window.lateMutations += records.length)).observe(document, { subtree: true, childList: true, attributes: true });
    });
    await page.locator(selector).click();
    await page.keyboard.type(" regularly");
    await page.waitForTimeout(700);
    assert.deepEqual(await page.evaluate(() => [window.lateEvents, window.lateMutations]), [0, 0]);
    await page.evaluate(() => document.removeEventListener("cinplan:findings", window.countLateEvent));

    // Attaching everywhere and stopping does the same for the page and its frame.
    await withCinplan(page, (cinplan) =>
      cinplan.configure({ auto: true, fields: { "[name^='by_when[']": "by_when", "[name=review_frequency]": "review_frequency" } }),
    );
    await waitForMark(page, "Ongoing");
    await page.frameLocator("#views-frame").locator("cinplan-overlay").waitFor({ state: "attached" });
    await withCinplan(page, (cinplan) => cinplan.stop());
    assert.equal(await page.locator("cinplan-overlay").count(), 0);
    assert.equal(await page.frameLocator("#views-frame").locator("cinplan-overlay").count(), 0);
    assert.deepEqual(await listenerCounts(page, selector), before);
  } finally {
    await demo.close();
  }
});
