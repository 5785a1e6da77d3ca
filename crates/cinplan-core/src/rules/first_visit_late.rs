//! `first-visit-late`: the first recorded visit later after allocation than allowed.

use super::facts::{lateness, long_date, Lateness};
use super::{PlanContext, Rule, RuleDocs, RuleMeta};
use crate::finding::{RawFinding, Severity, Smart};

#[derive(Debug)]
pub struct FirstVisitLate;

pub static META: RuleMeta = RuleMeta {
    id: "first-visit-late",
    severity: Severity::Warning,
    smart: &[Smart::T],
    fields: &[],
    source: "003 The Child in Need Progress Plan",
    docs: RuleDocs {
        summary: "Flags a first recorded visit later after the case was allocated than the \
                  profile allows (by default 5 working days). (A plan that records no visits is not checked: the timeline shows \
                  when the first visit is due.)",
        why: "\"All Children in Need must be visited within a minimum of 5 working days from \
              allocation\" (003 The Child in Need Progress Plan).",
        example: "\"allocated\": \"2026-11-03\", \"visits\": [{ \"date\": \"2026-11-13\" }]",
        instead: "\"allocated\": \"2026-11-03\", \"visits\": [{ \"date\": \"2026-11-05\" }]",
    },
};

impl Rule for FirstVisitLate {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_plan(&self, context: &PlanContext<'_>, findings: &mut Vec<RawFinding>) {
        let plan = context.plan;
        let Some(allocated) = plan.dates.allocated else {
            return;
        };
        let Some((index, first)) = plan
            .visits
            .iter()
            .enumerate()
            .filter_map(|(index, visit)| visit.date.map(|date| (index, date)))
            .min_by_key(|(index, date)| (*date, *index))
        else {
            return;
        };
        let within = &context.profile.timescales.first_visit_after_allocation;
        let Some(Lateness::Late {
            due,
            happened,
            elapsed,
        }) = lateness(
            allocated,
            Some(first),
            within,
            context.today,
            context.calendar,
        )
        else {
            return;
        };
        findings.push(META.finding(
            &format!("/visits/{index}/date"),
            None,
            format!(
                "The first visit on {} was {elapsed} after allocation on {}: it was due within \
                 {}, by {}.",
                long_date(happened),
                long_date(allocated),
                within.describe(),
                long_date(due)
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::plan::Visit;
    use crate::rules::plan_testing::{date, good_plan, plan_findings, pointers};
    use crate::rules::testing::test_today;

    const RULE: &str = "first-visit-late";

    fn with_visits(days: &[chrono::NaiveDate]) -> crate::Plan {
        let mut plan = good_plan();
        for day in days {
            plan.visits.push(Visit {
                date: Some(*day),
                ..Visit::default()
            });
        }
        plan
    }

    #[test]
    fn a_first_visit_within_five_working_days_is_on_time() {
        // Allocated on Tuesday 3 November 2026: due by Tuesday 10 November.
        assert!(plan_findings(RULE, &with_visits(&[date(2026, 11, 10)]), test_today()).is_empty());
    }

    #[test]
    fn the_earliest_visit_counts_wherever_it_is_listed() {
        let plan = with_visits(&[date(2026, 11, 20), date(2026, 11, 11)]);
        let found = plan_findings(RULE, &plan, test_today());
        assert_eq!(pointers(&found), ["/visits/1/date"]);
        assert!(
            found[0].message.contains("6 working days"),
            "{}",
            found[0].message
        );
    }

    #[test]
    fn a_plan_recording_no_visits_is_not_checked() {
        assert!(plan_findings(RULE, &good_plan(), test_today()).is_empty());
    }
}
