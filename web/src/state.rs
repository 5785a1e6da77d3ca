//! The editor's state, shared through context: the plan being edited, the plan as last
//! checked (a debounced copy, so typing never waits for the checker), what the core says
//! about it, each field's own findings (up to date at every keystroke), the undo history,
//! storage and messages.

use std::collections::VecDeque;
use std::time::Duration;

use chrono::NaiveDate;
use cinplan_core::check::{CheckOptions, CheckReport};
use cinplan_core::finding::Finding;
use cinplan_core::incremental::PlanChecker;
use cinplan_core::plan::Plan;
use cinplan_core::profile::Profile;
use cinplan_core::summary::SmartSummary;
use cinplan_core::timeline::{timeline, Timeline};
use gloo_timers::callback::Timeout;
use leptos::prelude::*;

use crate::dates;
use crate::long_check;
use crate::pointer;
use crate::storage::{self, PlanEntry, StorageProblem};

/// How long typing must pause before the whole plan's results (the summary, the timeline,
/// the checks panel, the announcement) follow the text. The edited field's own marks do not
/// wait for it.
const CHECK_DELAY: Duration = Duration::from_millis(180);
/// How long typing must pause before a plan holding a long field
/// ([`long_check::LONG_FIELD`]) is checked: a long paste takes even the worker a tenth of a
/// second or more, and each check sends it the whole plan and brings the whole report back,
/// which should come when the user has stopped, not between two words.
const LONG_FIELD_DELAY: Duration = Duration::from_millis(1500);
/// How long changes must pause before the plan is written to storage.
const SAVE_DELAY: Duration = Duration::from_millis(400);
/// Keystrokes in one field closer together than this undo as one step.
const TYPING_GROUP_MS: f64 = 1200.0;
const HISTORY_LIMIT: usize = 200;
/// How much free text (in bytes) the undo steps may hold in all, as well: a plan holding a
/// long paste is a megabyte a step, and two hundred such steps would fill a laptop's memory.
/// The latest step is always kept.
const HISTORY_TEXT_LIMIT: usize = 32 * 1024 * 1024;

/// The undo-grouping key for changes made in a guest view.
const GUEST_STEP: &str = "#guest-view";

/// How a guest editor hands its changes to the main editor, which owns the plan, its
/// storage and its undo history. The main editor passes two JavaScript functions when it
/// mounts the on-demand module (see components/lazy_view.rs).
#[derive(Debug, Clone)]
pub struct HostLink {
    /// Called with the plan's JSON after each change made in the guest.
    changed: js_sys::Function,
    /// Called with another plan's JSON and id when the guest opens it (training).
    switch_to: js_sys::Function,
    /// The plan's JSON as last exchanged with the main editor, so a plan received from
    /// it is not sent straight back.
    sent: std::rc::Rc<std::cell::RefCell<String>>,
}

impl HostLink {
    pub fn new(changed: js_sys::Function, switch_to: js_sys::Function) -> HostLink {
        HostLink {
            changed,
            switch_to,
            sent: Default::default(),
        }
    }

    fn note_sent(&self, json: String) {
        *self.sent.borrow_mut() = json;
    }

    fn changed(&self, json: String) {
        if *self.sent.borrow() == json {
            return;
        }
        let argument = wasm_bindgen::JsValue::from_str(&json);
        self.note_sent(json);
        if let Err(error) = self.changed.call1(&wasm_bindgen::JsValue::NULL, &argument) {
            leptos::logging::warn!("the editor refused a change: {error:?}");
        }
    }

    fn switch_to(&self, plan: &Plan, id: &str) {
        let result = self.switch_to.call2(
            &wasm_bindgen::JsValue::NULL,
            &wasm_bindgen::JsValue::from_str(&plan.to_json()),
            &wasm_bindgen::JsValue::from_str(id),
        );
        if let Err(error) = result {
            leptos::logging::warn!("the editor refused another plan: {error:?}");
        }
    }
}

/// Whether the plan is safe in the browser's storage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveState {
    Saved(String),
    Pending,
    Problem(StorageProblem),
}

/// A message shown above the plan until dismissed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub kind: NoticeKind,
    pub title: String,
    pub detail: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeKind {
    Success,
    Problem,
}

/// Identifies one finding's mark across re-checks of the same text.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct MarkKey {
    pub pointer: String,
    pub rule: String,
    pub start: Option<usize>,
    pub end: Option<usize>,
}

impl MarkKey {
    pub fn of(finding: &cinplan_core::Finding) -> MarkKey {
        MarkKey {
            pointer: finding.pointer.clone(),
            rule: finding.rule.clone(),
            start: finding.start,
            end: finding.end,
        }
    }

