//! UK working-day calendars (shared/design/timescales.md).
//!
//! A working day is Monday to Friday and not a bank holiday of the plan's region, nor a
//! closure day added by a profile. "N working days after D" is the Nth working day strictly
//! after D; D itself never counts.
//!
//! Bank holidays come from the published GOV.UK list for the years it covers (2012–2028,
//! bank-holidays.json) and from the statutory rules for every other year (statutory.rs),
//! so one-off days exist only where they were published.
//!
//! The arithmetic counts rather than walks: a date's "working index" (weekdays so far, less
//! bank holidays and closures so far) takes a formula and two binary searches, so counting
//! between two dates is a subtraction and adding N working days is a search over the index,
//! fast for any N and refusing impossible ones at once.

mod published;
mod published_table;
mod statutory;
mod table;

use chrono::{Datelike, NaiveDate, Weekday};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use table::HolidayTable;

pub use published::{CalendarDataError, PublishedHoliday, PublishedHolidays};
pub use statutory::easter_sunday;

/// Whose bank holidays count as non-working days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Region {
    #[default]
    EnglandAndWales,
    Scotland,
    NorthernIreland,
}

impl Region {
    pub const ALL: [Region; 3] = [
        Region::EnglandAndWales,
        Region::Scotland,
        Region::NorthernIreland,
    ];

    /// The kebab-case id used in plan files and on the command line.
    pub fn id(self) -> &'static str {
        match self {
            Region::EnglandAndWales => "england-and-wales",
            Region::Scotland => "scotland",
            Region::NorthernIreland => "northern-ireland",
        }
    }

    pub fn from_id(id: &str) -> Option<Region> {
        Region::ALL.into_iter().find(|region| region.id() == id)
    }
}

/// Which way along the calendar to go.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Direction {
    /// Towards later dates.
    Forward,
    /// Towards earlier dates.
    Backward,
}

/// The published bank holiday list shipped with cinplan, or why it was refused. If it were
/// ever refused, calendars fall back to the statutory rules for every year.
pub fn published_holidays() -> Result<&'static PublishedHolidays, &'static CalendarDataError> {
    published::embedded()
}

/// A region's working days, plus any local closure days.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Calendar {
    region: Region,
    /// Closure days that would otherwise be working days, sorted and without repeats, so
    /// that counting them is a binary search.
    closures: Vec<NaiveDate>,
}

/// Weekdays from an epoch Monday up to and including `date` (negative before the epoch):
/// the difference between two dates' values counts the weekdays between them.
fn weekday_index(date: NaiveDate) -> i64 {
    // 1 January of year 1 (day 1 from the common era) is a Monday.
    let days_from_monday = i64::from(date.num_days_from_ce()) - 1;
    let whole_weeks = days_from_monday.div_euclid(7);
    let day_of_week = days_from_monday.rem_euclid(7);
    5 * whole_weeks + (day_of_week + 1).min(5)
}

fn day_number(date: NaiveDate) -> i64 {
    i64::from(date.num_days_from_ce())
}

fn date_from_day_number(day_number: i64) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(i32::try_from(day_number).ok()?)
}

impl Calendar {
    pub fn new(region: Region) -> Calendar {
        Calendar {
            region,
            closures: Vec::new(),
        }
    }

    /// Adds local closure days (e.g. from a profile); they then count as non-working.
    /// Days that are already weekends or bank holidays change nothing and are not kept.
    pub fn with_closures(mut self, days: impl IntoIterator<Item = NaiveDate>) -> Calendar {
        let changing_something: Vec<NaiveDate> = days
            .into_iter()
            .filter(|day| !statutory::is_weekend(*day) && self.bank_holiday(*day).is_none())
            .collect();
        self.closures.extend(changing_something);
        self.closures.sort_unstable();
        self.closures.dedup();
        self
    }

    pub fn region(&self) -> Region {
        self.region
    }

