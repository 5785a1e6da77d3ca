//! The memoising checker gives exactly what a full check gives, after any sequence of edits:
//! text typed into or removed from any field, rows added and removed, the plan's facts and
//! dates changed, findings ignored and rules turned off, another day, another profile.

use chrono::NaiveDate;
use cinplan_core::check::{check_plan, ignore_in_plan, set_rule_off, CheckOptions};
use cinplan_core::incremental::PlanChecker;
use cinplan_core::plan::{Action, ProgressRating};
use cinplan_core::profile::Profile;
use cinplan_core::Plan;
use proptest::prelude::*;

/// Words that reach many rules: vague and woolly words, timescales, names, roles, feelings.
const WORDS: &[&str] = &[
    "ongoing",
    "ASAP",
    "support",
    "monitor",
    "appropriate",
    "Tommy",
    "Sam Jones",
    "social worker",
    "by",
    "every",
    "week",
    "weekly",
    "until",
    "the",
    "first",
    "review",
    "1 December 2026",
    "30/11/2026",
    "2 March 2025",
    "Saturday",
    "will",
    "be",
    "happier",
    "feel",
    "safe",
    "at",
    "home",
    "school",
    "attend",
    "90%",
    "sessions",
    "referral",
    "made",
    "TBC",
    "N/A",
    "Mum",
    "will be offered",
    "CAMHS",
    "within",
    "10 working days",
    "of",
    "meeting",
    "“quoted”",
    "é",
    "\n",
    ".",
    ",",
];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 0..8).prop_map(|words| words.join(" "))
}

#[derive(Debug, Clone)]
enum Edit {
    /// Replace the text of the nth free-text cell (row cells, needs and sections).
    SetText(usize, String),
    /// Type (append) into the nth cell.
    Append(usize, String),
    /// Delete the last character of the nth cell.
    Backspace(usize),
    AddRow(usize),
    RemoveRow(usize),
    RateProgress(usize, bool),
    ChildName(String),
    FirstReview(Option<u32>),
    PlanningMeeting(Option<u32>),
    IgnoreFinding(usize),
    RuleOff(usize, bool),
    NextDay(u32),
    Profile(bool),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        6 => (any::<usize>(), text()).prop_map(|(at, text)| Edit::SetText(at, text)),
        6 => (any::<usize>(), text()).prop_map(|(at, text)| Edit::Append(at, text)),
        3 => any::<usize>().prop_map(Edit::Backspace),
        1 => any::<usize>().prop_map(Edit::AddRow),
        1 => any::<usize>().prop_map(Edit::RemoveRow),
        1 => (any::<usize>(), any::<bool>()).prop_map(|(at, on)| Edit::RateProgress(at, on)),
        1 => prop::sample::select(&["", "Tommy", "Alex Smith"][..]).prop_map(|name| Edit::ChildName(name.to_owned())),
        1 => prop::option::of(0u32..200).prop_map(Edit::FirstReview),
        1 => prop::option::of(0u32..200).prop_map(Edit::PlanningMeeting),
        1 => any::<usize>().prop_map(Edit::IgnoreFinding),
        1 => (any::<usize>(), any::<bool>()).prop_map(|(at, off)| Edit::RuleOff(at, off)),
        1 => (0u32..60).prop_map(Edit::NextDay),
        1 => any::<bool>().prop_map(Edit::Profile),
    ]
}

fn start_date() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 10, 1).unwrap_or_default()
}

/// Every free-text cell of the plan, in a fixed order.
fn cells(plan: &mut Plan) -> Vec<&mut String> {
    let mut cells: Vec<&mut String> = Vec::new();
    for need in &mut plan.needs {
        cells.push(&mut need.need);
        for action in &mut need.actions {
            cells.push(&mut action.action);
            cells.push(&mut action.by_whom);
            cells.push(&mut action.by_when);
            cells.push(&mut action.outcome);
            cells.push(&mut action.progress);
        }
    }
    cells.push(&mut plan.visiting);
    cells.push(&mut plan.review_frequency);
    cells.push(&mut plan.contingency);
    cells.push(&mut plan.views.child);
    cells.push(&mut plan.views.parents);
    cells.push(&mut plan.views.others);
    cells
}

fn rows(plan: &mut Plan) -> Vec<&mut Action> {
    plan.needs
        .iter_mut()
        .flat_map(|need| need.actions.iter_mut())
        .collect()
}

struct State {
    plan: Plan,
    today: NaiveDate,
    leicestershire: bool,
}

