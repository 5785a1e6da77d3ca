//! Giving each time found its role, and building the [`Timescale`].
//!
//! A role word ("by", "starting", "until", "before", "after", "between") gives its role
//! to the next time within a few words in the same sentence. Without one:
//! - a review named with its date ("Review date 16/02/2027", "First review: 16.2.27") is
//!   the review date;
//! - a time in a text with a frequency is the start ("Weekly sessions 1 December 2026 to
//!   16 February 2027" starts on 1 December);
//! - any other time is the deadline.
//!
//! The first time of a range ("1 December to 16 February", "1/12/26 - 16/2/27") starts.
//! A second time for a role already filled goes to `other_dates`. "before X" is the day
//! before X, "after X" starts the day after X. "for 6 weeks" ends 6 weeks after the start
//! (or the reference date); a bare "6 weeks" is a deadline 6 weeks on, or the end of a
//! recurring thing. A written end ("until the first review") wins over a duration, and a
//! duration before a second frequency ("weekly for 4 weeks, then fortnightly") is the
//! first phase's, not the end. When
//! the text gives a review date, it also dates "the first review" / "the review" named as
//! the deadline or end (the text wins over the plan); with no deadline, end or frequency
//! it is the deadline too.

use chrono::NaiveDate;
use std::ops::Range;

use super::dates::{add_offset, long_date};
use super::events::resolve;
use super::scan::{Item, Point, PointValue, Role, Scan};
use super::{
    Cadence, Dated, Frequency, NoTime, Offset, PlanEvent, ProblemKind, TimeUnit, Timescale,
    TimescaleProblem, When,
};

/// How many tokens a role word reaches forward ("starting with a home visit on 1 December").
const ROLE_REACH: usize = 6;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Slot {
    Deadline,
    Start,
    End,
    Review,
}

/// A point with its role decided.
#[derive(Debug)]
struct Placed {
    slot: Option<Slot>,
    value: PointValue,
    span: Range<usize>,
}

/// What the first pass collects.
#[derive(Debug, Default)]
struct Collected {
    points: Vec<(Option<Role>, Point)>,
    durations: Vec<(Option<Role>, Offset, bool, Range<usize>)>,
    cadences: Vec<Cadence>,
    no_time: Vec<(NoTime, bool)>,
    problems: Vec<TimescaleProblem>,
}

/// A role word waiting for the time it governs.
#[derive(Debug, Clone, Copy)]
struct Pending {
    role: Role,
    /// The token just past the role word.
    end: usize,
    /// The "to" or "-" of a range: when it reaches a time, the time before it starts.
    range: bool,
}

fn collect(items: Vec<Item>) -> Collected {
    let mut collected = Collected::default();
    let mut pending: Option<Pending> = None;
    // The role waiting for a time starting at token `start`, if it reaches that far.
    let take = |pending: &mut Option<Pending>, start: usize| -> Option<Pending> {
        pending
            .take()
            .filter(|waiting| start <= waiting.end + ROLE_REACH)
    };
    for item in items {
        match item {
            Item::Break => pending = None,
            Item::Role {
                role,
                tokens,
                weak,
                range,
            } => {
                let waiting =
                    pending.is_some_and(|waiting| tokens.start <= waiting.end + ROLE_REACH);
                if !(weak && waiting) {
                    pending = Some(Pending {
                        role,
                        end: tokens.end,
                        range,
                    });
                }
            }
            Item::Point(point) => {
                let taken = if point.role.is_some() {
                    None
                } else {
                    take(&mut pending, point.tokens.start)
                };
                if taken.is_some_and(|waiting| waiting.range) {
                    if let Some((started @ None, _)) = collected.points.last_mut() {
                        *started = Some(Role::Start);
                    }
                }
                let role = point.role.or(taken.map(|waiting| waiting.role));
                let role = if role == Some(Role::Between) {
                    // "between 1 December and 16 February": the "and" leads to the end.
                    pending = Some(Pending {
                        role: Role::End,
                        end: point.tokens.end + 1,
                        range: false,
                    });
                    Some(Role::Start)
                } else {
                    role
                };
                collected.points.push((role, point));
            }
            Item::Duration {
                offset,
                explicit,
                span,
                tokens,
            } => {
                let role = take(&mut pending, tokens.start).map(|waiting| waiting.role);
                collected.durations.push((role, offset, explicit, span));
            }
            Item::Cadence { cadence, .. } => collected.cadences.push(cadence),
            Item::NoTime { no_time, often } => collected.no_time.push((no_time, often)),
            Item::Problem(problem) => collected.problems.push(problem),
        }
    }
    collected
}

