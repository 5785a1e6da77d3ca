//! `woolly-term`: the wider list of empty phrases.

use std::sync::OnceLock;

use crate::finding::{RawFinding, Severity, Smart};
use crate::rules::vague_term::PLAN_FIELDS;
use crate::rules::word_list::{self, Rewrite, Suits, Term, Unless, WordList};
use crate::rules::{FieldContext, FieldName, Rule, RuleDocs, RuleMeta};

/// See [`META`].
#[derive(Debug)]
pub struct WoollyTerm;

pub static META: RuleMeta = RuleMeta {
    id: "woolly-term",
    severity: Severity::Warning,
    smart: &[Smart::S, Smart::M],
    fields: PLAN_FIELDS,
    source: "004 Words to avoid in plans; 004 What do we mean by 'specific'?",
    docs: RuleDocs {
        summary: "Flags empty phrases that sound like a plan but commit nobody to anything: \
                  \"regularly\", \"as and when\", \"when needed\", \"as required\", \"TBC\", \
                  \"in due course\", \"engage with\", \"liaise\", \"adequate\", \"ensure\", \
                  \"address issues\", \"work with\", and \"improve\" with nothing to measure it \
                  by.",
        why: "City of York's guidance (004, What do we mean by 'specific'?) asks a plan to \
              state when a service will be provided, how frequently, what exactly will be \
              provided and the goal, and who is responsible for what; its Words to avoid \
              section warns against words that don't actually mean anything. These phrases \
              leave each of those open: how often is \"regularly\", who decides it is \
              \"needed\", what does \"engaging\" look like? A word is not flagged when the \
              same sentence supplies what it lacks: \"regularly\", \"improve\", \"ensure\", \
              \"liaise\" and \"adequate\" pass with a number, a frequency, a day or a date \
              (\"attendance will improve from 80% to 95%\"), and \"work with\" passes when \
              the sentence says on what (\"work with Mum on a bedtime routine\"). Words in \
              quotation marks and the views fields are people's own words and are not \
              checked.",
        example: "Sam to liaise with school regularly and work with Mum as and when needed.",
        instead: "Sam Jones will phone Mrs Ahmed every Friday to ask how many days Tommy was \
                  in school that week.",
    },
};

const WHEN_IS_THAT: &str = "\"{found}\" leaves it to someone to decide when: say what will \
                            start it, or how often it happens.";

const TRIGGER: Rewrite = Rewrite::replace(
    Suits::Prose,
    "Say what starts it and how fast",
    "within [1 working day] of [Mum asking]",
);

const FREQUENCY_UNTIL_REVIEW: Rewrite = Rewrite::replace(
    Suits::Timescale,
    "Give a frequency and an end",
    "every [2 weeks] until the review on {first_review}",
);

const WHAT_IS_ENGAGING: &str = "\"{found}\" does not say what the person will do: say which \
                                sessions they will go to, or what they will do in them.";

const SAY_WHAT_IS_SHARED: Rewrite = Rewrite::advice(
    "Say what will be shared, and how often",
    "For example: \"{lead} will phone {child}'s teacher every Friday to ask how many days \
     {child} was in school that week.\"",
);

const SAY_WHAT_ENSURES: Rewrite = Rewrite::advice(
    "Say what the person will do",
    "For example: \"Mum will walk {child} to school for 8:45am every school day.\"",
);

