// The browser side of cinplan's performance, in headless Chromium under the strict CSP:
//
//   core    the WebAssembly alone (tests/perf/bench-page): re-checking a 40-row plan after
//           a keystroke, one field, long pastes, and write-good on the same text, same page
//   editor  the Leptos editor (dist/, trunk build --release): time from navigation to the
//           first findings on screen, keystroke-to-marks latency over 200 keystrokes in a
//           40-row plan, and memory after 1,000 edits
//   embed   the embed (dist/embed) in a host form of 40 rows (tests/perf/embed-host): the
//           same three measures, with the embed's default settings and with no debounce
//
//   node tests/perf/browser-bench.js [--only core,editor,embed] [--keystrokes 200]
//        [--edits 1000] [--out target/perf/browser.json] [--quick] [--embed /dist/embed/]
//
// Keystroke-to-marks: a capture listener takes the keydown's own timestamp (so input
// queueing counts), a MutationObserver sees the marks change, and the next animation frame
// after it is when they reach the screen (that frame's callback, which runs before the
// frame's own style, layout and paint; the editor also reports the end of that work, a
// task posted from the callback).
// - Editor: the time until the edited field's highlight layer shows the findings of the
//   new text, exactly as it shows them once that text is checked (learnt beforehand by
//   typing the same keys slowly). The keystrokes type " ongoing" letter by letter after a
//   flagged text and delete it again; the layer always holds a mark, so a layer that drops
//   its marks while the check catches up is never taken for the result.
// - Embed: a MutationObserver on the document and on every shadow root; each keystroke
//   adds or removes a letter after a flagged word ("ongoing" ↔ "ongoingx"), so the marks
//   really change every time.
// Memory: V8 heap after a forced garbage collection, the WebAssembly memories, DOM nodes
// and listeners. Embed: after 100 edits and after 1,000. Editor: after 100, 1,000 and
// 2,000 edits, each reading the median of five, so growth per edit shows as a second
// stretch growing like the first.
import fs from "node:fs";
import path from "node:path";
import { serve, launch, watch, ROOT } from "../e2e/lib/harness.js";
import { machine, median, p95 } from "./lib/measure.js";

function parseArgs(argv) {
  const args = {
    only: "core,editor,embed",
    keystrokes: 200,
    edits: 1000,
    repeats: 5,
    out: null,
    quick: false,
    editorPath: "/dist/index.html",
    editorField: '[data-testid="field-action"] textarea, textarea[data-testid="field-action"], [data-testid="field-action"]',
    editorMarks: "[data-rule]",
    editorOpen: 'input[data-testid="open-file"]',
    embedPath: "/tests/perf/embed-host/index.html",
    embedField: 'textarea[data-cinplan-field="action"]',
    embedMarks: ".mark",
    // The embed build the core and embed parts load (another build's folder to compare).
    embed: "/dist/embed/",
  };
  for (let index = 0; index < argv.length; index += 1) {
    const flag = argv[index];
    if (flag === "--quick") args.quick = true;
    else if (flag.startsWith("--")) {
      const key = flag.slice(2).replace(/-([a-z])/g, (_, letter) => letter.toUpperCase());
      const value = argv[(index += 1)];
      args[key] = typeof args[key] === "number" ? Number(value) : value;
    }
  }
  if (args.quick) {
    args.keystrokes = Math.min(args.keystrokes, 40);
    args.edits = Math.min(args.edits, 200);
    args.repeats = Math.min(args.repeats, 2);
  }
  return args;
}

