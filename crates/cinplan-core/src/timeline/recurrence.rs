//! Turning a frequency read from the plan's text into dates.

use chrono::{Datelike, Days, Months, NaiveDate};

use crate::calendar::Calendar;
use crate::date_words;
use crate::family::words::join_and;
use crate::timescale::{Frequency, TimeUnit};

/// A step longer than this (about 10 years) is treated as no recurrence at all: nothing a
/// plan says happens that rarely, and it keeps every date sum small.
const LONGEST_STEP_DAYS: u64 = 3660;

/// How often something recurs, in a form that gives dates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Recurrence {
    /// Every `count` days, working days, weeks or months (years count 12 months).
    Every { count: u32, unit: StepUnit },
    /// On these days of each week (Monday = 1 … Sunday = 7).
    OnWeekdays { days: Vec<u32> },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum StepUnit {
    Days,
    WorkingDays,
    Weeks,
    Months,
}

impl Recurrence {
    /// The recurrence a frequency describes; `None` when it names no usable step
    /// (zero, no days, or rarer than once in ten years).
    pub(crate) fn from_frequency(frequency: &Frequency) -> Option<Recurrence> {
        let recurrence = match frequency {
            Frequency::Every { count, unit } => {
                let (count, unit) = match unit {
                    TimeUnit::Day => (*count, StepUnit::Days),
                    // No school calendar is known, so school days count as working days.
                    TimeUnit::WorkingDay | TimeUnit::SchoolDay => (*count, StepUnit::WorkingDays),
                    TimeUnit::Week => (*count, StepUnit::Weeks),
                    TimeUnit::Month => (*count, StepUnit::Months),
                    TimeUnit::Year => (count.checked_mul(12)?, StepUnit::Months),
                };
                Recurrence::Every { count, unit }
            }
            Frequency::TimesPer { times, unit } => {
                // "Twice a week" gives no days, so space the times evenly, rounding the gap
                // down so that there are at least that many in each unit.
                let unit_days: u32 = match unit {
                    TimeUnit::Day | TimeUnit::WorkingDay | TimeUnit::SchoolDay => 1,
                    TimeUnit::Week => 7,
                    TimeUnit::Month => 30,
                    TimeUnit::Year => 365,
                };
                Recurrence::Every {
                    count: (unit_days / (*times).max(1)).max(1),
                    unit: StepUnit::Days,
                }
            }
            Frequency::OnWeekdays { days } => {
                let mut days: Vec<u32> = days
                    .iter()
                    .map(|day| u32::from(*day))
                    .filter(|day| (1..=7).contains(day))
                    .collect();
                days.sort_unstable();
                days.dedup();
                Recurrence::OnWeekdays { days }
            }
        };
        recurrence.is_usable().then_some(recurrence)
    }

    fn is_usable(&self) -> bool {
        match self {
            Recurrence::Every { count, unit } => {
                let days_per_unit: u64 = match unit {
                    StepUnit::Days => 1,
                    StepUnit::WorkingDays => 2,
                    StepUnit::Weeks => 7,
                    StepUnit::Months => 31,
                };
                *count >= 1 && u64::from(*count) * days_per_unit <= LONGEST_STEP_DAYS
            }
            Recurrence::OnWeekdays { days } => !days.is_empty(),
        }
    }

    /// The next occurrence strictly after `date`.
    pub(crate) fn next_after(&self, date: NaiveDate, calendar: &Calendar) -> Option<NaiveDate> {
        match self {
            Recurrence::Every { count, unit } => match unit {
                StepUnit::Days => date.checked_add_days(Days::new(u64::from(*count))),
                StepUnit::WorkingDays => calendar.add_working_days(date, i64::from(*count)),
                StepUnit::Weeks => date.checked_add_days(Days::new(u64::from(*count) * 7)),
                StepUnit::Months => date.checked_add_months(Months::new(*count)),
            },
            Recurrence::OnWeekdays { .. } => {
                let tomorrow = date.checked_add_days(Days::new(1))?;
                self.first_on_or_after(tomorrow)
            }
        }
    }

    /// The first occurrence on or after `date` for a series that starts then: `date`
    /// itself, or for weekdays the first listed day from it.
    pub(crate) fn first_on_or_after(&self, date: NaiveDate) -> Option<NaiveDate> {
        match self {
            Recurrence::Every { .. } => Some(date),
            Recurrence::OnWeekdays { days } => (0..7u64)
                .filter_map(|offset| date.checked_add_days(Days::new(offset)))
                .find(|day| days.contains(&day.weekday().number_from_monday())),
        }
    }

    /// Every occurrence from `start` to `end` inclusive, at most `limit` of them. Months
    /// are counted from the start each time, so the 31st stays the 31st where it can.
    pub(crate) fn occurrences(
        &self,
        start: NaiveDate,
        end: NaiveDate,
        limit: usize,
        calendar: &Calendar,
    ) -> Vec<NaiveDate> {
        let mut dates = Vec::new();
        let Some(first) = self.first_on_or_after(start) else {
            return dates;
        };
        let mut current = first;
        let mut index: u32 = 0;
        while current <= end && dates.len() < limit {
            dates.push(current);
            index = index.saturating_add(1);
            let next = match self {
                Recurrence::Every {
                    count,
                    unit: StepUnit::Months,
                } => count
                    .checked_mul(index)
                    .and_then(|months| first.checked_add_months(Months::new(months))),
                _ => self.next_after(current, calendar),
            };
            match next {
                Some(next) if next > current => current = next,
                _ => break,
            }
        }
        dates
    }