static TERMS: &[Term] = &[
    Term {
        pattern: "on a regular basis|at regular intervals|regularly",
        unless: &[Unless::SentenceHasYardstick],
        message: "\"{found}\" does not say how often.",
        rewrites: &[Rewrite::replace(
            Suits::Any,
            "Give a frequency",
            "every [2 weeks]",
        )],
        example: (FieldName::Visiting, "Sam will visit Tommy regularly."),
    },
    Term {
        pattern: "regular",
        unless: &[Unless::SentenceHasYardstick],
        message: "\"{found}\" does not say how often.",
        rewrites: &[Rewrite::replace(Suits::Any, "Give a frequency", "[weekly]")],
        example: (FieldName::Visiting, "Regular home visits by Sam."),
    },
    Term {
        pattern: "as and when(?: needed| required| necessary)?",
        unless: &[],
        message: WHEN_IS_THAT,
        rewrites: &[FREQUENCY_UNTIL_REVIEW, TRIGGER],
        example: (FieldName::ByWhen, "As and when needed"),
    },
    Term {
        pattern: "(?:when|if|as|where) (?:needed|required|necessary)",
        unless: &[],
        message: WHEN_IS_THAT,
        rewrites: &[FREQUENCY_UNTIL_REVIEW, TRIGGER],
        example: (
            FieldName::Action,
            "Sam will refer Mum to the GP if needed.",
        ),
    },
    Term {
        pattern: "tbc|tba|tbd|to be (?:confirmed|arranged|agreed|decided)",
        unless: &[],
        message: "\"{found}\" means nobody has decided yet: a plan says who and when.",
        rewrites: &[
            Rewrite::replace(Suits::Timescale, "Give a date", "by [date]"),
            Rewrite::replace(Suits::ByWhom, "Name the person", "[name], [role]"),
            Rewrite::advice(
                "Say who will decide, and by when",
                "For example: \"{lead} will agree the date with Mum by [date]\".",
            ),
        ],
        example: (FieldName::ByWhen, "TBC"),
    },
    Term {
        pattern: "in due course|in the near future",
        unless: &[],
        message: "\"{found}\" sets no date: say when.",
        rewrites: &[Rewrite::replace(Suits::Any, "Give a date", "by [date]")],
        example: (
            FieldName::Action,
            "Dad will find a new flat in due course.",
        ),
    },
    Term {
        pattern: "engage with",
        unless: &[],
        message: WHAT_IS_ENGAGING,
        rewrites: &[Rewrite::replace(
            Suits::Any,
            "Say which sessions",
            "attend [all 8] sessions with",
        )],
        example: (FieldName::Action, "Dad will engage with New Way."),
    },
    Term {
        pattern: "engages with",
        unless: &[],
        message: WHAT_IS_ENGAGING,
        rewrites: &[Rewrite::replace(
            Suits::Any,
            "Say which sessions",
            "attends [all 8] sessions with",
        )],
        example: (FieldName::Progress, "Dad engages with New Way."),
    },
    Term {
        pattern: "engaged with",
        unless: &[],
        message: WHAT_IS_ENGAGING,
        rewrites: &[Rewrite::replace(
            Suits::Any,
            "Say how many sessions",
            "attended [6 of 8] sessions with",
        )],
        example: (FieldName::Progress, "Dad has engaged with New Way."),
    },
    Term {
        pattern: "engaging with",
        unless: &[],
        message: WHAT_IS_ENGAGING,
        rewrites: &[Rewrite::replace(
            Suits::Any,
            "Say which sessions",
            "attending [all 8] sessions with",
        )],
        example: (FieldName::Progress, "Dad is engaging with New Way."),
    },
    Term {
        pattern: "(?:dis)?engage(?:s|d|ment)?|engaging",
        unless: &[],
        message: WHAT_IS_ENGAGING,
        rewrites: &[Rewrite::advice(
            "Say what the person did",
            "For example: \"Dad went to 6 of the 8 sessions and can say what he will do \
             when he feels angry.\"",
        )],
        example: (FieldName::Progress, "Mum has engaged well."),
    },
    Term {
        pattern: "liais(?:e|es|ed|ing|on)",
        unless: &[Unless::SentenceHasYardstick],
        message: "\"{found}\" does not say what will be shared, with whom, or how often.",
        rewrites: &[SAY_WHAT_IS_SHARED],
        example: (FieldName::Action, "Sam will liaise with school."),
    },
    Term {
        pattern: "(?:in)?adequate(?:ly)?",
        unless: &[Unless::SentenceHasYardstick],
        message: "\"{found}\" does not say what would be enough: give the standard (\"3 meals a \
                  day\", \"his own bed\").",
        rewrites: &[Rewrite::advice(
            "Give the standard",
            "For example: \"{child} will have breakfast before school every day and a bed \
             of their own to sleep in\".",
        )],
        example: (FieldName::Need, "Tommy does not have adequate food."),
    },
    Term {
        pattern: "ensur(?:e|es|ed|ing)",
        unless: &[Unless::SentenceHasYardstick],
        message: "\"{found}\" states a wish, not an action: say what the person will do.",
        rewrites: &[SAY_WHAT_ENSURES],
        example: (FieldName::Action, "Mum will ensure Tommy gets to school."),
    },
    Term {
        pattern: "address(?:es|ed|ing)? (?:the |any |all |these |those |his |her |their |its )?(?:issues|concerns|needs|problems|difficulties)",
        unless: &[],
        message: "\"{found}\" does not say what will change: name the problem and what will be \
                  done about it.",
        rewrites: &[Rewrite::advice(
            "Name the problem and the change",
            "For example: \"Mum and Dad will go to 8 sessions of a parenting course on how \
             to disagree without shouting.\"",
        )],
        example: (FieldName::Action, "Mum to address issues with Tommy's behaviour."),
    },
    Term {
        pattern: "work(?:s|ed|ing)? (?:closely )?(?:with|alongside)",
        unless: &[Unless::SaysHow, Unless::FollowedBy(&["on", "to", "using", "through"])],
        message: "\"{found}\" does not say what the work is: say what will be done, how often, \
                  and what it is for.",
        rewrites: &[Rewrite::advice(
            "Say what the work is",
            "For example: \"{lead} will work with Mum on a bedtime routine for {child} at \
             each weekly visit.\"",
        )],
        example: (FieldName::Action, "Jo Bell will work with the family."),
    },
    Term {
        pattern: "improv(?:e|es|ed|ing|ement|ements)",
        unless: &[Unless::SentenceHasYardstick],
        message: "\"{found}\" has nothing to measure it by: say from what to what, or what will \
                  be seen.",
        rewrites: &[Rewrite::replace(
            Suits::Any,
            "Say from what to what",
            "{found} from [3 times a week] to [once a week]",
        )],
        example: (FieldName::Outcome, "Tommy's behaviour will improve."),
    },
];

