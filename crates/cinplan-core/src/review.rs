//! Reviews: filling in progress before a review, recording the review, and carrying the
//! plan forward into its next version (guidance 000, "The review process").
//!
//! # The review process, step by step
//! 1. Before the review, the practitioner fills in each action's progress: a rating
//!    (`Action::progress_rating`: achieved, partly, not yet) and words (`Action::progress`).
//!    [`progress_sheet`] lists every action with its due date and says which ones are
//!    drifting (past their date with no progress recorded), so nothing is missed
//!    (000 step 4; 002 "Delay and drift with CIN Plan").
//! 2. At the review the chair records the date and themselves.
//! 3. [`start_next_version`] then "opens a new Plan and Review form" and "grabs the plan"
//!    (000 steps 10–11): it returns the next version of the plan, with
//!    - the review added to `reviews` (the whole history, so [`review_count`] counts it and
//!      the timeline moves the next review on from it);
//!    - the version as it stood at the review, with its progress and this review, pushed
//!      onto `previous_versions` as a read-only copy (its own `previous_versions` left out:
//!      the list is kept once, on the live plan, oldest first);
//!    - the needs and actions carried forward (see [`CarryForward`] for what happens to
//!      achieved actions and to progress).
//! 4. New needs and actions are added to the new version (000 step 6), either passed in
//!    [`CarryForward::new_needs`] or typed afterwards.
//!
//! # Decisions
//! - Achieved actions are left in the previous version by default and not carried forward:
//!   "Plans may change and evolve as smaller outcomes are achieved and replaced by more
//!   complex outcomes" (004, "What we need to consider"), and "take out anything that is
//!   not going to address any of the key risks" (004, "Keep it simple"). A need whose every
//!   action was achieved goes with them. They stay viewable in the previous version.
//!   [`AchievedActions::Keep`] carries them forward instead, still rated achieved.
//! - Progress words are carried forward (000 step 4: "fill in the Progress achieved
//!   column, or edit if second or subsequent review"); the rating is cleared, because it
//!   rates progress at one review and must be given afresh before the next.
//! - `dates` are kept: `first_review` stays the date of the first review (a fact of the
//!   plan's history the timeline counts from); the next review is due after the last
//!   recorded one, which [`next_review_date`] reads from the timeline.
//! - The third review must be chaired by a team manager or senior practitioner (001,
//!   "Review of Child in Need Plan": "Any 3rd Child in Need Review Meeting will be chaired
//!   by the Advanced Social Work Practitioner / Team Manager to minimise drift").
//!   [`third_review_needs_manager`] says when the next review is that one;
//!   [`start_next_version`] records whoever chaired, as it happened, and the
//!   `third-review-chair` rule speaks if it was not a manager.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::check::calendar_for;
use crate::plan::{Need, Plan, ProgressRating, Review};
use crate::profile::Profile;
use crate::timeline::{timeline, EventKind, EventState, Timeline};
use crate::timescale::{read_timescale, ReadingContext};

/// Which review is chaired by a manager (001: "Any 3rd Child in Need Review Meeting").
pub const MANAGER_CHAIRED_REVIEW: usize = 3;

/// What happens to achieved actions when the plan is carried forward.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AchievedActions {
    /// Not carried forward: they stay in the previous version (the default; see the module
    /// documentation).
    #[default]
    LeaveInPreviousVersion,
    /// Carried forward, still rated achieved, so the new version shows them as done.
    Keep,
}

/// How [`start_next_version_with`] carries the plan forward.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CarryForward {
    #[serde(default)]
    pub achieved: AchievedActions,
    /// New needs (with their actions) arising from the review, added after the carried
    /// ones (000 step 6: "add any new needs and actions to the Plan arising from the
    /// Review").
    #[serde(default)]
    pub new_needs: Vec<Need>,
}

/// How many reviews the plan records.
pub fn review_count(plan: &Plan) -> usize {
    plan.reviews.len()
}

/// The number the next review will have (1 for the first).
pub fn next_review_number(plan: &Plan) -> usize {
    review_count(plan) + 1
}

/// Whether the next review is the third, which a team manager or senior practitioner must
/// chair (001). The editor asks for a manager as chair when this is true.
pub fn third_review_needs_manager(plan: &Plan) -> bool {
    next_review_number(plan) == MANAGER_CHAIRED_REVIEW
}

