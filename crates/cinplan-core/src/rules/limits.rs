//! How far apart visits and reviews may be, and comparing a plan's stated frequency with
//! that limit.
//!
//! The limits come from the profile once `profile.rs` carries them (the timeline work adds
//! visit and review limits there). Until then the defaults of the guidance live in
//! [`visit_limit`] and [`review_limit`] and nowhere else: switch those two functions to the
//! profile's fields when they exist.

use chrono::{Months, NaiveDate};

use crate::calendar::Calendar;
use crate::profile::Profile;
use crate::timescale::{Frequency, TimeUnit};

/// The longest a gap may be: "20 working days", "3 months".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GapLimit {
    pub count: u32,
    pub unit: TimeUnit,
}

/// Visits at least every 20 working days (001: "not less than four weekly"; 003: "once
/// every 20 working days").
pub fn visit_limit(_profile: &Profile) -> GapLimit {
    GapLimit {
        count: 20,
        unit: TimeUnit::WorkingDay,
    }
}

/// Reviews at least every 3 months (000 Quality Standards 2; 001; 002).
pub fn review_limit(_profile: &Profile) -> GapLimit {
    GapLimit {
        count: 3,
        unit: TimeUnit::Month,
    }
}

/// A unit's length in fifths of a calendar day, so that working days (5 in 7 days) compare
/// exactly with weeks; a month counts as its longest, 31 days.
fn fifths_of_a_day(unit: TimeUnit) -> u64 {
    match unit {
        TimeUnit::Day => 5,
        TimeUnit::WorkingDay | TimeUnit::SchoolDay => 7,
        TimeUnit::Week => 35,
        TimeUnit::Month => 155,
        TimeUnit::Year => 5 * 366,
    }
}

fn unit_words(unit: TimeUnit, count: u32) -> &'static str {
    let one = count == 1;
    match unit {
        TimeUnit::Day if one => "day",
        TimeUnit::Day => "days",
        TimeUnit::WorkingDay if one => "working day",
        TimeUnit::WorkingDay => "working days",
        TimeUnit::SchoolDay if one => "school day",
        TimeUnit::SchoolDay => "school days",
        TimeUnit::Week if one => "week",
        TimeUnit::Week => "weeks",
        TimeUnit::Month if one => "month",
        TimeUnit::Month => "months",
        TimeUnit::Year if one => "year",
        TimeUnit::Year => "years",
    }
}

/// "every 6 weeks", "twice a week", "on Mondays": a frequency in words.
pub fn describe_frequency(frequency: &Frequency) -> String {
    match frequency {
        Frequency::Every { count: 1, unit } => format!("every {}", unit_words(*unit, 1)),
        Frequency::Every { count, unit } => format!("every {count} {}", unit_words(*unit, *count)),
        Frequency::TimesPer { times, unit } => {
            let times = match times {
                1 => "once".to_owned(),
                2 => "twice".to_owned(),
                n => format!("{n} times"),
            };
            format!("{times} a {}", unit_words(*unit, 1))
        }
        Frequency::OnWeekdays { .. } => "every week".to_owned(),
    }
}

impl GapLimit {
    /// "every 20 working days".
    pub fn phrase(&self) -> String {
        describe_frequency(&Frequency::Every {
            count: self.count,
            unit: self.unit,
        })
    }

    /// The limit the way practitioners write it in a plan: "every 4 weeks" for 20 working
    /// days, otherwise as it is.
    pub fn plain_phrase(&self) -> String {
        if self.unit == TimeUnit::WorkingDay && self.count.is_multiple_of(5) {
            describe_frequency(&Frequency::Every {
                count: self.count / 5,
                unit: TimeUnit::Week,
            })
        } else {
            self.phrase()
        }
    }

