//! What the integration tests share: the Tommy plan, running the checks the way the
//! editor does, and applying a published suggestion with its placeholders filled in.
#![allow(dead_code)]

pub mod placeholders;

use std::ops::Range;

use chrono::NaiveDate;
use cinplan_core::check::{check_field, CheckOptions};
use cinplan_core::finding::{Applicability, Finding, Severity, SuggestionTarget};
use cinplan_core::profile::Profile;
use cinplan_core::rules::FieldName;
use cinplan_core::text::Utf16Index;
use cinplan_core::Plan;

pub fn tommy_plan() -> Plan {
    Plan::from_json(include_str!("../fixtures/tommy-good.json"))
        .unwrap_or_else(|error| panic!("tommy-good.json: {error}"))
}

pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default()
}

/// Every finding of every rule (default profile) on `text` as the field `field` of `plan`.
pub fn check(text: &str, field: FieldName, plan: &Plan) -> Vec<Finding> {
    let profile = Profile::default_profile();
    check_field(
        text,
        field,
        Some(plan),
        CheckOptions {
            today: today(),
            profile: &profile,
        },
    )
}

/// The byte range of a published finding in `text`.
pub fn byte_span(text: &str, finding: &Finding) -> Option<Range<usize>> {
    let index = Utf16Index::new(text);
    Some(index.to_byte(finding.start?)..index.to_byte(finding.end?))
}

/// Whether a finding is a warning or an error (what a practitioner must act on).
pub fn is_serious(finding: &Finding) -> bool {
    finding.severity >= Severity::Warning
}

/// Applies suggestion `index` of `finding` with its placeholders filled; returns the new
/// text and the byte range of the words the replacement changed in it. `None` for advice.
pub fn apply(text: &str, finding: &Finding, index: usize) -> Option<(String, Range<usize>)> {
    let suggestion = finding.suggestions.get(index)?;
    if suggestion.applicability == Applicability::DisplayOnly {
        return None;
    }
    let replacement = placeholders::fill_placeholders(&suggestion.replacement);
    let span = match suggestion.target {
        SuggestionTarget::Field => 0..text.len(),
        SuggestionTarget::Range => byte_span(text, finding).unwrap_or(0..text.len()),
    };
    let before = text.get(..span.start)?;
    let after = text.get(span.end..)?;
    let changed = placeholders::changed_words(text.get(span)?, &replacement);
    let inserted = before.len() + changed.start..before.len() + changed.end;
    Some((format!("{before}{replacement}{after}"), inserted))
}

/// The serious findings of `result` (the rewrite of `original`) on words the rewrite put
/// in: a rewrite must never itself be vague. A finding that reaches beyond those words was
/// about the text around the rewrite; a judgement on the whole field that `original` had
/// too ("names no person") was not the rewrite's doing.
pub fn problems_in_rewrite(
    original: &str,
    result: &str,
    inserted: &Range<usize>,
    field: FieldName,
    plan: &Plan,
) -> Vec<Finding> {
    let before: Vec<String> = check(original, field, plan)
        .into_iter()
        .map(|finding| finding.rule)
        .collect();
    let whole = result.len() - result.trim_start().len()..result.trim_end().len();
    check(result, field, plan)
        .into_iter()
        .filter(|finding| {
            let Some(span) = byte_span(result, finding) else {
                return false;
            };
            let about_the_whole_field_as_before = span == whole && before.contains(&finding.rule);
            is_serious(finding)
                && inserted.start <= span.start
                && span.end <= inserted.end
                && !about_the_whole_field_as_before
        })
        .collect()
}