/// Whether the third review, once held, was chaired by a manager: `None` before it is
/// held; `Some(false)` when its chair is missing or is not a manager.
pub fn third_review_chaired_by_manager(plan: &Plan) -> Option<bool> {
    let third = plan.reviews.get(MANAGER_CHAIRED_REVIEW - 1)?;
    Some(
        third
            .chair
            .as_ref()
            .is_some_and(|chair| chair.role.is_manager()),
    )
}

/// The version number of the plan: 1 for a plan never carried forward.
pub fn version_number(plan: &Plan) -> usize {
    plan.previous_versions.len() + 1
}

/// Carries the plan forward after a review, with the default [`CarryForward`]: records the
/// review, keeps the current version read-only in `previous_versions`, and carries
/// forward every need and action not yet achieved. See the module documentation.
pub fn start_next_version(plan: &Plan, review: Review) -> Plan {
    start_next_version_with(plan, review, &CarryForward::default())
}

/// [`start_next_version`] with a choice of what happens to achieved actions and new
/// needs to add.
pub fn start_next_version_with(plan: &Plan, review: Review, options: &CarryForward) -> Plan {
    let mut snapshot = plan.clone();
    let mut history = std::mem::take(&mut snapshot.previous_versions);
    snapshot.reviews.push(review.clone());

    let mut next = plan.clone();
    next.reviews.push(review);
    next.needs = carried_needs(&plan.needs, options.achieved);
    next.needs.extend(options.new_needs.iter().cloned());

    history.push(snapshot);
    next.previous_versions = history;
    next
}

fn carried_needs(needs: &[Need], achieved: AchievedActions) -> Vec<Need> {
    needs
        .iter()
        .filter_map(|need| {
            let mut carried = need.clone();
            if achieved == AchievedActions::LeaveInPreviousVersion {
                carried
                    .actions
                    .retain(|action| action.progress_rating != Some(ProgressRating::Achieved));
                // A need whose every action was achieved has been met; one that never had
                // an action has not, and is carried so that the gap stays visible.
                if carried.actions.is_empty() && !need.actions.is_empty() {
                    return None;
                }
            }
            for action in &mut carried.actions {
                if action.progress_rating != Some(ProgressRating::Achieved) {
                    action.progress_rating = None;
                }
            }
            Some(carried)
        })
        .collect()
}

/// A version of the plan, for a list of versions to choose from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VersionSummary {
    /// 1 for the first version; the live plan has the highest number.
    pub number: usize,
    /// Whether this is the live plan (editable) rather than a kept earlier version.
    pub current: bool,
    /// The review that closed this version: its date and chair's name, when recorded.
    pub closed_by_review_on: Option<NaiveDate>,
    pub chair: Option<String>,
    pub needs: usize,
    pub actions: usize,
}

/// Every version of the plan, oldest first, the live plan last.
pub fn versions(plan: &Plan) -> Vec<VersionSummary> {
    let count = version_number(plan);
    plan.previous_versions
        .iter()
        .chain(std::iter::once(plan))
        .enumerate()
        .map(|(index, version)| {
            let current = index + 1 == count;
            // A kept version ends with the review that closed it; the live plan's last
            // review closed the version before it, not this one.
            let closing = (!current).then(|| version.reviews.last()).flatten();
            VersionSummary {
                number: index + 1,
                current,
                closed_by_review_on: closing.and_then(|review| review.date),
                chair: closing
                    .and_then(|review| review.chair.as_ref())
                    .map(|chair| chair.name.trim().to_owned())
                    .filter(|name| !name.is_empty()),
                needs: version.needs.len(),
                actions: version.needs.iter().map(|need| need.actions.len()).sum(),
            }
        })
        .collect()
}

/// Version `number` (1-based, as in [`versions`]): a kept one, or the live plan itself.
pub fn version(plan: &Plan, number: usize) -> Option<&Plan> {
    if number == version_number(plan) {
        return Some(plan);
    }
    plan.previous_versions.get(number.checked_sub(1)?)
}

/// When the next review is due: the first review date until a review is held, then the
/// next review the timeline projects from the last one held (the plan's review frequency,
/// capped by the profile). `None` when the plan gives nothing to count from.
pub fn next_review_date(plan: &Plan, profile: &Profile, today: NaiveDate) -> Option<NaiveDate> {
    next_review_in(&timeline(plan, profile, today))
}

fn next_review_in(timeline: &Timeline) -> Option<NaiveDate> {
    timeline
        .events
        .iter()
        .filter(|event| event.kind == EventKind::ReviewDue && event.state != EventState::Done)
        .map(|event| event.date)
        .min()
}