fn is_weekly(frequency: &Frequency) -> bool {
    matches!(
        frequency,
        Frequency::Every {
            count: 1,
            unit: TimeUnit::Week | TimeUnit::Day
        } | Frequency::TimesPer {
            unit: TimeUnit::Week,
            ..
        }
    )
}

/// Joins frequencies written as one: "weekly or fortnightly" (the longer), "weekly
/// (Tuesdays)" (the days). The rest follow in order.
fn merge_cadences(cadences: Vec<Cadence>, text: &str) -> Vec<Cadence> {
    let mut merged: Vec<Cadence> = Vec::new();
    for cadence in cadences {
        let Some(previous) = merged.last_mut() else {
            merged.push(cadence);
            continue;
        };
        let between = text
            .get(previous.span.end..cadence.span.start)
            .unwrap_or("?")
            .trim()
            .trim_matches(|c: char| matches!(c, '(' | ')' | ','))
            .trim()
            .to_lowercase();
        let span = previous.span.start..cadence.span.end;
        let alternative = matches!(between.as_str(), "or" | "to" | "-" | "–" | "—" | "/");
        let same = matches!(between.as_str(), "" | "on" | "-" | "–");
        if alternative && !matches!(cadence.frequency, Frequency::OnWeekdays { .. }) {
            let longer = match (
                previous.frequency.max_gap_days(),
                cadence.frequency.max_gap_days(),
            ) {
                (Some(before), Some(after)) if after > before => cadence.frequency,
                _ => previous.frequency.clone(),
            };
            *previous = Cadence {
                frequency: longer,
                span,
            };
        } else if same && is_weekly(&previous.frequency) {
            if let Frequency::OnWeekdays { days } = cadence.frequency {
                *previous = Cadence {
                    frequency: Frequency::OnWeekdays { days },
                    span,
                };
            } else {
                merged.push(cadence);
            }
        } else if same
            && matches!(previous.frequency, Frequency::OnWeekdays { .. })
            && is_weekly(&cadence.frequency)
        {
            previous.span = span;
        } else {
            merged.push(cadence);
        }
    }
    merged
}

/// `when` moved by a day for "before" (-1) or "after" (+1).
fn shift_a_day(value: PointValue, days: i64, scan: &Scan<'_>) -> PointValue {
    let day = Offset {
        amount: days,
        unit: TimeUnit::Day,
    };
    match value {
        PointValue::Date(date) => match add_offset(date, day, scan.context.calendar) {
            Some(shifted) => PointValue::Date(shifted),
            None => PointValue::Date(date),
        },
        PointValue::Event {
            event,
            offset: None,
            text_date,
        } => PointValue::Event {
            event,
            offset: Some(day),
            text_date,
        },
        PointValue::Event {
            event,
            offset:
                Some(Offset {
                    amount,
                    unit: TimeUnit::Day,
                }),
            text_date,
        } => PointValue::Event {
            event,
            offset: Some(Offset {
                amount: amount.saturating_add(days),
                unit: TimeUnit::Day,
            }),
            text_date,
        },
        other => other,
    }
}

fn is_review(event: PlanEvent) -> bool {
    matches!(event, PlanEvent::FirstReview | PlanEvent::NextReview)
}

