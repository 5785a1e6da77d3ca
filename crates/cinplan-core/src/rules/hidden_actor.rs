//! `hidden-actor`: a passive action that hides who will act.

use std::sync::LazyLock;

use crate::rules::word_regex::WordRegex;

use super::facts::{action_row, lead_for_rewrite, pattern};
use super::people::{begins_with_by_someone, names_someone};
use super::{FieldContext, FieldName, Rule, RuleDocs, RuleMeta};
use crate::finding::{RawFinding, RawSuggestion, Severity, Smart};

#[derive(Debug)]
pub struct HiddenActor;

pub static META: RuleMeta = RuleMeta {
    id: "hidden-actor",
    severity: Severity::Warning,
    smart: &[Smart::S],
    fields: &[FieldName::Action],
    source: "000 By whom?; 004 What do we mean by 'specific'?",
    docs: RuleDocs {
        summary: "Flags an action in the passive voice (\"a referral will be made\", \"Tommy \
                  will be assessed\") that hides who will act, when \"By whom\" does not name \
                  anyone either.",
        why: "\"The person or people responsible for the actions should be named\" (000 By \
              whom?), and the plan should be specific about \"who is responsible for what \
              aspects of the plan\" (004 What do we mean by 'specific'?). \"Will be made\" \
              leaves everyone thinking someone else will make it.",
        example: "A referral will be made to the Beacon House counselling service",
        instead: "Sam Jones will make a referral to the Beacon House counselling service",
    },
};

/// A modal or "to" with "be" and a past participle: "will be made", "to be completed".
static PASSIVE: LazyLock<Option<WordRegex>> = LazyLock::new(|| {
    pattern(
        r"(?i)\b(?:will|shall|is\s+to|are\s+to|to|needs?\s+to|must|should|would|can|could|may)\s+(?:(?:also|then|now|still|regularly|fully|all)\s+)?be\s+(?:[a-z]+ly\s+)?([a-z]+(?:ed|en)|made|done|sent|seen|held|put|sought|kept|met|told|taught|shown|set\s+up|brought|given|taken|undertaken|written|found|paid|run|led|carried\s+out)\b",
    )
});

/// Participles that describe the subject rather than hide an actor.
const DESCRIBING: &[&str] = &[
    "involved",
    "interested",
    "concerned",
    "worried",
    "married",
    "based",
    "pleased",
    "committed",
    "determined",
    "settled",
    "scared",
    "tired",
    "bored",
    "excited",
    "relaxed",
    "used",
    "supposed",
    "expected",
    "required",
    "allowed",
    "prepared",
    "engaged",
    "motivated",
    "frightened",
    "upset",
    "confused",
    "ashamed",
    "qualified",
    "entitled",
    "aged",
    "open",
    "given",
    "happen",
];

impl Rule for HiddenActor {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_field(&self, context: &FieldContext<'_>, findings: &mut Vec<RawFinding>) {
        let plan = context.plan;
        let text = context.text;
        // Most actions have no passive at all: find that out before reading the row's "By
        // whom" for names, which costs more (measured: 3% of a 40-row plan's check).
        let Some(regex) = PASSIVE.as_ref().filter(|regex| regex.is_match(text)) else {
            return;
        };
        // A passive action in a row whose "By whom" names someone says who acts there.
        if action_row(plan, context.need_index, context.action_index)
            .is_some_and(|row| names_someone(&row.by_whom, plan))
        {
            return;
        }
        for captures in regex.captures_all(text) {
            let (Some(whole), Some(participle)) = (captures.get(0), captures.get(1)) else {
                continue;
            };
            if DESCRIBING.contains(&participle.as_str().to_lowercase().as_str())
                || in_a_clause_about_something_else(text, whole.start())
            {
                continue;
            }
            // "will be made by Sam Jones" names the actor.
            if begins_with_by_someone(text.get(whole.end()..).unwrap_or_default(), plan) {
                continue;
            }
            let mut finding = META.finding(
                context.pointer,
                Some(whole.range()),
                format!(
                    "\"{}\" does not say who will do it: name the person, here or in \"By whom\".",
                    super::quote(whole.as_str())
                ),
            );
            finding.suggestions.push(RawSuggestion::replace_range(
                "Say who",
                format!("{} by [name]", whole.as_str()),
            ));
            let lead = lead_for_rewrite(plan);
            if !lead.starts_with('[') {
                finding.suggestions.push(RawSuggestion::replace_range(
                    format!("Say it is {lead}"),
                    format!("{} by {lead}", whole.as_str()),
                ));
            }
            findings.push(finding);
        }
    }
}

/// Whether the passive sits in a clause such as "what repairs will be done" or "how it
/// will be paid for": it describes the work of whoever the sentence names, not a task of
/// its own.
fn in_a_clause_about_something_else(text: &str, passive_start: usize) -> bool {
    let before = text.get(..passive_start).unwrap_or_default();
    let sentence = before.rsplit(['.', ';', '\n']).next().unwrap_or_default();
    sentence.split_whitespace().rev().take(4).any(|word| {
        matches!(
            word.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
                .as_str(),
            "what" | "which" | "how" | "whether" | "where" | "when"
        )
    })
}

#[cfg(test)]
mod tests {
    use crate::plan::Plan;
    use crate::rules::plan_testing::{good_plan, row_findings};
    use crate::rules::FieldName::Action;

    const RULE: &str = "hidden-actor";

    /// Tommy's plan with nobody in row 0's "By whom".
    fn nobody_named() -> Plan {
        let mut plan = good_plan();
        plan.needs[0].actions[0].by_whom = String::new();
        plan
    }

    #[track_caller]
    fn flags(text: &str, expected: &str) {
        let found = row_findings(RULE, Action, text, &nobody_named());
        let span = found
            .first()
            .and_then(|finding| finding.span.clone())
            .unwrap_or_else(|| panic!("nothing in {text:?}"));
        assert_eq!(&text[span], expected);
    }

    #[track_caller]
    fn clean(text: &str, plan: &Plan) {
        let found = row_findings(RULE, Action, text, plan);
        assert!(found.is_empty(), "{text:?}: {found:#?}");
    }

    #[test]
    fn passives_that_hide_the_actor_are_flagged() {
        flags("A referral will be made to CAMHS", "will be made");
        flags(
            "Tommy will be assessed by 4 December 2026",
            "will be assessed",
        );
        flags("Referral to be completed", "to be completed");
        flags(
            "Mum needs to be supported with budgeting",
            "needs to be supported",
        );
    }

    #[test]
    fn passives_with_an_actor_pass() {
        clean("A referral will be made by Sam Jones", &nobody_named());
        clean("Tommy will be seen by the school nurse", &nobody_named());
        clean(
            "Tommy needs to be able to talk about the violence he has seen",
            &nobody_named(),
        );
        clean("Dad to be involved in the sessions", &nobody_named());
        clean(
            "Lee Grant will tell Mum in writing what repairs will be done and when",
            &nobody_named(),
        );
    }

    #[test]
    fn a_named_by_whom_names_the_actor() {
        clean("A referral will be made to CAMHS", &good_plan());
    }

    #[test]
    fn suggestion_adds_the_actor() {
        let found = row_findings(
            RULE,
            Action,
            "A referral will be made to CAMHS",
            &nobody_named(),
        );
        let first = &found[0];
        let applied =
            crate::rules::testing::apply_suggestion("A referral will be made to CAMHS", first, 0);
        assert_eq!(
            applied.as_deref(),
            Some("A referral will be made by [name] to CAMHS")
        );
        assert_eq!(
            first.suggestions[1].replacement,
            "will be made by Sam Jones"
        );
    }
}
