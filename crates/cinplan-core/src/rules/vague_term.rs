//! `vague-term`: words that mean nothing in a plan.

use std::sync::OnceLock;

use crate::rules::word_regex::WordRegex;

use crate::finding::{RawFinding, Severity, Smart};
use crate::rules::word_list::{self, Occurrence, Rewrite, Suits, Term, Unless, WordList};
use crate::rules::{FieldContext, FieldName, Rule, RuleDocs, RuleMeta};

/// See the module documentation and [`META`].
#[derive(Debug)]
pub struct VagueTerm;

/// Every field but the views: those are people's own words, recorded as said.
pub(crate) const PLAN_FIELDS: &[FieldName] = &[
    FieldName::Need,
    FieldName::Action,
    FieldName::ByWhom,
    FieldName::ByWhen,
    FieldName::Outcome,
    FieldName::Progress,
    FieldName::Visiting,
    FieldName::ReviewFrequency,
    FieldName::Contingency,
];

pub static META: RuleMeta = RuleMeta {
    id: "vague-term",
    severity: Severity::Error,
    smart: &[Smart::S, Smart::M, Smart::T],
    fields: PLAN_FIELDS,
    source: "001 Child in Need Plan; 004 Words to avoid in plans",
    docs: RuleDocs {
        summary: "Flags words that mean nothing in a plan: \"ongoing\", \"ASAP\" or \"as soon \
                  as possible\", \"appropriate\", \"monitor\" and \"support\" in every form \
                  (\"monitored\", \"supporting\"), and the words a profile adds.",
        why: "The 10 Point Child in Need Guide (001, Child in Need Plan) says a plan gives a \
              target date or a frequency for each action, and that terms like 'ongoing' and \
              ASAP are not acceptable. City of York's guidance (004, Words to avoid in plans) \
              says \"appropriate\" (in whose view?), \"ongoing\", \"monitor\" (monitoring is \
              not a purposeful activity) and \"support\" (a superficial word: dig deeper) \
              don't actually mean anything. From them a family cannot tell what will happen, \
              and nobody can tell at the review whether it did. Not flagged: the views of \
              the child, parents and others, and words in quotation marks (people's own \
              words, recorded as said); names such as \"Family Support Worker\" or \"Early \
              Help Support\"; a device (\"baby monitor\"); \"age-appropriate\" (it names its \
              yardstick, the child's age); and \"support\" when the same sentence says how \
              (\"… by driving her there\"). \"Clean and tidy\" is reported by \
              subjective-term, not here.",
        example: "Ongoing support from school to monitor Tommy's attendance",
        instead: "Mrs Ahmed will phone Sam Jones every Friday to say which days Tommy missed \
                  school that week.",
    },
};

const NOT_PURPOSEFUL: &str = "\"{found}\" is not a purposeful activity: say what will be checked, \
                              by whom, how often, and what happens with what is found.";

const CHECK_INSTEAD: Rewrite = Rewrite::advice(
    "Say what will be checked and what happens next",
    "For example: \"{child}'s teacher will phone {lead} every Friday to say which days \
     {child} missed school that week.\"",
);

/// Words before "monitor" that make it a device, not an activity.
const DEVICE_WORDS: &[&str] = &[
    "baby",
    "heart",
    "video",
    "sleep",
    "breathing",
    "apnoea",
    "apnea",
    "movement",
    "audio",
    "blood",
    "pressure",
    "glucose",
    "oxygen",
    "a",
    "an",
    "the",
    "his",
    "her",
    "their",
    "my",
    "our",
    "your",
];

/// Words after "support" that make it part of a job title or the name of a service.
const NAME_HEADS: &[&str] = &[
    "worker",
    "workers",
    "officer",
    "officers",
    "assistant",
    "assistants",
    "practitioner",
    "practitioners",
    "coordinator",
    "coordinators",
    "co-ordinator",
    "co-ordinators",
    "group",
    "groups",
    "service",
    "services",
    "team",
    "teams",
    "line",
    "hub",
    "programme",
    "programmes",
    "program",
    "project",
    "centre",
    "network",
];

