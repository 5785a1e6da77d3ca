//! How often: "weekly", "fortnightly", "every 2 weeks", "twice a week", "each school
//! day", "every Tuesday", "on Mondays and Thursdays", "monthly", "4-weekly", "6 weekly".
//!
//! Decisions, so that readings are predictable:
//! - a range ("4-6 weekly", "every 4 to 6 weeks", "weekly or fortnightly") reads as its
//!   longer end, because the longest gap is what a visiting or review standard limits;
//! - "bi-weekly" and "bi-monthly" mean both "every two" and "twice a" in UK usage, so
//!   they are `Ambiguous` problems; so is "6 weekly sessions" (six sessions a week apart,
//!   or sessions six weeks apart?), though "6-weekly sessions" and "6 weekly reviews" are
//!   read as every 6 weeks;
//! - "termly" is three times a year and "half-termly" six, since school term dates vary;
//! - "the 1st and 3rd Monday of the month" is twice a month;
//! - "once a week" is `Every 1 week`; "twice a week" is `TimesPer 2 week`;
//! - a day of the week read as a habit needs a plural ("Tuesdays"), "every"/"each", a
//!   list ("Monday and Thursday"), a range ("Mon-Fri"), or "each week" after it; a single
//!   "Monday" is a date (the next Monday).

use std::sync::OnceLock;

use super::lexicon::{count_at, ordinal_word, unit_at, weekday_at, PhraseTable, UnitWord};
use super::relative::MAX_AMOUNT;
use super::scan::{Found, Item, Scan};
use super::tokens::Tokens;
use super::{Cadence, Frequency, ProblemKind, TimeUnit};

fn every(count: u64, unit: TimeUnit) -> Option<Frequency> {
    let count = u32::try_from(count)
        .ok()
        .filter(|count| *count > 0 && u64::from(*count) <= MAX_AMOUNT)?;
    Some(Frequency::Every { count, unit })
}

fn times_per(times: u64, unit: TimeUnit) -> Option<Frequency> {
    if times == 1 {
        return every(1, unit);
    }
    let times = u32::try_from(times)
        .ok()
        .filter(|times| *times > 0 && u64::from(*times) <= MAX_AMOUNT)?;
    Some(Frequency::TimesPer { times, unit })
}

/// Words that end a frequency and give its unit, with how many of the unit one step is.
fn unit_step(tokens: Tokens<'_>, index: usize) -> Option<(TimeUnit, u64, usize)> {
    match unit_at(tokens, index)? {
        (UnitWord::Unit { unit, multiple }, end) => Some((unit, multiple, end)),
        (UnitWord::Hours, _) => None,
    }
}

/// A school term as a unit: "term", "half term", "school term".
fn term_at(tokens: Tokens<'_>, index: usize) -> Option<(u64, usize)> {
    let half = tokens.is_word(index, "half");
    let position = if half {
        tokens.skip_punct(index + 1, &['-'])
    } else {
        tokens.skip_optional(index, &["school"])
    };
    if tokens.is_any_word(position, &["term", "terms"]) {
        Some((if half { 6 } else { 3 }, position + 1))
    } else if tokens.is_word(position, "halfterm") {
        Some((6, position + 1))
    } else {
        None
    }
}

/// A list or range of days of the week: "Monday and Thursday", "Mon-Fri", "Tuesdays,
/// Thursdays & Fridays". Returns the days, whether the list itself shows a habit, and
/// the index past it.
fn weekday_list_at(tokens: Tokens<'_>, index: usize) -> Option<(Vec<u8>, bool, usize)> {
    let first = weekday_at(tokens, index)?;
    let mut days = vec![first.number];
    let mut habit = first.plural;
    let mut end = index + 1;
    let mut abbreviated_alone = first.abbreviated;
    loop {
        let range = tokens.is_any_word(end, &["to", "through", "till", "until"])
            || tokens.is_punct(end, '-');
        let joined = range
            || tokens.is_word(end, "and")
            || matches!(tokens.punct(end), Some(',' | '&' | '/' | '+'));
        if !joined {
            break;
        }
        let mut next_index = end + 1;
        if tokens.is_punct(end, ',') && tokens.is_word(next_index, "and") {
            next_index += 1;
        }
        let Some(next) = weekday_at(tokens, next_index) else {
            break;
        };
        abbreviated_alone = false;
        habit = true;
        if range {
            let from = days.last().copied().unwrap_or(next.number);
            let mut day = from;
            while day != next.number {
                day = day % 7 + 1;
                days.push(day);
            }
        } else {
            days.push(next.number);
            habit |= next.plural;
        }
        end = next_index + 1;
    }
    if abbreviated_alone {
        return None;
    }
    days.sort_unstable();
    days.dedup();
    Some((days, habit, end))
}