    /// The name of the bank holiday on this date in this region, if any. A holiday that
    /// falls on a weekend is named on the weekday that replaces it, as in
    /// "Christmas Day (substitute day)".
    pub fn bank_holiday(&self, date: NaiveDate) -> Option<&'static str> {
        // Every published and statutory day off is a weekday.
        if statutory::is_weekend(date) {
            return None;
        }
        let table = HolidayTable::of(self.region);
        if table.covers(i64::from(date.year())) {
            let position = table
                .days
                .binary_search_by_key(&date, |(day, _)| *day)
                .ok()?;
            table.days.get(position).map(|(_, name)| *name)
        } else {
            statutory::holidays_in_year(self.region, date.year()).name_on(date)
        }
    }

    pub fn is_working_day(&self, date: NaiveDate) -> bool {
        !matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
            && self.bank_holiday(date).is_none()
            && self.closures.binary_search(&date).is_err()
    }

    /// `date` itself when it is a working day, otherwise the nearest working day in
    /// `direction`; `None` only past the ends of the calendar.
    pub fn working_day_on_or(&self, date: NaiveDate, direction: Direction) -> Option<NaiveDate> {
        if self.is_working_day(date) {
            return Some(date);
        }
        match direction {
            Direction::Forward => self.add_working_days(date, 1),
            Direction::Backward => self.add_working_days(date, -1),
        }
    }

    /// Bank holidays from 1 January of the holiday table's first year up to and including
    /// `date`; for earlier dates, minus those after `date` and before that anchor. Only
    /// differences between two dates' values mean anything.
    fn bank_holiday_index(&self, date: NaiveDate) -> i64 {
        let table = HolidayTable::of(self.region);
        let year = i64::from(date.year());
        let per_year = statutory::holidays_per_year(self.region);
        let in_year_from_rules =
            || statutory::holidays_in_year(self.region, date.year()).count_on_or_before(date);
        // Table lengths are far below i64::MAX.
        if year < table.first_year {
            let after_date_in_year = per_year - in_year_from_rules();
            -(after_date_in_year + per_year * (table.first_year - year - 1))
        } else if year <= table.last_year {
            table.days.partition_point(|(day, _)| *day <= date) as i64
        } else {
            table.days.len() as i64 + per_year * (year - table.last_year - 1) + in_year_from_rules()
        }
    }

    /// Working days from an anchor up to and including `date`; it grows by one exactly on
    /// each working day.
    fn working_index(&self, date: NaiveDate) -> i64 {
        let closures_so_far = self.closures.partition_point(|closure| *closure <= date) as i64;
        weekday_index(date) - self.bank_holiday_index(date) - closures_so_far
    }

    /// The Nth working day strictly after `date` (n > 0), or strictly before it (n < 0);
    /// `date` itself for n = 0. `date` never counts, whatever day it is. `None` only when
    /// that day would lie beyond the dates chrono can represent (years -262143 to 262142).
    pub fn add_working_days(&self, date: NaiveDate, n: i64) -> Option<NaiveDate> {
        let direction = match n.cmp(&0) {
            std::cmp::Ordering::Equal => return Some(date),
            std::cmp::Ordering::Greater => Direction::Forward,
            std::cmp::Ordering::Less => Direction::Backward,
        };
        let start = self.working_index(date);
        // The answer is the working day whose index is `target`: the Nth after the index of
        // `date`, or counting back from the last working day before `date`.
        let target = match direction {
            Direction::Forward => start.checked_add(n)?,
            Direction::Backward => {
                let before_date = start - i64::from(self.is_working_day(date));
                before_date.checked_add(n)?.checked_add(1)?
            }
        };
        let found = self.first_day_reaching(date, direction, target, n.unsigned_abs())?;
        (self.is_working_day(found) && self.working_index(found) == target).then_some(found)
    }

    /// The earliest date whose working index is at least `target`, searched on the
    /// `direction` side of `date`: first leaping (doubling the leap) until the target is
    /// passed, then halving the bracket.
    fn first_day_reaching(
        &self,
        date: NaiveDate,
        direction: Direction,
        target: i64,
        distance: u64,
    ) -> Option<NaiveDate> {
        let first_day = day_number(NaiveDate::MIN);
        let last_day = day_number(NaiveDate::MAX);
        let reaches = |day: i64| {
            date_from_day_number(day).is_some_and(|date| self.working_index(date) >= target)
        };
        // Five working days take seven calendar days; the margin covers a few holidays.
        let mut leap = i64::try_from(distance.saturating_mul(7) / 5)
            .unwrap_or(i64::MAX)
            .saturating_add(10);
        // The index falls short of `target` at `below` and reaches it at `above`.
        let (mut below, mut above) = match direction {
            Direction::Forward => {
                let mut below = day_number(date);
                loop {
                    let probe = below.saturating_add(leap).min(last_day);
                    if reaches(probe) {
                        break (below, probe);
                    }
                    if probe == last_day {
                        return None;
                    }
                    below = probe;
                    leap = leap.saturating_mul(2);
                }
            }
            Direction::Backward => {
                let mut above = day_number(date).checked_sub(1)?;
                if above < first_day {
                    return None;
                }
                loop {
                    if above == first_day {
                        // Nothing earlier exists to fall short: the first day is the answer
                        // if anything is.
                        break (first_day - 1, first_day);
                    }
                    let probe = above.saturating_sub(leap).max(first_day);
                    if !reaches(probe) {
                        break (probe, above);
                    }
                    above = probe;
                    leap = leap.saturating_mul(2);
                }
            }
        };
        while above - below > 1 {
            let middle = below + (above - below) / 2;
            if reaches(middle) {
                above = middle;
            } else {
                below = middle;
            }
        }
        date_from_day_number(above)
    }

    /// The working days passed going from `from` to `to`, counting the day arrived on but
    /// not the day left: the working days in `(from, to]` when `from <= to`, and minus
    /// those in `[to, from)` when `to < from`. So `add_working_days(from, n)` with that n
    /// is `to` whenever `to` is a working day; otherwise it is the last working day before
    /// `to` (going forward) or the first after it (going back), or `from` if none is
    /// passed.
    pub fn working_days_between(&self, from: NaiveDate, to: NaiveDate) -> i64 {
        let difference = self.working_index(to) - self.working_index(from);
        if from <= to {
            difference
        } else {
            // [to, from) is (to, from] with `to` in and `from` out.
            difference + i64::from(self.is_working_day(from)) - i64::from(self.is_working_day(to))
        }
    }
}

#[cfg(test)]
mod tests;