/// What "ongoing" can describe as a plain fact of the family's life rather than as the
/// plan's work: "Mum's ongoing court case" says a case has not ended, not when work ends.
const ONGOING_FACTS: &[&str] = &[
    "court",
    "proceedings",
    "legal",
    "police",
    "criminal",
    "investigation",
    "investigations",
    "inquiry",
    "trial",
    "prosecution",
    "tribunal",
    "appeal",
    "custody",
    "divorce",
    "dispute",
    "disputes",
    "immigration",
    "asylum",
    "eviction",
];

static TERMS: &[Term] = &[
    Term {
        pattern: "on-?going|on going",
        unless: &[Unless::Before(ONGOING_FACTS)],
        message: "\"{found}\" sets no timescale and no end: say when the work starts, how often \
                  it happens and when it will be reviewed.",
        rewrites: &[
            Rewrite::replace(
                Suits::Timescale,
                "Give a frequency, a start and an end",
                "every [2 weeks] from [start date] until the review on {first_review}",
            ),
            Rewrite::advice(
                "Say how often and until when",
                "For example: \"every 2 weeks until the review on {first_review}\".",
            ),
        ],
        example: (FieldName::ByWhen, "Ongoing"),
    },
    Term {
        pattern: "asap|as soon as possible|as soon as practicable",
        unless: &[],
        message: "\"{found}\" sets no date, and everyone reads it differently: give the date it \
                  must happen by.",
        rewrites: &[
            Rewrite::replace(Suits::Any, "Give a date", "by [date]"),
            Rewrite::replace(
                Suits::Any,
                "Count from the meeting",
                "within [5 working days] of the meeting",
            ),
        ],
        example: (
            FieldName::Action,
            "Mum will register Tommy with a dentist ASAP.",
        ),
    },
    Term {
        pattern: "(?:in)?appropriate(?:ly)?",
        unless: &[Unless::After(&["age", "developmentally"])],
        message: "\"{found}\" does not say what is expected, or in whose view: describe what \
                  will be done or seen.",
        rewrites: &[Rewrite::advice(
            "Say what is expected",
            "Describe it so that everyone would agree whether it happened: for example \"a \
             bedtime of 7:30pm on school nights\" rather than \"appropriate boundaries\".",
        )],
        example: (
            FieldName::Action,
            "Mum will set appropriate boundaries for Tommy.",
        ),
    },
    Term {
        pattern: "monitors?",
        unless: &[Unless::After(DEVICE_WORDS)],
        message: NOT_PURPOSEFUL,
        rewrites: &[CHECK_INSTEAD],
        example: (
            FieldName::Action,
            "The school will monitor Tommy's attendance.",
        ),
    },
    Term {
        pattern: "monitor(?:ed|ing)",
        unless: &[],
        message: NOT_PURPOSEFUL,
        rewrites: &[CHECK_INSTEAD],
        example: (
            FieldName::Progress,
            "Tommy's attendance has been monitored.",
        ),
    },
    Term {
        pattern: "support(?:s|ed|ing)?",
        unless: &[Unless::Before(NAME_HEADS), Unless::SaysHow],
        message: "\"{found}\" does not say what help is given: say what will be done, by whom \
                  and when, or add how (\"… by driving her there\").",
        rewrites: &[Rewrite::advice(
            "Say what the help is",
            "For example: \"{lead} will drive Mum to her GP appointment on [date]\", or keep \
             the word and say how: \"… by looking after {child} on Tuesday afternoons\".",
        )],
        example: (
            FieldName::Action,
            "Sam to support Mum with her mental health.",
        ),
    },
];

fn word_list() -> &'static WordList {
    static LIST: OnceLock<WordList> = OnceLock::new();
    LIST.get_or_init(|| WordList::new(TERMS))
}

const PROFILE_WORD_MESSAGE: &str = "\"{found}\" is on this profile's list of words to avoid: \
                                    say exactly what will happen, who does it and when.";

/// The profile's extra words, matched like the built-in ones (whole words, any case, not
/// in quotations). Compiled on each check rather than cached: a profile's list is short
/// and a user may load another profile at any time.
fn profile_words(words: &[String], text: &str) -> Vec<std::ops::Range<usize>> {
    let alternatives: Vec<String> = words
        .iter()
        .map(|word| word.trim())
        .filter(|word| !word.is_empty())
        .map(|word| regex::escape(word).replace(' ', r"\s+"))
        .collect();
    if alternatives.is_empty() {
        return Vec::new();
    }
    let Some(regex) = WordRegex::word_list(&alternatives, true) else {
        return Vec::new();
    };
    let quotes = word_list::Quotes::of(text);
    regex
        .find_all(text)
        .into_iter()
        .map(|found| found.range())
        .filter(|range| !quotes.contain(range))
        .collect()
}

