//! The statutory bank holidays of each region, for the years the published list does not
//! cover (Banking and Financial Dealings Act 1971 as amended, the St Andrew's Day Bank
//! Holiday (Scotland) Act 2007 and the yearly royal proclamations that settle substitutes).
//!
//! One-off days (jubilees, a state funeral, a coronation, a moved May day) are not rules and
//! come only from the published list.

use chrono::{Datelike, NaiveDate, Weekday};

use super::Region;

/// Where a statutory holiday falls in a given year, before any substitution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RuleDay {
    /// A fixed date; when it falls on a weekend the next free weekday is the holiday.
    Fixed {
        month: u32,
        day: u32,
    },
    /// Days from Easter Sunday (Good Friday is -2).
    FromEaster {
        days: i64,
    },
    FirstMonday {
        month: u32,
    },
    LastMonday {
        month: u32,
    },
}

#[derive(Debug)]
struct StatutoryRule {
    name: &'static str,
    /// The name when a weekend forces the holiday onto a later weekday.
    substitute_name: &'static str,
    day: RuleDay,
}

macro_rules! rule {
    ($name:literal, $day:expr) => {
        StatutoryRule {
            name: $name,
            substitute_name: concat!($name, " (substitute day)"),
            day: $day,
        }
    };
}

// Names are spelled exactly as GOV.UK publishes them, so that a date is named the same
// whether it comes from the published list or from the rules.
const NEW_YEARS_DAY: StatutoryRule = rule!("New Year’s Day", RuleDay::Fixed { month: 1, day: 1 });
const SECOND_JANUARY: StatutoryRule = rule!("2nd January", RuleDay::Fixed { month: 1, day: 2 });
const ST_PATRICKS_DAY: StatutoryRule =
    rule!("St Patrick’s Day", RuleDay::Fixed { month: 3, day: 17 });
const GOOD_FRIDAY: StatutoryRule = rule!("Good Friday", RuleDay::FromEaster { days: -2 });
const EASTER_MONDAY: StatutoryRule = rule!("Easter Monday", RuleDay::FromEaster { days: 1 });
const EARLY_MAY: StatutoryRule = rule!("Early May bank holiday", RuleDay::FirstMonday { month: 5 });
const SPRING: StatutoryRule = rule!("Spring bank holiday", RuleDay::LastMonday { month: 5 });
const BATTLE_OF_THE_BOYNE: StatutoryRule = rule!(
    "Battle of the Boyne (Orangemen’s Day)",
    RuleDay::Fixed { month: 7, day: 12 }
);
const SUMMER_FIRST_MONDAY: StatutoryRule =
    rule!("Summer bank holiday", RuleDay::FirstMonday { month: 8 });
const SUMMER_LAST_MONDAY: StatutoryRule =
    rule!("Summer bank holiday", RuleDay::LastMonday { month: 8 });
const ST_ANDREWS_DAY: StatutoryRule =
    rule!("St Andrew’s Day", RuleDay::Fixed { month: 11, day: 30 });
const CHRISTMAS_DAY: StatutoryRule = rule!("Christmas Day", RuleDay::Fixed { month: 12, day: 25 });
const BOXING_DAY: StatutoryRule = rule!("Boxing Day", RuleDay::Fixed { month: 12, day: 26 });

// Each table is in calendar order, which is the order weekend days take their substitutes.
const ENGLAND_AND_WALES: &[StatutoryRule] = &[
    NEW_YEARS_DAY,
    GOOD_FRIDAY,
    EASTER_MONDAY,
    EARLY_MAY,
    SPRING,
    SUMMER_LAST_MONDAY,
    CHRISTMAS_DAY,
    BOXING_DAY,
];

const SCOTLAND: &[StatutoryRule] = &[
    NEW_YEARS_DAY,
    SECOND_JANUARY,
    GOOD_FRIDAY,
    EARLY_MAY,
    SPRING,
    SUMMER_FIRST_MONDAY,
    ST_ANDREWS_DAY,
    CHRISTMAS_DAY,
    BOXING_DAY,
];

const NORTHERN_IRELAND: &[StatutoryRule] = &[
    NEW_YEARS_DAY,
    ST_PATRICKS_DAY,
    GOOD_FRIDAY,
    EASTER_MONDAY,
    EARLY_MAY,
    SPRING,
    BATTLE_OF_THE_BOYNE,
    SUMMER_LAST_MONDAY,
    CHRISTMAS_DAY,
    BOXING_DAY,
];

/// The most statutory holidays any region has in a year.
const MAX_PER_YEAR: usize = 10;

