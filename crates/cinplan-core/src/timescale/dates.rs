//! Calendar dates as practitioners write them.
//!
//! Accepted forms (day before month, UK order):
//! - numbers: `15/01/2027`, `15.01.27`, `15-1-2027`, ISO `2027-01-15`, and `15/01` with
//!   no year (slash only, so "1.5" and "4-6" are never dates);
//! - words: `15 January 2027`, `15th Jan`, `3 rd May`, `the 15th of January`,
//!   `15-Jan-2027`, and month first: `January 15th 2027`, `Jan 15`;
//! - a day name in front is checked: `Monday 16 December 2026` is a problem, because
//!   16 December 2026 is a Wednesday; `w/c 7 December` (week commencing) must be a Monday;
//! - parts of a month: `end of March` (the last day), `mid-January` (the 15th),
//!   `beginning of March` (the 1st); `early March` and `late March` are problems, since
//!   they name no day;
//! - a month alone after "by", "from", "until", "in" …: its first day for a start
//!   ("from January"), a problem for a deadline or an end ("by January" — which day?);
//!   likewise a week of a month ("from the first week of December", days 1–7; "the last
//!   week of January", its last seven days);
//! - named days: Christmas Eve, Christmas (Day), Boxing Day, New Year's Eve, New Year's
//!   Day, Good Friday, Easter (Sunday), Easter Monday. School terms and holidays
//!   ("half term", "end of term", "Easter holidays") differ between schools and are
//!   problems.
//!
//! Two-digit years are 20xx. A year must have four digits and lie in 1900–2199:
//! "20014" is a problem ("did you mean 2014?").
//!
//! A date written without a year is read as its next occurrence on or after the
//! reference date (the planning meeting, else today) — unless it fell in the
//! [`RECENT_PAST_DAYS`] before the reference date, where it could equally be a date just
//! gone or one almost a year ahead: that is an `Ambiguous` problem asking for the year.

use chrono::{Datelike, Days, Months, NaiveDate};
use std::sync::OnceLock;

use super::lexicon::{month_at, unit_at, weekday_at, weekday_name, PhraseTable};
use super::scan::{Found, Item, PointValue, Scan};
use super::tokens::Tokens;
use super::{Offset, ProblemKind, TimeUnit};
use crate::calendar::Calendar;

/// How many days before the reference date a year-less date is too close to call: "by
/// 1 November" written at a meeting on 16 November could be a date just missed or one
/// almost a year away.
pub const RECENT_PAST_DAYS: i64 = 56;

/// Why written words could not be read as a date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct DateProblem {
    pub kind: ProblemKind,
    pub message: String,
}

pub(super) type DateResult = Result<NaiveDate, DateProblem>;

fn impossible(message: String) -> DateProblem {
    DateProblem {
        kind: ProblemKind::Impossible,
        message,
    }
}

fn ambiguous(message: String) -> DateProblem {
    DateProblem {
        kind: ProblemKind::Ambiguous,
        message,
    }
}

pub(super) fn month_name(month: u32) -> &'static str {
    match month {
        1 => "January",
        2 => "February",
        3 => "March",
        4 => "April",
        5 => "May",
        6 => "June",
        7 => "July",
        8 => "August",
        9 => "September",
        10 => "October",
        11 => "November",
        _ => "December",
    }
}

/// A date the way it is written in a UK plan: "16 February 2027".
pub fn long_date(date: NaiveDate) -> String {
    format!(
        "{} {} {}",
        date.day(),
        month_name(date.month()),
        date.year()
    )
}

fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub(super) fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 31,
    }
}

pub(super) fn last_day_of_month(year: i32, month: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, days_in_month(year, month))
}

