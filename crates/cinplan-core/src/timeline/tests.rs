use chrono::NaiveDate;
use serde_json::json;

use super::*;
use crate::plan::{Review, Visit};

const TOMMY_GOOD: &str = include_str!("../../tests/fixtures/tommy-good.json");

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap_or(NaiveDate::MIN)
}

fn tommy() -> Plan {
    Plan::from_json(TOMMY_GOOD).unwrap_or_else(|error| panic!("tommy-good: {error}"))
}

fn events_of(plan: &Plan, today: &str) -> Vec<Event> {
    timeline(plan, &Profile::default_profile(), date(today)).events
}

/// The events of one kind as (date, state).
fn of_kind(events: &[Event], kind: EventKind) -> Vec<(NaiveDate, EventState)> {
    events
        .iter()
        .filter(|event| event.kind == kind)
        .map(|event| (event.date, event.state))
        .collect()
}

#[track_caller]
fn only(events: &[Event], kind: EventKind) -> Event {
    let found: Vec<&Event> = events.iter().filter(|event| event.kind == kind).collect();
    assert_eq!(found.len(), 1, "expected one {kind:?}, found {found:#?}");
    found[0].clone()
}

fn visit(on: &str) -> Visit {
    Visit {
        date: Some(date(on)),
        seen_alone: true,
        ..Visit::default()
    }
}

fn review(on: &str) -> Review {
    Review {
        date: Some(date(on)),
        ..Review::default()
    }
}

/// A plan with only dates, so that nothing depends on reading text.
fn dated_plan(assessment: &str, allocated: &str, meeting: &str) -> Plan {
    let mut plan = Plan::new_blank();
    plan.child.name = "Ava".to_owned();
    plan.needs.clear();
    plan.dates.assessment_completed = Some(date(assessment));
    plan.dates.allocated = Some(date(allocated));
    plan.dates.planning_meeting = Some(date(meeting));
    plan
}

#[test]
fn tommy_planning_meeting_was_due_ten_working_days_after_the_assessment_and_is_done() {
    let event = only(
        &events_of(&tommy(), "2026-11-23"),
        EventKind::PlanningMeetingDue,
    );
    assert_eq!(event.date, date("2026-11-16"));
    assert_eq!(event.state, EventState::Done);
    assert_eq!(event.source, "/dates/assessment_completed");
    assert_eq!(
        event.title,
        "Planning meeting due (10 working days after the assessment was completed)"
    );
}

#[test]
fn tommy_plan_copy_is_due_five_working_days_after_the_meeting_and_was_circulated() {
    let event = only(&events_of(&tommy(), "2026-11-23"), EventKind::PlanCopyDue);
    assert_eq!(event.date, date("2026-11-23"));
    assert_eq!(event.state, EventState::Done);
    assert_eq!(event.source, "/dates/planning_meeting");
    assert_eq!(
        event.title,
        "Plan copy to the family and agencies due (5 working days after the planning meeting)"
    );
}

#[test]
fn a_plan_copy_not_yet_circulated_is_due_soon_then_overdue() {
    let mut plan = tommy();
    plan.dates.plan_circulated = None;
    let on_the_day = only(&events_of(&plan, "2026-11-23"), EventKind::PlanCopyDue);
    assert_eq!(on_the_day.state, EventState::DueSoon);
    let day_after = only(&events_of(&plan, "2026-11-24"), EventKind::PlanCopyDue);
    assert_eq!(day_after.state, EventState::Overdue);
}

#[test]
fn a_copy_circulated_after_today_is_not_done_yet() {
    let mut plan = tommy();
    plan.dates.plan_circulated = Some(date("2026-11-20"));
    let event = only(&events_of(&plan, "2026-11-18"), EventKind::PlanCopyDue);
    assert_eq!(event.state, EventState::DueSoon);
}

#[test]
fn tommy_first_visit_was_due_five_working_days_after_allocation_and_none_is_recorded() {
    let event = only(&events_of(&tommy(), "2026-11-23"), EventKind::FirstVisitDue);
    assert_eq!(event.date, date("2026-11-10"));
    assert_eq!(event.state, EventState::Overdue);
    assert_eq!(event.source, "/dates/allocated");
}

