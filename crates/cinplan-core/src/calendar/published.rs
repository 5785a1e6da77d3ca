//! The published UK bank holidays (bank-holidays.json, converted from the GOV.UK feed; its
//! "source" field says from where and when), checked as they are loaded so that a list with
//! a gap, a weekend day or dates out of order is refused rather than believed.
//!
//! cinplan ships the list as a static table (published_table.rs) made from
//! bank-holidays.json, so that the browser builds neither carry nor parse 22 KB of JSON at
//! start-up. A test checks the table against the checked JSON and rewrites the table when
//! run with `CINPLAN_REGENERATE=1`.

use std::fmt;
use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate};
use serde::Deserialize;

use super::statutory::{holidays_per_year, is_weekend};
use super::Region;

#[cfg(test)]
const EMBEDDED_JSON: &str = include_str!("bank-holidays.json");

/// A published bank holiday: the day off (a weekday; a holiday falling on a weekend is
/// listed as its substitute) and its name as published.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublishedHoliday {
    pub date: NaiveDate,
    pub name: String,
}

/// Every region's published bank holidays for a run of whole years.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublishedHolidays {
    source: String,
    first_year: i32,
    last_year: i32,
    england_and_wales: Vec<PublishedHoliday>,
    scotland: Vec<PublishedHoliday>,
    northern_ireland: Vec<PublishedHoliday>,
}

/// Why a bank holiday list was refused: where in the file, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarDataError {
    /// A JSON Pointer to the offending value ("" for the whole file).
    pub location: String,
    pub problem: String,
}

impl fmt::Display for CalendarDataError {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.location.is_empty() {
            write!(formatter, "bank holiday list: {}", self.problem)
        } else {
            write!(
                formatter,
                "bank holiday list at {}: {}",
                self.location, self.problem
            )
        }
    }
}

