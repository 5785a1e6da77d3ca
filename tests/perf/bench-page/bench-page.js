// The core's cost in the browser, without any UI: cinplan's WebAssembly (dist/embed, the
// build a host page loads) re-checking a 40-row plan after each keystroke, checking single
// fields and long pastes, and write-good linting the same text in the same page.
// Served from the repository's root under the strict CSP; browser-bench.js calls
// `window.cinplanBench.run()` and reads its result.

const TODAY = "2026-12-01";
const params = new URLSearchParams(location.search);
const EMBED = params.get("embed") ?? "/dist/embed/";
const CORPUS = params.get("corpus") ?? "/target/perf-corpus/";

function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank];
}

function summary(times) {
  return {
    n: times.length,
    median_ms: quantile(times, 0.5),
    p95_ms: quantile(times, 0.95),
    max_ms: Math.max(...times),
  };
}

/** Times `run` once, then again while under `budgetMs` and `maxRuns`; drops the first. */
function repeat(run, { budgetMs = 1000, maxRuns = 30 } = {}) {
  const times = [];
  let total = 0;
  let result;
  while (times.length === 0 || (total < budgetMs && times.length < maxRuns)) {
    const start = performance.now();
    result = run();
    const elapsed = performance.now() - start;
    times.push(elapsed);
    total += elapsed;
  }
  const [first, ...rest] = times;
  return { first_ms: first, ...summary(rest.length > 0 ? rest : [first]), result };
}

/**
 * Two tools on the same input, in alternating rounds: each round times a batch of runs of
 * each (long enough that the page's 0.1 ms clock does not matter), the order swapped every
 * round, so that a slow moment of the machine or the browser weighs on both alike. Returns
 * each tool's median time per run over the rounds and the median of the rounds' ratios.
 */
function compareInRounds(mine, theirs, { rounds = 15, batchMs = 25 } = {}) {
  const batchSize = (run) => {
    const start = performance.now();
    let runs = 0;
    while (runs < 3 || performance.now() - start < batchMs / 2) {
      run();
      runs += 1;
    }
    return Math.max(1, Math.round((runs * batchMs) / Math.max(performance.now() - start, 0.1)));
  };
  const timed = (run, size) => {
    const start = performance.now();
    for (let index = 0; index < size; index += 1) run();
    return (performance.now() - start) / size;
  };
  // Warm-up (compiling, tiering up) and the batch sizes.
  const mineSize = batchSize(mine);
  const theirsSize = batchSize(theirs);
  const mineTimes = [];
  const theirsTimes = [];
  const ratios = [];
  for (let round = 0; round < rounds; round += 1) {
    let a;
    let b;
    if (round % 2 === 0) {
      a = timed(mine, mineSize);
      b = timed(theirs, theirsSize);
    } else {
      b = timed(theirs, theirsSize);
      a = timed(mine, mineSize);
    }
    mineTimes.push(a);
    theirsTimes.push(b);
    ratios.push(a / b);
  }
  return {
    mine: { rounds, runs_per_round: mineSize, ...summary(mineTimes) },
    theirs: { rounds, runs_per_round: theirsSize, ...summary(theirsTimes) },
    ratio: quantile(ratios, 0.5),
  };
}

/** A PlanSession's change applied to the report it was made against (docs/embedding.md). */
function applyPlanChange(report, change) {
  const { rows, ...rest } = change.summary;
  report.findings.splice(change.findings.at, change.findings.remove, ...change.findings.insert);
  report.ignored.splice(change.ignored.at, change.ignored.remove, ...change.ignored.insert);
  report.summary.rows.splice(rows.at, rows.remove, ...rows.insert);
  Object.assign(report.summary, rest);
}

const count = (result) => (Array.isArray(result) ? result.length : result?.findings?.length ?? NaN);
const log = (line) => {
  document.getElementById("log").textContent += `${line}\n`;
};

async function text(name) {
  const response = await fetch(CORPUS + name);
  if (!response.ok) throw new Error(`${CORPUS}${name}: HTTP ${response.status}`);
  return response.text();
}

