//! Times counted from something: "in two weeks", "within 10 working days", "next
//! Monday", "within 5 working days of the meeting", "2 weeks before the review", "for 6
//! weeks".
//!
//! Without an anchor, a time counts from the reference date (the planning meeting, else
//! today):
//! - "next week" is the Monday of the following week; "next month" its first day;
//! - "next Monday", "this Friday", "on Monday" are the first such day strictly after the
//!   reference date;
//! - "end of the week" is its Friday, "end of next week" the next one, "end of the month"
//!   its last day, "end of the year" 31 December;
//! - "today", "immediately", "straight away" are the reference date, "tomorrow" the day
//!   after it;
//! - "in 2 weeks", "within 10 working days", "2 weeks from now" count from it.
//!
//! "within N … of X", "N … after X" and "N … before X" count from X: a plan event, a
//! written date, or "starting" (the start the text gives). Counts over
//! [`MAX_AMOUNT`] are problems rather than dates centuries away.

use chrono::{Datelike, Days, Months, NaiveDate};
use std::sync::OnceLock;

use super::dates::{self, add_offset, last_day_of_month};
use super::events::{self, EventName};
use super::lexicon::{count_at, unit_at, weekday_at, PhraseTable, UnitWord};
use super::scan::{Found, Item, PointValue, Scan};
use super::{Offset, ProblemKind, TimeUnit};

/// The largest count of units read as a time ("in 1000 days" is read, "in 5000 weeks" is
/// a problem).
pub const MAX_AMOUNT: u64 = 1000;

/// A count and a unit at `index`: "6 weeks", "two working days", "6-week", "a fortnight"
/// (with `article`), "3-5 days" (the longer end), "6/52" (weeks).
fn count_unit_at(scan: &Scan<'_>, index: usize, article: bool) -> Option<(u64, UnitWord, usize)> {
    let tokens = scan.tokens;
    let (mut count, mut position) = count_at(tokens, index, article)?;
    // Clinical shorthand: "6/52" is six weeks (there is no month 52).
    if tokens.is_punct(position, '/')
        && tokens
            .number(position + 1)
            .is_some_and(|number| number.lower == "52")
    {
        let week = UnitWord::Unit {
            unit: TimeUnit::Week,
            multiple: 1,
        };
        return Some((count, week, position + 2));
    }
    // A range reads as its longer end: "within 3-5 working days" is within 5.
    let ranged = tokens.is_any_word(position, &["to", "or"]) || tokens.is_punct(position, '-');
    if ranged {
        if let Some((second, after)) = count_at(tokens, position + 1, false) {
            if unit_at(tokens, tokens.skip_punct(after, &['-'])).is_some() {
                count = count.max(second);
                position = after;
            }
        }
    }
    if tokens.is_punct(position, '-') {
        position += 1;
    }
    let (unit, end) = unit_at(tokens, position)?;
    Some((count, unit, end))
}

/// An offset of `count` units; `Err` with the amount when it is too large to be a time.
fn offset_of(count: u64, unit: UnitWord, negative: bool) -> Result<Offset, u64> {
    let (amount, unit) = match unit {
        UnitWord::Unit { unit, multiple } => (count.saturating_mul(multiple), unit),
        UnitWord::Hours => (count.div_ceil(24), TimeUnit::Day),
    };
    if amount > MAX_AMOUNT {
        return Err(amount);
    }
    let signed = i64::try_from(amount).map_err(|_| amount)?;
    Ok(Offset {
        amount: if negative { -signed } else { signed },
        unit,
    })
}

fn too_far(scan: &Scan<'_>, first: usize, end: usize) -> Item {
    let written = scan.written(first, end);
    scan.problem(
        first,
        end,
        ProblemKind::Impossible,
        format!("'{written}' is too far away to be a date in a plan: check the number."),
    )
}

/// A point `offset` after the reference date, or the problem with it.
fn from_reference(scan: &Scan<'_>, first: usize, end: usize, offset: Offset) -> Item {
    match add_offset(scan.reference, offset, scan.context.calendar) {
        Some(date) => scan.point(first, end, PointValue::Date(date)),
        None => too_far(scan, first, end),
    }
}

fn monday_of(date: NaiveDate) -> Option<NaiveDate> {
    date.checked_sub_days(Days::new(u64::from(date.weekday().num_days_from_monday())))
}