    /// A string usable in element ids.
    pub fn dom_id(&self) -> String {
        format!(
            "mark{}-{}-{}-{}",
            pointer::element_id(&self.pointer),
            self.rule,
            self.start.unwrap_or(0),
            self.end.unwrap_or(0)
        )
    }
}

/// One field as last checked: its text (what the findings' ranges refer to) and the
/// findings on it. Each field's marks are drawn from its own entry, which is replaced only
/// when one of the two changes, so a check after a keystroke redraws the fields it changed
/// and no others.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FieldCheck {
    pub text: String,
    pub findings: Vec<Finding>,
}

/// The signals of one field on screen: its text as the user has it, and its [`FieldCheck`].
/// Each is set only when it changes, so a keystroke wakes the edited field alone.
#[derive(Debug, Clone)]
pub struct FieldSignals {
    pub text: ArcRwSignal<String>,
    pub check: ArcRwSignal<FieldCheck>,
}

impl FieldSignals {
    /// Takes the field's text in `plan`, if it changed.
    fn follow_text(&self, field_pointer: &str, plan: &Plan) {
        let text = plan.text_at(field_pointer).unwrap_or("");
        if self.text.with_untracked(|old| old != text) {
            self.text.set(text.to_owned());
        }
    }

    /// Takes the field's text in `plan` and its findings in `report` (a check of `plan`),
    /// if either changed.
    fn follow_check(&self, field_pointer: &str, plan: &Plan, report: &CheckReport) {
        let text = plan.text_at(field_pointer).unwrap_or("");
        let found = findings_at(&report.findings, field_pointer);
        let unchanged = self
            .check
            .with_untracked(|check| check.text == text && check.findings == found);
        if !unchanged {
            self.check.set(FieldCheck {
                text: text.to_owned(),
                findings: found.to_vec(),
            });
        }
    }
}

/// The fields on screen, sorted by pointer.
type FieldChecks = Vec<(String, FieldSignals)>;

#[derive(Debug, Default)]
struct History {
    /// At most [`HISTORY_LIMIT`] steps and [`HISTORY_TEXT_LIMIT`] of text: the oldest is
    /// dropped first.
    undo: VecDeque<Plan>,
    redo: Vec<Plan>,
    /// The field last typed into and when, to group keystrokes into one undo step.
    typing: Option<(String, f64)>,
}

impl History {
    fn push_undo(&mut self, plan: Plan) {
        self.undo.push_back(plan);
        let mut text: usize = self.undo.iter().map(free_text_size).sum();
        while self.undo.len() > HISTORY_LIMIT || (text > HISTORY_TEXT_LIMIT && self.undo.len() > 1)
        {
            let oldest = self.undo.pop_front();
            text -= oldest.as_ref().map_or(0, free_text_size);
        }
    }
}

/// The bytes of a plan's free text, which is most of what a plan holds.
fn free_text_size(plan: &Plan) -> usize {
    cinplan_core::check::fields(plan)
        .iter()
        .map(|field| field.text.len())
        .sum()
}