/** Installed before any page script: counts marks everywhere, times keystrokes to marks. */
function instrument(marksSelector) {
  const roots = [document];
  const state = { firstMarkAt: null, firstFrameAt: null, lastChangeAt: null, marks: 0, keyAt: null, waiting: null };
  const count = () => roots.reduce((sum, root) => sum + root.querySelectorAll(marksSelector).length, 0);
  const onMutations = () => {
    const marks = count();
    if (marks !== state.marks) {
      state.marks = marks;
      state.lastChangeAt = performance.now();
    }
    if (state.firstMarkAt === null && marks > 0) {
      state.firstMarkAt = performance.now();
      requestAnimationFrame(() => {
        state.firstFrameAt = performance.now();
      });
    }
    const waiting = state.waiting;
    if (waiting && !waiting.domAt && count() !== waiting.before) {
      waiting.domAt = performance.now();
      requestAnimationFrame(() => waiting.resolve({ keyAt: state.keyAt, domAt: waiting.domAt, frameAt: performance.now() }));
    }
  };
  const observer = new MutationObserver(onMutations);
  const options = { subtree: true, childList: true, attributes: true, characterData: true };
  observer.observe(document, options);
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function attachObserved(init) {
    const root = attachShadow.call(this, init);
    roots.push(root);
    observer.observe(root, options);
    return root;
  };
  window.addEventListener("keydown", (event) => {
    state.keyAt = event.timeStamp;
    // The first frame after the keystroke, whatever the page does: marks drawn in the
    // keystroke's own task reach the screen in it.
    state.keyFrame = null;
    requestAnimationFrame((frameTime) => {
      state.keyFrame = frameTime;
    });
  }, true);
  // The editor's measure: the highlight layer of the edited field showing exactly what it
  // shows once that keystroke's text is checked (its signature, learnt beforehand).
  const signature = (layer) =>
    [...layer.childNodes]
      .map((node) => (node.nodeType === 1 ? `[${node.getAttribute("data-rule")}:${node.textContent}]` : node.textContent))
      .join("");
  window.__perf = {
    count,
    state,
    signature(selector) {
      const layer = document.querySelector(selector);
      return layer ? signature(layer) : null;
    },
    armLayer(selector, expected) {
      state.keyAt = null;
      state.waiting = null;
      const layer = document.querySelector(selector);
      const waiting = { domAt: null };
      waiting.done = new Promise((resolve) => {
        waiting.resolve = resolve;
      });
      const observer = new MutationObserver(() => {
        if (waiting.domAt !== null || signature(layer) !== expected) return;
        waiting.domAt = performance.now();
        observer.disconnect();
        requestAnimationFrame((frameTime) => {
          const frameAt = performance.now();
          // A task posted from the frame's callback runs once the frame's style, layout,
          // paint and commit are done on the main thread: a stricter "on screen".
          const channel = new MessageChannel();
          channel.port1.onmessage = () =>
            waiting.resolve({ keyAt: state.keyAt, domAt: waiting.domAt, frameAt, paintedAt: performance.now(), firstFrame: frameTime === state.keyFrame });
          channel.port2.postMessage(null);
        });
      });
      observer.observe(layer, { subtree: true, childList: true, characterData: true });
      waiting.observer = observer;
      state.layerWaiting = waiting;
    },
    layerSettled(timeoutMs) {
      const waiting = state.layerWaiting;
      return Promise.race([
        waiting.done,
        new Promise((resolve) => setTimeout(() => {
          waiting.observer.disconnect();
          resolve({ timeout: true, keyAt: state.keyAt });
        }, timeoutMs)),
      ]);
    },
    arm() {
      state.keyAt = null;
      const waiting = { before: count(), domAt: null };
      waiting.done = new Promise((resolve) => {
        waiting.resolve = resolve;
      });
      state.waiting = waiting;
      return waiting.before;
    },
    settled(timeoutMs) {
      const waiting = state.waiting;
      return Promise.race([
        waiting.done,
        new Promise((resolve) => setTimeout(() => resolve({ timeout: true, keyAt: state.keyAt }), timeoutMs)),
      ]);
    },
  };
}

async function newPage(context, marksSelector) {
  const page = await context.newPage();
  await page.addInitScript(instrument, marksSelector);
  return page;
}

/**
 * Navigation to first findings shown, `repeats` times, each a fresh load; and to the last
 * change of the marks (every field checked: fields off screen may be checked after the
 * first frame), taken once nothing has changed for `quietMs`.
 */
