// Where the time goes after a long paste, for finding what to fix (long-paste.js gives the
// figures): pastes --size characters of target/perf-corpus/prose-1m.txt into the editor's
// first action field (or the embed host's progress field), records a Chromium trace and a
// CPU profile for 6 s, and prints the functions by their own time, the trace events by
// total time, the long tasks, and what happened inside the longest one.
//
//   node tests/perf/paste-trace.js [--page editor|embed] [--size 1000000]
//        [--typed "xyz"] [--css "rule"] [--out trace.json]
//
// --typed: paste first (untraced), then trace typing these letters at the end and the
// pause after. --css: try a style rule first (served without the CSP, to add it).
// --out: the trace, for chrome://tracing or Perfetto. The WebAssembly's functions have
// names only in a build whose wasm-opt keeps them (`-g` in web/index.html's
// data-wasm-opt-params, and no minify-assets.mjs, which drops custom sections).
import fs from "node:fs";
import path from "node:path";
import { serve, launch, ROOT } from "../e2e/lib/harness.js";

const args = { page: "editor", size: 1000000, out: "", css: "", typed: "" };
for (let index = 2; index < process.argv.length; index += 2) {
  const key = process.argv[index].replace(/^--/, "");
  args[key] = key === "size" ? Number(process.argv[index + 1]) : process.argv[index + 1];
}
const text = fs.readFileSync(path.join(ROOT, "target/perf-corpus/prose-1m.txt"), "utf8").slice(0, args.size);
const pages = {
  embed: {
    url: "/tests/perf/embed-host/index.html?corpus=/target/perf-corpus/plan-40.json&embed=/dist/embed/",
    field: 'textarea[data-cinplan-field="progress"]',
  },
  editor: { url: "/dist/index.html?today=2026-11-23", field: '[data-testid="row-0"] [data-testid="field-action"]' },
};
const server = await serve(ROOT, args.css ? { csp: null } : {});
const browser = await launch({ locale: "en-GB" });
try {
  const page = await browser.context.newPage();
  await page.goto(`${server.url}${pages[args.page].url}`);
  const field = page.locator(pages[args.page].field).first();
  await field.waitFor({ timeout: 15000 });
  if (args.css) await page.addStyleTag({ content: args.css });
  await page.waitForTimeout(2500);
  const cdp = await browser.context.newCDPSession(page);
  const events = [];
  cdp.on("Tracing.dataCollected", ({ value }) => events.push(...value));
  const done = new Promise((resolve) => cdp.once("Tracing.tracingComplete", resolve));
  const paste = () =>
    field.evaluate((element, value) => {
      element.focus();
      element.value = value;
      element.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertFromPaste" }));
    }, text);
  if (args.typed) {
    // Trace typing after the paste instead: the paste is checked and drawn first.
    await paste();
    await page.waitForTimeout(6000);
    await field.press("End");
  }
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
  await cdp.send("Profiler.start");
  await cdp.send("Tracing.start", {
    categories: "devtools.timeline,v8.execute,blink,disabled-by-default-devtools.timeline",
    transferMode: "ReportEvents",
  });
  if (args.typed) await page.keyboard.type(args.typed, { delay: 100 });
  else await paste();
  await page.waitForTimeout(6000);
  const { profile } = await cdp.send("Profiler.stop");
  await cdp.send("Tracing.end");
  const self = new Map();
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const step = new Map();
  profile.samples.forEach((id, index) => step.set(id, (step.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0)));
  for (const [id, micros] of step) {
    const frame = byId.get(id).callFrame;
    const name = `${frame.functionName || "(anonymous)"} ${frame.url.split("/").pop()}:${frame.lineNumber}`;
    self.set(name, (self.get(name) ?? 0) + micros / 1000);
  }
  console.log("self time by function:");
  for (const [name, ms] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`  ${ms.toFixed(1).padStart(8)} ms  ${name}`);
  await done;
  if (args.out) fs.writeFileSync(args.out, JSON.stringify({ traceEvents: events }));
  const totals = new Map();
  for (const event of events) {
    if (event.ph !== "X" || !event.dur) continue;
    const entry = totals.get(event.name) ?? { total: 0, count: 0, max: 0 };
    entry.total += event.dur / 1000;
    entry.count += 1;
    entry.max = Math.max(entry.max, event.dur / 1000);
    totals.set(event.name, entry);
  }
  const top = [...totals.entries()].sort((a, b) => b[1].total - a[1].total).slice(0, 25);
  for (const [name, entry] of top) {
    console.log(`${name.padEnd(40)} total ${entry.total.toFixed(1).padStart(8)} ms  count ${String(entry.count).padStart(6)}  max ${entry.max.toFixed(1)} ms`);
  }
  const tasks = events.filter((event) => event.name === "RunTask" && event.dur > 50000).map((event) => (event.dur / 1000).toFixed(0));
  console.log(`long tasks (ms): ${tasks.join(", ")}`);
  const longest = events.filter((event) => event.name === "RunTask").sort((a, b) => b.dur - a.dur)[0];
  const inside = events.filter(
    (event) => event.ph === "X" && event.tid === longest.tid && event.ts >= longest.ts && event.ts + (event.dur ?? 0) <= longest.ts + longest.dur && event.dur > 15000,
  );
  console.log(`inside the longest task (${(longest.dur / 1000).toFixed(0)} ms):`);
  for (const event of inside) console.log(`  +${((event.ts - longest.ts) / 1000).toFixed(0).padStart(5)} ms ${event.name} ${(event.dur / 1000).toFixed(0)} ms ${event.args?.data?.functionName ?? ""}`);
} finally {
  await browser.close();
  await server.close();
}
