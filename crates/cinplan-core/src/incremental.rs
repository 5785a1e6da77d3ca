//! Checking a plan again after an edit, re-running only the field rules whose inputs changed.
//!
//! [`PlanChecker`] gives exactly what [`check_plan`](crate::check::check_plan) gives for the
//! same plan and options. It keeps, for every free-text field, what the field rules found
//! there, with the inputs those rules read:
//!
//! - the field's own text and where it is (its pointer, which its findings carry);
//! - what the field's rules read of the rest of its row (see [`RowInputs`]);
//! - what they read of the plan around it, the *frame* (see [`Frame`]): the child, the lead
//!   professional, the dates, the kind of plan, the region, visits and reviews, and the
//!   profile and today's date. The tables of needs and actions, the plan's own free-text
//!   sections and its suppressions are not in the frame: the field rules do not read them
//!   (suppressions are applied to the published findings on every check).
//!
//! A field whose inputs are unchanged reuses its findings; when the frame changes, every
//! field is checked again. The plan rules (a few passes over the whole plan) always run,
//! and so do superseding, suppressions, sorting and the summary, which work on the
//! findings of every field together.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::check::{
    calendar_for, fields, finish_field_at, finish_report, locate_field_reading, CheckOptions,
    CheckReport, FieldRef, Located,
};
use crate::finding::Finding;
use crate::plan::{Action, Plan, Suppressions, Views};
use crate::profile::Profile;
use crate::rules::{FieldName, TimescaleReadings};
use crate::timescale::Timescale;

/// More remembered fields than this (a host checking cells of many forms one by one through
/// [`PlanChecker::check_field_at`]) and the memory is emptied rather than grown.
const MAX_REMEMBERED_FIELDS: usize = 20_000;

/// What the field rules of one field read of the rest of its action row. Kept as narrow as
/// the rules read it, so typing in one cell does not re-check its neighbours:
///
/// - `hidden-actor` (on "Action") reads whether the row's "By whom" names someone;
/// - `date-in-past` (on "By when") reads whether the row has progress recorded (text or a
///   rating).
///
/// A field rule that starts reading more of its row must add it here; the property test in
/// `tests/incremental.rs` compares against `check_plan` after random edits of every cell.
#[derive(Debug, Clone, PartialEq, Eq)]
enum RowInputs {
    None,
    ByWhom(String),
    ProgressRecorded(bool),
}

impl RowInputs {
    fn of(plan: &Plan, field: &FieldRef<'_>) -> RowInputs {
        let row: Option<&Action> = field
            .need_index
            .zip(field.action_index)
            .and_then(|(need, action)| plan.needs.get(need)?.actions.get(action));
        match (field.field, row) {
            (FieldName::Action, Some(row)) => RowInputs::ByWhom(row.by_whom.clone()),
            (FieldName::ByWhen, Some(row)) => RowInputs::ProgressRecorded(
                !row.progress.trim().is_empty() || row.progress_rating.is_some(),
            ),
            _ => RowInputs::None,
        }
    }

    fn matches(&self, plan: &Plan, field: &FieldRef<'_>) -> bool {
        *self == RowInputs::of(plan, field)
    }
}

/// Everything besides a field's own row that its rules may read: the plan without its
/// needs, its free-text sections and its suppressions, the profile and today.
#[derive(Debug, Clone, PartialEq)]
struct Frame {
    plan: Plan,
    profile: Profile,
    today: NaiveDate,
}

impl Frame {
    fn of(plan: &Plan, options: CheckOptions<'_>) -> Frame {
        Frame {
            plan: plan_frame(plan),
            profile: options.profile.clone(),
            today: options.today,
        }
    }

    fn is_of(&self, plan: &Plan, options: CheckOptions<'_>) -> bool {
        self.today == options.today
            && self.profile == *options.profile
            && same_plan_frame(&self.plan, plan)
    }
}

