// Small measuring helpers shared by the peer comparison and the browser bench.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { execFileSync } from "node:child_process";

/** The q-quantile (0..1) of a list of numbers, by the nearest-rank method. */
export function quantile(values, q) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank];
}

export const median = (values) => quantile(values, 0.5);
export const p95 = (values) => quantile(values, 0.95);

/** gzip -9 size of one file, in bytes (what a server sends for it, at best). */
export function gzipSize(file) {
  return zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
}

/** Total gzip -9 size of files, each compressed on its own as a server sends them. */
export function gzipTotal(files) {
  return files.reduce((sum, file) => sum + gzipSize(file), 0);
}

/** The machine the figures were taken on, and how busy it was. */
export function machine() {
  let cpu = os.cpus()[0]?.model ?? "unknown";
  try {
    const lscpu = execFileSync("lscpu", { encoding: "utf8" });
    cpu = lscpu.match(/^Model name:\s*(.+)$/m)?.[1] ?? cpu;
  } catch {
    // lscpu is missing on some systems; os.cpus() is enough then.
  }
  return {
    cpu,
    cores: os.cpus().length,
    memory_gib: Math.round(os.totalmem() / 2 ** 30),
    load_average: os.loadavg().map((load) => Number(load.toFixed(2))),
    node: process.version,
    date: new Date().toISOString(),
  };
}

/** Kibibytes with one decimal. */
export const kib = (bytes) => (bytes / 1024).toFixed(1);

/** Lists files under `folder` (not recursing into subfolders) whose names pass `keep`. */
export function filesIn(folder, keep = () => true) {
  if (!fs.existsSync(folder)) return [];
  return fs
    .readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isFile() && keep(entry.name))
    .map((entry) => path.join(folder, entry.name))
    .sort();
}

/**
 * Runs `run` repeatedly: once, then again while the total is under `budgetMs` and fewer
 * than `maxRuns` have run. Returns the times in milliseconds; the first run is kept apart
 * as `first` (it pays for warm-up) and excluded from `times` when there is more than one.
 */
export async function repeat(run, { budgetMs = 1500, maxRuns = 30 } = {}) {
  const times = [];
  let total = 0;
  let last;
  while (times.length === 0 || (total < budgetMs && times.length < maxRuns)) {
    const start = performance.now();
    last = await run();
    const elapsed = performance.now() - start;
    times.push(elapsed);
    total += elapsed;
  }
  const [first, ...rest] = times;
  return { first, times: rest.length > 0 ? rest : [first], last };
}