/// "on Tuesdays", "(Mondays and Thursdays)" after a frequency: the days, and the index
/// past them.
fn on_days_after(tokens: Tokens<'_>, index: usize) -> Option<(Vec<u8>, usize)> {
    let mut position = tokens.skip_punct(index, &[',', '(', '-']);
    position = tokens.skip_optional(position, &["on", "every", "each"]);
    position = tokens.skip_optional(position, &["a"]);
    let (days, _, mut end) = weekday_list_at(tokens, position)?;
    // "weekly - Monday 16 December": that day name belongs to a date.
    if tokens.number(end).is_some() {
        return None;
    }
    if tokens.is_any_word(
        end,
        &[
            "morning",
            "mornings",
            "afternoon",
            "afternoons",
            "evening",
            "evenings",
        ],
    ) {
        end += 1;
    }
    if tokens.is_punct(end, ')') {
        end += 1;
    }
    Some((days, end))
}

/// A frequency, then the days of the week it falls on, if given: "weekly on Tuesdays"
/// is every Tuesday; "every 2 weeks on a Tuesday" stays every 2 weeks.
fn with_days(tokens: Tokens<'_>, frequency: Frequency, end: usize) -> (Frequency, usize) {
    let Some((days, days_end)) = on_days_after(tokens, end) else {
        return (frequency, end);
    };
    let weekly = matches!(
        frequency,
        Frequency::Every {
            count: 1,
            unit: TimeUnit::Week | TimeUnit::Day
        } | Frequency::TimesPer {
            unit: TimeUnit::Week,
            ..
        }
    );
    if weekly {
        (Frequency::OnWeekdays { days }, days_end)
    } else {
        (frequency, days_end)
    }
}