fn rules(region: Region) -> &'static [StatutoryRule] {
    match region {
        Region::EnglandAndWales => ENGLAND_AND_WALES,
        Region::Scotland => SCOTLAND,
        Region::NorthernIreland => NORTHERN_IRELAND,
    }
}

/// How many bank holidays the rules give the region every year. Every rule yields exactly one
/// weekday and no two rules can land on the same day (the substitution skips taken days and
/// the moving feasts never meet the fixed ones), so the count is the same each year.
pub(super) fn holidays_per_year(region: Region) -> i64 {
    // The tables hold at most ten rules, so the conversion is exact.
    rules(region).len() as i64
}

pub(super) fn is_weekend(date: NaiveDate) -> bool {
    matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
}

/// Easter Sunday in the Gregorian calendar (the anonymous Gregorian computus, as given by
/// Meeus). Euclidean division keeps every intermediate in range for any year chrono can
/// represent, negative ones included.
pub fn easter_sunday(year: i32) -> Option<NaiveDate> {
    let year_number = i64::from(year);
    let golden = year_number.rem_euclid(19);
    let century = year_number.div_euclid(100);
    let year_of_century = year_number.rem_euclid(100);
    let leap_centuries = century.div_euclid(4);
    let century_remainder = century.rem_euclid(4);
    let lunar_correction = (century + 8).div_euclid(25);
    let lunar_shift = (century - lunar_correction + 1).div_euclid(3);
    let epact = (19 * golden + century - leap_centuries - lunar_shift + 15).rem_euclid(30);
    let leap_years = year_of_century.div_euclid(4);
    let year_remainder = year_of_century.rem_euclid(4);
    let to_sunday =
        (32 + 2 * century_remainder + 2 * leap_years - epact - year_remainder).rem_euclid(7);
    let late_correction = (golden + 11 * epact + 22 * to_sunday).div_euclid(451);
    let days = epact + to_sunday - 7 * late_correction + 114;
    let month = u32::try_from(days.div_euclid(31)).ok()?;
    let day = u32::try_from(days.rem_euclid(31) + 1).ok()?;
    NaiveDate::from_ymd_opt(year, month, day)
}

fn first_monday(year: i32, month: u32) -> Option<NaiveDate> {
    NaiveDate::from_weekday_of_month_opt(year, month, Weekday::Mon, 1)
}

fn last_monday(year: i32, month: u32) -> Option<NaiveDate> {
    let first_of_next = if month == 12 {
        NaiveDate::from_ymd_opt(year.checked_add(1)?, 1, 1)?
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)?
    };
    let last_day = first_of_next.pred_opt()?;
    let days_since_monday = u64::from(last_day.weekday().num_days_from_monday());
    last_day.checked_sub_days(chrono::Days::new(days_since_monday))
}

impl RuleDay {
    fn date_in(self, year: i32) -> Option<NaiveDate> {
        match self {
            RuleDay::Fixed { month, day } => NaiveDate::from_ymd_opt(year, month, day),
            RuleDay::FromEaster { days } => {
                let easter = easter_sunday(year)?;
                easter.checked_add_signed(chrono::TimeDelta::try_days(days)?)
            }
            RuleDay::FirstMonday { month } => first_monday(year, month),
            RuleDay::LastMonday { month } => last_monday(year, month),
        }
    }
}

