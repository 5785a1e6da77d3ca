//! Dates and frequencies in everyday words: "Monday 30 November 2026", "every 2 weeks".

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::date_words;
use crate::timescale::{Frequency, TimeUnit};

/// A date for a family or a child: the date itself, in words, and where it stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FamilyDate {
    pub date: NaiveDate,
    /// "Monday 30 November 2026".
    pub words: String,
    /// "today", "tomorrow" or "yesterday" when it is one of those.
    pub relative: Option<String>,
    /// Before today.
    pub past: bool,
}

impl FamilyDate {
    /// The date with its year, as a family's copy of the plan shows it.
    pub fn new(date: NaiveDate, today: NaiveDate) -> FamilyDate {
        FamilyDate {
            date,
            words: long_date(date),
            relative: relative_day(date, today),
            past: date < today,
        }
    }

    /// The date without its year when it falls in `today`'s year ("Monday 30 November"),
    /// as a child's version shows it.
    pub fn short(date: NaiveDate, today: NaiveDate) -> FamilyDate {
        FamilyDate {
            words: if date.year() == today.year() {
                crate::date_words::day_and_month_with_day(date)
            } else {
                long_date(date)
            },
            ..FamilyDate::new(date, today)
        }
    }
}

/// "Monday 30 November 2026".
pub fn long_date(date: NaiveDate) -> String {
    crate::date_words::long_date_with_day(date)
}

fn relative_day(date: NaiveDate, today: NaiveDate) -> Option<String> {
    match (date - today).num_days() {
        0 => Some("today".to_owned()),
        1 => Some("tomorrow".to_owned()),
        -1 => Some("yesterday".to_owned()),
        _ => None,
    }
}

/// How often, in everyday words: "every week", "every 2 weeks", "twice a week", "every
/// Monday and Thursday".
pub fn frequency_words(frequency: &Frequency) -> Option<String> {
    match frequency {
        Frequency::Every { count: 0, .. } => None,
        Frequency::Every { count: 1, unit } => Some(format!("every {}", unit_word(*unit))),
        Frequency::Every { count, unit } => Some(format!("every {count} {}", unit_plural(*unit))),
        Frequency::TimesPer { times: 0, .. } => None,
        Frequency::TimesPer { times, unit } => {
            let times = match times {
                1 => "once".to_owned(),
                2 => "twice".to_owned(),
                times => format!("{times} times"),
            };
            Some(format!("{times} a {}", unit_word(*unit)))
        }
        Frequency::OnWeekdays { days } => {
            let names: Vec<&str> = days
                .iter()
                .filter_map(|day| date_words::weekday_name_numbered(u32::from(*day)))
                .collect();
            (!names.is_empty()).then(|| format!("every {}", join_and(&names)))
        }
    }
}

fn unit_word(unit: TimeUnit) -> &'static str {
    match unit {
        TimeUnit::Day => "day",
        TimeUnit::WorkingDay => "weekday",
        TimeUnit::SchoolDay => "school day",
        TimeUnit::Week => "week",
        TimeUnit::Month => "month",
        TimeUnit::Year => "year",
    }
}

fn unit_plural(unit: TimeUnit) -> &'static str {
    match unit {
        TimeUnit::Day => "days",
        TimeUnit::WorkingDay => "weekdays",
        TimeUnit::SchoolDay => "school days",
        TimeUnit::Week => "weeks",
        TimeUnit::Month => "months",
        TimeUnit::Year => "years",
    }
}

/// "a", "a and b", "a, b and c".
pub fn join_and<S: AsRef<str>>(items: &[S]) -> String {
    match items {
        [] => String::new(),
        [only] => only.as_ref().to_owned(),
        [rest @ .., last] => format!(
            "{} and {}",
            rest.iter()
                .map(AsRef::as_ref)
                .collect::<Vec<_>>()
                .join(", "),
            last.as_ref()
        ),
    }
}

/// The text with its first letter in capitals.
pub fn capitalise(text: &str) -> String {
    let mut characters = text.chars();
    match characters.next() {
        Some(first) => first.to_uppercase().chain(characters).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(year: i32, month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(year, month, day).expect("valid date")
    }

    #[test]
    fn dates_are_written_out_in_full() {
        let today = day(2026, 11, 23);
        let date = FamilyDate::new(day(2026, 11, 30), today);
        assert_eq!(date.words, "Monday 30 November 2026");
        assert_eq!(date.relative, None);
        assert!(!date.past);
        assert_eq!(
            FamilyDate::short(day(2026, 11, 30), today).words,
            "Monday 30 November"
        );
        assert_eq!(
            FamilyDate::short(day(2027, 2, 16), today).words,
            "Tuesday 16 February 2027",
            "another year keeps its year"
        );
        assert_eq!(
            FamilyDate::new(today, today).relative.as_deref(),
            Some("today")
        );
        assert_eq!(
            FamilyDate::new(day(2026, 11, 24), today)
                .relative
                .as_deref(),
            Some("tomorrow")
        );
        assert!(FamilyDate::new(day(2026, 11, 22), today).past);
    }

    #[test]
    fn frequencies_read_as_everyday_words() {
        let every = |count, unit| Frequency::Every { count, unit };
        assert_eq!(
            frequency_words(&every(1, TimeUnit::Week)).as_deref(),
            Some("every week")
        );
        assert_eq!(
            frequency_words(&every(2, TimeUnit::Week)).as_deref(),
            Some("every 2 weeks")
        );
        assert_eq!(
            frequency_words(&every(20, TimeUnit::WorkingDay)).as_deref(),
            Some("every 20 weekdays")
        );
        assert_eq!(frequency_words(&every(0, TimeUnit::Week)), None);
        let times = |times, unit| Frequency::TimesPer { times, unit };
        assert_eq!(
            frequency_words(&times(2, TimeUnit::Week)).as_deref(),
            Some("twice a week")
        );
        assert_eq!(
            frequency_words(&times(3, TimeUnit::Month)).as_deref(),
            Some("3 times a month")
        );
        let days = |days: &[u8]| Frequency::OnWeekdays {
            days: days.to_vec(),
        };
        assert_eq!(
            frequency_words(&days(&[2])).as_deref(),
            Some("every Tuesday")
        );
        assert_eq!(
            frequency_words(&days(&[1, 4])).as_deref(),
            Some("every Monday and Thursday")
        );
        assert_eq!(frequency_words(&days(&[0, 9])), None, "no such days");
    }

    #[test]
    fn lists_and_capitals() {
        assert_eq!(join_and::<&str>(&[]), "");
        assert_eq!(join_and(&["Sam"]), "Sam");
        assert_eq!(join_and(&["Sam", "Pete", "Jane"]), "Sam, Pete and Jane");
        assert_eq!(capitalise("your mum"), "Your mum");
        assert_eq!(capitalise("éclair"), "Éclair");
        assert_eq!(capitalise(""), "");
    }
}
