//! Checking whole plans: the Tommy examples, suppressions, the summary, output order, and
//! that no text makes the checker panic or publish a range outside its field.

use chrono::NaiveDate;
use cinplan_core::check::{
    check_field, check_plan, fields, ignore_finding, ignore_in_plan, set_rule_off, CheckOptions,
    CheckReport,
};
use cinplan_core::finding::Severity;
use cinplan_core::plan::{Need, Plan};
use cinplan_core::profile::{Profile, RuleSetting};
use cinplan_core::rules::FieldName;
use cinplan_core::text::Utf16Index;
use proptest::prelude::*;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default()
}

fn fixture(name: &str) -> Plan {
    let text = match name {
        "good" => include_str!("fixtures/tommy-good.json"),
        _ => include_str!("fixtures/tommy-unhelpful.json"),
    };
    Plan::from_json(text).unwrap_or_else(|error| panic!("{name}: {error}"))
}

fn check(plan: &Plan) -> CheckReport {
    check_with(plan, &Profile::default_profile())
}

fn check_with(plan: &Plan, profile: &Profile) -> CheckReport {
    check_plan(
        plan,
        CheckOptions {
            today: today(),
            profile,
        },
    )
}

fn rules_at<'a>(report: &'a CheckReport, pointer: &str) -> Vec<&'a str> {
    report
        .findings
        .iter()
        .filter(|finding| finding.pointer == pointer)
        .map(|finding| finding.rule.as_str())
        .collect()
}

#[test]
fn the_unhelpful_plan_is_flagged_in_every_cell_and_section() {
    let report = check(&fixture("unhelpful"));
    for (pointer, rule) in [
        ("/needs/0/need", "vague-need"),
        ("/needs/0/actions/0/by_whom", "unnamed-owner"),
        ("/needs/0/actions/0/outcome", "outcome-not-measurable"),
        ("/contingency", "no-contingency"),
        ("/visiting", "no-visiting-frequency"),
        ("/views/child", "no-child-view"),
        ("/views/parents", "no-parent-view"),
    ] {
        assert!(
            rules_at(&report, pointer).contains(&rule),
            "{pointer}: {:?}",
            rules_at(&report, pointer)
        );
    }
    let by_when = rules_at(&report, "/needs/0/actions/0/by_when");
    assert!(
        by_when.iter().any(|rule| matches!(
            *rule,
            "vague-timescale" | "vague-term" | "missing-timescale"
        )),
        "{by_when:?}"
    );
    assert!(
        report.summary.counts.error >= 5,
        "{:#?}",
        report.summary.counts
    );
    assert!(report.summary.score < 50, "score {}", report.summary.score);
}

#[test]
fn the_good_plan_has_no_errors() {
    let report = check(&fixture("good"));
    let errors: Vec<_> = report
        .findings
        .iter()
        .filter(|finding| finding.severity == Severity::Error)
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert!(
        report.summary.score >= 80,
        "score {}: {:#?}",
        report.summary.score,
        report.findings
    );
}

#[test]
fn findings_are_sorted_by_pointer_then_position_then_rule_and_repeatable() {
    let plan = fixture("unhelpful");
    let first = check(&plan);
    let keys: Vec<_> = first
        .findings
        .iter()
        .map(|finding| {
            (
                finding.pointer.clone(),
                finding.start,
                finding.end,
                finding.rule.clone(),
            )
        })
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
    assert_eq!(check(&plan), first);
}

#[test]
fn an_ignored_finding_is_counted_not_shown() {
    let mut plan = fixture("unhelpful");
    let report = check(&plan);
    let owner = report
        .findings
        .iter()
        .find(|finding| finding.rule == "unnamed-owner")
        .cloned()
        .unwrap_or_else(|| panic!("no unnamed-owner finding"));
    let ignored = ignore_finding(&plan, &owner, "  Counsellor not yet allocated by CAMHS ");
    assert_eq!(ignored.field, "by_whom");
    assert_eq!(ignored.text, "A counsellor");
    assert_eq!(ignored.reason, "Counsellor not yet allocated by CAMHS");
    ignore_in_plan(&mut plan, &owner, "Counsellor not yet allocated by CAMHS");
    ignore_in_plan(&mut plan, &owner, "twice");
    assert_eq!(plan.suppressions.ignored.len(), 1);

    let after = check(&plan);
    assert!(!after
        .findings
        .iter()
        .any(|finding| finding.rule == "unnamed-owner"));
    assert_eq!(after.ignored.len(), 1);
    assert_eq!(after.summary.ignored, 1);
    assert_eq!(after.findings.len(), report.findings.len() - 1);
}