async function readiness(page, url, repeats, timeoutMs = 15000, quietMs = 750) {
  const samples = [];
  for (let index = 0; index < repeats; index += 1) {
    await page.goto(url, { waitUntil: "commit" });
    await page.waitForFunction(() => window.__perf?.state.firstFrameAt !== null, null, { timeout: timeoutMs });
    await page.waitForFunction((quiet) => performance.now() - window.__perf.state.lastChangeAt > quiet, quietMs, { timeout: timeoutMs });
    samples.push(
      await page.evaluate(() => {
        const navigation = performance.getEntriesByType("navigation")[0];
        const resources = performance.getEntriesByType("resource");
        return {
          marks_in_dom_ms: window.__perf.state.firstMarkAt,
          marks_on_screen_ms: window.__perf.state.firstFrameAt,
          all_marks_ms: window.__perf.state.lastChangeAt,
          dom_content_loaded_ms: navigation?.domContentLoadedEventEnd ?? null,
          marks: window.__perf.count(),
          bytes_loaded: resources.reduce((sum, entry) => sum + (entry.encodedBodySize || 0), 0) + (navigation?.encodedBodySize ?? 0),
        };
      }),
    );
  }
  const onScreen = samples.map((sample) => sample.marks_on_screen_ms);
  const all = samples.map((sample) => sample.all_marks_ms);
  return { median_ms: median(onScreen), p95_ms: p95(onScreen), all_marks: { median_ms: median(all), p95_ms: p95(all) }, samples };
}

async function focusField(page, selector, text) {
  const field = page.locator(selector).first();
  await field.waitFor({ state: "visible", timeout: 15000 });
  await field.click();
  await field.fill(text);
  await page.keyboard.press("End");
  // Let the check of the new text land before timing keystrokes.
  await page.waitForTimeout(1000);
}

/** One keystroke (alternately a letter and its deletion), timed to the marks changing. */
async function keystroke(page, index, timeoutMs) {
  await page.evaluate(() => window.__perf.arm());
  await page.keyboard.press(index % 2 === 0 ? "x" : "Backspace");
  const timing = await page.evaluate((ms) => window.__perf.settled(ms), timeoutMs);
  if (timing.timeout || timing.keyAt === null) return null;
  return { dom: timing.domAt - timing.keyAt, screen: timing.frameAt - timing.keyAt };
}

async function latency(page, count, timeoutMs) {
  const dom = [];
  const screen = [];
  let missed = 0;
  for (let index = 0; index < count; index += 1) {
    const timing = await keystroke(page, index, timeoutMs);
    if (timing) {
      dom.push(timing.dom);
      screen.push(timing.screen);
    } else {
      missed += 1;
    }
  }
  // An even count leaves the text as it was; an odd one leaves the letter: remove it.
  if (count % 2 === 1) await page.keyboard.press("Backspace");
  return {
    keystrokes: count,
    missed,
    marks_in_dom: { median_ms: median(dom), p95_ms: p95(dom) },
    marks_on_screen: { median_ms: median(screen), p95_ms: p95(screen), max_ms: Math.max(...screen) },
  };
}

async function memory(page, cdp) {
  await cdp.send("HeapProfiler.collectGarbage");
  await cdp.send("HeapProfiler.collectGarbage");
  const heap = await cdp.send("Runtime.getHeapUsage");
  const dom = await cdp.send("Memory.getDOMCounters");
  const prototype = await cdp.send("Runtime.evaluate", { expression: "WebAssembly.Memory.prototype" });
  const memories = await cdp.send("Runtime.queryObjects", { prototypeObjectId: prototype.result.objectId });
  const wasm = await cdp.send("Runtime.callFunctionOn", {
    objectId: memories.objects.objectId,
    functionDeclaration: "function () { return this.reduce((sum, memory) => sum + memory.buffer.byteLength, 0); }",
    returnByValue: true,
  });
  return {
    js_heap_used: heap.usedSize,
    js_backing_store: heap.backingStorageSize ?? null,
    wasm_memory: wasm.result.value,
    dom_nodes: dom.nodes,
    js_event_listeners: dom.jsEventListeners,
  };
}

