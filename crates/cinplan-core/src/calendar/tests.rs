use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate, Weekday};
use proptest::prelude::*;

use super::*;

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a date written in the test")
}

fn england() -> Calendar {
    Calendar::new(Region::EnglandAndWales)
}

fn scotland() -> Calendar {
    Calendar::new(Region::Scotland)
}

fn northern_ireland() -> Calendar {
    Calendar::new(Region::NorthernIreland)
}

/// The bank holidays of a calendar in a year, as (ISO date, name).
fn holidays_in(calendar: &Calendar, year: i32) -> Vec<(String, &'static str)> {
    NaiveDate::from_ymd_opt(year, 1, 1)
        .expect("a year in range")
        .iter_days()
        .take_while(|day| day.year() == year)
        .filter_map(|day| Some((day.to_string(), calendar.bank_holiday(day)?)))
        .collect()
}

/// Walks day by day, as the definition reads: the reference the arithmetic must match.
fn add_by_walking(calendar: &Calendar, from: NaiveDate, n: i64) -> Option<NaiveDate> {
    let mut current = from;
    let mut remaining = n.unsigned_abs();
    while remaining > 0 {
        current = if n > 0 {
            current.succ_opt()?
        } else {
            current.pred_opt()?
        };
        if calendar.is_working_day(current) {
            remaining -= 1;
        }
    }
    Some(current)
}

fn between_by_walking(calendar: &Calendar, from: NaiveDate, to: NaiveDate) -> i64 {
    let count = |low: NaiveDate, high: NaiveDate| {
        low.iter_days()
            .take_while(|day| *day < high)
            .filter(|day| calendar.is_working_day(*day))
            .count() as i64
    };
    if from <= to {
        // (from, to] has the same working days as [from, to] less `from`.
        count(from, to) - i64::from(calendar.is_working_day(from))
            + i64::from(calendar.is_working_day(to))
    } else {
        -count(to, from)
    }
}

// ---- the counting rule ----

#[test]
fn friday_plus_one_working_day_is_monday() {
    assert_eq!(
        england().add_working_days(date("2026-11-20"), 1),
        Some(date("2026-11-23"))
    );
}

#[test]
fn monday_minus_one_working_day_is_friday() {
    assert_eq!(
        england().add_working_days(date("2026-11-23"), -1),
        Some(date("2026-11-20"))
    );
}

#[test]
fn the_start_date_never_counts_even_on_a_weekend_or_holiday() {
    // Saturday + 1 is Monday, not Saturday's own "Monday-equivalent".
    assert_eq!(
        england().add_working_days(date("2026-11-21"), 1),
        Some(date("2026-11-23"))
    );
    // Christmas Day 2026 (a Friday) + 1: Boxing Day's substitute is Monday 28.
    assert_eq!(
        england().add_working_days(date("2026-12-25"), 1),
        Some(date("2026-12-29"))
    );
    assert_eq!(
        england().add_working_days(date("2026-11-22"), -1),
        Some(date("2026-11-20"))
    );
}

#[test]
fn zero_working_days_is_the_date_itself() {
    assert_eq!(
        england().add_working_days(date("2026-11-21"), 0),
        Some(date("2026-11-21"))
    );
}

#[test]
fn ten_working_days_after_a_monday_is_the_monday_two_weeks_on() {
    assert_eq!(
        england().add_working_days(date("2026-11-09"), 10),
        Some(date("2026-11-23"))
    );
}

#[test]
fn friday_to_monday_is_one_working_day_and_back_is_minus_one() {
    let calendar = england();
    assert_eq!(
        calendar.working_days_between(date("2026-11-20"), date("2026-11-23")),
        1
    );
    assert_eq!(
        calendar.working_days_between(date("2026-11-23"), date("2026-11-20")),
        -1
    );
    assert_eq!(
        calendar.working_days_between(date("2026-11-20"), date("2026-11-20")),
        0
    );
}

#[test]
fn between_a_weekend_and_the_next_is_five() {
    assert_eq!(
        england().working_days_between(date("2026-11-21"), date("2026-11-28")),
        5
    );
    assert_eq!(
        england().working_days_between(date("2026-11-28"), date("2026-11-21")),
        -5
    );
}

// ---- year ends ----