/// A month or week without a day works as a start; as anything else it is a problem.
fn place_period(
    role: Option<Role>,
    (first, last, names): (NaiveDate, NaiveDate, &str),
    span: &Range<usize>,
    scan: &Scan<'_>,
) -> Result<(Option<Role>, PointValue), TimescaleProblem> {
    match role {
        Some(Role::Start | Role::Between) => Ok((Some(Role::Start), PointValue::Date(first))),
        Some(Role::After) => Ok((Some(Role::After), PointValue::Date(last))),
        _ => {
            let written = scan.text.get(span.clone()).unwrap_or("");
            let leading = match role {
                Some(Role::End) => "until",
                Some(Role::Before) => "before",
                _ => "by",
            };
            Err(TimescaleProblem {
                kind: ProblemKind::Ambiguous,
                span: span.clone(),
                message: format!(
                    "'{written}' names a {names}, not a day: write the day, e.g. '{leading} {}' \
                     or '{leading} {}'.",
                    long_date(last),
                    long_date(first)
                ),
            })
        }
    }
}

/// Decides each point's slot.
fn place_points(
    points: Vec<(Option<Role>, Point)>,
    has_cadence: bool,
    scan: &Scan<'_>,
    problems: &mut Vec<TimescaleProblem>,
) -> Vec<Placed> {
    let mut placed: Vec<Placed> = Vec::new();
    // Which slots are filled, kept as a set so that a long list of dates stays linear.
    let mut filled: Vec<Slot> = Vec::new();
    let mut claim = |slot: Slot| -> Option<Slot> {
        if filled.contains(&slot) {
            None
        } else {
            filled.push(slot);
            Some(slot)
        }
    };
    let mut unmarked: Vec<(usize, Point)> = Vec::new();
    for (role, point) in points {
        let (role, value) = match point.value {
            PointValue::Period { first, last, names } => {
                match place_period(role, (first, last, names), &point.span, scan) {
                    Ok(placed_period) => placed_period,
                    Err(problem) => {
                        problems.push(problem);
                        continue;
                    }
                }
            }
            other => (role, other),
        };
        let (slot, value) = match role {
            Some(Role::Deadline) => (Slot::Deadline, value),
            Some(Role::Before) => (Slot::Deadline, shift_a_day(value, -1, scan)),
            Some(Role::After) => (Slot::Start, shift_a_day(value, 1, scan)),
            Some(Role::Start | Role::Between) => (Slot::Start, value),
            Some(Role::End) => (Slot::End, value),
            None => {
                unmarked.push((placed.len(), Point { value, ..point }));
                placed.push(Placed {
                    slot: None,
                    value: PointValue::Date(NaiveDate::MIN),
                    span: 0..0,
                });
                continue;
            }
        };
        let slot = claim(slot);
        placed.push(Placed {
            slot,
            value,
            span: point.span,
        });
    }
    // Unmarked points take what is left, in order.
    for (position, point) in unmarked {
        let names_review = matches!(
            point.value,
            PointValue::Event { event, text_date: Some(_), .. } if is_review(event)
        );
        let wanted = if names_review {
            Slot::Review
        } else if has_cadence {
            Slot::Start
        } else {
            Slot::Deadline
        };
        let slot = claim(wanted);
        if let Some(entry) = placed.get_mut(position) {
            *entry = Placed {
                slot,
                value: point.value,
                span: point.span,
            };
        }
    }
    placed
}

fn when_of(value: &PointValue, start: Option<&When>, scan: &Scan<'_>) -> Option<When> {
    let calendar = scan.context.calendar;
    match value {
        PointValue::Date(date) => Some(When::Date { date: *date }),
        PointValue::Period { first, .. } => Some(When::Date { date: *first }),
        PointValue::Event {
            event,
            offset,
            text_date,
        } => Some(When::Event {
            event: *event,
            offset: *offset,
            resolved: resolve(*event, *offset, *text_date, scan.context.dates, calendar),
        }),
        PointValue::AfterStart(offset) => after(start, *offset, scan),
    }
}