    /// "every 2 weeks", "every 3 days", "every Monday and Thursday".
    pub(crate) fn describe(&self) -> String {
        match self {
            Recurrence::Every { count, unit } => {
                let (one, many) = match unit {
                    StepUnit::Days => ("day", "days"),
                    StepUnit::WorkingDays => ("working day", "working days"),
                    StepUnit::Weeks => ("week", "weeks"),
                    StepUnit::Months => ("month", "months"),
                };
                if *count == 1 {
                    format!("every {one}")
                } else {
                    format!("every {count} {many}")
                }
            }
            Recurrence::OnWeekdays { days } => {
                let names: Vec<&str> = days
                    .iter()
                    // The reader gives 1 to 7; anything else reads as Sunday.
                    .map(|day| date_words::weekday_name_numbered(*day).unwrap_or("Sunday"))
                    .collect();
                if names.is_empty() {
                    String::new()
                } else {
                    format!("every {}", join_and(&names))
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::Region;

    fn date(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap_or(NaiveDate::MIN)
    }

    fn calendar() -> Calendar {
        Calendar::new(Region::EnglandAndWales)
    }

    #[test]
    fn fortnightly_sessions_run_from_the_start_to_the_end() {
        let fortnightly = Recurrence::from_frequency(&Frequency::Every {
            count: 2,
            unit: TimeUnit::Week,
        });
        let sessions = fortnightly.map(|recurrence| {
            recurrence.occurrences(date("2026-11-30"), date("2027-02-16"), 100, &calendar())
        });
        assert_eq!(
            sessions,
            Some(
                [
                    "2026-11-30",
                    "2026-12-14",
                    "2026-12-28",
                    "2027-01-11",
                    "2027-01-25",
                    "2027-02-08"
                ]
                .map(date)
                .to_vec()
            )
        );
    }

    #[test]
    fn monthly_on_the_31st_comes_back_to_the_31st() {
        let monthly = Recurrence::Every {
            count: 1,
            unit: StepUnit::Months,
        };
        let dates = monthly.occurrences(date("2027-01-31"), date("2027-03-31"), 10, &calendar());
        assert_eq!(
            dates,
            ["2027-01-31", "2027-02-28", "2027-03-31"]
                .map(date)
                .to_vec()
        );
    }

    #[test]
    fn tuesdays_and_thursdays_start_on_the_first_such_day() {
        let days = Recurrence::from_frequency(&Frequency::OnWeekdays { days: vec![4, 2] });
        let dates = days.map(|recurrence| {
            recurrence.occurrences(date("2026-11-23"), date("2026-12-01"), 10, &calendar())
        });
        assert_eq!(
            dates,
            Some(
                ["2026-11-24", "2026-11-26", "2026-12-01"]
                    .map(date)
                    .to_vec()
            )
        );
    }

    #[test]
    fn twice_a_week_is_every_three_days() {
        assert_eq!(
            Recurrence::from_frequency(&Frequency::TimesPer {
                times: 2,
                unit: TimeUnit::Week
            }),
            Some(Recurrence::Every {
                count: 3,
                unit: StepUnit::Days
            })
        );
    }

    #[test]
    fn a_step_of_zero_or_of_centuries_is_no_recurrence() {
        for frequency in [
            Frequency::Every {
                count: 0,
                unit: TimeUnit::Week,
            },
            Frequency::Every {
                count: u32::MAX,
                unit: TimeUnit::Year,
            },
            Frequency::Every {
                count: 5000,
                unit: TimeUnit::WorkingDay,
            },
            Frequency::OnWeekdays { days: vec![0, 9] },
        ] {
            assert_eq!(
                Recurrence::from_frequency(&frequency),
                None,
                "{frequency:?}"
            );
        }
    }

    #[test]
    fn occurrences_stop_at_the_limit() {
        let daily = Recurrence::Every {
            count: 1,
            unit: StepUnit::Days,
        };
        let dates = daily.occurrences(date("2026-01-01"), NaiveDate::MAX, 5, &calendar());
        assert_eq!(dates.len(), 5);
    }

    #[test]
    fn occurrences_stop_at_the_end_of_the_calendar() {
        let weekly = Recurrence::Every {
            count: 1,
            unit: StepUnit::Weeks,
        };
        let dates = weekly.occurrences(NaiveDate::MAX, NaiveDate::MAX, 5, &calendar());
        assert_eq!(dates, vec![NaiveDate::MAX]);
    }

    #[test]
    fn descriptions_read_as_words() {
        assert_eq!(
            Recurrence::Every {
                count: 2,
                unit: StepUnit::Weeks
            }
            .describe(),
            "every 2 weeks"
        );
        assert_eq!(
            Recurrence::OnWeekdays {
                days: vec![1, 3, 5]
            }
            .describe(),
            "every Monday, Wednesday and Friday"
        );
    }
}
