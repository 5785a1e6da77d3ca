//! Reading timescale text: what practitioners type in "By when", "Visiting" and "Review
//! frequency", turned into dates, starts, frequencies, ends and plan events.
//!
//! UK order (day before month). Nothing is guessed silently: text that could mean two
//! dates, or no date, comes back as a [`TimescaleProblem`] with its range and a reason.
//!
//! CONTRACT (helpers: keep these types and `read_timescale`'s signature; extend with new
//! variants or fields where needed). Spans are byte ranges into the text that was read.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::ops::Range;

use crate::calendar::Calendar;
use crate::plan::PlanDates;

/// What a reading is relative to.
#[derive(Debug, Clone)]
pub struct ReadingContext<'a> {
    /// The plan's own dates ("the first review", "the meeting").
    pub dates: &'a PlanDates,
    /// Today's date, for "from next Monday", "in two weeks" when the plan has no meeting
    /// date yet, and to pick the year of a date written without one.
    pub today: NaiveDate,
    /// Working days, for "within 5 working days of the meeting".
    pub calendar: &'a Calendar,
}

impl ReadingContext<'_> {
    /// The date relative phrases count from: the planning meeting if known, else today.
    pub fn reference_date(&self) -> NaiveDate {
        self.dates.planning_meeting.unwrap_or(self.today)
    }
}

/// An event of the plan that a timescale can name instead of a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PlanEvent {
    AssessmentCompleted,
    Allocated,
    PlanningMeeting,
    PlanCirculated,
    FirstReview,
    /// "the next review", "the review" (without a date): the first review until one is held.
    NextReview,
}

/// A unit of time in a frequency or offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TimeUnit {
    Day,
    WorkingDay,
    SchoolDay,
    Week,
    Month,
    Year,
}

/// A signed amount of time ("5 working days after", "2 weeks before").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Offset {
    /// Negative for "before".
    pub amount: i64,
    pub unit: TimeUnit,
}

/// A point in time a timescale names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "type")]
pub enum When {
    /// A calendar date written in the text (or computed from "next Monday", "in 2 weeks").
    Date { date: NaiveDate },
    /// A plan event, possibly offset ("within 5 working days of the meeting").
    Event {
        event: PlanEvent,
        offset: Option<Offset>,
        /// The date, when the plan gives the event's date.
        resolved: Option<NaiveDate>,
    },
}

impl When {
    /// The calendar date, when it is known.
    pub fn date(&self) -> Option<NaiveDate> {
        match self {
            When::Date { date } => Some(*date),
            When::Event { resolved, .. } => *resolved,
        }
    }
}

/// A point in time and where it was written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dated {
    pub when: When,
    pub span: Range<usize>,
}

/// How often something happens.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "type")]
pub enum Frequency {
    /// Once every `count` units: "weekly" (1 week), "fortnightly" (2 weeks), "6 weekly",
    /// "every 20 working days", "monthly" (1 month).
    Every { count: u32, unit: TimeUnit },
    /// `times` times in each unit: "twice a week".
    TimesPer { times: u32, unit: TimeUnit },
    /// On these days of each week: "every Tuesday", "on Mondays and Thursdays".
    /// Days are numbered from Monday = 1 to Sunday = 7.
    OnWeekdays { days: Vec<u8> },
}

impl Frequency {
    /// The longest gap between two occurrences in calendar days, approximately (a month
    /// counts 31 days), for comparing a cadence with a profile's limit.
    pub fn max_gap_days(&self) -> Option<u32> {
        match self {
            Frequency::Every { count, unit } => Some(count * unit_days(*unit)?),
            Frequency::TimesPer { times, unit } => {
                let days = unit_days(*unit)?;
                Some(days.div_ceil((*times).max(1)))
            }
            Frequency::OnWeekdays { days } if !days.is_empty() => Some(7),
            Frequency::OnWeekdays { .. } => None,
        }
    }
}

fn unit_days(unit: TimeUnit) -> Option<u32> {
    match unit {
        TimeUnit::Day => Some(1),
        TimeUnit::SchoolDay | TimeUnit::WorkingDay => Some(1),
        TimeUnit::Week => Some(7),
        TimeUnit::Month => Some(31),
        TimeUnit::Year => Some(366),
    }
}

/// A frequency and where it was written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cadence {
    pub frequency: Frequency,
    pub span: Range<usize>,
}

/// Words that name no time at all ("ongoing", "ASAP", "regularly", "when needed").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoTime {
    /// The words as written.
    pub text: String,
    pub span: Range<usize>,
}

/// Why some text that looks like a date could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ProblemKind {
    /// Could be two dates: "3/4" with no year and near a year end, "03/05/26" if read
    /// month-first elsewhere.
    Ambiguous,
    /// No such date: "31/02/2027", "3rd May 20014".
    Impossible,
    /// A plan event whose date the plan does not give ("by the first review" without a
    /// first review date).
    UnknownEventDate,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimescaleProblem {
    pub kind: ProblemKind,
    pub span: Range<usize>,
    /// A sentence for a person: what is wrong and how to write it.
    pub message: String,
}

/// Everything read from one timescale text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Timescale {
    /// The deadline: "by 15 January 2027", "by the first review", a lone date.
    pub deadline: Option<Dated>,
    /// When the work starts: "starting on 30 November", "from next Monday".
    pub start: Option<Dated>,
    /// When recurring work ends: "until the review on …", "for 6 weeks".
    pub end: Option<Dated>,
    pub cadence: Option<Cadence>,
    pub no_time: Vec<NoTime>,
    pub problems: Vec<TimescaleProblem>,
}

impl Timescale {
    /// True when the text names something that can be placed on a calendar.
    pub fn is_placeable(&self) -> bool {
        self.deadline.is_some()
            || self.start.is_some()
            || self.end.is_some()
            || self.cadence.is_some()
    }
}

/// Reads one timescale text. Never panics, whatever the text.
pub fn read_timescale(_text: &str, _context: &ReadingContext<'_>) -> Timescale {
    Timescale::default()
}
