//! One-line test helpers for rules (Harper style).

use chrono::NaiveDate;

use crate::check::{check_one_field, FieldRef};
use crate::finding::RawFinding;
use crate::plan::Plan;
use crate::profile::Profile;
use crate::rules::{FieldContext, FieldName};
use crate::timescale::Timescale;
use crate::Calendar;

/// The "today" the rule tests run on.
pub fn test_today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default()
}

/// A plan with Tommy's dates, for rules that need context.
pub fn tommy_plan() -> Plan {
    let text = include_str!("../../tests/fixtures/tommy-good.json");
    Plan::from_json(text).unwrap_or_else(|error| panic!("fixture: {error}"))
}

/// The context of `text` as `field` of the first action row of `plan`, for the tests that
/// ask a rule directly rather than through `check_one_field` (as `findings_of` does).
pub fn first_row_context<'a>(
    field: FieldName,
    text: &'a str,
    plan: &'a Plan,
    profile: &'a Profile,
    calendar: &'a Calendar,
    timescale: Option<&'a Timescale>,
) -> FieldContext<'a> {
    FieldContext {
        field,
        pointer: "/needs/0/actions/0/action",
        text,
        plan,
        need_index: Some(0),
        action_index: Some(0),
        profile,
        today: test_today(),
        calendar,
        timescale,
    }
}

/// The findings of one rule on a text as the given field of `plan`.
pub fn findings_of(rule: &str, field: FieldName, text: &str, plan: &Plan) -> Vec<RawFinding> {
    let profile = Profile::default_profile();
    let calendar = Calendar::new(plan.region);
    let field_ref = FieldRef {
        field,
        pointer: format!("/test/{}", field.id()),
        text,
        need_index: Some(0),
        action_index: Some(0),
    };
    let options = crate::check::CheckOptions {
        today: test_today(),
        profile: &profile,
    };
    check_one_field(plan, &field_ref, options, &calendar)
        .into_iter()
        .filter(|finding| finding.rule == rule)
        .collect()
}

/// Asserts the rule finds exactly `count` problems in `text`.
#[track_caller]
pub fn assert_count(rule: &str, field: FieldName, text: &str, count: usize) {
    let found = findings_of(rule, field, text, &tommy_plan());
    assert_eq!(found.len(), count, "{rule} on {text:?}: {found:#?}");
}

/// Asserts the rule finds nothing in `text`.
#[track_caller]
pub fn assert_clean(rule: &str, field: FieldName, text: &str) {
    assert_count(rule, field, text, 0);
}

/// Asserts the rule flags exactly `flagged` (the text of its first finding's range).
#[track_caller]
pub fn assert_flags(rule: &str, field: FieldName, text: &str, flagged: &str) {
    let found = findings_of(rule, field, text, &tommy_plan());
    let first = found
        .first()
        .unwrap_or_else(|| panic!("{rule} found nothing in {text:?}"));
    let span = first.span.clone().unwrap_or(0..text.len());
    assert_eq!(&text[span], flagged, "{rule} on {text:?}");
}

/// Applies the first finding's suggestion number `index` and returns the new text.
pub fn apply_suggestion(text: &str, finding: &RawFinding, index: usize) -> Option<String> {
    let suggestion = finding.suggestions.get(index)?;
    Some(match suggestion.target {
        crate::finding::SuggestionTarget::Field => suggestion.replacement.clone(),
        crate::finding::SuggestionTarget::Range => {
            let span = finding.span.clone().unwrap_or(0..text.len());
            format!(
                "{}{}{}",
                &text[..span.start],
                suggestion.replacement,
                &text[span.end..]
            )
        }
    })
}

/// Asserts that applying the first finding's first suggestion gives exactly `expected`.
#[track_caller]
pub fn assert_suggestion_result(rule: &str, field: FieldName, text: &str, expected: &str) {
    let found = findings_of(rule, field, text, &tommy_plan());
    let first = found
        .first()
        .unwrap_or_else(|| panic!("{rule} found nothing in {text:?}"));
    assert_eq!(apply_suggestion(text, first, 0).as_deref(), Some(expected));
}

#[path = "../../tests/support/placeholders.rs"]
mod placeholders;
pub use placeholders::{changed_words, fill_placeholders};

/// Applies a finding's suggestion `index` with its placeholders filled in; returns the new
/// text and the byte range of the words the replacement changed in it. `None` for advice
/// and for a suggestion that does not exist.
pub fn apply_filled(
    text: &str,
    finding: &RawFinding,
    index: usize,
) -> Option<(String, std::ops::Range<usize>)> {
    let suggestion = finding.suggestions.get(index)?;
    if suggestion.applicability == crate::finding::Applicability::DisplayOnly {
        return None;
    }
    let replacement = fill_placeholders(&suggestion.replacement);
    let span = match suggestion.target {
        crate::finding::SuggestionTarget::Field => 0..text.len(),
        crate::finding::SuggestionTarget::Range => finding.span.clone().unwrap_or(0..text.len()),
    };
    let before = text.get(..span.start)?;
    let after = text.get(span.end..)?;
    let changed = changed_words(text.get(span)?, &replacement);
    let inserted = before.len() + changed.start..before.len() + changed.end;
    Some((format!("{before}{replacement}{after}"), inserted))
}

/// Every finding of every rule on a text as the given field of `plan`.
pub fn all_findings(field: FieldName, text: &str, plan: &Plan) -> Vec<RawFinding> {
    let profile = Profile::default_profile();
    let calendar = Calendar::new(plan.region);
    let field_ref = FieldRef {
        field,
        pointer: format!("/test/{}", field.id()),
        text,
        need_index: Some(0),
        action_index: Some(0),
    };
    let options = crate::check::CheckOptions {
        today: test_today(),
        profile: &profile,
    };
    check_one_field(plan, &field_ref, options, &calendar)
}
