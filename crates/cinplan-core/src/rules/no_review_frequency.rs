//! `no-review-frequency`: the plan does not say how often it is reviewed.

use super::facts::{first_review_for_rewrite, is_blank, trimmed_span};
use super::{PlanContext, Rule, RuleDocs, RuleMeta};
use crate::finding::{RawFinding, RawSuggestion, Severity, Smart};

#[derive(Debug)]
pub struct NoReviewFrequency;

pub static META: RuleMeta = RuleMeta {
    id: "no-review-frequency",
    severity: Severity::Warning,
    smart: &[Smart::T],
    fields: &[],
    source: "004 What do we mean by 'specific'?; 001 Review of Child in Need Plan",
    docs: RuleDocs {
        summary: "Flags a plan whose \"Review frequency\" is empty or gives no frequency.",
        why: "The plan should be specific about \"how often they should meet including \
              frequency and date of next review\" (004 What do we mean by 'specific'?). \
              Reviews are six-weekly, or up to three-monthly if the group agrees (001 Review of \
              Child in Need Plan): the plan should say which.",
        example: "\"review_frequency\": \"\"",
        instead: "\"review_frequency\": \"Every 6 weeks; the first review is on 28 December 2026\"",
    },
};

impl Rule for NoReviewFrequency {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_plan(&self, context: &PlanContext<'_>, findings: &mut Vec<RawFinding>) {
        let plan = context.plan;
        let text = &plan.review_frequency;
        let span = if is_blank(text) {
            (!text.trim().is_empty()).then(|| trimmed_span(text))
        } else if context.read_timescale(text).cadence.is_none() {
            Some(trimmed_span(text))
        } else {
            return;
        };
        let mut finding = META.finding(
            "/review_frequency",
            span,
            "The plan does not say how often it will be reviewed: give a frequency, such as \
             \"every 6 weeks\", and the first review date.",
        );
        finding.suggestions.push(RawSuggestion::replace_field(
            "Say how often",
            format!(
                "Every [6] weeks; the first review is on {}",
                first_review_for_rewrite(plan)
            ),
        ));
        findings.push(finding);
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::plan_testing::{good_plan, plan_findings, unhelpful_plan};
    use crate::rules::testing::test_today;

    const RULE: &str = "no-review-frequency";

    #[test]
    fn an_empty_review_frequency_is_flagged() {
        let found = plan_findings(RULE, &unhelpful_plan(), test_today());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].pointer, "/review_frequency");
        assert_eq!(
            found[0].suggestions[0].replacement,
            "Every [6] weeks; the first review is on 16 February 2027"
        );
    }

    #[test]
    fn a_frequency_passes_and_words_without_one_do_not() {
        assert!(plan_findings(RULE, &good_plan(), test_today()).is_empty());
        let mut plan = good_plan();
        plan.review_frequency = "As needed".to_owned();
        assert_eq!(plan_findings(RULE, &plan, test_today()).len(), 1);
    }
}