fn word_list() -> &'static WordList {
    static LIST: OnceLock<WordList> = OnceLock::new();
    LIST.get_or_init(|| WordList::new(TERMS))
}

impl Rule for WoollyTerm {
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
    use crate::rules::testing::{
        assert_clean, assert_count, assert_flags, assert_suggestion_result,
    };
    use FieldName::{Action, ByWhen, ByWhom, Need, Outcome, Progress, ViewsOthers, Visiting};

    const RULE: &str = "woolly-term";

    #[test]
    fn the_word_list_compiles() {
        assert!(word_list().is_compiled());
        assert!(word_list().is_fast_on_any_text() || !cfg!(feature = "regex-perf-dfa"));
    }

    #[test]
    fn regularly_without_a_frequency_is_flagged() {
        assert_flags(RULE, Visiting, "Sam will visit regularly.", "regularly");
        assert_flags(RULE, Visiting, "Regular visits", "Regular");
        assert_flags(
            RULE,
            Visiting,
            "Sam will visit on a regular basis.",
            "on a regular basis",
        );
    }

    #[test]
    fn regularly_with_a_frequency_is_clean() {
        assert_clean(RULE, Visiting, "Sam will visit regularly, every 2 weeks.");
        assert_clean(RULE, Visiting, "Regular visits on Tuesdays after school.");
    }

    #[test]
    fn the_longest_phrase_is_flagged_once() {
        assert_flags(RULE, ByWhen, "As and when required", "As and when required");
        assert_count(RULE, ByWhen, "As and when required", 1);
        assert_flags(RULE, Action, "Sam will visit as needed.", "as needed");
    }

    #[test]
    fn undecided_owners_and_dates_are_flagged() {
        assert_flags(RULE, ByWhom, "TBC", "TBC");
        assert_flags(RULE, ByWhen, "Date to be confirmed", "to be confirmed");
        assert_flags(RULE, ByWhen, "In due course", "In due course");
    }