#[test]
fn an_ignored_finding_survives_its_row_moving_and_edits_elsewhere() {
    let mut plan = fixture("unhelpful");
    let owner = check(&plan)
        .findings
        .into_iter()
        .find(|finding| finding.rule == "unnamed-owner")
        .unwrap_or_else(|| panic!("no unnamed-owner finding"));
    ignore_in_plan(&mut plan, &owner, "Waiting for CAMHS to allocate");
    // A new need goes in first, so the row moves to /needs/1; the outcome is rewritten.
    plan.needs.insert(
        0,
        Need {
            need: "Tommy has missed 9 days of school since September.".to_owned(),
            ..Need::default()
        },
    );
    plan.needs[1].actions[0].outcome =
        "Tommy will be able to tell Sam what worries him.".to_owned();
    let report = check(&plan);
    assert!(rules_at(&report, "/needs/1/actions/0/by_whom").is_empty());
    assert_eq!(report.ignored.len(), 1);
    assert_eq!(report.ignored[0].pointer, "/needs/1/actions/0/by_whom");
}

#[test]
fn ignoring_one_text_does_not_ignore_another() {
    let mut plan = fixture("unhelpful");
    let owner = check(&plan)
        .findings
        .into_iter()
        .find(|finding| finding.rule == "unnamed-owner")
        .unwrap_or_else(|| panic!("no unnamed-owner finding"));
    ignore_in_plan(&mut plan, &owner, "Waiting for CAMHS");
    plan.needs[0].actions[0].by_whom = "All agencies".to_owned();
    let report = check(&plan);
    assert_eq!(
        rules_at(&report, "/needs/0/actions/0/by_whom"),
        ["unnamed-owner"]
    );
    assert!(report.ignored.is_empty());
}

#[test]
fn ignoring_an_empty_field_ignores_only_that_one() {
    let mut plan = fixture("good");
    plan.needs[0].actions[0].outcome = String::new();
    plan.needs[0].actions[1].outcome = String::new();
    let report = check(&plan);
    let empty: Vec<_> = report
        .findings
        .iter()
        .filter(|finding| finding.rule == "empty-field")
        .collect();
    assert_eq!(empty.len(), 2);
    let first = empty[0].clone();
    ignore_in_plan(
        &mut plan,
        &first,
        "Outcome agreed at the meeting, to be typed up",
    );
    let report = check(&plan);
    let still: Vec<&str> = report
        .findings
        .iter()
        .filter(|finding| finding.rule == "empty-field")
        .map(|finding| finding.pointer.as_str())
        .collect();
    assert_eq!(still, ["/needs/0/actions/1/outcome"]);
}

#[test]
fn a_plan_level_finding_can_be_ignored_and_comes_back_when_it_changes() {
    let mut plan = fixture("unhelpful");
    let contingency = check(&plan)
        .findings
        .into_iter()
        .find(|finding| finding.rule == "no-contingency")
        .unwrap_or_else(|| panic!("no no-contingency finding"));
    ignore_in_plan(&mut plan, &contingency, "Contingency in the safety plan");
    assert!(rules_at(&check(&plan), "/contingency").is_empty());
    plan.contingency = "TBC".to_owned();
    assert_eq!(rules_at(&check(&plan), "/contingency"), ["no-contingency"]);
}

#[test]
fn a_rule_can_be_turned_off_for_a_plan_and_stays_countable() {
    let mut plan = fixture("unhelpful");
    set_rule_off(&mut plan, "no-child-view", true);
    set_rule_off(&mut plan, "no-child-view", true);
    assert_eq!(plan.suppressions.rules_off, ["no-child-view"]);
    let report = check(&plan);
    assert!(rules_at(&report, "/views/child").is_empty());
    assert!(report
        .ignored
        .iter()
        .any(|finding| finding.rule == "no-child-view"));
    set_rule_off(&mut plan, "no-child-view", false);
    assert_eq!(rules_at(&check(&plan), "/views/child"), ["no-child-view"]);
}

#[test]
fn a_profile_can_turn_a_rule_off_or_change_its_severity() {
    let plan = fixture("unhelpful");
    let mut profile = Profile::default_profile();
    profile.rules.insert(
        "no-parent-view".to_owned(),
        RuleSetting {
            enabled: false,
            severity: None,
        },
    );
    profile.rules.insert(
        "unnamed-owner".to_owned(),
        RuleSetting {
            enabled: true,
            severity: Some(Severity::Warning),
        },
    );
    let report = check_with(&plan, &profile);
    assert!(rules_at(&report, "/views/parents").is_empty());
    assert!(report.ignored.is_empty());
    let owner = report
        .findings
        .iter()
        .find(|finding| finding.rule == "unnamed-owner");
    assert_eq!(
        owner.map(|finding| finding.severity),
        Some(Severity::Warning)
    );
}

