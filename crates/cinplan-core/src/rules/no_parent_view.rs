//! `no-parent-view`: the parents' views are not recorded.

use super::facts::{is_blank, trimmed_span};
use super::{PlanContext, Rule, RuleDocs, RuleMeta};
use crate::finding::{RawFinding, RawSuggestion, Severity, Smart};

#[derive(Debug)]
pub struct NoParentView;

pub static META: RuleMeta = RuleMeta {
    id: "no-parent-view",
    severity: Severity::Warning,
    smart: &[Smart::A],
    fields: &[],
    source: "001 Child in Need Plan; 003 The Child in Need Progress Plan; 004 What do we mean by 'agreed'?",
    docs: RuleDocs {
        summary: "Flags a plan that does not record the parents' or carers' views.",
        why: "The plan is prepared in consultation with the parent/carer, \"and their views \
              recorded on the plan\" (001 Child in Need Plan). \"Parents' views must be \
              listened to and captured on the record\", including separated fathers (003 The \
              Child in Need Progress Plan). Plans agreed by parents are the ones most likely \
              to succeed (004 What do we mean by 'agreed'?).",
        example: "\"views\": { \"parents\": \"\" }",
        instead: "\"views\": { \"parents\": \"Mum and step-dad agree they argue in front of Tommy and want help to stop it.\" }",
    },
};

impl Rule for NoParentView {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_plan(&self, context: &PlanContext<'_>, findings: &mut Vec<RawFinding>) {
        let text = &context.plan.views.parents;
        if !is_blank(text) {
            return;
        }
        let mut finding = META.finding(
            "/views/parents",
            (!text.trim().is_empty()).then(|| trimmed_span(text)),
            "The parents' views are not recorded: write what each parent or carer said about \
             the worries and the plan, including where they disagree.",
        );
        finding.suggestions.push(RawSuggestion::replace_field(
            "Record the parents' views",
            "[Mum] said [what she said about the worries and the plan].",
        ));
        findings.push(finding);
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::plan_testing::{good_plan, plan_findings, unhelpful_plan};
    use crate::rules::testing::test_today;

    const RULE: &str = "no-parent-view";

    #[test]
    fn missing_parent_views_are_flagged() {
        let found = plan_findings(RULE, &unhelpful_plan(), test_today());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].pointer, "/views/parents");
    }

    #[test]
    fn recorded_views_pass() {
        assert!(plan_findings(RULE, &good_plan(), test_today()).is_empty());
    }
}
