//! `PlanSession`: one plan being edited, kept in WebAssembly with its checker and its last
//! report, so that a keystroke sends one field's text in and only what changed out.
//!
//! `checkPlan` re-checks incrementally too, but every call reads the whole plan's JSON and
//! returns the whole report: for a 40-row plan about 100 KB of JSON to write, decode and
//! parse, and as much garbage for JavaScript's collector, where a keystroke changes a
//! finding or two and a row of the SMART summary. A session's edit answers with a
//! [`PlanChange`]: for each list of the report (findings, ignored findings, summary rows)
//! the one stretch that differs from the previous report, as a splice, and the small
//! parts of the summary.

use chrono::NaiveDate;
use serde::Serialize;

use cinplan_core::check::{CheckOptions, CheckReport};
use cinplan_core::incremental::PlanChecker;
use cinplan_core::plan::Plan;
use cinplan_core::profile::Profile;
use cinplan_core::summary::{LetterStatus, RowSummary, SeverityCounts};
use cinplan_core::Finding;

use crate::api::{plan_profile, ApiError, ApiResult, PlanInput, PlanOptions, ProfileInput};

/// The findings from index `at` of the previous list: `remove` of them replaced by
/// `insert` (JavaScript's `list.splice(at, remove, ...insert)`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct FindingSplice {
    pub at: usize,
    pub remove: usize,
    pub insert: Vec<Finding>,
}

/// The summary rows from index `at` of the previous list: `remove` of them replaced by
/// `insert` (JavaScript's `list.splice(at, remove, ...insert)`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct RowSplice {
    pub at: usize,
    pub remove: usize,
    pub insert: Vec<RowSummary>,
}

/// How the SMART summary changed: its rows as a splice, the sections' and the plan's
/// letters only when they changed, and the counts and score always.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct SummaryChange {
    pub rows: RowSplice,
    /// The plan's own sections' letters, when they changed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sections: Option<Vec<LetterStatus>>,
    /// The whole plan's letters, when they changed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plan: Option<Vec<LetterStatus>>,
    pub counts: SeverityCounts,
    pub ignored: usize,
    pub score: u8,
}

/// What an edit changed in a `PlanSession`'s report. Applied to the previous report it
/// gives the new one:
/// `report.findings.splice(c.findings.at, c.findings.remove, ...c.findings.insert)`, the
/// same for `ignored` and `summary.rows`, and the other keys of `c.summary` assigned to
/// `report.summary`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct PlanChange {
    pub findings: FindingSplice,
    pub ignored: FindingSplice,
    pub summary: SummaryChange,
}

/// The stretch where `new` differs from `old`: (at, how many of `old` go, `new`'s items
/// that come instead). Equal items at both ends are left where they are.
fn differing<'a, T: PartialEq>(old: &[T], new: &'a [T]) -> (usize, usize, &'a [T]) {
    let prefix = old
        .iter()
        .zip(new)
        .take_while(|(old, new)| old == new)
        .count();
    let (old_rest, new_rest) = (
        old.get(prefix..).unwrap_or_default(),
        new.get(prefix..).unwrap_or_default(),
    );
    let suffix = old_rest
        .iter()
        .rev()
        .zip(new_rest.iter().rev())
        .take_while(|(old, new)| old == new)
        .count();
    let inserted = new_rest.get(..new_rest.len() - suffix).unwrap_or_default();
    (prefix, old_rest.len() - suffix, inserted)
}

fn finding_splice(old: &[Finding], new: &[Finding]) -> FindingSplice {
    let (at, remove, insert) = differing(old, new);
    FindingSplice {
        at,
        remove,
        insert: insert.to_vec(),
    }
}

/// What changed from `old` to `new`.
pub fn change_between(old: &CheckReport, new: &CheckReport) -> PlanChange {
    let (at, remove, insert) = differing(&old.summary.rows, &new.summary.rows);
    let changed =
        |old: &Vec<LetterStatus>, new: &Vec<LetterStatus>| (old != new).then(|| new.clone());
    PlanChange {
        findings: finding_splice(&old.findings, &new.findings),
        ignored: finding_splice(&old.ignored, &new.ignored),
        summary: SummaryChange {
            rows: RowSplice {
                at,
                remove,
                insert: insert.to_vec(),
            },
            sections: changed(&old.summary.sections, &new.summary.sections),
            plan: changed(&old.summary.plan, &new.summary.plan),
            counts: new.summary.counts,
            ignored: new.summary.ignored,
            score: new.summary.score,
        },
    }
}

/// A plan being edited, with its checker and its last report.
#[derive(Debug)]
pub struct PlanSession {
    plan: Plan,
    /// The profile given when the session was opened; `None` follows the plan's own.
    given_profile: Option<ProfileInput>,
    profile: Profile,
    checker: PlanChecker,
    report: CheckReport,
}

