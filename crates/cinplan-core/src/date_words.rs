//! Dates written out in English, as messages, the timeline, the family's words and
//! calendar files show them. Written here rather than with chrono's `format("%-d %B %Y")`:
//! its format-string machinery costs the browser build several KB and parses the format
//! again for every date, and English day and month names are all it is used for. Dates
//! themselves (arithmetic, weekdays, parsing plan files) stay with chrono.

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};

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
    format!("{} {} {}", date.day(), month_name(date), year(date))
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