impl std::error::Error for CalendarDataError {}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawList {
    source: String,
    published_years: RawYears,
    regions: RawRegions,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawYears {
    first: i32,
    last: i32,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawRegions {
    england_and_wales: Vec<(String, String)>,
    scotland: Vec<(String, String)>,
    northern_ireland: Vec<(String, String)>,
}

fn error(location: String, problem: String) -> CalendarDataError {
    CalendarDataError { location, problem }
}

impl PublishedHolidays {
    /// Parses and checks a bank holiday list in the format of bank-holidays.json.
    pub fn from_json(text: &str) -> Result<PublishedHolidays, CalendarDataError> {
        let mut deserializer = serde_json::Deserializer::from_str(text);
        // For broken JSON too, as before: where reading stopped, inside which value.
        let raw = RawList::deserialize(&mut deserializer).map_err(|failure| {
            error(
                crate::json_error::pointer_of_error(text, &failure),
                failure.to_string(),
            )
        })?;
        deserializer
            .end()
            .map_err(|failure| error(String::new(), failure.to_string()))?;

        if raw.source.trim().is_empty() {
            return Err(error(
                "/source".to_owned(),
                "say where the list comes from and when".to_owned(),
            ));
        }
        let (first_year, last_year) = (raw.published_years.first, raw.published_years.last);
        if first_year > last_year {
            return Err(error(
                "/published_years".to_owned(),
                format!("the first year {first_year} is after the last year {last_year}"),
            ));
        }
        let check = |region: Region, entries: Vec<(String, String)>| {
            check_region(region, entries, first_year, last_year)
        };
        Ok(PublishedHolidays {
            source: raw.source,
            first_year,
            last_year,
            england_and_wales: check(Region::EnglandAndWales, raw.regions.england_and_wales)?,
            scotland: check(Region::Scotland, raw.regions.scotland)?,
            northern_ireland: check(Region::NorthernIreland, raw.regions.northern_ireland)?,
        })
    }

    /// Where the list comes from and when it was taken.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// The first and last years the list covers completely.
    pub fn years(&self) -> (i32, i32) {
        (self.first_year, self.last_year)
    }

    /// The region's holidays over all the published years, in date order.
    pub fn region(&self, region: Region) -> &[PublishedHoliday] {
        match region {
            Region::EnglandAndWales => &self.england_and_wales,
            Region::Scotland => &self.scotland,
            Region::NorthernIreland => &self.northern_ireland,
        }
    }
}

fn check_region(
    region: Region,
    entries: Vec<(String, String)>,
    first_year: i32,
    last_year: i32,
) -> Result<Vec<PublishedHoliday>, CalendarDataError> {
    let mut holidays: Vec<PublishedHoliday> = Vec::with_capacity(entries.len());
    for (index, (date_text, name)) in entries.into_iter().enumerate() {
        let location = format!("/regions/{}/{index}", region.id());
        let date = crate::date_words::parse_iso(&date_text).map_err(|_| {
            error(
                format!("{location}/0"),
                format!("\"{date_text}\" is not a date written YYYY-MM-DD"),
            )
        })?;
        if name.trim().is_empty() {
            return Err(error(
                format!("{location}/1"),
                format!("the holiday on {date} has no name"),
            ));
        }
        if date.year() < first_year || date.year() > last_year {
            return Err(error(
                location,
                format!("{date} is outside the published years {first_year}–{last_year}"),
            ));
        }
        if is_weekend(date) {
            return Err(error(
                location,
                format!(
                    "{date} is a {}; the list gives the weekday taken off instead",
                    date.weekday()
                ),
            ));
        }
        if let Some(previous) = holidays.last().filter(|previous| previous.date >= date) {
            return Err(error(
                location,
                format!(
                    "{date} comes after {}; the dates must be in order, each once",
                    previous.date
                ),
            ));
        }
        holidays.push(PublishedHoliday { date, name });
    }
    // One-off days only add to a year and moved days keep their number, so a published year
    // with fewer days than the rules give is incomplete.
    let expected = holidays_per_year(region);
    for year in first_year..=last_year {
        let found = holidays
            .iter()
            .filter(|holiday| holiday.date.year() == year)
            .count() as i64;
        if found < expected {
            return Err(error(
                format!("/regions/{}", region.id()),
                format!("{year} has {found} bank holidays; a whole year has at least {expected}"),
            ));
        }
    }
    Ok(holidays)
}

/// The list shipped with cinplan, built from the static table once on first use. The table
/// is bank-holidays.json after [`PublishedHolidays::from_json`] accepted it (see the tests).
pub fn embedded() -> Result<&'static PublishedHolidays, &'static CalendarDataError> {
    static EMBEDDED: OnceLock<Result<PublishedHolidays, CalendarDataError>> = OnceLock::new();
    EMBEDDED.get_or_init(|| Ok(from_table())).as_ref()
}

fn from_table() -> PublishedHolidays {
    use super::published_table as table;
    let days = |rows: &[(u16, u8, u8, u8)]| -> Vec<PublishedHoliday> {
        rows.iter()
            .filter_map(|&(year, month, day, name)| {
                Some(PublishedHoliday {
                    date: NaiveDate::from_ymd_opt(year.into(), month.into(), day.into())?,
                    name: (*table::NAMES.get(usize::from(name))?).to_owned(),
                })
            })
            .collect()
    };
    PublishedHolidays {
        source: table::SOURCE.to_owned(),
        first_year: table::YEARS.0,
        last_year: table::YEARS.1,
        england_and_wales: days(&table::ENGLAND_AND_WALES),
        scotland: days(&table::SCOTLAND),
        northern_ireland: days(&table::NORTHERN_IRELAND),
    }
}

/// The Rust source of published_table.rs for a checked list.
#[cfg(test)]
fn table_source(list: &PublishedHolidays) -> String {
    use std::fmt::Write;
    let mut names: Vec<&str> = Vec::new();
    for region in Region::ALL {
        for holiday in list.region(region) {
            if !names.contains(&holiday.name.as_str()) {
                names.push(&holiday.name);
            }
        }
    }
    let mut source = String::from(
        "//! Generated from bank-holidays.json by published.rs's tests \
         (`CINPLAN_REGENERATE=1 cargo test -p\n\
         //! cinplan-core published`, then `cargo fmt`): do not edit by hand.\n\n",
    );
    let _ = writeln!(
        source,
        "pub(super) const SOURCE: &str = {:?};",
        list.source()
    );
    let _ = writeln!(
        source,
        "pub(super) const YEARS: (i32, i32) = {:?};",
        list.years()
    );
    let _ = writeln!(
        source,
        "pub(super) const NAMES: [&str; {}] = {names:?};",
        names.len()
    );
    for region in Region::ALL {
        let days = list.region(region);
        let _ = writeln!(
            source,
            "/// (year, month, day, index in NAMES)\npub(super) const {}: [(u16, u8, u8, u8); {}] = [",
            region.id().replace('-', "_").to_uppercase(),
            days.len()
        );
        for holiday in days {
            let name = names
                .iter()
                .position(|name| *name == holiday.name)
                .unwrap_or_default();
            let _ = writeln!(
                source,
                "({}, {}, {}, {name}),",
                holiday.date.year(),
                holiday.date.month(),
                holiday.date.day()
            );
        }
        source.push_str("];\n");
    }
    source
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries_2012(month_days: &[&str]) -> String {
        month_days
            .iter()
            .map(|month_day| format!("[\"2012-{month_day}\", \"a holiday\"]"))
            .collect::<Vec<_>>()
            .join(",")
    }

    fn list_with(england_and_wales: &str) -> String {
        let scotland = entries_2012(&[
            "01-02", "01-03", "04-06", "05-07", "06-04", "08-06", "11-30", "12-25", "12-26",
        ]);
        let northern_ireland = entries_2012(&[
            "01-02", "03-19", "04-06", "04-09", "05-07", "06-04", "07-12", "08-27", "12-25",
            "12-26",
        ]);
        format!(
            r#"{{"source": "a test", "published_years": {{"first": 2012, "last": 2012}},
                "regions": {{"england-and-wales": [{england_and_wales}],
                             "scotland": [{scotland}],
                             "northern-ireland": [{northern_ireland}]}}}}"#
        )
    }