/// Everything the components share. Cheap to copy: every part is a handle.
#[derive(Debug, Clone, Copy)]
pub struct Editor {
    /// The plan as the user has it now.
    pub plan: RwSignal<Plan>,
    /// The plan without the text of its free-text fields ([`without_free_text`]), set with
    /// the plan when it differs: what the form's other controls read (row numbers, dates,
    /// ratings, counts, the details). Typing changes free text only, so a keystroke wakes
    /// none of them, where each reader of `plan` runs again at every keystroke. The plan is
    /// therefore changed only through the editor's methods.
    pub form: RwSignal<Plan>,
    /// The plan as last checked in full, after a pause in typing; the positions of the
    /// report's findings refer to its text.
    pub checked: RwSignal<Plan>,
    pub report: Memo<CheckReport>,
    /// SMART letters per row, counts and the score, from the core.
    pub summary: Memo<SmartSummary>,
    pub timeline: Memo<Timeline>,
    pub profile: Memo<Profile>,
    /// The plan's profile name.
    profile_id: RwSignal<String>,
    /// Profile files the user loaded in this browser.
    pub custom_profiles: RwSignal<Vec<Profile>>,
    pub today: NaiveDate,
    /// The id under which the open plan is kept in storage.
    pub plan_id: RwSignal<String>,
    pub saved_plans: RwSignal<Vec<PlanEntry>>,
    pub save_state: RwSignal<SaveState>,
    pub notice: RwSignal<Option<Notice>>,
    /// Text for the polite live region.
    pub announcement: RwSignal<String>,
    /// The field the user last typed into: its findings are announced.
    pub active_field: RwSignal<Option<String>>,
    /// The finding whose popover is open.
    pub open_mark: RwSignal<Option<MarkKey>>,
    /// Whether the open popover was opened by a click or the keyboard: it then stays open
    /// until Esc, its Close button or focus moving away, not when the pointer leaves.
    pub open_mark_pinned: RwSignal<bool>,
    /// The field whose `[placeholders]` Tab moves between, after applying a suggestion.
    pub placeholder_field: RwSignal<Option<String>>,
    pub can_undo: RwSignal<bool>,
    pub can_redo: RwSignal<bool>,
    history: StoredValue<History>,
    /// Kept between checks: after a keystroke only the edited field's rules run again.
    checker: StoredValue<PlanChecker>,
    /// The last report the worker sent, with the plan it is of: taken by [`Editor::report`]
    /// when that plan is the one to check (see [`Editor::check_current`]).
    worker_report: StoredValue<Option<(Plan, CheckReport)>>,
    /// Counts the full checks asked (see [`Editor::check_current`]): a worker's report is
    /// used only if no check was asked after it, here or of the worker, so a late report
    /// never stands for a plan changed or switched since.
    checks_asked: StoredValue<u32>,
    /// Each field's [`FieldCheck`] by pointer, for the fields on screen.
    field_checks: StoredValue<FieldChecks>,
    /// Set when this editor is a guest: the family, child, review or training view in the
    /// on-demand module, editing a copy of the plan that the main editor owns.
    host: StoredValue<Option<HostLink>, LocalStorage>,
    check_timer: StoredValue<Option<Timeout>, LocalStorage>,
    save_timer: StoredValue<Option<Timeout>, LocalStorage>,
    /// When the plan was last saved to storage, to skip redundant writes.
    last_saved: StoredValue<Option<(String, Plan)>>,
}

impl Editor {
    /// Restores the last open plan from storage (or starts a blank one) and wires the
    /// checker, the autosave and the title to it.
    pub fn start() -> Editor {
        let custom_profiles = RwSignal::new(
            storage::saved_profiles()
                .iter()
                .filter_map(|text| Profile::from_json(text).ok())
                .collect::<Vec<_>>(),
        );
        let (initial, plan_id, restored) = restore();
        let editor = Editor::assemble(initial, plan_id, custom_profiles);
        if let Err(problem) = storage::probe() {
            editor.save_state.set(SaveState::Problem(problem));
        }
        if let Some(saved) = restored {
            editor.notice.set(Some(Notice {
                kind: NoticeKind::Success,
                title: "Your plan is back".to_owned(),
                detail: format!(
                    "Restored from this browser{}.",
                    if saved.is_empty() {
                        String::new()
                    } else {
                        format!(" (last saved {saved})")
                    }
                ),
            }));
        }
        editor.wire_autosave();
        editor.wire_unknown_profile_notice();
        editor
    }