#[test]
fn adding_across_the_year_end_skips_christmas_boxing_day_and_new_year() {
    let calendar = england();
    // 2026: Christmas Friday, Boxing Day Saturday → Monday 28, New Year's Day Friday.
    assert_eq!(
        calendar.add_working_days(date("2026-12-24"), 1),
        Some(date("2026-12-29"))
    );
    assert_eq!(
        calendar.add_working_days(date("2026-12-24"), 4),
        Some(date("2027-01-04"))
    );
    assert_eq!(
        calendar.add_working_days(date("2027-01-04"), -4),
        Some(date("2026-12-24"))
    );
    assert_eq!(
        calendar.working_days_between(date("2026-12-24"), date("2027-01-04")),
        4
    );
}

#[test]
fn scotland_loses_one_more_day_than_england_across_new_year() {
    // Scotland also closes on 2 January (2027: a Saturday, so Monday 4).
    assert_eq!(
        scotland().add_working_days(date("2026-12-31"), 1),
        Some(date("2027-01-05"))
    );
    assert_eq!(
        england().add_working_days(date("2026-12-31"), 1),
        Some(date("2027-01-04"))
    );
}

#[test]
fn adding_across_the_end_of_the_published_list_uses_the_rules() {
    // 2028-12-26 Tuesday is Boxing Day (published); 2029-01-01 Monday New Year's Day (rules).
    let calendar = england();
    assert_eq!(
        calendar.add_working_days(date("2028-12-22"), 3),
        Some(date("2028-12-29"))
    );
    assert_eq!(
        calendar.add_working_days(date("2028-12-29"), 1),
        Some(date("2029-01-02"))
    );
    assert_eq!(
        calendar.working_days_between(date("2028-12-22"), date("2029-01-02")),
        4
    );
}

// ---- substitute days ----

#[test]
fn christmas_on_saturday_moves_to_monday_27_and_boxing_day_to_tuesday_28() {
    for year in [2021, 2027, 2032, 2038] {
        let calendar = england();
        let on = |day| {
            calendar.bank_holiday(NaiveDate::from_ymd_opt(year, 12, day).expect("a December day"))
        };
        assert_eq!(on(25), None, "{year}");
        assert_eq!(on(27), Some("Christmas Day (substitute day)"), "{year}");
        assert_eq!(on(28), Some("Boxing Day (substitute day)"), "{year}");
    }
}

#[test]
fn christmas_on_sunday_keeps_boxing_day_on_monday_and_moves_christmas_to_tuesday() {
    for year in [2022, 2033, 2039] {
        let calendar = england();
        let on = |day| {
            calendar.bank_holiday(NaiveDate::from_ymd_opt(year, 12, day).expect("a December day"))
        };
        assert_eq!(on(26), Some("Boxing Day"), "{year}");
        assert_eq!(on(27), Some("Christmas Day (substitute day)"), "{year}");
        assert_eq!(on(28), None, "{year}");
    }
}

#[test]
fn boxing_day_on_saturday_moves_to_monday() {
    for year in [2020, 2026, 2037, 2043] {
        let calendar = england();
        let on = |day| {
            calendar.bank_holiday(NaiveDate::from_ymd_opt(year, 12, day).expect("a December day"))
        };
        assert_eq!(on(25), Some("Christmas Day"), "{year}");
        assert_eq!(on(28), Some("Boxing Day (substitute day)"), "{year}");
        assert!(
            calendar.is_working_day(NaiveDate::from_ymd_opt(year, 12, 29).expect("a December day"))
        );
    }
}

#[test]
fn new_years_day_on_a_weekend_moves_to_monday() {
    assert_eq!(
        england().bank_holiday(date("2033-01-03")),
        Some("New Year’s Day (substitute day)")
    );
    assert_eq!(
        england().bank_holiday(date("2034-01-02")),
        Some("New Year’s Day (substitute day)")
    );
    assert!(england().is_working_day(date("2034-01-03")));
}

#[test]
fn scotland_new_year_includes_2_january() {
    // Both weekdays: 2030 (Tuesday and Wednesday).
    assert_eq!(
        scotland().bank_holiday(date("2030-01-01")),
        Some("New Year’s Day")
    );
    assert_eq!(
        scotland().bank_holiday(date("2030-01-02")),
        Some("2nd January")
    );
    assert!(england().is_working_day(date("2030-01-02")));
}

