//! `unnamed-owner`: "By whom" names no person.

use super::facts::{is_blank, trimmed_span};
use super::people::{mentions, unnamed_roles};
use super::{FieldContext, FieldName, Rule, RuleDocs, RuleMeta};
use crate::finding::{RawFinding, RawSuggestion, Severity, Smart};
use crate::plan::{Plan, Role};

#[derive(Debug)]
pub struct UnnamedOwner;

pub static META: RuleMeta = RuleMeta {
    id: "unnamed-owner",
    severity: Severity::Error,
    smart: &[Smart::S],
    fields: &[FieldName::ByWhom],
    source: "000 By whom?; 004 What do we mean by 'specific'?",
    docs: RuleDocs {
        summary: "Flags a \"By whom\" that names no person (\"a counsellor\", \"professionals\", \
                  \"all agencies\", \"school\", \"TBC\"), and roles with no name beside named \
                  people (\"Mum, with a worker from New Way\"). Family members by relationship \
                  (\"Mum\", \"step-dad\", \"Nan\") and the child count as named.",
        why: "\"The person or people responsible for the actions should be named\" (000 By \
              whom?): naming them shows who, and how many, work with the family, and shows \
              when people keep changing, which children and parents find hard. The plan \
              should say who is responsible for each part: \"a named practitioner or family \
              member\" (004 What do we mean by 'specific'?).",
        example: "A counsellor",
        instead: "Sam Jones, Specialist Family Intervention worker",
    },
};

impl Rule for UnnamedOwner {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_field(&self, context: &FieldContext<'_>, findings: &mut Vec<RawFinding>) {
        let text = context.text;
        // An empty "By whom" is `empty-field`'s.
        if text.trim().is_empty() {
            return;
        }
        let people = mentions(text, context.plan);
        if people.is_empty() || is_blank(text) {
            let span = trimmed_span(text);
            let flagged = text.get(span.clone()).unwrap_or(text);
            let mut finding = META.finding(
                context.pointer,
                Some(span),
                format!(
                    "\"{flagged}\" names no person: write who will do this by name (and, for a \
                     professional, their role and agency), or the family member by \
                     relationship (\"Mum\").",
                    flagged = super::quote(flagged)
                ),
            );
            finding.suggestions = suggestions_for(flagged, context.plan);
            findings.push(finding);
            return;
        }
        for span in unnamed_roles(text, &people) {
            let flagged = text.get(span.clone()).unwrap_or_default().to_owned();
            let role = without_article(&flagged);
            let mut finding = META.finding(
                context.pointer,
                Some(span),
                format!(
                    "\"{}\" is not a named person: say who, by name.",
                    super::quote(&flagged)
                ),
            );
            finding.suggestions.push(RawSuggestion::replace_range(
                "Name the person",
                format!("{role} [name]"),
            ));
            findings.push(finding);
        }
    }
}

fn without_article(text: &str) -> &str {
    let trimmed = text.trim();
    for article in ["a ", "an ", "the ", "any ", "some ", "one ", "all "] {
        if trimmed.len() > article.len()
            && trimmed
                .get(..article.len())
                .is_some_and(|start| start.eq_ignore_ascii_case(article))
        {
            return trimmed.get(article.len()..).unwrap_or(trimmed).trim();
        }
    }
    trimmed
}

/// Whether the text has a job title worth keeping beside the name ("counsellor", "CAMHS
/// worker"), rather than only an agency or a service ("Support from school", "SW and TM").
fn names_a_role(text: &str) -> bool {
    const ROLES: &[&str] = &[
        "worker",
        "workers",
        "teacher",
        "nurse",
        "counsellor",
        "counselor",
        "therapist",
        "visitor",
        "officer",
        "practitioner",
        "manager",
        "mentor",
        "doctor",
        "psychologist",
        "psychiatrist",
        "advisor",
        "adviser",
        "coordinator",
        "co-ordinator",
        "lead",
        "tutor",
        "midwife",
        "paediatrician",
        "clinician",
        "volunteer",
        "keyworker",
        "advocate",
        "head",
        "headteacher",
        "consultant",
        "specialist",
    ];
    text.split(|c: char| !c.is_alphanumeric() && c != '-')
        .any(|word| ROLES.contains(&word.to_lowercase().as_str()))
}

/// The role without words saying nobody has been chosen: "family worker TBA" → "family
/// worker", "Social worker, to be confirmed" → "Social worker".
fn without_undecided(role: &str) -> &str {
    let lower = role.to_lowercase();
    let cut = [
        "to be confirmed",
        "to be allocated",
        "to be agreed",
        "tbc",
        "tba",
        "tbd",
    ]
    .iter()
    .filter_map(|words| lower.find(words))
    .min()
    .unwrap_or(role.len());
    role.get(..cut)
        .unwrap_or(role)
        .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ',' | '-' | '(' | '–'))
}