    /// The editor's signals and derived checks for a plan, before any wiring.
    fn assemble(initial: Plan, plan_id: String, custom_profiles: RwSignal<Vec<Profile>>) -> Editor {
        let today = dates::today();
        let plan = RwSignal::new(initial.clone());
        let form = RwSignal::new(without_free_text(&initial));
        let checked = RwSignal::new(initial.clone());
        // The profile's name as a signal of its own, set (by the effect below) only when it
        // changes: a keystroke does not read a profile file again, nor wake all that
        // depends on the profile, as a memo's readers would be woken.
        let profile_id = RwSignal::new(initial.profile.clone());
        let profile = Memo::new(move |_| {
            profile_id
                .with(|wanted| find_profile(wanted, &custom_profiles.read()))
                .unwrap_or_else(Profile::default_profile)
        });
        let checker = StoredValue::new(PlanChecker::new());
        // After a keystroke the checker has seen the plan already: the check after the
        // pause runs only the plan rules again.
        let worker_report: StoredValue<Option<(Plan, CheckReport)>> = StoredValue::new(None);
        let report = Memo::new(move |_| {
            let profile = profile.read();
            checked.with(|plan| {
                let from_worker = worker_report
                    .try_update_value(|last| last.take_if(|(of, _)| of == plan))
                    .flatten();
                match from_worker {
                    Some((_, report)) => report,
                    None => check_with(checker, plan, &profile, today),
                }
            })
        });
        let field_checks: StoredValue<FieldChecks> = StoredValue::new(Vec::new());
        // The profile's name and each field's text follow the plan (typing, undo, a
        // suggestion, another plan).
        Effect::new(move |_| {
            plan.with(|plan| {
                if profile_id.with_untracked(|id| *id != plan.profile) {
                    profile_id.set(plan.profile.clone());
                }
                field_checks.with_value(|fields| {
                    for (field_pointer, field) in fields {
                        field.follow_text(field_pointer, plan);
                    }
                });
            });
        });
        // A full check (after a pause, an edit, an undo, another plan, another profile)
        // reaches every field it changed.
        // Tracks the plan as checked too: a check that found the same may still be of
        // another text (a long field typed into, a change made in another view).
        Effect::new(move |_| {
            report.with(|report| {
                checked.with(|plan| {
                    field_checks.with_value(|fields| hand_out(fields, plan, report));
                });
            });
        });
        let summary = Memo::new(move |_| report.with(|report| report.summary.clone()));
        let timeline_memo =
            Memo::new(move |_| checked.with(|plan| timeline(plan, &profile.read(), today)));
        // Whether storage works is asked by `start`: a guest never touches storage.
        let save_state = RwSignal::new(SaveState::Saved(String::new()));
        Editor {
            plan,
            form,
            checked,
            report,
            summary,
            timeline: timeline_memo,
            profile,
            profile_id,
            custom_profiles,
            today,
            plan_id: RwSignal::new(plan_id),
            saved_plans: RwSignal::new(storage::list()),
            save_state,
            notice: RwSignal::new(None),
            announcement: RwSignal::new(String::new()),
            active_field: RwSignal::new(None),
            open_mark: RwSignal::new(None),
            open_mark_pinned: RwSignal::new(false),
            placeholder_field: RwSignal::new(None),
            can_undo: RwSignal::new(false),
            can_redo: RwSignal::new(false),
            history: StoredValue::new(History::default()),
            checker,
            worker_report,
            checks_asked: StoredValue::new(0),
            field_checks,
            host: StoredValue::new_local(None),
            check_timer: StoredValue::new_local(None),
            save_timer: StoredValue::new_local(None),
            last_saved: StoredValue::new(None),
        }
    }

    fn wire_autosave(self) {
        Effect::new(move |_| {
            // Track both: a change to either must be saved.
            self.plan.track();
            self.plan_id.track();
            if matches!(
                self.save_state.get_untracked(),
                SaveState::Problem(StorageProblem::Unavailable)
            ) {
                return;
            }
            let timer = Timeout::new(SAVE_DELAY.as_millis() as u32, move || self.save_now());
            self.save_timer.set_value(Some(timer));
        });
        // A last write when the page is hidden or closed, so nothing typed in the final
        // moments before closing the tab is lost.
        let handle = window_event_listener(leptos::ev::pagehide, move |_| self.save_now());
        // The listener lives as long as the page; there is nothing to clean up after.
        std::mem::forget(handle);
    }

    fn wire_unknown_profile_notice(self) {
        Effect::new(move |previous: Option<String>| {
            let wanted = self.profile_id.get();
            if previous.as_deref() != Some(wanted.as_str())
                && find_profile(&wanted, &self.custom_profiles.read()).is_none()
            {
                self.notice.set(Some(Notice {
                    kind: NoticeKind::Problem,
                    title: format!("The profile \"{wanted}\" is not available here"),
                    detail: "The plan is checked against the default profile (the guidance) \
                             until you load that profile's file under \"Plan details\"."
                        .to_owned(),
                }));
            }
            wanted
        });
    }

    /// Sets the plan, and its [`Editor::form`] when that changed.
    fn set_plan(self, plan: Plan) {
        self.plan.set(plan);
        self.follow_form();
    }

    fn follow_form(self) {
        let form = self.plan.with_untracked(without_free_text);
        if self.form.with_untracked(|old| *old != form) {
            self.form.set(form);
        }
    }

    /// Writes the plan to storage now, if it changed since the last write.
    pub fn save_now(self) {
        if self.is_guest() {
            // The main editor owns storage; a guest's changes reach it through the link.
            return;
        }
        let id = self.plan_id.get_untracked();
        let plan = self.plan.get_untracked();
        let unchanged = self.last_saved.with_value(|last| {
            last.as_ref()
                .is_some_and(|(saved_id, saved)| *saved_id == id && *saved == plan)
        });
        // An untouched new plan is not worth a place in "My plans".
        let untouched = plan == Plan::new_blank()
            && !self
                .saved_plans
                .with_untracked(|saved| saved.iter().any(|entry| entry.id == id));
        if unchanged || untouched {
            return;
        }
        let entry = PlanEntry {
            id: id.clone(),
            child: plan.child.name.trim().to_owned(),
            saved: dates::local_stamp(),
        };
        let saved_at = entry.saved.clone();
        let result = storage::save(entry, &plan.to_json()).and_then(|()| storage::set_current(&id));
        match result {
            Ok(()) => {
                self.last_saved.set_value(Some((id, plan)));
                self.save_state.set(SaveState::Saved(saved_at));
                self.saved_plans.set(storage::list());
            }
            Err(problem) => self.save_state.set(SaveState::Problem(problem)),
        }
    }