#[test]
fn scotland_new_year_on_friday_moves_2_january_to_monday() {
    for year in [2027, 2038] {
        let on = |day| scotland().bank_holiday(NaiveDate::from_ymd_opt(year, 1, day)?);
        assert_eq!(on(1), Some("New Year’s Day"), "{year}");
        assert_eq!(on(4), Some("2nd January (substitute day)"), "{year}");
    }
}

#[test]
fn scotland_new_year_on_saturday_gives_monday_and_tuesday() {
    for year in [2022, 2033] {
        let on = |day| scotland().bank_holiday(NaiveDate::from_ymd_opt(year, 1, day)?);
        assert_eq!(on(3), Some("New Year’s Day (substitute day)"), "{year}");
        assert_eq!(on(4), Some("2nd January (substitute day)"), "{year}");
        assert_eq!(on(5), None, "{year}");
    }
}

#[test]
fn scotland_new_year_on_sunday_gives_monday_and_tuesday() {
    // The days are the same in every published year; GOV.UK named them both ways (see the
    // published-list comparison below), and the rules follow 2012 and 2017.
    for year in [2017, 2034] {
        let calendar = scotland();
        let day = |day| NaiveDate::from_ymd_opt(year, 1, day).expect("a January day");
        assert_eq!(calendar.bank_holiday(day(2)), Some("2nd January"), "{year}");
        assert_eq!(
            calendar.bank_holiday(day(3)),
            Some("New Year’s Day (substitute day)"),
            "{year}"
        );
        assert!(calendar.is_working_day(day(4)));
    }
}

#[test]
fn st_patricks_day_on_a_weekend_moves_to_monday_in_northern_ireland() {
    let calendar = northern_ireland();
    // Saturday 17 March 2029 → Monday 19; Sunday 17 March 2030 → Monday 18.
    assert_eq!(
        calendar.bank_holiday(date("2029-03-19")),
        Some("St Patrick’s Day (substitute day)")
    );
    assert_eq!(
        calendar.bank_holiday(date("2030-03-18")),
        Some("St Patrick’s Day (substitute day)")
    );
    assert_eq!(
        calendar.bank_holiday(date("2031-03-17")),
        Some("St Patrick’s Day")
    );
    assert!(england().is_working_day(date("2031-03-17")));
    assert!(scotland().is_working_day(date("2031-03-17")));
}

#[test]
fn battle_of_the_boyne_on_a_weekend_moves_to_monday_in_northern_ireland() {
    let calendar = northern_ireland();
    // Saturday 12 July 2031 → Monday 14; Sunday 12 July 2037 → Monday 13.
    assert_eq!(
        calendar.bank_holiday(date("2031-07-14")),
        Some("Battle of the Boyne (Orangemen’s Day) (substitute day)")
    );
    assert_eq!(
        calendar.bank_holiday(date("2037-07-13")),
        Some("Battle of the Boyne (Orangemen’s Day) (substitute day)")
    );
    assert_eq!(
        calendar.bank_holiday(date("2030-07-12")),
        Some("Battle of the Boyne (Orangemen’s Day)")
    );
    assert!(england().is_working_day(date("2030-07-12")));
}

#[test]
fn st_andrews_day_on_a_weekend_moves_to_the_next_monday_in_scotland() {
    let calendar = scotland();
    // Saturday 30 November 2030 → Monday 2 December; Sunday 2031 → Monday 1 December.
    assert_eq!(
        calendar.bank_holiday(date("2030-12-02")),
        Some("St Andrew’s Day (substitute day)")
    );
    assert_eq!(
        calendar.bank_holiday(date("2031-12-01")),
        Some("St Andrew’s Day (substitute day)")
    );
    assert_eq!(
        calendar.bank_holiday(date("2032-11-30")),
        Some("St Andrew’s Day")
    );
    assert!(england().is_working_day(date("2032-11-30")));
}

// ---- Easter and the Monday holidays ----