fn role_words(role: Role) -> &'static str {
    match role {
        Role::SocialWorker => "social worker",
        Role::KeyWorker => "key worker",
        Role::SeniorPractitioner => "senior practitioner",
        Role::TeamManager => "team manager",
        Role::Sswop => "senior social work oversight practitioner",
        Role::Other => "lead professional",
    }
}

/// Whether the text is the lead professional's role without the name.
fn is_lead_role(text: &str) -> bool {
    let lower = text.trim().trim_end_matches('.').to_lowercase();
    let lower = lower
        .strip_prefix("the ")
        .unwrap_or(&lower)
        .trim_start_matches("allocated ")
        .trim_start_matches("named ");
    matches!(
        lower,
        "social worker"
            | "sw"
            | "lead professional"
            | "key worker"
            | "keyworker"
            | "worker"
            | "lead practitioner"
    )
}

fn suggestions_for(flagged: &str, plan: &Plan) -> Vec<RawSuggestion> {
    let mut suggestions = Vec::new();
    if let Some(lead) = &plan.lead_professional {
        if !lead.name.trim().is_empty() && is_lead_role(flagged) {
            suggestions.push(RawSuggestion::replace_field(
                "Name the lead professional",
                format!("{}, {}", lead.name.trim(), role_words(lead.role)),
            ));
        }
    }
    let role = without_undecided(without_article(flagged));
    let generic = is_blank(flagged)
        || matches!(
            role.to_lowercase().as_str(),
            "professionals"
                | "agencies"
                | "all agencies"
                | "services"
                | "everyone"
                | "all"
                | "team"
                | "team around the child"
                | "core group"
                | "multi-agency"
                | "partners"
                | "network"
                | "professional network"
                | "relevant professionals"
                | "family"
        );
    let replacement = if generic || !names_a_role(role) {
        "[name], [role] at [agency]".to_owned()
    } else {
        format!("[name], {}", lower_first(role))
    };
    suggestions.push(RawSuggestion::replace_field("Name the person", replacement));
    suggestions
}

/// "Counsellor at CAMHS" → "counsellor at CAMHS"; acronyms keep their capitals.
fn lower_first(text: &str) -> String {
    let first_word = text.split_whitespace().next().unwrap_or_default();
    let is_acronym = first_word.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && first_word
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase);
    let mut characters = text.chars();
    match characters.next() {
        Some(first) if !is_acronym => first.to_lowercase().chain(characters).collect(),
        _ => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::plan_testing::{good_plan, row_findings};
    use crate::rules::testing::{
        assert_clean, assert_count, assert_flags, assert_suggestion_result,
    };
    use crate::rules::FieldName::ByWhom;

    const RULE: &str = "unnamed-owner";

    #[test]
    fn roles_and_agencies_without_a_name_are_flagged() {
        for text in [
            "A counsellor",
            "professionals",
            "All agencies",
            "School",
            "Services",
            "TBC",
            "Health visitor",
            "Allocated social worker",
            "CAMHS",
            "The team around the child",
        ] {
            assert_flags(RULE, ByWhom, text, text);
        }
    }

    #[test]
    fn named_people_and_family_pass() {
        for text in [
            "Sam Jones, Specialist Family Intervention worker",
            "Mum",
            "step-dad",
            "Nan",
            "Tommy",
            "Mum and step-dad to keep appointments with Pete Brown and Jane Smith at the New Way service",
            "Mrs Ahmed, class teacher at Westfield Primary School",
            "Dr Patel (GP)",
            "",
        ] {
            assert_clean(RULE, ByWhom, text);
        }
    }

    #[test]
    fn a_role_with_no_name_beside_named_people_is_flagged_alone() {
        assert_flags(RULE, ByWhom, "Mum, with a worker from New Way", "a worker");
        assert_count(RULE, ByWhom, "Mum, with a worker from New Way", 1);
        assert_clean(
            RULE,
            ByWhom,
            "Sam Jones, a Specialist Family Intervention worker",
        );
    }

    #[test]
    fn the_suggestion_keeps_the_role_and_asks_for_the_name() {
        assert_suggestion_result(RULE, ByWhom, "A counsellor", "[name], counsellor");
        assert_suggestion_result(RULE, ByWhom, "All agencies", "[name], [role] at [agency]");
        assert_suggestion_result(RULE, ByWhom, "CAMHS worker", "[name], CAMHS worker");
        assert_suggestion_result(
            RULE,
            ByWhom,
            "Family worker, to be confirmed",
            "[name], family worker",
        );
    }

    #[test]
    fn the_lead_professional_is_offered_by_name() {
        let found = row_findings(RULE, ByWhom, "Allocated social worker", &good_plan());
        let first = &found[0].suggestions[0];
        assert_eq!(first.replacement, "Sam Jones, social worker");
        assert_eq!(first.applicability, crate::finding::Applicability::Safe);
    }
}
