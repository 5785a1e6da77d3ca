//! `no-visiting-frequency`: the plan does not say how often the child is seen.

use super::facts::{child_for_rewrite, is_blank, lead_for_rewrite, trimmed_span};
use super::limits::{plain_phrase, visit_limit};
use super::{PlanContext, Rule, RuleDocs, RuleMeta};
use crate::finding::{RawFinding, RawSuggestion, Severity, Smart};

#[derive(Debug)]
pub struct NoVisitingFrequency;

pub static META: RuleMeta = RuleMeta {
    id: "no-visiting-frequency",
    severity: Severity::Error,
    smart: &[Smart::S, Smart::T],
    fields: &[],
    source: "001 Child in Need Plan; 003 The Child in Need Progress Plan; 002 Process for CIN Planning",
    docs: RuleDocs {
        summary: "Flags a plan whose \"Visiting\" is empty or does not say how often the child \
                  will be seen (\"Regular visits as appropriate\").",
        why: "\"The plan will state the minimum visiting frequency required of the lead \
              professional or the social worker\" (001 Child in Need Plan); \"the detailed CIN \
              Plan should include how often the child/young person should be seen by each \
              practitioner\" (002 Process for CIN Planning). The plan must set out clear \
              expectations about the level of visiting (003 The Child in Need Progress Plan).",
        example: "\"visiting\": \"Regular visits as appropriate.\"",
        instead: "\"visiting\": \"Sam Jones will visit Tommy at home every 2 weeks, and see him on his own at each visit.\"",
    },
};

impl Rule for NoVisitingFrequency {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_plan(&self, context: &PlanContext<'_>, findings: &mut Vec<RawFinding>) {
        let plan = context.plan;
        let text = &plan.visiting;
        let child = plan.child_name();
        let (span, message) = if is_blank(text) {
            (
                (!text.trim().is_empty()).then(|| trimmed_span(text)),
                format!("The plan does not say how often {child} will be seen."),
            )
        } else {
            let reading = context.read_timescale(text);
            if reading.cadence.is_some() {
                return;
            }
            (
                Some(trimmed_span(text)),
                format!(
                    "\"Visiting\" does not say how often {child} will be seen: give a number, \
                     such as \"every 2 weeks\"."
                ),
            )
        };
        let mut finding = META.finding("/visiting", span, message);
        finding.suggestions.push(RawSuggestion::replace_field(
            "Say how often",
            format!(
                "{} will visit {} at home every [2] weeks (at least {}), and see {} alone at each visit.",
                lead_for_rewrite(plan),
                child_for_rewrite(plan),
                plain_phrase(visit_limit(context.profile, plan)),
                child_for_rewrite(plan),
            ),
        ));
        findings.push(finding);
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::plan_testing::{good_plan, plan_findings, unhelpful_plan};
    use crate::rules::testing::test_today;

    const RULE: &str = "no-visiting-frequency";

    #[test]
    fn visiting_with_no_frequency_is_flagged() {
        let found = plan_findings(RULE, &unhelpful_plan(), test_today());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].pointer, "/visiting");
        assert_eq!(found[0].span, Some(0..30));
    }

    #[test]
    fn empty_visiting_is_flagged() {
        let mut plan = good_plan();
        plan.visiting = String::new();
        let found = plan_findings(RULE, &plan, test_today());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].span, None);
    }

    #[test]
    fn a_stated_frequency_passes() {
        assert!(plan_findings(RULE, &good_plan(), test_today()).is_empty());
        let mut plan = good_plan();
        plan.visiting = "Weekly home visits by Sam Jones".to_owned();
        assert!(plan_findings(RULE, &plan, test_today()).is_empty());
    }

    #[test]
    fn suggestion_names_the_lead_and_child() {
        let found = plan_findings(RULE, &unhelpful_plan(), test_today());
        assert_eq!(
            found[0].suggestions[0].replacement,
            "Sam Jones will visit Tommy at home every [2] weeks (at least every 4 weeks), and see Tommy alone at each visit."
        );
    }
}
