//! `beyond-trajectory`: a plan running past its 12–16 week trajectory.

use super::facts::long_date;
use super::{PlanContext, Rule, RuleDocs, RuleMeta};
use crate::finding::{RawFinding, Severity, Smart};
use crate::plan::PlanKind;
use crate::profile::{Direction, NonWorkingDay, Period};

#[derive(Debug)]
pub struct BeyondTrajectory;

pub static META: RuleMeta = RuleMeta {
    id: "beyond-trajectory",
    severity: Severity::Warning,
    smart: &[Smart::T],
    fields: &[],
    source: "003 OVERVIEW (Keyworkers, Social Workers); 003 Child in Need Plan Progress Review",
    docs: RuleDocs {
        summary: "Flags a plan running longer since its planning meeting than the profile's \
                  trajectory limit (by default 16 weeks; a warning), and points out one past its \
                  target (by default 12 weeks; info).",
        why: "Initial plans have \"a 12-to-16-week trajectory\"; \"where plans exceed this \
              trajectory, there will be a management oversight addressing this\" (003 \
              OVERVIEW). Managers \"should review all cases where the plan has been in place \
              for 16 weeks or more, agree and case note a rationale for their continuance or \
              closure\" (003). Once the rationale is recorded, ignore this finding with the \
              rationale as the reason.",
        example: "\"planning_meeting\": \"2026-11-16\", checked on 2027-03-15 (17 weeks later)",
        instead: "Record the management rationale, or plan the ending by 8 March 2027 (16 weeks)",
    },
};

impl Rule for BeyondTrajectory {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_plan(&self, context: &PlanContext<'_>, findings: &mut Vec<RawFinding>) {
        let plan = context.plan;
        if plan.kind != PlanKind::ChildInNeed {
            return;
        }
        let Some(meeting) = plan.dates.planning_meeting else {
            return;
        };
        let timescales = &context.profile.timescales;
        let after = |period: &Period| {
            period.shift(
                meeting,
                Direction::After,
                context.calendar,
                NonWorkingDay::Keep,
            )
        };
        let (Some(target), Some(oversight)) = (
            after(&timescales.trajectory_target),
            after(&timescales.trajectory_limit),
        ) else {
            return;
        };
        let weeks = (context.today - meeting).num_days() / 7;
        let finding = if context.today > oversight {
            META.finding(
                "",
                None,
                format!(
                    "The plan has run {weeks} weeks since the planning meeting on {}, past its \
                     {} trajectory ({}): a manager must record why it continues, or plan its \
                     ending.",
                    long_date(meeting),
                    timescales.trajectory_limit.describe(),
                    long_date(oversight)
                ),
            )
        } else if context.today > target {
            let mut finding = META.finding(
                "",
                None,
                format!(
                    "The plan has run {weeks} weeks since the planning meeting on {}, past its \
                     {} target ({}): plan the ending, or the oversight needed after {}.",
                    long_date(meeting),
                    timescales.trajectory_target.describe(),
                    long_date(target),
                    long_date(oversight)
                ),
            );
            finding.severity = Severity::Info;
            finding
        } else {
            return;
        };
        findings.push(finding);
    }
}

#[cfg(test)]
mod tests {
    use crate::finding::Severity;
    use crate::rules::plan_testing::{date, good_plan, plan_findings};

    const RULE: &str = "beyond-trajectory";

    // Tommy's planning meeting: 16 November 2026. 12 weeks: 8 February 2027; 16 weeks:
    // 8 March 2027.

    #[test]
    fn within_twelve_weeks_says_nothing() {
        assert!(plan_findings(RULE, &good_plan(), date(2027, 2, 8)).is_empty());
    }

    #[test]
    fn past_twelve_weeks_is_info() {
        let found = plan_findings(RULE, &good_plan(), date(2027, 2, 9));
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].severity, Severity::Info);
        assert_eq!(
            plan_findings(RULE, &good_plan(), date(2027, 3, 8))[0].severity,
            Severity::Info
        );
    }

    #[test]
    fn past_sixteen_weeks_is_a_warning() {
        let found = plan_findings(RULE, &good_plan(), date(2027, 3, 15));
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].severity, Severity::Warning);
        assert!(
            found[0].message.contains("17 weeks"),
            "{}",
            found[0].message
        );
    }

    #[test]
    fn child_protection_plans_are_not_checked() {
        let mut plan = good_plan();
        plan.kind = crate::plan::PlanKind::ChildProtection;
        assert!(plan_findings(RULE, &plan, date(2027, 6, 1)).is_empty());
    }
}
