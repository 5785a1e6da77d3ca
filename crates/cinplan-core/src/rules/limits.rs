//! How far apart visits and reviews may be, from the profile, and comparing a plan's
//! stated frequency with that limit.

use chrono::NaiveDate;

use crate::calendar::Calendar;
use crate::plan::{Plan, PlanKind};
use crate::profile::{Direction, NonWorkingDay, Period, PeriodUnit, Profile};
use crate::timescale::{Frequency, TimeUnit};

/// The longest allowed gap between visits: the child protection one for a child protection
/// plan (001; 003 for child in need: 20 working days by default).
pub fn visit_limit<'a>(profile: &'a Profile, plan: &Plan) -> &'a Period {
    match plan.kind {
        PlanKind::ChildInNeed => &profile.timescales.visits_at_most_apart,
        PlanKind::ChildProtection => &profile.child_protection.visits_at_most_apart,
    }
}

/// The longest allowed gap between reviews of a child in need plan (000; 001; 002: 3 months
/// by default).
pub fn review_limit(profile: &Profile) -> &Period {
    &profile.timescales.reviews_at_most_apart
}

/// A unit's longest length in fifths of a calendar day, so that working days (5 in 7
/// days) compare exactly with weeks; a month counts as its longest, 31 days.
fn fifths_of_a_day(unit: TimeUnit) -> u64 {
    match unit {
        TimeUnit::Day => 5,
        TimeUnit::WorkingDay | TimeUnit::SchoolDay => 7,
        TimeUnit::Week => 35,
        TimeUnit::Month => 155,
        TimeUnit::Year => 5 * 366,
    }
}

/// A profile period's unit as a frequency's, and its count (hours as whole days).
fn as_frequency_unit(period: &Period) -> (u64, TimeUnit) {
    let count = u64::try_from(period.count.max(0)).unwrap_or(0);
    match period.unit {
        PeriodUnit::Hours => (count.div_ceil(24), TimeUnit::Day),
        PeriodUnit::Days => (count, TimeUnit::Day),
        PeriodUnit::WorkingDays => (count, TimeUnit::WorkingDay),
        PeriodUnit::Weeks => (count, TimeUnit::Week),
        PeriodUnit::Months => (count, TimeUnit::Month),
        PeriodUnit::Years => (count, TimeUnit::Year),
    }
}

fn unit_words(unit: TimeUnit, count: u64) -> &'static str {
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

fn every(count: u64, unit: TimeUnit) -> String {
    if count == 1 {
        format!("every {}", unit_words(unit, 1))
    } else {
        format!("every {count} {}", unit_words(unit, count))
    }
}