async function run({ keystrokes = 200, quick = false } = {}) {
  const corpus = {
    plan40: JSON.parse(await text("plan-40.json")),
    field200: await text("field-200.txt"),
    planText: await text("plan-40.txt"),
    prose100k: await text("prose-100k.txt"),
    prose1m: await text("prose-1m.txt"),
  };
  const result = { user_agent: navigator.userAgent };

  // Cold start: fetch, compile and instantiate the WebAssembly, then the first check.
  const start = performance.now();
  const cinplan = await import(`${EMBED}cinplan_wasm.js`);
  await cinplan.default({ module_or_path: `${EMBED}cinplan_wasm_bg.wasm` });
  const ready = performance.now();
  const first = cinplan.checkPlan(corpus.plan40, { today: TODAY });
  result.cold = {
    ready_ms: ready - start,
    first_plan_check_ms: performance.now() - start,
    findings: count(first),
    rules: cinplan.rules().length,
  };
  log(`cold: ${JSON.stringify(result.cold)}`);

  // A keystroke, then the whole 40-row plan re-checked: alternately add and remove a
  // character at the end of one action, as typing and correcting does. checkPlan
  // remembers each field's findings between calls, so this is the incremental path the
  // editor and the embed take: only the edited field's rules run again.
  const plan = structuredClone(corpus.plan40);
  const row = plan.needs[4].actions[0];
  const original = row.action;
  const recheck = [];
  const recheckJson = [];
  for (let index = 0; index < keystrokes; index += 1) {
    row.action = index % 2 === 0 ? `${original}x` : original;
    let begin = performance.now();
    cinplan.checkPlan(plan, { today: TODAY });
    recheck.push(performance.now() - begin);
    begin = performance.now();
    cinplan.checkPlan(JSON.stringify(plan), { today: TODAY });
    recheckJson.push(performance.now() - begin);
  }
  result.recheck_plan_40 = summary(recheck);
  result.recheck_plan_40_from_json = summary(recheckJson);
  // What crossing the boundary costs the engine's own JSON on each side: the plan written
  // out (checkPlan reads an object as its JSON text) and the report read back in.
  const report = cinplan.checkPlan(plan, { today: TODAY });
  const reportText = JSON.stringify(report);
  const stringify = [];
  const parse = [];
  for (let index = 0; index < Math.min(keystrokes, 50); index += 1) {
    let begin = performance.now();
    JSON.stringify(plan);
    stringify.push(performance.now() - begin);
    begin = performance.now();
    JSON.parse(reportText);
    parse.push(performance.now() - begin);
  }
  result.plan_json_stringify = summary(stringify);
  result.report_json_parse = { ...summary(parse), bytes: reportText.length };
  log(`recheck 40 rows: ${JSON.stringify(result.recheck_plan_40)}`);

  // The same keystrokes through a PlanSession (a build that has one): the plan stays in
  // WebAssembly, the edited field's text goes in and only what changed comes out, applied
  // to the report the page holds, as a host does. Then that report is compared with a
  // whole checkPlan of the same plan.
  if (typeof cinplan.PlanSession === "function") {
    const session = new cinplan.PlanSession(plan, { today: TODAY });
    const held = session.report();
    const pointer = "/needs/4/actions/0/action";
    const edits = [];
    const changeBytes = [];
    for (let index = 0; index < keystrokes; index += 1) {
      row.action = index % 2 === 0 ? `${original}x` : original;
      const begin = performance.now();
      const change = session.setText(pointer, row.action);
      applyPlanChange(held, change);
      edits.push(performance.now() - begin);
      if (index < 20) changeBytes.push(JSON.stringify(change).length);
    }
    result.recheck_plan_40_session = {
      ...summary(edits),
      change_bytes: quantile(changeBytes, 0.5),
      same_as_check_plan: JSON.stringify(held) === JSON.stringify(cinplan.checkPlan(plan, { today: TODAY })),
    };
    session.free();
    log(`recheck 40 rows, PlanSession: ${JSON.stringify(result.recheck_plan_40_session)}`);
  }

  // The same keystrokes with nothing remembered: every rule on every field, a full check.
  const full = [];
  for (let index = 0; index < Math.min(keystrokes, 50); index += 1) {
    row.action = index % 2 === 0 ? `${original}x` : original;
    cinplan.forgetChecks();
    const begin = performance.now();
    cinplan.checkPlan(plan, { today: TODAY });
    full.push(performance.now() - begin);
  }
  row.action = original;
  result.full_check_plan_40 = summary(full);
  log(`full check 40 rows: ${JSON.stringify(result.full_check_plan_40)}`);

  // A keystroke in one field, re-checked alone (the embed's path: one field at a time).
  const field = [];
  for (let index = 0; index < keystrokes; index += 1) {
    const typed = index % 2 === 0 ? `${corpus.field200}x` : corpus.field200;
    const begin = performance.now();
    cinplan.checkField(typed, { field: "action", today: TODAY });
    field.push(performance.now() - begin);
  }
  result.check_field_200 = summary(field);
  log(`field 200: ${JSON.stringify(result.check_field_200)}`);

  // The same text for cinplan and write-good: per KB, in this browser.
  const budgetMs = quick ? 300 : 1500;
  result.same_text = [];
  for (const [name, body] of [
    ["plan-40 text (10 KB)", corpus.planText],
    ["prose 100 KB", corpus.prose100k],
    ["prose 1 MB", corpus.prose1m],
  ]) {
    const bytes = new TextEncoder().encode(body).length;
    const check = () => cinplan.checkField(body, { field: "progress", today: TODAY });
    const mine = repeat(check, { budgetMs });
    // Of cinplan's time, what reading its answer costs: JSON.parse of the findings' JSON
    // (checkField writes them as JSON in the WebAssembly and the page parses them).
    const answer = JSON.stringify(mine.result);
    const parse = repeat(() => JSON.parse(answer), { budgetMs: budgetMs / 3 });
    const entry = {
      text: name,
      bytes,
      cinplan: {
        ...mine,
        result: undefined,
        findings: count(mine.result),
        answer_chars: answer.length,
        answer_parse_median_ms: parse.median_ms,
      },
    };
    if (typeof globalThis.writeGood === "function") {
      const findings = count(globalThis.writeGood(body));
      const compared = compareInRounds(check, () => globalThis.writeGood(body), {
        rounds: quick ? 5 : 15,
      });
      // The per-KB comparison is the alternating rounds' (the same text, so per run is
      // per KB): cinplan's time above is from its own runs, with the first one apart.
      entry.cinplan_in_rounds = compared.mine;
      entry.write_good = { ...compared.theirs, findings };
      entry.ratio_per_kb = compared.ratio;
    }
    result.same_text.push(entry);
    log(`${name}: ${JSON.stringify(entry)}`);
  }
  return result;
}

window.cinplanBench = { run };
document.documentElement.dataset.benchReady = "true";
