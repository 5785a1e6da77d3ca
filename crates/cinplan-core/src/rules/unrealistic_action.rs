//! `unrealistic-action`: an action that asks for a sudden, total change.

use std::ops::Range;
use std::sync::LazyLock;

use crate::rules::word_regex::WordRegex;
use crate::text::sort_ranges;

use super::facts::{has_match, pattern};
use super::{FieldContext, FieldName, Rule, RuleDocs, RuleMeta};
use crate::finding::{RawFinding, RawSuggestion, Severity, Smart};

#[derive(Debug)]
pub struct UnrealisticAction;

pub static META: RuleMeta = RuleMeta {
    id: "unrealistic-action",
    severity: Severity::Warning,
    smart: &[Smart::R],
    fields: &[FieldName::Action],
    source: "004 What do we mean by 'realistic'?; 000 Actions to reduce risks/needs",
    docs: RuleDocs {
        summary: "Flags an action that asks for a sudden, total change with no specialist's \
                  plan: \"stop drinking\", \"never … again\", \"immediately\", \"completely\", \
                  \"at all times\".",
        why: "\"It would not be realistic (or indeed safe) to expect a parent with long term \
              alcohol misuse issues to suddenly stop drinking. This aspect of the plan would \
              need to be carefully developed with the input of a specialist practitioner\" \
              (004 What do we mean by 'realistic'?). Actions beyond a parent's capacity do not \
              help or engage them (000 Actions to reduce risks/needs).",
        example: "Dad to stop drinking",
        instead: "Dad to meet Ali Khan at the Turning Point alcohol service by 4 December 2026 to agree a plan to cut down his drinking safely.",
    },
};

/// Giving up a substance or a habit outright.
static SUBSTANCE: LazyLock<Option<WordRegex>> = LazyLock::new(|| {
    pattern(
        r"(?i)\b(?:stop|stops|quit|give\s+up|cease|cut\s+out)\s+(?:(?:all|any)\s+)?(?:drinking|using(?:\s+(?:drugs|cannabis|alcohol))?|taking\s+drugs|smoking(?:\s+cannabis)?|alcohol|drugs|cannabis|gambling)\b|\b(?:total(?:ly)?\s+)?abstin(?:ent|ence)\b|\babstain\b|\bno\s+(?:alcohol|drugs|cannabis)\s+at\s+all\b",
    )
});

/// Absolutes: all at once, for ever, without fail.
static ABSOLUTE: LazyLock<Option<WordRegex>> = LazyLock::new(|| {
    pattern(
        r"(?i)\bnever\s+(?:[\w'’-]+\s+){0,5}?again\b|\bat\s+all\s+times\b|\b(?:stop|change|end|give\s+up|improve)\w*\s+(?:[\w'’-]+\s+){0,3}?(?:immediately|straight\s+away|overnight|completely)\b|\b(?:immediately|completely)\s+(?:stop|change|end|give\s+up|abstain|cut\s+out)\b|\b100\s?%",
    )
});

/// Signs the change is planned with a specialist, step by step.
static SPECIALIST_PLAN: LazyLock<Option<WordRegex>> = LazyLock::new(|| {
    pattern(
        r"(?i)\b(?:specialist|detox|reduction\s+plan|reduce|reducing|cut\s+down|gradually|step\s+by\s+step|treatment|recovery|alcohol\s+service|drug\s+service|substance\s+misuse\s+service|with\s+(?:the\s+)?(?:help|support)\s+of|prescribed|gp)\b",
    )
});

impl Rule for UnrealisticAction {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_field(&self, context: &FieldContext<'_>, findings: &mut Vec<RawFinding>) {
        let text = context.text;
        let planned = has_match(SPECIALIST_PLAN.as_ref(), text);
        let mut spans: Vec<Range<usize>> = Vec::new();
        if !planned {
            spans.extend(
                SUBSTANCE
                    .as_ref()
                    .into_iter()
                    .flat_map(|regex| regex.find_all(text))
                    .map(|found| found.range()),
            );
        }
        spans.extend(
            ABSOLUTE
                .as_ref()
                .into_iter()
                .flat_map(|regex| regex.find_all(text))
                .map(|found| found.range()),
        );
        for span in merge_overlapping(spans) {
            let flagged = text.get(span.clone()).unwrap_or_default();
            let mut finding = META.finding(
                context.pointer,
                Some(span.clone()),
                format!(
                    "\"{flagged}\" asks for a sudden, total change: agree smaller steps, with a \
                     specialist where one is needed, that can be achieved by the first review.",
                    flagged = super::quote(flagged)
                ),
            );
            finding.suggestions.push(RawSuggestion::replace_field(
                "Plan the change with a specialist",
                "[Dad] to meet [name] at [the alcohol service] by [date] to agree a safe plan to [cut down his drinking].",
            ));
            findings.push(finding);
        }
    }
}

/// Overlapping ranges joined into one, in order.
fn merge_overlapping(mut spans: Vec<Range<usize>>) -> Vec<Range<usize>> {
    sort_ranges(&mut spans);
    let mut merged: Vec<Range<usize>> = Vec::new();
    for span in spans {
        match merged.last_mut() {
            Some(last) if span.start < last.end => last.end = last.end.max(span.end),
            _ => merged.push(span),
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_clean, assert_count, assert_flags};
    use crate::rules::FieldName::Action;

    const RULE: &str = "unrealistic-action";

    #[test]
    fn sudden_total_change_is_flagged() {
        assert_flags(RULE, Action, "Dad to stop drinking", "stop drinking");
        assert_flags(
            RULE,
            Action,
            "Mum will never leave Tommy alone again",
            "never leave Tommy alone again",
        );
        assert_flags(
            RULE,
            Action,
            "Tommy to be supervised at all times",
            "at all times",
        );
        assert_flags(
            RULE,
            Action,
            "Dad to stop using cannabis immediately",
            "stop using cannabis immediately",
        );
    }

    #[test]
    fn overlapping_phrases_are_one_finding() {
        assert_count(RULE, Action, "Dad to stop drinking immediately", 1);
    }

    #[test]
    fn change_planned_with_a_specialist_passes() {
        assert_clean(
            RULE,
            Action,
            "Dad to meet Ali Khan at the alcohol service to agree a plan to reduce his drinking.",
        );
        assert_clean(
            RULE,
            Action,
            "Mum will call the police immediately if Dad comes to the house.",
        );
        assert_clean(RULE, Action, "Mum and step-dad both learn coping strategies for managing conflict calmly and safely.");
    }
}