/// `plan` without what is outside the frame (see [`Frame`]). Every field is named, so a
/// field added to [`Plan`] has to be placed in or out of the frame here.
fn plan_frame(plan: &Plan) -> Plan {
    let Plan {
        format,
        kind,
        region,
        profile,
        child,
        lead_professional,
        dates,
        visiting: _,
        review_frequency: _,
        contingency: _,
        views: _,
        needs: _,
        visits,
        reviews,
        previous_versions,
        suppressions: _,
        extra,
    } = plan;
    Plan {
        format: format.clone(),
        kind: *kind,
        region: *region,
        profile: profile.clone(),
        child: child.clone(),
        lead_professional: lead_professional.clone(),
        dates: dates.clone(),
        visiting: String::new(),
        review_frequency: String::new(),
        contingency: String::new(),
        views: Views::default(),
        needs: Vec::new(),
        visits: visits.clone(),
        reviews: reviews.clone(),
        previous_versions: previous_versions.clone(),
        suppressions: Suppressions::default(),
        extra: extra.clone(),
    }
}

/// Whether `plan`'s frame is `frame` (made by [`plan_frame`]), without copying `plan`.
fn same_plan_frame(frame: &Plan, plan: &Plan) -> bool {
    frame.format == plan.format
        && frame.kind == plan.kind
        && frame.region == plan.region
        && frame.profile == plan.profile
        && frame.child == plan.child
        && frame.lead_professional == plan.lead_professional
        && frame.dates == plan.dates
        && frame.visits == plan.visits
        && frame.reviews == plan.reviews
        && frame.previous_versions == plan.previous_versions
        && frame.extra == plan.extra
}

/// One field's findings with the inputs they came from.
#[derive(Debug, Clone)]
struct Remembered {
    field: FieldName,
    text: String,
    row: RowInputs,
    located: Vec<Located>,
    /// The reading of `text` when the field is a timescale, shared with the plan rules
    /// (valid while the frame, which holds the dates, today and the calendar, is the same).
    reading: Option<Timescale>,
}

/// A checker that remembers each field's findings between checks of the same plan as it is
/// edited. Hold one per plan being edited (an editor, a form).
#[derive(Debug, Default)]
pub struct PlanChecker {
    frame: Option<Frame>,
    /// By pointer.
    remembered: HashMap<String, Remembered>,
    fields_checked: usize,
}

impl PlanChecker {
    pub fn new() -> PlanChecker {
        PlanChecker::default()
    }

    /// Checks `plan` as [`check_plan`](crate::check::check_plan) does, re-running the field
    /// rules only on fields whose inputs changed since the last check. Forgets fields the
    /// plan no longer has, so memory follows the plan's size, not the number of edits.
    pub fn check_plan(&mut self, plan: &Plan, options: CheckOptions<'_>) -> CheckReport {
        self.prepare(plan, options);
        let calendar = calendar_for(plan, options.profile);
        let all_fields = fields(plan);
        let mut previous = std::mem::take(&mut self.remembered);
        let mut located = Vec::new();
        for field in &all_fields {
            let entry = match previous.remove(&field.pointer) {
                Some(entry) if entry.is_for(plan, field) => entry,
                _ => {
                    self.fields_checked += 1;
                    Remembered::check(plan, field, options, &calendar)
                }
            };
            located.extend(entry.located.iter().cloned());
            self.remembered.insert(field.pointer.clone(), entry);
        }
        let readings = TimescaleReadings::new(self.remembered.values().filter_map(|entry| {
            entry
                .reading
                .as_ref()
                .map(|reading| (entry.text.as_str(), reading))
        }));
        finish_report(plan, &all_fields, located, options, &calendar, &readings)
    }

    /// Checks the field at `pointer` of `plan` as
    /// [`check_field_at`](crate::check::check_field_at) does, reusing its field rules'
    /// findings when its inputs are unchanged. Other fields are remembered as they are.
    pub fn check_field_at(
        &mut self,
        plan: &Plan,
        pointer: &str,
        options: CheckOptions<'_>,
    ) -> Vec<Finding> {
        let all_fields = fields(plan);
        let Some(field) = all_fields.iter().find(|field| field.pointer == pointer) else {
            return Vec::new();
        };
        self.prepare(plan, options);
        if self.remembered.len() >= MAX_REMEMBERED_FIELDS {
            self.remembered.clear();
        }
        let calendar = calendar_for(plan, options.profile);
        let reusable = self
            .remembered
            .get(pointer)
            .is_some_and(|entry| entry.is_for(plan, field));
        if !reusable {
            self.fields_checked += 1;
            let entry = Remembered::check(plan, field, options, &calendar);
            self.remembered.insert(field.pointer.clone(), entry);
        }
        let own = self
            .remembered
            .get(pointer)
            .map(|entry| entry.located.clone())
            .unwrap_or_default();
        finish_field_at(plan, field, own, options, &calendar)
    }