/// "every 2 weeks", "each week", "every other day", "every 4-6 weeks", "every Tuesday",
/// "every school day", "every weekday", "every term", "alternate Fridays".
fn every_at(tokens: Tokens<'_>, index: usize) -> Option<(Frequency, usize)> {
    let alternate = tokens.is_word(index, "alternate");
    if !alternate && !tokens.is_any_word(index, &["every", "each", "per"]) {
        return None;
    }
    let mut position = index + 1;
    let mut step = 1;
    if alternate {
        step = 2;
    } else if let Some(ordinal) = tokens.word(position).and_then(ordinal_word) {
        step = ordinal;
        position += 1;
    } else if let Some(number) = tokens.number(position) {
        if tokens.is_any_word(position + 1, &["nd", "rd", "th"]) {
            step = number.value()?;
            position += 2;
        }
    }
    let mut count = 1;
    let counted = count_at(tokens, position, false).is_some();
    if let Some((first, after)) = count_at(tokens, position, false) {
        count = first;
        position = after;
        let range = tokens.is_any_word(position, &["to", "or"])
            || matches!(tokens.punct(position), Some('-' | '/'));
        if range {
            if let Some((second, after)) = count_at(tokens, position + 1, false) {
                count = count.max(second);
                position = after;
            }
        }
    }
    let count = count.checked_mul(step)?;
    if let Some((unit, multiple, end)) = unit_step(tokens, position) {
        return Some((every(count.checked_mul(multiple)?, unit)?, end));
    }
    if let Some((per_year, end)) = term_at(tokens, position) {
        return Some((times_per(per_year, TimeUnit::Year)?, end));
    }
    if counted {
        return None;
    }
    if tokens.is_any_word(position, &["weekday", "weekdays"]) {
        return Some((
            Frequency::OnWeekdays {
                days: vec![1, 2, 3, 4, 5],
            },
            position + 1,
        ));
    }
    if tokens.is_any_word(position, &["weekend", "weekends"]) {
        return Some((Frequency::OnWeekdays { days: vec![6, 7] }, position + 1));
    }
    if tokens.is_any_word(
        position,
        &[
            "morning",
            "afternoon",
            "evening",
            "night",
            "bedtime",
            "mealtime",
        ],
    ) {
        return Some((every(step, TimeUnit::Day)?, position + 1));
    }
    if let Some((days, _, end)) = weekday_list_at(tokens, position).or_else(|| {
        // "every Sat": an abbreviation is clear after "every".
        weekday_at(tokens, position).map(|day| (vec![day.number], true, position + 1))
    }) {
        let end = if tokens.is_any_word(end, &["morning", "afternoon", "evening", "night"]) {
            end + 1
        } else {
            end
        };
        if step == 1 {
            return Some((Frequency::OnWeekdays { days }, end));
        }
        return Some((every(step, TimeUnit::Week)?, end));
    }
    None
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Adjective {
    Every(u32, TimeUnit),
    TimesPerYear(u32),
    /// "bi-weekly", "bi-monthly": which of two meanings?
    Ambiguous(TimeUnit),
}

fn adjective_table() -> &'static PhraseTable<Adjective> {
    static TABLE: OnceLock<PhraseTable<Adjective>> = OnceLock::new();
    TABLE.get_or_init(|| {
        use Adjective::*;
        PhraseTable::new(&[
            ("weekly", Every(1, TimeUnit::Week)),
            ("wkly", Every(1, TimeUnit::Week)),
            ("fortnightly", Every(2, TimeUnit::Week)),
            ("fortnighly", Every(2, TimeUnit::Week)),
            ("fortnighty", Every(2, TimeUnit::Week)),
            ("monthly", Every(1, TimeUnit::Month)),
            ("daily", Every(1, TimeUnit::Day)),
            ("nightly", Every(1, TimeUnit::Day)),
            ("quarterly", Every(3, TimeUnit::Month)),
            ("annually", Every(1, TimeUnit::Year)),
            ("yearly", Every(1, TimeUnit::Year)),
            ("termly", TimesPerYear(3)),
            ("half termly", TimesPerYear(6)),
            ("half-termly", TimesPerYear(6)),
            ("bi-weekly", Ambiguous(TimeUnit::Week)),
            ("biweekly", Ambiguous(TimeUnit::Week)),
            ("bi weekly", Ambiguous(TimeUnit::Week)),
            ("bi-monthly", Ambiguous(TimeUnit::Month)),
            ("bimonthly", Ambiguous(TimeUnit::Month)),
            ("bi monthly", Ambiguous(TimeUnit::Month)),
        ])
    })
}

/// Frequency adjectives that take a number in front: "6 weekly", "3-monthly".
fn numbered_adjective(word: &str) -> Option<TimeUnit> {
    match word {
        "weekly" | "wkly" => Some(TimeUnit::Week),
        "monthly" => Some(TimeUnit::Month),
        "daily" => Some(TimeUnit::Day),
        "yearly" => Some(TimeUnit::Year),
        _ => None,
    }
}

/// Things a provider counts out ("6 weekly sessions": six of them?). Visits and reviews
/// are left out: "4 weekly visits" is the visiting standard, every 4 weeks.
const COUNTED_NOUNS: &[&str] = &[
    "sessions",
    "appointments",
    "groups",
    "classes",
    "calls",
    "lessons",
    "meetings",
];

/// Words that may stand between the frequency and the counted noun: "6 weekly
/// individual sessions".
const NOUN_ADJECTIVES: &[&str] = &[
    "individual",
    "group",
    "one",
    "home",
    "therapy",
    "therapeutic",
    "parenting",
    "counselling",
    "family",
    "direct",
    "play",
    "support",
    "mentoring",
];

