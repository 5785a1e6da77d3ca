//! `third-review-chair`: the third review not chaired by a manager.

use super::facts::long_date;
use super::{PlanContext, Rule, RuleDocs, RuleMeta};
use crate::finding::{RawFinding, Severity};
use crate::plan::PlanKind;

#[derive(Debug)]
pub struct ThirdReviewChair;

pub static META: RuleMeta = RuleMeta {
    id: "third-review-chair",
    severity: Severity::Warning,
    smart: &[],
    fields: &[],
    source: "001 Review of Child in Need Plan",
    docs: RuleDocs {
        summary: "Flags a third review that is not chaired by a team manager, senior (advanced) \
                  practitioner or senior social work oversight practitioner.",
        why: "\"Any 3rd Child in Need Review Meeting will be chaired by the Advanced Social Work \
              Practitioner / Team Manager to minimise drift\" (001 Review of Child in Need \
              Plan).",
        example: "\"reviews\": [{…}, {…}, { \"date\": \"2027-05-11\", \"chair\": { \"name\": \"Sam Jones\", \"role\": \"social-worker\" } }]",
        instead: "\"reviews\": [{…}, {…}, { \"date\": \"2027-05-11\", \"chair\": { \"name\": \"Ann Lee\", \"role\": \"team-manager\" } }]",
    },
};

impl Rule for ThirdReviewChair {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_plan(&self, context: &PlanContext<'_>, findings: &mut Vec<RawFinding>) {
        let plan = context.plan;
        if plan.kind != PlanKind::ChildInNeed {
            return;
        }
        let Some(&(index, date)) = plan.reviews_by_date().get(2) else {
            return;
        };
        let Some(review) = plan.reviews.get(index) else {
            return;
        };
        let when = date
            .map(|date| format!(" on {}", long_date(date)))
            .unwrap_or_default();
        let message = match &review.chair {
            Some(chair) if chair.role.is_manager() => return,
            Some(chair) if !chair.name.trim().is_empty() => format!(
                "The third review{when} is chaired by {}, who is not recorded as a team manager \
                 or senior practitioner: the third review must be, to prevent drift.",
                chair.name.trim()
            ),
            _ => format!(
                "The third review{when} has no chair recorded: it must be chaired by a team \
                 manager or senior practitioner, to prevent drift."
            ),
        };
        let pointer = if review.chair.is_some() {
            format!("/reviews/{index}/chair")
        } else {
            format!("/reviews/{index}")
        };
        findings.push(META.finding(&pointer, None, message));
    }
}

#[cfg(test)]
mod tests {
    use crate::plan::{Professional, Review, Role};
    use crate::rules::plan_testing::{date, good_plan, plan_findings, pointers};
    use crate::rules::testing::test_today;

    const RULE: &str = "third-review-chair";

    fn review(day: chrono::NaiveDate, role: Option<Role>) -> Review {
        Review {
            date: Some(day),
            chair: role.map(|role| Professional {
                name: "Ann Lee".to_owned(),
                role,
                ..Professional::default()
            }),
            ..Review::default()
        }
    }

    #[test]
    fn a_third_review_chaired_by_a_manager_passes() {
        let mut plan = good_plan();
        plan.reviews = vec![
            review(date(2027, 2, 16), Some(Role::SocialWorker)),
            review(date(2027, 3, 30), Some(Role::SocialWorker)),
            review(date(2027, 5, 11), Some(Role::TeamManager)),
        ];
        assert!(plan_findings(RULE, &plan, test_today()).is_empty());
    }

    #[test]
    fn the_third_by_date_is_checked_wherever_it_is_listed() {
        let mut plan = good_plan();
        plan.reviews = vec![
            review(date(2027, 5, 11), Some(Role::SocialWorker)),
            review(date(2027, 2, 16), Some(Role::TeamManager)),
            review(date(2027, 3, 30), Some(Role::TeamManager)),
        ];
        assert_eq!(
            pointers(&plan_findings(RULE, &plan, test_today())),
            ["/reviews/0/chair"]
        );
    }

    #[test]
    fn a_third_review_with_no_chair_is_flagged() {
        let mut plan = good_plan();
        plan.reviews = vec![
            review(date(2027, 2, 16), None),
            review(date(2027, 3, 30), None),
            review(date(2027, 5, 11), None),
        ];
        assert_eq!(
            pointers(&plan_findings(RULE, &plan, test_today())),
            ["/reviews/2"]
        );
    }

    #[test]
    fn fewer_than_three_reviews_say_nothing() {
        let mut plan = good_plan();
        plan.reviews = vec![review(date(2027, 2, 16), None)];
        assert!(plan_findings(RULE, &plan, test_today()).is_empty());
    }
}