#[test]
fn easter_gives_good_friday_everywhere_and_easter_monday_outside_scotland() {
    // Easter Sunday: 2019-04-21, 2024-03-31 (published); 2030-04-21, 2035-03-25,
    // 2038-04-25 (rules).
    for (good_friday, easter_monday) in [
        ("2019-04-19", "2019-04-22"),
        ("2024-03-29", "2024-04-01"),
        ("2030-04-19", "2030-04-22"),
        ("2035-03-23", "2035-03-26"),
        ("2038-04-23", "2038-04-26"),
    ] {
        for calendar in [england(), scotland(), northern_ireland()] {
            assert_eq!(
                calendar.bank_holiday(date(good_friday)),
                Some("Good Friday")
            );
        }
        assert_eq!(
            england().bank_holiday(date(easter_monday)),
            Some("Easter Monday")
        );
        assert_eq!(
            northern_ireland().bank_holiday(date(easter_monday)),
            Some("Easter Monday")
        );
        assert!(scotland().is_working_day(date(easter_monday)));
    }
}

#[test]
fn may_and_august_bank_holidays_are_mondays_by_rule() {
    assert_eq!(
        holidays_in(&england(), 2031),
        vec![
            ("2031-01-01".to_owned(), "New Year’s Day"),
            ("2031-04-11".to_owned(), "Good Friday"),
            ("2031-04-14".to_owned(), "Easter Monday"),
            ("2031-05-05".to_owned(), "Early May bank holiday"),
            ("2031-05-26".to_owned(), "Spring bank holiday"),
            ("2031-08-25".to_owned(), "Summer bank holiday"),
            ("2031-12-25".to_owned(), "Christmas Day"),
            ("2031-12-26".to_owned(), "Boxing Day"),
        ]
    );
    assert_eq!(
        scotland().bank_holiday(date("2031-08-04")),
        Some("Summer bank holiday")
    );
    assert!(scotland().is_working_day(date("2031-08-25")));
}

// ---- one-off days come only from the published list ----

#[test]
fn ve_day_2020_moved_the_early_may_bank_holiday_to_friday_8_may() {
    for calendar in [england(), scotland(), northern_ireland()] {
        assert!(calendar.is_working_day(date("2020-05-04")));
        assert_eq!(
            calendar.bank_holiday(date("2020-05-08")),
            Some("Early May bank holiday (VE day)")
        );
    }
}

#[test]
fn platinum_jubilee_2022_moved_spring_to_thursday_and_added_friday() {
    for calendar in [england(), scotland(), northern_ireland()] {
        assert!(calendar.is_working_day(date("2022-05-30")));
        assert_eq!(
            calendar.bank_holiday(date("2022-06-02")),
            Some("Spring bank holiday")
        );
        assert_eq!(
            calendar.bank_holiday(date("2022-06-03")),
            Some("Platinum Jubilee bank holiday")
        );
    }
    // Wednesday 1 June + 1 working day jumps the four-day weekend.
    assert_eq!(
        england().add_working_days(date("2022-06-01"), 1),
        Some(date("2022-06-06"))
    );
}

#[test]
fn the_state_funeral_2022_and_the_coronation_2023_were_bank_holidays() {
    for calendar in [england(), scotland(), northern_ireland()] {
        assert!(!calendar.is_working_day(date("2022-09-19")));
        assert!(!calendar.is_working_day(date("2023-05-08")));
    }
    assert_eq!(
        england().working_days_between(date("2023-05-05"), date("2023-05-09")),
        1
    );
}

#[test]
fn the_rules_invent_no_one_off_days_after_the_published_years() {
    // The first Monday in June and the second Monday in May are ordinary working days.
    for year in 2029..=2040 {
        let calendar = england();
        let holidays = holidays_in(&calendar, year);
        assert_eq!(holidays.len(), 8, "{year}: {holidays:?}");
    }
}

/// Every difference between the published list and the rules in 2012–2028, as (region,
/// ISO date, name): `+` for a published day the rules do not give, `-` for a rule day that
/// was not published.
const KNOWN_DIFFERENCES: &[(char, &str, &str)] = &[
    // 2012: spring bank holiday moved to 4 June for the Diamond Jubilee (the published name
    // of the moved day differs by region, see below), and 5 June added.
    ('-', "2012-05-28", "Spring bank holiday"),
    ('+', "2012-06-05", "Queen’s Diamond Jubilee"),
    // 2020: early May bank holiday moved to Friday for the 75th anniversary of VE day.
    ('-', "2020-05-04", "Early May bank holiday"),
    ('+', "2020-05-08", "Early May bank holiday (VE day)"),
    // 2022: spring bank holiday moved and a day added for the Platinum Jubilee; the state
    // funeral of Queen Elizabeth II.
    ('-', "2022-05-30", "Spring bank holiday"),
    ('+', "2022-06-02", "Spring bank holiday"),
    ('+', "2022-06-03", "Platinum Jubilee bank holiday"),
    (
        '+',
        "2022-09-19",
        "Bank Holiday for the State Funeral of Queen Elizabeth II",
    ),
    // 2023: the coronation of King Charles III.
    (
        '+',
        "2023-05-08",
        "Bank holiday for the coronation of King Charles III",
    ),
];

