//! `subjective-term`: judgements without a yardstick.

use std::sync::OnceLock;

use crate::finding::{RawFinding, Severity, Smart};
use crate::rules::vague_term::PLAN_FIELDS;
use crate::rules::word_list::{self, Rewrite, Term, Unless, WordList};
use crate::rules::{FieldContext, FieldName, Rule, RuleDocs, RuleMeta};

/// See [`META`].
#[derive(Debug)]
pub struct SubjectiveTerm;

pub static META: RuleMeta = RuleMeta {
    id: "subjective-term",
    severity: Severity::Warning,
    smart: &[Smart::M],
    fields: PLAN_FIELDS,
    source: "004 Words to avoid in plans; 004 What do we mean by 'measurable'?",
    docs: RuleDocs {
        summary: "Flags judgements without a yardstick: \"clean and tidy\", \"good enough\", \
                  \"suitable\", \"proper\", \"sufficient\", \"better\", \"happier\", \"nice\".",
        why: "City of York's guidance (004, Words to avoid in plans) says to avoid subjective \
              terms like \"clean and tidy\": the worker, the parent and the judge may each \
              picture something different, so nobody can show that it has happened. Its \
              section on measurable plans asks that everyone can be clear about progress \
              and quickly see when a plan is not working. Say what will be seen or counted \
              instead. \"Better\" and \"sufficient\" pass when the sentence gives a number, a \
              frequency, a day or a date to measure them by. \"Clean and tidy\" is reported \
              here only (the guidance calls it a subjective term), never also by vague-term. \
              Quotations and the views fields are people's own words and are not checked.",
        example: "The house will be clean and tidy and Tommy will be happier.",
        instead: "Tommy will have clean bedding every week, and at each visit he will be able \
                  to tell Sam Jones one thing he enjoyed at home.",
    },
};

const SAY_WHAT_IS_SEEN: Rewrite = Rewrite::advice(
    "Say what will be seen",
    "For example: \"{child} will be able to tell {lead} one thing they enjoyed at home at \
     each visit\" or \"there will be clean bedding on {child}'s bed every week\".",
);

const NO_YARDSTICK: &str = "\"{found}\" is a judgement without a yardstick: say what will be \
                            seen, heard or counted.";

static TERMS: &[Term] = &[
    Term {
        pattern: "clean (?:and|&) tidy|tidy (?:and|&) clean",
        unless: &[],
        message: "\"{found}\" means different things to different people: say what will be \
                  seen (\"clean bedding on the bed, no rubbish on the kitchen floor\").",
        rewrites: &[Rewrite::advice(
            "Say what will be seen",
            "For example: \"there will be clean bedding on {child}'s bed every week and no \
             rubbish or dog mess on the kitchen floor at each visit\".",
        )],
        example: (FieldName::Outcome, "The house will be clean and tidy."),
    },
    Term {
        pattern: "good enough",
        unless: &[],
        message: NO_YARDSTICK,
        rewrites: &[SAY_WHAT_IS_SEEN],
        example: (
            FieldName::Outcome,
            "Mum's care of Tommy will be good enough.",
        ),
    },
    Term {
        pattern: "(?:un)?suitabl[ey]",
        unless: &[],
        message: "\"{found}\": suitable in whose view? Say what is needed (\"a bed of his own\", \
                  \"a ground-floor flat\").",
        rewrites: &[SAY_WHAT_IS_SEEN],
        example: (
            FieldName::Need,
            "Tommy needs suitable sleeping arrangements.",
        ),
    },
    Term {
        pattern: "proper(?:ly)?",
        unless: &[],
        message: NO_YARDSTICK,
        rewrites: &[SAY_WHAT_IS_SEEN],
        example: (FieldName::Need, "Tommy is not fed properly."),
    },
    Term {
        pattern: "(?:in)?sufficient(?:ly)?",
        unless: &[Unless::SentenceHasYardstick],
        message: NO_YARDSTICK,
        rewrites: &[SAY_WHAT_IS_SEEN],
        example: (FieldName::Need, "Tommy does not get sufficient sleep."),
    },
    Term {
        pattern: "better",
        unless: &[Unless::SentenceHasYardstick],
        message: "\"{found}\" than what? Say what will be different, and by how much.",
        rewrites: &[SAY_WHAT_IS_SEEN],
        example: (FieldName::Outcome, "Tommy will feel better about school."),
    },
    Term {
        pattern: "happier",
        unless: &[],
        message: "\"{found}\" cannot be seen or counted: say what {found} would look like \
                  (what the child will say, do or no longer do).",
        rewrites: &[SAY_WHAT_IS_SEEN],
        example: (FieldName::Outcome, "Tommy will be happier."),
    },
    Term {
        pattern: "nice(?:r|ly)?",
        unless: &[],
        message: NO_YARDSTICK,
        rewrites: &[SAY_WHAT_IS_SEEN],
        example: (FieldName::Outcome, "Tommy's bedroom will be nice."),
    },
];

