//! Dates written out in English, as messages, the timeline, the family's words and
//! calendar files show them, and dates read as plan files write them (`YYYY-MM-DD`) and as
//! UK host forms hold them (`28/12/2026`). Written here rather than with chrono's
//! `format("%-d %B %Y")` and `parse_from_str`: chrono's format-string machinery (every
//! strftime and RFC 2822/3339 item, for writing and for parsing) costs the embed about
//! 10 KiB gzip (measured), and English day and month names, one ISO form and one day-first
//! form are all cinplan uses. Tests check each against chrono's own formatting and
//! parsing. Dates themselves (arithmetic, weekdays, validity) stay with chrono.

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};
use serde::{Deserialize, Deserializer};

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

const DAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// "November".
pub fn month_name(date: NaiveDate) -> &'static str {
    MONTHS.get(date.month0() as usize).copied().unwrap_or("")
}

/// "Nov".
pub fn month_short(date: NaiveDate) -> &'static str {
    month_name(date).get(..3).unwrap_or("")
}

/// "Monday".
pub fn weekday_name(date: NaiveDate) -> &'static str {
    DAYS.get(date.weekday().num_days_from_monday() as usize)
        .copied()
        .unwrap_or("")
}

/// "Monday" for 1 up to "Sunday" for 7, the timescale reader's numbering of named days.
pub fn weekday_name_numbered(day: u32) -> Option<&'static str> {
    DAYS.get(usize::try_from(day).ok()?.checked_sub(1)?)
        .copied()
}

/// "Mon".
pub fn weekday_short(date: NaiveDate) -> &'static str {
    weekday_name(date).get(..3).unwrap_or("")
}

/// The year as chrono's `%Y` writes it: four digits, with a sign outside 0 to 9999.
pub fn year(date: NaiveDate) -> String {
    match date.year() {
        year @ 0..=9999 => format!("{year:04}"),
        year if year > 9999 => format!("+{year}"),
        year => format!("-{:04}", year.unsigned_abs()),
    }
}

/// "16 February 2027".
pub fn long_date(date: NaiveDate) -> String {
    // By hand rather than with `format!`: the word lists' suggestions name the first
    // review, so this runs for many findings of a check (measured: 2% of a 40-row plan's).
    let mut text = String::with_capacity(20);
    push_digits(&mut text, date.day(), 1);
    text.push(' ');
    text.push_str(month_name(date));
    text.push(' ');
    match u32::try_from(date.year()) {
        Ok(four_digits @ 0..=9999) => push_digits(&mut text, four_digits, 4),
        _ => text.push_str(&year(date)),
    }
    text
}

/// Appends `number` in decimal, with leading zeros up to `width` digits.
fn push_digits(text: &mut String, number: u32, width: usize) {
    let digits = number.checked_ilog10().map_or(1, |log| log as usize + 1);
    for _ in digits..width {
        text.push('0');
    }
    let mut power = 10u32.pow(digits.saturating_sub(1) as u32);
    while power > 0 {
        let digit = (number / power) % 10;
        text.push(char::from_digit(digit, 10).unwrap_or('0'));
        power /= 10;
    }
}

/// "Tuesday 16 February 2027".
pub fn long_date_with_day(date: NaiveDate) -> String {
    format!("{} {}", weekday_name(date), long_date(date))
}

/// "Tuesday 16 February".
pub fn day_and_month_with_day(date: NaiveDate) -> String {
    format!("{} {} {}", weekday_name(date), date.day(), month_name(date))
}

/// "Tue 16 Feb 2027".
pub fn short_date(date: NaiveDate) -> String {
    format!(
        "{} {} {} {}",
        weekday_short(date),
        date.day(),
        month_short(date),
        year(date)
    )
}

/// "20270216", as iCalendar writes a date.
pub fn compact(date: NaiveDate) -> String {
    format!("{}{:02}{:02}", year(date), date.month(), date.day())
}

/// "20270216T093000Z", as iCalendar writes a moment in UTC.
pub fn compact_utc(moment: NaiveDateTime) -> String {
    format!(
        "{}T{:02}{:02}{:02}Z",
        compact(moment.date()),
        moment.hour(),
        moment.minute(),
        moment.second()
    )
}

/// "2027-02-16".
pub fn iso(date: NaiveDate) -> String {
    format!("{}-{:02}-{:02}", year(date), date.month(), date.day())
}

/// Why a text is not a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateProblem {
    /// Not written as `YYYY-MM-DD`.
    NotIso,
    /// Written as one, but no such day exists ("2026-02-31").
    NoSuchDay,
}

impl DateProblem {
    /// chrono's words for the same problems, which plan and profile errors explain in
    /// plain words (see `plan::explain_date_error`).
    pub fn message(self) -> &'static str {
        match self {
            DateProblem::NotIso => "input contains invalid characters",
            DateProblem::NoSuchDay => "input is out of range",
        }
    }
}