#[test]
fn tommy_first_review_is_on_the_plans_date() {
    let events = events_of(&tommy(), "2026-11-23");
    let first = events
        .iter()
        .find(|event| event.kind == EventKind::ReviewDue)
        .cloned();
    assert_eq!(
        first.map(|event| (event.date, event.state, event.source)),
        Some((
            date("2027-02-16"),
            EventState::Due,
            "/dates/first_review".to_owned()
        ))
    );
}

#[test]
fn tommy_trajectory_is_twelve_and_sixteen_weeks_after_the_meeting() {
    let events = events_of(&tommy(), "2026-11-23");
    assert_eq!(
        only(&events, EventKind::TrajectoryTarget).date,
        date("2027-02-08")
    );
    assert_eq!(
        only(&events, EventKind::TrajectoryLimit).date,
        date("2027-03-08")
    );
}

#[test]
fn tommy_assessment_update_is_a_year_after_the_assessment() {
    let event = only(
        &events_of(&tommy(), "2026-11-23"),
        EventKind::AssessmentUpdateDue,
    );
    assert_eq!(event.date, date("2027-11-02"));
    assert_eq!(event.state, EventState::Due);
}

#[test]
fn assessment_is_shared_two_days_before_a_monday_meeting_so_by_the_friday() {
    let event = only(
        &events_of(&tommy(), "2026-11-23"),
        EventKind::AssessmentSharedDue,
    );
    assert_eq!(event.date, date("2026-11-13"));
    assert_eq!(event.state, EventState::Overdue);
}

#[test]
fn assessment_shared_is_done_when_the_plan_records_it() {
    let mut plan = tommy();
    plan.dates
        .extra
        .insert("assessment_shared".to_owned(), json!("2026-11-12"));
    let event = only(
        &events_of(&plan, "2026-11-23"),
        EventKind::AssessmentSharedDue,
    );
    assert_eq!(event.state, EventState::Done);
}

#[test]
fn tommy_visits_are_every_two_weeks_as_the_plan_says() {
    let events = events_of(&tommy(), "2026-11-23");
    let visits: Vec<&Event> = events
        .iter()
        .filter(|event| event.kind == EventKind::VisitDue)
        .collect();
    // The first visit (due 10 Nov) is not recorded, so the next is counted from today.
    let dates: Vec<NaiveDate> = visits.iter().map(|event| event.date).collect();
    assert_eq!(
        dates,
        [
            "2026-12-07",
            "2026-12-21",
            "2027-01-04",
            "2027-01-18",
            "2027-02-01",
            "2027-02-15",
            "2027-03-01"
        ]
        .map(date)
        .to_vec()
    );
    for visit in visits {
        assert_eq!(visit.source, "/visiting");
        assert!(
            visit.title.contains("every 2 weeks, as the plan says"),
            "{}",
            visit.title
        );
    }
}

#[test]
fn tommy_fortnightly_sessions_run_from_30_november_to_the_february_review() {
    let events = events_of(&tommy(), "2026-11-23");
    let sessions: Vec<&Event> = events
        .iter()
        .filter(|event| {
            event.kind == EventKind::ActionSession && event.source == "/needs/0/actions/1/by_when"
        })
        .collect();
    let dates: Vec<NaiveDate> = sessions.iter().map(|event| event.date).collect();
    assert_eq!(
        dates,
        [
            "2026-11-30",
            "2026-12-14",
            "2026-12-28",
            "2027-01-11",
            "2027-01-25",
            "2027-02-08"
        ]
        .map(date)
        .to_vec()
    );
    assert_eq!(
        sessions.first().map(|event| event.title.as_str()),
        Some(
            "Session 1 of 6 (every 2 weeks): Tommy needs to be able to talk about the violence \
             he has…"
        )
    );
}

