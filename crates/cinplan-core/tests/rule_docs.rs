//! Registry-wide checks (Harper and Ruff style): the docs of every rule are complete and
//! true to its behaviour, and every rewrite it suggests on its own example is clean.

mod support;

use cinplan_core::rules::{registry, FieldName, Rule};
use support::{apply, check, problems_in_rewrite, tommy_plan};

fn field_rules() -> impl Iterator<Item = &'static dyn Rule> {
    registry::all()
        .iter()
        .copied()
        .filter(|rule| !rule.meta().fields.is_empty())
}

#[test]
fn the_registry_is_sorted_with_unique_kebab_case_ids() {
    let ids: Vec<&str> = registry::all().iter().map(|rule| rule.meta().id).collect();
    let mut sorted = ids.clone();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(
        ids, sorted,
        "the registry must be in alphabetical order, without repeats"
    );
    for id in ids {
        assert!(
            !id.is_empty()
                && id
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
            "{id} is not kebab-case"
        );
        assert!(registry::find(id).is_some());
    }
}

#[test]
fn every_rule_documents_every_section_and_cites_the_guidance() {
    for rule in registry::all() {
        let meta = rule.meta();
        let docs = meta.docs;
        for (section, text) in [
            ("summary", docs.summary),
            ("why", docs.why),
            ("example", docs.example),
            ("instead", docs.instead),
        ] {
            assert!(!text.trim().is_empty(), "{}: empty {section}", meta.id);
        }
        assert!(
            meta.source.contains("00"),
            "{}: the source should name a guidance file (000–004): {:?}",
            meta.id,
            meta.source
        );
    }
}

/// The fields a rule reads in which its example triggers it.
fn fields_where_example_fires(rule: &dyn Rule) -> Vec<FieldName> {
    let plan = tommy_plan();
    let meta = rule.meta();
    meta.fields
        .iter()
        .copied()
        .filter(|field| {
            check(meta.docs.example, *field, &plan)
                .iter()
                .any(|finding| finding.rule == meta.id)
        })
        .collect()
}

#[test]
fn every_field_rule_flags_its_own_example() {
    for rule in field_rules() {
        assert!(
            !fields_where_example_fires(rule).is_empty(),
            "{}: its docs example {:?} does not trigger it in any field it reads",
            rule.meta().id,
            rule.meta().docs.example
        );
    }
}

#[test]
fn every_field_rules_instead_passes_all_rules_where_its_example_fails() {
    let plan = tommy_plan();
    for rule in field_rules() {
        let meta = rule.meta();
        let fields = fields_where_example_fires(rule);
        let clean_in = fields
            .iter()
            .find(|field| check(meta.docs.instead, **field, &plan).is_empty());
        assert!(
            clean_in.is_some(),
            "{}: its docs instead {:?} is flagged in every field where its example fails: {:#?}",
            meta.id,
            meta.docs.instead,
            fields
                .first()
                .map(|field| check(meta.docs.instead, *field, &plan))
        );
    }
}

#[test]
fn every_rewrite_suggested_for_a_docs_example_is_clean() {
    let plan = tommy_plan();
    let mut applied = 0;
    for rule in field_rules() {
        let meta = rule.meta();
        for field in fields_where_example_fires(rule) {
            let text = meta.docs.example;
            for finding in check(text, field, &plan) {
                for index in 0..finding.suggestions.len() {
                    let Some((result, inserted)) = apply(text, &finding, index) else {
                        continue;
                    };
                    applied += 1;
                    let problems = problems_in_rewrite(text, &result, &inserted, field, &plan);
                    assert!(
                        problems.is_empty(),
                        "{} suggests {:?} for {text:?} in {field:?}, which is flagged: {problems:#?}",
                        finding.rule,
                        result
                    );
                }
            }
        }
    }
    assert!(applied > 0, "no rewrite was tried");
}
