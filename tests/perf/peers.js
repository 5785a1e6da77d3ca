// cinplan side by side with its peers, in one run, on the same text, in Node:
//   harper.js  (Automattic's Rust/WASM grammar checker, npm)
//   write-good (a naive English prose linter, npm)
//   cinplan    (its WebAssembly build, dist/embed, exactly what a host page loads)
//
// For each tool: cold start (import + set-up, then the first result on the 10 KB plan
// text), warm time per KB on ~10 KB, 100 KB and 1 MB of the same text, the number of
// findings, the number of checks it runs, and its download size (gzip -9 of what a browser
// fetches). Every tool runs in a fresh Node process of its own, so one's warm-up, garbage
// or JIT state never helps or hurts another.
//
//   node tests/perf/peers.js --corpus target/perf-corpus --embed dist/embed \
//        --out target/perf/peers.json [--quick]
//
// The corpora come from `cargo run -p cinplan-core --example perf_corpus` (scripts/bench.sh
// does all of this). Peers are installed by `npm ci` in tests/perf only, never by the test
// suite.
import fs from "node:fs";
import path from "node:path";
import { execFileSync, spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { filesIn, gzipSize, gzipTotal, kib, machine, median, p95, repeat } from "./lib/measure.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const TODAY = "2026-12-01";

function parseArgs(argv) {
  const args = { corpus: "target/perf-corpus", embed: "dist/embed", out: null, quick: false };
  for (let index = 0; index < argv.length; index += 1) {
    const flag = argv[index];
    if (flag === "--quick") args.quick = true;
    else if (flag.startsWith("--")) args[flag.slice(2)] = argv[(index += 1)];
  }
  return args;
}

/** The texts every tool reads, by name. The plan JSON files are cinplan's alone. */
function corpora(folder) {
  const read = (name) => {
    const file = path.join(folder, name);
    if (!fs.existsSync(file)) {
      throw new Error(
        `${file} is missing: write the corpora first with ` +
          "`cargo run -p cinplan-core --example perf_corpus -- target/perf-corpus`",
      );
    }
    return fs.readFileSync(file, "utf8");
  };
  return {
    text: {
      "plan-40 (10 KB)": read("plan-40.txt"),
      "prose 100 KB": read("prose-100k.txt"),
      "prose 1 MB": read("prose-1m.txt"),
    },
    plans: {
      "plan-40 (10 KB)": read("plan-40.json"),
      "plan-400 (100 KB)": read("plan-400.json"),
      "plan-4000 (1 MB)": read("plan-4000.json"),
    },
  };
}

/** Bytes of free text in a plan: the fields cinplan reads (as the corpus generator joins them). */
export function planTextBytes(plan) {
  const texts = [];
  for (const need of plan.needs ?? []) {
    texts.push(need.need);
    for (const action of need.actions ?? []) {
      texts.push(action.action, action.by_whom, action.by_when, action.outcome, action.progress);
    }
  }
  texts.push(plan.visiting, plan.review_frequency, plan.contingency);
  texts.push(...Object.values(plan.views ?? {}));
  return texts.reduce((sum, text) => sum + Buffer.byteLength(typeof text === "string" ? text : ""), 0);
}

const countOf = (result) =>
  Array.isArray(result) ? result.length : (result?.findings?.length ?? NaN);

// ---------------------------------------------------------------------------------------
// Workers: one tool each, in a process of its own. Each returns
// { ready_ms, first_ms, checks, runs: [{ corpus, bytes, first_ms, median_ms, p95_ms, n, findings }] }

async function loadTool(tool, args) {
  if (tool === "write-good") {
    const writeGood = require("write-good");
    return {
      checks: 8, // its default checks: weasel, illusion, so, thereIs, passive, adverb, tooWordy, cliches
      lintText: (text) => writeGood(text),
    };
  }
  if (tool === "harper.js") {
    const { LocalLinter, Dialect } = await import("harper.js");
    const { slimBinary } = await import("harper.js/slimBinary");
    const linter = new LocalLinter({ binary: slimBinary, dialect: Dialect.British });
    await linter.setup();
    const config = await linter.getLintConfig();
    return {
      checks: Object.values(config).filter((enabled) => enabled !== false).length,
      lintText: (text) => linter.lint(text, { language: "plaintext" }),
    };
  }
  if (tool === "cinplan") {
    const glue = path.join(args.embed, "cinplan_wasm.js");
    const wasmFile = path.join(args.embed, "cinplan_wasm_bg.wasm");
    if (!fs.existsSync(glue) || !fs.existsSync(wasmFile)) {
      throw new Error(`${args.embed} has no cinplan_wasm.js + cinplan_wasm_bg.wasm: build the embed first`);
    }
    // The glue is an ES module in a folder without package.json: give Node an .mjs copy.
    const copy = path.join(fs.mkdtempSync(path.join(args.tmp, "glue-")), "cinplan_wasm.mjs");
    fs.copyFileSync(glue, copy);
    const cinplan = await import(pathToFileURL(copy).href);
    cinplan.initSync({ module: fs.readFileSync(wasmFile) });
    for (const name of ["checkField", "checkPlan", "rules"]) {
      if (typeof cinplan[name] !== "function") {
        throw new Error(`the embed's cinplan_wasm.js exports no ${name}(); the JS API changed`);
      }
    }
    return {
      checks: cinplan.rules().length,
      // The peers' text, read as one free-text field (the same words, one paste).
      lintText: (text) => cinplan.checkField(text, { field: "progress", today: TODAY }),
      // What cinplan really does: a whole plan, every field in its place.
      checkPlan: (plan) => cinplan.checkPlan(plan, { today: TODAY }),
    };
  }
  throw new Error(`unknown tool ${tool}`);
}

async function worker(tool, args) {
  const { text, plans } = corpora(args.corpus);
  const start = performance.now();
  const loaded = await loadTool(tool, args);
  const ready = performance.now();
  const firstResult = await loaded.lintText(text["plan-40 (10 KB)"]);
  const first = performance.now();
  const runs = [];
  const budgetMs = args.quick ? 400 : 1500;
  const measure = async (corpus, input, bytes, run) => {
    const { first: firstMs, times, last } = await repeat(() => run(input), {
      budgetMs,
      maxRuns: args.quick ? 5 : 30,
    });
    runs.push({
      corpus,
      bytes,
      first_ms: firstMs,
      median_ms: median(times),
      p95_ms: p95(times),
      n: times.length,
      findings: countOf(last),
    });
  };
  for (const [corpus, input] of Object.entries(text)) {
    await measure(corpus, input, Buffer.byteLength(input), loaded.lintText);
  }
  if (loaded.checkPlan) {
    for (const [corpus, json] of Object.entries(plans)) {
      const plan = JSON.parse(json);
      await measure(`${corpus} whole plan`, plan, planTextBytes(plan), loaded.checkPlan);
    }
  }
  return {
    ready_ms: ready - start,
    first_ms: first - start,
    first_findings: countOf(firstResult),
    checks: loaded.checks,
    runs,
  };
}

// ---------------------------------------------------------------------------------------
// Download sizes: what a browser fetches for each tool, gzip -9, each file on its own.

function downloads(args) {
  const harperDist = path.join(here, "node_modules/harper.js/dist");
  const harperFiles = [
    "index.js",
    "slimBinary.js",
    ...fs.readdirSync(harperDist).filter((name) => /^BinaryModule-.*\.js$/.test(name)),
    "harper_wasm_slim_bg.wasm",
  ].map((name) => path.join(harperDist, name));

  // write-good is CommonJS for Node; a page needs it bundled: esbuild --minify.
  const bundle = path.join(args.tmp, "write-good.min.js");
  const entry = path.join(here, ".write-good-entry.mjs");
  fs.writeFileSync(entry, 'import writeGood from "write-good";\nglobalThis.writeGood = writeGood;\n');
  try {
    execFileSync(
      path.join(here, "node_modules/.bin/esbuild"),
      [entry, "--bundle", "--minify", "--format=iife", `--outfile=${bundle}`, "--log-level=warning"],
      { stdio: "inherit" },
    );
  } finally {
    fs.rmSync(entry, { force: true });
  }

  const cinplanFiles = filesIn(args.embed, (name) => /\.(js|wasm)$/.test(name));
  return {
    cinplan: { bytes: gzipTotal(cinplanFiles), files: cinplanFiles.map((f) => path.basename(f)) },
    "harper.js": { bytes: gzipTotal(harperFiles), files: harperFiles.map((f) => path.basename(f)) },
    "write-good": { bytes: gzipSize(bundle), files: ["write-good (esbuild --minify bundle)"] },
    write_good_bundle: bundle,
  };
}

// ---------------------------------------------------------------------------------------

function runWorker(tool, args) {
  const child = spawnSync(
    process.execPath,
    [fileURLToPath(import.meta.url), "--worker", tool, "--corpus", args.corpus, "--embed", args.embed,
      "--tmp", args.tmp, ...(args.quick ? ["--quick"] : [])],
    { encoding: "utf8", maxBuffer: 64 * 1024 * 1024, stdio: ["ignore", "pipe", "inherit"] },
  );
  if (child.status !== 0) throw new Error(`the ${tool} worker failed (exit ${child.status})`);
  return JSON.parse(child.stdout.trim().split("\n").pop());
}

const fmt = (value, digits = 2) => (Number.isFinite(value) ? value.toFixed(digits) : "—");
const perKb = (run) => run.median_ms / (run.bytes / 1024);

function report(results, sizes, info) {
  const lines = [];
  lines.push(`Machine: ${info.cpu}, ${info.cores} cores, ${info.memory_gib} GiB; load ${info.load_average.join(" ")}; Node ${info.node}`);
  lines.push("");
  lines.push("| tool | download (gzip) | checks | ready | first result (10 KB) |");
  lines.push("|---|---:|---:|---:|---:|");
  for (const [tool, result] of Object.entries(results)) {
    lines.push(
      `| ${tool} | ${kib(sizes[tool].bytes)} KiB | ${result.checks} | ${fmt(result.ready_ms, 1)} ms | ${fmt(result.first_ms, 1)} ms |`,
    );
  }
  lines.push("");
  lines.push("| tool | text | median | p95 | per KB | findings | runs |");
  lines.push("|---|---|---:|---:|---:|---:|---:|");
  for (const [tool, result] of Object.entries(results)) {
    for (const run of result.runs) {
      lines.push(
        `| ${tool} | ${run.corpus} | ${fmt(run.median_ms, 3)} ms | ${fmt(run.p95_ms, 3)} ms | ${fmt(perKb(run) * 1000, 1)} µs | ${run.findings} | ${run.n} |`,
      );
    }
  }
  const cinplan = results.cinplan;
  if (cinplan) {
    lines.push("");
    lines.push("cinplan's ratio to each peer (below 1: cinplan is faster / smaller):");
    lines.push("| peer | text | time per KB | cold start | download |");
    lines.push("|---|---|---:|---:|---:|");
    for (const [peer, result] of Object.entries(results)) {
      if (peer === "cinplan") continue;
      for (const run of result.runs) {
        const mine = cinplan.runs.find((candidate) => candidate.corpus === run.corpus);
        if (!mine) continue;
        lines.push(
          `| ${peer} | ${run.corpus} | ${fmt(perKb(mine) / perKb(run), 3)} | ${fmt(cinplan.first_ms / result.first_ms, 3)} | ${fmt(sizes.cinplan.bytes / sizes[peer].bytes, 3)} |`,
        );
      }
    }
  }
  return lines.join("\n");
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.worker) {
    const result = await worker(args.worker, args);
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  args.tmp = fs.mkdtempSync(path.join(path.resolve(args.out ? path.dirname(args.out) : "target"), "peers-"));
  const info = machine();
  const sizes = downloads(args);
  const results = {};
  for (const tool of ["cinplan", "write-good", "harper.js"]) {
    process.stderr.write(`[peers] ${tool}…\n`);
    results[tool] = runWorker(tool, args);
  }
  const summary = report(results, sizes, info);
  console.log(summary);
  if (args.out) {
    fs.mkdirSync(path.dirname(args.out), { recursive: true });
    fs.writeFileSync(args.out, JSON.stringify({ machine: info, sizes, results }, null, 2));
    fs.writeFileSync(args.out.replace(/\.json$/, ".md"), `${summary}\n`);
  }
  fs.rmSync(args.tmp, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(`peers: ${error.stack ?? error}`);
  process.exit(1);
});
