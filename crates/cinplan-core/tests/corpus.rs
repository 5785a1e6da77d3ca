//! The labelled corpus: field texts in the style of real plans, each marked bad (the
//! guidance objects to it) or good (realistic good practice), run through every rule with
//! the default profile and the Tommy plan as context.
//!
//! Every `*.jsonl` file in `tests/corpus/` is read; each line is
//! `{"field": "by_when", "text": "…", "bad": true, "rules": ["vague-term"]}` (`rules`
//! optional: the rules that should fire). Run with `-- --nocapture` to see the figures.

mod support;

use std::path::{Path, PathBuf};

use cinplan_core::finding::Finding;
use cinplan_core::rules::{registry, FieldName};
use serde::Deserialize;
use support::{apply, check, is_serious, problems_in_rewrite, tommy_plan};

/// At least this share of bad texts must be caught (an error or a warning).
const MIN_CAUGHT: f64 = 0.95;
/// At most this share of good texts may be flagged (an error or a warning).
const MAX_WRONGLY_FLAGGED: f64 = 0.05;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Line {
    field: String,
    text: String,
    bad: bool,
    #[serde(default)]
    rules: Vec<String>,
}

#[derive(Debug)]
struct Example {
    place: String,
    field: FieldName,
    text: String,
    bad: bool,
    rules: Vec<String>,
}

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus")
}

fn load_corpus() -> Vec<Example> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(corpus_dir())
        .unwrap_or_else(|error| panic!("cannot read {}: {error}", corpus_dir().display()))
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "jsonl"))
        .collect();
    files.sort();
    let mut examples = Vec::new();
    for file in files {
        let name = file
            .file_name()
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_default();
        let content = std::fs::read_to_string(&file)
            .unwrap_or_else(|error| panic!("cannot read {name}: {error}"));
        for (number, line) in content.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let place = format!("{name}:{}", number + 1);
            let parsed: Line = serde_json::from_str(line)
                .unwrap_or_else(|error| panic!("{place}: not a corpus line: {error}"));
            let field = FieldName::from_id(&parsed.field)
                .unwrap_or_else(|| panic!("{place}: unknown field {:?}", parsed.field));
            examples.push(Example {
                place,
                field,
                text: parsed.text,
                bad: parsed.bad,
                rules: parsed.rules,
            });
        }
    }
    examples
}

fn describe(findings: &[&Finding]) -> String {
    findings
        .iter()
        .map(|finding| format!("{} ({})", finding.rule, finding.message))
        .collect::<Vec<_>>()
        .join("; ")
}

#[test]
fn the_corpus_catches_bad_texts_and_leaves_good_ones_alone() {
    let plan = tommy_plan();
    let examples = load_corpus();
    assert!(
        examples.len() >= 200,
        "the corpus has only {} texts",
        examples.len()
    );

    let mut bad = 0;
    let mut caught = 0;
    let mut good = 0;
    let mut flagged = 0;
    let mut misses = Vec::new();
    let mut false_alarms = Vec::new();
    let mut wrong_rule = Vec::new();
    let mut good_with_info = Vec::new();
    for example in &examples {
        let findings = check(&example.text, example.field, &plan);
        if !example.bad && !findings.is_empty() && findings.iter().all(|f| !is_serious(f)) {
            good_with_info.push(format!(
                "  {} [{}] {}",
                example.place,
                example.field.id(),
                describe(&findings.iter().collect::<Vec<_>>())
            ));
        }
        let serious: Vec<&Finding> = findings.iter().filter(|f| is_serious(f)).collect();
        if example.bad {
            bad += 1;
            if serious.is_empty() {
                misses.push(format!(
                    "  {} [{}] {:?}",
                    example.place,
                    example.field.id(),
                    example.text
                ));
            } else {
                caught += 1;
            }
        } else {
            good += 1;
            if !serious.is_empty() {
                flagged += 1;
                false_alarms.push(format!(
                    "  {} [{}] {:?}: {}",
                    example.place,
                    example.field.id(),
                    example.text,
                    describe(&serious)
                ));
            }
        }
        // A rule the line names, where this build has it, must be among those that fire.
        for rule in &example.rules {
            let known = registry::find(rule).is_some();
            if known && !findings.iter().any(|finding| &finding.rule == rule) {
                wrong_rule.push(format!(
                    "  {} {rule} did not fire on {:?}",
                    example.place, example.text
                ));
            }
        }
    }

    let caught_share = caught as f64 / bad.max(1) as f64;
    let flagged_share = flagged as f64 / good.max(1) as f64;
    println!("corpus: {} texts ({bad} bad, {good} good)", examples.len());
    println!(
        "bad texts caught (an error or a warning): {caught}/{bad} = {:.1}%",
        caught_share * 100.0
    );
    println!(
        "good texts wrongly flagged (an error or a warning): {flagged}/{good} = {:.1}%",
        flagged_share * 100.0
    );
    println!(
        "missed bad texts:\n{}",
        if misses.is_empty() {
            "  none".to_owned()
        } else {
            misses.join("\n")
        }
    );
    println!(
        "good texts flagged:\n{}",
        if false_alarms.is_empty() {
            "  none".to_owned()
        } else {
            false_alarms.join("\n")
        }
    );

    println!(
        "good texts with only info findings (not counted as flagged): {}\n{}",
        good_with_info.len(),
        good_with_info.join("\n")
    );

    assert!(
        wrong_rule.is_empty(),
        "labelled rules that did not fire:\n{}",
        wrong_rule.join("\n")
    );
    assert!(
        caught_share >= MIN_CAUGHT,
        "only {:.1}% of bad texts caught; missed:\n{}",
        caught_share * 100.0,
        misses.join("\n")
    );
    assert!(
        flagged_share <= MAX_WRONGLY_FLAGGED,
        "{:.1}% of good texts flagged:\n{}",
        flagged_share * 100.0,
        false_alarms.join("\n")
    );
}

#[test]
fn every_suggestion_on_the_corpus_fixes_its_finding_and_is_clean_itself() {
    let plan = tommy_plan();
    let mut applied = 0;
    let mut failures = Vec::new();
    for example in load_corpus() {
        let findings = check(&example.text, example.field, &plan);
        for finding in &findings {
            let before = findings.iter().filter(|f| f.rule == finding.rule).count();
            for index in 0..finding.suggestions.len() {
                let Some((result, inserted)) = apply(&example.text, finding, index) else {
                    continue;
                };
                applied += 1;
                let after = check(&result, example.field, &plan);
                let still = after.iter().filter(|f| f.rule == finding.rule).count();
                if still >= before {
                    failures.push(format!(
                        "  {} {}: {:?} -> {result:?} still triggers it",
                        example.place, finding.rule, example.text
                    ));
                }
                let problems =
                    problems_in_rewrite(&example.text, &result, &inserted, example.field, &plan);
                if !problems.is_empty() {
                    failures.push(format!(
                        "  {} {}: the rewrite {result:?} is flagged: {}",
                        example.place,
                        finding.rule,
                        describe(&problems.iter().collect::<Vec<_>>())
                    ));
                }
            }
        }
    }
    println!("suggestions applied to the corpus: {applied}");
    assert!(applied >= 50, "only {applied} suggestions could be applied");
    assert!(
        failures.is_empty(),
        "suggestions that do not help:\n{}",
        failures.join("\n")
    );
}
