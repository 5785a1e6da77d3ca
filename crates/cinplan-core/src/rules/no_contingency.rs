//! `no-contingency`: the plan does not say what happens if things do not improve.

use super::facts::{is_blank, lead_for_rewrite, trimmed_span};
use super::{PlanContext, Rule, RuleDocs, RuleMeta};
use crate::finding::{RawFinding, RawSuggestion, Severity, Smart};

#[derive(Debug)]
pub struct NoContingency;

pub static META: RuleMeta = RuleMeta {
    id: "no-contingency",
    severity: Severity::Error,
    smart: &[Smart::S],
    fields: &[],
    source: "002 Process for CIN Planning; 004 Why are Plans Important",
    docs: RuleDocs {
        summary: "Flags a plan with no contingency: what will happen if things do not improve \
                  or the risk to the child grows.",
        why: "\"The CIN Plan should include a contingency plan should the outcomes for the child \
              not improve or there is an escalation in risks\" (002 Process for CIN Planning). \
              Plans are there \"to highlight to the family what will happen if the plan is not \
              successful in achieving the aim (the Contingency)\" (004 Why are Plans \
              Important).",
        example: "\"contingency\": \"\"",
        instead: "\"contingency\": \"If Mum is hit again, Sam Jones will tell his team manager the same day and a strategy discussion will be considered.\"",
    },
};

impl Rule for NoContingency {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_plan(&self, context: &PlanContext<'_>, findings: &mut Vec<RawFinding>) {
        let text = &context.plan.contingency;
        if !is_blank(text) {
            return;
        }
        let span = (!text.trim().is_empty()).then(|| trimmed_span(text));
        let mut finding = META.finding(
            "/contingency",
            span,
            "The plan has no contingency: say what will show that things are not improving, \
             and what will happen then, by whom and how quickly.",
        );
        finding.suggestions.push(RawSuggestion::replace_field(
            "Write a contingency",
            format!(
                "If [the worries get worse], {} will [tell the team manager and agree what happens next] within [1 working day].",
                lead_for_rewrite(context.plan)
            ),
        ));
        findings.push(finding);
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::plan_testing::{good_plan, plan_findings, unhelpful_plan};
    use crate::rules::testing::test_today;

    const RULE: &str = "no-contingency";

    #[test]
    fn an_empty_or_stand_in_contingency_is_flagged() {
        let found = plan_findings(RULE, &unhelpful_plan(), test_today());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].pointer, "/contingency");
        assert_eq!(found[0].span, None);
        let mut plan = good_plan();
        plan.contingency = " TBC ".to_owned();
        let found = plan_findings(RULE, &plan, test_today());
        assert_eq!(found[0].span, Some(1..4));
    }

    #[test]
    fn a_written_contingency_passes() {
        assert!(plan_findings(RULE, &good_plan(), test_today()).is_empty());
    }

    #[test]
    fn suggestion_names_the_lead_professional() {
        let found = plan_findings(RULE, &unhelpful_plan(), test_today());
        assert_eq!(
            found[0].suggestions[0].replacement,
            "If [the worries get worse], Sam Jones will [tell the team manager and agree what happens next] within [1 working day]."
        );
    }
}
