//! `outcome-not-child-focused`: an outcome about what adults will do, not about the child.

use std::sync::LazyLock;

use crate::rules::word_regex::WordRegex;

use super::facts::{child_for_rewrite, child_name_words, lead_for_rewrite, pattern};
use super::{FieldContext, FieldName, Rule, RuleDocs, RuleMeta};
use crate::finding::{RawFinding, RawSuggestion, Severity, Smart};

#[derive(Debug)]
pub struct OutcomeNotChildFocused;

pub static META: RuleMeta = RuleMeta {
    id: "outcome-not-child-focused",
    severity: Severity::Warning,
    smart: &[Smart::S],
    fields: &[FieldName::Outcome],
    source: "000 Outcomes (what will be different for the child/young person?); 004 The relationship between Needs, Outcomes and Plans (the Mr Brown example)",
    docs: RuleDocs {
        summary: "Flags an outcome that says what adults will do (attend, complete, engage, \
                  keep appointments) but not what will be different for the child.",
        why: "The outcomes column asks \"what will be different for the child/young person?\" \
              (000 Outcomes). \"Just because he/she attends, that doesn't necessarily mean \
              anything\": attending eight sessions is not an outcome; \"Mr Brown will be able to \
              explain … the detrimental impact that domestic violence can have on his son\" is \
              (004, the Mr Brown example).",
        example: "Mum will attend all the sessions",
        instead: "Mum will be able to explain to Sam how the arguments affect Tommy, and Tommy will tell Sam there has been no shouting at home.",
    },
};

/// Adults doing what the plan asks, with nothing about the result.
static PROCESS: LazyLock<Option<WordRegex>> = LazyLock::new(|| {
    pattern(
        r"(?i)\b(?:(?:will|to|should|must|would|has|have)\s+(?:(?:fully|regularly|consistently|successfully|all|both)\s+)?(?:attend(?:ed)?|complete[d]?|engage[d]?|keep\s+(?:all\s+)?(?:the\s+)?(?:appointments|sessions)|kept\s+(?:all\s+)?(?:the\s+)?(?:appointments|sessions)|go\s+to|take\s+part|participate|finish(?:ed)?|accept(?:ed)?|co-?operate|comply|sign\s+up|enrol|be\s+referred|be\s+completed|be\s+attended|be\s+offered|be\s+provided)|attendance\s+at|completion\s+of|engagement\s+with|(?:sessions?|course|programme|appointments?|referral)\s+(?:will\s+be\s+|to\s+be\s+|is\s+|are\s+)?(?:attended|completed|kept|made|accepted))\b",
    )
});

static CHILD_WORDS: LazyLock<Option<WordRegex>> = LazyLock::new(|| {
    pattern(
        r"(?i)\b(?:child|children|baby|babies|young\s+person|young\s+people|son|sons|daughter|daughters|kids?|siblings?)\b",
    )
});

fn mentions_the_child(text: &str, name_words: &[String]) -> bool {
    if super::facts::has_match(CHILD_WORDS.as_ref(), text) {
        return true;
    }
    text.split(|character: char| !character.is_alphanumeric() && character != '\'')
        .map(|word| {
            let lower = word.to_lowercase();
            lower.strip_suffix("'s").map(str::to_owned).unwrap_or(lower)
        })
        .any(|word| name_words.contains(&word))
}

impl Rule for OutcomeNotChildFocused {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_field(&self, context: &FieldContext<'_>, findings: &mut Vec<RawFinding>) {
        let text = context.text;
        let plan = context.plan;
        if mentions_the_child(text, &child_name_words(plan)) {
            return;
        }
        let Some(found) = PROCESS.as_ref().and_then(|regex| regex.find(text)) else {
            return;
        };
        let child = child_for_rewrite(plan);
        let lead = lead_for_rewrite(plan);
        let mut finding = META.finding(
            context.pointer,
            Some(found.range()),
            format!(
                "\"{}\" says what adults will do, not what will be different for {}: say what \
                 {} will see, say or do differently.",
                found.as_str(),
                plan.child_name(),
                plan.child_name()
            ),
        );
        finding.suggestions.push(RawSuggestion::replace_field(
            "Say what will be different for the child",
            format!(
                "[Mum] will be able to explain to {lead} how [the arguments at home] affect {child}, and {child} will [say what has changed at home]."
            ),
        ));
        findings.push(finding);
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_clean, assert_flags, assert_suggestion_result};
    use crate::rules::FieldName::Outcome;

    const RULE: &str = "outcome-not-child-focused";

    #[test]
    fn adults_attending_or_completing_is_flagged() {
        assert_flags(
            RULE,
            Outcome,
            "Mum will attend all the sessions",
            "will attend",
        );
        assert_flags(
            RULE,
            Outcome,
            "Dad to complete the Freedom Programme",
            "to complete",
        );
        assert_flags(
            RULE,
            Outcome,
            "Parents will engage with the service",
            "will engage",
        );
        assert_flags(RULE, Outcome, "All sessions attended", "sessions attended");
    }

    #[test]
    fn outcomes_about_the_child_pass() {
        assert_clean(RULE, Outcome, "Mum will attend all sessions and Tommy will tell Sam that there is no shouting at home.");
        assert_clean(RULE, Outcome, "Tommy will attend school every day.");
        assert_clean(
            RULE,
            Outcome,
            "Mr Brown will be able to explain the harm that domestic abuse does to his son.",
        );
        assert_clean(RULE, Outcome, "There will be no more violent arguments between Mum and step-dad, and Tommy will feel safer and more secure at home.");
    }

    #[test]
    fn suggestion_names_the_child_and_lead() {
        assert_suggestion_result(
            RULE,
            Outcome,
            "Mum will attend all the sessions",
            "[Mum] will be able to explain to Sam Jones how [the arguments at home] affect Tommy, and Tommy will [say what has changed at home].",
        );
    }
}