/// Where an action stands before a review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ActionStatus {
    /// Rated achieved.
    Achieved,
    /// Its date has passed and no progress is recorded, neither a rating nor words: the
    /// plan is drifting (000 "By when?"; 002 "Delay and drift with CIN Plan").
    Drifting,
    /// Its date has passed, and progress is recorded but it is not achieved.
    PastDateNotAchieved,
    /// Its date has not come yet.
    NotDueYet,
    /// Its "By when" gives no date to judge it by.
    NoDate,
}

/// One row of the progress sheet filled in before a review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgressRow {
    pub need_index: usize,
    pub action_index: usize,
    /// JSON Pointer of the action, e.g. `/needs/0/actions/1`; its `progress` and
    /// `progress_rating` fields are what the sheet edits.
    pub pointer: String,
    pub need: String,
    pub action: String,
    pub by_whom: String,
    pub by_when: String,
    /// The date the action is due by: its deadline on the timeline, or the last of its
    /// sessions when it is recurring work with no deadline.
    pub due: Option<NaiveDate>,
    pub rating: Option<ProgressRating>,
    pub progress: String,
    pub status: ActionStatus,
}

/// Every action with its due date and status on `today`, in plan order, for filling in
/// progress before a review.
pub fn progress_sheet(plan: &Plan, profile: &Profile, today: NaiveDate) -> Vec<ProgressRow> {
    let timeline = timeline(plan, profile, today);
    let calendar = calendar_for(plan, profile);
    let mut rows = Vec::new();
    for (need_index, need) in plan.needs.iter().enumerate() {
        for (action_index, action) in need.actions.iter().enumerate() {
            let pointer = format!("/needs/{need_index}/actions/{action_index}");
            let by_when_pointer = format!("{pointer}/by_when");
            let reading = read_timescale(
                &action.by_when,
                &ReadingContext {
                    dates: &plan.dates,
                    today,
                    calendar: &calendar,
                },
            );
            let written =
                |dated: Option<crate::timescale::Dated>| dated.and_then(|dated| dated.when.date());
            // The deadline on the timeline, else the one written, else the end written
            // ("until the review on …"), else the last session the timeline projects.
            let due = deadline_on_timeline(&timeline, &by_when_pointer)
                .or_else(|| written(reading.deadline))
                .or_else(|| written(reading.end))
                .or_else(|| last_session_on_timeline(&timeline, &by_when_pointer));
            let status = status_of(action.progress_rating, &action.progress, due, today);
            rows.push(ProgressRow {
                need_index,
                action_index,
                pointer,
                need: need.need.clone(),
                action: action.action.clone(),
                by_whom: action.by_whom.clone(),
                by_when: action.by_when.clone(),
                due,
                rating: action.progress_rating,
                progress: action.progress.clone(),
                status,
            });
        }
    }
    rows
}

/// An action's status on `today` from its rating, progress words and due date.
pub fn status_of(
    rating: Option<ProgressRating>,
    progress: &str,
    due: Option<NaiveDate>,
    today: NaiveDate,
) -> ActionStatus {
    let recorded = rating.is_some() || !progress.trim().is_empty();
    match (rating, due) {
        (Some(ProgressRating::Achieved), _) => ActionStatus::Achieved,
        (_, None) => ActionStatus::NoDate,
        (_, Some(due)) if due >= today => ActionStatus::NotDueYet,
        _ if recorded => ActionStatus::PastDateNotAchieved,
        _ => ActionStatus::Drifting,
    }
}

fn deadline_on_timeline(timeline: &Timeline, by_when_pointer: &str) -> Option<NaiveDate> {
    timeline
        .events
        .iter()
        .filter(|event| event.source == by_when_pointer && event.kind == EventKind::ActionDue)
        .map(|event| event.date)
        .min()
}