fn first_of_month(date: NaiveDate) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(date.year(), date.month(), 1)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Named {
    Today,
    Tomorrow,
    NextWeek,
    WeekAfterNext,
    NextMonth,
    EndOfWeek,
    EndOfNextWeek,
    EndOfMonth,
    EndOfNextMonth,
    EndOfYear,
    /// "now", only after "from" or "as of".
    Now,
}

fn named_table() -> &'static PhraseTable<Named> {
    static TABLE: OnceLock<PhraseTable<Named>> = OnceLock::new();
    TABLE.get_or_init(|| {
        use Named::*;
        PhraseTable::new(&[
            ("today", Today),
            ("immediately", Today),
            ("immediate", Today),
            ("with immediate effect", Today),
            ("straight away", Today),
            ("straightaway", Today),
            ("right away", Today),
            ("tomorrow", Tomorrow),
            ("next week", NextWeek),
            ("the following week", NextWeek),
            ("week after next", WeekAfterNext),
            ("next month", NextMonth),
            ("end of the week", EndOfWeek),
            ("end of this week", EndOfWeek),
            ("end of week", EndOfWeek),
            ("end of next week", EndOfNextWeek),
            ("end of the month", EndOfMonth),
            ("end of this month", EndOfMonth),
            ("end of month", EndOfMonth),
            ("month end", EndOfMonth),
            ("month-end", EndOfMonth),
            ("end of next month", EndOfNextMonth),
            ("end of the year", EndOfYear),
            ("end of this year", EndOfYear),
            ("end of the calendar year", EndOfYear),
            ("year end", EndOfYear),
            ("year-end", EndOfYear),
            ("now", Now),
        ])
    })
}

fn named_date(named: Named, reference: NaiveDate) -> Option<NaiveDate> {
    let friday = |monday: NaiveDate| monday.checked_add_days(Days::new(4));
    match named {
        Named::Today | Named::Now => Some(reference),
        Named::Tomorrow => reference.checked_add_days(Days::new(1)),
        Named::NextWeek => monday_of(reference)?.checked_add_days(Days::new(7)),
        Named::WeekAfterNext => monday_of(reference)?.checked_add_days(Days::new(14)),
        Named::NextMonth => first_of_month(reference)?.checked_add_months(Months::new(1)),
        Named::EndOfWeek => {
            let friday = friday(monday_of(reference)?)?;
            // At a weekend, the week's end is its Sunday.
            if friday >= reference {
                Some(friday)
            } else {
                monday_of(reference)?.checked_add_days(Days::new(6))
            }
        }
        Named::EndOfNextWeek => friday(monday_of(reference)?.checked_add_days(Days::new(7))?),
        Named::EndOfMonth => last_day_of_month(reference.year(), reference.month()),
        Named::EndOfNextMonth => {
            let next = first_of_month(reference)?.checked_add_months(Months::new(1))?;
            last_day_of_month(next.year(), next.month())
        }
        Named::EndOfYear => NaiveDate::from_ymd_opt(reference.year(), 12, 31),
    }
}

fn named_at(scan: &Scan<'_>, index: usize) -> Option<Found> {
    let tokens = scan.tokens;
    let (named, end) = named_table().longest_at(tokens, index)?;
    if named == Named::Now
        && !index
            .checked_sub(1)
            .is_some_and(|previous| tokens.is_any_word(previous, &["from", "of"]))
    {
        return None;
    }
    let item = match named_date(named, scan.reference) {
        Some(date) => scan.point(index, end, PointValue::Date(date)),
        None => too_far(scan, index, end),
    };
    Some(Found::one(end, item))
}

/// "next Monday", "this Friday", "Monday": the first such day after the reference date.
fn weekday_point_at(scan: &Scan<'_>, index: usize) -> Option<Found> {
    let tokens = scan.tokens;
    let mut position = index;
    let mut prefixed = false;
    if tokens.is_any_word(position, &["next", "this", "coming"]) {
        prefixed = true;
        position += 1;
        position = tokens.skip_optional(position, &["coming"]);
    }
    let weekday = weekday_at(tokens, position).filter(|weekday| !weekday.plural)?;
    if weekday.abbreviated {
        let led = index.checked_sub(1).is_some_and(|previous| {
            tokens.is_any_word(
                previous,
                &["on", "by", "from", "until", "starting", "before"],
            )
        });
        if !prefixed && !led {
            return None;
        }
    }
    let reference = scan.reference;
    let today = u8::try_from(reference.weekday().number_from_monday()).unwrap_or(1);
    let ahead = (i64::from(weekday.number) - i64::from(today)).rem_euclid(7);
    let ahead = if ahead == 0 { 7 } else { ahead };
    let end = position + 1;
    let item = match reference.checked_add_days(Days::new(ahead.unsigned_abs())) {
        Some(date) => scan.point(index, end, PointValue::Date(date)),
        None => too_far(scan, index, end),
    };
    Some(Found::one(end, item))
}

