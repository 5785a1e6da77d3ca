//! The plan's facts that messages and rewrites use (the child's name, the lead
//! professional, the first review date), and small readings shared by the structural rules.

use chrono::NaiveDate;
use std::ops::Range;

use crate::calendar::Calendar;
use crate::plan::{Action, Plan};
use crate::profile::{Period, PeriodUnit};
use crate::rules::word_regex::WordRegex;
use crate::timescale::{read_timescale, ReadingContext, Timescale};

/// "16 February 2027": how dates are written in messages and rewrites.
pub use crate::date_words::long_date;
/// "Tuesday 16 February 2027".
pub use crate::date_words::long_date_with_day;

/// The child's name for a rewrite, or a placeholder to fill in.
pub fn child_for_rewrite(plan: &Plan) -> String {
    let name = plan.child.name.trim();
    if name.is_empty() {
        "[child's name]".to_owned()
    } else {
        name.to_owned()
    }
}

/// The lead professional's name for a rewrite, or a placeholder to fill in.
pub fn lead_for_rewrite(plan: &Plan) -> String {
    match &plan.lead_professional {
        Some(lead) if !lead.name.trim().is_empty() => lead.name.trim().to_owned(),
        _ => "[lead professional's name]".to_owned(),
    }
}

/// The first review date for a rewrite, or a placeholder to fill in.
pub fn first_review_for_rewrite(plan: &Plan) -> String {
    plan.dates
        .first_review
        .map(long_date)
        .unwrap_or_else(|| "[first review date]".to_owned())
}

/// Words the child's name is made of, for finding the child in a text ("Tommy" of "Tommy
/// Smith"), lower-cased.
pub fn child_name_words(plan: &Plan) -> Vec<String> {
    plan.child
        .name
        .split(|character: char| !character.is_alphanumeric() && character != '\'')
        .filter(|word| word.chars().count() >= 2)
        .map(str::to_lowercase)
        .collect()
}

/// What a text that says nothing reads as, lower-cased.
const STAND_INS: &[&str] = &[
    "",
    "-",
    "--",
    "n/a",
    "na",
    "n.a.",
    "none",
    "nil",
    "tbc",
    "tba",
    "tbd",
    "to be confirmed",
    "to follow",
    "not known",
    "unknown",
    "not recorded",
    "?",
];

/// The number of characters of the longest of [`STAND_INS`] (a test checks it).
const LONGEST_STAND_IN: usize = "to be confirmed".len();

/// Text that says nothing: empty, or a stand-in such as "N/A", "TBC", "-", "none".
pub fn is_blank(text: &str) -> bool {
    let text = text.trim().trim_end_matches('.').trim();
    // Lower-casing never makes fewer characters, so a text longer than the longest stand-in
    // is none of them: a long paste is not lower-cased whole to find that out, at every
    // rule that asks.
    if text.chars().nth(LONGEST_STAND_IN).is_some() {
        return false;
    }
    STAND_INS.contains(&text.to_lowercase().as_str())
}

/// The byte range of `text` without its surrounding white space (empty at 0 when blank).
pub fn trimmed_span(text: &str) -> Range<usize> {
    let start = text.len() - text.trim_start().len();
    let end = text.trim_end().len();
    if end <= start {
        0..0
    } else {
        start..end
    }
}

/// The action row a field belongs to.
pub fn action_row(
    plan: &Plan,
    need_index: Option<usize>,
    action_index: Option<usize>,
) -> Option<&Action> {
    plan.needs.get(need_index?)?.actions.get(action_index?)
}

/// Reads a timescale text of `plan` the way the engine reads timescale fields.
pub fn read_plan_timescale(
    plan: &Plan,
    text: &str,
    today: NaiveDate,
    calendar: &Calendar,
) -> Timescale {
    read_timescale(
        text,
        &ReadingContext {
            dates: &plan.dates,
            today,
            calendar,
        },
    )
}

/// A compiled pattern. The patterns are constants checked by the rules' tests, so a pattern
/// that failed to compile would show there; at run time it just matches nothing.
pub fn pattern(source: &str) -> Option<WordRegex> {
    WordRegex::new(source, false)
}