#[test]
fn tommy_new_way_appointments_start_on_23_november_and_end_at_the_review() {
    let events = events_of(&tommy(), "2026-11-23");
    let first_row: Vec<(EventKind, NaiveDate)> = events
        .iter()
        .filter(|event| event.source == "/needs/0/actions/0/by_when")
        .map(|event| (event.kind, event.date))
        .collect();
    assert!(
        first_row.contains(&(EventKind::ActionDue, date("2027-02-16"))),
        "{first_row:?}"
    );
    assert!(
        first_row.iter().any(|(kind, on)| *on == date("2026-11-23")
            && matches!(kind, EventKind::ActionStart | EventKind::ActionSession)),
        "{first_row:?}"
    );
}

#[test]
fn a_session_on_a_bank_holiday_says_so() {
    let events = events_of(&tommy(), "2026-11-23");
    let title = events
        .iter()
        .find(|event| event.kind == EventKind::ActionSession && event.date == date("2026-12-28"))
        .map(|event| event.title.clone())
        .unwrap_or_default();
    assert!(
        title.ends_with("(Mon 28 Dec 2026: Boxing Day (substitute day))"),
        "{title}"
    );
}

#[test]
fn past_sessions_are_done_and_future_ones_due() {
    let events = events_of(&tommy(), "2026-12-20");
    let states = of_kind(&events, EventKind::ActionSession);
    assert!(
        states.contains(&(date("2026-12-14"), EventState::Done)),
        "{states:?}"
    );
    assert!(
        states.contains(&(date("2027-01-11"), EventState::Due)),
        "{states:?}"
    );
}

#[test]
fn the_timeline_is_sorted_by_date_then_kind_then_source() {
    let events = events_of(&tommy(), "2026-11-23");
    assert!(events.len() > 10);
    for pair in events.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        assert!(
            (a.date, a.kind, &a.source) <= (b.date, b.kind, &b.source),
            "{a:?} before {b:?}"
        );
    }
}

#[test]
fn no_two_events_share_date_kind_and_source() {
    let events = events_of(&tommy(), "2026-11-23");
    let mut keys: Vec<(NaiveDate, EventKind, &str)> = events
        .iter()
        .map(|event| (event.date, event.kind, event.source.as_str()))
        .collect();
    let count = keys.len();
    keys.dedup();
    assert_eq!(keys.len(), count);
}

#[test]
fn recorded_visits_move_the_next_visit_on() {
    let mut plan = dated_plan("2026-11-02", "2026-11-03", "2026-11-16");
    plan.visits = vec![visit("2026-11-19"), visit("2026-11-05")];
    let events = events_of(&plan, "2026-11-23");
    assert_eq!(
        of_kind(&events, EventKind::FirstVisitDue),
        vec![(date("2026-11-10"), EventState::Done)]
    );
    let visits: Vec<(NaiveDate, EventState, &str)> = events
        .iter()
        .filter(|event| event.kind == EventKind::VisitDue)
        .map(|event| (event.date, event.state, event.source.as_str()))
        .collect();
    // 20 working days after each visit; the one after 5 Nov happened (on 19 Nov).
    assert_eq!(
        visits[0],
        (date("2026-12-03"), EventState::Done, "/visits/1/date")
    );
    assert_eq!(
        visits[1],
        (date("2026-12-17"), EventState::Due, "/visits/0/date")
    );
    assert!(visits[2..]
        .iter()
        .all(|(_, _, source)| *source == "/visiting"));
}

#[test]
fn a_visit_dated_after_today_is_planned_not_happened() {
    let mut plan = dated_plan("2026-11-02", "2026-11-03", "2026-11-16");
    plan.visits = vec![visit("2026-11-09")];
    let events = events_of(&plan, "2026-11-06");
    assert_eq!(
        of_kind(&events, EventKind::FirstVisitDue),
        vec![(date("2026-11-10"), EventState::DueSoon)]
    );
    assert!(of_kind(&events, EventKind::VisitRecordDue).is_empty());
}

