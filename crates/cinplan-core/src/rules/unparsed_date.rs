//! `unparsed-date`: text in "By when" that looks like a date but cannot be read for sure.

use super::{FieldContext, FieldName, Rule, RuleDocs, RuleMeta};
use crate::finding::{RawFinding, RawSuggestion, Severity, Smart};
use crate::timescale::ProblemKind;

#[derive(Debug)]
pub struct UnparsedDate;

pub static META: RuleMeta = RuleMeta {
    id: "unparsed-date",
    severity: Severity::Warning,
    smart: &[Smart::T],
    fields: &[FieldName::ByWhen],
    source: "000 By when? (the example \"Review date 3 rd May 20014\")",
    docs: RuleDocs {
        summary: "Flags text that looks like a date but cannot be read for sure: a day and \
                  month that could be either way round (\"3/4\"), a date that does not exist \
                  (\"31/02/2027\", \"3rd May 20014\"), or a meeting the plan gives no date for \
                  (\"by the second review\").",
        why: "A date nobody can read for sure cannot be planned for or checked: even the \
              guidance's own good plan says \"Review date 3 rd May 20014\" (000 By when?). \
              Writing the month as a word removes all doubt.",
        example: "By 31/02/2027",
        instead: "By 26 January 2027",
    },
};

impl Rule for UnparsedDate {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_field(&self, context: &FieldContext<'_>, findings: &mut Vec<RawFinding>) {
        let Some(timescale) = context.timescale else {
            return;
        };
        for problem in &timescale.problems {
            let mut finding = META.finding(
                context.pointer,
                Some(problem.span.clone()),
                problem.message.clone(),
            );
            let advice = match problem.kind {
                ProblemKind::Ambiguous | ProblemKind::Impossible => {
                    "Write the day, the month as a word, and the year: \"3 April 2027\"."
                }
                ProblemKind::UnknownEventDate => {
                    "Give the date in the plan's dates, or write the date here: \"by 16 February 2027\"."
                }
            };
            finding
                .suggestions
                .push(RawSuggestion::advice("Write the date in full", advice));
            findings.push(finding);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::plan_testing::{good_plan, row_findings};
    use crate::rules::testing::{assert_clean, assert_count, assert_flags};
    use crate::rules::FieldName::ByWhen;

    const RULE: &str = "unparsed-date";

    #[test]
    fn impossible_dates_are_flagged_with_the_readers_reason() {
        assert_flags(RULE, ByWhen, "By 31/02/2027", "31/02/2027");
        assert_count(RULE, ByWhen, "Review date 3 rd May 20014", 1);
    }

    #[test]
    fn a_meeting_the_plan_gives_no_date_for_is_flagged() {
        let found = row_findings(RULE, ByWhen, "By the second review", &good_plan());
        assert_eq!(found.len(), 1);
        assert!(
            found[0].message.contains("second review"),
            "{}",
            found[0].message
        );
    }

    #[test]
    fn dates_in_words_pass() {
        assert_clean(RULE, ByWhen, "By 26 January 2027");
        assert_clean(RULE, ByWhen, "By the first review");
    }
}
