//! The timeline: every due date of a plan (shared/design/timescales.md), with its state
//! relative to a given today.
//!
//! CONTRACT (helpers: keep these types and `timeline`'s signature).

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::plan::Plan;
use crate::profile::Profile;

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

/// Computes the timeline of `plan` on `today` under `profile`. Never panics.
pub fn timeline(_plan: &Plan, _profile: &Profile, _today: NaiveDate) -> Timeline {
    Timeline::default()
}