fn word_list() -> &'static WordList {
    static LIST: OnceLock<WordList> = OnceLock::new();
    LIST.get_or_init(|| WordList::new(TERMS))
}

impl Rule for SubjectiveTerm {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_field(&self, context: &FieldContext<'_>, findings: &mut Vec<RawFinding>) {
        word_list::report(&META, context, word_list().find(context.text), findings);
    }
}

#[cfg(test)]
pub(crate) fn terms() -> &'static [Term] {
    word_list().terms()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{assert_clean, assert_count, assert_flags};
    use FieldName::{Need, Outcome, Progress, ViewsParents};

    const RULE: &str = "subjective-term";

    #[test]
    fn the_word_list_compiles() {
        assert!(word_list().is_compiled());
        assert!(word_list().is_fast_on_any_text() || !cfg!(feature = "regex-perf-dfa"));
    }

    #[test]
    fn clean_and_tidy_is_flagged_here_as_one_phrase() {
        assert_flags(
            RULE,
            Outcome,
            "The house will be clean and tidy.",
            "clean and tidy",
        );
        assert_count(RULE, Outcome, "The house will be clean & tidy.", 1);
        assert_flags(
            RULE,
            Outcome,
            "The flat will be tidy and clean.",
            "tidy and clean",
        );
    }

    #[test]
    fn judgements_are_flagged() {
        assert_flags(RULE, Outcome, "Tommy will be happier.", "happier");
        assert_flags(
            RULE,
            Need,
            "The flat is not suitable for a baby.",
            "suitable",
        );
        assert_flags(
            RULE,
            Outcome,
            "Mum's parenting will be good enough.",
            "good enough",
        );
        assert_flags(RULE, Outcome, "Tommy's room will be nice.", "nice");
        assert_flags(
            RULE,
            Need,
            "Amy is not dressed properly for school.",
            "properly",
        );
    }

    #[test]
    fn better_passes_with_something_to_measure_it_by() {
        assert_flags(
            RULE,
            Outcome,
            "Tommy's attendance will be better.",
            "better",
        );
        assert_clean(
            RULE,
            Progress,
            "Attendance is better: 92% this term against 78% last term.",
        );
    }

    #[test]
    fn words_are_matched_whole() {
        assert_clean(RULE, Need, "Tommy sleeps on the sofa in the front room.");
        assert_clean(RULE, Need, "Amy needs a new property near her school.");
    }

    #[test]
    fn quotations_and_views_are_left_alone() {
        assert_clean(
            RULE,
            Need,
            "Mum said 'I just want things to be nice again'.",
        );
        assert_clean(
            RULE,
            ViewsParents,
            "We want the house to be clean and tidy.",
        );
    }

    #[test]
    fn observable_outcomes_are_clean() {
        assert_clean(
            RULE,
            Outcome,
            "Tommy will have clean bedding every week, and at each visit he will be able to tell Sam Jones one thing he enjoyed at home.",
        );
    }
}
