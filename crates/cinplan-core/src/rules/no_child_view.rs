//! `no-child-view`: the child's views are not recorded.

use super::facts::{child_for_rewrite, is_blank, trimmed_span};
use super::{PlanContext, Rule, RuleDocs, RuleMeta};
use crate::finding::{RawFinding, RawSuggestion, Severity, Smart};

#[derive(Debug)]
pub struct NoChildView;

pub static META: RuleMeta = RuleMeta {
    id: "no-child-view",
    severity: Severity::Warning,
    smart: &[Smart::A],
    fields: &[],
    source: "001 Child in Need Plan; 003 The Child in Need Progress Plan; 004 What do we mean by 'agreed'?",
    docs: RuleDocs {
        summary: "Flags a plan that does not record the child's views.",
        why: "The plan is prepared in consultation with the child, \"and their views recorded \
              on the plan\" (001 Child in Need Plan); it \"must include a specific focus on the \
              child's needs … and their views captured\" (003 The Child in Need Progress Plan); \
              plans succeed when agreed, taking \"the child or young person's wishes and \
              feelings\" into account (004 What do we mean by 'agreed'?). For a baby, record \
              what was seen of them.",
        example: "\"views\": { \"child\": \"\" }",
        instead: "\"views\": { \"child\": \"Tommy said he wants the shouting to stop.\" }",
    },
};

impl Rule for NoChildView {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_plan(&self, context: &PlanContext<'_>, findings: &mut Vec<RawFinding>) {
        let text = &context.plan.views.child;
        if !is_blank(text) {
            return;
        }
        let child = child_for_rewrite(context.plan);
        let mut finding = META.finding(
            "/views/child",
            (!text.trim().is_empty()).then(|| trimmed_span(text)),
            format!(
                "{}'s views are not recorded: write what {} said (or, for a baby, what was \
                 seen of them) about life at home and the plan.",
                context.plan.child_name(),
                context.plan.child_name()
            ),
        );
        finding.suggestions.push(RawSuggestion::replace_field(
            "Record the child's views",
            format!(
                "{child} said [what {child} said about home and what {child} wants to change]."
            ),
        ));
        findings.push(finding);
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::plan_testing::{good_plan, plan_findings, unhelpful_plan};
    use crate::rules::testing::test_today;

    const RULE: &str = "no-child-view";

    #[test]
    fn missing_child_views_are_flagged() {
        let found = plan_findings(RULE, &unhelpful_plan(), test_today());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].pointer, "/views/child");
        let mut plan = good_plan();
        plan.views.child = "N/A".to_owned();
        assert_eq!(plan_findings(RULE, &plan, test_today()).len(), 1);
    }

    #[test]
    fn recorded_views_pass() {
        assert!(plan_findings(RULE, &good_plan(), test_today()).is_empty());
    }
}