/// `offset` after the start (an event stays an event), or after the reference date.
fn after(start: Option<&When>, offset: Offset, scan: &Scan<'_>) -> Option<When> {
    let calendar = scan.context.calendar;
    match start {
        Some(When::Event {
            event,
            offset: None,
            resolved,
        }) => Some(When::Event {
            event: *event,
            offset: Some(offset),
            resolved: resolved.and_then(|date| add_offset(date, offset, calendar)),
        }),
        Some(When::Event { .. }) => None,
        Some(When::Date { date }) => Some(When::Date {
            date: add_offset(*date, offset, calendar)?,
        }),
        None => Some(When::Date {
            date: add_offset(scan.reference, offset, calendar)?,
        }),
    }
}

fn slot_of(timescale: &mut Timescale, slot: Slot) -> &mut Option<Dated> {
    match slot {
        Slot::Deadline => &mut timescale.deadline,
        Slot::Start => &mut timescale.start,
        Slot::End => &mut timescale.end,
        Slot::Review => &mut timescale.review,
    }
}

/// Builds the reading from everything the scan found.
pub(super) fn assemble(items: Vec<Item>, scan: &Scan<'_>) -> Timescale {
    let collected = collect(items);
    let mut timescale = Timescale {
        problems: collected.problems,
        ..Timescale::default()
    };
    let mut cadences = merge_cadences(collected.cadences, scan.text).into_iter();
    timescale.cadence = cadences.next();
    timescale.later_cadences = cadences.collect();
    let has_cadence = timescale.cadence.is_some();

    let mut placed = place_points(collected.points, has_cadence, scan, &mut timescale.problems);

    // The text's own review date dates the review it names as deadline or end.
    let review_date = placed.iter().find_map(|p| match (&p.slot, &p.value) {
        (Some(Slot::Review), PointValue::Date(date)) => Some(*date),
        (Some(Slot::Review), PointValue::Event { text_date, .. }) => *text_date,
        _ => None,
    });
    if let Some(review_date) = review_date {
        for entry in &mut placed {
            if let (
                Some(Slot::Deadline | Slot::End),
                PointValue::Event {
                    event,
                    text_date: text_date @ None,
                    ..
                },
            ) = (&entry.slot, &mut entry.value)
            {
                if is_review(*event) {
                    *text_date = Some(review_date);
                }
            }
        }
    }

    let start = placed
        .iter()
        .find(|p| p.slot == Some(Slot::Start))
        .and_then(|p| when_of(&p.value, None, scan));
    for entry in &placed {
        let Some(when) = when_of(&entry.value, start.as_ref(), scan) else {
            continue;
        };
        let dated = Dated {
            when,
            span: entry.span.clone(),
        };
        match entry.slot {
            Some(slot) => *slot_of(&mut timescale, slot) = Some(dated),
            None => timescale.other_dates.push(dated),
        }
    }

    // "weekly for 4 weeks, then fortnightly": that duration is the first phase's, not
    // the end of the work.
    let second_phase = timescale
        .later_cadences
        .first()
        .map(|cadence| cadence.span.start);
    for (role, offset, explicit, span) in collected.durations {
        if second_phase.is_some_and(|second| span.end <= second) {
            continue;
        }
        let slot = match role {
            Some(Role::Deadline | Role::Before) => Slot::Deadline,
            Some(Role::Start | Role::After | Role::Between) => Slot::Start,
            Some(Role::End) => Slot::End,
            None if explicit || has_cadence => Slot::End,
            None => Slot::Deadline,
        };
        if slot_of(&mut timescale, slot).is_some() {
            continue;
        }
        let anchor = timescale.start.as_ref().map(|start| &start.when);
        if let Some(when) = after(anchor, offset, scan) {
            *slot_of(&mut timescale, slot) = Some(Dated { when, span });
        }
    }

    // "By when" asks for the first review date: alone, it is the deadline. With a
    // frequency it may be the first of many reviews, so it stays only the review date.
    if let Some(review) = &timescale.review {
        if timescale.deadline.is_none() && timescale.end.is_none() && !has_cadence {
            timescale.deadline = Some(review.clone());
        }
    }

    timescale.no_time = collected
        .no_time
        .into_iter()
        .filter(|(_, often)| !(has_cadence && *often))
        .map(|(no_time, _)| no_time)
        .collect();
    timescale
}
