// The embed's mirror of a textarea (crates/cinplan-wasm/js/overlay.js) cuts the text into
// runs at every end of a flagged range, each with the findings covering it. It used to ask
// every finding about every run, which took a host page seconds after a long paste; now
// each finding adds itself to the runs it spans. Plain Node, no browser: the function is
// compared with the old way on random findings, and timed on a long paste's worth. The
// runs are then put in blocks, one per line of the text (blocksOf), so that a check
// redraws only the lines it changed.
import { test } from "node:test";
import assert from "node:assert/strict";
import { blocksOf, cutsOf, runsOf } from "../../crates/cinplan-wasm/js/overlay.js";

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

test("the mirror's blocks hold the text in order and end only at newlines outside a mark", () => {
  for (let seed = 1; seed <= 500; seed++) {
    const next = random(seed);
    const text = Array.from({ length: Math.floor(next() * 60) }, () => "ab \n😀"[Math.floor(next() * 5)]).join("");
    const findings = Array.from({ length: Math.floor(next() * 8) }, () => {
      const start = Math.floor(next() * text.length);
      return { start, end: start + 1 + Math.floor(next() * 10), severity: "warning" };
    });
    const runs = runsOf(text.length, findings);
    for (const keepsLines of [true, false]) {
      const blocks = blocksOf(text, runs, keepsLines);
      const drawn = blocks.map((block) => block.map((piece) => piece.text).join(""));
      const last = drawn.at(-1);
      // The text, with a zero-width space standing for an empty last line.
      assert.equal(drawn.join("").replace(/\u200b$/, ""), text, `seed ${seed}`);
      assert.equal(last.endsWith("\u200b"), text === "" || text.endsWith("\n"), `seed ${seed}`);
      if (!keepsLines) {
        assert.equal(blocks.length, 1, `seed ${seed}: newlines that do not break lines make one block`);
        continue;
      }
      blocks.forEach((block, index) => {
        block.forEach((piece, place) => {
          if (piece.className) {
            assert.ok(piece.covering.length > 0);
            return;
          }
          const endsBlock = index + 1 < blocks.length && place + 1 === block.length;
          assert.equal((piece.text.match(/\n/g) ?? []).length, endsBlock ? 1 : 0, `seed ${seed}`);
          if (endsBlock) assert.ok(piece.text.endsWith("\n"));
        });
      });
    }
  }
});
