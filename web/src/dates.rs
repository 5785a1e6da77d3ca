//! The browser's clock and calendar-date formatting. The core reads no clock: the editor
//! reads it here once and passes today's date to every check and timeline.

use chrono::{Datelike, NaiveDate, NaiveDateTime, Weekday};

/// Today in the browser's time zone, or the date given as `?today=YYYY-MM-DD` in the
/// page's address (for training sessions set on a given day, and for repeatable tests).
pub fn today() -> NaiveDate {
    override_from_address().unwrap_or_else(browser_today)
}

fn override_from_address() -> Option<NaiveDate> {
    let search = web_sys::window()?.location().search().ok()?;
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
    parse_iso(&params.get("today")?)
}

fn browser_today() -> NaiveDate {
    let now = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
    .unwrap_or_default()
}

/// Now in UTC, for the iCalendar DTSTAMP.
pub fn now_utc() -> NaiveDateTime {
    let now = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(
        now.get_utc_full_year() as i32,
        now.get_utc_month() + 1,
        now.get_utc_date(),
    )
    .and_then(|date| date.and_hms_opt(now.get_utc_hours(), now.get_utc_minutes(), 0))
    .unwrap_or_default()
}

/// The browser's local time as "2026-11-22 15:04", which sorts as text.
pub fn local_stamp() -> String {
    let now = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date(),
        now.get_hours(),
        now.get_minutes()
    )
}

/// Reads an ISO date as an `<input type="date">` gives it; empty or invalid gives `None`.
pub fn parse_iso(text: &str) -> Option<NaiveDate> {
    cinplan_core::date_words::parse_iso(text.trim()).ok()
}

/// A date as `<input type="date">` wants it.
pub fn iso(date: Option<NaiveDate>) -> String {
    date.map(cinplan_core::date_words::iso).unwrap_or_default()
}

/// "Mon 23 Nov 2026": short, unambiguous in the UK, no locale data needed.
pub fn short(date: NaiveDate) -> String {
    format!(
        "{} {} {} {}",
        weekday_short(date.weekday()),
        date.day(),
        month_short(date.month()),
        date.year()
    )
}

/// "23 Nov": for chart ticks.
pub fn day_month(date: NaiveDate) -> String {
    format!("{} {}", date.day(), month_short(date.month()))
}

pub fn month_short(month: u32) -> &'static str {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    MONTHS
        .get(month.saturating_sub(1) as usize)
        .copied()
        .unwrap_or("")
}

fn weekday_short(weekday: Weekday) -> &'static str {
    match weekday {
        Weekday::Mon => "Mon",
        Weekday::Tue => "Tue",
        Weekday::Wed => "Wed",
        Weekday::Thu => "Thu",
        Weekday::Fri => "Fri",
        Weekday::Sat => "Sat",
        Weekday::Sun => "Sun",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_round_trip_and_blank() {
        let date = parse_iso("2026-11-23");
        assert_eq!(iso(date), "2026-11-23");
        assert_eq!(parse_iso(""), None);
        assert_eq!(parse_iso("2026-02-30"), None);
        assert_eq!(iso(None), "");
    }

    #[test]
    fn short_dates_read_in_uk_order() {
        let date = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default();
        assert_eq!(short(date), "Mon 23 Nov 2026");
        assert_eq!(day_month(date), "23 Nov");
    }
}