    /// Whether occurrences at `frequency` can be further apart than the limit.
    pub fn exceeded_by(&self, frequency: &Frequency) -> bool {
        let limit = u64::from(self.count) * fifths_of_a_day(self.unit);
        let gap = match frequency {
            Frequency::Every { count, unit } if *unit == self.unit => {
                return count > &self.count;
            }
            Frequency::Every { count, unit } => u64::from(*count) * fifths_of_a_day(*unit),
            Frequency::TimesPer { times, unit } => {
                (fifths_of_a_day(*unit)).div_ceil(u64::from((*times).max(1)))
            }
            Frequency::OnWeekdays { days } if days.is_empty() => return false,
            Frequency::OnWeekdays { .. } => fifths_of_a_day(TimeUnit::Week),
        };
        gap > limit
    }

    /// The latest date the next occurrence may fall on after `date`.
    pub fn latest_after(&self, date: NaiveDate, calendar: &Calendar) -> Option<NaiveDate> {
        let count = i64::from(self.count);
        match self.unit {
            TimeUnit::Day => date.checked_add_days(chrono::Days::new(u64::from(self.count))),
            TimeUnit::WorkingDay | TimeUnit::SchoolDay => calendar.add_working_days(date, count),
            TimeUnit::Week => date.checked_add_days(chrono::Days::new(7 * u64::from(self.count))),
            TimeUnit::Month => date.checked_add_months(Months::new(self.count)),
            TimeUnit::Year => date.checked_add_months(Months::new(12 * self.count)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::Region;

    fn every(count: u32, unit: TimeUnit) -> Frequency {
        Frequency::Every { count, unit }
    }

    #[test]
    fn visits_every_four_weeks_meet_twenty_working_days_but_monthly_does_not() {
        let limit = visit_limit(&Profile::default_profile());
        assert!(!limit.exceeded_by(&every(2, TimeUnit::Week)));
        assert!(!limit.exceeded_by(&every(4, TimeUnit::Week)));
        assert!(!limit.exceeded_by(&every(20, TimeUnit::WorkingDay)));
        assert!(limit.exceeded_by(&every(21, TimeUnit::WorkingDay)));
        assert!(limit.exceeded_by(&every(1, TimeUnit::Month)));
        assert!(limit.exceeded_by(&every(6, TimeUnit::Week)));
        assert!(!limit.exceeded_by(&Frequency::TimesPer {
            times: 2,
            unit: TimeUnit::Month
        }));
        assert!(!limit.exceeded_by(&Frequency::OnWeekdays { days: vec![2] }));
    }

    #[test]
    fn reviews_every_three_months_are_the_limit() {
        let limit = review_limit(&Profile::default_profile());
        assert!(!limit.exceeded_by(&every(3, TimeUnit::Month)));
        assert!(!limit.exceeded_by(&every(6, TimeUnit::Week)));
        assert!(!limit.exceeded_by(&every(13, TimeUnit::Week)));
        assert!(limit.exceeded_by(&every(4, TimeUnit::Month)));
        assert!(limit.exceeded_by(&every(14, TimeUnit::Week)));
    }

    #[test]
    fn limits_read_the_way_plans_are_written() {
        let profile = Profile::default_profile();
        assert_eq!(visit_limit(&profile).phrase(), "every 20 working days");
        assert_eq!(visit_limit(&profile).plain_phrase(), "every 4 weeks");
        assert_eq!(review_limit(&profile).plain_phrase(), "every 3 months");
        assert_eq!(
            describe_frequency(&Frequency::TimesPer {
                times: 2,
                unit: TimeUnit::Week
            }),
            "twice a week"
        );
    }

    #[test]
    fn latest_dates_count_working_days_and_calendar_months() {
        let calendar = Calendar::new(Region::EnglandAndWales);
        let monday = NaiveDate::from_ymd_opt(2026, 11, 2).unwrap_or_default();
        let limit = GapLimit {
            count: 10,
            unit: TimeUnit::WorkingDay,
        };
        assert_eq!(
            limit.latest_after(monday, &calendar),
            NaiveDate::from_ymd_opt(2026, 11, 16)
        );
        let meeting = NaiveDate::from_ymd_opt(2026, 11, 16).unwrap_or_default();
        assert_eq!(
            review_limit(&Profile::default_profile()).latest_after(meeting, &calendar),
            NaiveDate::from_ymd_opt(2027, 2, 16)
        );
    }
}