/// The rules (sorted) that speak about `text` checked alone as `field` of the good plan.
fn rules_on_text(field: FieldName, text: &str) -> Vec<String> {
    let plan = fixture("good");
    let profile = Profile::default_profile();
    let options = CheckOptions {
        today: today(),
        profile: &profile,
    };
    let mut rules: Vec<String> = check_field(text, field, Some(&plan), options)
        .into_iter()
        .map(|finding| finding.rule)
        .collect();
    rules.sort();
    rules
}

#[test]
fn a_single_section_text_gets_what_the_plan_rules_say_about_that_section() {
    // These sections are judged by plan rules: checking the text alone must say the same
    // as checking it in the plan, pointed at the text itself.
    assert_eq!(
        rules_on_text(FieldName::ReviewFrequency, "In line with procedures"),
        ["no-review-frequency"]
    );
    assert_eq!(
        rules_on_text(FieldName::Visiting, "Sam will visit Tommy monthly."),
        ["visits-too-far-apart"]
    );
    assert_eq!(
        rules_on_text(FieldName::Contingency, ""),
        ["no-contingency"]
    );
    assert_eq!(rules_on_text(FieldName::ViewsChild, " "), ["no-child-view"]);
    // Good texts stay clean, and other sections' findings do not leak in.
    assert!(rules_on_text(FieldName::ReviewFrequency, "Every 6 weeks").is_empty());
    let mut plan = fixture("good");
    plan.contingency.clear();
    let profile = Profile::default_profile();
    let options = CheckOptions {
        today: today(),
        profile: &profile,
    };
    let findings = check_field(
        "Every 6 weeks",
        FieldName::ReviewFrequency,
        Some(&plan),
        options,
    );
    assert!(findings.is_empty(), "{findings:#?}");
    let findings = check_field(
        "In line with procedures",
        FieldName::ReviewFrequency,
        None,
        options,
    );
    assert!(
        findings.iter().all(|finding| finding.pointer.is_empty()),
        "{findings:#?}"
    );
}

#[test]
fn the_summary_agrees_with_the_findings() {
    let report = check(&fixture("unhelpful"));
    let counts = report.summary.counts;
    assert_eq!(
        counts.error + counts.warning + counts.info,
        report.findings.len()
    );
    let row = &report.summary.rows[0];
    assert_eq!(row.pointer, "/needs/0/actions/0");
    let specific = row
        .letters
        .iter()
        .find(|letter| letter.letter == cinplan_core::Smart::S);
    assert!(specific.is_some_and(|letter| !letter.met
        && letter
            .because
            .iter()
            .any(|finding| finding.rule == "unnamed-owner")));
}

fn arbitrary_text() -> impl Strategy<Value = String> {
    prop_oneof![
        ".{0,40}",
        "[A-Za-z ,.'’/-]{0,60}",
        Just("Ongoing".to_owned()),
        Just("By 31/02/2027 😀 ASAP".to_owned()),
        Just("Tommy’s mum will be happier 🙂 and will stop drinking immediately".to_owned()),
        Just("A referral will be made\r\nby 5 December 2026".to_owned()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Whatever is typed, the check finishes, and every range lies on the field's text.
    #[test]
    fn any_text_in_any_field_checks_without_panicking(texts in proptest::collection::vec(arbitrary_text(), 12)) {
        let mut plan = fixture("good");
        let action = &mut plan.needs[0].actions[0];
        action.action = texts[0].clone();
        action.by_whom = texts[1].clone();
        action.by_when = texts[2].clone();
        action.outcome = texts[3].clone();
        action.progress = texts[4].clone();
        plan.needs[0].need = texts[5].clone();
        plan.visiting = texts[6].clone();
        plan.review_frequency = texts[7].clone();
        plan.contingency = texts[8].clone();
        plan.views.child = texts[9].clone();
        plan.views.parents = texts[10].clone();
        plan.child.name = texts[11].clone();
        let report = check(&plan);
        for finding in report.findings.iter().chain(&report.ignored) {
            if let (Some(start), Some(end)) = (finding.start, finding.end) {
                let text = fields(&plan)
                    .into_iter()
                    .find(|field| field.pointer == finding.pointer)
                    .map(|field| field.text)
                    .unwrap_or_else(|| panic!("a range on {} which is not a text field", finding.pointer));
                prop_assert!(start <= end, "{finding:?}");
                prop_assert!(end <= Utf16Index::new(text).len_utf16(), "{finding:?} on {text:?}");
            }
        }
    }
}
