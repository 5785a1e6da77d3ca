// Many fields at once (a long host form when cinplan starts, or rows the host adds): the
// fields on screen are checked and marked first, so their findings show in the first
// frame; the others follow in the browser's idle time, every one of them; and asking for
// the findings at once (summary()) checks whatever is still waiting.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { openDemo, waitForMark } from "./lib/embed.js";

let demo;
before(async () => {
  demo = await openDemo("index.html");
  await waitForMark(demo.page, "Ongoing");
  // Evaluated through the DevTools protocol, which the page's CSP does not restrict.
  await demo.page.evaluate(`window.addRows = ${addRows.toString()}`);
});
after(() => demo?.close());

/** Puts `count` action fields saying "ongoing" at the top of the page, in a table of rows. */
function addRows(count, name) {
  const table = document.createElement("table");
  table.dataset.batch = name;
  for (let index = 0; index < count; index += 1) {
    const row = document.createElement("tr");
    const cell = document.createElement("td");
    const field = document.createElement("textarea");
    field.name = `${name}-${index}`;
    field.dataset.cinplanField = "action";
    field.rows = 2;
    field.value = `Sam Okafor to visit every week, ongoing (${index})`;
    cell.append(field);
    row.append(cell);
    table.append(row);
  }
  document.body.prepend(table);
  return table;
}

test("the fields on screen are checked first, and every field after them", async () => {
  const result = await demo.page.evaluate(async () => {
    const order = [];
    const findings = new Map();
    const table = window.addRows(60, "first");
    // The middle of the table on screen: fields before it in the page are not.
    table.querySelectorAll("textarea")[30].scrollIntoView({ block: "center" });
    const done = new Promise((resolve) => {
      table.addEventListener("cinplan:findings", (event) => {
        order.push(event.target.name);
        findings.set(event.target.name, event.detail.findings.length);
        if (findings.size === 60) resolve();
      });
    });
    await done;
    const onScreen = new Set(
      [...table.querySelectorAll("textarea")]
        .filter((field) => {
          const rect = field.getBoundingClientRect();
          return rect.bottom > 0 && rect.top < innerHeight;
        })
        .map((field) => field.name),
    );
    table.remove();
    scrollTo(0, 0);
    return { order, onScreen: [...onScreen], flagged: [...findings.values()].filter((count) => count > 0).length };
  });
  assert.equal(result.flagged, 60, "every field was checked and flagged");
  assert.ok(result.onScreen.length > 0 && result.onScreen.length < 30, `${result.onScreen.length} of 60 fields on screen`);
  assert.ok(!result.onScreen.includes("first-0"), "the first rows are off screen");
  const firstOffScreen = result.order.findIndex((name) => !result.onScreen.includes(name));
  assert.equal(firstOffScreen, result.onScreen.length, `checked in the order ${result.order.join(", ")}`);
});

test("summary() right after the first findings counts every field, checked or waiting", async () => {
  const result = await demo.page.evaluate(async () => {
    const cinplan = await import("/cinplan/cinplan-embed.js");
    const table = window.addRows(60, "second");
    const fields = new Set(table.querySelectorAll("textarea"));
    const flaggedInSummary = await new Promise((resolve) => {
      table.addEventListener(
        "cinplan:findings",
        () => {
          const summary = cinplan.summary();
          resolve(summary.fields.filter((entry) => fields.has(entry.element) && entry.findings.length > 0).length);
        },
        { once: true },
      );
    });
    table.remove();
    return flaggedInSummary;
  });
  assert.equal(result, 60);
});