    /// Checks the plan as it is now, without waiting for typing to pause.
    pub fn check_now(self) {
        self.check_timer.set_value(None);
        self.check_current();
    }

    /// The profile the plan is checked against, as JSON for the worker and the views
    /// module. Written as the custom profiles are for the views module (not with
    /// `Profile::to_json`, pretty): one serialiser for profiles in the download, not two.
    pub fn profile_json(self) -> String {
        self.profile
            .with_untracked(|profile| serde_json::to_string(profile).unwrap_or_default())
    }

    /// Checks the plan as it is now in full: here, or in the worker when a field is long
    /// (checking it here would keep the page from the keyboard for seconds). Until the
    /// worker's report comes, [`Editor::checked`] stays the plan last checked, so each field
    /// whose text has changed since shows no marks rather than misplaced ones.
    fn check_current(self) {
        let asked = self.checks_asked.get_value().wrapping_add(1);
        self.checks_asked.set_value(asked);
        let plan = self.plan.get_untracked();
        if !long_check::has_long_field(&plan) {
            self.checked.set(plan);
            return;
        }
        let profile = self.profile_json();
        let plan_json = plan.to_json();
        let today = cinplan_core::date_words::iso(self.today);
        let answered = move |reply: Option<String>| {
            // Another check was asked since (or the editor is gone): this report is stale.
            if self.checks_asked.try_get_value() != Some(asked) {
                return;
            }
            // Without a report (the worker failed), the plan is checked here after all.
            if let Some(report) = reply.and_then(|text| long_check::read_report(&text, &plan)) {
                self.worker_report.set_value(Some((plan.clone(), report)));
            }
            self.checked.set(plan);
        };
        if !long_check::request(&plan_json, &profile, &today, answered) {
            self.checked.set(self.plan.get_untracked());
        }
    }

    /// Checks the plan as it is now and gives every field on screen its new findings, now;
    /// the rest of the editor follows after the pause ([`Editor::check_soon`]).
    fn check_fields_now(self) {
        self.plan.with_untracked(|plan| {
            let report = self
                .profile
                .with_untracked(|profile| check_with(self.checker, plan, profile, self.today));
            self.field_checks
                .with_value(|fields| hand_out(fields, plan, &report));
        });
    }

    /// The text of the field at `pointer` and its findings (with the text they were found
    /// in), as signals that change only when they do.
    pub fn field(self, field_pointer: &str) -> FieldSignals {
        let place = match self.find_field(field_pointer) {
            Ok(existing) => return existing,
            Err(place) => place,
        };
        let signals = FieldSignals {
            text: ArcRwSignal::new(String::new()),
            check: ArcRwSignal::new(FieldCheck::default()),
        };
        self.plan
            .with_untracked(|plan| signals.follow_text(field_pointer, plan));
        self.report.with_untracked(|report| {
            self.checked
                .with_untracked(|plan| signals.follow_check(field_pointer, plan, report));
        });
        self.field_checks.update_value(|fields| {
            fields.insert(place, (field_pointer.to_owned(), signals.clone()));
        });
        signals
    }

    /// The signals of the field at `field_pointer`, or where they would go.
    fn find_field(self, field_pointer: &str) -> Result<FieldSignals, usize> {
        self.field_checks.with_value(|fields| {
            fields
                .binary_search_by(|(pointer, _)| pointer.as_str().cmp(field_pointer))
                .map(|index| fields[index].1.clone())
        })
    }

    /// The text of the field at `pointer` as last checked: what its findings' ranges refer to.
    pub fn checked_text(self, field_pointer: &str) -> Option<String> {
        // Every field whose findings can be applied is on screen, so it has signals.
        self.find_field(field_pointer)
            .ok()
            .map(|field| field.check.with_untracked(|check| check.text.clone()))
    }

    fn check_soon(self) {
        self.check_after(CHECK_DELAY);
    }

