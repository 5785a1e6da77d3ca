//! `vague-timescale`: words in "By when" that name no time ("ongoing", "ASAP").

use super::facts::first_review_for_rewrite;
use super::{FieldContext, FieldName, Rule, RuleDocs, RuleMeta};
use crate::finding::{RawFinding, RawSuggestion, Severity, Smart};

#[derive(Debug)]
pub struct VagueTimescale;

pub static META: RuleMeta = RuleMeta {
    id: "vague-timescale",
    severity: Severity::Error,
    smart: &[Smart::T],
    fields: &[FieldName::ByWhen],
    source: "001 Child in Need Plan; 000 By when?",
    docs: RuleDocs {
        summary: "Flags words in \"By when\" that name no time: \"ongoing\", \"ASAP\", \"soon\", \
                  \"in due course\", \"when possible\", \"as and when\", \"regularly\".",
        why: "\"Terms like 'ongoing' and ASAP are not acceptable\" (001 Child in Need Plan): \
              nobody can tell whether the work is late, and progress cannot be seen by the \
              first review (000 By when?). In \"By when\" these words are this rule's; \
              vague-term and woolly-term say nothing more about the same words there.",
        example: "Ongoing",
        instead: "Fortnightly sessions from 30 November 2026 until the review on 16 February 2027",
    },
};

impl Rule for VagueTimescale {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_field(&self, context: &FieldContext<'_>, findings: &mut Vec<RawFinding>) {
        let Some(timescale) = context.timescale else {
            return;
        };
        let first_review = first_review_for_rewrite(context.plan);
        for words in &timescale.no_time {
            let at_start = context
                .text
                .get(..words.span.start)
                .is_some_and(|before| before.trim().is_empty());
            let frequency =
                format!("every [2] weeks from [start date] until the review on {first_review}");
            let deadline = format!("by [date], before the review on {first_review}");
            let mut finding = META.finding(
                context.pointer,
                Some(words.span.clone()),
                format!(
                    "\"{}\" sets no timescale: say when the work starts, how often it happens, \
                     and the first review date ({first_review}).",
                    words.text
                ),
            );
            finding.suggestions.push(RawSuggestion::replace_range(
                "Give a frequency, a start and an end",
                if at_start {
                    capitalise(&frequency)
                } else {
                    frequency
                },
            ));
            finding.suggestions.push(RawSuggestion::replace_range(
                "Give a deadline",
                if at_start {
                    capitalise(&deadline)
                } else {
                    deadline
                },
            ));
            findings.push(finding);
        }
    }
}

fn capitalise(text: &str) -> String {
    let mut characters = text.chars();
    match characters.next() {
        Some(first) => first.to_uppercase().chain(characters).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{
        assert_clean, assert_count, assert_flags, assert_suggestion_result,
    };
    use crate::rules::FieldName::ByWhen;

    const RULE: &str = "vague-timescale";

    #[test]
    fn words_that_name_no_time_are_flagged() {
        assert_flags(RULE, ByWhen, "Ongoing", "Ongoing");
        assert_flags(RULE, ByWhen, "ASAP", "ASAP");
        assert_flags(RULE, ByWhen, "As soon as possible", "As soon as possible");
        assert_flags(
            RULE,
            ByWhen,
            "Sessions to start in due course",
            "in due course",
        );
    }

    #[test]
    fn every_vague_phrase_is_its_own_finding() {
        assert_count(RULE, ByWhen, "ASAP and ongoing", 2);
    }

    #[test]
    fn real_timescales_pass() {
        assert_clean(
            RULE,
            ByWhen,
            "Weekly sessions from 30 November 2026 until the review on 16 February 2027",
        );
        assert_clean(RULE, ByWhen, "By 15 January 2027");
    }

    #[test]
    fn suggestion_gives_a_frequency_to_the_first_review() {
        assert_suggestion_result(
            RULE,
            ByWhen,
            "Ongoing",
            "Every [2] weeks from [start date] until the review on 16 February 2027",
        );
    }
}
