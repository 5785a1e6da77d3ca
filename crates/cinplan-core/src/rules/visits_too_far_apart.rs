//! `visits-too-far-apart`: the plan's visiting is less often than the minimum.

use super::limits::{describe_frequency, exceeded_by, phrase, plain_phrase, visit_limit};
use super::{PlanContext, Rule, RuleDocs, RuleMeta};
use crate::finding::{RawFinding, RawSuggestion, Severity, Smart};

#[derive(Debug)]
pub struct VisitsTooFarApart;

pub static META: RuleMeta = RuleMeta {
    id: "visits-too-far-apart",
    severity: Severity::Error,
    smart: &[Smart::T],
    fields: &[],
    source: "001 Child in Need Plan; 003 The Child in Need Progress Plan",
    docs: RuleDocs {
        summary: "Flags visiting less often than the profile's minimum (by default every 20 \
                  working days, about every 4 weeks; a child protection plan has its own).",
        why: "The minimum visiting frequency \"should not be less than four weekly\" (001 Child \
              in Need Plan); \"all Children in Need must be visited minimum every 20 working \
              days\" (003 The Child in Need Progress Plan). \"Monthly\" can leave 31 days \
              between visits, more than 20 working days.",
        example: "\"visiting\": \"Sam Jones will visit Tommy every 6 weeks.\"",
        instead: "\"visiting\": \"Sam Jones will visit Tommy every 2 weeks.\"",
    },
};

impl Rule for VisitsTooFarApart {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_plan(&self, context: &PlanContext<'_>, findings: &mut Vec<RawFinding>) {
        let plan = context.plan;
        let reading = context.read_timescale(&plan.visiting);
        let Some(cadence) = reading.cadence.as_ref() else {
            return;
        };
        let limit = visit_limit(context.profile, plan);
        if !exceeded_by(limit, &cadence.frequency) {
            return;
        }
        let mut finding = META.finding(
            "/visiting",
            Some(cadence.span.clone()),
            format!(
                "Visits {} are further apart than the minimum: {} must be seen at least {} \
                 ({}).",
                describe_frequency(&cadence.frequency),
                plan.child_name(),
                plain_phrase(limit),
                phrase(limit)
            ),
        );
        finding.suggestions.push(RawSuggestion::replace_range(
            "Visit at least as often as the minimum",
            plain_phrase(limit),
        ));
        findings.push(finding);
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::plan_testing::{good_plan, plan_findings};
    use crate::rules::testing::test_today;

    const RULE: &str = "visits-too-far-apart";

    fn visiting(text: &str) -> usize {
        let mut plan = good_plan();
        plan.visiting = text.to_owned();
        plan_findings(RULE, &plan, test_today()).len()
    }

    #[test]
    fn visits_further_apart_than_twenty_working_days_are_flagged() {
        assert_eq!(visiting("Sam Jones will visit Tommy every 6 weeks."), 1);
        assert_eq!(visiting("Sam Jones will visit Tommy monthly."), 1);
    }

    #[test]
    fn visits_at_least_four_weekly_pass() {
        assert_eq!(visiting("Sam Jones will visit Tommy every 4 weeks."), 0);
        assert_eq!(visiting("Sam Jones will visit Tommy fortnightly."), 0);
        assert_eq!(
            visiting("Sam Jones will visit Tommy every 20 working days."),
            0
        );
        assert_eq!(visiting("Regular visits as appropriate."), 0);
    }

    #[test]
    fn suggestion_replaces_the_frequency() {
        let mut plan = good_plan();
        plan.visiting = "Sam Jones will visit Tommy every 6 weeks.".to_owned();
        let found = plan_findings(RULE, &plan, test_today());
        assert_eq!(found[0].suggestions[0].replacement, "every 4 weeks");
        let span = found[0].span.clone().unwrap_or_default();
        assert!(plan.visiting[span].contains('6'));
    }
}