/// Reads a date written as `YYYY-MM-DD` (four, two and two digits), as plan files and
/// `<input type="date">` write them. Years outside 0 to 9999 are read as chrono writes
/// them (a sign, then four or more digits), so that every date a plan can hold is read
/// back as it was saved.
pub fn parse_iso(text: &str) -> Result<NaiveDate, DateProblem> {
    let (negative, unsigned) = match text.as_bytes().first() {
        Some(b'-') => (true, text.get(1..).unwrap_or("")),
        Some(b'+') => (false, text.get(1..).unwrap_or("")),
        _ => (false, text),
    };
    let mut parts = unsigned.split('-');
    let (Some(year), Some(month), Some(day), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(DateProblem::NotIso);
    };
    let (Some(year), Some(month), Some(day)) = (
        digits(year, 4..=9),
        digits(month, 2..=2),
        digits(day, 2..=2),
    ) else {
        return Err(DateProblem::NotIso);
    };
    let year = i32::try_from(year).map_err(|_| DateProblem::NoSuchDay)?;
    let year = if negative { -year } else { year };
    NaiveDate::from_ymd_opt(year, month, day).ok_or(DateProblem::NoSuchDay)
}

/// Reads a date written day first, as UK host forms hold them: `28/12/2026`, with `/`,
/// `-` or `.` between a day and a month of one or two digits and a year of four
/// (`1/2/2026` is 1 February). A two-digit year is refused rather than read as the first
/// century.
pub fn parse_day_first(text: &str) -> Option<NaiveDate> {
    let separator = text
        .bytes()
        .find(|byte| matches!(byte, b'/' | b'-' | b'.'))?;
    let mut parts = text.split(char::from(separator));
    let (Some(day), Some(month), Some(year), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return None;
    };
    let year = i32::try_from(digits(year, 4..=4)?).ok()?;
    NaiveDate::from_ymd_opt(year, digits(month, 1..=2)?, digits(day, 1..=2)?)
}

/// The number `part` writes in ASCII digits alone, as many as `lengths` allows.
fn digits(part: &str, lengths: std::ops::RangeInclusive<usize>) -> Option<u32> {
    (lengths.contains(&part.len()) && part.bytes().all(|byte| byte.is_ascii_digit()))
        .then(|| part.parse().ok())
        .flatten()
}

/// A date in a plan or profile file. Refused inside serde's visitor, so that serde_json
/// places the error at the date itself (the error's JSON Pointer comes from that place).
struct IsoDate(NaiveDate);

impl<'de> Deserialize<'de> for IsoDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<IsoDate, D::Error> {
        struct Reader;
        impl serde::de::Visitor<'_> for Reader {
            type Value = IsoDate;
            fn expecting(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str("a date written as YYYY-MM-DD")
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<IsoDate, E> {
                parse_iso(text)
                    .map(IsoDate)
                    .map_err(|problem| E::custom(problem.message()))
            }
        }
        deserializer.deserialize_str(Reader)
    }
}

/// serde: an optional `YYYY-MM-DD` date (`null` or absent is none).
pub fn deserialize_option<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<NaiveDate>, D::Error> {
    Ok(Option::<IsoDate>::deserialize(deserializer)?.map(|date| date.0))
}

