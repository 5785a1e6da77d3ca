//! The structural rules over their labelled texts (tests/corpus/structure.jsonl), with the
//! Tommy plan as context: every labelled rule fires on its bad text, and the structural
//! rules leave the good texts alone. (tests/corpus.rs runs every rule over every file.)

use std::collections::BTreeSet;

use chrono::NaiveDate;
use cinplan_core::check::{check_field, CheckOptions};
use cinplan_core::finding::{Finding, Severity};
use cinplan_core::profile::Profile;
use cinplan_core::rules::{registry, FieldName};
use cinplan_core::Plan;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Line {
    field: String,
    text: String,
    bad: bool,
    #[serde(default)]
    rules: Vec<String>,
}

/// The rules of this part of the catalogue: those reading the plan table's structure.
const STRUCTURAL: &[&str] = &[
    "after-first-review",
    "date-in-past",
    "hidden-actor",
    "missing-timescale",
    "negative-framing",
    "non-working-day",
    "outcome-not-child-focused",
    "outcome-not-measurable",
    "unnamed-owner",
    "unparsed-date",
    "unrealistic-action",
    "vague-need",
    "vague-timescale",
];

fn check(text: &str, field: FieldName, plan: &Plan) -> Vec<Finding> {
    let profile = Profile::default_profile();
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default();
    check_field(
        text,
        field,
        Some(plan),
        CheckOptions {
            today,
            profile: &profile,
        },
    )
}

#[test]
fn structural_rules_catch_their_bad_texts_and_leave_good_ones_alone() {
    let plan = Plan::from_json(include_str!("fixtures/tommy-good.json"))
        .unwrap_or_else(|error| panic!("tommy-good.json: {error}"));
    let corpus = include_str!("corpus/structure.jsonl");
    let known: BTreeSet<&str> = registry::all().iter().map(|rule| rule.meta().id).collect();
    let (mut bad, mut caught, mut good, mut flagged) = (0, 0, 0, 0);
    let mut problems = Vec::new();
    for (number, line) in corpus
        .lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
    {
        let place = format!("structure.jsonl:{}", number + 1);
        let line: Line =
            serde_json::from_str(line).unwrap_or_else(|error| panic!("{place}: {error}"));
        let field = FieldName::from_id(&line.field)
            .unwrap_or_else(|| panic!("{place}: field {}", line.field));
        let findings = check(&line.text, field, &plan);
        let fired: BTreeSet<&str> = findings
            .iter()
            .map(|finding| finding.rule.as_str())
            .collect();
        for rule in &line.rules {
            assert!(
                known.contains(rule.as_str()) || !STRUCTURAL.contains(&rule.as_str()),
                "{place}: unknown rule {rule}"
            );
            if known.contains(rule.as_str()) && !fired.contains(rule.as_str()) {
                problems.push(format!(
                    "{place}: {rule} did not fire on {:?} (fired: {fired:?})",
                    line.text
                ));
            }
        }
        let serious = findings
            .iter()
            .any(|finding| finding.severity >= Severity::Warning);
        if line.bad {
            bad += 1;
            caught += usize::from(serious);
            if !serious {
                problems.push(format!("{place}: nothing caught {:?}", line.text));
            }
        } else {
            good += 1;
            let structural: Vec<&Finding> = findings
                .iter()
                .filter(|finding| {
                    finding.severity >= Severity::Warning
                        && STRUCTURAL.contains(&finding.rule.as_str())
                })
                .collect();
            if !structural.is_empty() {
                flagged += 1;
                problems.push(format!(
                    "{place}: {:?} wrongly flagged: {}",
                    line.text,
                    structural
                        .iter()
                        .map(|finding| format!("{} ({})", finding.rule, finding.message))
                        .collect::<Vec<_>>()
                        .join("; ")
                ));
            }
        }
    }
    println!("structure corpus: {bad} bad, {good} good; caught {caught}/{bad}; wrongly flagged {flagged}/{good}");
    assert!(bad >= 50 && good >= 50, "{bad} bad and {good} good texts");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
