// How much garbage re-checking the 40-row plan leaves for Chromium's collector: V8's own
// count of its collections (--trace-gc) during 400 keystrokes' re-checks through
// checkPlan, and through a PlanSession (the change applied to the report the page holds),
// each in a fresh browser, beside a run that only loads the page. Counts, unlike times,
// do not depend on how busy the machine is.
//
//   node tests/perf/recheck-gc.js [--keystrokes 400] [--embed /dist/embed/]
//
// V8 prints its trace on the renderer's standard output; Playwright passes that on through
// its `pw:browser` debug log, which is read here.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

process.env.DEBUG = "pw:browser";
const { chromium } = await import("playwright-core");
const { serve, ROOT } = await import("../e2e/lib/harness.js");

const args = { keystrokes: 400, embed: "/dist/embed/" };
for (let index = 2; index < process.argv.length; index += 2) {
  const key = process.argv[index].replace(/^--/, "");
  if (!(key in args)) throw new Error(`recheck-gc: unknown option ${process.argv[index]}`);
  args[key] = key === "keystrokes" ? Number(process.argv[index + 1]) : process.argv[index + 1];
}

/** Runs `mode` ("load", "checkPlan" or "session") in a fresh browser; V8's trace lines. */
async function traced(server, mode) {
  const trace = [];
  const write = process.stderr.write.bind(process.stderr);
  process.stderr.write = (chunk, ...rest) => {
    const text = String(chunk);
    if (!text.includes("pw:browser")) return write(chunk, ...rest);
    trace.push(...text.split("\n").filter((line) => /Scavenge|Mark-Compact|Minor Mark-Sweep/.test(line)));
    return true;
  };
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "cinplan-gc-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--js-flags=--trace-gc"],
  });
  try {
    const page = await context.newPage();
    await page.goto(`${server.url}/tests/perf/bench-page/index.html`);
    await page.evaluate(
      async ({ mode, keystrokes, embed }) => {
        const cinplan = await import(`${embed}cinplan_wasm.js`);
        await cinplan.default({ module_or_path: `${embed}cinplan_wasm_bg.wasm` });
        const plan = await (await fetch("/target/perf-corpus/plan-40.json")).json();
        const today = "2026-12-01";
        const row = plan.needs[4].actions[0];
        const original = row.action;
        const typed = (index) => (index % 2 === 0 ? `${original}x` : original);
        cinplan.checkPlan(plan, { today });
        const session = new cinplan.PlanSession(plan, { today });
        const held = session.report();
        for (let index = 0; index < keystrokes; index += 1) {
          row.action = typed(index);
          if (mode === "checkPlan") cinplan.checkPlan(plan, { today });
          if (mode === "session") {
            const change = session.setText("/needs/4/actions/0/action", row.action);
            const { rows, ...rest } = change.summary;
            held.findings.splice(change.findings.at, change.findings.remove, ...change.findings.insert);
            held.ignored.splice(change.ignored.at, change.ignored.remove, ...change.ignored.insert);
            held.summary.rows.splice(rows.at, rows.remove, ...rows.insert);
            Object.assign(held.summary, rest);
          }
        }
        session.free();
      },
      { mode, keystrokes: args.keystrokes, embed: args.embed },
    );
    await page.close();
  } finally {
    await context.close();
    process.stderr.write = write;
  }
  return trace;
}

const server = await serve(ROOT);
try {
  for (const mode of ["load", "checkPlan", "session"]) {
    const trace = await traced(server, mode);
    const young = trace.filter((line) => /Scavenge|Minor Mark-Sweep/.test(line));
    const pause = (line) => Number(line.match(/MB, (?:pooled: [\d.]+ MB, )?([\d.]+) \//)?.[1] ?? 0);
    const total = trace.reduce((sum, line) => sum + pause(line), 0);
    const what = mode === "load" ? "the page loaded, no keystrokes" : `${args.keystrokes} re-checks through ${mode}`;
    console.log(`${what}: ${trace.length} collections (${young.length} young-generation), ${total.toFixed(1)} ms of pauses`);
  }
} finally {
  await server.close();
}