/// serde: a list of `YYYY-MM-DD` dates.
pub fn deserialize_list<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Vec<NaiveDate>, D::Error> {
    Ok(Vec::<IsoDate>::deserialize(deserializer)?
        .into_iter()
        .map(|date| date.0)
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_date_is_written_as_format_would() {
        for (year, month, day) in [
            (2027, 2, 16),
            (2026, 12, 1),
            (2026, 1, 31),
            (999, 6, 9),
            (0, 1, 1),
            (10_000, 3, 3),
            (-44, 3, 15),
            (1000, 10, 10),
        ] {
            let date = NaiveDate::from_ymd_opt(year, month, day).unwrap_or_default();
            let expected = format!("{} {} {}", date.day(), month_name(date), super::year(date));
            assert_eq!(long_date(date), expected);
        }
    }

    /// Every writer against chrono's own `format`, over a spread of years including
    /// the signed ones and every day of two years (one a leap year).
    #[test]
    fn every_writer_matches_chrono_format() {
        let mut dates: Vec<NaiveDate> = Vec::new();
        let start = NaiveDate::from_ymd_opt(2027, 1, 1).expect("a real date");
        dates.extend(start.iter_days().take(731));
        for year in [-262_000, -1, 0, 1, 999, 1000, 9999, 10_000, 262_000] {
            dates.extend(NaiveDate::from_ymd_opt(year, 2, 28));
            dates.extend(NaiveDate::from_ymd_opt(year, 12, 31));
        }
        dates.push(NaiveDate::MIN);
        dates.push(NaiveDate::MAX);
        for date in dates {
            assert_eq!(long_date(date), date.format("%-d %B %Y").to_string());
            assert_eq!(
                long_date_with_day(date),
                date.format("%A %-d %B %Y").to_string()
            );
            assert_eq!(
                day_and_month_with_day(date),
                date.format("%A %-d %B").to_string()
            );
            assert_eq!(short_date(date), date.format("%a %-d %b %Y").to_string());
            assert_eq!(weekday_name(date), date.format("%A").to_string());
            assert_eq!(compact(date), date.format("%Y%m%d").to_string());
            assert_eq!(iso(date), date.format("%Y-%m-%d").to_string());
            let moment = date.and_hms_opt(9, 5, 7).expect("a real time");
            assert_eq!(
                compact_utc(moment),
                moment.format("%Y%m%dT%H%M%SZ").to_string()
            );
        }
    }

    /// Day-first dates read as chrono's `%d/%m/%Y` (and with `-` or `.`) reads them, padded
    /// or not; what chrono would read as a year of fewer than four digits is refused.
    #[test]
    fn day_first_dates_read_as_chrono_reads_them() {
        let start = NaiveDate::from_ymd_opt(2023, 12, 25).expect("a real date");
        for date in start.iter_days().take(800) {
            for separator in ['/', '-', '.'] {
                let padded = format!("%d{separator}%m{separator}%Y");
                let unpadded = format!("%-d{separator}%-m{separator}%Y");
                for format in [padded, unpadded] {
                    let text = date.format(&format).to_string();
                    assert_eq!(parse_day_first(&text), Some(date), "{text}");
                }
            }
        }
        for text in [
            "31/02/2027",
            "0/1/2026",
            "1/13/2026",
            "1/0/2026",
            "32.1.2026",
        ] {
            let chrono = NaiveDate::parse_from_str(text, "%d/%m/%Y")
                .or_else(|_| NaiveDate::parse_from_str(text, "%d.%m.%Y"));
            assert!(chrono.is_err(), "{text}");
            assert_eq!(parse_day_first(text), None, "{text}");
        }
        for text in [
            "",
            "28/12/26",
            "28/12/0026x",
            "28/12-2026",
            "28//2026",
            "28/12/2026/1",
            "+28/12/2026",
            "028/12/2026",
            "28 /12/2026",
            "2026-12-28",
        ] {
            assert_eq!(parse_day_first(text), None, "{text}");
        }
    }

    proptest::proptest! {
        /// Whatever a day-first text is, a date read from it is the date chrono reads.
        #[test]
        fn a_day_first_date_is_never_read_where_chrono_reads_another(
            text in "[0-9]{1,3}[-/.][0-9]{1,3}[-/.][0-9]{1,5}"
        ) {
            if let Some(date) = parse_day_first(&text) {
                let separator = text.chars().find(|c| !c.is_ascii_digit()).unwrap_or('/');
                let format = format!("%d{separator}%m{separator}%Y");
                proptest::prop_assert_eq!(NaiveDate::parse_from_str(&text, &format), Ok(date));
            }
        }
    }

    /// Every `YYYY-MM-DD` text reads as chrono reads it, and chrono's error kinds match.
    #[test]
    fn iso_dates_read_as_chrono_reads_them() {
        let start = NaiveDate::from_ymd_opt(1999, 12, 25).expect("a real date");
        for date in start.iter_days().take(3000) {
            let text = date.format("%Y-%m-%d").to_string();
            assert_eq!(parse_iso(&text), Ok(date), "{text}");
        }
        for year in ["0000", "0001", "2024", "2026", "9999"] {
            for month in 0..=13 {
                for day in 0..=32 {
                    let text = format!("{year}-{month:02}-{day:02}");
                    let chrono = NaiveDate::parse_from_str(&text, "%Y-%m-%d");
                    assert_eq!(parse_iso(&text).ok(), chrono.ok(), "{text}");
                }
            }
        }
        assert_eq!(parse_iso("2026-02-31"), Err(DateProblem::NoSuchDay));
        // Every date chrono can hold reads back from the form it is saved in.
        for date in [NaiveDate::MIN, NaiveDate::MAX].into_iter().chain(
            [-151_942, -1, 0, 10_000, 262_000]
                .into_iter()
                .filter_map(|year| NaiveDate::from_ymd_opt(year, 7, 30)),
        ) {
            assert_eq!(parse_iso(&date.to_string()), Ok(date), "{date}");
        }
        for text in [
            "",
            "2026-2-3",
            "26-02-03",
            "2026/02/03",
            "2026-02-03 ",
            " 2026-02-03",
            "2026-02-3x",
            "++2026-02-03",
            "２０２６-02-03",
            "2026-02-03T00:00",
            "31/02/2027",
        ] {
            assert_eq!(parse_iso(text), Err(DateProblem::NotIso), "{text:?}");
        }
    }
}
