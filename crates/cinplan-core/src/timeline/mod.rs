//! The timeline: every due date of a plan (shared/design/timescales.md), with its state
//! relative to a given today.
//!
//! CONTRACT (helpers: keep these types and `timeline`'s signature).
//!
//! # What it shows
//! Every number comes from the profile ([`Profile::timescales`], or
//! [`Profile::child_protection`] for a plan of kind `child-protection`); every frequency
//! the plan states is read from its text with [`read_timescale`]. What actually happened
//! (the planning meeting, visits, reviews) moves the next due dates on: the next visit is
//! due after the last recorded visit, not after the last planned one.
//!
//! A date in the plan counts as *happened* when it is on or before today; a later one is
//! only planned. An event is `done` when the plan records that it happened:
//!
//! | event | done when |
//! |---|---|
//! | planning-meeting-due | `dates.planning_meeting` has happened |
//! | plan-copy-due | `dates.plan_circulated` has happened |
//! | first-visit-due | a visit on or after `dates.allocated` has happened |
//! | visit-due, review-due, review-conference-due | the next visit / review has happened |
//! | action-due | the action's `progress_rating` is `achieved` |
//! | action-start, action-session | its date has passed (the plan keeps no attendance; whether the work happened is judged at review, in the progress column) |
//!
//! The plan format has no field for some events. These optional ISO dates, kept in the
//! plan's unknown fields (which every tool keeps on a round trip), fill the gap:
//!
//! | field | effect |
//! |---|---|
//! | `dates.assessment_shared` | assessment-shared-due is done |
//! | `dates.safety_plan_agreed` | adds safety-plan-due (the profile's `safety_plan_after_agreed`, 7 days by default); without it there is no safety-plan event |
//! | `dates.safety_plan_shared` | safety-plan-due is done |
//! | `visits[i].recorded` | that visit's visit-record-due is done |
//! | `reviews[i].notes_circulated` | that review's notes-due is done |
//! | `dates.initial_conference` | (child protection) the initial child protection conference, from which the first core group and review conference are counted |
//! | `dates.first_core_group` | (child protection) core-group-due is done |
//!
//! Without them those events stay `due`, `due-soon` or `overdue` by date: `overdue`
//! always means "its date has passed and the plan does not record it as done".
//!
//! # Bounds
//! Recurring due dates (visits, reviews) are projected up to a horizon: the end of the
//! plan's trajectory for a child in need plan (16 weeks after the planning meeting by
//! default), one year after the initial conference for a child protection plan; each
//! series always shows at least its next due date, however late today is. An action's
//! sessions run from its start to its end, for at most a year and
//! [`MAX_SESSIONS_PER_ACTION`] sessions. So a plan yields a number of events proportional
//! to its own size, never millions.

mod recurrence;

use chrono::{Datelike, NaiveDate};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::calendar::Calendar;
use crate::check::calendar_for;
use crate::plan::{Extra, Plan, PlanKind, ProgressRating};
use crate::profile::{last_working_day_on_or_before, Direction, NonWorkingDay, Period, Profile};
use crate::timescale::{read_timescale, ReadingContext, Timescale};

use recurrence::Recurrence;

/// What an event is. Stable ids: tools and tests depend on them.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum EventKind {
    PlanningMeetingDue,
    AssessmentSharedDue,
    PlanCopyDue,
    FirstVisitDue,
    VisitDue,
    VisitRecordDue,
    ReviewDue,
    NotesDue,
    SafetyPlanDue,
    TrajectoryTarget,
    TrajectoryLimit,
    AssessmentUpdateDue,
    ActionDue,
    ActionSession,
    /// Child protection: first core group after the initial conference.
    CoreGroupDue,
    /// Child protection: review conference.
    ReviewConferenceDue,
    /// An action with a start date but neither a deadline nor a frequency ("starting on
    /// 23 November 2026").
    ActionStart,
}

