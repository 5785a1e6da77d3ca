//! `cinplan check`, `cinplan rules` and `cinplan explain`, run as the real binary.

use std::path::PathBuf;
use std::process::{Command, Output};

use serde_json::Value;

const UNHELPFUL: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../cinplan-core/tests/fixtures/tommy-unhelpful.json"
);
const GOOD: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../cinplan-core/tests/fixtures/tommy-good.json"
);
const TODAY: &str = "2026-11-23";

fn cinplan(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cinplan"))
        .args(args)
        .output()
        .unwrap_or_else(|error| panic!("the cinplan binary runs: {error}"))
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn json(output: &Output) -> Value {
    serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|error| panic!("not JSON ({error}): {}", stdout(output)))
}

/// A file in the temporary directory, unique to this test run.
fn temp_file(name: &str, contents: &str) -> PathBuf {
    let path = std::env::temp_dir().join(format!("cinplan-check-{}-{name}", std::process::id()));
    std::fs::write(&path, contents).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    path
}

fn findings(report: &Value) -> &Vec<Value> {
    report["findings"]
        .as_array()
        .unwrap_or_else(|| panic!("no findings array: {report}"))
}

fn rules_at(report: &Value, pointer: &str) -> Vec<String> {
    findings(report)
        .iter()
        .filter(|finding| finding["pointer"] == pointer)
        .filter_map(|finding| finding["rule"].as_str().map(str::to_owned))
        .collect()
}

/// Fails with exit code 2 and a message on stderr, printing nothing on stdout.
fn refuses(args: &[&str]) -> String {
    let output = cinplan(args);
    assert_eq!(
        output.status.code(),
        Some(2),
        "{args:?}: {}",
        stdout(&output)
    );
    assert!(stdout(&output).is_empty(), "{args:?}: {}", stdout(&output));
    let message = stderr(&output);
    assert!(!message.contains("panicked"), "{args:?}: {message}");
    message
}