/// "in 2 weeks", "within 10 working days", "in a fortnight's time", "within the next
/// month", "2 weeks from now".
fn counted_at(scan: &Scan<'_>, index: usize) -> Option<Found> {
    let tokens = scan.tokens;
    let (count, unit, mut end) = if tokens.is_any_word(index, &["in", "within"]) {
        let mut position = tokens.skip_optional(index + 1, &["the"]);
        let next = tokens.is_any_word(position, &["next", "coming", "following", "first"]);
        if next {
            position += 1;
        }
        match count_unit_at(scan, position, true) {
            Some(found) => found,
            None if next => {
                let (unit, end) = unit_at(tokens, position)?;
                (1, unit, end)
            }
            None => return None,
        }
    } else {
        let (count, unit, end) = count_unit_at(scan, index, false)?;
        let anchored = (tokens.is_word(end, "from")
            && tokens.is_any_word(end + 1, &["now", "today"]))
            || tokens.is_word(end, "time")
            || (tokens.is_punct(end, '\'') && tokens.is_word(end + 1, "time"));
        if !anchored {
            return None;
        }
        (count, unit, end)
    };
    // "'s time", "' time", "time", "from now", "from today".
    if tokens.is_punct(end, '\'') {
        let after = tokens.skip_optional(end + 1, &["s"]);
        if tokens.is_word(after, "time") {
            end = after + 1;
        }
    } else if tokens.is_word(end, "time") {
        end += 1;
    } else if tokens.is_word(end, "from") && tokens.is_any_word(end + 1, &["now", "today"]) {
        end += 2;
    }
    let item = match offset_of(count, unit, false) {
        Ok(offset) => from_reference(scan, index, end, offset),
        Err(_) => too_far(scan, index, end),
    };
    Some(Found::one(end, item))
}

/// Dates counted from the reference date, the longest form winning.
pub(super) fn relative_at(scan: &Scan<'_>, index: usize) -> Option<Found> {
    [
        named_at(scan, index),
        weekday_point_at(scan, index),
        counted_at(scan, index),
    ]
    .into_iter()
    .flatten()
    .fold(None, |best: Option<Found>, found| match best {
        Some(best) if best.end >= found.end => Some(best),
        _ => Some(found),
    })
}

fn relation_table() -> &'static PhraseTable<bool> {
    static TABLE: OnceLock<PhraseTable<bool>> = OnceLock::new();
    TABLE.get_or_init(|| {
        PhraseTable::new(&[
            ("of", false),
            ("after", false),
            ("from", false),
            ("following", false),
            ("since", false),
            ("post", false),
            ("before", true),
            ("prior to", true),
            ("ahead of", true),
            ("in advance of", true),
        ])
    })
}

