// The plain-data JavaScript API, in the browser, from the built embed: every function
// takes and returns plain data (nothing to free), ranges are JavaScript string indices,
// and mistakes are thrown as Errors that say what is wrong and where.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { openDemo, withCinplan, EMBED } from "./lib/embed.js";
import { ROOT } from "./lib/harness.js";

let demo;
before(async () => {
  demo = await openDemo("form.html");
});
after(() => demo?.close());

const run = (body, arg) => withCinplan(demo.page, body, arg);

test("checkField returns plain findings whose ranges are JavaScript string indices", async () => {
  const text = "Tommy’s café visits 😀 are ongoing and we will monitor them ASAP";
  const result = await run((cinplan, text) => {
    const findings = cinplan.checkField(text, { field: "by_when" });
    return {
      plain: findings.every((finding) => Object.getPrototypeOf(finding) === Object.prototype),
      roundTrips: JSON.stringify(JSON.parse(JSON.stringify(findings))) === JSON.stringify(findings),
      flagged: findings.map((finding) => text.slice(finding.start, finding.end)),
    };
  }, text);
  assert.equal(result.plain, true);
  assert.equal(result.roundTrips, true);
  for (const word of ["ongoing", "monitor", "ASAP"]) assert.ok(result.flagged.includes(word), result.flagged.join());
});

test("checkField uses the host's context: the plan's dates go into the rewrites", async () => {
  const suggestions = await run((cinplan) =>
    cinplan
      .checkField("Ongoing", { field: "by_when", today: "2026-11-23", context: { childName: "Tommy", dates: { firstReview: "16/02/2027" } } })
      .flatMap((finding) => finding.suggestions.map((suggestion) => suggestion.replacement)),
  );
  assert.ok(suggestions.some((text) => text.includes("16 February 2027")), suggestions.join(" | "));
});

test("checkField uses the host's context: the child named in the form is the child of the outcome", async () => {
  const messages = await run((cinplan) =>
    cinplan.checkField("Mum will attend all the sessions.", { field: "outcome", context: { childName: "Amira" } }).map((finding) => finding.message),
  );
  assert.ok(messages.some((message) => message.includes("Amira")), messages.join(" | "));
});

test("checkPlan takes a plan object or its JSON text and gives the findings and the SMART summary", async () => {
  const plan = JSON.parse(fs.readFileSync(path.join(ROOT, "crates/cinplan-core/tests/fixtures/tommy-unhelpful.json"), "utf8"));
  const result = await run((cinplan, plan) => {
    const fromObject = cinplan.checkPlan(plan, { today: "2026-11-23" });
    const fromText = cinplan.checkPlan(JSON.stringify(plan), { today: "2026-11-23" });
    return { fromObject, same: JSON.stringify(fromObject) === JSON.stringify(fromText) };
  }, plan);
  assert.equal(result.same, true);
  const { findings, summary } = result.fromObject;
  assert.ok(findings.length > 0);
  assert.equal(summary.counts.error, findings.filter((finding) => finding.severity === "error").length);
  assert.equal(summary.counts.warning, findings.filter((finding) => finding.severity === "warning").length);
  // The SMART summary: the unhelpful plan's one row misses letters, and scores low.
  assert.deepEqual(summary.rows[0].letters.map((status) => status.letter), ["S", "M", "A", "R", "T"]);
  assert.ok(summary.rows[0].letters.some((status) => !status.met));
  assert.ok(summary.score < 50, `score ${summary.score}`);
  // "Ongoing" in the first row's "By when".
  assert.ok(findings.some((finding) => finding.pointer === "/needs/0/actions/0/by_when" && finding.start === 0 && finding.end === 7 && finding.severity === "error"));
});

test("a PlanSession's changes, applied to the report a host holds, give what checkPlan gives after every edit", async () => {
  const plan = JSON.parse(fs.readFileSync(path.join(ROOT, "crates/cinplan-core/tests/fixtures/tommy-unhelpful.json"), "utf8"));
  const result = await run((cinplan, plan) => {
    const apply = (report, change) => {
      const { rows, ...rest } = change.summary;
      report.findings.splice(change.findings.at, change.findings.remove, ...change.findings.insert);
      report.ignored.splice(change.ignored.at, change.ignored.remove, ...change.ignored.insert);
      report.summary.rows.splice(rows.at, rows.remove, ...rows.insert);
      Object.assign(report.summary, rest);
    };
    const today = "2026-11-23";
    const session = new cinplan.PlanSession(plan, { today });
    const held = session.report();
    const steps = [];
    const edits = [
      ["/needs/0/actions/0/action", "Support will be offered ASAP"],
      ["/needs/0/actions/0/action", "Support will be offered ASAPx"],
      ["/needs/0/actions/0/by_whom", ""],
      ["/contingency", "We will monitor it as appropriate."],
      ["/child/name", "Amira"],
      ["/needs/0/actions/0/by_when", "by 1 December 2026"],
    ];
    for (const [pointer, text] of edits) {
      const change = session.setText(pointer, text);
      apply(held, change);
      const [, ...keys] = pointer.split("/");
      let slot = plan;
      for (const key of keys.slice(0, -1)) slot = slot[key];
      slot[keys.at(-1)] = text;
      const expected = cinplan.checkPlan(plan, { today });
      steps.push({ pointer, same: JSON.stringify(held) === JSON.stringify(expected), changeSize: JSON.stringify(change).length, reportSize: JSON.stringify(expected).length });
    }
    // A row added: the whole plan replaced, and the changes still apply.
    plan.needs[0].actions.push({ ...plan.needs[0].actions[0], by_when: "ongoing" });
    apply(held, session.setPlan(plan));
    steps.push({ pointer: "setPlan", same: JSON.stringify(held) === JSON.stringify(cinplan.checkPlan(plan, { today })) });
    let refused = null;
    try {
      session.setText("/needs/9/need", "x");
    } catch (error) {
      refused = `${error instanceof Error}: ${error.message}`;
    }
    session.free();
    return { steps, refused };
  }, plan);
  for (const step of result.steps) assert.equal(step.same, true, step.pointer);
  // A keystroke's change is what changed, not the whole report again (in this one-row plan
  // the edited row is a large part of it; in the 40-row bench plan it is 0.2%).
  const keystroke = result.steps[1];
  assert.ok(keystroke.changeSize * 2 < keystroke.reportSize, `${keystroke.changeSize} of ${keystroke.reportSize}`);
  assert.match(result.refused, /^true: setText: .*\/needs\/9\/need/);
});