/// The index past a counted noun at `index` ("sessions", "individual sessions").
fn counted_noun_end(tokens: Tokens<'_>, index: usize) -> Option<usize> {
    if tokens.is_any_word(index, COUNTED_NOUNS) {
        return Some(index + 1);
    }
    (tokens.is_any_word(index, NOUN_ADJECTIVES) && tokens.is_any_word(index + 1, COUNTED_NOUNS))
        .then_some(index + 2)
}

/// "6 weekly", "4-6 weekly", "three-monthly", "4 to 6 weekly".
fn numbered_at(scan: &Scan<'_>, index: usize) -> Option<Found> {
    let tokens = scan.tokens;
    // "weeks 1-4 weekly" numbers the weeks; the frequency is only "weekly".
    let numbers_weeks = |position: usize| {
        tokens.is_any_word(position, &["week", "weeks", "wk", "wks", "month", "months"])
    };
    let previous = index.checked_sub(1);
    let after_range = previous.is_some_and(|previous| {
        (tokens.is_punct(previous, '-') || tokens.is_word(previous, "to"))
            && previous
                .checked_sub(1)
                .is_some_and(|first| tokens.number(first).is_some())
    });
    if previous.is_some_and(numbers_weeks) || after_range {
        return None;
    }
    let (mut count, mut position) = count_at(tokens, index, false)?;
    let mut ranged = false;
    let range = tokens.is_any_word(position, &["to", "or"])
        || matches!(tokens.punct(position), Some('-' | '/'));
    if range {
        if let Some((second, after)) = count_at(tokens, position + 1, false) {
            if numbered_adjective(tokens.word(tokens.skip_punct(after, &['-'])).unwrap_or(""))
                .is_some()
            {
                count = count.max(second);
                position = after;
                ranged = true;
            }
        }
    }
    let hyphen = tokens.is_punct(position, '-');
    if hyphen {
        position += 1;
    }
    let unit = numbered_adjective(tokens.word(position)?)?;
    let end = position + 1;
    let counted = counted_noun_end(tokens, end).filter(|_| !hyphen && !ranged && count >= 2);
    if let Some(noun_end) = counted {
        let written = scan.written(index, noun_end);
        let (one, every_unit) = match unit {
            TimeUnit::Month => ("a month", "months"),
            TimeUnit::Day => ("a day", "days"),
            TimeUnit::Year => ("a year", "years"),
            _ => ("a week", "weeks"),
        };
        let message = format!(
            "'{written}' can mean {count} of them, one {one}, or one every {count} \
             {every_unit}: write 'every {count} {every_unit}' or '{count} sessions, one {one}'."
        );
        return Some(Found::one(
            noun_end,
            scan.problem(index, noun_end, ProblemKind::Ambiguous, message),
        ));
    }
    let frequency = every(count, unit)?;
    let (frequency, end) = with_days(tokens, frequency, end);
    Some(cadence_found(scan, index, end, frequency))
}

/// "weekly", "fortnightly", "termly"; "bi-weekly" is a problem.
fn adjective_at(scan: &Scan<'_>, index: usize) -> Option<Found> {
    let tokens = scan.tokens;
    let (adjective, end) = adjective_table().longest_at(tokens, index)?;
    let frequency = match adjective {
        Adjective::Every(count, unit) => every(u64::from(count), unit)?,
        Adjective::TimesPerYear(times) => times_per(u64::from(times), TimeUnit::Year)?,
        Adjective::Ambiguous(unit) => {
            let written = scan.written(index, end);
            let (name, every_two, twice) = match unit {
                TimeUnit::Month => ("month", "every 2 months", "twice a month"),
                _ => ("week", "fortnightly", "twice a week"),
            };
            let message = format!(
                "'{written}' can mean every two {name}s or twice a {name}: write '{every_two}' \
                 or '{twice}'."
            );
            return Some(Found::one(
                end,
                scan.problem(index, end, ProblemKind::Ambiguous, message),
            ));
        }
    };
    let (frequency, end) = with_days(tokens, frequency, end);
    Some(cadence_found(scan, index, end, frequency))
}

