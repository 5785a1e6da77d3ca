// Typing in a field that holds a long paste, in headless Chromium under the strict CSP:
// how long the page is unresponsive after the paste, and how long each keystroke takes
// to reach the screen afterwards, for a plain textarea (the browser's own cost), the
// embed's host form and the editor.
//
//   node tests/perf/long-paste.js [--only plain,embed,editor] [--size 1000000]
//        [--keys 40] [--gap 120] [--pause 900]
//
// After the paste the page is asked to run a trivial script every 500 ms: the longest
// wait for an answer is how long the paste kept the page busy. Then `--keys` letters are
// typed at the end of the text in bursts of ten, `--gap` ms apart, with a `--pause` after
// each burst; a keystroke's time is from its keydown event to the next animation frame.
// Last, two more letters and a pause of 4 s, long enough for the check of a long field
// (which waits for 1.5 s without a key in the editor), probed as after the paste: how long
// drawing its report keeps the page busy. The longest task after the paste and after that
// pause (the browser's long-task timing) is given too: probes may fall either side of it. Needs dist/ (build-web.sh), dist/embed
// (build-embed.sh) and target/perf-corpus (scripts/bench.sh writes it).
import fs from "node:fs";
import path from "node:path";
import { serve, launch, ROOT } from "../e2e/lib/harness.js";
import { median, p95 } from "./lib/measure.js";

const args = { only: "plain,embed,editor", size: 1000000, keys: 40, gap: 120, pause: 900 };
for (let index = 2; index < process.argv.length; index += 2) {
  const key = process.argv[index].replace(/^--/, "");
  args[key] = key === "only" ? process.argv[index + 1] : Number(process.argv[index + 1]);
}

const corpus = path.join(ROOT, "target/perf-corpus/prose-1m.txt");
if (!fs.existsSync(corpus)) {
  console.error("target/perf-corpus is missing: run bash scripts/bench.sh --only native first");
  process.exit(2);
}
const text = fs.readFileSync(corpus, "utf8").slice(0, args.size);

const host = (embed) =>
  `/tests/perf/embed-host/index.html?corpus=/target/perf-corpus/plan-40.json&embed=${embed}`;
const pages = {
  // The same host form with no embed (its folder does not exist): the browser alone.
  plain: { url: host("/nowhere/"), field: 'textarea[data-cinplan-field="progress"]' },
  embed: { url: host("/dist/embed/"), field: 'textarea[data-cinplan-field="progress"]' },
  editor: { url: "/dist/index.html?today=2026-11-23", field: '[data-testid="row-0"] [data-testid="field-action"]' },
};

async function measure(context, base, name) {
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__keys = [];
    window.__tasks = [];
    new PerformanceObserver((list) => window.__tasks.push(...list.getEntries().map((task) => task.duration))).observe({
      type: "longtask",
    });
    window.addEventListener(
      "keydown",
      (event) => {
        const at = event.timeStamp;
        requestAnimationFrame(() => window.__keys.push(performance.now() - at));
      },
      true,
    );
  });
  await page.goto(`${base}${pages[name].url}`);
  const field = page.locator(pages[name].field).first();
  await field.waitFor({ timeout: 15000 });
  await page.waitForTimeout(1500);
  const longestTask = () => page.evaluate(() => Math.max(0, ...window.__tasks.splice(0)));
  /** The longest wait for the page to run a trivial script, asked `times`, `every` ms apart. */
  const longestWait = async (times, every) => {
    let longest = 0;
    for (let probe = 0; probe < times; probe += 1) {
      await page.waitForTimeout(every);
      const asked = Date.now();
      await page.evaluate(() => 1);
      longest = Math.max(longest, Date.now() - asked);
    }
    return longest;
  };
  await longestTask();
  await field.evaluate((element, value) => {
    element.focus();
    element.value = value;
    element.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertFromPaste" }));
  }, text);
  const busy = await longestWait(12, 500);
  const pasteTask = await longestTask();
  await field.press("End");
  await page.evaluate(() => {
    window.__keys = [];
  });
  for (let typed = 0; typed < args.keys; typed += 1) {
    await page.keyboard.press("x");
    await page.waitForTimeout(typed % 10 === 9 ? args.pause : args.gap);
  }
  await page.evaluate(() => 1);
  const keys = await page.evaluate(() => window.__keys);
  // A pause long enough for the long field's check (1.5 s in the editor): how long its
  // report keeps the page busy: its longest task (the probes may fall either side of it).
  await page.keyboard.type("yz", { delay: args.gap });
  await longestTask();
  const busyAfterPause = await longestWait(16, 250);
  const pauseTask = await longestTask();
  const kept = (await field.inputValue()).length === text.length + args.keys + 2;
  await page.close();
  return { busy_after_paste_ms: busy, busy_after_pause_ms: busyAfterPause, paste_task_ms: pasteTask, pause_task_ms: pauseTask, keys: keys.length, median_ms: median(keys), p95_ms: p95(keys), max_ms: Math.max(...keys), text_kept: kept };
}

const server = await serve(ROOT);
const browser = await launch({ locale: "en-GB" });
try {
  console.log(`${text.length} characters pasted; ${args.keys} keys, ${args.gap} ms apart, a ${args.pause} ms pause every ten`);
  for (const name of args.only.split(",")) {
    const result = await measure(browser.context, server.url, name);
    console.log(
      `${name}: busy after the paste up to ${result.busy_after_paste_ms} ms, after a pause in typing up to ${result.busy_after_pause_ms} ms; longest task after the paste ${result.paste_task_ms.toFixed(0)} ms, after the pause ${result.pause_task_ms.toFixed(0)} ms; keystroke to screen median ${result.median_ms.toFixed(1)} ms, p95 ${result.p95_ms.toFixed(1)} ms, max ${result.max_ms.toFixed(1)} ms (${result.keys} keys); every character kept: ${result.text_kept ? "yes" : "NO"}`,
    );
  }
} finally {
  await browser.close();
  await server.close();
}