impl EventKind {
    /// The stable kebab-case id, as in JSON.
    pub fn id(self) -> &'static str {
        match self {
            EventKind::PlanningMeetingDue => "planning-meeting-due",
            EventKind::AssessmentSharedDue => "assessment-shared-due",
            EventKind::PlanCopyDue => "plan-copy-due",
            EventKind::FirstVisitDue => "first-visit-due",
            EventKind::VisitDue => "visit-due",
            EventKind::VisitRecordDue => "visit-record-due",
            EventKind::ReviewDue => "review-due",
            EventKind::NotesDue => "notes-due",
            EventKind::SafetyPlanDue => "safety-plan-due",
            EventKind::TrajectoryTarget => "trajectory-target",
            EventKind::TrajectoryLimit => "trajectory-limit",
            EventKind::AssessmentUpdateDue => "assessment-update-due",
            EventKind::ActionDue => "action-due",
            EventKind::ActionSession => "action-session",
            EventKind::CoreGroupDue => "core-group-due",
            EventKind::ReviewConferenceDue => "review-conference-due",
            EventKind::ActionStart => "action-start",
        }
    }
}

/// Where an event stands on `today`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum EventState {
    /// It happened (a recorded visit, review, meeting or circulated copy).
    Done,
    /// Upcoming, more than 5 working days away.
    Due,
    /// Within 5 working days.
    DueSoon,
    /// Past its date and not done.
    Overdue,
}

impl EventState {
    /// The stable kebab-case id, as in JSON.
    pub fn id(self) -> &'static str {
        match self {
            EventState::Done => "done",
            EventState::Due => "due",
            EventState::DueSoon => "due-soon",
            EventState::Overdue => "overdue",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Event {
    pub date: NaiveDate,
    pub kind: EventKind,
    /// A short title for a person: "Plan copy to the family due".
    pub title: String,
    /// The rule id or the JSON Pointer of the field the event comes from.
    pub source: String,
    pub state: EventState,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Timeline {
    /// Sorted by date, then kind, then source.
    pub events: Vec<Event>,
}

/// How many working days ahead an event counts as due soon (shared/design/timescales.md).
pub const DUE_SOON_WORKING_DAYS: i64 = 5;
/// The most sessions shown for one action.
pub const MAX_SESSIONS_PER_ACTION: usize = 100;
/// The most projected due dates in one series (visits, reviews), past the horizon's own
/// bound: a guard, never reached by a real plan.
const MAX_PROJECTED: usize = 400;
/// How long an action's sessions may run, and the child protection horizon.
const ONE_YEAR_IN_MONTHS: u32 = 12;
/// Action text longer than this is shortened in titles.
const TITLE_TEXT_CHARS: usize = 60;

/// Computes the timeline of `plan` on `today` under `profile`. Never panics.
pub fn timeline(plan: &Plan, profile: &Profile, today: NaiveDate) -> Timeline {
    let calendar = calendar_for(plan, profile);
    let mut builder = Builder::new(plan, profile, today, &calendar);
    match plan.kind {
        PlanKind::ChildInNeed => builder.child_in_need(),
        PlanKind::ChildProtection => builder.child_protection(),
    }
    builder.actions();
    let mut events = builder.events;
    events.sort_by(|a, b| {
        (a.date, a.kind, &a.source, &a.title).cmp(&(b.date, b.kind, &b.source, &b.title))
    });
    events.dedup();
    Timeline { events }
}

/// A date read from the plan's unknown fields (see the module docs).
fn extra_date(extra: &Extra, key: &str) -> Option<NaiveDate> {
    extra
        .get(key)?
        .as_str()
        .and_then(|text| crate::date_words::parse_iso(text.trim()).ok())
}

/// "Mon 30 Nov 2026".
pub fn format_date(date: NaiveDate) -> String {
    crate::date_words::short_date(date)
}

/// The first `TITLE_TEXT_CHARS` characters of `text`, on a word boundary where one is
/// near, with "…" when shortened.
fn shorten(text: &str) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= TITLE_TEXT_CHARS {
        return text;
    }
    let cut: String = text.chars().take(TITLE_TEXT_CHARS).collect();
    let cut = match cut.rfind(' ') {
        Some(space) if space > TITLE_TEXT_CHARS / 2 => cut.get(..space).unwrap_or(&cut),
        _ => cut.as_str(),
    };
    format!("{}…", cut.trim_end_matches([',', ';', ':', '.', ' ']))
}

/// A recorded occurrence (a visit, a review): its date and where it is in the plan.
#[derive(Debug, Clone)]
struct Occurrence {
    date: NaiveDate,
    /// Its index in `plan.visits` or `plan.reviews`.
    index: usize,
    pointer: String,
    label: String,
}

/// Sorts recorded occurrences by date, then pointer. One function for visits and reviews
/// alike: each sort call with a closure of its own is another copy of the sort in the
/// browser builds (about 1 KB of gzip each).
fn by_date(occurrences: &mut [Occurrence]) {
    occurrences.sort_by(|a, b| (a.date, &a.pointer).cmp(&(b.date, &b.pointer)));
}

/// The first due date of a series, which has its own kind and title.
#[derive(Debug, Clone)]
struct FirstDue {
    date: NaiveDate,
    kind: EventKind,
    title: String,
    source: String,
    done: bool,
}

/// How the next due date of a series is found: the plan's stated frequency, capped by the
/// profile's longest gap (or the profile's usual gap when the plan states none).
#[derive(Debug, Clone)]
struct Cadence<'p> {
    stated: Option<Recurrence>,
    /// The most the profile allows between two; the plan's frequency is capped by it.
    at_most: &'p Period,
    /// The gap when the plan states no frequency (the most allowed, unless the profile
    /// has a usual gap).
    usual: &'p Period,
}

impl Cadence<'_> {
    /// The next due date after `from`, and how it was found, for the title.
    fn next_due(&self, from: NaiveDate, calendar: &Calendar) -> Option<(NaiveDate, String)> {
        let limit = strictly_after(
            from,
            self.at_most
                .shift(from, Direction::After, calendar, NonWorkingDay::Keep)?,
            calendar,
        );
        match &self.stated {
            Some(stated) => {
                let planned = stated
                    .next_after(from, calendar)
                    .map(|date| strictly_after(from, date, calendar));
                match planned {
                    Some(planned) if planned <= limit => {
                        Some((planned, format!("{}, as the plan says", stated.describe())))
                    }
                    _ => Some((
                        limit,
                        format!(
                            "at most {} apart, sooner than the plan's {}",
                            self.at_most.describe(),
                            stated.describe()
                        ),
                    )),
                }
            }
            None => {
                let usual = strictly_after(
                    from,
                    self.usual
                        .shift(from, Direction::After, calendar, NonWorkingDay::Keep)?,
                    calendar,
                );
                if usual < limit {
                    Some((
                        usual,
                        format!(
                            "every {}: the plan does not say how often",
                            self.usual.describe()
                        ),
                    ))
                } else {
                    Some((
                        limit,
                        format!(
                            "at most {} apart: the plan does not say how often",
                            self.at_most.describe()
                        ),
                    ))
                }
            }
        }
    }
}