impl PlanSession {
    /// Reads and checks `plan`.
    pub fn open(
        plan: &PlanInput,
        options: &PlanOptions,
        today: NaiveDate,
    ) -> ApiResult<PlanSession> {
        let plan = plan.read()?;
        let profile = plan_profile(&plan, options.profile.as_ref())?;
        let mut session = PlanSession {
            plan,
            given_profile: options.profile.clone(),
            profile,
            checker: PlanChecker::new(),
            report: CheckReport::default(),
        };
        session.report = session.check(today);
        Ok(session)
    }

    fn check(&mut self, today: NaiveDate) -> CheckReport {
        let options = CheckOptions {
            today,
            profile: &self.profile,
        };
        self.checker.check_plan(&self.plan, options)
    }

    fn recheck(&mut self, today: NaiveDate) -> PlanChange {
        let report = self.check(today);
        let change = change_between(&self.report, &report);
        self.report = report;
        change
    }

    /// Sets the text at `pointer` (see [`TextPointer`](cinplan_core::text_pointer::TextPointer))
    /// and checks the plan again.
    pub fn set_text(
        &mut self,
        pointer: &str,
        text: &str,
        today: NaiveDate,
    ) -> ApiResult<PlanChange> {
        let Some(slot) = self.plan.text_at_mut(pointer) else {
            return Err(ApiError(format!(
                "setText: the plan has no text field at \"{pointer}\" (a field is named as \
                 findings name it, for example /needs/0/actions/1/by_when or /contingency; \
                 /child/name and /lead_professional/name too); use setPlan for other changes"
            )));
        };
        if slot != text {
            text.clone_into(slot);
        }
        Ok(self.recheck(today))
    }

    /// Replaces the whole plan (a row added, a date changed, …) and checks it again; the
    /// fields whose text and surroundings are unchanged keep their findings.
    pub fn set_plan(&mut self, plan: &PlanInput, today: NaiveDate) -> ApiResult<PlanChange> {
        let plan = plan.read()?;
        if self.given_profile.is_none() && plan.profile != self.plan.profile {
            self.profile = plan_profile(&plan, None)?;
        }
        self.plan = plan;
        Ok(self.recheck(today))
    }

    /// The last check's whole report.
    pub fn report(&self) -> &CheckReport {
        &self.report
    }

    /// The plan as it stands after the edits.
    pub fn plan(&self) -> &Plan {
        &self.plan
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use cinplan_core::check;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default()
    }

    fn tommy() -> String {
        include_str!("../../cinplan-core/tests/fixtures/tommy-unhelpful.json").to_owned()
    }

    fn fresh(plan: &Plan) -> CheckReport {
        let profile = Profile::builtin(&plan.profile).unwrap_or_else(Profile::default_profile);
        check::check_plan(
            plan,
            CheckOptions {
                today: today(),
                profile: &profile,
            },
        )
    }

    fn splice<T: Clone>(list: &mut Vec<T>, at: usize, remove: usize, insert: &[T]) {
        list.splice(at..at + remove, insert.iter().cloned());
    }

    /// What a host does with a change: the previous report spliced.
    fn apply(report: &mut CheckReport, change: &PlanChange) {
        let PlanChange {
            findings,
            ignored,
            summary,
        } = change;
        splice(
            &mut report.findings,
            findings.at,
            findings.remove,
            &findings.insert,
        );
        splice(
            &mut report.ignored,
            ignored.at,
            ignored.remove,
            &ignored.insert,
        );
        let rows = &summary.rows;
        splice(&mut report.summary.rows, rows.at, rows.remove, &rows.insert);
        if let Some(sections) = &summary.sections {
            report.summary.sections = sections.clone();
        }
        if let Some(plan) = &summary.plan {
            report.summary.plan = plan.clone();
        }
        report.summary.counts = summary.counts;
        report.summary.ignored = summary.ignored;
        report.summary.score = summary.score;
    }