/// "within 5 working days of the meeting", "2 weeks before the review", "10 days after
/// 1 December", "within 2 weeks of starting", "within 72 hours of each visit".
pub(super) fn anchored_offset_at(scan: &Scan<'_>, index: usize) -> Option<Found> {
    let tokens = scan.tokens;
    let start = tokens.skip_optional(index, &["within", "in"]);
    let (count, unit, after_unit) = count_unit_at(scan, start, true)?;
    let (negative, mut position) = relation_table().longest_at(tokens, after_unit)?;
    let recurring = tokens.is_any_word(position, &["each", "every", "any", "all"]);
    if recurring {
        position += 1;
    }
    position = tokens.skip_optional(position, &["the", "his", "her", "their", "this"]);
    let offset = offset_of(count, unit, negative);

    if let Some((name, phrase_end)) = events::event_phrase_at(tokens, position) {
        let own = events::own_date_at(scan, phrase_end);
        let end = own.as_ref().map_or(phrase_end, |(_, _, end)| *end);
        let Ok(offset) = offset else {
            return Some(Found::one(end, too_far(scan, index, end)));
        };
        let mut items = Vec::new();
        let text_date = match own {
            Some((Ok(date), _, _)) => Some(date),
            Some((Err(problem), date_start, date_end)) => {
                items.push(scan.problem(date_start, date_end, problem.kind, problem.message));
                None
            }
            None => None,
        };
        match name {
            EventName::Known(event) | EventName::Recurring(event) if !recurring => {
                items.insert(
                    0,
                    scan.point(
                        index,
                        phrase_end,
                        PointValue::Event {
                            event,
                            offset: Some(offset),
                            text_date,
                        },
                    ),
                );
            }
            EventName::Start => {
                items.insert(
                    0,
                    scan.point(index, phrase_end, PointValue::AfterStart(offset)),
                );
            }
            EventName::Unknown(description) => {
                let written = scan.written(position, phrase_end);
                items.insert(
                    0,
                    scan.problem(
                        position,
                        phrase_end,
                        ProblemKind::UnknownEventDate,
                        format!(
                            "The plan gives no date for {description}: write its date after \
                             it ('{written} on …')."
                        ),
                    ),
                );
            }
            _ => {}
        }
        return Some(Found { end, items });
    }
    if let Some((result, end)) = dates::written_date_at(scan, position) {
        let item = match (offset, result) {
            (Ok(offset), Ok(date)) => match add_offset(date, offset, scan.context.calendar) {
                Some(date) => scan.point(index, end, PointValue::Date(date)),
                None => too_far(scan, index, end),
            },
            (Err(_), _) => too_far(scan, index, end),
            (_, Err(problem)) => scan.problem(position, end, problem.kind, problem.message),
        };
        return Some(Found::one(end, item));
    }
    if tokens.is_any_word(position, &["today", "now"]) {
        let end = position + 1;
        let item = match offset {
            Ok(offset) => from_reference(scan, index, end, offset),
            Err(_) => too_far(scan, index, end),
        };
        return Some(Found::one(end, item));
    }
    // "within 72 hours of each visit", "within a week of the incident": counted from
    // something the plan does not date, so there is nothing to place.
    if tokens.word(position).is_some() && position > after_unit + 1 {
        return Some(Found {
            end: position + 1,
            items: Vec::new(),
        });
    }
    None
}

/// "for 6 weeks", "over the next 3 months", "for a period of 12 weeks" (explicit), or a
/// bare "6 weeks" / "12 week". Hours are never a duration ("for 1 hour" is a session's
/// length).
pub(super) fn duration_at(scan: &Scan<'_>, index: usize) -> Option<Found> {
    const SKIPPABLE: &[&str] = &[
        "the",
        "a",
        "next",
        "first",
        "further",
        "following",
        "coming",
        "another",
        "total",
        "period",
        "of",
        "at",
        "least",
        "minimum",
        "maximum",
        "up",
        "to",
        "approximately",
        "about",
        "around",
    ];
    let tokens = scan.tokens;
    let explicit = tokens.is_any_word(index, &["for", "over", "lasting"]);
    let (count, unit, mut end) = if explicit {
        // Up to four filler words: "for a period of 12 weeks".
        (index + 1..index + 6)
            .take_while(|position| {
                *position == index + 1 || tokens.is_any_word(position - 1, SKIPPABLE)
            })
            .find_map(|position| count_unit_at(scan, position, true))?
    } else {
        let found = count_unit_at(scan, index, false)?;
        if tokens.is_any_word(
            found.2,
            &[
                "old", "ago", "late", "overdue", "behind", "pregnant", "earlier", "later", "of",
            ],
        ) {
            return None;
        }
        found
    };
    // "for 1 hour" is how long a session lasts, not how long the work goes on.
    if unit == UnitWord::Hours {
        return None;
    }
    if explicit && tokens.is_any_word(end, &["period", "programme", "course", "block"]) {
        end += 1;
    }
    let item = match offset_of(count, unit, false) {
        Ok(offset) => Item::Duration {
            offset,
            explicit,
            span: tokens.span(index, end),
            tokens: index..end,
        },
        Err(_) => too_far(scan, index, end),
    };
    Some(Found::one(end, item))
}