/// A deadline `period` after (or before) `date`, and, when the count ends on a
/// non-working day and the deadline is brought forward, a note saying so for the title.
fn deadline(
    period: &Period,
    date: NaiveDate,
    direction: Direction,
    calendar: &Calendar,
) -> Option<(NaiveDate, String)> {
    let literal = period.shift(date, direction, calendar, NonWorkingDay::Keep)?;
    let due = period.shift(date, direction, calendar, NonWorkingDay::MoveEarlier)?;
    let note = if due == literal {
        String::new()
    } else {
        format!("; {} is not a working day", format_date(literal))
    };
    Some((due, note))
}

/// For a date the plan itself gives (a session, a deadline): a note when it falls on a
/// bank holiday or a local closure day, which the practitioner will want to move.
fn day_off_note(date: NaiveDate, calendar: &Calendar) -> String {
    if calendar.is_working_day(date) {
        return String::new();
    }
    match calendar.bank_holiday(date) {
        Some(name) => format!(" ({}: {name})", format_date(date)),
        None if date.weekday().number_from_monday() <= 5 => {
            format!(" ({}: a local closure day)", format_date(date))
        }
        None => String::new(),
    }
}

/// `date` brought forward to a working day, unless that would not be after `from`.
fn strictly_after(from: NaiveDate, date: NaiveDate, calendar: &Calendar) -> NaiveDate {
    match last_working_day_on_or_before(date, calendar) {
        Some(working) if working > from => working,
        _ => date,
    }
}

