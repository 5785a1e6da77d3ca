//! `date-in-past`: a date in "By when" before the plan started, or already past.

use super::facts::{action_row, long_date};
use super::{FieldContext, FieldName, Rule, RuleDocs, RuleMeta};
use crate::finding::{RawFinding, RawSuggestion, Severity, Smart};
use crate::timescale::{Dated, When};

#[derive(Debug)]
pub struct DateInPast;

pub static META: RuleMeta = RuleMeta {
    id: "date-in-past",
    severity: Severity::Warning,
    smart: &[Smart::T],
    fields: &[FieldName::ByWhen],
    source: "000 By when?",
    docs: RuleDocs {
        summary: "Flags a date in \"By when\" that is before the plan started (its planning \
                  meeting), or that is already past while no progress is recorded for the \
                  action. Work that has started and runs until a later date or review is \
                  under way, not late.",
        why: "\"By when\" says when work starts and ends so that progress can be seen by the \
              first review (000 By when?). A date before the plan began is usually a typing \
              slip or a line carried over from an old plan; a date already past with no \
              progress recorded needs the date or the progress updating. Once a review has \
              been held after the date, drift says so instead.",
        example: "By 30 October 2026",
        instead: "By 15 January 2027",
    },
};

impl Rule for DateInPast {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_field(&self, context: &FieldContext<'_>, findings: &mut Vec<RawFinding>) {
        let Some(timescale) = context.timescale else {
            return;
        };
        let plan = context.plan;
        let plan_start = plan
            .dates
            .planning_meeting
            .or(plan.dates.assessment_completed);
        let written = |dated: &&Dated| matches!(dated.when, When::Date { .. });
        let points: Vec<&Dated> = [&timescale.start, &timescale.deadline, &timescale.end]
            .into_iter()
            .flatten()
            .filter(written)
            .collect();
        let mut flagged_any = false;
        for dated in &points {
            let Some(date) = dated.when.date() else {
                continue;
            };
            if let Some(start) = plan_start.filter(|start| date < *start) {
                flagged_any = true;
                findings.push(self.finding(
                    context,
                    dated,
                    format!(
                        "{} is before the plan started ({}, {}): check the date.",
                        long_date(date),
                        if plan.dates.planning_meeting.is_some() {
                            "planning meeting"
                        } else {
                            "assessment completed"
                        },
                        long_date(start)
                    ),
                ));
            }
        }
        if flagged_any {
            return;
        }
        // The date the work should be finished by: the deadline, or the end of recurring
        // work, or the start when that is all there is. Work that started in the past and
        // runs until a later point ("starting on 30 November, until the review on …") is
        // under way, not late, so a past start is only looked at when nothing follows it;
        // and only a date written out is checked (a plan event's lateness is drift's).
        let finish = [&timescale.deadline, &timescale.end, &timescale.start]
            .into_iter()
            .flatten()
            .next();
        let Some(finish) = finish.filter(written) else {
            return;
        };
        let Some(date) = finish.when.date() else {
            return;
        };
        if date >= context.today {
            return;
        }
        let row = action_row(plan, context.need_index, context.action_index);
        let progress_recorded =
            row.is_some_and(|row| !row.progress.trim().is_empty() || row.progress_rating.is_some());
        let reviewed_since = plan
            .reviews
            .iter()
            .filter_map(|review| review.date)
            .any(|review| review >= date && review <= context.today);
        if progress_recorded || reviewed_since {
            return;
        }
        findings.push(self.finding(
            context,
            finish,
            format!(
                "{} is already past (today is {}) and no progress is recorded: check the date, \
                 or record the progress.",
                long_date(date),
                long_date(context.today)
            ),
        ));
    }
}

impl DateInPast {
    fn finding(&self, context: &FieldContext<'_>, dated: &Dated, message: String) -> RawFinding {
        let mut finding = META.finding(context.pointer, Some(dated.span.clone()), message);
        finding.suggestions.push(RawSuggestion::advice(
            "Check the date",
            "Write the date it will really happen, in words: \"15 January 2027\".",
        ));
        finding
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::plan_testing::{good_plan, row_findings};
    use crate::rules::testing::{assert_clean, assert_count};
    use crate::rules::FieldName::ByWhen;

    const RULE: &str = "date-in-past";

    // Tommy's planning meeting was on 16 November 2026; the tests' today is 23 November.

    #[test]
    fn a_date_before_the_planning_meeting_is_flagged() {
        assert_count(RULE, ByWhen, "By 30 October 2026", 1);
        assert_count(
            RULE,
            ByWhen,
            "Weekly from 2 November 2026 until 16 February 2027",
            1,
        );
    }

    #[test]
    fn a_past_date_with_no_progress_is_flagged() {
        assert_count(RULE, ByWhen, "By 20 November 2026", 1);
    }

    #[test]
    fn work_under_way_until_a_later_point_is_not_past() {
        // Started a few days ago (after the planning meeting), runs until the first review
        // or a written date: under way, not late.
        assert_clean(
            RULE,
            ByWhen,
            "Fortnightly sessions with Tommy, starting on 18 November 2026, until the review \
             on 16 February 2027",
        );
        assert_clean(
            RULE,
            ByWhen,
            "Weekly from 18 November 2026 until the first review",
        );
        assert_clean(
            RULE,
            ByWhen,
            "Weekly from 18 November 2026 until 16 February 2027",
        );
        // A start that is all there is, already past, is still worth a look.
        assert_count(RULE, ByWhen, "Starting on 18 November 2026", 1);
    }

    #[test]
    fn future_dates_pass() {
        assert_clean(RULE, ByWhen, "By 15 January 2027");
        assert_clean(
            RULE,
            ByWhen,
            "Starting on 23 November 2026, until the review on 16 February 2027",
        );
    }

    #[test]
    fn recorded_progress_or_a_later_review_silences_a_past_date() {
        let mut plan = good_plan();
        plan.needs[0].actions[0].progress = "Referral made on 19 November.".to_owned();
        assert!(row_findings(RULE, ByWhen, "By 20 November 2026", &plan).is_empty());
        let mut plan = good_plan();
        plan.reviews.push(crate::plan::Review {
            date: chrono::NaiveDate::from_ymd_opt(2026, 11, 21),
            ..Default::default()
        });
        assert!(row_findings(RULE, ByWhen, "By 20 November 2026", &plan).is_empty());
    }
}
