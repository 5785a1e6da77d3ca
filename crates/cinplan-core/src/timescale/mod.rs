//! Reading timescale text: what practitioners type in "By when", "Visiting" and "Review
//! frequency", turned into dates, starts, frequencies, ends and plan events.
//!
//! UK order (day before month). Nothing is guessed silently: text that could mean two
//! dates, or no date, comes back as a [`TimescaleProblem`] with its range and a reason.
//!
//! CONTRACT (helpers: keep these types and `read_timescale`'s signature; extend with new
//! variants or fields where needed). Spans are byte ranges into the text that was read.
//!
//! How the reading works, and the decisions it makes, module by module:
//! - `tokens`: words, numbers and punctuation with byte spans (never slicing inside a
//!   character); everything after works on tokens, in one left-to-right pass, so a 1 MB
//!   paste reads in linear time;
//! - `dates`: written dates, parts of months, named days, and the year of a date written
//!   without one (see [`RECENT_PAST_DAYS`]);
//! - `relative`: "in two weeks", "next Monday", "within 5 working days of the meeting",
//!   "for 6 weeks" (see [`MAX_AMOUNT`]);
//! - `events`: "by the first review", "until 3 month review", "the review on …";
//! - `frequency`: "weekly", "every 2 weeks", "twice a week", "every Tuesday", "4-6
//!   weekly" (its longer end), "bi-weekly" (a problem);
//! - `vague`: "ongoing", "ASAP", "regularly", "when needed";
//! - `scan`: tries every reader at every token, the longest match winning;
//! - `assemble`: gives each time its role (deadline, start, end, review) from the words
//!   before it and builds the [`Timescale`].
//!
//! Relative times count from [`ReadingContext::reference_date`]: the planning meeting,
//! else today.
//!
//! Readings at a glance (each module's documentation has the detail):
//! - the words before a time give its role: "by"/"due"/"at" a deadline, "before X" the
//!   day before X, "starting"/"from"/"commencing" a start, "after X" the day after X,
//!   "until"/"till"/"up to" an end, "X to Y" / "X - Y" / "between X and Y" a start and an
//!   end; a time with no such word is the deadline, or the start when the text gives a
//!   frequency;
//! - a date with no year is its next occurrence on or after the reference date, unless it
//!   fell in the [`RECENT_PAST_DAYS`] before it (then `Ambiguous`);
//! - "next week" is the following Monday, "next Monday" the first Monday after the
//!   reference date, "mid-March" the 15th, "end of March" the 31st; "early March", "by
//!   March", "half term" and school holidays name no day and are problems;
//! - "the first review", "3 month review", "6 week review" are [`PlanEvent::FirstReview`];
//!   "the review", "the next review", "each review" [`PlanEvent::NextReview`]; "the
//!   meeting", "the plan" [`PlanEvent::PlanningMeeting`]. An event the plan has no date
//!   for keeps `resolved: None` and is not a problem;
//! - frequency ranges read as their longer end ("4-6 weekly" is every 6 weeks);
//!   "bi-weekly", "bi-monthly" and "6 weekly sessions" are `Ambiguous`; "termly" is three
//!   times a year; a school day counts as a working day;
//! - "regular", "regularly", "periodically" are dropped from `no_time` when the text gives
//!   a frequency; "ongoing", "ASAP", "when needed" are always kept.

mod assemble;
mod dates;
mod events;
mod frequency;
mod lexicon;
mod relative;
mod scan;
mod tokens;
mod vague;

