//! `vague-need`: a need that names only a feeling or a category.

use std::sync::LazyLock;

use crate::rules::word_regex::WordRegex;

use super::facts::{child_for_rewrite, has_match, pattern, trimmed_span};
use super::{FieldContext, FieldName, Rule, RuleDocs, RuleMeta};
use crate::finding::{RawFinding, RawSuggestion, Severity, Smart};

#[derive(Debug)]
pub struct VagueNeed;

pub static META: RuleMeta = RuleMeta {
    id: "vague-need",
    severity: Severity::Warning,
    smart: &[Smart::S],
    fields: &[FieldName::Need],
    source: "000 Needs/risks identified; 004 The relationship between Needs, Outcomes and Plans",
    docs: RuleDocs {
        summary: "Flags a need that names only a feeling or a category (\"very unhappy\", \
                  \"has emotional needs\", \"needs help with parenting\") without saying what \
                  happens to the child, when, or why.",
        why: "A clear, specific need can be answered by SMART actions; a feeling or a category \
              cannot. Where a child shows deep unhappiness, the assessment should have begun to \
              find what lies beneath it, and the plan must say so (000 Needs/risks identified). \
              \"The more specific the descriptions of need, the better the chances of fully \
              understanding the precise needs of the child\" (004 The relationship between \
              Needs, Outcomes and Plans).",
        example: "Tommy is very unhappy",
        instead: "Tommy becomes withdrawn and distressed when his mum and step-dad argue and \
                  his mum is hit.",
    },
};

/// A feeling or state with nothing about what happens.
static FEELING: LazyLock<Option<WordRegex>> = LazyLock::new(|| {
    pattern(
        r"(?i)\b(?:is|are|seems?|appears?|feels?|has\s+been|have\s+been|is\s+feeling|gets?|becomes?)\s+(?:(?:very|really|so|quite|extremely|often|always|sometimes|a\s+bit|increasingly)\s+)*(?:unhappy|sad|upset|angry|anxious|worried|depressed|low|stressed|struggling|distressed|withdrawn|unsettled|troubled|scared|frightened|lonely|confused|vulnerable|at\s+risk|not\s+coping|not\s+ok(?:ay)?|not\s+happy|difficult|challenging|out\s+of\s+control)\b",
    )
});

/// "has emotional needs", "has behavioural issues".
static CATEGORY: LazyLock<Option<WordRegex>> = LazyLock::new(|| {
    pattern(
        r"(?i)\b(?:has|have|with)\s+(?:(?:some|many|a\s+lot\s+of|lots\s+of|complex|additional|significant|unmet)\s+)*(?:emotional|behavioural|behavioral|mental\s+health|health|educational|social|developmental|attachment|parenting|family|wellbeing|well-being)\s+(?:needs|issues|problems|difficulties|concerns)\b",
    )
});

/// "needs help with parenting", "concerns about home conditions".
static HELP_WITH: LazyLock<Option<WordRegex>> = LazyLock::new(|| {
    pattern(
        r"(?i)\b(?:needs?|requires?|would\s+benefit\s+from|concerns?|issues?|problems?|difficulties)\s+(?:(?:some|more|extra)\s+)?(?:(?:help|support|input|assistance|advice|guidance|work)\s+)?(?:with|around|about|regarding|on)\s+(?:(?:her|his|their|the|its)\s+)?(?:parenting(?:\s+skills)?|behaviour|behavior|emotions|feelings|mental\s+health|emotional\s+(?:health|wellbeing|well-being)|wellbeing|well-being|routines?|boundaries|home\s+conditions|the\s+home|hygiene|neglect)\b",
    )
});

/// A bare category, the whole of the need: "Parenting", "Emotional wellbeing".
static BARE_CATEGORY: LazyLock<Option<WordRegex>> = LazyLock::new(|| {
    pattern(
        r"(?i)^\s*(?:(?:poor|low|unmet|general|some)\s+)?(?:emotional\s+(?:health|wellbeing|well-being|needs|issues)|emotional|parenting(?:\s+(?:capacity|skills|issues))?|neglect|domestic\s+(?:abuse|violence)|behaviour(?:al\s+(?:issues|needs|problems))?|school\s+attendance|attendance|mental\s+health|home\s+conditions|hygiene|health(?:\s+needs)?|education|housing|substance\s+misuse|alcohol|drugs|finances?|money|boundaries|routines?|wellbeing|well-being|safeguarding|risk|concerns?|family\s+issues)\s*\.?\s*$",
    )
});