impl Rule for VagueTerm {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_field(&self, context: &FieldContext<'_>, findings: &mut Vec<RawFinding>) {
        let occurrences: Vec<Occurrence> = word_list().find(context.text);
        let extra = profile_words(&context.profile.extra_vague_words, context.text);
        let built_in: Vec<std::ops::Range<usize>> = occurrences
            .iter()
            .map(|occurrence| occurrence.range.clone())
            .collect();
        word_list::report(&META, context, occurrences, findings);
        for range in extra {
            if built_in
                .iter()
                .any(|other| other.start < range.end && range.start < other.end)
            {
                continue;
            }
            let found = context.text.get(range.clone()).unwrap_or("");
            findings.push(META.finding(
                context.pointer,
                Some(range),
                crate::rules::word_list::fill_template(PROFILE_WORD_MESSAGE, &[("{found}", found)]),
            ));
        }
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
    use FieldName::{Action, ByWhen, ByWhom, Need, Outcome, ViewsChild, ViewsParents};

    const RULE: &str = "vague-term";

    #[test]
    fn the_word_list_compiles() {
        assert!(word_list().is_compiled());
        assert!(word_list().is_fast_on_any_text() || !cfg!(feature = "regex-perf-dfa"));
    }

    #[test]
    fn ongoing_describing_a_legal_process_is_a_fact_not_a_timescale() {
        assert_clean(
            RULE,
            Need,
            "Mum's ongoing court case about her housing means the family may be evicted on \
             15 January 2027.",
        );
        assert_clean(
            RULE,
            Need,
            "The ongoing police investigation means step-dad cannot live at home.",
        );
        // "ongoing" and "support".
        assert_count(RULE, Need, "Tommy needs ongoing support from school.", 2);
        assert_count(RULE, Action, "Ongoing work with the court team.", 1);
    }

    #[test]
    fn ongoing_is_flagged_in_every_spelling() {
        assert_flags(RULE, ByWhen, "Ongoing", "Ongoing");
        assert_flags(RULE, Action, "on-going sessions with Tommy", "on-going");
        assert_flags(RULE, Action, "Work with New Way is on going.", "on going");
    }

    #[test]
    fn asap_and_as_soon_as_possible_are_flagged() {
        assert_flags(RULE, ByWhen, "ASAP", "ASAP");
        assert_flags(RULE, ByWhen, "asap", "asap");
        assert_flags(
            RULE,
            Action,
            "Mum to book a GP appointment as soon as\npossible",
            "as soon as\npossible",
        );
    }

    #[test]
    fn every_inflection_of_monitor_and_support_is_flagged() {
        for word in ["monitor", "monitors", "monitored", "monitoring"] {
            assert_flags(RULE, Action, &format!("School {word} attendance."), word);
        }
        for word in ["support", "supports", "supported", "supporting"] {
            assert_flags(RULE, Action, &format!("Aunt Jo {word} Mum."), word);
        }
    }

    #[test]
    fn appropriate_and_its_opposite_are_flagged() {
        assert_flags(
            RULE,
            Action,
            "Dad will respond appropriately when Tommy is upset.",
            "appropriately",
        );
        assert_flags(
            RULE,
            Need,
            "Tommy has been touched inappropriately.",
            "inappropriately",
        );
    }

    #[test]
    fn every_occurrence_is_counted_with_its_own_range() {
        assert_count(
            RULE,
            Action,
            "Ongoing support from school to monitor attendance ASAP",
            4,
        );
    }

    #[test]
    fn words_are_matched_whole() {
        assert_clean(RULE, Action, "Tommy is unsupervised after school.");
        assert_clean(
            RULE,
            Action,
            "Mum will keep a sleep diary of goings on at night.",
        );
        assert_clean(
            RULE,
            Action,
            "The supportive letter from the GP was read out.",
        );
    }

    #[test]
    fn a_specific_action_is_clean() {
        assert_clean(
            RULE,
            Action,
            "Sam will check the sleep diary at each weekly visit.",
        );
    }

    #[test]
    fn job_titles_and_named_services_are_not_vague() {
        assert_clean(RULE, ByWhom, "Jo Bell, Family Support Worker");
        assert_clean(RULE, ByWhom, "Jo Bell, support worker at Home-Start");
        assert_clean(
            RULE,
            Action,
            "Mum will go to Early Help Support every Tuesday.",
        );
        assert_clean(
            RULE,
            Action,
            "Dad will join the Parenting Support Programme.",
        );
        assert_clean(
            RULE,
            Action,
            "Sam will act as Appropriate Adult at the police interview.",
        );
    }

    #[test]
    fn support_that_says_how_is_clean_but_bare_support_is_flagged() {
        assert_clean(
            RULE,
            Action,
            "Aunt Jo will support Mum to attend the GP appointment on 3 December by driving her there.",
        );
        assert_flags(
            RULE,
            Action,
            "Aunt Jo will support Mum to attend the GP appointment on 3 December.",
            "support",
        );
        assert_flags(RULE, Action, "Support with housing.", "Support");
        assert_flags(
            RULE,
            Action,
            "Support Mum with her benefits claim.",
            "Support",
        );
    }

    #[test]
    fn quoted_words_are_the_familys_own() {
        assert_clean(
            RULE,
            Need,
            "Mum said 'it's an ongoing battle' with Tommy's sleep.",
        );
        assert_clean(
            RULE,
            Need,
            "Mum said “it’s an ongoing battle” with Tommy’s sleep.",
        );
        assert_clean(
            RULE,
            Need,
            "Dad said \"I need support\" with the school run.",
        );
    }

    #[test]
    fn a_monitor_that_is_a_device_is_not_vague() {
        assert_clean(RULE, Action, "Mum will use the baby monitor every night.");
        assert_clean(
            RULE,
            Need,
            "Amy needs a heart monitor fitted by the hospital.",
        );
        assert_clean(RULE, Action, "Dad will set up the monitor in Amy's room.");
        assert_flags(
            RULE,
            Action,
            "Dad will do the monitoring at night.",
            "monitoring",
        );
    }

    #[test]
    fn age_appropriate_names_its_yardstick() {
        assert_clean(RULE, Action, "Mum will buy age-appropriate toys.");
        assert_clean(RULE, Action, "Mum will buy age appropriate toys.");
        assert_flags(
            RULE,
            Action,
            "Mum will buy appropriate toys.",
            "appropriate",
        );
    }

    #[test]
    fn the_views_are_not_checked() {
        assert_clean(RULE, ViewsParents, "We want ongoing support with Tommy.");
        assert_clean(RULE, ViewsChild, "I want someone to support me.");
    }

    #[test]
    fn clean_and_tidy_is_left_to_subjective_term() {
        assert_clean(RULE, Outcome, "The house will be clean and tidy.");
    }

    #[test]
    fn ongoing_in_by_when_becomes_a_frequency_until_the_first_review() {
        assert_suggestion_result(
            RULE,
            ByWhen,
            "Ongoing",
            "Every [2 weeks] from [start date] until the review on 16 February 2027",
        );
        assert_suggestion_result(
            RULE,
            ByWhen,
            "Sessions ongoing",
            "Sessions every [2 weeks] from [start date] until the review on 16 February 2027",
        );
    }

    #[test]
    fn asap_becomes_a_date() {
        assert_suggestion_result(
            RULE,
            Action,
            "Mum will book a GP appointment ASAP.",
            "Mum will book a GP appointment by [date].",
        );
        assert_suggestion_result(RULE, ByWhen, "ASAP", "By [date]");
    }

    #[test]
    fn profile_words_are_flagged_too() {
        let plan = crate::rules::testing::tommy_plan();
        let mut profile = crate::profile::Profile::default_profile();
        profile.extra_vague_words = vec!["keep an eye on".to_owned(), " ".to_owned()];
        let calendar = crate::Calendar::new(plan.region);
        let text = "Sam will keep an eye on Tommy. Mum said 'keep an eye on him'.";
        let context = crate::rules::testing::first_row_context(
            Action, text, &plan, &profile, &calendar, None,
        );
        let mut findings = Vec::new();
        VagueTerm.check_field(&context, &mut findings);
        assert_eq!(findings.len(), 1, "{findings:#?}");
        assert_eq!(findings[0].span, Some(9..23));
        assert!(findings[0].message.contains("keep an eye on"));
    }
}