#[test]
fn each_recorded_visit_is_to_be_written_up_within_72_hours() {
    let mut plan = dated_plan("2026-11-02", "2026-11-03", "2026-11-16");
    plan.visits = vec![visit("2026-11-09"), visit("2026-11-05")];
    plan.visits[0]
        .extra
        .insert("recorded".to_owned(), json!("2026-11-10"));
    let events = events_of(&plan, "2026-11-23");
    // Monday + 72 hours is Thursday; Thursday + 72 hours is a Sunday, so by the Friday.
    assert_eq!(
        of_kind(&events, EventKind::VisitRecordDue),
        vec![
            (date("2026-11-06"), EventState::Overdue),
            (date("2026-11-12"), EventState::Done)
        ]
    );
    let thursday = events
        .iter()
        .find(|event| event.kind == EventKind::VisitRecordDue)
        .map(|event| event.title.as_str());
    assert_eq!(
        thursday,
        Some(
            "Record of the visit on Thu 5 Nov 2026 due (within 72 hours; Sun 8 Nov 2026 is \
             not a working day)"
        )
    );
}

#[test]
fn without_a_stated_frequency_visits_are_due_at_the_profiles_limit() {
    let plan = dated_plan("2026-11-02", "2026-11-03", "2026-11-16");
    let events = events_of(&plan, "2026-11-04");
    let visits = of_kind(&events, EventKind::VisitDue);
    // First visit due 10 Nov; then at most 20 working days apart, to the 16-week horizon.
    assert_eq!(visits.first().map(|(on, _)| *on), Some(date("2026-12-08")));
    assert!(visits.iter().all(|(on, _)| *on <= date("2027-03-08")));
    let title = events
        .iter()
        .find(|event| event.kind == EventKind::VisitDue)
        .map(|event| event.title.clone());
    assert_eq!(
        title.as_deref(),
        Some(
            "Visit to Ava due (at most 20 working days apart: the plan does not say how \
             often; after the last one)"
        )
    );
}

#[test]
fn a_stated_frequency_longer_than_the_limit_is_capped() {
    let mut plan = dated_plan("2026-11-02", "2026-11-03", "2026-11-16");
    plan.visiting = "Sam Jones will visit Ava at home every 6 weeks.".to_owned();
    let events = events_of(&plan, "2026-11-04");
    let visit = events
        .iter()
        .find(|event| event.kind == EventKind::VisitDue)
        .cloned();
    assert_eq!(
        visit.as_ref().map(|event| event.date),
        Some(date("2026-12-08"))
    );
    assert!(visit.is_some_and(|event| event
        .title
        .contains("at most 20 working days apart, sooner than the plan's every 6 weeks")),);
}

#[test]
fn without_a_first_review_date_the_first_review_is_the_usual_gap_after_the_meeting() {
    let plan = dated_plan("2026-11-02", "2026-11-03", "2026-11-16");
    let events = events_of(&plan, "2026-11-23");
    let first = events
        .iter()
        .find(|event| event.kind == EventKind::ReviewDue)
        .cloned();
    // Six weeks after Monday 16 November is Monday 28 December, the Boxing Day substitute
    // bank holiday, so the review is due by Thursday 24 December.
    assert_eq!(
        first.map(|event| (event.date, event.source, event.title)),
        Some((
            date("2026-12-24"),
            "/dates/planning_meeting".to_owned(),
            "First review due (every 6 weeks: the plan does not say how often; after the \
             planning meeting)"
                .to_owned()
        ))
    );
}

#[test]
fn a_held_review_moves_the_next_on_and_its_notes_fall_due() {
    let mut plan = dated_plan("2026-11-02", "2026-11-03", "2026-11-16");
    plan.dates.first_review = Some(date("2026-12-22"));
    plan.reviews = vec![review("2027-01-05")];
    let events = events_of(&plan, "2027-01-20");
    let reviews = of_kind(&events, EventKind::ReviewDue);
    assert_eq!(reviews[0], (date("2026-12-22"), EventState::Done));
    // 6 weeks after 5 January 2027 is Tuesday 16 February.
    assert_eq!(reviews[1], (date("2027-02-16"), EventState::Due));
    assert_eq!(
        of_kind(&events, EventKind::NotesDue),
        vec![(date("2027-01-12"), EventState::Overdue)]
    );
    plan.reviews[0]
        .extra
        .insert("notes_circulated".to_owned(), json!("2027-01-08"));
    let events = events_of(&plan, "2027-01-20");
    assert_eq!(
        of_kind(&events, EventKind::NotesDue),
        vec![(date("2027-01-12"), EventState::Done)]
    );
}