/// Easter Sunday (Gregorian; the anonymous algorithm).
pub(super) fn easter_sunday(year: i32) -> Option<NaiveDate> {
    let a = year.rem_euclid(19);
    let b = year.div_euclid(100);
    let c = year.rem_euclid(100);
    let d = b.div_euclid(4);
    let e = b.rem_euclid(4);
    let f = (b + 8).div_euclid(25);
    let g = (b - f + 1).div_euclid(3);
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c.div_euclid(4);
    let k = c.rem_euclid(4);
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l).div_euclid(451);
    let month = (h + l - 7 * m + 114).div_euclid(31);
    let day = (h + l - 7 * m + 114).rem_euclid(31) + 1;
    NaiveDate::from_ymd_opt(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

/// `date` moved by `offset` (working and school days through `calendar`). `None` past the
/// ends of the calendar.
pub(super) fn add_offset(
    date: NaiveDate,
    offset: Offset,
    calendar: &Calendar,
) -> Option<NaiveDate> {
    let amount = offset.amount;
    let days = |count: i64| -> Option<NaiveDate> {
        if count >= 0 {
            date.checked_add_days(Days::new(count.unsigned_abs()))
        } else {
            date.checked_sub_days(Days::new(count.unsigned_abs()))
        }
    };
    let months = |count: i64| -> Option<NaiveDate> {
        let magnitude = Months::new(u32::try_from(count.unsigned_abs()).ok()?);
        if count >= 0 {
            date.checked_add_months(magnitude)
        } else {
            date.checked_sub_months(magnitude)
        }
    };
    match offset.unit {
        TimeUnit::Day => days(amount),
        TimeUnit::Week => days(amount.checked_mul(7)?),
        TimeUnit::Month => months(amount),
        TimeUnit::Year => months(amount.checked_mul(12)?),
        // School terms are not known here; a school day is read as a working day.
        TimeUnit::WorkingDay | TimeUnit::SchoolDay => calendar.add_working_days(date, amount),
    }
}

/// The candidate nearest after `reference` among three years, or a problem when a
/// candidate fell just before it.
fn infer_year(
    scan: &Scan<'_>,
    written: &str,
    candidate: impl Fn(i32) -> Option<NaiveDate>,
) -> DateResult {
    let reference = scan.reference;
    let year = reference.year();
    let candidates: Vec<NaiveDate> = [year.checked_sub(1), Some(year), year.checked_add(1)]
        .into_iter()
        .flatten()
        .filter_map(&candidate)
        .collect();
    let next = candidates
        .iter()
        .copied()
        .filter(|date| *date >= reference)
        .min();
    let previous = candidates
        .iter()
        .copied()
        .filter(|date| *date < reference)
        .max();
    let Some(next) = next else {
        return Err(impossible(format!(
            "'{written}' cannot be placed in a year near {}: write the full date.",
            scan.reference_label()
        )));
    };
    if let Some(previous) = previous {
        let days_before = reference.signed_duration_since(previous).num_days();
        if days_before <= RECENT_PAST_DAYS {
            return Err(ambiguous(format!(
                "'{written}' has no year: it could be {}, {} before {}, or {}. Write the year.",
                long_date(previous),
                plural(days_before, "day"),
                scan.reference_label(),
                long_date(next)
            )));
        }
    }
    Ok(next)
}

pub(super) fn plural(count: i64, unit: &str) -> String {
    if count == 1 {
        format!("1 {unit}")
    } else {
        format!("{count} {unit}s")
    }
}

/// A day and month written without a year.
fn day_month_without_year(scan: &Scan<'_>, written: &str, day: u32, month: u32) -> DateResult {
    let most = if month == 2 {
        29
    } else {
        days_in_month(2027, month)
    };
    if day == 0 || day > most {
        let detail = if month == 2 {
            "February has 28 days, 29 in a leap year".to_owned()
        } else {
            format!("{} has {most} days", month_name(month))
        };
        return Err(impossible(format!(
            "There is no {day} {}: {detail}.",
            month_name(month)
        )));
    }
    if month == 2 && day == 29 {
        let reference = scan.reference;
        let year = if (2, 29) >= (reference.month(), reference.day()) {
            Some(reference.year())
        } else {
            reference.year().checked_add(1)
        };
        if let Some(year) = year.filter(|year| !is_leap_year(*year)) {
            return Err(impossible(format!(
                "There is no 29 February {year}: {year} is not a leap year. Write the year."
            )));
        }
    }
    infer_year(scan, written, |year| {
        NaiveDate::from_ymd_opt(year, month, day)
    })
}

fn full_date(year: i32, month: u32, day: u32) -> DateResult {
    if let Some(date) = NaiveDate::from_ymd_opt(year, month, day) {
        return Ok(date);
    }
    if !(1..=12).contains(&month) {
        return Err(impossible(format!("There is no month {month}.")));
    }
    let name = month_name(month);
    if month == 2 && day == 29 {
        return Err(impossible(format!(
            "There is no 29 February {year}: {year} is not a leap year."
        )));
    }
    Err(impossible(format!(
        "There is no {day} {name} {year}: {name} {year} has {} days.",
        days_in_month(year, month)
    )))
}

/// Checks a year as written (`text` keeps leading zeros).
fn checked_year(scan: &Scan<'_>, text: &str, value: u64) -> Result<i32, DateProblem> {
    const PLAUSIBLE: std::ops::RangeInclusive<i32> = 1900..=2199;
    let reference_year = scan.reference.year();
    match text.len() {
        2 => Ok(2000 + i32::try_from(value).unwrap_or(0)),
        4 => {
            let year = i32::try_from(value).unwrap_or(0);
            if PLAUSIBLE.contains(&year) {
                return Ok(year);
            }
            let guess = [2000 + year % 1000, 2000 + year % 100]
                .into_iter()
                .find(|guess| PLAUSIBLE.contains(guess) && *guess != year);
            Err(impossible(match guess {
                Some(guess) => {
                    format!("{text} is not a year this plan could mean: did you mean {guess}?")
                }
                None => format!("{text} is not a year this plan could mean: check the year."),
            }))
        }
        5 => {
            let guess = (0..text.len())
                .filter_map(|skip| {
                    let shorter: String = text
                        .char_indices()
                        .filter(|(index, _)| *index != skip)
                        .map(|(_, digit)| digit)
                        .collect();
                    shorter.parse::<i32>().ok()
                })
                .filter(|year| PLAUSIBLE.contains(year))
                .min_by_key(|year| (year - reference_year).abs());
            Err(impossible(match guess {
                Some(guess) => format!("{text} is not a year: did you mean {guess}?"),
                None => format!("{text} is not a year: write the year with four digits."),
            }))
        }
        _ => Err(impossible(format!(
            "{text} is not a year: write the year with four digits."
        ))),
    }
}

/// Whether the token at `index` can follow a short (two- or three-digit) year: the end
/// of the text or punctuation that is not part of a time of day.
fn ends_a_short_year(tokens: Tokens<'_>, index: usize) -> bool {
    match tokens.get(index) {
        None => true,
        Some(_) => match tokens.punct(index) {
            Some(':') => false,
            Some('.') => tokens.number(index + 1).is_none(),
            Some(_) => true,
            None => false,
        },
    }
}

/// A year after a day and month written in words: "2027", ", 2027", "27", "'27".
fn year_after(scan: &Scan<'_>, index: usize) -> Option<(Result<i32, DateProblem>, usize)> {
    let tokens = scan.tokens;
    let mut position = tokens.skip_punct(index, &[',']);
    let apostrophe = tokens.is_punct(position, '\'');
    if apostrophe {
        position += 1;
    }
    let number = tokens.number(position)?;
    let digits = number.digits();
    let short_ok = apostrophe || ends_a_short_year(tokens, position + 1);
    if digits < 2 || (digits < 4 && !short_ok) || (apostrophe && digits != 2) {
        return None;
    }
    // "15 Jan 10:30" is a time, not the year 2010.
    if digits == 2 && !apostrophe && tokens.is_punct(position + 1, ':') {
        return None;
    }
    let value = number.value()?;
    Some((checked_year(scan, &number.lower, value), position + 1))
}

/// A day of the month written as a number, with an optional ordinal suffix ("15th",
/// "3 rd") and an optional "the" in front of an ordinal ("the 15th of").
fn day_at(tokens: Tokens<'_>, index: usize) -> Option<(u32, usize, bool)> {
    let start = if tokens.is_word(index, "the") {
        index + 1
    } else {
        index
    };
    let number = tokens.number(start)?;
    if number.digits() > 2 {
        return None;
    }
    let day = u32::try_from(number.value()?).ok()?;
    let ordinal = tokens.is_any_word(start + 1, &["st", "nd", "rd", "th"]);
    if start != index && !ordinal {
        return None;
    }
    Some((day, if ordinal { start + 2 } else { start + 1 }, ordinal))
}

/// Words after which a number is a count, not a day: "December 2 sessions".
fn is_count_word(tokens: Tokens<'_>, index: usize) -> bool {
    unit_at(tokens, index).is_some()
        || tokens.is_any_word(
            index,
            &[
                "sessions",
                "session",
                "times",
                "time",
                "x",
                "visits",
                "visit",
                "appointments",
                "meetings",
                "hours",
                "hour",
                "mins",
                "minutes",
                "weekly",
                "monthly",
            ],
        )
}

/// "15 January 2027", "15th of Jan", "15-Jan-27".
fn day_first_at(scan: &Scan<'_>, index: usize) -> Option<(DateResult, usize)> {
    let tokens = scan.tokens;
    let (day, mut position, _) = day_at(tokens, index)?;
    let hyphenated = matches!(tokens.punct(position), Some('-' | '/' | '.'))
        && tokens.touches_previous(position)
        && tokens.touches_previous(position + 1);
    if hyphenated {
        position += 1;
    } else {
        position = tokens.skip_optional(position, &["of"]);
    }
    let (month, full) = month_at(tokens, position)?;
    position += 1;
    if !full && tokens.is_punct(position, '.') && tokens.number(position + 1).is_some() {
        position += 1;
    }
    if hyphenated && matches!(tokens.punct(position), Some('-' | '/' | '.')) {
        position += 1;
    }
    let written_end = position;
    match year_after(scan, position) {
        Some((year, end)) => Some((year.and_then(|year| full_date(year, month, day)), end)),
        None => {
            let written = scan.written(index, written_end);
            Some((
                day_month_without_year(scan, written, day, month),
                written_end,
            ))
        }
    }
}

/// "January 15th 2027", "Jan 15", "January 15, 2027".
fn month_first_at(scan: &Scan<'_>, index: usize) -> Option<(DateResult, usize)> {
    let tokens = scan.tokens;
    let (month, full) = month_at(tokens, index)?;
    let mut position = index + 1;
    if !full && tokens.is_punct(position, '.') {
        position += 1;
    }
    let (day, after_day, ordinal) = day_at(tokens, position)?;
    if !ordinal && is_count_word(tokens, after_day) {
        return None;
    }
    match year_after(scan, after_day) {
        Some((year, end)) => Some((year.and_then(|year| full_date(year, month, day)), end)),
        None => {
            let written = scan.written(index, after_day);
            Some((day_month_without_year(scan, written, day, month), after_day))
        }
    }
}

/// "15/01/2027", "15.01.27", "15-1-2027", "2027-01-15", "15/01".
fn numeric_at(scan: &Scan<'_>, index: usize) -> Option<(DateResult, usize)> {
    let tokens = scan.tokens;
    let first = tokens.number(index)?;
    let separator = tokens
        .punct(index + 1)
        .filter(|c| matches!(c, '/' | '.' | '-'))?;
    let joined = |position: usize| tokens.touches_previous(position);
    if !joined(index + 1) || !joined(index + 2) {
        return None;
    }
    let second = tokens.number(index + 2)?;
    let third =
        (tokens.punct(index + 3) == Some(separator) && joined(index + 3) && joined(index + 4))
            .then(|| tokens.number(index + 4))
            .flatten();
    if first.digits() == 4 {
        // ISO order: year, month, day.
        let third = third.filter(|_| separator != '.')?;
        if second.digits() > 2 || third.digits() > 2 {
            return None;
        }
        let month = u32::try_from(second.value()?).ok()?;
        let day = u32::try_from(third.value()?).ok()?;
        let result = checked_year(scan, &first.lower, first.value()?)
            .and_then(|year| full_date(year, month, day));
        return Some((result, index + 5));
    }
    if first.digits() > 2 || second.digits() > 2 {
        return None;
    }
    let day = u32::try_from(first.value()?).ok()?;
    let month = u32::try_from(second.value()?).ok()?;
    match third {
        Some(year_token) => {
            if day > 31 || month > 31 {
                return None;
            }
            let end = index + 5;
            if day == 0 || month == 0 {
                let written = scan.written(index, end);
                let zero = if day == 0 { "day" } else { "month" };
                return Some((
                    Err(impossible(format!(
                        "'{written}' has no {zero} 0: check the date."
                    ))),
                    end,
                ));
            }
            if month > 12 {
                let written = scan.written(index, end);
                let swapped = format!(
                    "{}{separator}{}{separator}{}",
                    second.lower, first.lower, year_token.lower
                );
                let message = if day <= 12 {
                    format!(
                        "'{written}' reads as day {day} of month {month}, and there is no month \
                         {month}. Dates are read day first (UK order): did you mean {swapped}?"
                    )
                } else {
                    format!("'{written}' has no month {month}: write the date day first, as 15/01/2027.")
                };
                return Some((Err(impossible(message)), end));
            }
            let result = checked_year(scan, &year_token.lower, year_token.value()?)
                .and_then(|year| full_date(year, month, day));
            Some((result, end))
        }
        None => {
            if separator != '/' || !(1..=31).contains(&day) || !(1..=12).contains(&month) {
                return None;
            }
            // "1/2/" or "3/4/5" are something else.
            if tokens.is_punct(index + 3, '/') && joined(index + 3) {
                return None;
            }
            let end = index + 3;
            let written = scan.written(index, end);
            Some((day_month_without_year(scan, written, day, month), end))
        }
    }
}

/// A fully written date with no day name in front.
fn plain_date_at(scan: &Scan<'_>, index: usize) -> Option<(DateResult, usize)> {
    [
        numeric_at(scan, index),
        day_first_at(scan, index),
        month_first_at(scan, index),
    ]
    .into_iter()
    .flatten()
    .max_by_key(|(_, end)| *end)
}

/// A day name at `index`, in front of or after a date, and the index past it.
fn day_name_at(tokens: Tokens<'_>, index: usize) -> Option<(u8, usize)> {
    let weekday = weekday_at(tokens, index).filter(|weekday| !weekday.plural)?;
    Some((weekday.number, tokens.skip_punct(index + 1, &['.'])))
}

/// `result`, or a problem when the date is not on the day named.
fn agrees_with(result: DateResult, named: u8) -> DateResult {
    result.and_then(|date| {
        let actual = u8::try_from(date.weekday().number_from_monday()).unwrap_or(0);
        if actual == named {
            Ok(date)
        } else {
            Err(ambiguous(format!(
                "{} is a {}, not a {}: check the day and the date.",
                long_date(date),
                weekday_name(actual),
                weekday_name(named)
            )))
        }
    })
}

/// A written date, with an optional day name in front ("Monday 16 December 2026") or
/// after it ("16 December (Wednesday)") that must agree with it.
pub(super) fn written_date_at(scan: &Scan<'_>, index: usize) -> Option<(DateResult, usize)> {
    let tokens = scan.tokens;
    let (result, end) = match day_name_at(tokens, index) {
        Some((named, after)) => {
            let position = tokens.skip_punct(after, &[',']);
            let (result, end) = plain_date_at(scan, position)?;
            (agrees_with(result, named), end)
        }
        None => plain_date_at(scan, index)?,
    };
    // "16 December (Wednesday)", "16 December, Wednesday".
    let opened = tokens.skip_punct(end, &['(', ',']);
    if opened > end {
        if let Some((named, after)) = day_name_at(tokens, opened) {
            let closed = if tokens.is_punct(end, '(') {
                tokens.skip_punct(after, &[')'])
            } else {
                after
            };
            return Some((agrees_with(result, named), closed));
        }
    }
    Some((result, end))
}

fn week_commencing_table() -> &'static PhraseTable<()> {
    static TABLE: OnceLock<PhraseTable<()>> = OnceLock::new();
    TABLE.get_or_init(|| {
        PhraseTable::new(&[
            ("w/c", ()),
            ("w/b", ()),
            ("w.c", ()),
            ("w.c.", ()),
            ("w.b", ()),
            ("w.b.", ()),
            ("wc", ()),
            ("w/comm", ()),
            ("wk/c", ()),
            ("week commencing", ()),
            ("week beginning", ()),
            ("week starting", ()),
            ("wk commencing", ()),
            ("wk beginning", ()),
            ("the week of", ()),
        ])
    })
}