/// Scotland, New Year's Day on a Sunday: the same two days, named the other way round in
/// 2023 than in 2012 and 2017 (which the rules follow).
const SCOTLAND_2023_NAMING: &[(char, &str, &str)] = &[
    ('-', "2023-01-02", "2nd January"),
    ('-', "2023-01-03", "New Year’s Day (substitute day)"),
    ('+', "2023-01-02", "New Year’s Day (substitute day)"),
    ('+', "2023-01-03", "2nd January (substitute day)"),
];

#[test]
fn the_statutory_rules_reproduce_the_published_list_except_the_one_offs() {
    let list = published_holidays().expect("the shipped list is valid");
    let (first_year, last_year) = list.years();
    for region in Region::ALL {
        let published: BTreeSet<(String, &str)> = list
            .region(region)
            .iter()
            .map(|holiday| (holiday.date.to_string(), holiday.name.as_str()))
            .collect();
        let from_rules: BTreeSet<(String, &str)> = (first_year..=last_year)
            .flat_map(|year| {
                statutory::holidays_in_year(region, year)
                    .as_slice()
                    .to_vec()
            })
            .map(|(day, name)| (day.to_string(), name))
            .collect();
        let mut differences: Vec<(char, &str, &str)> = published
            .difference(&from_rules)
            .map(|(day, name)| ('+', day.as_str(), *name))
            .chain(
                from_rules
                    .difference(&published)
                    .map(|(day, name)| ('-', day.as_str(), *name)),
            )
            .collect();
        let mut expected: Vec<(char, &str, &str)> = KNOWN_DIFFERENCES.to_vec();
        // The moved spring day is noted as a substitute day except in Northern Ireland.
        expected.push(match region {
            Region::NorthernIreland => ('+', "2012-06-04", "Spring bank holiday"),
            _ => ('+', "2012-06-04", "Spring bank holiday (substitute day)"),
        });
        if region == Region::Scotland {
            expected.extend_from_slice(SCOTLAND_2023_NAMING);
        }
        differences.sort_unstable();
        expected.sort_unstable();
        assert_eq!(differences, expected, "{region:?}");
    }
}

#[test]
fn published_and_statutory_years_name_the_same_day_the_same_way() {
    // 2028 is published, 2029 comes from the rules: Good Friday reads the same.
    assert_eq!(
        england().bank_holiday(date("2028-04-14")),
        england().bank_holiday(date("2029-03-30"))
    );
}

#[test]
fn years_before_the_published_list_use_the_rules() {
    assert_eq!(
        england().bank_holiday(date("2011-12-27")),
        Some("Christmas Day (substitute day)")
    );
    assert_eq!(
        england().bank_holiday(date("2011-04-25")),
        Some("Easter Monday")
    );
}

#[test]
fn the_gathered_years_hold_exactly_the_rule_days_outside_the_published_list() {
    for region in Region::ALL {
        let calendar = Calendar::new(region);
        for year in (1895..2012).chain(2029..=2205) {
            let from_rules: Vec<(String, &str)> = statutory::holidays_in_year(region, year)
                .as_slice()
                .iter()
                .map(|(day, name)| (day.to_string(), *name))
                .collect();
            assert_eq!(
                holidays_in(&calendar, year),
                from_rules,
                "{region:?} {year}"
            );
        }
    }
}

// ---- closures and directions ----

#[test]
fn closure_days_from_a_profile_count_as_non_working() {
    let closures = [date("2026-12-29"), date("2026-12-30"), date("2026-12-31")];
    let calendar = england().with_closures(closures);
    assert!(!calendar.is_working_day(date("2026-12-30")));
    assert!(england().is_working_day(date("2026-12-30")));
    assert_eq!(
        calendar.add_working_days(date("2026-12-24"), 1),
        Some(date("2027-01-04"))
    );
    assert_eq!(
        calendar.working_days_between(date("2026-12-24"), date("2027-01-04")),
        1
    );
    assert_eq!(
        calendar.add_working_days(date("2027-01-04"), -1),
        Some(date("2026-12-24"))
    );
}

