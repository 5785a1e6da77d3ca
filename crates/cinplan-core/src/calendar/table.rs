//! Each region's bank holidays over the years plans are written in, gathered once: the
//! published list where it exists and the statutory rules either side of it. Dates in those
//! years are then a binary search away; other years are worked out from the rules on demand.

use std::sync::OnceLock;

use chrono::NaiveDate;

use super::{published, statutory, Region};

/// The years gathered: well before any plan cinplan will see, and well after.
const FIRST_YEAR: i32 = 1900;
const LAST_YEAR: i32 = 2199;

#[derive(Debug)]
pub(super) struct HolidayTable {
    pub(super) first_year: i64,
    pub(super) last_year: i64,
    /// Every bank holiday of the years `first_year..=last_year`, in date order.
    pub(super) days: Vec<(NaiveDate, &'static str)>,
}

impl HolidayTable {
    pub(super) fn of(region: Region) -> &'static HolidayTable {
        static TABLES: [OnceLock<HolidayTable>; 3] =
            [OnceLock::new(), OnceLock::new(), OnceLock::new()];
        let slot = match region {
            Region::EnglandAndWales => &TABLES[0],
            Region::Scotland => &TABLES[1],
            Region::NorthernIreland => &TABLES[2],
        };
        slot.get_or_init(|| HolidayTable::build(region))
    }

    fn build(region: Region) -> HolidayTable {
        // Should the shipped list ever be refused, the rules cover its years too.
        let (published_first, published_last, published_days) = match published::embedded() {
            Ok(list) => {
                let (first, last) = list.years();
                (first, last, list.region(region))
            }
            Err(_) => (LAST_YEAR + 1, LAST_YEAR, &[][..]),
        };
        let first_year = FIRST_YEAR.min(published_first);
        let last_year = LAST_YEAR.max(published_last);
        let from_rules = |year| {
            statutory::holidays_in_year(region, year)
                .as_slice()
                .to_vec()
        };
        let days = (first_year..published_first)
            .flat_map(from_rules)
            .chain(
                published_days
                    .iter()
                    .map(|holiday| (holiday.date, holiday.name.as_str())),
            )
            .chain(((published_last + 1)..=last_year).flat_map(from_rules))
            .collect();
        HolidayTable {
            first_year: i64::from(first_year),
            last_year: i64::from(last_year),
            days,
        }
    }

    pub(super) fn covers(&self, year: i64) -> bool {
        self.first_year <= year && year <= self.last_year
    }
}