/** 1,000 edits (each waited for, as a typist would), memory after 100 and after all. */
async function memoryAfterEdits(page, edits, timeoutMs) {
  const cdp = await page.context().newCDPSession(page);
  const warmUp = Math.min(100, edits);
  let missed = 0;
  for (let index = 0; index < warmUp; index += 1) {
    if (!(await keystroke(page, index, timeoutMs))) missed += 1;
  }
  const after100 = await memory(page, cdp);
  for (let index = warmUp; index < edits; index += 1) {
    if (!(await keystroke(page, index, timeoutMs))) missed += 1;
  }
  const afterAll = await memory(page, cdp);
  const growth = Object.fromEntries(
    Object.keys(afterAll).map((key) => [key, afterAll[key] === null ? null : afterAll[key] - after100[key]]),
  );
  await cdp.detach();
  return { edits, missed, after_100: after100, [`after_${edits}`]: afterAll, growth };
}

const FLAGGED = "Sam Okafor to visit Riley at home every week, ongoing";

// The editor's keystrokes: a banned word typed letter by letter after FLAGGED, then
// deleted letter by letter. Its last letter adds a mark, the first deletion removes it, and
// every keystroke changes the text the marks are drawn over.
const TYPED_WORD = " ongoing";
const EDITOR_CYCLE = [...[...TYPED_WORD].map((letter) => (letter === " " ? "Space" : letter)), ...[...TYPED_WORD].map(() => "Backspace")];
const EDITOR_LAYER = '[data-testid="row-0"] .field[data-field="action"] .mirror';

/**
 * What the edited field's highlight layer shows once each keystroke of the cycle has been
 * checked: typed slowly, each step waited for until no field is stale and the layer holds
 * the textarea's text, well past any pause the editor waits for.
 */
async function learnEditorCycle(page) {
  const expected = [];
  for (const key of EDITOR_CYCLE) {
    await page.keyboard.press(key);
    await page.waitForTimeout(500);
    await page.waitForFunction((selector) => {
      const layer = document.querySelector(selector);
      const textarea = layer?.parentElement.querySelector("textarea");
      return layer && !document.querySelector(".field-stale") && layer.textContent === `${textarea.value}\u200b`;
    }, EDITOR_LAYER, { timeout: 5000 });
    expected.push(await page.evaluate((selector) => window.__perf.signature(selector), EDITOR_LAYER));
  }
  return expected;
}

/** One keystroke of the cycle, timed to its own findings on screen in the edited field. */
async function editorKeystroke(page, expected, index, timeoutMs) {
  const step = index % EDITOR_CYCLE.length;
  await page.evaluate(([selector, signature]) => window.__perf.armLayer(selector, signature), [EDITOR_LAYER, expected[step]]);
  await page.keyboard.press(EDITOR_CYCLE[step]);
  const timing = await page.evaluate((ms) => window.__perf.layerSettled(ms), timeoutMs);
  if (timing.timeout || timing.keyAt === null) return null;
  const previous = expected[(step + EDITOR_CYCLE.length - 1) % EDITOR_CYCLE.length];
  const marksOf = (signature) => signature.match(/\[[^\]]*\]/g)?.join("") ?? "";
  return {
    dom: timing.domAt - timing.keyAt,
    screen: timing.frameAt - timing.keyAt,
    painted: timing.paintedAt - timing.keyAt,
    first_frame: timing.firstFrame,
    marks_changed: marksOf(previous) !== marksOf(expected[step]),
  };
}