    /// How many fields have had their field rules run since this checker was made: a
    /// measure of the work saved, for tests and benchmarks.
    pub fn fields_checked(&self) -> usize {
        self.fields_checked
    }

    /// How many fields' findings are remembered now.
    pub fn remembered_fields(&self) -> usize {
        self.remembered.len()
    }

    /// Forgets everything: the next check runs every rule on every field.
    pub fn clear(&mut self) {
        self.frame = None;
        self.remembered.clear();
    }

    /// Forgets every field's findings when what they read around them changed.
    fn prepare(&mut self, plan: &Plan, options: CheckOptions<'_>) {
        if !self
            .frame
            .as_ref()
            .is_some_and(|frame| frame.is_of(plan, options))
        {
            self.remembered.clear();
            self.frame = Some(Frame::of(plan, options));
        }
    }
}

impl Remembered {
    fn check(
        plan: &Plan,
        field: &FieldRef<'_>,
        options: CheckOptions<'_>,
        calendar: &crate::calendar::Calendar,
    ) -> Remembered {
        let (located, reading) = locate_field_reading(plan, field, options, calendar);
        Remembered {
            field: field.field,
            text: field.text.to_owned(),
            row: RowInputs::of(plan, field),
            located,
            reading,
        }
    }

    fn is_for(&self, plan: &Plan, field: &FieldRef<'_>) -> bool {
        self.field == field.field && self.text == field.text && self.row.matches(plan, field)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::{check_field_at, check_plan};

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default()
    }

    /// The unhelpful Tommy plan with two needs of two rows each, one row without progress.
    fn plan() -> Plan {
        let text = include_str!("../tests/fixtures/tommy-unhelpful.json");
        let mut plan = Plan::from_json(text).unwrap_or_else(|error| panic!("{error}"));
        let Some(need) = plan.needs.first_mut() else {
            panic!("the fixture has a need");
        };
        let Some(mut second) = need.actions.first().cloned() else {
            panic!("the fixture has a row");
        };
        second.progress.clear();
        second.progress_rating = None;
        second.by_whom = "Sam Jones, social worker".to_owned();
        need.actions.push(second);
        let mut other = need.clone();
        other.need = "Tommy's school attendance is 80%.".to_owned();
        plan.needs.push(other);
        plan
    }