#[test]
fn a_missed_review_makes_the_next_count_from_today() {
    let mut plan = dated_plan("2026-11-02", "2026-11-03", "2026-11-16");
    plan.dates.first_review = Some(date("2026-12-22"));
    let events = events_of(&plan, "2027-01-20");
    let reviews = of_kind(&events, EventKind::ReviewDue);
    assert_eq!(reviews[0], (date("2026-12-22"), EventState::Overdue));
    // Counted from today (Wed 20 Jan 2027) + 6 weeks = Wed 3 Mar 2027.
    assert_eq!(reviews[1], (date("2027-03-03"), EventState::Due));
}

#[test]
fn every_series_shows_its_next_due_date_however_late_today_is() {
    let plan = dated_plan("2026-11-02", "2026-11-03", "2026-11-16");
    let events = events_of(&plan, "2031-06-02");
    for kind in [EventKind::VisitDue, EventKind::ReviewDue] {
        let upcoming: Vec<_> = of_kind(&events, kind)
            .into_iter()
            .filter(|(on, _)| *on >= date("2031-06-02"))
            .collect();
        assert_eq!(upcoming.len(), 1, "{kind:?}: {upcoming:?}");
    }
    assert!(events.len() < 30, "{}", events.len());
}

#[test]
fn the_safety_plan_is_due_only_when_the_plan_records_one_agreed() {
    let mut plan = tommy();
    assert!(of_kind(&events_of(&plan, "2026-11-23"), EventKind::SafetyPlanDue).is_empty());
    plan.dates
        .extra
        .insert("safety_plan_agreed".to_owned(), json!("2026-11-16"));
    assert_eq!(
        of_kind(&events_of(&plan, "2026-11-23"), EventKind::SafetyPlanDue),
        vec![(date("2026-11-23"), EventState::DueSoon)]
    );
    plan.dates
        .extra
        .insert("safety_plan_shared".to_owned(), json!("2026-11-20"));
    assert_eq!(
        of_kind(&events_of(&plan, "2026-11-23"), EventKind::SafetyPlanDue),
        vec![(date("2026-11-23"), EventState::Done)]
    );
}

#[test]
fn an_extra_date_that_is_not_a_date_is_ignored() {
    let mut plan = tommy();
    plan.dates
        .extra
        .insert("safety_plan_agreed".to_owned(), json!("next Tuesday"));
    assert!(of_kind(&events_of(&plan, "2026-11-23"), EventKind::SafetyPlanDue).is_empty());
}

#[test]
fn due_soon_means_within_five_working_days() {
    let mut plan = dated_plan("2026-11-02", "2026-11-03", "2026-11-16");
    plan.dates.first_review = Some(date("2026-12-07"));
    // Monday 30 November: Monday 7 December is the 5th working day on.
    let events = events_of(&plan, "2026-11-30");
    assert_eq!(
        of_kind(&events, EventKind::ReviewDue).first(),
        Some(&(date("2026-12-07"), EventState::DueSoon))
    );
    let events = events_of(&plan, "2026-11-27");
    assert_eq!(
        of_kind(&events, EventKind::ReviewDue).first(),
        Some(&(date("2026-12-07"), EventState::Due))
    );
}

#[test]
fn local_closure_days_push_working_day_deadlines_back() {
    let plan = dated_plan("2026-11-02", "2026-11-03", "2026-11-16");
    let mut profile = Profile::default_profile();
    profile.closure_days = vec![date("2026-11-17"), date("2026-11-18")];
    let events = timeline(&plan, &profile, date("2026-11-16")).events;
    assert_eq!(
        only(&events, EventKind::PlanCopyDue).date,
        date("2026-11-25")
    );
}

