//! `drift`: actions past their date with no progress recorded at a later review.

use super::facts::long_date;
use super::{PlanContext, Rule, RuleDocs, RuleMeta};
use crate::finding::{RawFinding, RawSuggestion, Severity, Smart};
use crate::plan::ProgressRating;

#[derive(Debug)]
pub struct Drift;

pub static META: RuleMeta = RuleMeta {
    id: "drift",
    severity: Severity::Error,
    smart: &[Smart::T],
    fields: &[],
    source: "000 Outcomes; 002 Concerns related to the effectiveness of multi-agency working; 003 Child in Need Plan Progress Review",
    docs: RuleDocs {
        summary: "Flags an action whose date has passed, and a review has been held since, with \
                  no progress recorded (or recorded as not yet achieved).",
        why: "\"Drift is not an option\" (000 Outcomes). \"Delay and drift with CIN Plan\" is a \
              reason to escalate (002 Concerns related to the effectiveness of multi-agency \
              working). Each review asks \"are timescales being met – is there risk of drift \
              and delay in achieving change?\" (003 Child in Need Plan Progress Review).",
        example: "\"by_when\": \"By 15 January 2027\", \"progress\": \"\", reviewed on 2027-02-16",
        instead: "\"progress\": \"Referral accepted on 12 January; first session on 3 February.\"",
    },
};

impl Rule for Drift {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_plan(&self, context: &PlanContext<'_>, findings: &mut Vec<RawFinding>) {
        let plan = context.plan;
        let held: Vec<_> = plan
            .reviews
            .iter()
            .filter_map(|review| review.date)
            .filter(|date| *date <= context.today)
            .collect();
        if held.is_empty() {
            return;
        }
        for (need_index, need) in plan.needs.iter().enumerate() {
            for (action_index, action) in need.actions.iter().enumerate() {
                let reading = context.read_timescale(&action.by_when);
                let due = reading
                    .deadline
                    .as_ref()
                    .and_then(|dated| dated.when.date())
                    .or_else(|| reading.end.as_ref().and_then(|dated| dated.when.date()));
                let Some(due) = due else { continue };
                let Some(review) = held.iter().filter(|review| **review > due).min() else {
                    continue;
                };
                let no_progress =
                    action.progress.trim().is_empty() && action.progress_rating.is_none();
                let not_yet = action.progress_rating == Some(ProgressRating::NotYet);
                if !no_progress && !not_yet {
                    continue;
                }
                let what = if not_yet {
                    "it is recorded as not yet achieved"
                } else {
                    "no progress is recorded"
                };
                let mut finding = META.finding(
                    &format!("/needs/{need_index}/actions/{action_index}/progress"),
                    None,
                    format!(
                        "This action was due by {}, the review on {} has been held since, and \
                         {what}: record what has happened, and agree a new plan for it.",
                        long_date(due),
                        long_date(*review)
                    ),
                );
                finding.suggestions.push(RawSuggestion::replace_field(
                    "Record the progress",
                    format!("At the review on {}: [what has been done, and what is still to do, by whom and by when].", long_date(*review)),
                ));
                findings.push(finding);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::plan::{ProgressRating, Review};
    use crate::rules::plan_testing::{date, good_plan, plan_findings, pointers};

    const RULE: &str = "drift";

    fn reviewed_plan(by_when: &str) -> crate::Plan {
        let mut plan = good_plan();
        plan.needs[0].actions[0].by_when = by_when.to_owned();
        plan.reviews.push(Review {
            date: Some(date(2027, 2, 16)),
            ..Review::default()
        });
        plan
    }

    #[test]
    fn a_past_action_with_no_progress_at_a_later_review_is_drift() {
        let plan = reviewed_plan("By 15 January 2027");
        let found = plan_findings(RULE, &plan, date(2027, 2, 20));
        assert_eq!(pointers(&found), ["/needs/0/actions/0/progress"]);
        assert!(
            found[0].message.contains("15 January 2027"),
            "{}",
            found[0].message
        );
    }

    #[test]
    fn not_yet_achieved_at_a_later_review_is_drift() {
        let mut plan = reviewed_plan("By 15 January 2027");
        plan.needs[0].actions[0].progress =
            "Mum has not been able to make the appointments.".to_owned();
        plan.needs[0].actions[0].progress_rating = Some(ProgressRating::NotYet);
        assert_eq!(plan_findings(RULE, &plan, date(2027, 2, 20)).len(), 1);
    }

    #[test]
    fn recorded_progress_is_not_drift() {
        let mut plan = reviewed_plan("By 15 January 2027");
        plan.needs[0].actions[0].progress = "Three of four sessions attended.".to_owned();
        assert!(plan_findings(RULE, &plan, date(2027, 2, 20)).is_empty());
    }

    /// The plan rules take a row's reading from the field checks when they share one, so
    /// that a check reads every "By when" once.
    #[test]
    fn the_reading_the_field_checks_share_is_the_one_used() {
        use crate::rules::facts::read_plan_timescale;
        use crate::rules::{PlanContext, Rule, TimescaleReadings};
        let plan = reviewed_plan("By 15 January 2027");
        let profile = crate::profile::Profile::default_profile();
        let calendar = crate::check::calendar_for(&plan, &profile);
        let today = date(2027, 2, 20);
        let run = |readings: Option<&TimescaleReadings<'_>>| {
            let context = PlanContext {
                plan: &plan,
                profile: &profile,
                today,
                calendar: &calendar,
                readings,
            };
            let mut findings = Vec::new();
            super::Drift.check_plan(&context, &mut findings);
            findings
        };
        let own = read_plan_timescale(&plan, "By 15 January 2027", today, &calendar);
        let shared = TimescaleReadings::new([("By 15 January 2027", &own)]);
        assert_eq!(run(Some(&shared)), run(None));
        assert_eq!(run(None).len(), 1);
        // A reading given for the text is taken as it is: this one is due after the review.
        let later = read_plan_timescale(&plan, "By 30 March 2027", today, &calendar);
        let misattributed = TimescaleReadings::new([("By 15 January 2027", &later)]);
        assert!(run(Some(&misattributed)).is_empty());
    }

    #[test]
    fn no_review_since_the_date_is_not_drift_yet() {
        let plan = reviewed_plan("By 30 March 2027");
        assert!(plan_findings(RULE, &plan, date(2027, 4, 2)).is_empty());
        // A review planned for the future has not been held.
        let plan = reviewed_plan("By 15 January 2027");
        assert!(plan_findings(RULE, &plan, date(2027, 2, 1)).is_empty());
    }
}