async function editorLatency(page, expected, count, timeoutMs) {
  const dom = [];
  const screen = [];
  const painted = [];
  const changing = [];
  const changingDom = [];
  let inFirstFrame = 0;
  let missed = 0;
  for (let index = 0; index < count; index += 1) {
    const timing = await editorKeystroke(page, expected, index, timeoutMs);
    if (timing) {
      dom.push(timing.dom);
      screen.push(timing.screen);
      painted.push(timing.painted);
      if (timing.first_frame) inFirstFrame += 1;
      if (timing.marks_changed) {
        changing.push(timing.screen);
        changingDom.push(timing.dom);
      }
    } else {
      missed += 1;
    }
  }
  // Back to FLAGGED: finish the cycle.
  for (let index = count; index % EDITOR_CYCLE.length !== 0; index += 1) {
    await page.keyboard.press(EDITOR_CYCLE[index % EDITOR_CYCLE.length]);
  }
  return {
    keystrokes: count,
    missed,
    measures: "the edited field's highlight layer showing the findings of its new text",
    marks_in_dom: { median_ms: median(dom), p95_ms: p95(dom) },
    marks_on_screen: { median_ms: median(screen), p95_ms: p95(screen), max_ms: Math.max(...screen) },
    frame_painted: { median_ms: median(painted), p95_ms: p95(painted) },
    on_screen_in_the_first_frame_after_the_keystroke: inFirstFrame,
    keystrokes_that_add_or_remove_a_mark: {
      count: changing.length,
      median_ms: median(changing),
      p95_ms: p95(changing),
      in_dom: { median_ms: median(changingDom), p95_ms: p95(changingDom) },
    },
  };
}

/** The median of several readings, each after forced garbage collections. */
async function steadyMemory(page, cdp, readings) {
  const samples = [];
  for (let index = 0; index < readings; index += 1) {
    await page.waitForTimeout(200);
    samples.push(await memory(page, cdp));
  }
  const result = Object.fromEntries(
    Object.keys(samples[0]).map((key) => [key, samples[0][key] === null ? null : median(samples.map((sample) => sample[key]))]),
  );
  const heaps = samples.map((sample) => sample.js_heap_used);
  result.js_heap_spread = Math.max(...heaps) - Math.min(...heaps);
  return result;
}

/**
 * Memory of the editor as it is edited: readings after 100 edits, after `edits` and after
 * twice as many, each the median of five readings after forced garbage collection. What
 * grows per edit grows twice as much over the second stretch as over the first; noise does
 * not.
 */
async function editorMemory(page, expected, edits, timeoutMs) {
  const cdp = await page.context().newCDPSession(page);
  const checkpoints = [Math.min(100, edits), edits, 2 * edits];
  const readings = {};
  let done = 0;
  let missed = 0;
  for (const checkpoint of checkpoints) {
    for (; done < checkpoint; done += 1) {
      if (!(await editorKeystroke(page, expected, done, timeoutMs))) missed += 1;
    }
    // Whole cycles only, so every reading sees the same text.
    for (; done % EDITOR_CYCLE.length !== 0; done += 1) {
      if (!(await editorKeystroke(page, expected, done, timeoutMs))) missed += 1;
    }
    // Past every pause: the full check, the autosave.
    await page.waitForTimeout(1000);
    readings[checkpoint] = { edits_done: done, ...(await steadyMemory(page, cdp, 5)) };
  }
  await cdp.detach();
  const [first, middle, last] = checkpoints.map((checkpoint) => readings[checkpoint]);
  const difference = (from, to) =>
    Object.fromEntries(Object.keys(to).filter((key) => key !== "edits_done").map((key) => [key, to[key] === null ? null : to[key] - from[key]]));
  return {
    edits,
    missed,
    readings,
    growth: difference(first, middle),
    growth_second_stretch: difference(middle, last),
  };
}