#[test]
fn christmas_and_the_boxing_day_substitute_do_not_count_as_working_days() {
    // Meeting on Monday 21 December 2026: 22, 23, 24, then 25 (Christmas) and Monday 28
    // (Boxing Day falls on a Saturday) are not working days, so 29 and 30.
    let plan = dated_plan("2026-12-04", "2026-12-07", "2026-12-21");
    let event = only(&events_of(&plan, "2026-12-21"), EventKind::PlanCopyDue);
    assert_eq!(event.date, date("2026-12-30"));
}

#[test]
fn the_leicestershire_profile_reviews_four_weekly_by_default() {
    let plan = dated_plan("2026-11-02", "2026-11-03", "2026-11-16");
    let profile = Profile::builtin("leicestershire").unwrap_or_else(Profile::default_profile);
    let events = timeline(&plan, &profile, date("2026-11-23")).events;
    let reviews = of_kind(&events, EventKind::ReviewDue);
    assert_eq!(reviews.first().map(|(on, _)| *on), Some(date("2026-12-14")));
    // Plan copy within 5 (calendar) days of the meeting there: Saturday 21, so Friday 20.
    assert_eq!(
        only(&events, EventKind::PlanCopyDue).date,
        date("2026-11-20")
    );
}

fn child_protection_plan() -> Plan {
    let mut plan = Plan::new_blank();
    plan.kind = PlanKind::ChildProtection;
    plan.child.name = "Ava".to_owned();
    plan.needs.clear();
    plan.dates
        .extra
        .insert("initial_conference".to_owned(), json!("2026-11-02"));
    plan
}

#[test]
fn child_protection_first_core_group_is_ten_working_days_after_the_initial_conference() {
    let events = events_of(&child_protection_plan(), "2026-11-04");
    let event = only(&events, EventKind::CoreGroupDue);
    assert_eq!(
        (event.date, event.state, event.source.as_str()),
        (
            date("2026-11-16"),
            EventState::Due,
            "/dates/initial_conference"
        )
    );
    let mut plan = child_protection_plan();
    plan.dates
        .extra
        .insert("first_core_group".to_owned(), json!("2026-11-12"));
    let event = only(&events_of(&plan, "2026-11-20"), EventKind::CoreGroupDue);
    assert_eq!(event.state, EventState::Done);
}

#[test]
fn child_protection_reviews_are_within_three_months_then_every_six() {
    let mut plan = child_protection_plan();
    plan.reviews = vec![review("2027-01-28")];
    let events = events_of(&plan, "2027-02-01");
    assert_eq!(
        of_kind(&events, EventKind::ReviewConferenceDue)[..2],
        [
            (date("2027-02-02"), EventState::Done),
            // 28 July 2027 is a Wednesday.
            (date("2027-07-28"), EventState::Due)
        ]
    );
}

#[test]
fn a_child_protection_plans_first_review_date_cannot_pass_the_three_month_limit() {
    // Initial conference 2 November 2026: the first review conference is due by
    // 2 February 2027, whatever later date the plan gives.
    let mut plan = child_protection_plan();
    plan.dates.first_review = Some(date("2027-02-16"));
    let events = events_of(&plan, "2026-12-01");
    let first = of_kind(&events, EventKind::ReviewConferenceDue);
    assert_eq!(first.first().map(|(on, _)| *on), Some(date("2027-02-02")));
    let event = events
        .iter()
        .find(|event| event.kind == EventKind::ReviewConferenceDue)
        .unwrap_or_else(|| panic!("{events:#?}"));
    assert!(event.title.contains("too late"), "{}", event.title);
    assert_eq!(event.source, "/dates/initial_conference");
    // An earlier date of the plan's own is kept.
    plan.dates.first_review = Some(date("2027-01-20"));
    let events = events_of(&plan, "2026-12-01");
    let first = of_kind(&events, EventKind::ReviewConferenceDue);
    assert_eq!(first.first().map(|(on, _)| *on), Some(date("2027-01-20")));
}

#[test]
fn child_protection_visits_are_at_most_ten_working_days_apart() {
    let events = events_of(&child_protection_plan(), "2026-11-02");
    let visits = of_kind(&events, EventKind::VisitDue);
    assert_eq!(
        visits.iter().take(2).map(|(on, _)| *on).collect::<Vec<_>>(),
        vec![date("2026-11-16"), date("2026-11-30")]
    );
}

