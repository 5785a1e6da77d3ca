//! Every rule, in alphabetical order of id. A new rule is a new file plus one line here.

use super::Rule;

/// All rules, sorted by id.
pub fn all() -> &'static [&'static dyn Rule] {
    &[
        &super::after_first_review::AfterFirstReview,
        &super::beyond_trajectory::BeyondTrajectory,
        &super::copy_late::CopyLate,
        &super::date_in_past::DateInPast,
        &super::drift::Drift,
        &super::empty_field::EmptyField,
        &super::first_visit_late::FirstVisitLate,
        &super::hard_to_read::HardToRead,
        &super::hidden_actor::HiddenActor,
        &super::jargon::Jargon,
        &super::meeting_late::MeetingLate,
        &super::missing_timescale::MissingTimescale,
        &super::negative_framing::NegativeFraming,
        &super::no_child_view::NoChildView,
        &super::no_contingency::NoContingency,
        &super::no_parent_view::NoParentView,
        &super::no_review_frequency::NoReviewFrequency,
        &super::no_visiting_frequency::NoVisitingFrequency,
        &super::non_working_day::NonWorkingDay,
        &super::outcome_not_child_focused::OutcomeNotChildFocused,
        &super::outcome_not_measurable::OutcomeNotMeasurable,
        &super::owner_churn::OwnerChurn,
        &super::reviews_too_far_apart::ReviewsTooFarApart,
        &super::subjective_term::SubjectiveTerm,
        &super::third_review_chair::ThirdReviewChair,
        &super::unnamed_owner::UnnamedOwner,
        &super::unparsed_date::UnparsedDate,
        &super::unrealistic_action::UnrealisticAction,
        &super::vague_need::VagueNeed,
        &super::vague_term::VagueTerm,
        &super::vague_timescale::VagueTimescale,
        &super::visits_too_far_apart::VisitsTooFarApart,
        &super::woolly_term::WoollyTerm,
    ]
}

/// A rule by id.
pub fn find(id: &str) -> Option<&'static dyn Rule> {
    all().iter().copied().find(|rule| rule.meta().id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_are_listed_once_in_alphabetical_order() {
        let ids: Vec<&str> = all().iter().map(|rule| rule.meta().id).collect();
        let mut sorted = ids.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(ids, sorted);
    }

    #[test]
    fn find_looks_rules_up_by_id() {
        assert_eq!(
            find("unnamed-owner").map(|rule| rule.meta().id),
            Some("unnamed-owner")
        );
        assert!(find("no-such-rule").is_none());
    }
}
