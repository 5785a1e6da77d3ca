//! Plans kept in the browser's own storage (localStorage): several plans, each under its
//! own key, an index listing them, and which one was open. Every failure is reported, never
//! hidden, so the editor can tell the user their work is only in memory.

use serde::{Deserialize, Serialize};
use web_sys::Storage;

const INDEX_KEY: &str = "cinplan.plans";
const CURRENT_KEY: &str = "cinplan.current";
const PROFILES_KEY: &str = "cinplan.profiles";
const PLAN_PREFIX: &str = "cinplan.plan.";

/// One saved plan as the plan list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanEntry {
    pub id: String,
    /// The child's name when the plan was last saved ("" when none yet).
    pub child: String,
    /// When it was last saved, as the browser's local time ("2026-11-22 15:04").
    pub saved: String,
}

/// Why the browser could not keep a plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageProblem {
    /// The browser offers no storage here (private mode, blocked by policy, a file: URL).
    Unavailable,
    /// The storage is full.
    Full,
    /// Something else went wrong; the browser's words.
    Failed(String),
}

impl StorageProblem {
    /// A sentence for the user, saying what still works.
    pub fn explain(&self) -> String {
        let consequence = "Your changes are kept in this page only until you close it: use \
                           \"Save plan file\" to keep them.";
        match self {
            StorageProblem::Unavailable => {
                format!("This browser does not let cinplan keep plans. {consequence}")
            }
            StorageProblem::Full => {
                format!("The browser's storage for cinplan is full. {consequence} Deleting old plans from \"My plans\" frees space.")
            }
            StorageProblem::Failed(reason) => {
                format!("The browser could not keep this plan ({reason}). {consequence}")
            }
        }
    }
}

fn storage() -> Result<Storage, StorageProblem> {
    web_sys::window()
        .and_then(|window| window.local_storage().ok().flatten())
        .ok_or(StorageProblem::Unavailable)
}

fn problem_of(error: wasm_bindgen::JsValue) -> StorageProblem {
    use wasm_bindgen::JsCast;
    match error.dyn_into::<web_sys::DomException>() {
        Ok(exception)
            if exception.name() == "QuotaExceededError"
                || exception.name() == "NS_ERROR_DOM_QUOTA_REACHED" =>
        {
            StorageProblem::Full
        }
        Ok(exception) if exception.name() == "SecurityError" => StorageProblem::Unavailable,
        Ok(exception) => StorageProblem::Failed(exception.message()),
        Err(other) => StorageProblem::Failed(
            other
                .as_string()
                .unwrap_or_else(|| "unknown error".to_owned()),
        ),
    }
}

fn read(key: &str) -> Result<Option<String>, StorageProblem> {
    storage()?.get_item(key).map_err(problem_of)
}

fn write(key: &str, value: &str) -> Result<(), StorageProblem> {
    storage()?.set_item(key, value).map_err(problem_of)
}

/// Whether storage can be used at all (checked once at start).
pub fn probe() -> Result<(), StorageProblem> {
    let store = storage()?;
    store
        .set_item("cinplan.probe", "1")
        .and_then(|()| store.remove_item("cinplan.probe"))
        .map_err(problem_of)
}

/// Every saved plan, most recently saved first.
pub fn list() -> Vec<PlanEntry> {
    let mut entries: Vec<PlanEntry> = read(INDEX_KEY)
        .ok()
        .flatten()
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default();
    entries.sort_by(|a, b| b.saved.cmp(&a.saved));
    entries
}

/// The plan file text saved under `id`.
pub fn load(id: &str) -> Option<String> {
    read(&format!("{PLAN_PREFIX}{id}")).ok().flatten()
}

/// Saves a plan's file text and updates the index.
pub fn save(entry: PlanEntry, plan_json: &str) -> Result<(), StorageProblem> {
    write(&format!("{PLAN_PREFIX}{}", entry.id), plan_json)?;
    let mut entries = list();
    entries.retain(|existing| existing.id != entry.id);
    entries.push(entry);
    write(
        INDEX_KEY,
        &serde_json::to_string(&entries).unwrap_or_default(),
    )
}

/// Forgets a saved plan.
pub fn remove(id: &str) -> Result<(), StorageProblem> {
    let store = storage()?;
    store
        .remove_item(&format!("{PLAN_PREFIX}{id}"))
        .map_err(problem_of)?;
    let mut entries = list();
    entries.retain(|existing| existing.id != id);
    write(
        INDEX_KEY,
        &serde_json::to_string(&entries).unwrap_or_default(),
    )
}

/// The id of the plan that was open last.
pub fn current() -> Option<String> {
    read(CURRENT_KEY).ok().flatten()
}

pub fn set_current(id: &str) -> Result<(), StorageProblem> {
    write(CURRENT_KEY, id)
}

/// Profile files the user loaded, as their text, so they survive a reload.
pub fn saved_profiles() -> Vec<String> {
    read(PROFILES_KEY)
        .ok()
        .flatten()
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default()
}

pub fn save_profiles(texts: &[String]) -> Result<(), StorageProblem> {
    write(
        PROFILES_KEY,
        &serde_json::to_string(texts).unwrap_or_default(),
    )
}