/// "w/c 7 December 2026": the Monday that starts the week.
fn week_commencing_at(scan: &Scan<'_>, index: usize) -> Option<(DateResult, usize)> {
    let tokens = scan.tokens;
    let ((), mut position) = week_commencing_table().longest_at(tokens, index)?;
    position = tokens.skip_punct(position, &[':', ',']);
    let (result, end) = written_date_at(scan, position)?;
    let result = result.and_then(|date| {
        let weekday = u8::try_from(date.weekday().number_from_monday()).unwrap_or(0);
        if weekday == 1 {
            Ok(date)
        } else {
            Err(ambiguous(format!(
                "A week commencing date is a Monday, and {} is a {}: check the date.",
                long_date(date),
                weekday_name(weekday)
            )))
        }
    });
    Some((result, end))
}

/// A month with a year or a year inferred: its first and last days.
fn month_span(
    scan: &Scan<'_>,
    written: &str,
    month: u32,
    year: Option<Result<i32, DateProblem>>,
) -> Result<PointValue, DateProblem> {
    let last = match year {
        Some(year) => {
            let year = year?;
            last_day_of_month(year, month)
                .ok_or_else(|| impossible(format!("'{written}' is outside the calendar.")))?
        }
        None => infer_year(scan, written, |year| last_day_of_month(year, month))?,
    };
    let first = NaiveDate::from_ymd_opt(last.year(), month, 1)
        .ok_or_else(|| impossible(format!("'{written}' is outside the calendar.")))?;
    Ok(PointValue::Period {
        first,
        last,
        names: "month",
    })
}