/// One region's statutory bank holidays in one year, in date order.
#[derive(Debug, Clone)]
pub(super) struct YearOfHolidays {
    days: [(NaiveDate, &'static str); MAX_PER_YEAR],
    len: usize,
}

impl YearOfHolidays {
    fn push(&mut self, date: NaiveDate, name: &'static str) {
        if let Some(slot) = self.days.get_mut(self.len) {
            *slot = (date, name);
            self.len += 1;
        }
    }

    pub(super) fn as_slice(&self) -> &[(NaiveDate, &'static str)] {
        self.days.get(..self.len).unwrap_or(&[])
    }

    fn contains(&self, date: NaiveDate) -> bool {
        self.as_slice().iter().any(|(day, _)| *day == date)
    }

    pub(super) fn name_on(&self, date: NaiveDate) -> Option<&'static str> {
        self.as_slice()
            .iter()
            .find(|(day, _)| *day == date)
            .map(|(_, name)| *name)
    }

    /// How many of the year's holidays are on or before `date`.
    pub(super) fn count_on_or_before(&self, date: NaiveDate) -> i64 {
        // At most ten, so the conversion is exact.
        self.as_slice().partition_point(|(day, _)| *day <= date) as i64
    }
}

/// The region's statutory bank holidays in `year`. A holiday that falls on a weekday stays
/// put; one that falls on a weekend becomes the next weekday that is not already a bank
/// holiday, taken in date order. So Christmas on a Saturday gives Monday 27 and Boxing Day
/// Tuesday 28; Christmas on a Sunday gives Boxing Day on Monday 26 and Christmas Tuesday 27.
pub(super) fn holidays_in_year(region: Region, year: i32) -> YearOfHolidays {
    let mut holidays = YearOfHolidays {
        days: [(NaiveDate::MIN, ""); MAX_PER_YEAR],
        len: 0,
    };
    let table = rules(region);
    for rule in table {
        if let Some(date) = rule.day.date_in(year).filter(|date| !is_weekend(*date)) {
            holidays.push(date, rule.name);
        }
    }
    for rule in table {
        let Some(date) = rule.day.date_in(year).filter(|date| is_weekend(*date)) else {
            continue;
        };
        let mut substitute = date;
        while let Some(next) = substitute.succ_opt() {
            substitute = next;
            if !is_weekend(substitute) && !holidays.contains(substitute) {
                holidays.push(substitute, rule.substitute_name);
                break;
            }
        }
    }
    let len = holidays.len;
    if let Some(filled) = holidays.days.get_mut(..len) {
        filled.sort_unstable_by_key(|(date, _)| *date);
    }
    holidays
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn date(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a date written in the test")
    }

    #[test]
    fn easter_sunday_matches_the_almanac() {
        // Published Easter Sundays, including the earliest (22 March) and latest (25 April)
        // possible dates and years past the published bank holiday list.
        let known = [
            (1818, "1818-03-22"),
            (1943, "1943-04-25"),
            (2000, "2000-04-23"),
            (2008, "2008-03-23"),
            (2011, "2011-04-24"),
            (2019, "2019-04-21"),
            (2024, "2024-03-31"),
            (2025, "2025-04-20"),
            (2026, "2026-04-05"),
            (2029, "2029-04-01"),
            (2030, "2030-04-21"),
            (2035, "2035-03-25"),
            (2038, "2038-04-25"),
            (2285, "2285-03-22"),
        ];
        for (year, expected) in known {
            assert_eq!(easter_sunday(year), Some(date(expected)), "Easter {year}");
        }
    }

    #[test]
    fn every_table_lists_its_fixed_days_in_calendar_order() {
        for region in Region::ALL {
            let fixed: Vec<(u32, u32)> = rules(region)
                .iter()
                .filter_map(|rule| match rule.day {
                    RuleDay::Fixed { month, day } => Some((month, day)),
                    _ => None,
                })
                .collect();
            let mut sorted = fixed.clone();
            sorted.sort_unstable();
            assert_eq!(fixed, sorted, "{region:?}");
        }
    }

    #[test]
    fn summer_bank_holiday_is_early_august_in_scotland_and_late_august_elsewhere() {
        let summer = |region| {
            holidays_in_year(region, 2031)
                .as_slice()
                .iter()
                .find(|(_, name)| *name == "Summer bank holiday")
                .map(|(day, _)| *day)
        };
        assert_eq!(summer(Region::Scotland), Some(date("2031-08-04")));
        assert_eq!(summer(Region::EnglandAndWales), Some(date("2031-08-25")));
        assert_eq!(summer(Region::NorthernIreland), Some(date("2031-08-25")));
    }

    proptest! {
        #[test]
        fn easter_is_a_sunday_between_22_march_and_25_april(year in -262_143i32..=262_142) {
            let easter = easter_sunday(year);
            prop_assert!(easter.is_some());
            if let Some(easter) = easter {
                prop_assert_eq!(easter.weekday(), Weekday::Sun);
                let month_day = (easter.month(), easter.day());
                prop_assert!(((3, 22)..=(4, 25)).contains(&month_day), "{}", easter);
            }
        }

        #[test]
        fn every_year_has_one_distinct_weekday_per_rule(year in -262_143i32..=262_142) {
            for region in Region::ALL {
                let year_of_holidays = holidays_in_year(region, year);
                let days = year_of_holidays.as_slice();
                prop_assert_eq!(days.len() as i64, holidays_per_year(region));
                prop_assert!(days.windows(2).all(|pair| pair[0].0 < pair[1].0));
                prop_assert!(days.iter().all(|(day, _)| !is_weekend(*day) && day.year() == year));
            }
        }
    }

    #[test]
    fn the_first_and_last_representable_years_have_all_their_holidays() {
        for year in [NaiveDate::MIN.year(), NaiveDate::MAX.year()] {
            for region in Region::ALL {
                assert_eq!(
                    holidays_in_year(region, year).as_slice().len() as i64,
                    holidays_per_year(region),
                    "{region:?} {year}"
                );
            }
        }
    }
}
