// The check of a plan that holds a long field, off the page's main thread.
//
// The editor's own WebAssembly has the regex crate's slowest engine alone (for the size of
// its first download), so checking a 1 MB paste there keeps the page busy for seconds.
// This worker runs the embed's build of the same core (dist/embed, with the lazy DFA),
// which checks it in about a tenth of a second, and the page answers the keyboard
// meanwhile. The editor starts it after its first screen, as the last part of loading the
// page (src/on_demand.js), so that a long paste is checked without a request, even with
// the connection gone; it sits idle until then.
//
// A message is { id, plan, profile, today }: the plan's JSON text, the profile's JSON text
// and today's date (YYYY-MM-DD). The answer is { id, report } with the report as `encode`
// writes it, or { id, problem } saying what went wrong, with `fatal` when this worker
// cannot check at all (the editor then checks on the page, as it does without a worker).

import init, { checkPlan } from "./embed/cinplan_wasm.js";

const ready = init({ module_or_path: new URL("./embed/cinplan_wasm_bg.wasm", import.meta.url) });

self.onmessage = async ({ data: { id, plan, profile, today } }) => {
  try {
    await ready;
  } catch (problem) {
    self.postMessage({ id, problem: `the checker could not start: ${problem}`, fatal: true });
    return;
  }
  try {
    const report = checkPlan(plan, { profile: JSON.parse(profile), today });
    self.postMessage({ id, report: encode(report) });
  } catch (problem) {
    self.postMessage({ id, problem: String(problem) });
  }
};

/**
 * The report in the form the editor reads (`read_report` in src/long_check.rs, which says
 * why not JSON): each value its length (JavaScript's), a colon and its text; the ignored
 * findings, then the others, each list its length and then its findings.
 */
export function encode(report) {
  const parts = [];
  const put = (value) => {
    const text = value === undefined || value === null ? "" : String(value);
    parts.push(text.length, ":", text);
  };
  const list = (items, each) => {
    put(items.length);
    items.forEach(each);
  };
  const finding = (found) => {
    for (const value of [found.rule, found.severity, found.smart.join(""), found.pointer, found.start, found.end, found.message]) put(value);
    list(found.suggestions, (suggestion) => {
      for (const value of [suggestion.label, suggestion.replacement, suggestion.applicability, suggestion.target]) put(value);
      list(suggestion.placeholders ?? [], (placeholder) => {
        put(placeholder.start);
        put(placeholder.end);
      });
    });
  };
  list(report.ignored, finding);
  list(report.findings, finding);
  return parts.join("");
}