/// A month without a day: "from January", "by March 2027".
fn month_alone_at(scan: &Scan<'_>, index: usize) -> Option<Found> {
    const LEADS: &[&str] = &[
        "by",
        "in",
        "from",
        "until",
        "till",
        "til",
        "untill",
        "during",
        "before",
        "after",
        "starting",
        "start",
        "commencing",
        "beginning",
        "end",
        "ending",
        "throughout",
    ];
    let tokens = scan.tokens;
    let (month, _) = month_at(tokens, index)?;
    let year = year_after(scan, index + 1).filter(|(year, _)| {
        // A bare two-digit number after a month is more likely a day than a year.
        year.is_err()
            || tokens.number(index + 1).is_some_and(|n| n.digits() >= 4)
            || tokens.is_punct(index + 1, '\'')
    });
    let has_lead = index
        .checked_sub(1)
        .is_some_and(|previous| tokens.is_any_word(previous, LEADS));
    if !has_lead && year.is_none() {
        return None;
    }
    let end = year.as_ref().map_or(index + 1, |(_, end)| *end);
    let written = scan.written(index, end);
    let item = match month_span(scan, written, month, year.map(|(year, _)| year)) {
        Ok(value) => scan.point(index, end, value),
        Err(problem) => scan.problem(index, end, problem.kind, problem.message),
    };
    Some(Found::one(end, item))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum MonthPart {
    Beginning,
    Middle,
    End,
    Early,
    Late,
}

/// "end of March", "mid-January", "beginning of March 2027"; "early March" is a problem.
fn part_of_month_at(scan: &Scan<'_>, index: usize) -> Option<Found> {
    let tokens = scan.tokens;
    let (part, mut position) = match tokens.word(index)? {
        "end" | "beginning" | "start" | "middle" if tokens.is_word(index + 1, "of") => {
            let part = match tokens.word(index) {
                Some("end") => MonthPart::End,
                Some("middle") => MonthPart::Middle,
                _ => MonthPart::Beginning,
            };
            (part, index + 2)
        }
        "mid" => (MonthPart::Middle, tokens.skip_punct(index + 1, &['-'])),
        // "end March", "end-March": without "of" only straight before a month.
        "end" if month_at(tokens, tokens.skip_punct(index + 1, &['-'])).is_some() => {
            (MonthPart::End, tokens.skip_punct(index + 1, &['-']))
        }
        "early" => (MonthPart::Early, tokens.skip_punct(index + 1, &['-'])),
        "late" => (MonthPart::Late, tokens.skip_punct(index + 1, &['-'])),
        _ => return None,
    };
    if tokens.is_word(position, "the") && tokens.is_word(position + 1, "month") {
        position = tokens.skip_optional(position + 2, &["of"]);
    }
    let (month, _) = month_at(tokens, position)?;
    position += 1;
    let year = year_after(scan, position);
    let end = year.as_ref().map_or(position, |(_, end)| *end);
    let written = scan.written(index, end);
    if matches!(part, MonthPart::Early | MonthPart::Late) {
        let message = format!(
            "'{written}' names no day: write the date it is due, e.g. 'by {} {}'.",
            if part == MonthPart::Early { 7 } else { 24 },
            month_name(month)
        );
        return Some(Found::one(
            end,
            scan.problem(index, end, ProblemKind::Ambiguous, message),
        ));
    }
    let day_in = move |year: i32| -> Option<NaiveDate> {
        match part {
            MonthPart::Beginning => NaiveDate::from_ymd_opt(year, month, 1),
            MonthPart::Middle => NaiveDate::from_ymd_opt(year, month, 15),
            _ => last_day_of_month(year, month),
        }
    };
    let result = match year {
        Some((year, _)) => year.and_then(|year| {
            day_in(year).ok_or_else(|| impossible(format!("'{written}' is outside the calendar.")))
        }),
        None => infer_year(scan, written, day_in),
    };
    Some(Found::one(end, date_item(scan, index, end, result)))
}

/// "the first week of December", "the last week in January 2027": a week without a day,
/// fine as a start (its first day), a problem as a deadline.
fn week_of_month_at(scan: &Scan<'_>, index: usize) -> Option<Found> {
    let tokens = scan.tokens;
    let (which, mut position) = match (tokens.word(index), tokens.number(index)) {
        (Some("first"), _) => (1, index + 1),
        (Some("second"), _) => (2, index + 1),
        (Some("third"), _) => (3, index + 1),
        (Some("fourth"), _) => (4, index + 1),
        (Some("last" | "final"), _) => (0, index + 1),
        (_, Some(number)) if tokens.is_any_word(index + 1, &["st", "nd", "rd", "th"]) => {
            match number.value() {
                Some(value @ 1..=4) => (value, index + 2),
                _ => return None,
            }
        }
        _ => return None,
    };
    if !tokens.is_any_word(position, &["week", "wk"])
        || !tokens.is_any_word(position + 1, &["of", "in"])
    {
        return None;
    }
    position = tokens.skip_optional(position + 2, &["the"]);
    if tokens.is_word(position, "month") && tokens.is_word(position + 1, "of") {
        position += 2;
    }
    let (month, _) = month_at(tokens, position)?;
    position += 1;
    let year = year_after(scan, position);
    let end = year.as_ref().map_or(position, |(_, end)| *end);
    let written = scan.written(index, end);
    let week_in = move |year: i32| -> Option<(NaiveDate, NaiveDate)> {
        let last_day = days_in_month(year, month);
        let first_day = match which {
            0 => last_day - 6,
            which => u32::try_from(which).ok()? * 7 - 6,
        };
        Some((
            NaiveDate::from_ymd_opt(year, month, first_day)?,
            NaiveDate::from_ymd_opt(year, month, first_day + 6)?,
        ))
    };
    let last = match year {
        Some((year, _)) => year.and_then(|year| {
            week_in(year)
                .map(|(_, last)| last)
                .ok_or_else(|| impossible(format!("'{written}' is outside the calendar.")))
        }),
        None => infer_year(scan, written, |year| week_in(year).map(|(_, last)| last)),
    };
    let item = match last.and_then(|last| {
        week_in(last.year())
            .ok_or_else(|| impossible(format!("'{written}' is outside the calendar.")))
    }) {
        Ok((first, last)) => scan.point(
            index,
            end,
            PointValue::Period {
                first,
                last,
                names: "week",
            },
        ),
        Err(problem) => scan.problem(index, end, problem.kind, problem.message),
    };
    Some(Found::one(end, item))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Holiday {
    Fixed { month: u32, day: u32 },
    Easter { shift: i64 },
    School,
}

fn holiday_table() -> &'static PhraseTable<Holiday> {
    static TABLE: OnceLock<PhraseTable<Holiday>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let fixed = |month, day| Holiday::Fixed { month, day };
        let easter = |shift| Holiday::Easter { shift };
        PhraseTable::new(&[
            ("christmas eve", fixed(12, 24)),
            ("christmas", fixed(12, 25)),
            ("christmas day", fixed(12, 25)),
            ("xmas", fixed(12, 25)),
            ("xmas day", fixed(12, 25)),
            ("boxing day", fixed(12, 26)),
            ("new year's eve", fixed(12, 31)),
            ("new years eve", fixed(12, 31)),
            ("new year", fixed(1, 1)),
            ("new year's day", fixed(1, 1)),
            ("new years day", fixed(1, 1)),
            ("easter", easter(0)),
            ("easter sunday", easter(0)),
            ("good friday", easter(-2)),
            ("easter monday", easter(1)),
            ("christmas holidays", Holiday::School),
            ("christmas holiday", Holiday::School),
            ("christmas hols", Holiday::School),
            ("christmas break", Holiday::School),
            ("xmas holidays", Holiday::School),
            ("xmas break", Holiday::School),
            ("easter holidays", Holiday::School),
            ("easter holiday", Holiday::School),
            ("easter hols", Holiday::School),
            ("easter break", Holiday::School),
            ("summer holidays", Holiday::School),
            ("summer holiday", Holiday::School),
            ("summer hols", Holiday::School),
            ("summer break", Holiday::School),
            ("school holidays", Holiday::School),
            ("school holiday", Holiday::School),
            ("half term", Holiday::School),
            ("half-term", Holiday::School),
            ("halfterm", Holiday::School),
            ("october half term", Holiday::School),
            ("february half term", Holiday::School),
            ("may half term", Holiday::School),
            ("end of term", Holiday::School),
            ("end of the term", Holiday::School),
            ("end of the school term", Holiday::School),
            ("end of this term", Holiday::School),
            ("start of term", Holiday::School),
            ("start of the school term", Holiday::School),
            ("start of next term", Holiday::School),
            ("beginning of term", Holiday::School),
            ("beginning of next term", Holiday::School),
            ("end of the school year", Holiday::School),
            ("end of the academic year", Holiday::School),
            ("autumn term", Holiday::School),
            ("spring term", Holiday::School),
            ("summer term", Holiday::School),
            ("next term", Holiday::School),
            ("the new term", Holiday::School),
            ("new school year", Holiday::School),
        ])
    })
}