test("a broken plan is refused with the place of the problem", async () => {
  const message = await run((cinplan) => {
    try {
      cinplan.checkPlan({ format: "cinplan/1", needs: 3 });
      return "accepted";
    } catch (error) {
      return `${error instanceof Error}: ${error.message}`;
    }
  });
  assert.match(message, /^true: plan: .*\/needs/);
});

test("timeline returns dated events as plain data", async () => {
  const plan = JSON.parse(fs.readFileSync(path.join(ROOT, "crates/cinplan-core/tests/fixtures/tommy-good.json"), "utf8"));
  const timeline = await run((cinplan, plan) => cinplan.timeline(plan, { today: "2026-11-23" }), plan);
  assert.ok(timeline.events.length > 0);
  // The plan copy was due 5 working days after the meeting of 16 November 2026, and sent.
  assert.ok(timeline.events.some((event) => event.kind === "plan-copy-due" && event.date === "2026-11-23" && event.state === "done"));
  for (const event of timeline.events) {
    assert.match(event.date, /^\d{4}-\d{2}-\d{2}$/);
    assert.ok(["done", "due", "due-soon", "overdue"].includes(event.state));
  }
});

test("rules and explain give each rule's documentation; an unknown rule is an error", async () => {
  const result = await run((cinplan) => {
    const rules = cinplan.rules();
    let unknown;
    try {
      cinplan.explain("no-such-rule");
    } catch (error) {
      unknown = error.message;
    }
    return { rules, explained: rules.map((rule) => cinplan.explain(rule.id)), unknown };
  });
  assert.ok(result.rules.length > 0);
  assert.deepEqual(result.explained, result.rules);
  for (const rule of result.rules) {
    assert.ok(rule.summary && rule.why && rule.source, `${rule.id} has its docs`);
  }
  assert.match(result.unknown, /no-such-rule/);
});

test("applySuggestion applies by index or by the suggestion itself, and refuses advice", async () => {
  const result = await run((cinplan) => {
    const text = "Café 😀 visits ASAP";
    const finding = cinplan.checkField(text, { field: "by_when" }).find((found) => text.slice(found.start, found.end) === "ASAP");
    const index = finding.suggestions.findIndex((suggestion) => suggestion.applicability !== "display-only");
    const byIndex = cinplan.applySuggestion(text, finding, index);
    const byValue = cinplan.applySuggestion(text, finding, finding.suggestions[index]);
    let refused = null;
    try {
      cinplan.applySuggestion(text, finding, { label: "Ask", replacement: "Agree a date", applicability: "display-only" });
    } catch (error) {
      refused = error.message;
    }
    return { text, finding, index, byIndex, byValue, refused };
  });
  const replacement = result.finding.suggestions[result.index].replacement;
  assert.equal(result.byIndex.text, result.text.replace("ASAP", replacement));
  assert.deepEqual(result.byValue, result.byIndex);
  assert.equal(result.byIndex.text.slice(result.byIndex.start, result.byIndex.end), replacement);
  for (const range of result.byIndex.placeholders) assert.match(result.byIndex.text.slice(range.start, range.end), /^\[.*\]$/);
  assert.match(result.refused, /advice/);
});

test("addWorkingDays counts working days in the region; mistakes are explained", async () => {
  const result = await run((cinplan) => {
    const attempt = (call) => {
      try {
        return call();
      } catch (error) {
        return `Error: ${error.message}`;
      }
    };
    return {
      friday: cinplan.addWorkingDays("2026-11-27", 1),
      back: cinplan.addWorkingDays("2026-11-30", -1, "scotland"),
      badDate: attempt(() => cinplan.addWorkingDays("27/11/2026", 1)),
      badRegion: attempt(() => cinplan.addWorkingDays("2026-11-27", 1, "wales")),
      fraction: attempt(() => cinplan.addWorkingDays("2026-11-27", 1.5)),
    };
  });
  assert.equal(result.friday, "2026-11-30");
  assert.equal(result.back, "2026-11-27");
  assert.match(result.badDate, /^Error: .*YYYY-MM-DD/);
  assert.match(result.badRegion, /^Error: .*england-and-wales/);
  assert.match(result.fraction, /^Error: .*whole number/);
});

test("TypeScript declarations ship with the embed and name the data types", () => {
  const wasm = fs.readFileSync(path.join(EMBED, "cinplan_wasm.d.ts"), "utf8");
  assert.match(wasm, /export function checkField\(text: string, options: FieldOptions\): Finding\[\];/);
  assert.match(wasm, /export function checkPlan\(plan: PlanInput, options\?: PlanOptions\): CheckReport;/);
  assert.match(wasm, /setText\(pointer: string, text: string\): PlanChange;/);
  const types = fs.readFileSync(path.join(EMBED, "cinplan-types.d.ts"), "utf8");
  assert.match(types, /export interface Finding \{/);
  assert.match(fs.readFileSync(path.join(EMBED, "cinplan-embed.d.ts"), "utf8"), /export function attach\(element: Element/);
});