async function benchEditor(context, base, args) {
  const url = `${base}${args.editorPath}`;
  const page = await newPage(context, args.editorMarks);
  const seen = watch(page, base);
  const result = { url: args.editorPath };
  result.ready_first_visit = await readiness(page, url, args.repeats);
  // Open the 40-row plan as a user does (the file input); the editor keeps it, so a
  // reload shows it again: that is "ready with a whole plan open".
  await page.locator(args.editorOpen).first().setInputFiles(path.join(ROOT, "target/perf-corpus/plan-40.json"));
  await page.waitForFunction((selector) => window.__perf.count() > 40 || document.querySelectorAll(selector).length > 40,
    args.editorMarks, { timeout: 15000 });
  result.ready_with_plan_40 = await readiness(page, url, args.repeats);
  result.marks_in_plan_40 = await page.evaluate(() => window.__perf.count());
  await focusField(page, args.editorField, FLAGGED);
  const expected = await learnEditorCycle(page);
  result.keystroke_to_marks = await editorLatency(page, expected, args.keystrokes, 3000);
  result.memory = await editorMemory(page, expected, args.edits, 3000);
  result.page_problems = seen;
  await page.close();
  return result;
}

async function benchEmbed(context, base, args) {
  const result = {};
  for (const [label, query] of [["default settings", ""], ["debounce 0", "&debounce=0"]]) {
    const url = `${base}${args.embedPath}?corpus=/target/perf-corpus/plan-40.json&embed=${args.embed}${query}`;
    const page = await newPage(context, args.embedMarks);
    const seen = watch(page, base);
    const entry = { url: `${args.embedPath}?…${query}` };
    entry.ready_with_plan_40 = await readiness(page, url, args.repeats);
    entry.marks_in_plan_40 = await page.evaluate(() => window.__perf.count());
    await focusField(page, args.embedField, FLAGGED);
    entry.keystroke_to_marks = await latency(page, args.keystrokes, 3000);
    if (query) entry.memory = await memoryAfterEdits(page, args.edits, 3000);
    entry.page_problems = seen;
    result[label] = entry;
    await page.close();
  }
  return result;
}

async function benchCore(context, base, args) {
  const page = await context.newPage();
  const seen = watch(page, base);
  await page.goto(`${base}/tests/perf/bench-page/index.html?embed=${args.embed}&corpus=/target/perf-corpus/`);
  await page.waitForFunction(() => document.documentElement.dataset.benchReady === "true", null, { timeout: 15000 });
  const result = await page.evaluate(
    (options) => window.cinplanBench.run(options),
    { keystrokes: args.keystrokes, quick: args.quick },
  );
  result.page_problems = seen;
  await page.close();
  return result;
}

const fmt = (value, digits = 2) => (Number.isFinite(value) ? value.toFixed(digits) : "—");
const kib = (bytes) => (Number.isFinite(bytes) ? `${(bytes / 1024).toFixed(1)} KiB` : "—");