    fn check_after(self, delay: Duration) {
        let timer = Timeout::new(delay.as_millis() as u32, move || self.check_current());
        self.check_timer.set_value(Some(timer));
    }

    fn remember(self, before: Plan) {
        self.history.update_value(|history| {
            history.push_undo(before);
            history.redo.clear();
        });
        self.sync_history_flags();
    }

    fn sync_history_flags(self) {
        let (undo, redo) = self
            .history
            .with_value(|history| (!history.undo.is_empty(), !history.redo.is_empty()));
        self.can_undo.set(undo);
        self.can_redo.set(redo);
    }

    /// A change made in one step (a button, a suggestion, a date): undoable on its own,
    /// checked at once.
    pub fn edit(self, change: impl FnOnce(&mut Plan)) {
        let before = self.plan.get_untracked();
        let mut after = before.clone();
        change(&mut after);
        if after == before {
            return;
        }
        self.history.update_value(|history| history.typing = None);
        self.remember(before);
        self.set_plan(after);
        self.check_now();
    }

    /// Remembers the plan as an undo step unless the last change, less than
    /// [`TYPING_GROUP_MS`] ago, had the same `group` (a field's pointer, or the guest view):
    /// changes close together in one place undo as one step.
    fn group_undo_step(self, group: &str) {
        let now = js_sys::Date::now();
        let starts_new_step = self.history.with_value(|history| {
            !matches!(&history.typing, Some((last, at)) if last == group && now - at < TYPING_GROUP_MS)
        });
        if starts_new_step {
            self.remember(self.plan.get_untracked());
        }
        self.history
            .update_value(|history| history.typing = Some((group.to_owned(), now)));
    }

    /// Typing into a free-text field: keystrokes in the same field group into one undo
    /// step. The fields' marks follow at once, unless the plan holds a long field (its
    /// checks wait for a longer pause, and go to the worker) or the field is one that every
    /// field's rules read (the child's or lead professional's name); the rest of the editor
    /// follows after a pause.
    pub fn type_text(self, field_pointer: &str, text: String) {
        let free_text = pointer::is_free_text(field_pointer);
        self.group_undo_step(field_pointer);
        self.plan.update(|plan| {
            pointer::set_text(plan, field_pointer, text);
        });
        // The form has no free text (`without_free_text`), so only a name typed changes
        // it: no copy and comparison of the whole plan at every other keystroke.
        if !free_text {
            self.follow_form();
        }
        if self.active_field.get_untracked().as_deref() != Some(field_pointer) {
            self.active_field.set(Some(field_pointer.to_owned()));
        }
        let long = self.plan.with_untracked(long_check::has_long_field);
        if free_text && !long {
            self.check_fields_now();
        }
        self.check_after(if long { LONG_FIELD_DELAY } else { CHECK_DELAY });
    }

    pub fn undo(self) {
        let previous = self.history.try_update_value(|history| {
            history.typing = None;
            history.undo.pop_back()
        });
        if let Some(Some(previous)) = previous {
            let current = self.plan.get_untracked();
            self.history
                .update_value(|history| history.redo.push(current));
            self.set_plan(previous);
            self.check_now();
            self.sync_history_flags();
            self.announce("Undone.");
        }
    }

    pub fn redo(self) {
        let next = self.history.try_update_value(|history| {
            history.typing = None;
            history.redo.pop()
        });
        if let Some(Some(next)) = next {
            let current = self.plan.get_untracked();
            self.history
                .update_value(|history| history.push_undo(current));
            self.set_plan(next);
            self.check_now();
            self.sync_history_flags();
            self.announce("Redone.");
        }
    }

    /// Replaces the open plan with another one kept under `id` (opening a file, an
    /// example, a saved plan, or a new one). The plan left behind is saved first.
    pub fn switch_to(self, plan: Plan, id: String) {
        if let Some(host) = self.host.get_value() {
            host.switch_to(&plan, &id);
            return;
        }
        self.save_now();
        self.history.set_value(History::default());
        self.sync_history_flags();
        self.open_mark.set(None);
        self.placeholder_field.set(None);
        self.active_field.set(None);
        self.set_plan(plan);
        self.plan_id.set(id);
        self.check_now();
        self.save_now();
    }

    /// An editor for a view in the on-demand module: it starts from the main editor's plan,
    /// never touches storage, and hands every change back through `host`.
    pub fn guest(
        plan: Plan,
        plan_id: String,
        custom_profiles: Vec<Profile>,
        host: HostLink,
    ) -> Editor {
        let editor = Editor::assemble(plan, plan_id, RwSignal::new(custom_profiles));
        host.note_sent(editor.plan.with_untracked(Plan::to_json));
        editor.host.set_value(Some(host));
        Effect::new(move |_| {
            let json = editor.plan.with(Plan::to_json);
            if let Some(host) = editor.host.get_value() {
                host.changed(json);
            }
        });
        editor
    }

