//! `outcome-not-measurable`: an outcome that is a feeling with no sign anyone could see.

use std::sync::LazyLock;

use crate::rules::word_regex::WordRegex;

use super::facts::{
    child_for_rewrite, first_review_for_rewrite, has_match, lead_for_rewrite, pattern,
};
use super::{FieldContext, FieldName, Rule, RuleDocs, RuleMeta};
use crate::finding::{RawFinding, RawSuggestion, Severity, Smart};

#[derive(Debug)]
pub struct OutcomeNotMeasurable;

pub static META: RuleMeta = RuleMeta {
    id: "outcome-not-measurable",
    severity: Severity::Error,
    smart: &[Smart::M],
    fields: &[FieldName::Outcome],
    source: "000 Needs/risks identified (the unhelpful Tommy plan); 004 What do we mean by 'measurable'?",
    docs: RuleDocs {
        summary: "Flags an outcome that is only a feeling or a hope (\"will be happier\", \"will \
                  feel better\", \"will improve\") with no sign anyone could see, hear or count.",
        why: "\"Tommy will be happier\" is the guidance's own example of an unhelpful outcome \
              (000). Outcomes must be measurable so that families and practitioners can see \
              progress and notice quickly when a plan is not working; feelings can be measured \
              through what the child says and does (004 What do we mean by 'measurable'?). \
              Say what the child will be able to say, tell or show, or give a count or a \
              frequency.",
        example: "Tommy will be happier",
        instead: "Tommy will be able to tell Sam that he feels safe at home and is not worried about his mum being hurt.",
    },
};

/// A feeling or an improvement with nothing to measure it by.
static FEELING: LazyLock<Option<WordRegex>> = LazyLock::new(|| {
    pattern(
        r"(?i)\b(?:will|would|should|to|can|must)\s+(?:(?:be|feel|become|seem|appear|get|look)\s+)?(?:(?:much|a\s+lot|far|a\s+bit|more|less|even|so)\s+)*(?:happier|happy|better|safer|safe|calmer|calm|confident|settled|anxious|worried|secure|content|positive|well|okay|ok|stable|improved|healthier|loved|valued)\b|\b(?:will|should|would)\s+(?:(?:continue|start|begin)\s+to\s+)?(?:improve|get\s+better|progress|be\s+improved|increase)\b",
    )
});

/// A sign someone could see, hear or count.
static OBSERVABLE: LazyLock<Option<WordRegex>> = LazyLock::new(|| {
    pattern(
        r"(?i)\b(?:able\s+to\s+(?:say|tell|show|explain|name|describe|identify|talk|use|list|demonstrate|recogni[sz]e|manage|keep|go|sleep|attend|get|ask|speak)|(?:will|can|to)\s+(?:say|tell|show|explain|describe|name|identify|report|attend|go|sleep|eat|arrive|have\s+(?:no|fewer|less|at\s+least)|be\s+seen|be\s+in\s+school|be\s+at\s+school|get\s+to\s+school)|say[s]?\s+(?:that|he|she|they)|tells?|reports?|recorded|seen\s+by|observed|no\s+more|no\s+further|no\s+(?:incidents?|arguments?|absences?|exclusions?|injur(?:y|ies)|bruis(?:es|ing)|missed|police|call-?outs?)|fewer|less\s+than|more\s+than|at\s+least|at\s+most|every\s+(?:day|night|week|morning|evening|school\s+day)|each\s+(?:day|night|week|morning|evening)|(?:times?|nights?|days?)\s+(?:a|per|each)\s+(?:day|week|month)|per\s*cent|percent|out\s+of|scor(?:e|es|ed|ing)|scale|on\s+time|one|two|three|four|five|six|seven|eight|nine|ten|twice)\b|\d|%",
    )
});

impl Rule for OutcomeNotMeasurable {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_field(&self, context: &FieldContext<'_>, findings: &mut Vec<RawFinding>) {
        let text = context.text;
        if has_match(OBSERVABLE.as_ref(), text) {
            return;
        }
        let Some(regex) = FEELING.as_ref() else {
            return;
        };
        let plan = context.plan;
        let child = child_for_rewrite(plan);
        let lead = lead_for_rewrite(plan);
        let review = first_review_for_rewrite(plan);
        for found in regex.find_all(text) {
            let mut finding = META.finding(
                context.pointer,
                Some(found.range()),
                format!(
                    "\"{}\" cannot be seen or counted: say what {} will be able to say, tell or \
                     show, or give a count or a frequency.",
                    found.as_str(),
                    plan.child_name()
                ),
            );
            finding.suggestions.push(RawSuggestion::replace_field(
                "Say what the child will be able to say",
                format!("{child} will be able to tell {lead} [what is different for {child}] by the review on {review}."),
            ));
            finding.suggestions.push(RawSuggestion::replace_field(
                "Give a frequency",
                format!("{child} will [sleep through the night] at least [5] times a week by the review on {review}."),
            ));
            findings.push(finding);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{
        assert_clean, assert_count, assert_flags, assert_suggestion_result,
    };
    use crate::rules::FieldName::Outcome;

    const RULE: &str = "outcome-not-measurable";

    #[test]
    fn feelings_with_no_sign_are_flagged() {
        assert_flags(RULE, Outcome, "Tommy will be happier", "will be happier");
        assert_flags(
            RULE,
            Outcome,
            "Lily will feel better about herself",
            "will feel better",
        );
        assert_flags(RULE, Outcome, "Things at home will improve", "will improve");
        assert_flags(
            RULE,
            Outcome,
            "Tommy to be more confident",
            "to be more confident",
        );
    }

    #[test]
    fn observable_signs_pass() {
        assert_clean(RULE, Outcome, "There will be no more violent arguments between Mum and step-dad, and Tommy will feel safer and more secure at home.");
        assert_clean(RULE, Outcome, "Tommy will have learnt how to talk about things that make him unhappy. He will be able to say that he feels safe at home now and isn't worried about his mum being hurt.");
        assert_clean(
            RULE,
            Outcome,
            "Lily will be happier and will go to school every day.",
        );
        assert_clean(
            RULE,
            Outcome,
            "Lily's attendance will improve to 95% by the review.",
        );
        assert_clean(
            RULE,
            Outcome,
            "Tommy will sleep in his own bed at least 5 nights a week.",
        );
    }

    #[test]
    fn each_feeling_is_its_own_finding() {
        assert_count(
            RULE,
            Outcome,
            "Tommy will be happier and Mum will feel calmer",
            2,
        );
    }

    #[test]
    fn suggestion_uses_the_childs_and_lead_professionals_names() {
        assert_suggestion_result(
            RULE,
            Outcome,
            "Tommy will be happier",
            "Tommy will be able to tell Sam Jones [what is different for Tommy] by the review on 16 February 2027.",
        );
    }
}