pub use dates::{long_date, RECENT_PAST_DAYS};
pub use relative::MAX_AMOUNT;

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
            Frequency::Every { count, unit } => Some(count.saturating_mul(unit_days(*unit)?)),
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
    /// Could be two things: a date with no year just before the reference date ("by
    /// 1 November" at a meeting on 16 November), a day name that contradicts the date
    /// ("Monday 16 December 2026"), a month, week or school holiday with no day ("by
    /// March", "half term"), a frequency with two meanings ("bi-weekly", "6 weekly
    /// sessions").
    Ambiguous,
    /// No such date: "31/02/2027", "3rd May 20014", "01/15/2027" (day first), or a count
    /// too large to be a plan's date ("in 5000 weeks").
    Impossible,
    /// A plan event the plan has no date for at all: "by the second review", "by the
    /// core group". (An event the plan models but has not dated yet, such as "by the first
    /// review" before the review is booked, is not a problem: its `resolved` is `None`.)
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
///
/// Each slot holds the first time written for it; further times go to `other_dates`, and
/// further frequencies ("weekly for 4 weeks, then fortnightly") to `later_cadences`.
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
    /// The review date the text gives: "Review date 16/02/2027", "First review: 16.2.27".
    /// It also dates "the first review" / "the review" when the text names that as its
    /// deadline or end. When the text has no deadline, end or frequency, the same date is
    /// also the deadline, since "By when" asks for the first review date.
    #[serde(default)]
    pub review: Option<Dated>,
    /// Times read that fill no slot: a second deadline, a list of session dates.
    #[serde(default)]
    pub other_dates: Vec<Dated>,
    /// Frequencies after the first: "weekly for 4 weeks, then fortnightly".
    #[serde(default)]
    pub later_cadences: Vec<Cadence>,
}

impl Timescale {
    /// True when the text names something that can be placed on a calendar.
    pub fn is_placeable(&self) -> bool {
        self.deadline.is_some()
            || self.start.is_some()
            || self.end.is_some()
            || self.cadence.is_some()
            || self.review.is_some()
            || !self.other_dates.is_empty()
    }

    /// True when the text names no time at all but uses words that sound like one
    /// ("Ongoing", "ASAP", "when needed").
    pub fn is_vague(&self) -> bool {
        !self.no_time.is_empty() && !self.is_placeable()
    }

    /// Every time read (deadline, start, end, review, others), in the order written. The
    /// review date appears once even when it is also the deadline or end.
    pub fn dates(&self) -> Vec<&Dated> {
        let mut dates: Vec<&Dated> = [&self.deadline, &self.start, &self.end, &self.review]
            .into_iter()
            .flatten()
            .chain(&self.other_dates)
            .collect();
        dates.sort_by_key(|dated| (dated.span.start, dated.span.end));
        dates.dedup_by(|a, b| a == b);
        dates
    }

    /// The latest calendar date the text names (unresolved events are left out).
    pub fn latest_date(&self) -> Option<NaiveDate> {
        self.dates()
            .iter()
            .filter_map(|dated| dated.when.date())
            .max()
    }

    /// The earliest calendar date the text names (unresolved events are left out).
    pub fn earliest_date(&self) -> Option<NaiveDate> {
        self.dates()
            .iter()
            .filter_map(|dated| dated.when.date())
            .min()
    }

    /// Every frequency read, the first one first.
    pub fn cadences(&self) -> impl Iterator<Item = &Cadence> {
        self.cadence.iter().chain(&self.later_cadences)
    }

    /// The longest gap any of the text's frequencies allows, in calendar days
    /// (approximate, see [`Frequency::max_gap_days`]).
    pub fn longest_gap_days(&self) -> Option<u32> {
        self.cadences()
            .filter_map(|cadence| cadence.frequency.max_gap_days())
            .max()
    }
}

impl PlanEvent {
    /// How the event is named in a sentence: "the first review".
    pub fn describe(self) -> &'static str {
        match self {
            PlanEvent::AssessmentCompleted => "the assessment being completed",
            PlanEvent::Allocated => "allocation",
            PlanEvent::PlanningMeeting => "the planning meeting",
            PlanEvent::PlanCirculated => "the plan being circulated",
            PlanEvent::FirstReview => "the first review",
            PlanEvent::NextReview => "the next review",
        }
    }
}

impl std::fmt::Display for PlanEvent {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.describe())
    }
}

