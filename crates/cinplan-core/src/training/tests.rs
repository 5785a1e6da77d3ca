use std::collections::BTreeSet;

use chrono::Datelike;

use super::*;
use crate::family;

fn plans(exercise: &Exercise) -> (Plan, Plan) {
    let unhelpful = exercise
        .unhelpful_plan()
        .unwrap_or_else(|error| panic!("{}: unhelpful plan: {error}", exercise.id));
    let model = exercise
        .model_answer()
        .unwrap_or_else(|error| panic!("{}: model answer: {error}", exercise.id));
    (unhelpful, model)
}

fn check(exercise: &Exercise, plan: &Plan) -> CheckReport {
    check_plan(
        plan,
        CheckOptions {
            today: exercise.today(),
            profile: &Profile::default_profile(),
        },
    )
}

fn describe(report: &CheckReport) -> String {
    report
        .findings
        .iter()
        .map(|finding| {
            format!(
                "{} {} at {}: {}",
                finding.severity.as_str(),
                finding.rule,
                finding.pointer,
                finding.message
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_gallery_has_tommy_and_six_more_across_the_typical_needs() {
    let ids: Vec<&str> = exercises().iter().map(|exercise| exercise.id).collect();
    assert_eq!(ids.first(), Some(&"tommy"));
    assert!(ids.len() >= 7, "{ids:?}");
    let unique: BTreeSet<&str> = ids.iter().copied().collect();
    assert_eq!(unique.len(), ids.len(), "ids are unique");
    let topics: Vec<&str> = exercises().iter().map(|exercise| exercise.topic).collect();
    for needed in [
        "Neglect",
        "Domestic abuse",
        "School attendance",
        "Parental alcohol use",
        "A disabled child",
        "A teenager at risk outside the home",
    ] {
        assert!(topics.contains(&needed), "no exercise on {needed}");
    }
    for exercise in exercises() {
        assert_eq!(super::exercise(exercise.id), Some(exercise));
        assert!(exercise.learning_points.len() >= 3, "{}", exercise.id);
        assert!(!exercise.summary.is_empty() && !exercise.title.is_empty());
    }
    assert_eq!(gallery().len(), exercises().len());
    assert_eq!(super::exercise("no-such-exercise"), None);
}

#[test]
fn every_model_answer_has_no_errors_and_few_warnings() {
    for exercise in exercises() {
        let (_, model) = plans(exercise);
        let report = check(exercise, &model);
        let score = score(&report);
        assert_eq!(
            score.errors,
            0,
            "{}: the model answer has errors:\n{}",
            exercise.id,
            describe(&report)
        );
        assert!(
            score.warnings <= 2,
            "{}: the model answer has {} warnings:\n{}",
            exercise.id,
            score.warnings,
            describe(&report)
        );
        assert!(score.solved);
        assert!(
            report.ignored.is_empty(),
            "{}: nothing is suppressed",
            exercise.id
        );
    }
}

#[test]
fn every_unhelpful_plan_has_several_errors_across_different_rules() {
    for exercise in exercises() {
        let (unhelpful, _) = plans(exercise);
        let report = check(exercise, &unhelpful);
        let errors: Vec<&Finding> = report
            .findings
            .iter()
            .filter(|finding| finding.severity == Severity::Error)
            .collect();
        let rules: BTreeSet<&str> = errors.iter().map(|finding| finding.rule.as_str()).collect();
        assert!(
            errors.len() >= 5 && rules.len() >= 3,
            "{}: {} errors from {:?}:\n{}",
            exercise.id,
            errors.len(),
            rules,
            describe(&report)
        );
        assert!(!score(&report).solved);
    }
}

#[test]
fn the_model_answer_scores_higher_than_the_unhelpful_plan() {
    for exercise in exercises() {
        let (unhelpful, model) = plans(exercise);
        let profile = Profile::default_profile();
        let before = attempt(exercise, &unhelpful, &profile);
        let after = attempt(exercise, &model, &profile);
        assert!(
            after.score.points > before.score.points,
            "{}: {} then {}",
            exercise.id,
            before.score.points,
            after.score.points
        );
        assert!(after
            .hints
            .iter()
            .all(|hint| hint.severity < Severity::Error));
    }
}

#[test]
fn hints_come_from_the_rules_documentation_errors_first() {
    let Some(tommy) = super::exercise("tommy") else {
        panic!("the Tommy exercise is missing");
    };
    let (unhelpful, _) = plans(tommy);
    let report = check(tommy, &unhelpful);
    let hints = exercise_hints(&report);
    let rules_found: BTreeSet<&str> = report
        .findings
        .iter()
        .map(|finding| finding.rule.as_str())
        .collect();
    let rules_hinted: BTreeSet<&str> = hints.iter().map(|hint| hint.rule.as_str()).collect();
    assert_eq!(rules_found, rules_hinted, "one hint per rule still found");
    assert_eq!(
        hints.iter().map(|hint| hint.count).sum::<usize>(),
        report.findings.len()
    );
    let severities: Vec<Severity> = hints.iter().map(|hint| hint.severity).collect();
    let mut sorted = severities.clone();
    sorted.sort_by_key(|severity| std::cmp::Reverse(*severity));
    assert_eq!(severities, sorted, "errors first");
    for hint in &hints {
        let Some(rule) = registry::find(&hint.rule) else {
            panic!("{} is not a registered rule", hint.rule);
        };
        assert_eq!(hint.why, rule.meta().docs.why);
        assert_eq!(hint.instead, rule.meta().docs.instead);
        assert!(!hint.why.is_empty(), "{} has no 'why'", hint.rule);
        assert!(!hint.pointers.is_empty());
    }
}

#[test]
fn a_hint_for_an_unknown_rule_still_has_its_message() {
    let report = CheckReport {
        findings: vec![Finding {
            rule: "local-rule".to_owned(),
            severity: Severity::Warning,
            smart: Vec::new(),
            pointer: "/visiting".to_owned(),
            start: None,
            end: None,
            message: "Say where the visits happen.".to_owned(),
            suggestions: Vec::new(),
        }],
        ..CheckReport::default()
    };
    let hints = exercise_hints(&report);
    assert_eq!(hints.len(), 1);
    assert_eq!(hints[0].message, "Say where the visits happen.");
    assert_eq!(hints[0].why, "");
}

#[test]
fn the_score_is_the_smart_summarys() {
    for exercise in exercises() {
        let (unhelpful, model) = plans(exercise);
        for plan in [&unhelpful, &model] {
            let report = check(exercise, plan);
            let score = score(&report);
            assert_eq!(score.points, report.summary.score, "{}", exercise.id);
            let errors = report
                .findings
                .iter()
                .filter(|finding| finding.severity == Severity::Error)
                .count();
            assert_eq!(score.errors, errors, "{}", exercise.id);
            assert_eq!(score.solved, errors == 0, "{}", exercise.id);
        }
    }
}

#[test]
fn compare_lines_up_the_fields_of_two_plans() {
    let Some(tommy) = super::exercise("tommy") else {
        panic!("the Tommy exercise is missing");
    };
    let (unhelpful, model) = plans(tommy);
    let pairs = compare(&unhelpful, &model);
    let need = pairs
        .iter()
        .find(|pair| pair.pointer == "/needs/0/need")
        .map(|pair| {
            (
                pair.label.as_str(),
                pair.yours.as_deref(),
                pair.model.is_some(),
            )
        });
    assert_eq!(
        need,
        Some(("Need 1: Need or risk", Some("Tommy is very unhappy"), true))
    );
    let second_action = pairs
        .iter()
        .find(|pair| pair.pointer == "/needs/0/actions/1/by_whom")
        .map(|pair| (pair.label.as_str(), pair.yours.is_none()));
    assert_eq!(
        second_action,
        Some(("Need 1, action 2: By whom", true)),
        "the unhelpful plan has no second action"
    );
    let reversed = compare(&model, &unhelpful);
    assert!(reversed
        .iter()
        .any(|pair| pair.pointer == "/needs/0/actions/1/by_whom" && pair.model.is_none()));
}

#[test]
fn plans_are_fictional_dated_2026_to_2027_and_in_uk_spelling() {
    let mut children = BTreeSet::new();
    for exercise in exercises() {
        let (unhelpful, model) = plans(exercise);
        assert!(
            children.insert(model.child.name.clone()),
            "{}: each exercise has its own child",
            exercise.id
        );
        assert_eq!(unhelpful.child.name, model.child.name, "{}", exercise.id);
        for plan in [&unhelpful, &model] {
            let dates = &plan.dates;
            for date in [
                dates.assessment_completed,
                dates.allocated,
                dates.planning_meeting,
                dates.plan_circulated,
                dates.first_review,
            ]
            .into_iter()
            .flatten()
            .chain(plan.visits.iter().filter_map(|visit| visit.date))
            {
                assert!(
                    (2026..=2027).contains(&date.year()),
                    "{}: {date} is outside 2026-2027",
                    exercise.id
                );
            }
        }
        assert!(
            (2026..=2027).contains(&exercise.today().year()),
            "{}",
            exercise.id
        );
        for text in [exercise.unhelpful_json(), exercise.model_json()] {
            let lower = text.to_lowercase();
            for american in [
                "behavior",
                "color",
                "center ",
                "organiz",
                "analyz",
                "program ",
                "program.",
                " mom",
                "favorite",
                "pediatric",
                "apologize",
                "license ",
            ] {
                assert!(!lower.contains(american), "{}: {american:?}", exercise.id);
            }
        }
    }
}

#[test]
fn every_model_answer_reads_well_for_the_family_and_the_child() {
    let profile = Profile::default_profile();
    for exercise in exercises() {
        let (_, model) = plans(exercise);
        let view = family::family_view(&model, &profile, exercise.today());
        assert_eq!(view.cards.len(), model.needs.len(), "{}", exercise.id);
        for card in &view.cards {
            for action in &card.actions {
                assert!(
                    !action.when.summary.is_empty(),
                    "{}: {} has no dates for the family (by_when {:?})",
                    exercise.id,
                    action.pointer,
                    action.when.text.text
                );
            }
        }
        let child = family::child_version(&model, &profile, exercise.today());
        assert!(
            child.word_count() <= 450,
            "{}: the child's version has {} words",
            exercise.id,
            child.word_count()
        );
        // Written to the child: their name has become "you" everywhere but the title and
        // the greeting.
        for part in &child.parts {
            for sentence in &part.sentences {
                let sentence = family::render(sentence);
                assert!(
                    !sentence.contains(model.child.name.as_str()),
                    "{}: {sentence:?}",
                    exercise.id
                );
            }
        }
    }
}