/// How many times: "once", "twice", "3 times", "3x", "two sessions", "2 home visits",
/// "2 days".
fn times_at(tokens: Tokens<'_>, index: usize) -> Option<(u64, usize, bool)> {
    match tokens.word(index) {
        Some("once") => return Some((1, index + 1, false)),
        Some("twice") => return Some((2, index + 1, false)),
        Some("thrice") => return Some((3, index + 1, false)),
        _ => {}
    }
    let (count, position) = count_at(tokens, index, false)?;
    if tokens.is_any_word(position, &["times", "time", "x"]) {
        return Some((count, position + 1, false));
    }
    if tokens.is_any_word(position, &["day", "days"]) {
        return Some((count, position + 1, true));
    }
    // "2 sessions", "2 home visits", "3 individual sessions".
    for length in 1..=2 {
        let noun = position + length - 1;
        if tokens.is_any_word(
            noun,
            &[
                "sessions",
                "session",
                "visits",
                "visit",
                "appointments",
                "appointment",
                "meetings",
                "calls",
                "contacts",
                "groups",
                "classes",
                "lessons",
                "checks",
            ],
        ) {
            return Some((count, noun + 1, false));
        }
    }
    None
}

/// "1 hour sessions", "90 minute visits" between a count and "a week": the length of
/// each session, not a time of the plan.
fn skip_session_length(tokens: Tokens<'_>, index: usize) -> usize {
    let Some((_, after)) = count_at(tokens, index, false) else {
        return index;
    };
    let after = tokens.skip_punct(after, &['-']);
    if !tokens.is_any_word(
        after,
        &[
            "hour", "hours", "hr", "hrs", "minute", "minutes", "min", "mins",
        ],
    ) {
        return index;
    }
    let noun = tokens.skip_optional(after + 1, NOUN_ADJECTIVES);
    if tokens.is_any_word(
        noun,
        &[
            "session",
            "sessions",
            "visit",
            "visits",
            "appointment",
            "appointments",
            "meeting",
            "meetings",
            "call",
            "calls",
        ],
    ) {
        noun + 1
    } else {
        after + 1
    }
}

/// "twice a week", "3 times per month", "3x weekly", "twice-weekly", "once a fortnight",
/// "once every 2 weeks", "2 sessions a week", "2 days per week", "once a term".
fn times_per_at(scan: &Scan<'_>, index: usize) -> Option<Found> {
    let tokens = scan.tokens;
    let (times, mut position, days_of_week) = times_at(tokens, index)?;
    if tokens.is_punct(position, '-') {
        position += 1;
    }
    position = skip_session_length(tokens, position);
    // "twice weekly", "3x monthly".
    if let Some(unit) = tokens.word(position).and_then(numbered_adjective) {
        if days_of_week {
            return None;
        }
        let frequency = times_per(times, unit)?;
        let (frequency, end) = with_days(tokens, frequency, position + 1);
        return Some(cadence_found(scan, index, end, frequency));
    }
    if times == 1 && tokens.is_any_word(position, &["every", "each"]) {
        let (frequency, end) = every_at(tokens, position)?;
        let (frequency, end) = with_days(tokens, frequency, end);
        return Some(cadence_found(scan, index, end, frequency));
    }
    let per = tokens.is_any_word(position, &["a", "an", "per", "each", "every"])
        || tokens.is_punct(position, '/');
    if !per {
        return None;
    }
    position += 1;
    if let Some((per_year, end)) = term_at(tokens, position) {
        let frequency = times_per(times.checked_mul(per_year)?, TimeUnit::Year)?;
        return Some(cadence_found(scan, index, end, frequency));
    }
    let (unit, multiple, end) = unit_step(tokens, position)?;
    if days_of_week && unit != TimeUnit::Week {
        return None;
    }
    let frequency = match (times, multiple) {
        (1, multiple) => every(multiple, unit)?,
        // "twice a fortnight": about once a week.
        (times, 2) => times_per(times.div_ceil(2), unit)?,
        (times, _) => times_per(times, unit)?,
    };
    let (frequency, end) = with_days(tokens, frequency, end);
    Some(cadence_found(scan, index, end, frequency))
}

