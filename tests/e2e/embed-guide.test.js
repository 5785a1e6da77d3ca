// The integration guide's promise: cinplan was added to the demo case system's form in
// under ten lines, all of them additions, and the guide shows those very lines.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { ROOT } from "./lib/harness.js";

const read = (file) => fs.readFileSync(path.join(ROOT, file), "utf8");

/** The lines `after` adds to `before` and the lines it removes (longest common subsequence). */
function lineDiff(before, after) {
  const a = before.split("\n");
  const b = after.split("\n");
  const common = Array.from({ length: a.length + 1 }, () => new Array(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      common[i][j] = a[i] === b[j] ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
    }
  }
  const added = [];
  const removed = [];
  let [i, j] = [0, 0];
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      i++;
      j++;
    } else if (j < b.length && (i === a.length || common[i][j + 1] >= common[i + 1][j])) {
      added.push(b[j++]);
    } else {
      removed.push(a[i++]);
    }
  }
  return { added, removed };
}

test("the demo form got cinplan in under ten added lines and no other change", () => {
  const { added, removed } = lineDiff(read("tests/embed-demo/form.html"), read("tests/embed-demo/index.html"));
  assert.deepEqual(removed, []);
  assert.ok(added.length > 0 && added.length < 10, `${added.length} lines added`);
});

test("the guide shows exactly the lines the demo form added", () => {
  const { added } = lineDiff(read("tests/embed-demo/form.html"), read("tests/embed-demo/index.html"));
  assert.ok(read("docs/embedding.md").includes(`\`\`\`html\n${added.join("\n")}\n\`\`\``), "docs/embedding.md's snippet differs from index.html");
});

test("the guide's save guard is the demo's", () => {
  const guard = read("tests/embed-demo/save-guard.js");
  const code = guard.slice(guard.indexOf("import"));
  assert.ok(read("docs/embedding.md").includes(code.trimEnd()), "docs/embedding.md's save-guard.js differs from the demo's");
});