/// Named days ("Christmas", "Easter Monday") and school terms and holidays.
fn holiday_at(scan: &Scan<'_>, index: usize) -> Option<Found> {
    let tokens = scan.tokens;
    let (holiday, mut end) = holiday_table().longest_at(tokens, index)?;
    if holiday == Holiday::School {
        let written = scan.written(index, end);
        let message = format!(
            "'{written}' falls on different dates for different schools and areas: write the date."
        );
        return Some(Found::one(
            end,
            scan.problem(index, end, ProblemKind::Ambiguous, message),
        ));
    }
    let in_year = move |year: i32| -> Option<NaiveDate> {
        match holiday {
            Holiday::Fixed { month, day } => NaiveDate::from_ymd_opt(year, month, day),
            Holiday::Easter { shift } => {
                let sunday = easter_sunday(year)?;
                if shift >= 0 {
                    sunday.checked_add_days(Days::new(shift.unsigned_abs()))
                } else {
                    sunday.checked_sub_days(Days::new(shift.unsigned_abs()))
                }
            }
            Holiday::School => None,
        }
    };
    let year =
        year_after(scan, end).filter(|_| tokens.number(end).is_some_and(|n| n.digits() >= 4));
    let result = match year {
        Some((year, year_end)) => {
            end = year_end;
            year.and_then(|year| {
                in_year(year)
                    .ok_or_else(|| impossible("That year is outside the calendar.".to_owned()))
            })
        }
        None => infer_year(scan, scan.written(index, end), in_year),
    };
    Some(Found::one(end, date_item(scan, index, end, result)))
}