    fn is_guest(self) -> bool {
        self.host.with_value(Option::is_some)
    }

    /// A guest takes the plan as the main editor now has it (after an undo, a file opened,
    /// another plan chosen), without handing it back.
    pub fn take_from_host(self, plan: Plan) {
        if let Some(host) = self.host.get_value() {
            host.note_sent(plan.to_json());
        }
        self.set_plan(plan);
        self.check_now();
    }

    /// The main editor takes a change made in a guest view. Changes coming close together
    /// undo as one step, like typing in one field.
    pub fn accept_from_guest(self, plan: Plan) {
        if self.plan.with_untracked(|current| *current == plan) {
            return;
        }
        self.group_undo_step(GUEST_STEP);
        self.set_plan(plan);
        self.check_soon();
    }

    pub fn announce(self, message: impl Into<String>) {
        let message = message.into();
        // A repeated message must still be spoken: change the text even when equal.
        if self.announcement.get_untracked() == message {
            self.announcement.set(format!("{message}\u{a0}"));
        } else {
            self.announcement.set(message);
        }
    }

    pub fn show_notice(
        self,
        kind: NoticeKind,
        title: impl Into<String>,
        detail: impl Into<String>,
    ) {
        self.notice.set(Some(Notice {
            kind,
            title: title.into(),
            detail: detail.into(),
        }));
    }

    /// Every profile the user can choose: the shipped ones and those loaded here.
    pub fn profile_choices(self) -> Vec<(String, String)> {
        let mut choices: Vec<(String, String)> = Profile::names()
            .iter()
            .filter_map(|name| Profile::builtin(name))
            .map(|profile| (profile.id, profile.name))
            .collect();
        for profile in self.custom_profiles.get() {
            if !choices.iter().any(|(id, _)| *id == profile.id) {
                choices.push((profile.id.clone(), format!("{} (loaded)", profile.name)));
            }
        }
        choices
    }

    /// Adds (or replaces) a profile the user loaded and keeps it for later visits.
    pub fn add_profile(self, profile: Profile, text: String) {
        let id = profile.id.clone();
        self.custom_profiles.update(|profiles| {
            profiles.retain(|existing| existing.id != id);
            profiles.push(profile);
        });
        let mut texts = storage::saved_profiles();
        texts.retain(|existing| Profile::from_json(existing).is_ok_and(|old| old.id != id));
        texts.push(text);
        if let Err(problem) = storage::save_profiles(&texts) {
            self.save_state.set(SaveState::Problem(problem));
        }
    }
}

/// `plan` with every free-text field (the needs, the actions' cells, the visiting and
/// review frequencies, the contingency, the views) emptied; the child's and the lead
/// professional's names, dates, ratings and everything else as they are.
fn without_free_text(plan: &Plan) -> Plan {
    let mut form = plan.clone();
    for need in &mut form.needs {
        need.need.clear();
        for action in &mut need.actions {
            for text in [
                &mut action.action,
                &mut action.by_whom,
                &mut action.by_when,
                &mut action.outcome,
                &mut action.progress,
            ] {
                text.clear();
            }
        }
    }
    for text in [
        &mut form.visiting,
        &mut form.review_frequency,
        &mut form.contingency,
        &mut form.views.child,
        &mut form.views.parents,
        &mut form.views.others,
    ] {
        text.clear();
    }
    form
}

/// Gives each field in `fields` its text in `plan` and its findings in `report`, replacing
/// only the entries that differ: the marks of a field whose findings stayed the same are
/// not touched.
fn hand_out(fields: &FieldChecks, plan: &Plan, report: &CheckReport) {
    for (field_pointer, field) in fields {
        field.follow_check(field_pointer, plan, report);
    }
}

/// The findings on the field at `field_pointer`: a run of `findings`, which a report keeps
/// sorted by pointer first.
fn findings_at<'a>(findings: &'a [Finding], field_pointer: &str) -> &'a [Finding] {
    let start = findings.partition_point(|finding| finding.pointer.as_str() < field_pointer);
    let rest = findings.get(start..).unwrap_or_default();
    let length = rest.partition_point(|finding| finding.pointer == field_pointer);
    rest.get(..length).unwrap_or_default()
}

