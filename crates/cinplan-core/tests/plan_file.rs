//! Reading and writing plan files: what a broken file is told, and what a load/save
//! round trip keeps.

use cinplan_core::{Plan, PlanError};
use serde_json::Value;

fn fixture_text(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

#[track_caller]
fn refused(text: &str) -> PlanError {
    match Plan::from_json(text) {
        Ok(plan) => panic!("accepted: {plan:?}"),
        Err(error) => error,
    }
}

#[test]
fn broken_json_says_line_and_column() {
    let error =
        refused("{\n  \"format\": \"cinplan/1\",\n  \"visiting\": \"weekly\"\n  \"kind\": 1\n}");
    assert_eq!((error.line, error.column), (Some(4), Some(3)));
    assert_eq!(error.pointer, "");
    assert!(
        error
            .message
            .starts_with("this is not valid JSON: expected `,` or `}`"),
        "{error}"
    );
    assert!(
        error.to_string().starts_with("line 4, column 3: "),
        "{error}"
    );
}

#[test]
fn a_newer_format_is_refused_as_such() {
    let error = refused(r#"{"format": "cinplan/2", "kind": "whatever-cinplan-2-has"}"#);
    assert_eq!(error.pointer, "/format");
    assert!(error.message.contains("\"cinplan/2\""), "{error}");
    assert!(error.message.contains("reads cinplan/1"), "{error}");
    assert!(error.message.contains("newer version"), "{error}");
}

#[test]
fn a_file_without_a_format_is_not_a_plan() {
    let error = refused(r#"{"child": {"name": "Tommy"}}"#);
    assert_eq!(error.pointer, "/format");
    assert!(error.message.contains("not a cinplan plan"), "{error}");
}

#[test]
fn an_impossible_date_names_its_field_and_place() {
    let text = fixture_text("tommy-good.json").replace("\"2027-02-16\"", "\"2026-02-31\"");
    let error = refused(&text);
    assert_eq!(error.pointer, "/dates/first_review");
    assert!(error.message.contains("/dates/first_review"), "{error}");
    let line = text
        .lines()
        .position(|line| line.contains("2026-02-31"))
        .map(|index| index + 1);
    assert_eq!(error.line, line);
    assert!(error.column.is_some_and(|column| column > 10), "{error:?}");
    assert!(
        error.message.contains("\"2026-02-31\" is not a real date"),
        "{error}"
    );
    assert!(error.message.contains("YYYY-MM-DD"), "{error}");
    assert!(!error.message.contains("input is out of range"), "{error}");
}

#[test]
fn a_date_in_another_form_is_quoted_with_the_form_to_use() {
    let text = fixture_text("tommy-good.json").replace("\"2027-02-16\"", "\"16/02/2027\"");
    let error = refused(&text);
    assert_eq!(error.pointer, "/dates/first_review");
    assert!(
        error
            .message
            .contains("\"16/02/2027\" is not a date written as YYYY-MM-DD"),
        "{error}"
    );
}

#[test]
fn an_empty_file_is_called_empty() {
    for text in ["", "  \n\t"] {
        let error = refused(text);
        assert!(error.message.contains("the file is empty"), "{error}");
    }
}

#[test]
fn a_wrong_type_names_the_field_and_what_was_expected() {
    let text = fixture_text("tommy-good.json").replace(
        "\"needs\": [",
        "\"needs\": \"see the attached document\", \"was_needs\": [",
    );
    let error = refused(&text);
    assert_eq!(error.pointer, "/needs");
    assert!(error.message.contains("invalid type: string"), "{error}");
    assert!(error.message.contains("expected a sequence"), "{error}");
    assert!(error.line.is_some());
}

#[test]
fn a_wrong_type_deep_inside_names_the_row() {
    let text = fixture_text("tommy-good.json").replace("\"progress\": \"\"", "\"progress\": 3");
    let error = refused(&text);
    assert_eq!(error.pointer, "/needs/0/actions/0/progress");
}

#[test]
fn an_unknown_kind_is_refused_with_the_known_ones() {
    let text = fixture_text("tommy-good.json").replace("\"child-in-need\"", "\"early-help\"");
    let error = refused(&text);
    assert_eq!(error.pointer, "/kind");
    assert!(error.message.contains("child-protection"), "{error}");
}

#[test]
fn null_text_reads_as_empty_text() {
    let text = fixture_text("tommy-good.json").replace(
        "\"contingency\": \"If Mum",
        "\"contingency\": null, \"was_contingency\": \"If Mum",
    );
    let plan = Plan::from_json(&text).unwrap_or_else(|error| panic!("{error}"));
    assert_eq!(plan.contingency, "");
}

#[test]
fn unknown_fields_at_every_level_survive_a_load_and_save() {
    let text = fixture_text("unknown-fields.json");
    let plan = Plan::from_json(&text).unwrap_or_else(|error| panic!("{error}"));
    let saved: Value = serde_json::from_str(&plan.to_json()).unwrap_or(Value::Null);
    let original: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
    assert_eq!(saved, original);
    // And the fixture does have unknown fields at every level.
    for pointer in [
        "/x_exported_by",
        "/child/x_school/year",
        "/lead_professional/x_team",
        "/dates/x_case_opened",
        "/views/x_how_gathered",
        "/needs/0/x_need_category",
        "/needs/0/actions/0/x_tags/1/nested/2",
        "/visits/0/x_location",
        "/reviews/0/chair/x_delegate",
        "/reviews/0/x_attendance",
        "/suppressions/x_review_by",
        "/suppressions/ignored/0/x_by",
        "/previous_versions/0/x_saved_at",
        "/previous_versions/0/child/x_version_note",
    ] {
        assert!(saved.pointer(pointer).is_some(), "{pointer} was dropped");
    }
}

#[test]
fn a_saved_plan_reads_back_the_same() {
    for name in [
        "tommy-good.json",
        "tommy-unhelpful.json",
        "unknown-fields.json",
    ] {
        let plan = Plan::from_json(&fixture_text(name)).unwrap_or_else(|error| panic!("{error}"));
        assert_eq!(Plan::from_json(&plan.to_json()), Ok(plan), "{name}");
    }
}

#[test]
fn every_earlier_format_version_still_reads() {
    // A later cinplan reads every version it lists as readable; each must really load.
    assert!(cinplan_core::plan::READABLE_FORMATS.contains(&cinplan_core::plan::FORMAT));
    for format in cinplan_core::plan::READABLE_FORMATS {
        let text =
            fixture_text("tommy-good.json").replace("\"cinplan/1\"", &format!("\"{format}\""));
        let plan = Plan::from_json(&text).unwrap_or_else(|error| panic!("{format}: {error}"));
        assert_eq!(plan.child.name, "Tommy", "{format}");
    }
}
