//! `non-working-day`: a date in "By when" on a weekend or a bank holiday.

use chrono::{Datelike, NaiveDate, Weekday};

use super::facts::{long_date, long_date_with_day};
use super::{FieldContext, FieldName, Rule, RuleDocs, RuleMeta};
use crate::finding::{RawFinding, RawSuggestion, Severity, Smart};
use crate::timescale::When;

#[derive(Debug)]
pub struct NonWorkingDay;

pub static META: RuleMeta = RuleMeta {
    id: "non-working-day",
    severity: Severity::Info,
    smart: &[Smart::T],
    fields: &[FieldName::ByWhen],
    source: "001 Child in Need Plan (working days); 003 The Child in Need Progress Plan",
    docs: RuleDocs {
        summary: "Points out a date written in \"By when\" that falls on a weekend, a bank \
                  holiday of the plan's region, or a local closure day.",
        why: "Plan timescales are counted in working days (001 Child in Need Plan; 003 The \
              Child in Need Progress Plan): a deadline on a Saturday or on Boxing Day is \
              usually a slip, and offices, schools and services are shut. Sessions with a \
              family at a weekend can be right, which is why this is only worth a look.",
        example: "By 26 December 2026",
        instead: "By 24 December 2026",
    },
};

impl Rule for NonWorkingDay {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_field(&self, context: &FieldContext<'_>, findings: &mut Vec<RawFinding>) {
        let Some(timescale) = context.timescale else {
            return;
        };
        let mut seen: Vec<NaiveDate> = Vec::new();
        for dated in [&timescale.start, &timescale.deadline, &timescale.end]
            .into_iter()
            .flatten()
        {
            let When::Date { date } = dated.when else {
                continue;
            };
            if seen.contains(&date) || context.calendar.is_working_day(date) {
                continue;
            }
            seen.push(date);
            let why = match (context.calendar.bank_holiday(date), date.weekday()) {
                (Some(holiday), _) => format!("is a bank holiday ({holiday})"),
                (None, Weekday::Sat | Weekday::Sun) => {
                    format!("is a {}", crate::date_words::weekday_name(date))
                }
                (None, _) => "is a local closure day".to_owned(),
            };
            let mut finding = META.finding(
                context.pointer,
                Some(dated.span.clone()),
                format!("{} {why}, not a working day.", long_date(date)),
            );
            let before = context.calendar.add_working_days(date, -1);
            let after = context.calendar.add_working_days(date, 1);
            if let (Some(before), Some(after)) = (before, after) {
                finding.suggestions.push(RawSuggestion::advice(
                    "Use a working day",
                    format!(
                        "The working days either side are {} and {}.",
                        long_date_with_day(before),
                        long_date_with_day(after)
                    ),
                ));
            }
            findings.push(finding);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::plan_testing::{good_plan, row_findings};
    use crate::rules::testing::{assert_clean, assert_count};
    use crate::rules::FieldName::ByWhen;

    const RULE: &str = "non-working-day";

    #[test]
    fn weekends_are_pointed_out() {
        assert_count(RULE, ByWhen, "By 5 December 2026", 1);
        let found = row_findings(RULE, ByWhen, "By 5 December 2026", &good_plan());
        assert!(
            found[0].message.contains("Saturday"),
            "{}",
            found[0].message
        );
        assert!(found[0].suggestions[0]
            .replacement
            .contains("Friday 4 December 2026"));
        assert!(found[0].suggestions[0]
            .replacement
            .contains("Monday 7 December 2026"));
    }

    #[test]
    fn bank_holidays_are_named() {
        let found = row_findings(RULE, ByWhen, "By 25 December 2026", &good_plan());
        assert_eq!(found.len(), 1);
        assert!(
            found[0].message.contains("bank holiday"),
            "{}",
            found[0].message
        );
    }

    #[test]
    fn working_days_pass() {
        assert_clean(RULE, ByWhen, "By 24 December 2026");
        assert_clean(
            RULE,
            ByWhen,
            "Weekly from 30 November 2026 until 16 February 2027",
        );
    }
}