/// Checks `plan`, re-running only what changed since the checker's last check. One function
/// for the check at a keystroke and the one after a pause, so the download holds one copy
/// of the checker.
#[inline(never)]
fn check_with(
    checker: StoredValue<PlanChecker>,
    plan: &Plan,
    profile: &Profile,
    today: NaiveDate,
) -> CheckReport {
    let options = CheckOptions { today, profile };
    // The checker lives as long as the editor; a check asked of an editor already torn
    // down finds nothing.
    checker
        .try_update_value(|checker| checker.check_plan(plan, options))
        .unwrap_or_default()
}

fn find_profile(id: &str, custom: &[Profile]) -> Option<Profile> {
    Profile::builtin(id).or_else(|| custom.iter().find(|profile| profile.id == id).cloned())
}

/// A fresh id for a plan kept in storage.
pub fn new_plan_id() -> String {
    format!(
        "{:x}{:06x}",
        js_sys::Date::now() as u64,
        (js_sys::Math::random() * f64::from(0xff_ffff)) as u32
    )
}

/// The plan to open at start: the one open last, or a blank one. The third part is when
/// the restored plan was saved, when one was restored.
fn restore() -> (Plan, String, Option<String>) {
    if let Some(id) = storage::current() {
        if let Some(plan) = storage::load(&id).and_then(|text| Plan::from_json(&text).ok()) {
            let saved = storage::list()
                .into_iter()
                .find(|entry| entry.id == id)
                .map(|entry| entry.saved)
                .unwrap_or_default();
            return (plan, id, Some(saved));
        }
    }
    (Plan::new_blank(), new_plan_id(), None)
}

/// The editor in context.
pub fn use_editor() -> Editor {
    expect_context::<Editor>()
}

#[cfg(test)]
mod tests {
    use super::*;
    use cinplan_core::check::fields;
    use cinplan_core::plan::ProgressRating;

    fn tommy() -> Plan {
        Plan::from_json(include_str!(
            "../../crates/cinplan-core/tests/fixtures/tommy-unhelpful.json"
        ))
        .expect("the fixture is a plan")
    }

    /// A plan whose first row's action holds `bytes` of text.
    fn holding(bytes: usize) -> Plan {
        let mut plan = tommy();
        pointer::set_text(&mut plan, "/needs/0/actions/0/action", "a".repeat(bytes));
        plan
    }

    #[test]
    fn undo_steps_are_bounded_by_count_and_by_the_text_they_hold() {
        let mut history = History::default();
        for _ in 0..HISTORY_LIMIT + 5 {
            history.push_undo(tommy());
        }
        assert_eq!(history.undo.len(), HISTORY_LIMIT);

        // Megabyte pastes: as many steps as fit in the limit, the latest kept.
        let mut history = History::default();
        let megabyte = 1024 * 1024;
        for _ in 0..60 {
            history.push_undo(holding(megabyte));
        }
        let held: usize = history.undo.iter().map(free_text_size).sum();
        assert!(held <= HISTORY_TEXT_LIMIT, "{held} bytes held");
        let each = free_text_size(&holding(megabyte));
        assert_eq!(history.undo.len(), HISTORY_TEXT_LIMIT / each);

        // A single step past the limit is still kept: the user can undo their last paste.
        let mut history = History::default();
        history.push_undo(holding(HISTORY_TEXT_LIMIT + 1));
        assert_eq!(history.undo.len(), 1);
    }

    #[test]
    fn the_form_has_no_free_text_and_keeps_the_rest() {
        let plan = tommy();
        let form = without_free_text(&plan);
        assert!(fields(&plan).iter().any(|field| !field.text.is_empty()));
        for field in fields(&form) {
            assert_eq!(field.text, "", "{} kept its text", field.pointer);
        }
        assert_eq!(form.child, plan.child);
        assert_eq!(form.dates, plan.dates);
        assert_eq!(form.needs.len(), plan.needs.len());
    }

    #[test]
    fn typing_leaves_the_form_as_it_was_and_other_changes_do_not() {
        let plan = tommy();
        let mut typed = plan.clone();
        for field in fields(&plan) {
            assert!(pointer::set_text(
                &mut typed,
                &field.pointer,
                format!("{} ongoing", field.text)
            ));
        }
        assert_eq!(without_free_text(&typed), without_free_text(&plan));

        let mut rated = plan.clone();
        rated.needs[0].actions[0].progress_rating = Some(ProgressRating::Partly);
        assert_ne!(without_free_text(&rated), without_free_text(&plan));
        let mut renamed = plan.clone();
        renamed.child.name.push('x');
        assert_ne!(without_free_text(&renamed), without_free_text(&plan));
    }
}
