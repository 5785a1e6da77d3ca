//! `negative-framing`: an outcome that says what should stop instead of what is wanted.

use std::sync::LazyLock;

use crate::rules::word_regex::WordRegex;

use super::facts::pattern;
use super::{FieldContext, FieldName, Rule, RuleDocs, RuleMeta};
use crate::finding::{RawFinding, RawSuggestion, Severity, Smart};

#[derive(Debug)]
pub struct NegativeFraming;

pub static META: RuleMeta = RuleMeta {
    id: "negative-framing",
    severity: Severity::Info,
    smart: &[Smart::A],
    fields: &[FieldName::Outcome],
    source: "004 The relationship between Needs, Outcomes and Plans",
    docs: RuleDocs {
        summary: "Points out an outcome framed as what must stop (\"stop …\", \"no longer …\", \
                  \"will not …\") rather than what is wanted.",
        why: "\"State the Outcomes as a positive i.e. what is wanted, rather than what is not \
              wanted. Parents respond better if asked to achieve some future positive\": \
              \"managing behaviour without hitting children\" is better than \"stop hitting \
              children\" (004 The relationship between Needs, Outcomes and Plans).",
        example: "Dad will stop shouting at Tommy",
        instead: "Dad will speak calmly to Tommy when he is cross, and Tommy will tell Sam that home feels calmer.",
    },
};

static NEGATIVE: LazyLock<Option<WordRegex>> = LazyLock::new(|| {
    pattern(
        r"(?i)\b(?:stop(?:s|ped|ping)?|no\s+longer|will\s+not|won['’]?t|will\s+never|never\s+again|refrain\s+from|cease[sd]?|not\s+to)\b",
    )
});

impl Rule for NegativeFraming {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_field(&self, context: &FieldContext<'_>, findings: &mut Vec<RawFinding>) {
        // One pointer per outcome is enough: the advice is the same for each phrase.
        let Some(found) = NEGATIVE.as_ref().and_then(|regex| regex.find(context.text)) else {
            return;
        };
        let mut finding = META.finding(
            context.pointer,
            Some(found.range()),
            format!(
                "\"{}\" says what should not happen: say what you want to see instead.",
                found.as_str()
            ),
        );
        finding.suggestions.push(RawSuggestion::advice(
            "Say what is wanted",
            "Picture the better care: what would you see or hear? For example \"managing \
             behaviour without hitting\" rather than \"stop hitting\".",
        ));
        findings.push(finding);
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_clean, assert_count, assert_flags};
    use crate::rules::FieldName::Outcome;

    const RULE: &str = "negative-framing";

    #[test]
    fn stopping_and_no_longer_are_pointed_out() {
        assert_flags(RULE, Outcome, "Dad will stop shouting at Tommy", "stop");
        assert_flags(
            RULE,
            Outcome,
            "Tommy will no longer see his parents fight",
            "no longer",
        );
        assert_flags(
            RULE,
            Outcome,
            "Mum won't leave Tommy alone at night",
            "won't",
        );
    }

    #[test]
    fn one_finding_per_outcome() {
        assert_count(
            RULE,
            Outcome,
            "Dad will stop drinking and will not shout",
            1,
        );
    }

    #[test]
    fn positive_outcomes_pass() {
        assert_clean(
            RULE,
            Outcome,
            "Dad will speak calmly to Tommy when he is cross.",
        );
        assert_clean(RULE, Outcome, "Tommy will be able to say that he feels safe at home now and isn't worried about his mum being hurt.");
    }
}