/// A point for a date, or the problem with it.
pub(super) fn date_item(scan: &Scan<'_>, first: usize, end: usize, result: DateResult) -> Item {
    match result {
        Ok(date) => scan.point(first, end, PointValue::Date(date)),
        Err(problem) => scan.problem(first, end, problem.kind, problem.message),
    }
}

/// Every absolute date form at `index`, the longest winning.
pub(super) fn date_at(scan: &Scan<'_>, index: usize) -> Option<Found> {
    let written = [
        week_commencing_at(scan, index),
        written_date_at(scan, index),
    ]
    .into_iter()
    .flatten()
    .max_by_key(|(_, end)| *end)
    .map(|(result, end)| Found::one(end, date_item(scan, index, end, result)));
    [
        written,
        part_of_month_at(scan, index),
        week_of_month_at(scan, index),
        holiday_at(scan, index),
        month_alone_at(scan, index),
    ]
    .into_iter()
    .flatten()
    .fold(None, |best: Option<Found>, found| match best {
        Some(best) if best.end >= found.end => Some(best),
        _ => Some(found),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(year: i32, month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(year, month, day).unwrap_or_default()
    }

    #[test]
    fn easter_sundays_match_the_published_dates() {
        assert_eq!(easter_sunday(2024), Some(date(2024, 3, 31)));
        assert_eq!(easter_sunday(2025), Some(date(2025, 4, 20)));
        assert_eq!(easter_sunday(2026), Some(date(2026, 4, 5)));
        assert_eq!(easter_sunday(2027), Some(date(2027, 3, 28)));
        assert_eq!(easter_sunday(2038), Some(date(2038, 4, 25)));
    }

    #[test]
    fn leap_years_follow_the_gregorian_rule() {
        assert!(is_leap_year(2028));
        assert!(is_leap_year(2000));
        assert!(!is_leap_year(2100));
        assert!(!is_leap_year(2027));
        assert_eq!(days_in_month(2028, 2), 29);
        assert_eq!(days_in_month(2027, 2), 28);
    }

    #[test]
    fn long_dates_are_written_day_month_year() {
        assert_eq!(long_date(date(2027, 2, 16)), "16 February 2027");
    }

    #[test]
    fn full_dates_explain_what_is_wrong() {
        assert_eq!(
            full_date(2027, 2, 31).map_err(|problem| problem.message),
            Err("There is no 31 February 2027: February 2027 has 28 days.".to_owned())
        );
        assert_eq!(
            full_date(2027, 2, 29).map_err(|problem| problem.message),
            Err("There is no 29 February 2027: 2027 is not a leap year.".to_owned())
        );
        assert_eq!(full_date(2028, 2, 29), Ok(date(2028, 2, 29)));
    }

    #[test]
    fn offsets_count_working_days_through_the_calendar() {
        let calendar = Calendar::new(crate::Region::EnglandAndWales);
        let friday = date(2026, 11, 20);
        let one_working_day = Offset {
            amount: 1,
            unit: TimeUnit::WorkingDay,
        };
        assert_eq!(
            add_offset(friday, one_working_day, &calendar),
            Some(date(2026, 11, 23))
        );
        let minus_a_month = Offset {
            amount: -1,
            unit: TimeUnit::Month,
        };
        assert_eq!(
            add_offset(date(2027, 3, 31), minus_a_month, &calendar),
            Some(date(2027, 2, 28))
        );
        let far = Offset {
            amount: i64::MAX,
            unit: TimeUnit::Week,
        };
        assert_eq!(add_offset(friday, far, &calendar), None);
    }
}
