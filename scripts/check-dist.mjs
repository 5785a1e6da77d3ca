// Checks a built editor (dist/): the page must work under
//   default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'
// so index.html may hold no inline script, no inline style and no event-handler
// attributes; and the release bundle (wasm + js + css, gzip -9) must stay under budget.
// Prints the sizes; exits non-zero on any failure.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

// The budgets are those the test suite enforces (tests/perf/budgets.json, stated in the
// README): the editor's first download, and the module with the family view, the child's
// version, the review and training that it fetches when one of them is first opened.
const budgets = JSON.parse(
  fs.readFileSync(new URL("../tests/perf/budgets.json", import.meta.url), "utf8"),
).bundles;
export const BUDGET_BYTES = budgets.editor.gzip_kib * 1024;
export const VIEWS_BUDGET_BYTES = budgets.views.gzip_kib * 1024;
/** Files of the on-demand module, in dist/ beside the editor's. */
export const ON_DEMAND = new RegExp(budgets.views.include);
/** Files in dist/ that are not the editor's first download (the views module, the worker). */
const NOT_FIRST = new RegExp(budgets.editor.exclude);

export function bundleSizes(dist, onDemand = false) {
  // Recursive: the editor's JavaScript snippets (dist/snippets/) are part of its download.
  const files = fs
    .readdirSync(dist, { recursive: true })
    .filter((name) => !/^(embed|extension)\//.test(name))
    .filter((name) => /\.(wasm|js|css)$/.test(name))
    .filter((name) => {
      const base = path.basename(name);
      return onDemand ? ON_DEMAND.test(base) : !NOT_FIRST.test(base);
    })
    .map((name) => {
      const bytes = fs.readFileSync(path.join(dist, name));
      return { name, raw: bytes.length, gzip: zlib.gzipSync(bytes, { level: 9 }).length };
    });
  const total = files.reduce((sum, file) => sum + file.gzip, 0);
  return { files, total };
}

export function inlineProblems(html) {
  const problems = [];
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (!/\bsrc\s*=/.test(match[1]) || match[2].trim() !== "") {
      problems.push(`inline script: ${match[0].slice(0, 80)}`);
    }
  }
  if (/<style\b/i.test(html)) problems.push("inline <style> element");
  if (/\sstyle\s*=/i.test(html)) problems.push("inline style attribute");
  if (/\son[a-z]+\s*=/i.test(html)) problems.push("inline event handler attribute");
  return problems;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dist = process.argv[2] ?? "dist";
  const html = fs.readFileSync(path.join(dist, "index.html"), "utf8");
  const problems = inlineProblems(html);
  const report = (label, onDemand, budget) => {
    const { files, total } = bundleSizes(dist, onDemand);
    for (const file of files) {
      console.log(`${file.name.padEnd(44)} ${String(file.raw).padStart(9)} B raw ${String(file.gzip).padStart(8)} B gzip`);
    }
    console.log(`${label} (wasm + js + css, gzip -9): ${(total / 1024).toFixed(1)} KiB of ${budget / 1024} KiB`);
    if (files.length === 0) problems.push(`no files for ${label}`);
    if (total > budget) problems.push(`${label} of ${total} B is over the budget of ${budget} B`);
  };
  report("editor, first download", false, BUDGET_BYTES);
  report("on-demand views module", true, VIEWS_BUDGET_BYTES);
  if (problems.length) {
    for (const problem of problems) console.error(`dist check: ${problem}`);
    process.exit(1);
  }
}
