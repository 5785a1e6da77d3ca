//! UK working-day calendars (shared/design/timescales.md).
//!
//! A working day is Monday to Friday and not a bank holiday of the plan's region, nor a
//! closure day added by a profile. "N working days after D" is the Nth working day strictly
//! after D; D itself never counts.
//!
//! CONTRACT (helpers: keep these signatures; the implementation below is a placeholder that
//! knows weekends only and must be replaced by the published lists + statutory rules).

use chrono::{Datelike, Days, NaiveDate, Weekday};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

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

/// A region's working days, plus any local closure days.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Calendar {
    region: Region,
    closures: BTreeSet<NaiveDate>,
}

impl Calendar {
    pub fn new(region: Region) -> Calendar {
        Calendar {
            region,
            closures: BTreeSet::new(),
        }
    }

    /// Adds local closure days (e.g. from a profile); they then count as non-working.
    pub fn with_closures(mut self, days: impl IntoIterator<Item = NaiveDate>) -> Calendar {
        self.closures.extend(days);
        self
    }

    pub fn region(&self) -> Region {
        self.region
    }

    /// The name of the bank holiday on this date in this region, if any.
    pub fn bank_holiday(&self, _date: NaiveDate) -> Option<&'static str> {
        None
    }

    pub fn is_working_day(&self, date: NaiveDate) -> bool {
        !matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
            && self.bank_holiday(date).is_none()
            && !self.closures.contains(&date)
    }

    /// The Nth working day strictly after `date` (n > 0), or strictly before it (n < 0);
    /// `date` itself for n = 0. `None` only past the end of the calendar (year 9999).
    pub fn add_working_days(&self, date: NaiveDate, n: i64) -> Option<NaiveDate> {
        let mut current = date;
        let mut remaining = n.unsigned_abs();
        while remaining > 0 {
            current = if n > 0 {
                current.checked_add_days(Days::new(1))?
            } else {
                current.checked_sub_days(Days::new(1))?
            };
            if self.is_working_day(current) {
                remaining -= 1;
            }
        }
        Some(current)
    }

    /// Working days in `(from, to]` when `from <= to`, negated when `to < from`, so that
    /// `add_working_days(from, working_days_between(from, to))` is the first working day
    /// on or before `to` that the count reaches.
    pub fn working_days_between(&self, from: NaiveDate, to: NaiveDate) -> i64 {
        let (low, high, sign) = if from <= to {
            (from, to, 1)
        } else {
            (to, from, -1)
        };
        low.iter_days()
            .skip(1)
            .take_while(|day| *day <= high)
            .filter(|day| self.is_working_day(*day))
            .count() as i64
            * sign
    }
}
