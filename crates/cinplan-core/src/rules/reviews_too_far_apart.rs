//! `reviews-too-far-apart`: reviews further apart than the maximum.

use chrono::NaiveDate;

use super::facts::long_date;
use super::limits::{describe_frequency, exceeded_by, latest_after, plain_phrase, review_limit};
use super::{PlanContext, Rule, RuleDocs, RuleMeta};
use crate::finding::{RawFinding, RawSuggestion, Severity, Smart};
use crate::plan::PlanKind;
use crate::profile::Period;

#[derive(Debug)]
pub struct ReviewsTooFarApart;

pub static META: RuleMeta = RuleMeta {
    id: "reviews-too-far-apart",
    severity: Severity::Error,
    smart: &[Smart::T],
    fields: &[],
    source: "000 Quality Standards; 001 Review of Child in Need Plan; 002 Process for CIN Planning; 003 Child in Need Plan Progress Review",
    docs: RuleDocs {
        summary: "Flags reviews further apart than the profile's maximum (by default 3 months): \
                  in the stated review frequency, between the planning meeting and the first \
                  review, and between reviews held.",
        why: "\"This Plan should be reviewed and updated at a minimum of 3 monthly intervals\" \
              (000 Quality Standards); reviews \"at six weekly intervals\", \"up to three \
              monthly\" (001 Review of Child in Need Plan); \"a maximum of three monthly\" (002 \
              Process for CIN Planning). Some areas set 6 weeks (003 Child in Need Plan \
              Progress Review); their profile says so.",
        example: "\"review_frequency\": \"Every 4 months\"",
        instead: "\"review_frequency\": \"Every 6 weeks\"",
    },
};

impl Rule for ReviewsTooFarApart {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_plan(&self, context: &PlanContext<'_>, findings: &mut Vec<RawFinding>) {
        let plan = context.plan;
        // Child protection plans are reviewed at conferences, on their own timescales.
        if plan.kind != PlanKind::ChildInNeed {
            return;
        }
        let limit = review_limit(context.profile);
        let reading = context.read_timescale(&plan.review_frequency);
        if let Some(cadence) = reading
            .cadence
            .as_ref()
            .filter(|cadence| exceeded_by(limit, &cadence.frequency))
        {
            let mut finding = META.finding(
                "/review_frequency",
                Some(cadence.span.clone()),
                format!(
                    "Reviews {} are further apart than the maximum: review the plan at least {}.",
                    describe_frequency(&cadence.frequency),
                    plain_phrase(limit)
                ),
            );
            finding.suggestions.push(RawSuggestion::replace_range(
                "Review at least as often as the maximum",
                plain_phrase(limit),
            ));
            findings.push(finding);
        }

        if let (Some(meeting), Some(first_review)) =
            (plan.dates.planning_meeting, plan.dates.first_review)
        {
            if let Some(latest) = too_late(meeting, first_review, limit, context) {
                findings.push(META.finding(
                    "/dates/first_review",
                    None,
                    format!(
                        "The first review on {} is more than {} after the planning meeting on \
                         {}: hold it by {}.",
                        long_date(first_review),
                        limit.describe(),
                        long_date(meeting),
                        long_date(latest)
                    ),
                ));
            }
        }

        // In date order (the undated ones, last, are left out).
        let held: Vec<(usize, NaiveDate)> = plan
            .reviews_by_date()
            .into_iter()
            .filter_map(|(index, date)| Some((index, date?)))
            .collect();
        for pair in held.windows(2) {
            let [(_, earlier), (index, later)] = pair else {
                continue;
            };
            if let Some(latest) = too_late(*earlier, *later, limit, context) {
                findings.push(META.finding(
                    &format!("/reviews/{index}/date"),
                    None,
                    format!(
                        "The review on {} came more than {} after the one on {} (it was due by \
                         {}).",
                        long_date(*later),
                        limit.describe(),
                        long_date(*earlier),
                        long_date(latest)
                    ),
                ));
            }
        }
    }
}

/// The latest allowed date, when `later` comes after it.
fn too_late(
    earlier: NaiveDate,
    later: NaiveDate,
    limit: &Period,
    context: &PlanContext<'_>,
) -> Option<NaiveDate> {
    latest_after(limit, earlier, context.calendar).filter(|latest| later > *latest)
}

#[cfg(test)]
mod tests {
    use crate::plan::Review;
    use crate::rules::plan_testing::{
        date, good_plan, plan_findings, plan_findings_under, pointers, shipped,
    };
    use crate::rules::testing::test_today;

    const RULE: &str = "reviews-too-far-apart";

    #[test]
    fn the_good_plan_reviews_within_three_months() {
        assert!(plan_findings(RULE, &good_plan(), test_today()).is_empty());
    }

    #[test]
    fn a_frequency_longer_than_three_months_is_flagged() {
        let mut plan = good_plan();
        plan.review_frequency = "Every 4 months".to_owned();
        let found = plan_findings(RULE, &plan, test_today());
        assert_eq!(pointers(&found), ["/review_frequency"]);
        assert_eq!(found[0].suggestions[0].replacement, "every 3 months");
    }

    #[test]
    fn a_profile_sets_the_limit() {
        // Leicestershire reviews at least every 6 weeks.
        let found =
            plan_findings_under(RULE, &good_plan(), test_today(), &shipped("leicestershire"));
        assert_eq!(
            pointers(&found),
            ["/review_frequency", "/dates/first_review"]
        );
        assert_eq!(found[0].suggestions[0].replacement, "every 6 weeks");
    }

    #[test]
    fn a_first_review_too_long_after_the_meeting_is_flagged() {
        let mut plan = good_plan();
        plan.dates.first_review = Some(date(2027, 2, 17));
        let found = plan_findings(RULE, &plan, test_today());
        assert_eq!(pointers(&found), ["/dates/first_review"]);
        assert!(
            found[0].message.contains("16 February 2027"),
            "{}",
            found[0].message
        );
    }

    #[test]
    fn reviews_held_too_far_apart_are_flagged() {
        let mut plan = good_plan();
        for day in [date(2027, 2, 16), date(2027, 6, 1), date(2027, 7, 1)] {
            plan.reviews.push(Review {
                date: Some(day),
                ..Review::default()
            });
        }
        assert_eq!(
            pointers(&plan_findings(RULE, &plan, date(2027, 7, 2))),
            ["/reviews/1/date"]
        );
    }
}