/// What makes a need specific: what happens, when, where or why.
static SPECIFIC: LazyLock<Option<WordRegex>> = LazyLock::new(|| {
    pattern(
        r"(?i)\b(?:when|whenever|because|after|since|before|during|as\s+a\s+result|due\s+to|following|if|every|each|about\s+(?:going|being|seeing|leaving|\w+ing)|at\s+(?:night|bedtime|school|home|nursery|weekends?|contact)|times?|days?|weeks?|months?|mornings?|evenings?|nights?|said|says|told|tells|has\s+missed|has\s+been\s+(?:seen|found|left|excluded|hit)|was\s+(?:seen|found|left|hit)|cries|hits|shouts|wets|runs\s+away|refuses|self-harms?|\d)",
    )
});

impl Rule for VagueNeed {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_field(&self, context: &FieldContext<'_>, findings: &mut Vec<RawFinding>) {
        let text = context.text;
        if text.trim().is_empty() || has_match(SPECIFIC.as_ref(), text) {
            return;
        }
        let child = child_for_rewrite(context.plan);
        let (span, what) = if has_match(BARE_CATEGORY.as_ref(), text) {
            (trimmed_span(text), "a category")
        } else if let Some(found) = [&FEELING, &CATEGORY, &HELP_WITH]
            .into_iter()
            .filter_map(|regex| regex.as_ref().and_then(|regex| regex.find(text)))
            .min_by_key(|found| found.start())
        {
            let what = if has_match(FEELING.as_ref(), found.as_str()) {
                "a feeling"
            } else {
                "a category"
            };
            (found.range(), what)
        } else {
            return;
        };
        let flagged = text.get(span.clone()).unwrap_or(text).trim();
        let mut finding = META.finding(
            context.pointer,
            Some(span),
            format!(
                "\"{flagged}\" names {what}, not what happens to {child_name}, when, or why: \
                 say what the assessment found.",
                child_name = context.plan.child_name(),
                flagged = super::quote(flagged)
            ),
        );
        finding.suggestions.push(RawSuggestion::replace_field(
            "Say what happens, when",
            format!("{child} [becomes withdrawn and tearful] when [his parents argue at home]."),
        ));
        findings.push(finding);
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{
        assert_clean, assert_count, assert_flags, assert_suggestion_result,
    };
    use crate::rules::FieldName::Need;

    const RULE: &str = "vague-need";

    #[test]
    fn feelings_alone_are_flagged() {
        assert_flags(RULE, Need, "Tommy is very unhappy", "is very unhappy");
        assert_flags(RULE, Need, "Lily seems anxious.", "seems anxious");
        assert_flags(RULE, Need, "Mum is struggling", "is struggling");
    }

    #[test]
    fn categories_are_flagged() {
        assert_flags(
            RULE,
            Need,
            "Tommy has emotional needs",
            "has emotional needs",
        );
        assert_flags(
            RULE,
            Need,
            "Mum needs help with parenting",
            "needs help with parenting",
        );
        assert_flags(RULE, Need, "Parenting", "Parenting");
        assert_flags(
            RULE,
            Need,
            "  Emotional wellbeing. ",
            "Emotional wellbeing.",
        );
    }

    #[test]
    fn needs_that_say_what_happens_when_or_why_pass() {
        assert_clean(
            RULE,
            Need,
            "Tommy becomes withdrawn and distressed when his mum and step-dad have arguments and his Mum is hit.",
        );
        assert_clean(
            RULE,
            Need,
            "Lily is anxious about going to school and has missed 12 days this term.",
        );
        assert_clean(
            RULE,
            Need,
            "Tommy is upset at night because he hears shouting downstairs.",
        );
        assert_clean(RULE, Need, "");
    }

    #[test]
    fn concerns_about_a_category_are_still_a_category() {
        assert_flags(
            RULE,
            Need,
            "Concerns about home conditions.",
            "Concerns about home conditions",
        );
    }

    #[test]
    fn one_finding_per_need() {
        assert_count(
            RULE,
            Need,
            "Tommy is sad and is angry and has emotional needs",
            1,
        );
    }

    #[test]
    fn suggestion_keeps_the_child_named() {
        assert_suggestion_result(
            RULE,
            Need,
            "Tommy is very unhappy",
            "Tommy [becomes withdrawn and tearful] when [his parents argue at home].",
        );
    }
}