#[test]
fn closures_on_weekends_holidays_or_repeated_change_nothing() {
    let calendar = england().with_closures([
        date("2026-12-26"),
        date("2026-12-28"),
        date("2026-12-29"),
        date("2026-12-29"),
    ]);
    assert_eq!(calendar, england().with_closures([date("2026-12-29")]));
    assert_eq!(
        calendar.working_days_between(date("2026-12-24"), date("2026-12-31")),
        2
    );
}

#[test]
fn the_working_day_on_or_after_a_bank_holiday_weekend_is_tuesday() {
    let calendar = england();
    // Saturday 29 August 2026; Monday 31 is the summer bank holiday.
    assert_eq!(
        calendar.working_day_on_or(date("2026-08-29"), Direction::Forward),
        Some(date("2026-09-01"))
    );
    assert_eq!(
        calendar.working_day_on_or(date("2026-08-29"), Direction::Backward),
        Some(date("2026-08-28"))
    );
    assert_eq!(
        calendar.working_day_on_or(date("2026-09-01"), Direction::Backward),
        Some(date("2026-09-01"))
    );
}

// ---- range, size and speed ----

#[test]
fn adding_past_the_ends_of_the_calendar_is_none() {
    let calendar = england();
    assert_eq!(calendar.add_working_days(NaiveDate::MAX, 1), None);
    assert_eq!(calendar.add_working_days(NaiveDate::MIN, -1), None);
    assert_eq!(
        calendar.add_working_days(date("2026-01-01"), i64::MAX),
        None
    );
    assert_eq!(
        calendar.add_working_days(date("2026-01-01"), i64::MIN),
        None
    );
    assert_eq!(calendar.add_working_days(NaiveDate::MAX, i64::MAX), None);
    assert_eq!(calendar.add_working_days(NaiveDate::MIN, i64::MIN), None);
}

#[test]
fn the_last_working_day_of_the_calendar_is_reachable_and_no_further() {
    let calendar = england();
    let last = calendar
        .working_day_on_or(NaiveDate::MAX, Direction::Backward)
        .expect("some working day near the end");
    let from = date("2026-01-01");
    let all = calendar.working_days_between(from, NaiveDate::MAX);
    assert_eq!(calendar.add_working_days(from, all), Some(last));
    assert_eq!(calendar.add_working_days(from, all + 1), None);

    let first = calendar
        .working_day_on_or(NaiveDate::MIN, Direction::Forward)
        .expect("some working day near the start");
    let back = calendar.working_days_between(from, NaiveDate::MIN);
    assert_eq!(calendar.add_working_days(from, back), Some(first));
    assert_eq!(calendar.add_working_days(from, back - 1), None);
}

#[test]
fn a_hundred_thousand_working_days_match_walking_them() {
    let calendar = scotland().with_closures([date("2040-06-06"), date("2100-01-05")]);
    let from = date("2026-03-14");
    let walked = add_by_walking(&calendar, from, 100_000);
    assert_eq!(calendar.add_working_days(from, 100_000), walked);
    let walked_back = add_by_walking(&calendar, from, -100_000);
    assert_eq!(calendar.add_working_days(from, -100_000), walked_back);
    let walked = walked.expect("a date about 383 years on");
    assert_eq!(calendar.working_days_between(from, walked), 100_000);
    assert_eq!(between_by_walking(&calendar, from, walked), 100_000);
}

#[test]
fn counting_matches_walking_across_the_edges_of_the_published_and_gathered_years() {
    for calendar in [england(), scotland(), northern_ireland()] {
        for (from, to) in [
            ("2009-06-01", "2014-02-01"),
            ("2027-06-01", "2031-02-01"),
            ("2011-12-31", "2012-01-01"),
            ("2028-12-31", "2029-01-02"),
            // The ends of the table of gathered years.
            ("1899-11-01", "1900-02-01"),
            ("2199-11-01", "2200-02-01"),
        ] {
            let (from, to) = (date(from), date(to));
            assert_eq!(
                calendar.working_days_between(from, to),
                between_by_walking(&calendar, from, to)
            );
            assert_eq!(
                calendar.working_days_between(to, from),
                between_by_walking(&calendar, to, from)
            );
        }
    }
}