    const ENGLAND_2012: &str = r#"["2012-01-02", "New Year’s Day (substitute day)"],
        ["2012-04-06", "Good Friday"], ["2012-04-09", "Easter Monday"],
        ["2012-05-07", "Early May bank holiday"], ["2012-06-04", "Spring bank holiday"],
        ["2012-06-05", "Queen’s Diamond Jubilee"], ["2012-08-27", "Summer bank holiday"],
        ["2012-12-25", "Christmas Day"], ["2012-12-26", "Boxing Day"]"#;

    #[test]
    fn the_static_table_is_the_checked_json_list() {
        let checked = PublishedHolidays::from_json(EMBEDDED_JSON);
        let Ok(checked) = checked else {
            panic!("bank-holidays.json is refused: {checked:?}")
        };
        if std::env::var_os("CINPLAN_REGENERATE").is_some() {
            let path = concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/src/calendar/published_table.rs"
            );
            if let Err(failure) = std::fs::write(path, table_source(&checked)) {
                panic!("{path}: {failure}");
            }
        }
        assert!(
            from_table() == checked,
            "published_table.rs is not bank-holidays.json: run \
             CINPLAN_REGENERATE=1 cargo test -p cinplan-core published, then cargo fmt"
        );
    }

    #[test]
    fn the_embedded_list_parses_and_covers_2012_to_2028() {
        let list = embedded().expect("the shipped bank holiday list is valid");
        assert_eq!(list.years(), (2012, 2028));
        assert!(list.source().contains("govuk-bank-holidays 0.19"));
        assert!(list
            .source()
            .contains("https://www.gov.uk/bank-holidays.json"));
        assert_eq!(list.region(Region::EnglandAndWales).len(), 140);
        assert_eq!(list.region(Region::Scotland).len(), 157);
        assert_eq!(list.region(Region::NorthernIreland).len(), 174);
        for region in Region::ALL {
            let days = list.region(region);
            assert!(days.windows(2).all(|pair| pair[0].date < pair[1].date));
        }
    }

    #[test]
    fn a_well_formed_list_is_accepted() {
        let list = PublishedHolidays::from_json(&list_with(ENGLAND_2012));
        assert_eq!(
            list.map(|list| list.region(Region::EnglandAndWales).len()),
            Ok(9)
        );
    }

    fn refusal(text: &str) -> CalendarDataError {
        match PublishedHolidays::from_json(text) {
            Ok(_) => panic!("the list should have been refused: {text}"),
            Err(refusal) => refusal,
        }
    }

    #[test]
    fn dates_out_of_order_are_refused() {
        let swapped = ENGLAND_2012.replacen(
            r#"["2012-04-06", "Good Friday"], ["2012-04-09", "Easter Monday"]"#,
            r#"["2012-04-09", "Easter Monday"], ["2012-04-06", "Good Friday"]"#,
            1,
        );
        let refusal = refusal(&list_with(&swapped));
        assert_eq!(refusal.location, "/regions/england-and-wales/2");
        assert!(refusal.problem.contains("in order"), "{refusal}");
    }

    #[test]
    fn a_repeated_date_is_refused() {
        let repeated = format!(r#"{ENGLAND_2012}, ["2012-12-26", "Boxing Day"]"#);
        assert_eq!(
            refusal(&list_with(&repeated)).location,
            "/regions/england-and-wales/9"
        );
    }

    #[test]
    fn a_weekend_day_is_refused() {
        let weekend = ENGLAND_2012.replace("2012-12-26", "2012-12-29");
        let refusal = refusal(&list_with(&weekend));
        assert_eq!(refusal.location, "/regions/england-and-wales/8");
        assert!(refusal.problem.contains("Sat"), "{refusal}");
    }

    #[test]
    fn an_impossible_date_is_refused() {
        let impossible = ENGLAND_2012.replace("2012-04-06", "2012-04-31");
        assert_eq!(
            refusal(&list_with(&impossible)).location,
            "/regions/england-and-wales/1/0"
        );
    }

    #[test]
    fn a_date_outside_the_published_years_is_refused() {
        let outside = format!(r#"{ENGLAND_2012}, ["2013-01-01", "New Year’s Day"]"#);
        assert!(refusal(&list_with(&outside))
            .problem
            .contains("outside the published years"));
    }

    #[test]
    fn an_incomplete_year_is_refused() {
        let truncated = ENGLAND_2012.replace(r#", ["2012-12-26", "Boxing Day"]"#, "");
        let truncated = truncated.replace(r#"["2012-06-05", "Queen’s Diamond Jubilee"],"#, "");
        let refusal = refusal(&list_with(&truncated));
        assert_eq!(refusal.location, "/regions/england-and-wales");
        assert!(refusal.problem.contains("2012 has 7"), "{refusal}");
    }

    #[test]
    fn a_missing_region_or_source_is_refused() {
        let without_scotland = list_with(ENGLAND_2012).replacen("\"scotland\"", "\"wales\"", 1);
        assert!(refusal(&without_scotland).problem.contains("wales"));
        let without_source = list_with(ENGLAND_2012).replace("a test", " ");
        assert_eq!(refusal(&without_source).location, "/source");
    }
}