#[test]
fn child_protection_plans_have_no_child_in_need_meeting_events() {
    let mut plan = child_protection_plan();
    plan.dates.assessment_completed = Some(date("2026-10-20"));
    plan.dates.allocated = Some(date("2026-10-21"));
    let events = events_of(&plan, "2026-11-04");
    for kind in [
        EventKind::PlanningMeetingDue,
        EventKind::PlanCopyDue,
        EventKind::FirstVisitDue,
        EventKind::ReviewDue,
        EventKind::TrajectoryTarget,
    ] {
        assert!(of_kind(&events, kind).is_empty(), "{kind:?}");
    }
}

#[test]
fn an_achieved_action_is_done() {
    let mut plan = dated_plan("2026-11-02", "2026-11-03", "2026-11-16");
    plan.needs = tommy().needs;
    for need in &mut plan.needs {
        for action in &mut need.actions {
            action.progress_rating = Some(ProgressRating::Achieved);
        }
    }
    let events = events_of(&plan, "2027-03-01");
    assert!(events
        .iter()
        .filter(|event| matches!(
            event.kind,
            EventKind::ActionDue | EventKind::ActionSession | EventKind::ActionStart
        ))
        .all(|event| event.state == EventState::Done));
}

#[test]
fn a_blank_plan_has_an_empty_timeline() {
    let events = events_of(&Plan::new_blank(), "2026-11-23");
    assert_eq!(events, Vec::new());
}

#[test]
fn dates_at_the_ends_of_the_calendar_do_not_panic() {
    for today in [NaiveDate::MIN, NaiveDate::MAX] {
        for day in [NaiveDate::MIN, NaiveDate::MAX] {
            let mut plan = dated_plan("2026-11-02", "2026-11-03", "2026-11-16");
            plan.dates.assessment_completed = Some(day);
            plan.dates.allocated = Some(day);
            plan.dates.planning_meeting = Some(day);
            plan.dates.first_review = Some(day);
            plan.visits = vec![Visit {
                date: Some(day),
                ..Visit::default()
            }];
            plan.reviews = vec![Review {
                date: Some(day),
                ..Review::default()
            }];
            let events = timeline(&plan, &Profile::default_profile(), today).events;
            assert!(events.len() < 1000);
        }
    }
}

#[test]
fn a_daily_session_for_decades_is_bounded() {
    let mut plan = dated_plan("2026-11-02", "2026-11-03", "2026-11-16");
    plan.visiting = "Visit every day".to_owned();
    plan.needs = tommy().needs;
    plan.needs[0].actions[0].by_when =
        "Daily sessions starting on 1 January 2027 until 31 December 2090".to_owned();
    let events = events_of(&plan, "2026-11-23");
    let sessions = of_kind(&events, EventKind::ActionSession);
    assert!(
        sessions.len() <= 2 * MAX_SESSIONS_PER_ACTION,
        "{}",
        sessions.len()
    );
    assert!(events.len() < 1000, "{}", events.len());
}

#[test]
fn shorten_cuts_long_text_at_a_word_and_never_inside_a_character() {
    assert_eq!(shorten("  Short   text "), "Short text");
    let long = "Éé ".repeat(40);
    let short = shorten(&long);
    assert!(short.ends_with('…'));
    assert!(short.chars().count() <= TITLE_TEXT_CHARS + 1);
}

#[test]
fn kinds_and_states_serialise_as_their_ids() {
    for kind in [
        EventKind::PlanningMeetingDue,
        EventKind::VisitRecordDue,
        EventKind::ActionSession,
        EventKind::ReviewConferenceDue,
        EventKind::ActionStart,
    ] {
        assert_eq!(json!(kind), json!(kind.id()));
    }
    for state in [
        EventState::Done,
        EventState::Due,
        EventState::DueSoon,
        EventState::Overdue,
    ] {
        assert_eq!(json!(state), json!(state.id()));
    }
}
