//! `jargon`: acronyms and professional jargon a family will not know.

use crate::finding::{RawFinding, RawSuggestion, Severity};
use crate::glossary::{self, GlossaryEntry};
use crate::rules::word_list;
use crate::rules::{FieldContext, FieldName, Rule, RuleDocs, RuleMeta};

/// See [`META`].
#[derive(Debug)]
pub struct Jargon;

pub static META: RuleMeta = RuleMeta {
    id: "jargon",
    severity: Severity::Warning,
    smart: &[],
    // Not the child's or the parents' views: a family may use the words they have heard.
    fields: &[
        FieldName::Need,
        FieldName::Action,
        FieldName::ByWhom,
        FieldName::ByWhen,
        FieldName::Outcome,
        FieldName::Progress,
        FieldName::Visiting,
        FieldName::ReviewFrequency,
        FieldName::Contingency,
        FieldName::ViewsOthers,
    ],
    source: "003 Child in Need plan (the plan should be clearly set out to avoid jargon); 004 \
             KEEP IT SIMPLE!",
    docs: RuleDocs {
        summary: "Flags acronyms and professional jargon a family will not know (CIN, CAMHS, \
                  S47, SSWOP, \"core group\", \"strategy discussion\", \"threshold\" …) unless \
                  the field explains them, and offers plain words from the glossary.",
        why: "Leicestershire's procedure (003) says the plan should be clearly set out to \
              avoid jargon, and that the parent, carer and young person should be helped to \
              understand it. City of York's guidance (004, KEEP IT SIMPLE!) says to always ask \
              the child and parents if they understand what is written: if they can't \
              understand what is being asked of them, how are they going to make progress? A \
              term is not flagged when the same field explains it: its expansion written out \
              (\"Child and Adolescent Mental Health Services\"), or an explanation in brackets \
              or after a dash (\"CAMHS (the NHS mental health service for children)\"). The \
              child's and parents' views and quotations are their own words and are not \
              checked.",
        example: "Referral to CAMHS to be discussed at core group.",
        instead: "Sam Jones will ask the children's mental health service to see Tommy by 4 \
                  December 2026.",
    },
};

fn message(entry: &GlossaryEntry, found: &str) -> String {
    if entry.expansion.is_empty() {
        format!(
            "\"{found}\" is professional jargon a family may not know: say it in plain words \
             or explain it."
        )
    } else {
        format!(
            "\"{found}\" ({}) is professional shorthand a family may not know: say it in \
             plain words or explain it.",
            entry.expansion
        )
    }
}

fn suggestions(entry: &GlossaryEntry, found: &str, at_sentence_start: bool) -> Vec<RawSuggestion> {
    let mut suggestions = Vec::new();
    if !entry.plain.is_empty() {
        let plain = if at_sentence_start {
            capitalise_first(entry.plain)
        } else {
            entry.plain.to_owned()
        };
        suggestions.push(RawSuggestion::replace_range("Say it in plain words", plain));
    }
    suggestions.push(RawSuggestion::replace_range(
        "Keep it and explain it",
        format!("{found} ({})", entry.meaning),
    ));
    suggestions
}

fn capitalise_first(text: &str) -> String {
    let mut characters = text.chars();
    match characters.next() {
        Some(first) => first.to_uppercase().chain(characters).collect(),
        None => String::new(),
    }
}

impl Rule for Jargon {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_field(&self, context: &FieldContext<'_>, findings: &mut Vec<RawFinding>) {
        let quotes = word_list::Quotes::of(context.text);
        for one in glossary::find(context.text) {
            if one.explained || quotes.contain(&one.range) {
                continue;
            }
            let found = context.text.get(one.range.clone()).unwrap_or("");
            let at_sentence_start = word_list::starts_sentence(context.text, one.range.start);
            let mut finding = META.finding(
                context.pointer,
                Some(one.range.clone()),
                message(one.entry, found),
            );
            finding.suggestions = suggestions(one.entry, found, at_sentence_start);
            findings.push(finding);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{
        assert_clean, assert_count, assert_flags, assert_suggestion_result,
    };
    use FieldName::{Action, Contingency, Need, ViewsChild, ViewsOthers, ViewsParents};

    const RULE: &str = "jargon";

    #[test]
    fn acronyms_and_phrases_are_flagged() {
        assert_flags(RULE, Action, "Referral to CAMHS.", "CAMHS");
        assert_flags(RULE, Need, "Tommy was subject to a S47 enquiry.", "S47");
        assert_flags(
            RULE,
            Contingency,
            "If Mum is hit again a strategy discussion will be held.",
            "strategy discussion",
        );
        assert_count(RULE, Action, "CIN review and core group on the same day", 2);
    }

    #[test]
    fn everyday_words_in_small_letters_are_not_acronyms() {
        assert_clean(
            RULE,
            Action,
            "Mum will cut down on salt and make mash on Sundays.",
        );
    }

    #[test]
    fn an_explained_term_is_clean() {
        assert_clean(
            RULE,
            Action,
            "Referral to CAMHS (the NHS mental health service for children) by 4 December 2026.",
        );
        assert_clean(
            RULE,
            Action,
            "Referral to Child and Adolescent Mental Health Services (CAMHS).",
        );
    }

    #[test]
    fn the_familys_views_are_their_own_words() {
        assert_clean(RULE, ViewsChild, "I don't like the CIN meetings.");
        assert_clean(RULE, ViewsParents, "The core group was too big.");
        assert_flags(RULE, ViewsOthers, "School will send the EHCP.", "EHCP");
        assert_clean(RULE, Need, "Mum said 'the CP plan scared me'.");
    }

    #[test]
    fn plain_words_replace_the_term() {
        assert_suggestion_result(
            RULE,
            Action,
            "Referral to CAMHS.",
            "Referral to the children's mental health service.",
        );
        assert_suggestion_result(
            RULE,
            Action,
            "CIN review on 16 February 2027.",
            "Child in Need review on 16 February 2027.",
        );
    }

    #[test]
    fn a_term_with_no_plain_words_is_explained() {
        let found = crate::rules::testing::findings_of(
            RULE,
            Action,
            "Plan to step down in March.",
            &crate::rules::testing::tommy_plan(),
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].suggestions.len(), 1);
        assert!(found[0].suggestions[0]
            .replacement
            .starts_with("step down (moving to a lower level of help"));
    }

    #[test]
    fn every_glossary_explanation_and_plain_wording_is_itself_clean() {
        let plan = crate::rules::testing::tommy_plan();
        for entry in glossary::entries() {
            let mut wordings = vec![format!("{} ({})", entry.term, entry.meaning)];
            if !entry.plain.is_empty() {
                wordings.push(entry.plain.to_owned());
            }
            for wording in wordings {
                let text = format!("Sam Jones will talk to Mum about {wording}.");
                let problems: Vec<_> = crate::rules::testing::all_findings(Action, &text, &plan)
                    .into_iter()
                    .filter(|finding| finding.severity >= Severity::Warning)
                    .collect();
                assert!(problems.is_empty(), "{text:?}: {problems:#?}");
            }
        }
    }
}