fn last_session_on_timeline(timeline: &Timeline, by_when_pointer: &str) -> Option<NaiveDate> {
    timeline
        .events
        .iter()
        .filter(|event| event.source == by_when_pointer && event.kind == EventKind::ActionSession)
        .map(|event| event.date)
        .max()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{Action, Professional, Role};

    fn tommy() -> Plan {
        Plan::from_json(include_str!("../tests/fixtures/tommy-good.json")).expect("fixture")
    }

    fn day(year: i32, month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(year, month, day).expect("valid date")
    }

    fn review_on(date: NaiveDate, chair: &str, role: Role) -> Review {
        Review {
            date: Some(date),
            chair: Some(Professional {
                name: chair.to_owned(),
                role,
                ..Professional::default()
            }),
            notes: "Progress discussed with Mum, step-dad and Tommy.".to_owned(),
            ..Review::default()
        }
    }

    fn rate(plan: &mut Plan, need: usize, action: usize, rating: ProgressRating, words: &str) {
        let action = &mut plan.needs[need].actions[action];
        action.progress_rating = Some(rating);
        action.progress = words.to_owned();
    }

    #[test]
    fn the_review_is_recorded_and_counted() {
        let plan = tommy();
        assert_eq!(review_count(&plan), 0);
        let next = start_next_version(
            &plan,
            review_on(day(2027, 2, 16), "Ann Lee", Role::TeamManager),
        );
        assert_eq!(review_count(&next), 1);
        assert_eq!(next.reviews[0].date, Some(day(2027, 2, 16)));
        assert_eq!(
            next.reviews[0]
                .chair
                .as_ref()
                .map(|chair| chair.name.as_str()),
            Some("Ann Lee")
        );
    }

    #[test]
    fn the_old_version_is_kept_as_it_stood_at_the_review() {
        let mut plan = tommy();
        rate(
            &mut plan,
            0,
            1,
            ProgressRating::Partly,
            "Five of six sessions held.",
        );
        let review = review_on(day(2027, 2, 16), "Ann Lee", Role::TeamManager);
        let next = start_next_version(&plan, review.clone());
        assert_eq!(next.previous_versions.len(), 1);
        let kept = &next.previous_versions[0];
        assert_eq!(kept.needs, plan.needs, "progress kept exactly as rated");
        assert_eq!(kept.reviews, vec![review]);
        assert!(kept.previous_versions.is_empty());
    }

    #[test]
    fn versions_accumulate_oldest_first_without_nesting() {
        let plan = tommy();
        let second = start_next_version(
            &plan,
            review_on(day(2027, 2, 16), "Sam Jones", Role::SocialWorker),
        );
        let third = start_next_version(
            &second,
            review_on(day(2027, 5, 11), "Sam Jones", Role::SocialWorker),
        );
        assert_eq!(version_number(&third), 3);
        assert_eq!(third.previous_versions.len(), 2);
        assert!(third
            .previous_versions
            .iter()
            .all(|version| version.previous_versions.is_empty()));
        assert_eq!(third.previous_versions[0].reviews.len(), 1);
        assert_eq!(third.previous_versions[1].reviews.len(), 2);
        let summaries = versions(&third);
        assert_eq!(
            summaries
                .iter()
                .map(|summary| (summary.number, summary.current, summary.closed_by_review_on))
                .collect::<Vec<_>>(),
            vec![
                (1, false, Some(day(2027, 2, 16))),
                (2, false, Some(day(2027, 5, 11))),
                (3, true, None)
            ]
        );
        assert_eq!(version(&third, 1), third.previous_versions.first());
        assert_eq!(version(&third, 3), Some(&third));
        assert_eq!(version(&third, 0), None);
        assert_eq!(version(&third, 4), None);
    }

    #[test]
    fn achieved_actions_stay_in_the_previous_version() {
        let mut plan = tommy();
        rate(
            &mut plan,
            0,
            0,
            ProgressRating::Achieved,
            "All twelve New Way sessions kept.",
        );
        rate(
            &mut plan,
            0,
            1,
            ProgressRating::Partly,
            "Five of six sessions held.",
        );
        let next = start_next_version(
            &plan,
            review_on(day(2027, 2, 16), "Ann Lee", Role::TeamManager),
        );
        assert_eq!(next.needs.len(), 1);
        assert_eq!(next.needs[0].actions.len(), 1);
        let carried = &next.needs[0].actions[0];
        assert_eq!(carried.action, plan.needs[0].actions[1].action);
        assert_eq!(
            carried.progress, "Five of six sessions held.",
            "words carried to edit"
        );
        assert_eq!(
            carried.progress_rating, None,
            "rated afresh before the next review"
        );
        assert_eq!(next.previous_versions[0].needs[0].actions.len(), 2);
    }

    #[test]
    fn a_need_met_in_full_is_not_carried_but_one_without_actions_is() {
        let mut plan = tommy();
        rate(&mut plan, 0, 0, ProgressRating::Achieved, "Done.");
        rate(&mut plan, 0, 1, ProgressRating::Achieved, "Done.");
        plan.needs.push(Need {
            need: "Tommy has had toothache since October and has no dentist.".to_owned(),
            ..Need::default()
        });
        let next = start_next_version(
            &plan,
            review_on(day(2027, 2, 16), "Ann Lee", Role::TeamManager),
        );
        assert_eq!(next.needs.len(), 1);
        assert!(next.needs[0].need.contains("toothache"));
    }

    #[test]
    fn keeping_achieved_actions_keeps_their_rating() {
        let mut plan = tommy();
        rate(&mut plan, 0, 0, ProgressRating::Achieved, "Done.");
        rate(&mut plan, 0, 1, ProgressRating::NotYet, "Not started.");
        let options = CarryForward {
            achieved: AchievedActions::Keep,
            ..CarryForward::default()
        };
        let next = start_next_version_with(
            &plan,
            review_on(day(2027, 2, 16), "Ann Lee", Role::TeamManager),
            &options,
        );
        let ratings: Vec<_> = next.needs[0]
            .actions
            .iter()
            .map(|action| action.progress_rating)
            .collect();
        assert_eq!(ratings, vec![Some(ProgressRating::Achieved), None]);
    }

    #[test]
    fn new_needs_from_the_review_are_added_after_the_carried_ones() {
        let plan = tommy();
        let new_need = Need {
            need: "Tommy has missed 9 of the last 20 school mornings.".to_owned(),
            actions: vec![Action {
                action: "Mum will walk Tommy to school for 8:40am each school day.".to_owned(),
                ..Action::default()
            }],
            ..Need::default()
        };
        let options = CarryForward {
            new_needs: vec![new_need.clone()],
            ..CarryForward::default()
        };
        let next = start_next_version_with(
            &plan,
            review_on(day(2027, 2, 16), "Ann Lee", Role::TeamManager),
            &options,
        );
        assert_eq!(next.needs.len(), 2);
        assert_eq!(next.needs[1], new_need);
    }

    #[test]
    fn everything_else_is_carried_unchanged() {
        let plan = tommy();
        let next = start_next_version(
            &plan,
            review_on(day(2027, 2, 16), "Ann Lee", Role::TeamManager),
        );
        assert_eq!(next.dates, plan.dates);
        assert_eq!(next.child, plan.child);
        assert_eq!(next.visiting, plan.visiting);
        assert_eq!(next.contingency, plan.contingency);
        assert_eq!(next.views, plan.views);
        assert_eq!(next.suppressions, plan.suppressions);
        let round_trip =
            Plan::from_json(&next.to_json()).expect("the next version saves and loads");
        assert_eq!(round_trip, next);
    }

    #[test]
    fn the_third_review_needs_a_manager() {
        let plan = tommy();
        assert!(!third_review_needs_manager(&plan));
        let second = start_next_version(
            &plan,
            review_on(day(2027, 2, 16), "Sam Jones", Role::SocialWorker),
        );
        assert!(!third_review_needs_manager(&second));
        let third = start_next_version(
            &second,
            review_on(day(2027, 5, 11), "Sam Jones", Role::SocialWorker),
        );
        assert!(third_review_needs_manager(&third));
        assert_eq!(third_review_chaired_by_manager(&third), None);

        let by_worker = start_next_version(
            &third,
            review_on(day(2027, 8, 3), "Sam Jones", Role::SocialWorker),
        );
        assert_eq!(third_review_chaired_by_manager(&by_worker), Some(false));
        assert!(!third_review_needs_manager(&by_worker));
        let by_manager = start_next_version(
            &third,
            review_on(day(2027, 8, 3), "Ann Lee", Role::TeamManager),
        );
        assert_eq!(third_review_chaired_by_manager(&by_manager), Some(true));

        let mut no_chair = review_on(day(2027, 8, 3), "", Role::Other);
        no_chair.chair = None;
        let unchaired = start_next_version(&third, no_chair);
        assert_eq!(third_review_chaired_by_manager(&unchaired), Some(false));
    }

    #[test]
    fn progress_sheet_lists_every_action_with_its_pointer_and_progress() {
        let mut plan = tommy();
        rate(
            &mut plan,
            0,
            1,
            ProgressRating::Partly,
            "Five of six sessions held.",
        );
        let rows = progress_sheet(&plan, &Profile::default_profile(), day(2026, 12, 1));
        assert_eq!(
            rows.iter()
                .map(|row| row.pointer.as_str())
                .collect::<Vec<_>>(),
            vec!["/needs/0/actions/0", "/needs/0/actions/1"]
        );
        assert_eq!(rows[1].rating, Some(ProgressRating::Partly));
        assert_eq!(rows[1].progress, "Five of six sessions held.");
    }

    #[test]
    fn actions_past_their_written_end_with_no_progress_are_drifting() {
        let mut plan = tommy();
        let profile = Profile::default_profile();
        let before = progress_sheet(&plan, &profile, day(2027, 2, 16));
        assert_eq!(
            before
                .iter()
                .map(|row| (row.due, row.status))
                .collect::<Vec<_>>(),
            vec![
                (Some(day(2027, 2, 16)), ActionStatus::NotDueYet),
                (Some(day(2027, 2, 16)), ActionStatus::NotDueYet),
            ],
            "both run until the review on 16 February 2027"
        );
        rate(
            &mut plan,
            0,
            1,
            ProgressRating::Partly,
            "Five of six sessions held.",
        );
        let after = progress_sheet(&plan, &profile, day(2027, 2, 17));
        assert_eq!(
            after.iter().map(|row| row.status).collect::<Vec<_>>(),
            vec![ActionStatus::Drifting, ActionStatus::PastDateNotAchieved]
        );
    }

    #[test]
    fn the_next_review_moves_on_from_the_review_held() {
        let plan = tommy();
        let profile = Profile::default_profile();
        assert_eq!(
            next_review_date(&plan, &profile, day(2026, 11, 23)),
            Some(day(2027, 2, 16)),
            "the first review date until a review is held"
        );
        let next = start_next_version(
            &plan,
            review_on(day(2027, 2, 16), "Ann Lee", Role::TeamManager),
        );
        // "Every 3 months": 16 May 2027 is a Sunday, so the Friday before.
        assert_eq!(
            next_review_date(&next, &profile, day(2027, 2, 17)),
            Some(day(2027, 5, 14))
        );
    }

    #[test]
    fn status_follows_the_due_date_and_the_progress_recorded() {
        let today = day(2027, 2, 16);
        let past = Some(day(2027, 2, 1));
        let future = Some(day(2027, 3, 1));
        use ProgressRating::*;
        assert_eq!(status_of(None, "", past, today), ActionStatus::Drifting);
        assert_eq!(status_of(None, "  ", past, today), ActionStatus::Drifting);
        assert_eq!(
            status_of(Some(NotYet), "", past, today),
            ActionStatus::PastDateNotAchieved
        );
        assert_eq!(
            status_of(None, "Two sessions missed.", past, today),
            ActionStatus::PastDateNotAchieved
        );
        assert_eq!(
            status_of(Some(Achieved), "", past, today),
            ActionStatus::Achieved
        );
        assert_eq!(status_of(None, "", future, today), ActionStatus::NotDueYet);
        assert_eq!(
            status_of(None, "", Some(today), today),
            ActionStatus::NotDueYet,
            "due today is not late yet"
        );
        assert_eq!(
            status_of(Some(Partly), "", None, today),
            ActionStatus::NoDate
        );
    }

    #[test]
    fn due_dates_and_the_next_review_come_from_the_timeline() {
        use crate::timeline::Event;
        let event = |date: NaiveDate, kind: EventKind, source: &str| Event {
            date,
            kind,
            title: String::new(),
            source: source.to_owned(),
            state: EventState::Due,
        };
        let timeline = Timeline {
            events: vec![
                event(
                    day(2027, 2, 16),
                    EventKind::ActionSession,
                    "/needs/0/actions/0/by_when",
                ),
                event(
                    day(2027, 1, 19),
                    EventKind::ActionSession,
                    "/needs/0/actions/0/by_when",
                ),
                event(
                    day(2026, 12, 4),
                    EventKind::ActionDue,
                    "/needs/0/actions/1/by_when",
                ),
                event(day(2027, 3, 1), EventKind::ReviewDue, "/review_frequency"),
            ],
        };
        assert_eq!(
            last_session_on_timeline(&timeline, "/needs/0/actions/0/by_when"),
            Some(day(2027, 2, 16))
        );
        assert_eq!(
            deadline_on_timeline(&timeline, "/needs/0/actions/0/by_when"),
            None,
            "sessions are not a deadline"
        );
        assert_eq!(
            deadline_on_timeline(&timeline, "/needs/0/actions/1/by_when"),
            Some(day(2026, 12, 4))
        );
        assert_eq!(
            deadline_on_timeline(&timeline, "/needs/9/actions/0/by_when"),
            None
        );
        assert_eq!(next_review_in(&timeline), Some(day(2027, 3, 1)));
    }
}