    fn options(profile: &Profile) -> CheckOptions<'_> {
        CheckOptions {
            today: today(),
            profile,
        }
    }

    #[test]
    fn the_first_check_checks_every_field_and_equals_check_plan() {
        let profile = Profile::default_profile();
        let plan = plan();
        let mut checker = PlanChecker::new();
        assert_eq!(
            checker.check_plan(&plan, options(&profile)),
            check_plan(&plan, options(&profile))
        );
        assert_eq!(checker.fields_checked(), fields(&plan).len());
    }

    #[test]
    fn an_unchanged_plan_checks_no_field_again() {
        let profile = Profile::default_profile();
        let plan = plan();
        let mut checker = PlanChecker::new();
        let first = checker.check_plan(&plan, options(&profile));
        let before = checker.fields_checked();
        assert_eq!(checker.check_plan(&plan, options(&profile)), first);
        assert_eq!(checker.fields_checked(), before);
    }

    fn cell_mut(plan: &mut Plan, need: usize, action: usize, cell: usize) -> Option<&mut String> {
        let row = plan.needs.get_mut(need)?.actions.get_mut(action)?;
        Some(match cell {
            0 => &mut row.action,
            1 => &mut row.by_whom,
            2 => &mut row.by_when,
            3 => &mut row.outcome,
            _ => &mut row.progress,
        })
    }

    #[test]
    fn editing_one_cell_checks_only_that_cell_and_what_reads_it() {
        let profile = Profile::default_profile();
        let mut plan = plan();
        let mut checker = PlanChecker::new();
        checker.check_plan(&plan, options(&profile));
        let mut edits = 0;
        for (need, action) in [(0, 0), (0, 1), (1, 0)] {
            for cell in 0..5 {
                let Some(text) = cell_mut(&mut plan, need, action, cell) else {
                    continue;
                };
                let was_blank = text.trim().is_empty();
                text.push_str(" ongoing");
                let before = checker.fields_checked();
                let report = checker.check_plan(&plan, options(&profile));
                assert_eq!(report, check_plan(&plan, options(&profile)));
                // "Action" reads its row's "By whom" (hidden-actor); "By when" reads
                // whether progress is recorded (date-in-past).
                let expected = match cell {
                    1 => 2,
                    4 if was_blank
                        && plan.needs[need].actions[action].progress_rating.is_none() =>
                    {
                        2
                    }
                    _ => 1,
                };
                assert_eq!(
                    checker.fields_checked() - before,
                    expected,
                    "row {need}/{action}, cell {cell}"
                );
                edits += 1;
            }
        }
        assert!(edits >= 10, "the fixture has rows to edit");
    }

    #[test]
    fn a_change_in_what_a_neighbour_reads_checks_the_neighbour_too() {
        let profile = Profile::default_profile();
        let mut plan = plan();
        let mut checker = PlanChecker::new();
        checker.check_plan(&plan, options(&profile));
        let Some(row) = plan
            .needs
            .first_mut()
            .and_then(|need| need.actions.first_mut())
        else {
            panic!("the fixture has a row");
        };
        row.by_whom = "Sam Jones, social worker".to_owned();
        let before = checker.fields_checked();
        let report = checker.check_plan(&plan, options(&profile));
        assert_eq!(report, check_plan(&plan, options(&profile)));
        // "By whom" itself and the row's "Action", which reads it.
        assert_eq!(checker.fields_checked() - before, 2);
    }

    #[test]
    fn a_change_around_the_fields_checks_every_field_again() {
        let profile = Profile::default_profile();
        let mut plan = plan();
        let mut checker = PlanChecker::new();
        checker.check_plan(&plan, options(&profile));
        plan.child.name = "Alex".to_owned();
        let before = checker.fields_checked();
        assert_eq!(
            checker.check_plan(&plan, options(&profile)),
            check_plan(&plan, options(&profile))
        );
        assert_eq!(checker.fields_checked() - before, fields(&plan).len());
        let later = CheckOptions {
            today: today() + chrono::Days::new(40),
            profile: &profile,
        };
        assert_eq!(checker.check_plan(&plan, later), check_plan(&plan, later));
    }

    #[test]
    fn suppressions_apply_without_checking_fields_again() {
        let profile = Profile::default_profile();
        let mut plan = plan();
        let mut checker = PlanChecker::new();
        let first = checker.check_plan(&plan, options(&profile));
        let Some(finding) = first.findings.first() else {
            panic!("the unhelpful plan has findings");
        };
        crate::check::ignore_in_plan(&mut plan, finding, "agreed");
        let before = checker.fields_checked();
        let report = checker.check_plan(&plan, options(&profile));
        assert_eq!(report, check_plan(&plan, options(&profile)));
        assert_eq!(report.ignored.len(), first.ignored.len() + 1);
        assert_eq!(checker.fields_checked(), before);
    }

    #[test]
    fn removed_fields_are_forgotten() {
        let profile = Profile::default_profile();
        let mut plan = plan();
        let mut checker = PlanChecker::new();
        checker.check_plan(&plan, options(&profile));
        let all = checker.remembered_fields();
        plan.needs.truncate(1);
        assert_eq!(
            checker.check_plan(&plan, options(&profile)),
            check_plan(&plan, options(&profile))
        );
        assert_eq!(checker.remembered_fields(), fields(&plan).len());
        assert!(checker.remembered_fields() < all);
    }

    #[test]
    fn one_field_is_checked_as_check_field_at_checks_it() {
        let profile = Profile::default_profile();
        let mut plan = plan();
        let mut checker = PlanChecker::new();
        let pointers: Vec<String> = fields(&plan)
            .into_iter()
            .map(|field| field.pointer)
            .collect();
        for pointer in &pointers {
            assert_eq!(
                checker.check_field_at(&plan, pointer, options(&profile)),
                check_field_at(&plan, pointer, options(&profile)),
                "{pointer}"
            );
        }
        let before = checker.fields_checked();
        plan.contingency.push_str(" TBC");
        for pointer in &pointers {
            assert_eq!(
                checker.check_field_at(&plan, pointer, options(&profile)),
                check_field_at(&plan, pointer, options(&profile)),
                "{pointer}"
            );
        }
        assert_eq!(checker.fields_checked() - before, 1);
        assert!(checker
            .check_field_at(&plan, "/needs/99/need", options(&profile))
            .is_empty());
    }
}
