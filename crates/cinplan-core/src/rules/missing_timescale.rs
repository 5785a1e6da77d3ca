//! `missing-timescale`: "By when" says nothing that can be placed on a calendar.

use super::facts::{first_review_for_rewrite, trimmed_span};
use super::{FieldContext, FieldName, Rule, RuleDocs, RuleMeta};
use crate::finding::{RawFinding, RawSuggestion, Severity, Smart};

#[derive(Debug)]
pub struct MissingTimescale;

pub static META: RuleMeta = RuleMeta {
    id: "missing-timescale",
    severity: Severity::Error,
    smart: &[Smart::T],
    fields: &[FieldName::ByWhen],
    source: "000 By when?; 001 Child in Need Plan",
    docs: RuleDocs {
        summary: "Flags a \"By when\" with no date, frequency or plan event that can be placed \
                  on a calendar.",
        why: "\"State when work is to start, with what frequency (if appointments are \
              involved) and put in the first review date\" (000 By when?). The plan must give \
              \"timescales for actions to be completed, either a target date or frequency\" \
              (001 Child in Need Plan). Words that name no time (\"ongoing\", \"ASAP\") are \
              flagged by vague-timescale instead, and dates that cannot be read by \
              unparsed-date.",
        example: "When Mum is ready",
        instead: "Weekly sessions from 30 November 2026 until the review on 16 February 2027",
    },
};

impl Rule for MissingTimescale {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_field(&self, context: &FieldContext<'_>, findings: &mut Vec<RawFinding>) {
        let text = context.text;
        let Some(timescale) = context.timescale else {
            return;
        };
        // Empty is `empty-field`'s; "Ongoing" is `vague-timescale`'s (unless a profile turns
        // it off); a date that cannot be read is `unparsed-date`'s.
        let vague_timescale_speaks = !timescale.no_time.is_empty()
            && context
                .profile
                .rule_severity(
                    super::vague_timescale::META.id,
                    super::vague_timescale::META.severity,
                )
                .is_some();
        if text.trim().is_empty()
            || timescale.is_placeable()
            || vague_timescale_speaks
            || !timescale.problems.is_empty()
        {
            return;
        }
        let span = trimmed_span(text);
        let flagged = text.get(span.clone()).unwrap_or(text);
        let first_review = first_review_for_rewrite(context.plan);
        let mut finding = META.finding(
            context.pointer,
            Some(span),
            format!(
                "\"{flagged}\" gives no date, frequency or plan event: say when the work \
                 starts, how often it happens, and when it ends (the first review is \
                 {first_review}).",
                flagged = super::quote(flagged)
            ),
        );
        finding.suggestions.push(RawSuggestion::replace_field(
            "Give a frequency, a start and an end",
            format!("Every [2] weeks from [start date] until the review on {first_review}"),
        ));
        finding.suggestions.push(RawSuggestion::replace_field(
            "Give a deadline",
            format!("By [date], before the review on {first_review}"),
        ));
        findings.push(finding);
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_clean, assert_flags, assert_suggestion_result};
    use crate::rules::FieldName::ByWhen;

    const RULE: &str = "missing-timescale";

    #[test]
    fn text_with_no_time_in_it_is_flagged() {
        assert_flags(RULE, ByWhen, "When Mum is ready", "When Mum is ready");
        assert_flags(
            RULE,
            ByWhen,
            " Sessions with New Way ",
            "Sessions with New Way",
        );
    }

    #[test]
    fn dates_frequencies_and_plan_events_pass() {
        assert_clean(RULE, ByWhen, "By 15 January 2027");
        assert_clean(RULE, ByWhen, "Fortnightly sessions with Tommy, starting on 30 November 2026, until the review on 16 February 2027");
        assert_clean(RULE, ByWhen, "By the first review");
        assert_clean(RULE, ByWhen, "Weekly");
        assert_clean(RULE, ByWhen, "");
    }

    #[test]
    fn words_that_name_no_time_are_left_to_vague_timescale() {
        assert_clean(RULE, ByWhen, "Ongoing");
        assert_clean(RULE, ByWhen, "ASAP");
    }

    #[test]
    fn suggestion_names_the_first_review() {
        assert_suggestion_result(
            RULE,
            ByWhen,
            "When Mum is ready",
            "Every [2] weeks from [start date] until the review on 16 February 2027",
        );
    }
}