    #[test]
    fn engaging_is_flagged_in_every_form() {
        assert_flags(RULE, Progress, "Mum has engaged well.", "engaged");
        assert_flags(RULE, Progress, "Dad has disengaged.", "disengaged");
        assert_flags(RULE, Action, "Dad will engage with New Way.", "engage with");
        assert_flags(RULE, Need, "Mum's engagement has been poor.", "engagement");
    }

    #[test]
    fn ensure_liaise_and_adequate_pass_with_a_yardstick() {
        assert_flags(
            RULE,
            Action,
            "Mum will ensure Tommy gets to school.",
            "ensure",
        );
        assert_clean(
            RULE,
            Action,
            "Mum will ensure Tommy is at school by 8:45am every day.",
        );
        assert_flags(RULE, Action, "Sam will liaise with school.", "liaise");
        assert_clean(
            RULE,
            Action,
            "Sam will liaise with Mrs Ahmed every Friday about attendance.",
        );
        assert_flags(RULE, Need, "Tommy lacks adequate food.", "adequate");
        assert_clean(
            RULE,
            Outcome,
            "Tommy will have adequate food: 3 meals a day.",
        );
    }

    #[test]
    fn work_with_passes_when_it_says_on_what() {
        assert_flags(RULE, Action, "Jo will work with Mum.", "work with");
        assert_flags(
            RULE,
            Action,
            "Jo will be working closely with the family.",
            "working closely with",
        );
        assert_clean(RULE, Action, "Jo will work with Mum on a bedtime routine.");
        assert_clean(
            RULE,
            Action,
            "Jo will work with Mum by showing her how to use a sticker chart.",
        );
    }

    #[test]
    fn address_issues_is_flagged_with_its_object() {
        assert_flags(
            RULE,
            Action,
            "Dad to address the issues raised.",
            "address the issues",
        );
        assert_clean(RULE, Action, "Dad will give school his new address.");
    }

    #[test]
    fn improve_needs_something_to_measure_it_by() {
        assert_flags(RULE, Outcome, "Tommy's attendance will improve.", "improve");
        assert_clean(
            RULE,
            Outcome,
            "Tommy's attendance will improve from 82% to 95% by 16 February 2027.",
        );
        assert_suggestion_result(
            RULE,
            Outcome,
            "Tommy's behaviour will improve.",
            "Tommy's behaviour will improve from [3 times a week] to [once a week].",
        );
    }

    #[test]
    fn suggestions_suit_the_field() {
        assert_suggestion_result(
            RULE,
            Visiting,
            "Sam will visit regularly.",
            "Sam will visit every [2 weeks].",
        );
        assert_suggestion_result(RULE, Visiting, "Regular visits", "[weekly] visits");
        assert_suggestion_result(
            RULE,
            ByWhen,
            "As and when needed",
            "Every [2 weeks] until the review on 16 February 2027",
        );
        assert_suggestion_result(
            RULE,
            Action,
            "Sam will visit as and when needed.",
            "Sam will visit within [1 working day] of [Mum asking].",
        );
        assert_suggestion_result(RULE, ByWhom, "TBC", "[name], [role]");
        assert_suggestion_result(RULE, ByWhen, "TBC", "By [date]");
        assert_suggestion_result(
            RULE,
            Progress,
            "Dad has engaged with New Way.",
            "Dad has attended [6 of 8] sessions with New Way.",
        );
    }

    #[test]
    fn quotations_and_views_are_left_alone() {
        assert_clean(RULE, Need, "Mum said \"we argue regularly\" about money.");
        assert_clean(RULE, ViewsOthers, "School say Tommy is regularly late.");
    }

    #[test]
    fn a_specific_action_is_clean() {
        assert_clean(
            RULE,
            Action,
            "Sam Jones will phone Mrs Ahmed every Friday to ask how many days Tommy was in school that week.",
        );
    }
}