function report(results, info) {
  const lines = [
    `Chromium (headless) on ${info.cpu}, ${info.cores} cores, ${info.memory_gib} GiB; load ${info.load_average.join(" ")}`,
  ];
  const core = results.core;
  if (core && !core.error) {
    lines.push("", "Core in the browser (WebAssembly, no UI):");
    lines.push(`- cold: ready ${fmt(core.cold.ready_ms, 1)} ms, first 40-row check done ${fmt(core.cold.first_plan_check_ms, 1)} ms; ${core.cold.rules} rules, ${core.cold.findings} findings`);
    lines.push(`- re-check 40-row plan after a keystroke: median ${fmt(core.recheck_plan_40.median_ms, 3)} ms, p95 ${fmt(core.recheck_plan_40.p95_ms, 3)} ms (from JSON text: p95 ${fmt(core.recheck_plan_40_from_json.p95_ms, 3)} ms)`);
    if (core.recheck_plan_40_session) {
      const session = core.recheck_plan_40_session;
      lines.push(`- the same through a PlanSession (setText, the change applied to the held report): median ${fmt(session.median_ms, 3)} ms, p95 ${fmt(session.p95_ms, 3)} ms; a change is ${session.change_bytes} characters of JSON; the held report equals checkPlan's: ${session.same_as_check_plan ? "yes" : "NO"}`);
    }
    if (core.plan_json_stringify) {
      lines.push(`- of which crossing the boundary, at most: JSON.stringify of the plan median ${fmt(core.plan_json_stringify.median_ms, 3)} ms; JSON.parse of the report (${core.report_json_parse.bytes} characters) median ${fmt(core.report_json_parse.median_ms, 3)} ms`);
    }
    if (core.full_check_plan_40) {
      lines.push(`- full check of the 40-row plan (nothing remembered, forgetChecks()): median ${fmt(core.full_check_plan_40.median_ms, 3)} ms, p95 ${fmt(core.full_check_plan_40.p95_ms, 3)} ms`);
    }
    lines.push(`- one 200-character field: median ${fmt(core.check_field_200.median_ms, 3)} ms, p95 ${fmt(core.check_field_200.p95_ms, 3)} ms`);
    lines.push("", "Same text, same page: the two tools timed in alternating rounds (batches of runs, order swapped each round); times are the rounds' medians per run, the ratio the median of the rounds' ratios.");
    lines.push("", "| text | cinplan | µs/KB | findings | write-good | µs/KB | findings | cinplan/write-good per KB |", "|---|---:|---:|---:|---:|---:|---:|---:|");
    for (const entry of core.same_text) {
      const kb = entry.bytes / 1024;
      const mine = entry.cinplan_in_rounds ?? entry.cinplan;
      lines.push(`| ${entry.text} | ${fmt(mine.median_ms, 3)} ms | ${fmt((mine.median_ms / kb) * 1000, 1)} | ${entry.cinplan.findings} | ${fmt(entry.write_good?.median_ms, 3)} ms | ${fmt((entry.write_good?.median_ms / kb) * 1000, 1)} | ${entry.write_good?.findings ?? "—"} | ${fmt(entry.ratio_per_kb, 3)} |`);
    }
    const answers = core.same_text.filter((entry) => Number.isFinite(entry.cinplan.answer_parse_median_ms));
    if (answers.length > 0) {
      lines.push("", `Of cinplan's time, JSON.parse of its findings' JSON: ${answers.map((entry) => `${entry.text} ${fmt(entry.cinplan.answer_parse_median_ms, 3)} ms (${entry.cinplan.answer_chars} characters)`).join("; ")}.`);
    }
  }
  const ui = (name, entry) => {
    if (!entry) return;
    if (entry.error) {
      lines.push("", `${name}: not measured: ${entry.error}`);
      return;
    }
    lines.push("", `${name}:`);
    if (entry.ready_first_visit) lines.push(`- ready (first findings on screen), first visit: median ${fmt(entry.ready_first_visit.median_ms, 1)} ms, p95 ${fmt(entry.ready_first_visit.p95_ms, 1)} ms; ${kib(entry.ready_first_visit.samples[0]?.bytes_loaded)} transferred`);
    const withPlan = entry.ready_with_plan_40;
    lines.push(`- ready with the 40-row plan: median ${fmt(withPlan.median_ms, 1)} ms, p95 ${fmt(withPlan.p95_ms, 1)} ms; every field's marks drawn: median ${fmt(withPlan.all_marks.median_ms, 1)} ms (${entry.marks_in_plan_40} marks)`);
    const typing = entry.keystroke_to_marks;
    lines.push(`- keystroke to marks on screen (${typing.keystrokes} keystrokes, ${typing.missed} without a change in 3 s): median ${fmt(typing.marks_on_screen.median_ms, 1)} ms, p95 ${fmt(typing.marks_on_screen.p95_ms, 1)} ms (in the DOM: p95 ${fmt(typing.marks_in_dom.p95_ms, 1)} ms)`);
    if (typing.measures) lines.push(`  (measures ${typing.measures})`);
    if (typing.frame_painted) {
      lines.push(`- to the end of that frame's style, layout, paint and commit on the main thread (stricter): median ${fmt(typing.frame_painted.median_ms, 1)} ms, p95 ${fmt(typing.frame_painted.p95_ms, 1)} ms`);
    }
    if (typing.on_screen_in_the_first_frame_after_the_keystroke !== undefined) {
      lines.push(`- on screen in the first frame after the keystroke: ${typing.on_screen_in_the_first_frame_after_the_keystroke} of ${typing.keystrokes - typing.missed}`);
    }
    const changing = typing.keystrokes_that_add_or_remove_a_mark;
    if (changing) lines.push(`- of which the ${changing.count} keystrokes that add or remove a mark: median ${fmt(changing.median_ms, 1)} ms, p95 ${fmt(changing.p95_ms, 1)} ms (in the DOM: median ${fmt(changing.in_dom.median_ms, 1)} ms, p95 ${fmt(changing.in_dom.p95_ms, 1)} ms)`);
    if (entry.memory) {
      const { growth, edits } = entry.memory;
      lines.push(`- memory growth from edit 100 to edit ${edits}: JS heap ${kib(growth.js_heap_used)}, WebAssembly ${kib(growth.wasm_memory)}, DOM nodes ${growth.dom_nodes}, listeners ${growth.js_event_listeners}`);
      const second = entry.memory.growth_second_stretch;
      if (second) {
        const spread = Math.max(...Object.values(entry.memory.readings).map((reading) => reading.js_heap_spread));
        lines.push(`- memory growth from edit ${edits} to edit ${2 * edits}: JS heap ${kib(second.js_heap_used)}, WebAssembly ${kib(second.wasm_memory)}, DOM nodes ${second.dom_nodes}, listeners ${second.js_event_listeners} (each reading the median of 5 after forced GC; largest spread within one reading ${kib(spread)})`);
      }
    }
    const problems = entry.page_problems;
    const count = Object.values(problems ?? {}).reduce((sum, list) => sum + list.length, 0);
    if (count > 0) lines.push(`- page problems: ${JSON.stringify(problems)}`);
  };
  ui("Editor", results.editor);
  if (results.embed && !results.embed.error) {
    for (const [label, entry] of Object.entries(results.embed)) ui(`Embed (${label})`, entry);
  } else {
    ui("Embed", results.embed);
  }
  return lines.join("\n");
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const wanted = new Set(args.only.split(","));
  const needed = ["target/perf-corpus/plan-40.json"];
  if (wanted.has("core") || wanted.has("embed")) needed.push(`${args.embed.replace(/^\//, "")}cinplan_wasm.js`);
  if (wanted.has("editor")) needed.push(args.editorPath.replace(/^\//, ""));
  for (const file of needed) {
    if (!fs.existsSync(path.join(ROOT, file))) throw new Error(`${file} is missing: run scripts/bench.sh (it builds and writes everything)`);
  }
  const info = machine();
  const server = await serve(ROOT);
  const browser = await launch();
  const results = {};
  try {
    for (const [name, bench] of [["core", benchCore], ["editor", benchEditor], ["embed", benchEmbed]]) {
      if (!wanted.has(name)) continue;
      process.stderr.write(`[browser-bench] ${name}…\n`);
      try {
        results[name] = await bench(browser.context, server.url, args);
      } catch (error) {
        results[name] = { error: String(error.message ?? error).split("\n")[0] };
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  info.load_average_after = (await import("node:os")).loadavg().map((load) => Number(load.toFixed(2)));
  const summary = report(results, info);
  console.log(summary);
  if (args.out) {
    fs.mkdirSync(path.dirname(args.out), { recursive: true });
    fs.writeFileSync(args.out, JSON.stringify({ machine: info, results }, null, 2));
    fs.writeFileSync(args.out.replace(/\.json$/, ".md"), `${summary}\n`);
  }
  if (Object.values(results).some((result) => result.error)) process.exitCode = 1;
}

main().catch((error) => {
  console.error(`browser-bench: ${error.stack ?? error}`);
  process.exit(1);
});