fn apply(state: &mut State, edit: &Edit, last_report: &cinplan_core::check::CheckReport) {
    let plan = &mut state.plan;
    match edit {
        Edit::SetText(at, text) => {
            let mut cells = cells(plan);
            let count = cells.len();
            if let Some(cell) = cells.get_mut(at % count) {
                **cell = text.clone();
            }
        }
        Edit::Append(at, text) => {
            let mut cells = cells(plan);
            let count = cells.len();
            if let Some(cell) = cells.get_mut(at % count) {
                cell.push_str(text);
            }
        }
        Edit::Backspace(at) => {
            let mut cells = cells(plan);
            let count = cells.len();
            if let Some(cell) = cells.get_mut(at % count) {
                cell.pop();
            }
        }
        Edit::AddRow(at) => {
            let count = plan.needs.len().max(1);
            if let Some(need) = plan.needs.get_mut(at % count) {
                let row = need.actions.first().cloned().unwrap_or_default();
                need.actions.insert(0, row);
            }
        }
        Edit::RemoveRow(at) => {
            let count = plan.needs.len().max(1);
            if let Some(need) = plan.needs.get_mut(at % count) {
                if !need.actions.is_empty() {
                    let row = at % need.actions.len();
                    need.actions.remove(row);
                }
            }
        }
        Edit::RateProgress(at, on) => {
            let mut rows = rows(plan);
            let count = rows.len().max(1);
            if let Some(row) = rows.get_mut(at % count) {
                row.progress_rating = on.then_some(ProgressRating::Partly);
            }
        }
        Edit::ChildName(name) => plan.child.name = name.clone(),
        Edit::FirstReview(days) => {
            plan.dates.first_review =
                days.and_then(|days| start_date().checked_add_days(chrono::Days::new(days.into())));
        }
        Edit::PlanningMeeting(days) => {
            plan.dates.planning_meeting =
                days.and_then(|days| start_date().checked_add_days(chrono::Days::new(days.into())));
        }
        Edit::IgnoreFinding(at) => {
            if !last_report.findings.is_empty() {
                let finding = &last_report.findings[at % last_report.findings.len()];
                ignore_in_plan(plan, finding, "agreed with the family");
            }
        }
        Edit::RuleOff(at, off) => {
            if !last_report.findings.is_empty() {
                let rule = last_report.findings[at % last_report.findings.len()]
                    .rule
                    .clone();
                set_rule_off(plan, &rule, *off);
            }
        }
        Edit::NextDay(days) => {
            state.today = state
                .today
                .checked_add_days(chrono::Days::new((*days).into()))
                .unwrap_or(state.today);
        }
        Edit::Profile(leicestershire) => state.leicestershire = *leicestershire,
    }
}

fn fixture(good: bool) -> Plan {
    let text = if good {
        include_str!("fixtures/tommy-good.json")
    } else {
        include_str!("fixtures/tommy-unhelpful.json")
    };
    Plan::from_json(text).unwrap_or_else(|error| panic!("{error}"))
}

fn profile(leicestershire: bool) -> Profile {
    if leicestershire {
        Profile::builtin("leicestershire").unwrap_or_else(Profile::default_profile)
    } else {
        Profile::default_profile()
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn the_memoising_checker_equals_a_full_check_after_every_edit(
        good in any::<bool>(),
        edits in prop::collection::vec(edit(), 1..30),
    ) {
        let mut state = State { plan: fixture(good), today: start_date(), leicestershire: false };
        let default_profile = profile(false);
        let other_profile = profile(true);
        let mut checker = PlanChecker::new();
        let options = |state: &State| CheckOptions {
            today: state.today,
            profile: if state.leicestershire { &other_profile } else { &default_profile },
        };
        let mut report = checker.check_plan(&state.plan, options(&state));
        prop_assert_eq!(&report, &check_plan(&state.plan, options(&state)));
        for edit in &edits {
            apply(&mut state, edit, &report);
            report = checker.check_plan(&state.plan, options(&state));
            let expected = check_plan(&state.plan, options(&state));
            prop_assert_eq!(&report, &expected, "after {:?}", edit);
            prop_assert!(checker.remembered_fields() <= cinplan_core::check::fields(&state.plan).len());
        }
    }
}

#[test]
fn memory_follows_the_plan_not_the_number_of_edits() {
    let profile = Profile::default_profile();
    let options = CheckOptions {
        today: start_date(),
        profile: &profile,
    };
    let mut plan = fixture(false);
    let mut checker = PlanChecker::new();
    checker.check_plan(&plan, options);
    let fields = checker.remembered_fields();
    for keystroke in 0..1000 {
        let Some(need) = plan.needs.first_mut() else {
            panic!("the fixture has a need");
        };
        if keystroke % 2 == 0 {
            need.need.push('x');
        } else {
            need.need.pop();
        }
        checker.check_plan(&plan, options);
    }
    assert_eq!(checker.remembered_fields(), fields);
    assert_eq!(checker.fields_checked(), fields + 1000);
}