/// Byte ranges of every match of `regex` (none when it is absent).
pub fn matches(regex: Option<&WordRegex>, text: &str) -> Vec<Range<usize>> {
    regex
        .map(|regex| {
            regex
                .find_all(text)
                .iter()
                .map(|found| found.range())
                .collect()
        })
        .unwrap_or_default()
}

/// Whether `regex` matches anywhere in `text`.
pub fn has_match(regex: Option<&WordRegex>, text: &str) -> bool {
    regex.is_some_and(|regex| regex.is_match(text))
}

/// How an event due some time after another stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lateness {
    /// It happened after its due date, `elapsed` ("14 working days") after the start.
    Late {
        due: NaiveDate,
        happened: NaiveDate,
        elapsed: String,
    },
    /// It has not happened (no date) and its due date has passed.
    Overdue { due: NaiveDate },
}

/// Whether an event due `period` after `from` is late, given when it `happened`. The due
/// date is the timeline's: one landing on a non-working day is brought forward.
pub fn lateness(
    from: NaiveDate,
    happened: Option<NaiveDate>,
    period: &Period,
    today: NaiveDate,
    calendar: &Calendar,
) -> Option<Lateness> {
    let due = period.due_after(from, calendar)?;
    match happened {
        Some(happened) if happened > due => Some(Lateness::Late {
            due,
            happened,
            elapsed: if period.unit == PeriodUnit::WorkingDays {
                format!(
                    "{} working days",
                    calendar.working_days_between(from, happened)
                )
            } else {
                format!("{} days", (happened - from).num_days())
            },
        }),
        Some(_) => None,
        None if today > due => Some(Lateness::Overdue { due }),
        None => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_written_as_chrono_writes_them() {
        let mut date = NaiveDate::from_ymd_opt(1999, 12, 25).unwrap_or_default();
        for _ in 0..800 {
            assert_eq!(long_date(date), date.format("%-d %B %Y").to_string());
            assert_eq!(
                long_date_with_day(date),
                date.format("%A %-d %B %Y").to_string()
            );
            date = date + chrono::Days::new(1);
        }
        for date in [
            NaiveDate::MIN,
            NaiveDate::MAX,
            NaiveDate::from_ymd_opt(7, 1, 1).unwrap_or_default(),
        ] {
            assert_eq!(long_date(date), date.format("%-d %B %Y").to_string());
            assert_eq!(
                long_date_with_day(date),
                date.format("%A %-d %B %Y").to_string()
            );
        }
    }

    #[test]
    fn dates_are_written_the_uk_way_without_leading_zero() {
        let date = NaiveDate::from_ymd_opt(2027, 2, 6).unwrap_or_default();
        assert_eq!(long_date(date), "6 February 2027");
        assert_eq!(long_date_with_day(date), "Saturday 6 February 2027");
    }

    #[test]
    fn stand_ins_are_blank_but_real_text_is_not() {
        for text in ["", "  ", "N/A", "TBC.", "-", "None", "not known"] {
            assert!(is_blank(text), "{text:?}");
        }
        for text in ["Mum", "If Mum is hit again, Sam Jones will act"] {
            assert!(!is_blank(text), "{text:?}");
        }
        // The longest, in capitals and with a Kelvin sign (three bytes, lower-cased to one).
        assert!(is_blank(" To Be Confirmed. "));
        assert!(is_blank("Un\u{212A}nown"));
        assert!(!is_blank("to be confirmed!"));
    }

    #[test]
    fn no_stand_in_is_longer_than_the_length_that_rules_out_the_rest() {
        let longest = STAND_INS.iter().map(|text| text.chars().count()).max();
        assert_eq!(longest, Some(LONGEST_STAND_IN));
    }

    #[test]
    fn trimmed_span_leaves_out_surrounding_space() {
        assert_eq!(trimmed_span("  TBC \n"), 2..5);
        assert_eq!(trimmed_span("   "), 0..0);
    }

    #[test]
    fn missing_facts_become_placeholders() {
        let plan = Plan::new_blank();
        assert_eq!(child_for_rewrite(&plan), "[child's name]");
        assert_eq!(lead_for_rewrite(&plan), "[lead professional's name]");
        assert_eq!(first_review_for_rewrite(&plan), "[first review date]");
    }
}