    #[test]
    fn after_every_edit_the_changes_give_what_a_fresh_check_gives() {
        let mut session =
            PlanSession::open(&PlanInput::Text(tommy()), &PlanOptions::default(), today())
                .unwrap_or_else(|problem| panic!("{problem}"));
        let mut held = session.report().clone();
        assert_eq!(held, fresh(session.plan()));
        let edits: [(&str, &str); 12] = [
            (
                "/needs/0/actions/0/action",
                "Support will be offered, ongoing",
            ),
            (
                "/needs/0/actions/0/action",
                "Support will be offered, ongoingx",
            ),
            ("/needs/0/actions/0/by_when", "ASAP"),
            ("/needs/0/actions/0/by_whom", ""),
            ("/needs/0/actions/0/by_whom", "Sam Jones, social worker"),
            ("/needs/0/actions/0/by_when", "by 1 December 2026"),
            ("/needs/0/need", "Tommy is withdrawn at school."),
            ("/contingency", "We will monitor it as appropriate."),
            ("/child/name", "Alex"),
            ("/lead_professional/name", "Sam Jones"),
            ("/views/child", "Alex says he likes football with Dad."),
            ("/needs/0/actions/0/progress", "Two sessions attended."),
        ];
        let mut touched_summary = false;
        for (pointer, text) in edits {
            let change = session
                .set_text(pointer, text, today())
                .unwrap_or_else(|problem| panic!("{pointer}: {problem}"));
            touched_summary |= change.summary.rows.remove > 0 || change.summary.plan.is_some();
            apply(&mut held, &change);
            let expected = fresh(session.plan());
            assert_eq!(session.report(), &expected, "{pointer} = {text:?}");
            assert_eq!(held, expected, "{pointer} = {text:?}, applied: {change:#?}");
        }
        // The edits above change rows' letters, so the rows' splice is exercised.
        assert!(touched_summary);
    }

    #[test]
    fn a_keystroke_sends_only_the_edited_fields_stretch() {
        let mut session =
            PlanSession::open(&PlanInput::Text(tommy()), &PlanOptions::default(), today())
                .unwrap_or_else(|problem| panic!("{problem}"));
        let before = session.report().findings.len();
        let pointer = "/needs/0/actions/0/action";
        let change = session
            .set_text(pointer, "Support will be offered ASAP", today())
            .unwrap_or_else(|problem| panic!("{problem}"));
        assert!(before > 4);
        assert!(change.findings.insert.len() < before / 2, "{change:#?}");
        // The same text again changes nothing.
        let again = session
            .set_text(pointer, "Support will be offered ASAP", today())
            .unwrap_or_else(|problem| panic!("{problem}"));
        assert_eq!((again.findings.remove, again.findings.insert.len()), (0, 0));
        assert_eq!(
            (again.summary.rows.remove, again.summary.rows.insert.len()),
            (0, 0)
        );
        assert!(again.summary.sections.is_none() && again.summary.plan.is_none());
    }

    #[test]
    fn a_whole_plan_replaced_gives_the_changes_too() {
        let mut session =
            PlanSession::open(&PlanInput::Text(tommy()), &PlanOptions::default(), today())
                .unwrap_or_else(|problem| panic!("{problem}"));
        let mut held = session.report().clone();
        let mut plan = session.plan().clone();
        plan.needs.push(plan.needs[0].clone());
        plan.needs[1].actions[0].by_when = "ongoing".to_owned();
        plan.dates.first_review = NaiveDate::from_ymd_opt(2027, 1, 4);
        for edited in [plan.clone(), Plan::new_blank(), plan] {
            let change = session
                .set_plan(&PlanInput::Text(edited.to_json()), today())
                .unwrap_or_else(|problem| panic!("{problem}"));
            apply(&mut held, &change);
            assert_eq!(held, fresh(&edited));
        }
    }

    #[test]
    fn an_unknown_pointer_is_refused_and_changes_nothing() {
        let mut session =
            PlanSession::open(&PlanInput::Text(tommy()), &PlanOptions::default(), today())
                .unwrap_or_else(|problem| panic!("{problem}"));
        let plan = session.plan().clone();
        for pointer in [
            "",
            "/",
            "needs/0/need",
            "/needs/7/need",
            "/needs/0/actions/0/colour",
            "/needs/00/need",
            "/needs/-1/need",
            "/needs/0/actions/0/action/extra",
            "/views/grandparents",
            "/dates/first_review",
        ] {
            let refused = session.set_text(pointer, "x", today());
            assert!(
                refused.is_err_and(
                    |problem| problem.0.contains("setText") && problem.0.contains(pointer)
                ),
                "{pointer}"
            );
        }
        assert_eq!(session.plan(), &plan);
    }

    #[test]
    fn differing_finds_the_one_stretch_that_changed() {
        assert_eq!(differing(&[1, 2, 3, 4], &[1, 2, 3, 4]), (4, 0, &[][..]));
        assert_eq!(differing(&[1, 2, 3, 4], &[1, 9, 3, 4]), (1, 1, &[9][..]));
        assert_eq!(differing(&[1, 2, 4], &[1, 2, 3, 4]), (2, 0, &[3][..]));
        assert_eq!(differing(&[1, 2, 3, 4], &[1, 4]), (1, 2, &[][..]));
        // A repeated item: the stretch is not counted twice.
        assert_eq!(differing(&[1, 1], &[1, 1, 1]), (2, 0, &[1][..]));
        assert_eq!(differing(&[], &[5, 6]), (0, 0, &[5, 6][..]));
        assert_eq!(differing(&[5, 6], &[]), (0, 2, &[][..]));
    }
}
