// The embed's mirror of a textarea (crates/cinplan-wasm/js/overlay.js) cuts the text into
// runs at every end of a flagged range, each with the findings covering it. It used to ask
// every finding about every run, which took a host page seconds after a long paste; now
// each finding adds itself to the runs it spans. Plain Node, no browser: the function is
// compared with the old way on random findings, and timed on a long paste's worth.
import { test } from "node:test";
import assert from "node:assert/strict";
import { cutsOf, runsOf } from "../../crates/cinplan-wasm/js/overlay.js";

/** The old way, kept as the reference (the cuts are the same; asking differs). */
function runsAskingEveryFinding(length, findings) {
  const { marked, points } = cutsOf(length, findings);
  const runs = [];
  for (let index = 0; index + 1 < points.length; index++) {
    const [start, end] = [points[index], points[index + 1]];
    runs.push({ start, end, covering: marked.filter((finding) => finding.start <= start && finding.end >= end) });
  }
  return runs;
}

/** A small deterministic random source (mulberry32), so a failure can be replayed. */
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let value = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

test("the mirror's runs are those found by asking every finding about every run", () => {
  for (let seed = 1; seed <= 500; seed++) {
    const next = random(seed);
    const length = Math.floor(next() * 60);
    const findings = Array.from({ length: Math.floor(next() * 12) }, (_, index) => {
      const start = Math.floor(next() * (length + 5));
      // Some without a range, some empty, some past the end of the text.
      const end = next() < 0.1 ? undefined : start + Math.floor(next() * 15) - 2;
      return { start: next() < 0.05 ? undefined : start, end, severity: ["info", "warning", "error"][index % 3], index };
    });
    assert.deepEqual(runsOf(length, findings), runsAskingEveryFinding(length, findings), `seed ${seed}`);
  }
});

test("a long paste's 9,000 findings each mark their own run (the time is printed, not asserted)", () => {
  // 9,000 findings over a megabyte, as `prose-1m.txt` gives: the old way asked 162 million
  // questions. Time is reported, not asserted (docs/performance.md); the count is checked.
  const findings = Array.from({ length: 9000 }, (_, index) => ({ start: index * 110, end: index * 110 + 8, severity: "warning" }));
  const started = performance.now();
  const runs = runsOf(1_000_000, findings);
  console.log(`runsOf: ${runs.length} runs in ${(performance.now() - started).toFixed(1)} ms`);
  assert.equal(runs.length, 18000);
  assert.equal(runs.filter((run) => run.covering.length > 0).length, 9000);
});