// ---- properties ----

fn any_date() -> impl Strategy<Value = NaiveDate> {
    (NaiveDate::MIN.num_days_from_ce()..=NaiveDate::MAX.num_days_from_ce())
        .prop_filter_map("a representable day", NaiveDate::from_num_days_from_ce_opt)
}

/// Dates where the published list, the rules and year ends meet.
fn nearby_date() -> impl Strategy<Value = NaiveDate> {
    let low = date("2005-01-01").num_days_from_ce();
    let high = date("2040-12-31").num_days_from_ce();
    (low..=high).prop_filter_map("a representable day", NaiveDate::from_num_days_from_ce_opt)
}

/// Near chrono's first and last days.
fn edge_date() -> impl Strategy<Value = NaiveDate> {
    let first = NaiveDate::MIN.num_days_from_ce();
    let last = NaiveDate::MAX.num_days_from_ce();
    prop_oneof![first..=first + 30, last - 30..=last]
        .prop_filter_map("a representable day", NaiveDate::from_num_days_from_ce_opt)
}

fn any_region() -> impl Strategy<Value = Region> {
    prop_oneof![
        Just(Region::EnglandAndWales),
        Just(Region::Scotland),
        Just(Region::NorthernIreland),
    ]
}

fn any_calendar() -> impl Strategy<Value = Calendar> {
    (
        any_region(),
        proptest::collection::vec(nearby_date(), 0..20),
    )
        .prop_map(|(region, closures)| Calendar::new(region).with_closures(closures))
}

proptest! {
    #[test]
    fn adding_matches_walking(
        calendar in any_calendar(),
        from in nearby_date(),
        n in -400i64..=400,
    ) {
        prop_assert_eq!(calendar.add_working_days(from, n), add_by_walking(&calendar, from, n));
    }

    #[test]
    fn counting_matches_walking(
        calendar in any_calendar(),
        from in nearby_date(),
        to in nearby_date(),
    ) {
        prop_assert_eq!(
            calendar.working_days_between(from, to),
            between_by_walking(&calendar, from, to)
        );
    }

    #[test]
    fn adding_then_counting_gives_back_n(
        calendar in any_calendar(),
        from in any_date(),
        n in -100_000i64..=100_000,
    ) {
        if let Some(to) = calendar.add_working_days(from, n) {
            prop_assert_eq!(calendar.working_days_between(from, to), n);
            prop_assert!(n == 0 || calendar.is_working_day(to));
            prop_assert!(n == 0 || (n > 0) == (to > from));
        }
    }

    #[test]
    fn counting_then_adding_reaches_any_working_day(
        calendar in any_calendar(),
        from in nearby_date(),
        to in any_date(),
    ) {
        if calendar.is_working_day(to) {
            let n = calendar.working_days_between(from, to);
            prop_assert_eq!(calendar.add_working_days(from, n), Some(to));
        }
    }

    #[test]
    fn never_panics_for_any_date_and_any_n(
        calendar in any_calendar(),
        from in prop_oneof![any_date(), edge_date()],
        to in prop_oneof![any_date(), edge_date()],
        n in prop_oneof![any::<i64>(), -300i64..=300],
    ) {
        let _ = calendar.is_working_day(from);
        let _ = calendar.bank_holiday(from);
        let _ = calendar.working_day_on_or(from, Direction::Forward);
        let _ = calendar.working_day_on_or(from, Direction::Backward);
        let between = calendar.working_days_between(from, to);
        let days_apart = to.signed_duration_since(from).num_days();
        prop_assert!(between.signum() * days_apart.signum() >= 0);
        prop_assert!(between.abs() <= days_apart.abs());
        if let Some(reached) = calendar.add_working_days(from, n) {
            prop_assert_eq!(calendar.working_days_between(from, reached), n);
        }
    }

    #[test]
    fn bank_holidays_are_weekdays_and_not_working_days(
        calendar in any_calendar(),
        day in prop_oneof![any_date(), nearby_date()],
    ) {
        if calendar.bank_holiday(day).is_some() {
            prop_assert!(!matches!(day.weekday(), Weekday::Sat | Weekday::Sun));
            prop_assert!(!calendar.is_working_day(day));
        }
    }
}