impl TimeUnit {
    /// The unit's name, singular or plural: "working day", "weeks".
    pub fn name(self, plural: bool) -> &'static str {
        match (self, plural) {
            (TimeUnit::Day, false) => "day",
            (TimeUnit::Day, true) => "days",
            (TimeUnit::WorkingDay, false) => "working day",
            (TimeUnit::WorkingDay, true) => "working days",
            (TimeUnit::SchoolDay, false) => "school day",
            (TimeUnit::SchoolDay, true) => "school days",
            (TimeUnit::Week, false) => "week",
            (TimeUnit::Week, true) => "weeks",
            (TimeUnit::Month, false) => "month",
            (TimeUnit::Month, true) => "months",
            (TimeUnit::Year, false) => "year",
            (TimeUnit::Year, true) => "years",
        }
    }
}

/// "5 working days after", "2 weeks before".
impl std::fmt::Display for Offset {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let size = self.amount.unsigned_abs();
        let direction = if self.amount < 0 { "before" } else { "after" };
        write!(f, "{size} {} {direction}", self.unit.name(size != 1))
    }
}

/// "16 February 2027", "the first review (16 February 2027)", "5 working days after the
/// planning meeting (23 November 2026)", "the first review (no date yet)".
impl std::fmt::Display for When {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            When::Date { date } => f.write_str(&long_date(*date)),
            When::Event {
                event,
                offset,
                resolved,
            } => {
                if let Some(offset) = offset {
                    write!(f, "{offset} ")?;
                }
                match resolved {
                    Some(date) => write!(f, "{event} ({})", long_date(*date)),
                    None => write!(f, "{event} (no date yet)"),
                }
            }
        }
    }
}

/// "every week", "every 2 weeks", "twice a week", "3 times a year", "on Mondays and
/// Thursdays".
impl std::fmt::Display for Frequency {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Frequency::Every { count: 1, unit } => write!(f, "every {}", unit.name(false)),
            Frequency::Every { count, unit } => write!(f, "every {count} {}", unit.name(true)),
            Frequency::TimesPer { times, unit } => {
                let times = match times {
                    1 => "once".to_owned(),
                    2 => "twice".to_owned(),
                    other => format!("{other} times"),
                };
                write!(f, "{times} a {}", unit.name(false))
            }
            Frequency::OnWeekdays { days } => {
                let names: Vec<String> = days
                    .iter()
                    .map(|day| format!("{}s", lexicon::weekday_name(*day)))
                    .collect();
                if names.is_empty() {
                    f.write_str("on no day")
                } else {
                    write!(f, "on {}", crate::family::words::join_and(&names))
                }
            }
        }
    }
}

/// Reads one timescale text. Never panics, whatever the text, and takes time linear in
/// its length.
///
/// ```
/// use chrono::NaiveDate;
/// use cinplan_core::plan::PlanDates;
/// use cinplan_core::timescale::{read_timescale, Frequency, ReadingContext, TimeUnit};
/// use cinplan_core::{Calendar, Region};
///
/// let dates = PlanDates {
///     planning_meeting: NaiveDate::from_ymd_opt(2026, 11, 16),
///     first_review: NaiveDate::from_ymd_opt(2027, 2, 16),
///     ..PlanDates::default()
/// };
/// let calendar = Calendar::new(Region::EnglandAndWales);
/// let context = ReadingContext {
///     dates: &dates,
///     today: NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default(),
///     calendar: &calendar,
/// };
/// let reading = read_timescale(
///     "Fortnightly sessions with Tommy until 3 month review, starting in two weeks.",
///     &context,
/// );
/// assert_eq!(
///     reading.cadence.map(|cadence| cadence.frequency),
///     Some(Frequency::Every { count: 2, unit: TimeUnit::Week })
/// );
/// assert_eq!(reading.start.and_then(|start| start.when.date()), NaiveDate::from_ymd_opt(2026, 11, 30));
/// assert_eq!(reading.end.and_then(|end| end.when.date()), NaiveDate::from_ymd_opt(2027, 2, 16));
/// ```
pub fn read_timescale(text: &str, context: &ReadingContext<'_>) -> Timescale {
    let list = tokens::tokenize(text);
    let scan = scan::Scan {
        text,
        tokens: tokens::Tokens { list: &list },
        context,
        reference: context.reference_date(),
    };
    let items = scan::scan(&scan);
    assemble::assemble(items, &scan)
}

#[cfg(test)]
mod tests;
