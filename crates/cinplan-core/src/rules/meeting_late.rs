//! `meeting-late`: the planning meeting later after the assessment than the profile allows.

use super::facts::{lateness, long_date, Lateness};
use super::{PlanContext, Rule, RuleDocs, RuleMeta};
use crate::finding::{RawFinding, Severity, Smart};
use crate::plan::PlanKind;

#[derive(Debug)]
pub struct MeetingLate;

pub static META: RuleMeta = RuleMeta {
    id: "meeting-late",
    severity: Severity::Warning,
    smart: &[Smart::T],
    fields: &[],
    source: "001 Child in Need Plan; 002 Process for CIN Planning",
    docs: RuleDocs {
        summary: "Flags a planning meeting held later after the assessment was completed than \
                  the profile allows (by default 10 working days), or not recorded when that \
                  time has passed.",
        why: "\"A Child in Need Planning Meeting should be convened within 10 working days\" of \
              the assessment (001 Child in Need Plan); \"a meeting of the family and all \
              participants to the Plan should be convened within 10 working days of the \
              decision\" (002 Process for CIN Planning).",
        example: "\"assessment_completed\": \"2026-11-02\", \"planning_meeting\": \"2026-11-20\"",
        instead: "\"assessment_completed\": \"2026-11-02\", \"planning_meeting\": \"2026-11-16\"",
    },
};

impl Rule for MeetingLate {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_plan(&self, context: &PlanContext<'_>, findings: &mut Vec<RawFinding>) {
        let plan = context.plan;
        // Child protection plans follow conference timescales, not this one.
        if plan.kind != PlanKind::ChildInNeed {
            return;
        }
        let Some(assessment) = plan.dates.assessment_completed else {
            return;
        };
        let within = &context.profile.timescales.planning_meeting_after_assessment;
        let message = match lateness(
            assessment,
            plan.dates.planning_meeting,
            within,
            context.today,
            context.calendar,
        ) {
            Some(Lateness::Late {
                due,
                happened,
                elapsed,
            }) => format!(
                "The planning meeting on {} was {elapsed} after the assessment was completed on \
                 {}: it was due within {}, by {}.",
                long_date(happened),
                long_date(assessment),
                within.describe(),
                long_date(due)
            ),
            Some(Lateness::Overdue { due }) => format!(
                "No planning meeting date is recorded, and it was due by {} ({} after the \
                 assessment was completed on {}).",
                long_date(due),
                within.describe(),
                long_date(assessment)
            ),
            None => return,
        };
        findings.push(META.finding("/dates/planning_meeting", None, message));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::plan_testing::{
        date, good_plan, plan_findings, plan_findings_under, shipped,
    };
    use crate::rules::testing::test_today;

    const RULE: &str = "meeting-late";

    #[test]
    fn a_meeting_on_the_tenth_working_day_is_on_time() {
        assert!(plan_findings(RULE, &good_plan(), test_today()).is_empty());
    }

    #[test]
    fn a_meeting_after_ten_working_days_is_late() {
        let mut plan = good_plan();
        plan.dates.planning_meeting = Some(date(2026, 11, 17));
        let found = plan_findings(RULE, &plan, test_today());
        assert_eq!(found.len(), 1);
        assert!(
            found[0].message.contains("11 working days"),
            "{}",
            found[0].message
        );
        assert!(
            found[0].message.contains("by 16 November 2026"),
            "{}",
            found[0].message
        );
    }

    #[test]
    fn a_profile_sets_the_timescale() {
        // Leicestershire counts 10 calendar days: 2 November + 10 days is 12 November.
        let plan = good_plan();
        let found = plan_findings_under(RULE, &plan, test_today(), &shipped("leicestershire"));
        assert_eq!(found.len(), 1);
        assert!(found[0].message.contains("14 days"), "{}", found[0].message);
        assert!(
            found[0].message.contains("within 10 days"),
            "{}",
            found[0].message
        );
    }

    #[test]
    fn a_missing_meeting_is_flagged_only_once_it_is_overdue() {
        let mut plan = good_plan();
        plan.dates.planning_meeting = None;
        assert!(plan_findings(RULE, &plan, date(2026, 11, 16)).is_empty());
        assert_eq!(plan_findings(RULE, &plan, date(2026, 11, 17)).len(), 1);
    }
}
