// Summarises the criterion results of `cargo bench -p cinplan-core --bench core` (read
// from target/criterion) as a table, checks them against the native targets, and shows
// whether time grows linearly with text (time per KB at 10 KB, 100 KB and 1 MB).
//
//   node tests/perf/criterion-summary.js [--criterion target/criterion] [--out FILE.md]
//        [--single target/perf/single-shot.jsonl] [--since EPOCH_SECONDS]
//
// --single: checks too slow for criterion's ten samples, timed once by the bench itself.
// --since: ignore criterion results older than this (left from earlier runs).
import fs from "node:fs";
import path from "node:path";

const args = { criterion: "target/criterion", out: null, single: null, since: "0" };
for (let index = 2; index < process.argv.length; index += 1) {
  const flag = process.argv[index];
  if (flag.startsWith("--")) args[flag.slice(2)] = process.argv[(index += 1)];
}

/** Native targets from the performance issue (docs/performance.md). */
const TARGETS = [
  { id: "check_field_200/action", limit_ns: 50_000, what: "a field check under 50 µs" },
  { id: "check_field_200/by_when", limit_ns: 50_000, what: "a field check under 50 µs" },
  { id: "check_field_200/outcome", limit_ns: 50_000, what: "a field check under 50 µs" },
  { id: "check_field_200/need", limit_ns: 50_000, what: "a field check under 50 µs" },
  { id: "check_plan/parsed/40", limit_ns: 1_000_000, what: "a 40-row plan under 1 ms" },
  { id: "check_field_paste/progress/1000000", limit_ns: 100_000_000, what: "1 MB under 100 ms" },
  { id: "check_field_paste/by_when/1000000", limit_ns: 100_000_000, what: "1 MB under 100 ms" },
  { id: "check_plan/parsed/4000", limit_ns: 100_000_000, what: "1 MB under 100 ms" },
];

function results(folder) {
  const found = [];
  const walk = (directory) => {
    if (!fs.existsSync(directory)) return;
    for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
      const full = path.join(directory, entry.name);
      if (entry.isDirectory() && entry.name === "new") {
        const benchmark = JSON.parse(fs.readFileSync(path.join(full, "benchmark.json"), "utf8"));
        const estimates = JSON.parse(fs.readFileSync(path.join(full, "estimates.json"), "utf8"));
        found.push({
          id: benchmark.full_id,
          group: benchmark.group_id,
          median_ns: estimates.median.point_estimate,
          low_ns: estimates.median.confidence_interval.lower_bound,
          high_ns: estimates.median.confidence_interval.upper_bound,
          bytes: benchmark.throughput?.Bytes ?? null,
          elements: benchmark.throughput?.Elements ?? null,
          modified: fs.statSync(path.join(full, "estimates.json")).mtimeMs,
        });
      } else if (entry.isDirectory() && entry.name !== "report" && entry.name !== "base") {
        walk(full);
      }
    }
  };
  walk(folder);
  return found.sort((a, b) => a.id.localeCompare(b.id, "en", { numeric: true }));
}

function time(ns) {
  if (ns < 1_000) return `${ns.toFixed(0)} ns`;
  if (ns < 1_000_000) return `${(ns / 1_000).toFixed(2)} µs`;
  if (ns < 1_000_000_000) return `${(ns / 1_000_000).toFixed(2)} ms`;
  return `${(ns / 1_000_000_000).toFixed(2)} s`;
}

const since = Number(args.since) * 1000;
const rows = results(args.criterion).filter((row) => row.modified >= since);
if (args.single && fs.existsSync(args.single)) {
  for (const line of fs.readFileSync(args.single, "utf8").split("\n").filter(Boolean)) {
    const single = JSON.parse(line);
    const existing = rows.findIndex((row) => row.id === single.id);
    if (existing >= 0) rows.splice(existing, 1);
    rows.push({
      id: single.id,
      median_ns: single.ns,
      low_ns: single.ns,
      high_ns: single.ns,
      bytes: single.bytes,
      elements: null,
      single: true,
    });
  }
  rows.sort((a, b) => a.id.localeCompare(b.id, "en", { numeric: true }));
}
if (rows.length === 0) {
  console.error(`no criterion results in ${args.criterion}: run cargo bench -p cinplan-core --bench core`);
  process.exit(1);
}
const lines = [];
lines.push("| benchmark | median (95% CI) | throughput | per KB |", "|---|---|---:|---:|");
for (const row of rows) {
  const throughput = row.bytes
    ? `${((row.bytes / (row.median_ns / 1e9)) / 2 ** 20).toFixed(1)} MiB/s`
    : row.elements
      ? `${time(row.median_ns / row.elements)} each`
      : "";
  const perKb = row.bytes ? time(row.median_ns / (row.bytes / 1024)) : "";
  const spread = row.single ? "one run: too slow to sample" : `${time(row.low_ns)}–${time(row.high_ns)}`;
  lines.push(`| ${row.id} | ${time(row.median_ns)} (${spread}) | ${throughput} | ${perKb} |`);
}

lines.push("", "Targets:", "| target | benchmark | median | met |", "|---|---|---:|:---:|");
let missed = 0;
for (const target of TARGETS) {
  const row = rows.find((candidate) => candidate.id === target.id);
  if (!row) {
    lines.push(`| ${target.what} | ${target.id} | not run | — |`);
    continue;
  }
  const met = row.median_ns < target.limit_ns;
  if (!met) missed += 1;
  lines.push(`| ${target.what} | ${target.id} | ${time(row.median_ns)} | ${met ? "yes" : "**no**"} |`);
}

lines.push("", "Linearity (time per KB at the largest size ÷ at the smallest; 1 means linear):");
const series = new Map();
for (const row of rows) {
  const match = row.id.match(/^(check_field_paste\/[a-z_]+|check_plan\/[a-z_]+)\/(\d+)$/);
  if (!match || !row.bytes) continue;
  if (!series.has(match[1])) series.set(match[1], []);
  series.get(match[1]).push(row);
}
for (const [name, points] of series) {
  points.sort((a, b) => a.bytes - b.bytes);
  const perByte = points.map((point) => point.median_ns / point.bytes);
  const ratio = perByte[perByte.length - 1] / perByte[0];
  const sizes = points.map((point) => `${(point.bytes / 1024).toFixed(0)} KB: ${time(point.median_ns / (point.bytes / 1024))}/KB`);
  lines.push(`- ${name}: ${sizes.join(", ")} → ratio ${ratio.toFixed(2)}${ratio > 2 ? " (**grows faster than linear**)" : ""}`);
}

const text = lines.join("\n");
console.log(text);
if (args.out) fs.writeFileSync(args.out, `${text}\n`);
if (missed > 0) console.error(`\n${missed} native target(s) missed`);
