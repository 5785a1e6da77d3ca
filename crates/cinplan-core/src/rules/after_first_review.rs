//! `after-first-review`: the work starts or finishes only after the first review.

use super::facts::long_date;
use super::{FieldContext, FieldName, Rule, RuleDocs, RuleMeta};
use crate::finding::{RawFinding, RawSuggestion, Severity, Smart};
use crate::timescale::Dated;

#[derive(Debug)]
pub struct AfterFirstReview;

pub static META: RuleMeta = RuleMeta {
    id: "after-first-review",
    severity: Severity::Warning,
    smart: &[Smart::T],
    fields: &[FieldName::ByWhen],
    source: "000 By when?",
    docs: RuleDocs {
        summary: "Flags a \"By when\" whose work starts, or is due, only after the first review, \
                  with no earlier start or step: progress will not be visible at the first \
                  review.",
        why: "\"The starting point for completing this section is that progress should be \
              apparent by the first CIN review. If the tasks identified in the 'actions' \
              column are very unlikely to have been achieved, at least in part, by the first \
              review, then the actions are too broad or unrealistic and need to be amended\" \
              (000 By when?).",
        example: "By 30 April 2027",
        instead: "Referral made by 4 December 2026; first appointment by 30 April 2027",
    },
};

impl Rule for AfterFirstReview {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_field(&self, context: &FieldContext<'_>, findings: &mut Vec<RawFinding>) {
        let (Some(timescale), Some(review)) = (context.timescale, context.plan.dates.first_review)
        else {
            return;
        };
        // The first thing that happens: the start; or, for recurring work with no start
        // date, now; otherwise the earliest date given.
        let earliest: Option<&Dated> = match (&timescale.start, &timescale.cadence) {
            (Some(start), _) => Some(start),
            (None, Some(_)) => None,
            (None, None) => [&timescale.deadline, &timescale.end]
                .into_iter()
                .flatten()
                .filter(|dated| dated.when.date().is_some())
                .min_by_key(|dated| dated.when.date()),
        };
        let Some(earliest) = earliest else {
            return;
        };
        let Some(date) = earliest.when.date() else {
            return;
        };
        if date <= review {
            return;
        }
        let flagged = context.text.get(earliest.span.clone()).unwrap_or_default();
        let review_text = long_date(review);
        let is_start = timescale.start.as_ref() == Some(earliest);
        let mut finding = META.finding(
            context.pointer,
            Some(earliest.span.clone()),
            format!(
                "Nothing happens before {}, after the first review on {review_text}: progress \
                 will not be visible at the review. Add a start or a first step before it.",
                long_date(date)
            ),
        );
        finding.suggestions.push(if is_start {
            RawSuggestion::replace_range(
                format!("Start before the review on {review_text}"),
                "[start date]",
            )
        } else {
            RawSuggestion::replace_range(
                format!("Start before the review on {review_text}"),
                format!("{flagged}, starting on [start date]"),
            )
        });
        findings.push(finding);
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_clean, assert_count, assert_suggestion_result};
    use crate::rules::FieldName::ByWhen;

    const RULE: &str = "after-first-review";

    // Tommy's first review is on 16 February 2027.

    #[test]
    fn a_deadline_after_the_first_review_with_nothing_earlier_is_flagged() {
        assert_count(RULE, ByWhen, "By 30 April 2027", 1);
        assert_count(RULE, ByWhen, "Starting on 1 March 2027", 1);
    }

    #[test]
    fn an_earlier_start_or_recurring_work_passes() {
        assert_clean(
            RULE,
            ByWhen,
            "Starting on 30 November 2026, finished by 30 April 2027",
        );
        assert_clean(RULE, ByWhen, "Weekly until 30 April 2027");
        assert_clean(RULE, ByWhen, "By 15 January 2027");
        assert_clean(RULE, ByWhen, "By the first review");
    }

    #[test]
    fn suggestion_moves_a_late_start_before_the_review() {
        assert_suggestion_result(
            RULE,
            ByWhen,
            "Starting on 1 March 2027",
            "Starting on [start date]",
        );
    }

    #[test]
    fn suggestion_adds_a_start_before_the_review() {
        assert_suggestion_result(
            RULE,
            ByWhen,
            "By 30 April 2027",
            "By 30 April 2027, starting on [start date]",
        );
    }
}