/// "Mondays and Thursdays", "Tuesday afternoons", "Monday and Thursday", "Mon-Fri",
/// "Wednesday each week", "weekdays", "weekends".
fn weekday_habit_at(scan: &Scan<'_>, index: usize) -> Option<Found> {
    let tokens = scan.tokens;
    if index
        .checked_sub(1)
        .is_some_and(|previous| tokens.is_any_word(previous, &["next", "this", "coming"]))
    {
        return None;
    }
    if tokens.is_any_word(index, &["weekdays", "weekends"]) {
        let days = if tokens.is_word(index, "weekdays") {
            vec![1, 2, 3, 4, 5]
        } else {
            vec![6, 7]
        };
        return Some(cadence_found(
            scan,
            index,
            index + 1,
            Frequency::OnWeekdays { days },
        ));
    }
    let (days, mut habit, mut end) = weekday_list_at(tokens, index)?;
    if tokens.is_any_word(
        end,
        &["mornings", "afternoons", "evenings", "nights", "lunchtimes"],
    ) {
        habit = true;
        end += 1;
    } else if tokens.is_any_word(end, &["morning", "afternoon", "evening", "night"]) {
        end += 1;
    }
    if tokens.is_any_word(end, &["each", "every"]) && tokens.is_word(end + 1, "week") {
        habit = true;
        end += 2;
    } else if tokens.is_word(end, "weekly") {
        habit = true;
        end += 1;
    }
    if !habit {
        return None;
    }
    Some(cadence_found(
        scan,
        index,
        end,
        Frequency::OnWeekdays { days },
    ))
}

fn cadence_found(scan: &Scan<'_>, first: usize, end: usize, frequency: Frequency) -> Found {
    Found::one(
        end,
        Item::Cadence {
            cadence: Cadence {
                frequency,
                span: scan.tokens.span(first, end),
            },
            tokens: first..end,
        },
    )
}

/// "the first Monday of the month", "1st and 3rd Tuesday of each month": so many times a
/// month.
fn weekday_of_month_at(scan: &Scan<'_>, index: usize) -> Option<Found> {
    let tokens = scan.tokens;
    let ordinal_at = |position: usize| -> Option<usize> {
        match tokens.word(position) {
            Some("first" | "second" | "third" | "fourth" | "last") => Some(position + 1),
            _ => {
                let number = tokens.number(position)?;
                (number.digits() == 1
                    && tokens.is_any_word(position + 1, &["st", "nd", "rd", "th"]))
                .then_some(position + 2)
            }
        }
    };
    let mut times = 1;
    let mut position = ordinal_at(index)?;
    loop {
        let joined = tokens.is_any_word(position, &["and", "&"])
            || matches!(tokens.punct(position), Some(',' | '&'));
        match ordinal_at(position + 1).filter(|_| joined) {
            Some(next) => {
                times += 1;
                position = next;
            }
            None => break,
        }
    }
    weekday_at(tokens, position)?;
    let of = tokens.skip_optional(position + 1, &["of", "in"]);
    if of == position + 1 {
        return None;
    }
    let month = tokens.skip_optional(of, &["the", "each", "every", "a"]);
    if !tokens.is_word(month, "month") {
        return None;
    }
    let frequency = times_per(times, TimeUnit::Month)?;
    Some(cadence_found(scan, index, month + 1, frequency))
}

/// Every frequency form at `index`, the longest winning.
pub(super) fn cadence_at(scan: &Scan<'_>, index: usize) -> Option<Found> {
    let tokens = scan.tokens;
    let every = every_at(tokens, index).map(|(frequency, end)| {
        let (frequency, end) = with_days(tokens, frequency, end);
        cadence_found(scan, index, end, frequency)
    });
    [
        every,
        numbered_at(scan, index),
        adjective_at(scan, index),
        times_per_at(scan, index),
        weekday_habit_at(scan, index),
        weekday_of_month_at(scan, index),
    ]
    .into_iter()
    .flatten()
    .fold(None, |best: Option<Found>, found| match best {
        Some(best) if best.end >= found.end => Some(best),
        _ => Some(found),
    })
}
