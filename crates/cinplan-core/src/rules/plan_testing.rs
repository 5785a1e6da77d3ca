//! Test helpers for the structural rules: plan rules run on a plan, field rules with a
//! given reading of the text.

use chrono::NaiveDate;

use super::testing::tommy_plan;
use super::{registry, FieldContext, FieldName, PlanContext};
use crate::finding::RawFinding;
use crate::plan::Plan;
use crate::profile::Profile;

pub fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap_or_else(|| panic!("{year}-{month}-{day}"))
}

/// Tommy's good plan (shared/examples/tommy-good.json).
pub fn good_plan() -> Plan {
    tommy_plan()
}

/// Tommy's unhelpful plan (shared/examples/tommy-unhelpful.json).
pub fn unhelpful_plan() -> Plan {
    Plan::from_json(include_str!("../../tests/fixtures/tommy-unhelpful.json"))
        .unwrap_or_else(|error| panic!("fixture: {error}"))
}

/// The findings of one plan rule on `plan` on `today`, under the default profile.
pub fn plan_findings(rule: &str, plan: &Plan, today: NaiveDate) -> Vec<RawFinding> {
    plan_findings_under(rule, plan, today, &Profile::default_profile())
}

/// The findings of one plan rule on `plan` on `today`, under a shipped profile.
pub fn plan_findings_under(
    rule: &str,
    plan: &Plan,
    today: NaiveDate,
    profile: &Profile,
) -> Vec<RawFinding> {
    let calendar = crate::check::calendar_for(plan, profile);
    let context = PlanContext {
        plan,
        profile,
        today,
        calendar: &calendar,
        readings: None,
    };
    let rule = registry::find(rule).unwrap_or_else(|| panic!("no rule {rule}"));
    let mut findings = Vec::new();
    rule.check_plan(&context, &mut findings);
    findings
}

/// The findings of one field rule on `text` as a field of row 0 of `plan` (the real
/// timescale reading is used for timescale fields).
pub fn row_findings(rule: &str, field: FieldName, text: &str, plan: &Plan) -> Vec<RawFinding> {
    super::testing::findings_of(rule, field, text, plan)
}

/// Runs a field rule directly with a given context (no profile or overlap handling).
pub fn run_field_rule(rule: &str, context: &FieldContext<'_>) -> Vec<RawFinding> {
    let rule = registry::find(rule).unwrap_or_else(|| panic!("no rule {rule}"));
    let mut findings = Vec::new();
    rule.check_field(context, &mut findings);
    findings
}

/// A shipped profile by name.
pub fn shipped(name: &str) -> Profile {
    Profile::builtin(name).unwrap_or_else(|| panic!("no shipped profile {name}"))
}

/// The pointers of findings, for comparing.
pub fn pointers(findings: &[RawFinding]) -> Vec<&str> {
    findings
        .iter()
        .map(|finding| finding.pointer.as_str())
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::changed_words;

    #[track_caller]
    fn changed(old: &str, new: &str) -> String {
        new[changed_words(old, new)].trim().to_owned()
    }

    #[test]
    fn a_rewrite_changes_only_the_words_it_puts_in() {
        assert_eq!(
            changed("A counsellor", "Sam Jones, counsellor"),
            "Sam Jones,"
        );
        assert_eq!(
            changed("will be made", "will be made by Sam Jones"),
            "by Sam Jones"
        );
        assert_eq!(
            changed("Ongoing", "Every 2 weeks until 16 February 2027"),
            "Every 2 weeks until 16 February 2027"
        );
        assert_eq!(changed("support", "supporting"), "supporting");
        assert_eq!(changed("Tommy’s nan", "Tommy’s gran"), "gran");
    }
}