/// One recurring series: a first due date, what happened, and projection to the horizon.
#[derive(Debug)]
struct Series<'c> {
    kind: EventKind,
    /// "Visit to Tommy due".
    title: String,
    first: Option<FirstDue>,
    /// Happened occurrences, sorted by date.
    happened: Vec<Occurrence>,
    /// Where to count from when there is neither a first due date nor anything happened:
    /// a date and its label ("the initial conference").
    count_from: Option<(NaiveDate, String)>,
    /// The source of projected due dates: the field that states the frequency.
    projected_source: String,
    cadence: Cadence<'c>,
}

#[derive(Debug)]
struct Builder<'a> {
    plan: &'a Plan,
    profile: &'a Profile,
    today: NaiveDate,
    calendar: &'a Calendar,
    /// The last day that counts as due soon.
    soon_until: Option<NaiveDate>,
    /// When the plan starts: the planning meeting (or the initial conference).
    start: NaiveDate,
    /// Recurring due dates are projected up to here (see the module docs).
    horizon: NaiveDate,
    /// When the planning meeting is due, from the assessment, with its note.
    meeting_due: Option<(NaiveDate, String)>,
    events: Vec<Event>,
}

impl<'a> Builder<'a> {
    fn new(
        plan: &'a Plan,
        profile: &'a Profile,
        today: NaiveDate,
        calendar: &'a Calendar,
    ) -> Builder<'a> {
        let dates = &plan.dates;
        let timescales = &profile.timescales;
        let meeting_due = dates.assessment_completed.and_then(|assessment| {
            deadline(
                &timescales.planning_meeting_after_assessment,
                assessment,
                Direction::After,
                calendar,
            )
        });
        let (start, horizon) = match plan.kind {
            PlanKind::ChildInNeed => {
                let start = dates
                    .planning_meeting
                    .or(meeting_due.as_ref().map(|(date, _)| *date))
                    .or(dates.allocated)
                    .unwrap_or(today);
                let horizon = timescales.trajectory_limit.shift(
                    start,
                    Direction::After,
                    calendar,
                    NonWorkingDay::Keep,
                );
                (start, horizon)
            }
            PlanKind::ChildProtection => {
                let start = extra_date(&dates.extra, "initial_conference")
                    .or(dates.planning_meeting)
                    .or(dates.allocated)
                    .unwrap_or(today);
                (
                    start,
                    start.checked_add_months(chrono::Months::new(ONE_YEAR_IN_MONTHS)),
                )
            }
        };
        Builder {
            plan,
            profile,
            today,
            calendar,
            soon_until: calendar.add_working_days(today, DUE_SOON_WORKING_DAYS),
            start,
            horizon: horizon.unwrap_or(start),
            meeting_due,
            events: Vec::new(),
        }
    }

    fn happened(&self, date: Option<NaiveDate>) -> bool {
        date.is_some_and(|date| date <= self.today)
    }

    fn state(&self, date: NaiveDate, done: bool) -> EventState {
        if done {
            EventState::Done
        } else if date < self.today {
            EventState::Overdue
        } else if self.soon_until.is_none_or(|soon| date <= soon) {
            EventState::DueSoon
        } else {
            EventState::Due
        }
    }

    fn push(&mut self, date: NaiveDate, kind: EventKind, title: String, source: &str, done: bool) {
        let state = self.state(date, done);
        self.events.push(Event {
            date,
            kind,
            title,
            source: source.to_owned(),
            state,
        });
    }

    fn read(&self, text: &str) -> Timescale {
        read_timescale(
            text,
            &ReadingContext {
                dates: &self.plan.dates,
                today: self.today,
                calendar: self.calendar,
            },
        )
    }

    fn stated_frequency(&self, text: &str) -> Option<Recurrence> {
        self.read(text)
            .cadence
            .and_then(|cadence| Recurrence::from_frequency(&cadence.frequency))
    }

    /// Visits and reviews that happened, sorted by date, with their pointers.
    fn happened_visits(&self) -> Vec<Occurrence> {
        let mut visits: Vec<Occurrence> = self
            .plan
            .visits
            .iter()
            .enumerate()
            .filter_map(|(index, visit)| {
                let date = visit.date.filter(|date| *date <= self.today)?;
                Some(Occurrence {
                    date,
                    index,
                    pointer: format!("/visits/{index}/date"),
                    label: format!("the visit on {}", format_date(date)),
                })
            })
            .collect();
        by_date(&mut visits);
        visits
    }

    fn happened_reviews(&self, what: &str) -> Vec<Occurrence> {
        let mut reviews: Vec<Occurrence> = self
            .plan
            .reviews
            .iter()
            .enumerate()
            .filter_map(|(index, review)| {
                let date = review.date.filter(|date| *date <= self.today)?;
                Some(Occurrence {
                    date,
                    index,
                    pointer: format!("/reviews/{index}/date"),
                    label: format!("the {what} on {}", format_date(date)),
                })
            })
            .collect();
        by_date(&mut reviews);
        reviews
    }

    fn child_in_need(&mut self) {
        let plan = self.plan;
        let dates = &plan.dates;
        let timescales = &self.profile.timescales;
        let calendar = self.calendar;
        let child = plan.child_name().to_owned();

        let meeting_due = self.meeting_due.as_ref().map(|(date, _)| *date);
        if let Some((due, note)) = self.meeting_due.clone() {
            self.push(
                due,
                EventKind::PlanningMeetingDue,
                format!(
                    "Planning meeting due ({} after the assessment was completed{note})",
                    timescales.planning_meeting_after_assessment.describe()
                ),
                "/dates/assessment_completed",
                self.happened(dates.planning_meeting),
            );
        }
        // Later dates count from the meeting as held or planned, else from when it is due.
        let meeting = dates
            .planning_meeting
            .map(|date| (date, "/dates/planning_meeting"))
            .or(meeting_due.map(|date| (date, "/dates/assessment_completed")));

        if let Some((meeting_date, source)) = meeting {
            let shared = &timescales.assessment_shared_before_meeting;
            if let Some((due, note)) = deadline(shared, meeting_date, Direction::Before, calendar) {
                self.push(
                    due,
                    EventKind::AssessmentSharedDue,
                    format!(
                        "Assessment shared with the family due (at least {} before the \
                         planning meeting{note})",
                        shared.describe()
                    ),
                    source,
                    self.happened(extra_date(&dates.extra, "assessment_shared")),
                );
            }
            let copy = &timescales.plan_copy_after_meeting;
            if let Some((due, note)) = deadline(copy, meeting_date, Direction::After, calendar) {
                self.push(
                    due,
                    EventKind::PlanCopyDue,
                    format!(
                        "Plan copy to the family and agencies due ({} after the planning \
                         meeting{note})",
                        copy.describe()
                    ),
                    source,
                    self.happened(dates.plan_circulated),
                );
            }
            for (period, kind, title) in [
                (
                    &timescales.trajectory_target,
                    EventKind::TrajectoryTarget,
                    format!(
                        "Plan reaches its target length ({} after the planning meeting): \
                         is it ready to end?",
                        timescales.trajectory_target.describe()
                    ),
                ),
                (
                    &timescales.trajectory_limit,
                    EventKind::TrajectoryLimit,
                    format!(
                        "Plan reaches {}: past this it needs recorded management oversight",
                        timescales.trajectory_limit.describe()
                    ),
                ),
            ] {
                if let Some(date) = period.shift(
                    meeting_date,
                    Direction::After,
                    calendar,
                    NonWorkingDay::Keep,
                ) {
                    self.push(date, kind, title, source, false);
                }
            }
        }

        if let Some(assessment) = dates.assessment_completed {
            let update = &timescales.assessment_update_after_assessment;
            if let Some((due, note)) = deadline(update, assessment, Direction::After, calendar) {
                self.push(
                    due,
                    EventKind::AssessmentUpdateDue,
                    format!(
                        "Child and family assessment update due ({} after the \
                         assessment{note})",
                        update.describe()
                    ),
                    "/dates/assessment_completed",
                    false,
                );
            }
        }

        // Visits.
        let visits = self.happened_visits();
        let first_visit = dates.allocated.and_then(|allocated| {
            let period = &timescales.first_visit_after_allocation;
            let (date, note) = deadline(period, allocated, Direction::After, calendar)?;
            Some(FirstDue {
                date,
                kind: EventKind::FirstVisitDue,
                title: format!(
                    "First visit to {child} due ({} after allocation{note})",
                    period.describe()
                ),
                source: "/dates/allocated".to_owned(),
                done: visits.iter().any(|visit| visit.date >= allocated),
            })
        });
        for visit in &visits {
            let period = &timescales.visit_record_after_visit;
            let recorded = plan
                .visits
                .get(visit.index)
                .and_then(|recorded| extra_date(&recorded.extra, "recorded"));
            if let Some((due, note)) = deadline(period, visit.date, Direction::After, calendar) {
                self.push(
                    due,
                    EventKind::VisitRecordDue,
                    format!(
                        "Record of {} due (within {}{note})",
                        visit.label,
                        period.describe()
                    ),
                    &visit.pointer,
                    self.happened(recorded),
                );
            }
        }
        let visit_cadence = Cadence {
            stated: self.stated_frequency(&plan.visiting),
            at_most: &timescales.visits_at_most_apart,
            usual: &timescales.visits_at_most_apart,
        };
        self.series(Series {
            kind: EventKind::VisitDue,
            title: format!("Visit to {child} due"),
            first: first_visit,
            happened: visits,
            count_from: meeting.map(|(date, _)| (date, "the planning meeting".to_owned())),
            projected_source: "/visiting".to_owned(),
            cadence: visit_cadence,
        });

        // Reviews and their notes.
        let reviews = self.happened_reviews("review");
        for review in &reviews {
            let period = &timescales.notes_after_meeting;
            let circulated = plan
                .reviews
                .get(review.index)
                .and_then(|held| extra_date(&held.extra, "notes_circulated"));
            if let Some((due, note)) = deadline(period, review.date, Direction::After, calendar) {
                self.push(
                    due,
                    EventKind::NotesDue,
                    format!(
                        "Notes of {} circulated ({} after the meeting{note})",
                        review.label,
                        period.describe()
                    ),
                    &review.pointer,
                    self.happened(circulated),
                );
            }
        }
        let review_cadence = Cadence {
            stated: self.stated_frequency(&plan.review_frequency),
            at_most: &timescales.reviews_at_most_apart,
            usual: &timescales.reviews_default_apart,
        };
        let first_review = match dates.first_review {
            Some(date) => Some(FirstDue {
                date,
                kind: EventKind::ReviewDue,
                title: "First review due (the plan's first review date)".to_owned(),
                source: "/dates/first_review".to_owned(),
                done: !reviews.is_empty(),
            }),
            None => meeting.and_then(|(meeting_date, source)| {
                let (date, how) = review_cadence.next_due(meeting_date, calendar)?;
                Some(FirstDue {
                    date,
                    kind: EventKind::ReviewDue,
                    title: format!("First review due ({how}; after the planning meeting)"),
                    source: source.to_owned(),
                    done: !reviews.is_empty(),
                })
            }),
        };
        self.series(Series {
            kind: EventKind::ReviewDue,
            title: "Review due".to_owned(),
            first: first_review,
            happened: reviews,
            count_from: None,
            projected_source: "/review_frequency".to_owned(),
            cadence: review_cadence,
        });

        if let Some(agreed) = extra_date(&dates.extra, "safety_plan_agreed") {
            let period = &timescales.safety_plan_after_agreed;
            if let Some((due, note)) = deadline(period, agreed, Direction::After, calendar) {
                self.push(
                    due,
                    EventKind::SafetyPlanDue,
                    format!(
                        "Safety plan typed and shared with the network ({} after it was \
                         agreed on {}{note})",
                        period.describe(),
                        format_date(agreed)
                    ),
                    "/dates/safety_plan_agreed",
                    self.happened(extra_date(&dates.extra, "safety_plan_shared")),
                );
            }
        }
    }

    fn child_protection(&mut self) {
        let plan = self.plan;
        let dates = &plan.dates;
        let timescales = &self.profile.child_protection;
        let calendar = self.calendar;
        let child = plan.child_name().to_owned();
        let initial = extra_date(&dates.extra, "initial_conference");

        if let Some(initial) = initial {
            let period = &timescales.first_core_group_after_initial_conference;
            if let Some((due, note)) = deadline(period, initial, Direction::After, calendar) {
                self.push(
                    due,
                    EventKind::CoreGroupDue,
                    format!(
                        "First core group meeting due ({} after the initial child \
                         protection conference{note})",
                        period.describe()
                    ),
                    "/dates/initial_conference",
                    self.happened(extra_date(&dates.extra, "first_core_group")),
                );
            }
        }

        let reviews = self.happened_reviews("review conference");
        let period = &timescales.first_review_conference_after_initial_conference;
        let statutory =
            initial.and_then(|initial| deadline(period, initial, Direction::After, calendar));
        let first_review = match (dates.first_review, initial) {
            // The plan's date cannot move the statutory limit: a later date is shown at the
            // limit, saying so.
            (Some(date), Some(_)) if statutory.as_ref().is_some_and(|(limit, _)| *limit < date) => {
                statutory.map(|(limit, note)| FirstDue {
                    date: limit,
                    kind: EventKind::ReviewConferenceDue,
                    title: format!(
                        "First review conference due ({} after the initial conference{note}; \
                         the plan's date, {}, is too late)",
                        period.describe(),
                        format_date(date)
                    ),
                    source: "/dates/initial_conference".to_owned(),
                    done: !reviews.is_empty(),
                })
            }
            (Some(date), _) => Some(FirstDue {
                date,
                kind: EventKind::ReviewConferenceDue,
                title: "First review conference due (the plan's first review date)".to_owned(),
                source: "/dates/first_review".to_owned(),
                done: !reviews.is_empty(),
            }),
            (None, Some(_)) => statutory.map(|(date, note)| FirstDue {
                date,
                kind: EventKind::ReviewConferenceDue,
                title: format!(
                    "First review conference due ({} after the initial conference{note})",
                    period.describe()
                ),
                source: "/dates/initial_conference".to_owned(),
                done: !reviews.is_empty(),
            }),
            (None, None) => None,
        };
        let review_cadence = Cadence {
            stated: self.stated_frequency(&plan.review_frequency),
            at_most: &timescales.review_conferences_at_most_apart,
            usual: &timescales.review_conferences_at_most_apart,
        };
        self.series(Series {
            kind: EventKind::ReviewConferenceDue,
            title: "Review conference due".to_owned(),
            first: first_review,
            happened: reviews,
            count_from: None,
            projected_source: "/review_frequency".to_owned(),
            cadence: review_cadence,
        });

        let visit_cadence = Cadence {
            stated: self.stated_frequency(&plan.visiting),
            at_most: &timescales.visits_at_most_apart,
            usual: &timescales.visits_at_most_apart,
        };
        let count_from = initial
            .map(|date| (date, "the initial conference"))
            .or(dates
                .planning_meeting
                .map(|date| (date, "the planning meeting")))
            .or(dates.allocated.map(|date| (date, "allocation")))
            .map(|(date, label)| (date, label.to_owned()));
        let visits = self.happened_visits();
        self.series(Series {
            kind: EventKind::VisitDue,
            title: format!("Visit to {child} due"),
            first: None,
            happened: visits,
            count_from,
            projected_source: "/visiting".to_owned(),
            cadence: visit_cadence,
        });
    }

    /// Emits a recurring series: its first due date; after each happened occurrence, the
    /// next one due (done when another happened); then due dates projected on from the
    /// last, up to the horizon and always at least one from today on.
    fn series(&mut self, series: Series<'_>) {
        let calendar = self.calendar;
        let mut last_due: Option<NaiveDate> = None;
        if let Some(first) = &series.first {
            self.push(
                first.date,
                first.kind,
                first.title.clone(),
                &first.source,
                first.done,
            );
            last_due = Some(first.date);
        }
        for (index, occurrence) in series.happened.iter().enumerate() {
            last_due = series
                .cadence
                .next_due(occurrence.date, calendar)
                .map(|(date, how)| {
                    self.push(
                        date,
                        series.kind,
                        format!("{} ({how}; after {})", series.title, occurrence.label),
                        &occurrence.pointer,
                        index + 1 < series.happened.len(),
                    );
                    date
                });
        }
        if series.first.is_none() && series.happened.is_empty() {
            if let Some((from, label)) = &series.count_from {
                last_due = series.cadence.next_due(*from, calendar).map(|(date, how)| {
                    self.push(
                        date,
                        series.kind,
                        format!("{} ({how}; after {label})", series.title),
                        &series.projected_source,
                        false,
                    );
                    date
                });
            }
        }
        let mut projected = 0;
        while let Some(previous) = last_due {
            let shows_next = previous >= self.today;
            if (shows_next && previous >= self.horizon) || projected >= MAX_PROJECTED {
                break;
            }
            // Once a due date has passed, the earliest the next can be due is counted
            // from today (if it were done today), not from the missed date.
            let from = previous.max(self.today);
            let Some((date, how)) = series.cadence.next_due(from, calendar) else {
                break;
            };
            if shows_next && date > self.horizon {
                break;
            }
            let after = if previous < self.today {
                "counted from today, as the last one is overdue"
            } else {
                "after the last one"
            };
            self.push(
                date,
                series.kind,
                format!("{} ({how}; {after})", series.title),
                &series.projected_source,
                false,
            );
            last_due = Some(date);
            projected += 1;
        }
    }

    /// Each action's deadline, start and sessions, from its "By when".
    fn actions(&mut self) {
        let plan = self.plan;
        let calendar = self.calendar;
        for (need_index, need) in plan.needs.iter().enumerate() {
            for (action_index, action) in need.actions.iter().enumerate() {
                let pointer = format!("/needs/{need_index}/actions/{action_index}/by_when");
                let timescale = self.read(&action.by_when);
                let label = if action.action.trim().is_empty() {
                    format!("action {} of need {}", action_index + 1, need_index + 1)
                } else {
                    shorten(&action.action)
                };
                let achieved = action.progress_rating == Some(ProgressRating::Achieved);
                let deadline = timescale.deadline.as_ref().and_then(|d| d.when.date());
                let start = timescale.start.as_ref().and_then(|d| d.when.date());
                let end = timescale.end.as_ref().and_then(|d| d.when.date());
                let recurrence = timescale
                    .cadence
                    .as_ref()
                    .and_then(|cadence| Recurrence::from_frequency(&cadence.frequency));

                // Recurring work that runs "until" a date ends then; other work is due then.
                let due = deadline.or(if recurrence.is_none() { end } else { None });
                if let Some(due) = due {
                    self.push(
                        due,
                        EventKind::ActionDue,
                        format!("Action due: {label}{}", day_off_note(due, calendar)),
                        &pointer,
                        achieved,
                    );
                }
                match recurrence {
                    Some(recurrence) => {
                        let first = start.unwrap_or(self.start);
                        let until = end.or(deadline).unwrap_or(self.horizon);
                        let last = match first
                            .checked_add_months(chrono::Months::new(ONE_YEAR_IN_MONTHS))
                        {
                            Some(year_on) => until.min(year_on),
                            None => until,
                        };
                        let sessions =
                            recurrence.occurrences(first, last, MAX_SESSIONS_PER_ACTION, calendar);
                        let total = sessions.len();
                        let how = recurrence.describe();
                        for (index, date) in sessions.into_iter().enumerate() {
                            self.push(
                                date,
                                EventKind::ActionSession,
                                format!(
                                    "Session {} of {total} ({how}): {label}{}",
                                    index + 1,
                                    day_off_note(date, calendar)
                                ),
                                &pointer,
                                achieved || date < self.today,
                            );
                        }
                    }
                    None => {
                        if let Some(start) =
                            start.filter(|start| due.is_none_or(|due| *start < due))
                        {
                            self.push(
                                start,
                                EventKind::ActionStart,
                                format!("Action starts: {label}{}", day_off_note(start, calendar)),
                                &pointer,
                                achieved || start < self.today,
                            );
                        }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests;