#[test]
fn the_unhelpful_plan_fails_with_findings_in_every_cell_and_section() {
    let output = cinplan(&["check", UNHELPFUL, "--today", TODAY, "--format", "json"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let report = json(&output);
    for pointer in [
        "/needs/0/need",
        "/needs/0/actions/0/by_whom",
        "/needs/0/actions/0/by_when",
        "/needs/0/actions/0/outcome",
        "/contingency",
        "/visiting",
        "/views/child",
        "/views/parents",
    ] {
        assert!(
            !rules_at(&report, pointer).is_empty(),
            "nothing at {pointer}: {report:#}"
        );
    }
    assert!(rules_at(&report, "/contingency").contains(&"no-contingency".to_owned()));
    assert!(rules_at(&report, "/visiting").contains(&"no-visiting-frequency".to_owned()));
}

#[test]
fn the_good_plan_passes_with_no_errors() {
    let output = cinplan(&["check", GOOD, "--today", TODAY, "--format", "json"]);
    let report = json(&output);
    let errors: Vec<&Value> = findings(&report)
        .iter()
        .filter(|finding| finding["severity"] == "error")
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
}

#[test]
fn json_findings_have_the_published_shape() {
    let report = json(&cinplan(&[
        "check", UNHELPFUL, "--today", TODAY, "--format", "json",
    ]));
    let owner = findings(&report)
        .iter()
        .find(|finding| finding["rule"] == "unnamed-owner")
        .unwrap_or_else(|| panic!("{report:#}"));
    assert_eq!(owner["severity"], "error");
    assert_eq!(owner["smart"], serde_json::json!(["S"]));
    assert_eq!(owner["pointer"], "/needs/0/actions/0/by_whom");
    assert_eq!(
        (owner["start"].as_u64(), owner["end"].as_u64()),
        (Some(0), Some(12))
    );
    assert!(owner["message"]
        .as_str()
        .is_some_and(|message| message.contains("A counsellor")));
    let suggestion = &owner["suggestions"][0];
    assert_eq!(suggestion["applicability"], "has-placeholders");
    assert!(suggestion["replacement"]
        .as_str()
        .is_some_and(|text| text.contains("[name]")));
    // Plan-level findings have no range.
    let contingency = findings(&report)
        .iter()
        .find(|finding| finding["rule"] == "no-contingency")
        .unwrap_or_else(|| panic!("{report:#}"));
    assert!(contingency.get("start").is_none());
    assert_eq!(report["ignored"], 0);
    assert!(report["summary"]["score"]
        .as_u64()
        .is_some_and(|score| score <= 100));
    assert!(report["summary"]["counts"]["error"]
        .as_u64()
        .is_some_and(|errors| errors >= 4));
}

#[test]
fn output_is_sorted_and_the_same_every_time() {
    let args = ["check", UNHELPFUL, "--today", TODAY, "--format", "json"];
    let first = stdout(&cinplan(&args));
    assert_eq!(stdout(&cinplan(&args)), first);
    let report: Value = serde_json::from_str(&first).unwrap_or_default();
    // Pointer, then position (start, end; none first), then rule.
    let keys: Vec<(String, Option<u64>, Option<u64>, String)> = findings(&report)
        .iter()
        .map(|finding| {
            (
                finding["pointer"].as_str().unwrap_or_default().to_owned(),
                finding["start"].as_u64(),
                finding["end"].as_u64(),
                finding["rule"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
    let text_args = ["check", UNHELPFUL, "--today", TODAY];
    assert_eq!(stdout(&cinplan(&text_args)), stdout(&cinplan(&text_args)));
}

#[test]
fn text_output_reads_like_a_compiler() {
    let output = cinplan(&["check", UNHELPFUL, "--today", TODAY]);
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    assert!(
        text.contains("error[unnamed-owner]: \"A counsellor\" names no person"),
        "{text}"
    );
    assert!(
        text.contains("Need 1, action 1: By whom (/needs/0/actions/0/by_whom)"),
        "{text}"
    );
    assert!(
        text.contains(" 1 | A counsellor\n   | ^^^^^^^^^^^^\n"),
        "{text}"
    );
    assert!(
        text.contains(" 1 | Tommy will be happier\n   |       ^^^^^^^^^^^^^^^\n"),
        "{text}"
    );
    assert!(
        text.contains("= help: Name the person: write \"[name], counsellor\""),
        "{text}"
    );
    assert!(text.contains("SMART: S ✗"), "{text}");
    assert!(text.contains("score "), "{text}");
}

#[test]
fn multibyte_text_is_marked_under_the_right_characters() {
    let plan = std::fs::read_to_string(UNHELPFUL)
        .unwrap_or_default()
        .replace("\"A counsellor\"", "\"Tommy’s nan 😀 and a counsellor\"");
    let path = temp_file("multibyte.json", &plan);
    let output = cinplan(&["check", path.to_str().unwrap_or_default(), "--today", TODAY]);
    let text = stdout(&output);
    // The emoji takes two columns of a terminal, so the carets sit 19 columns in.
    let expected = format!(
        " 1 | Tommy’s nan 😀 and a counsellor\n   | {}^^^^^^^^^^^^\n",
        " ".repeat(19)
    );
    assert!(text.contains(&expected), "{text}");
}

#[test]
fn a_single_text_can_be_checked_as_a_field() {
    let output = cinplan(&[
        "check", "--field", "by_when", "Ongoing", "--format", "json", "--today", TODAY,
    ]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let report = json(&output);
    let first = &findings(&report)[0];
    assert_eq!(
        (first["start"].as_u64(), first["end"].as_u64()),
        (Some(0), Some(7))
    );
    assert_eq!(first["severity"], "error");

    let output = cinplan(&[
        "check",
        "--field",
        "by_whom",
        "Sam Jones, social worker",
        "--today",
        TODAY,
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
}

#[test]
fn a_single_text_checked_with_a_plan_uses_the_plans_facts() {
    let output = cinplan(&[
        "check",
        GOOD,
        "--field",
        "outcome",
        "Tommy will be happier",
        "--format",
        "json",
        "--today",
        TODAY,
    ]);
    let report = json(&output);
    let measurable = findings(&report)
        .iter()
        .find(|finding| finding["rule"] == "outcome-not-measurable")
        .unwrap_or_else(|| panic!("{report:#}"));
    let rewrite = measurable["suggestions"][0]["replacement"]
        .as_str()
        .unwrap_or_default();
    assert!(
        rewrite.contains("Sam Jones") && rewrite.contains("16 February 2027"),
        "{rewrite}"
    );
}

#[test]
fn suppressions_in_the_plan_are_counted_as_ignored() {
    let plan = std::fs::read_to_string(UNHELPFUL).unwrap_or_default().replacen(
        "\"needs\"",
        "\"suppressions\": { \"rules_off\": [\"no-child-view\"], \"ignored\": [ { \"rule\": \"unnamed-owner\", \"field\": \"by_whom\", \"text\": \"A counsellor\", \"reason\": \"CAMHS to allocate\" } ] },\n  \"needs\"",
        1,
    );
    let path = temp_file("suppressed.json", &plan);
    let output = cinplan(&[
        "check",
        path.to_str().unwrap_or_default(),
        "--today",
        TODAY,
        "--format",
        "json",
    ]);
    let report = json(&output);
    assert_eq!(report["ignored"], 2, "{report:#}");
    assert!(rules_at(&report, "/needs/0/actions/0/by_whom")
        .iter()
        .all(|rule| rule != "unnamed-owner"));
    let text = stdout(&cinplan(&[
        "check",
        path.to_str().unwrap_or_default(),
        "--today",
        TODAY,
    ]));
    assert!(text.contains("(2 ignored)"), "{text}");
}

#[test]
fn a_profile_file_can_turn_rules_off() {
    let profile = temp_file(
        "profile.json",
        r#"{ "extends": "default", "id": "quiet", "name": "Quiet", "rules": { "no-contingency": { "enabled": false } } }"#,
    );
    let output = cinplan(&[
        "check",
        UNHELPFUL,
        "--today",
        TODAY,
        "--format",
        "json",
        "--profile",
        profile.to_str().unwrap_or_default(),
    ]);
    let report = json(&output);
    assert!(rules_at(&report, "/contingency").is_empty(), "{report:#}");
}

#[test]
fn broken_json_is_refused_with_its_line_and_column() {
    let path = temp_file(
        "broken.json",
        "{\n  \"format\": \"cinplan/1\",\n  \"needs\": [ }\n",
    );
    let message = refuses(&["check", path.to_str().unwrap_or_default()]);
    assert!(message.contains("line 3"), "{message}");
    assert!(message.contains("column"), "{message}");
}

#[test]
fn unreadable_input_is_refused_clearly() {
    let message = refuses(&["check", "/no/such/plan.json"]);
    assert!(message.contains("/no/such/plan.json"), "{message}");
    let message = refuses(&["check", "--field", "when", "Ongoing"]);
    assert!(message.contains("by_when"), "{message}");
    let message = refuses(&["check", UNHELPFUL, "--today", "23/11/2026"]);
    assert!(message.contains("YYYY-MM-DD"), "{message}");
    let message = refuses(&["check", UNHELPFUL, "extra text"]);
    assert!(message.contains("--field"), "{message}");
}

#[test]
fn rules_lists_the_catalogue() {
    let output = cinplan(&["rules"]);
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    for id in [
        "unnamed-owner",
        "vague-timescale",
        "no-contingency",
        "drift",
    ] {
        assert!(
            text.lines().any(|line| line.starts_with(id)),
            "{id}: {text}"
        );
    }
    let catalogue = json(&cinplan(&["rules", "--format", "json"]));
    let entries = catalogue
        .as_array()
        .unwrap_or_else(|| panic!("{catalogue}"));
    let owner = entries
        .iter()
        .find(|entry| entry["id"] == "unnamed-owner")
        .unwrap_or_else(|| panic!("{catalogue}"));
    assert_eq!(owner["severity"], "error");
    assert_eq!(owner["smart"], serde_json::json!(["S"]));
    assert_eq!(owner["fields"], serde_json::json!(["by_whom"]));
    assert!(owner["source"]
        .as_str()
        .is_some_and(|source| source.contains("000")));
    assert!(owner["summary"]
        .as_str()
        .is_some_and(|summary| !summary.is_empty()));
    let contingency = entries.iter().find(|entry| entry["id"] == "no-contingency");
    assert_eq!(
        contingency.map(|entry| entry["fields"].clone()),
        Some(serde_json::json!([]))
    );
}

#[test]
fn explain_prints_every_section_of_a_rules_documentation() {
    let output = cinplan(&["explain", "vague-timescale"]);
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    for heading in [
        "What it flags",
        "Why it matters",
        "Example",
        "Write instead",
        "Source:",
    ] {
        assert!(text.contains(heading), "{heading}: {text}");
    }
    assert!(text.contains("not acceptable"), "{text}");
}

#[test]
fn explain_an_unknown_rule_suggests_the_closest() {
    let message = refuses(&["explain", "unamed-owner"]);
    assert!(
        message.contains("Did you mean \"unnamed-owner\""),
        "{message}"
    );
    assert!(message.contains("vague-timescale"), "{message}");
}

#[test]
fn a_reader_that_stops_early_does_not_make_it_panic() {
    // Far more output than a pipe holds, read by nobody (like `cinplan check … | head`).
    let text = "ASAP and ongoing support. ".repeat(2000);
    let mut child = Command::new(env!("CARGO_BIN_EXE_cinplan"))
        .args(["check", "--field", "action", &text, "--today", TODAY])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap_or_else(|error| panic!("the cinplan binary runs: {error}"));
    drop(child.stdout.take());
    let output = child
        .wait_with_output()
        .unwrap_or_else(|error| panic!("cinplan finishes: {error}"));
    assert!(!stderr(&output).contains("panicked"), "{}", stderr(&output));
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
}
