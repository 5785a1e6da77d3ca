//! `copy-late`: the plan not circulated in time after the meeting.

use super::facts::{lateness, long_date, Lateness};
use super::{PlanContext, Rule, RuleDocs, RuleMeta};
use crate::finding::{RawFinding, Severity, Smart};

#[derive(Debug)]
pub struct CopyLate;

pub static META: RuleMeta = RuleMeta {
    id: "copy-late",
    severity: Severity::Warning,
    smart: &[Smart::T],
    fields: &[],
    source: "001 Child in Need Plan; 003 The Child in Need Progress Plan",
    docs: RuleDocs {
        summary: "Flags a plan circulated later after the planning meeting than the profile \
                  allows (by default 5 working days), or not recorded as circulated when that \
                  time has passed.",
        why: "\"The child/young person, their parent/carer, and all key family members and \
              agencies are provided with a copy of the plan within five working days of the \
              meeting\" (001 Child in Need Plan); participants \"receive a copy of the plan \
              within 5 days of the meeting\" (003 The Child in Need Progress Plan).",
        example: "\"planning_meeting\": \"2026-11-16\", \"plan_circulated\": \"2026-11-30\"",
        instead: "\"planning_meeting\": \"2026-11-16\", \"plan_circulated\": \"2026-11-20\"",
    },
};

impl Rule for CopyLate {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_plan(&self, context: &PlanContext<'_>, findings: &mut Vec<RawFinding>) {
        let plan = context.plan;
        let Some(meeting) = plan.dates.planning_meeting else {
            return;
        };
        let within = &context.profile.timescales.plan_copy_after_meeting;
        let message = match lateness(
            meeting,
            plan.dates.plan_circulated,
            within,
            context.today,
            context.calendar,
        ) {
            Some(Lateness::Late {
                due,
                happened,
                elapsed,
            }) => format!(
                "The plan was circulated on {}, {elapsed} after the meeting on {}: it was due \
                 within {}, by {}.",
                long_date(happened),
                long_date(meeting),
                within.describe(),
                long_date(due)
            ),
            Some(Lateness::Overdue { due }) => format!(
                "The plan is not recorded as circulated, and copies were due to the family and \
                 agencies by {} ({} after the meeting on {}).",
                long_date(due),
                within.describe(),
                long_date(meeting)
            ),
            None => return,
        };
        findings.push(META.finding("/dates/plan_circulated", None, message));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::plan_testing::{date, good_plan, plan_findings, unhelpful_plan};
    use crate::rules::testing::test_today;

    const RULE: &str = "copy-late";

    #[test]
    fn a_copy_within_five_working_days_is_on_time() {
        assert!(plan_findings(RULE, &good_plan(), test_today()).is_empty());
    }

    #[test]
    fn a_late_copy_is_flagged() {
        let mut plan = good_plan();
        plan.dates.plan_circulated = Some(date(2026, 11, 30));
        let found = plan_findings(RULE, &plan, test_today());
        assert_eq!(found.len(), 1);
        assert!(
            found[0].message.contains("10 working days"),
            "{}",
            found[0].message
        );
    }

    #[test]
    fn no_copy_is_flagged_once_it_is_overdue() {
        // The meeting was on 16 November 2026: copies are due by 23 November.
        let plan = unhelpful_plan();
        assert!(plan_findings(RULE, &plan, date(2026, 11, 23)).is_empty());
        let found = plan_findings(RULE, &plan, date(2026, 11, 24));
        assert_eq!(found.len(), 1);
        assert!(
            found[0].message.contains("by 23 November 2026"),
            "{}",
            found[0].message
        );
    }
}