/// "every 6 weeks", "twice a week", "every week": a frequency in words.
pub fn describe_frequency(frequency: &Frequency) -> String {
    match frequency {
        Frequency::Every { count, unit } => every(u64::from(*count), *unit),
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

/// "every 20 working days".
pub fn phrase(limit: &Period) -> String {
    let (count, unit) = as_frequency_unit(limit);
    every(count, unit)
}

/// The limit the way practitioners write it in a plan: "every 4 weeks" for 20 working
/// days, otherwise as it is.
pub fn plain_phrase(limit: &Period) -> String {
    match as_frequency_unit(limit) {
        (count, TimeUnit::WorkingDay) if count > 0 && count.is_multiple_of(5) => {
            every(count / 5, TimeUnit::Week)
        }
        (count, unit) => every(count, unit),
    }
}

/// Whether occurrences at `frequency` can be further apart than `limit`.
pub fn exceeded_by(limit: &Period, frequency: &Frequency) -> bool {
    let (limit_count, limit_unit) = as_frequency_unit(limit);
    let gap = match frequency {
        Frequency::Every { count, unit } if *unit == limit_unit => {
            return u64::from(*count) > limit_count;
        }
        Frequency::Every { count, unit } => u64::from(*count) * fifths_of_a_day(*unit),
        Frequency::TimesPer { times, unit } => {
            fifths_of_a_day(*unit).div_ceil(u64::from((*times).max(1)))
        }
        Frequency::OnWeekdays { days } if days.is_empty() => return false,
        Frequency::OnWeekdays { .. } => fifths_of_a_day(TimeUnit::Week),
    };
    gap > limit_count * fifths_of_a_day(limit_unit)
}

/// The latest date the next occurrence may fall on after `date`. A limit is a longest
/// gap, not a deadline, so a last day on a weekend is kept.
pub fn latest_after(limit: &Period, date: NaiveDate, calendar: &Calendar) -> Option<NaiveDate> {
    limit.shift(date, Direction::After, calendar, NonWorkingDay::Keep)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::Region;

    fn every(count: u32, unit: TimeUnit) -> Frequency {
        Frequency::Every { count, unit }
    }

    fn default_plan() -> Plan {
        Plan::new_blank()
    }

    #[test]
    fn visits_every_four_weeks_meet_twenty_working_days_but_monthly_does_not() {
        let profile = Profile::default_profile();
        let limit = visit_limit(&profile, &default_plan());
        assert!(!exceeded_by(limit, &every(2, TimeUnit::Week)));
        assert!(!exceeded_by(limit, &every(4, TimeUnit::Week)));
        assert!(!exceeded_by(limit, &every(20, TimeUnit::WorkingDay)));
        assert!(exceeded_by(limit, &every(21, TimeUnit::WorkingDay)));
        assert!(exceeded_by(limit, &every(1, TimeUnit::Month)));
        assert!(exceeded_by(limit, &every(6, TimeUnit::Week)));
        let twice_a_month = Frequency::TimesPer {
            times: 2,
            unit: TimeUnit::Month,
        };
        assert!(!exceeded_by(limit, &twice_a_month));
        assert!(!exceeded_by(
            limit,
            &Frequency::OnWeekdays { days: vec![2] }
        ));
    }

    #[test]
    fn child_protection_plans_have_their_own_visiting_limit() {
        let profile = Profile::default_profile();
        let mut plan = default_plan();
        plan.kind = PlanKind::ChildProtection;
        let limit = visit_limit(&profile, &plan);
        assert_eq!(limit, &profile.child_protection.visits_at_most_apart);
        assert!(exceeded_by(limit, &every(4, TimeUnit::Week)));
    }

    #[test]
    fn reviews_every_three_months_are_the_default_limit_and_six_weeks_leicestershires() {
        let profile = Profile::default_profile();
        let limit = review_limit(&profile);
        assert!(!exceeded_by(limit, &every(3, TimeUnit::Month)));
        assert!(!exceeded_by(limit, &every(13, TimeUnit::Week)));
        assert!(exceeded_by(limit, &every(4, TimeUnit::Month)));
        assert!(exceeded_by(limit, &every(14, TimeUnit::Week)));
        let leicestershire =
            Profile::builtin("leicestershire").unwrap_or_else(|| panic!("shipped"));
        assert!(exceeded_by(
            review_limit(&leicestershire),
            &every(2, TimeUnit::Month)
        ));
        assert!(!exceeded_by(
            review_limit(&leicestershire),
            &every(6, TimeUnit::Week)
        ));
    }

    #[test]
    fn limits_read_the_way_plans_are_written() {
        let profile = Profile::default_profile();
        let visits = visit_limit(&profile, &default_plan());
        assert_eq!(phrase(visits), "every 20 working days");
        assert_eq!(plain_phrase(visits), "every 4 weeks");
        assert_eq!(plain_phrase(review_limit(&profile)), "every 3 months");
        let twice_a_week = Frequency::TimesPer {
            times: 2,
            unit: TimeUnit::Week,
        };
        assert_eq!(describe_frequency(&twice_a_week), "twice a week");
    }

    #[test]
    fn latest_dates_count_calendar_months_and_keep_weekends() {
        let calendar = Calendar::new(Region::EnglandAndWales);
        let meeting = NaiveDate::from_ymd_opt(2026, 11, 16).unwrap_or_default();
        let profile = Profile::default_profile();
        assert_eq!(
            latest_after(review_limit(&profile), meeting, &calendar),
            NaiveDate::from_ymd_opt(2027, 2, 16)
        );
        // 3 months after 14 November 2026 is Sunday 14 February 2027: kept.
        let saturday_meeting = NaiveDate::from_ymd_opt(2026, 11, 14).unwrap_or_default();
        assert_eq!(
            latest_after(review_limit(&profile), saturday_meeting, &calendar),
            NaiveDate::from_ymd_opt(2027, 2, 14)
        );
    }
}
