//! cinplan for JavaScript: a few functions that take and return plain data.
//!
//! Nothing the functions hand to JavaScript points into WebAssembly memory, so there is
//! nothing to free: every argument is read into Rust values and every result is a fresh
//! JavaScript object (maps as plain objects, dates as `YYYY-MM-DD` strings). The one
//! exception is [`PlanSession`], a plan kept in WebAssembly while a host edits it (the
//! browser frees it once it is unreachable; `free()` does it at once). Errors are thrown as
//! JavaScript `Error`s whose message says what is wrong and where. What each function
//! does lives in [`api`] and [`session`], tested natively; this file only converts.
#![forbid(unsafe_code)]

pub mod api;
mod ascii_json;
mod findings_json;
mod report_json;
pub mod session;
#[cfg(test)]
mod typescript;

use chrono::NaiveDate;
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::prelude::*;

use api::{ApiError, FieldOptions, PlanInput, PlanOptions, SuggestionChoice};

// The data types, generated from the Rust types (src/typescript.rs keeps this file up to
// date), so that the function declarations below can name them.
#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
import type {
  Applied, CheckReport, FieldInfo, FieldOptions, Finding, PlanChange, PlanInput,
  PlanOptions, RuleInfo, Suggestion, SuggestionChoice, Timeline,
} from "./cinplan-types";
export * from "./cinplan-types";
"#;

/// A result as a JavaScript value: written as JSON here and read by the engine's own
/// `JSON.parse`. Building the objects from Rust instead (serde-wasm-bindgen) costs a call
/// across the boundary for every property and string, which for a plan's report of a
/// hundred findings took longer than checking the edited field (docs/performance.md). The
/// text is ASCII alone, which the browser decodes and parses faster (see [`ascii_json`]).
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    parsed(ascii_json::to_string(value))
}

/// A result's JSON text, read by the engine's own `JSON.parse`.
fn parsed(text: serde_json::Result<String>) -> Result<JsValue, JsError> {
    let text = text.map_err(|problem| {
        JsError::new(&format!("cinplan could not return its result: {problem}"))
    })?;
    js_sys::JSON::parse(&text)
        .map_err(|_| JsError::new("cinplan could not return its result: JSON.parse refused it"))
}

/// A plan given as an object or as its JSON text, as JSON text: an object is written by
/// the engine's own `JSON.stringify` (one string crosses, not every property of the plan).
fn plan_from_js(plan: JsValue, what: &str) -> Result<PlanInput, JsError> {
    if let Some(text) = plan.as_string() {
        return Ok(PlanInput::Text(text));
    }
    if !plan.is_object() {
        return Err(JsError::new(&format!(
            "{what}: give the plan as an object or as its JSON text"
        )));
    }
    let text = js_sys::JSON::stringify(&plan).map_err(|_| {
        JsError::new(&format!(
            "{what}: the plan cannot be written as JSON (does it refer to itself?)"
        ))
    })?;
    Ok(PlanInput::Text(text.into()))
}

/// An argument read as its JSON text, written by the engine's own `JSON.stringify` (like a
/// plan): one string crosses instead of a call per property, and serde_json, which reads
/// plans anyway, reads it, so serde-wasm-bindgen's reader and glue are not in the download
/// (2.2 KiB gzip, docs/performance.md).
fn from_js<T: DeserializeOwned>(value: JsValue, what: &str) -> Result<T, JsError> {
    let text = js_sys::JSON::stringify(&value)
        .ok()
        .and_then(|text| text.as_string())
        .ok_or_else(|| {
            JsError::new(&format!(
                "{what}: give plain data (an object, a string or a number) that JSON can write"
            ))
        })?;
    serde_json::from_str(&text).map_err(|problem| {
        // The line and column of text the caller never saw would only mislead.
        let problem = problem.to_string();
        let problem = problem
            .rsplit_once(" at line ")
            .map_or(problem.as_str(), |(message, _)| message);
        JsError::new(&format!("{what}: {problem}"))
    })
}

fn thrown(problem: ApiError) -> JsError {
    JsError::new(&problem.0)
}

/// The given `today`, or the browser's local date.
fn today(given: Option<&str>) -> Result<NaiveDate, JsError> {
    match given {
        Some(text) => api::parse_iso_date(text, "today").map_err(thrown),
        None => {
            let now = js_sys::Date::new_0();
            NaiveDate::from_ymd_opt(
                now.get_full_year() as i32,
                now.get_month() + 1,
                now.get_date(),
            )
            .ok_or_else(|| JsError::new("today: the browser's clock gives no valid date"))
        }
    }
}

/// Checks the text of one field. Returns the findings, ranges in UTF-16 code units of
/// `text` (JavaScript string indices), sorted by position then rule.
#[wasm_bindgen(js_name = checkField, unchecked_return_type = "Finding[]")]
pub fn check_field(
    text: &str,
    #[wasm_bindgen(unchecked_param_type = "FieldOptions")] options: JsValue,
) -> Result<JsValue, JsError> {
    let options: FieldOptions = from_js(options, "checkField options")?;
    let today = today(options.today.as_deref())?;
    let findings = api::check_field(text, &options, today).map_err(thrown)?;
    parsed(findings_json::to_string(&findings))
}

/// Checks a whole plan (a `cinplan/1` object or its JSON text): the findings, those the
/// plan's suppressions silence, and the SMART summary.
#[wasm_bindgen(js_name = checkPlan, unchecked_return_type = "CheckReport")]
pub fn check_plan(
    #[wasm_bindgen(unchecked_param_type = "PlanInput")] plan: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "PlanOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsError> {
    let plan = plan_from_js(plan, "checkPlan plan")?;
    let options: PlanOptions = optional(options, "checkPlan options")?;
    let today = today(options.today.as_deref())?;
    parsed(Ok(
        api::check_plan_json(&plan, &options, today).map_err(thrown)?
    ))
}

/// Forgets what `checkPlan` and `checkField` remember between calls (each field's findings,
/// reused while its text and what it reads are unchanged), so the next check runs every
/// rule on every field. Returns how many fields have been checked since the page loaded.
#[wasm_bindgen(js_name = forgetChecks)]
pub fn forget_checks() -> f64 {
    api::forget_checks() as f64
}

/// One plan being edited, kept in WebAssembly with what its check found, so that after a
/// keystroke only the edited field's text goes in and only what changed comes out: a
/// 40-row plan's report is about 100 KB of JSON, a keystroke's change a few hundred
/// bytes. `new PlanSession(plan, options)` reads and checks the plan; `report()` gives
/// the whole report; `setText(pointer, text)` and `setPlan(plan)` edit and answer with a
/// `PlanChange` that turns the previous report into the new one. `options.today`, when
/// absent, is the browser's date at each check.
#[wasm_bindgen]
#[derive(Debug)]
pub struct PlanSession {
    session: session::PlanSession,
    today: Option<String>,
}

#[wasm_bindgen]
impl PlanSession {
    /// Reads and checks a plan (a `cinplan/1` object or its JSON text).
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "PlanInput")] plan: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "PlanOptions")] options: Option<JsValue>,
    ) -> Result<PlanSession, JsError> {
        let plan = plan_from_js(plan, "PlanSession plan")?;
        let options: PlanOptions = optional(options, "PlanSession options")?;
        let given_today = options.today.clone();
        let today = today(given_today.as_deref())?;
        let session = session::PlanSession::open(&plan, &options, today).map_err(thrown)?;
        Ok(PlanSession {
            session,
            today: given_today,
        })
    }

    /// The whole report of the last check, as `checkPlan` gives it.
    #[wasm_bindgen(unchecked_return_type = "CheckReport")]
    pub fn report(&self) -> Result<JsValue, JsError> {
        to_js(self.session.report())
    }

    /// Sets the text of one field, named by its JSON Pointer as findings name it
    /// (`/needs/0/actions/1/by_when`, `/contingency`; `/child/name` and
    /// `/lead_professional/name` too), checks the plan again and returns what changed.
    #[wasm_bindgen(js_name = setText, unchecked_return_type = "PlanChange")]
    pub fn set_text(&mut self, pointer: &str, text: &str) -> Result<JsValue, JsError> {
        let today = today(self.today.as_deref())?;
        to_js(
            &self
                .session
                .set_text(pointer, text, today)
                .map_err(thrown)?,
        )
    }

    /// Replaces the whole plan (rows added or removed, dates changed, …), checks it again
    /// and returns what changed; unchanged fields keep their findings.
    #[wasm_bindgen(js_name = setPlan, unchecked_return_type = "PlanChange")]
    pub fn set_plan(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "PlanInput")] plan: JsValue,
    ) -> Result<JsValue, JsError> {
        let plan = plan_from_js(plan, "setPlan plan")?;
        let today = today(self.today.as_deref())?;
        to_js(&self.session.set_plan(&plan, today).map_err(thrown)?)
    }
}

/// Every due date of a plan, with its state today.
#[wasm_bindgen(unchecked_return_type = "Timeline")]
pub fn timeline(
    #[wasm_bindgen(unchecked_param_type = "PlanInput")] plan: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "PlanOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsError> {
    let plan = plan_from_js(plan, "timeline plan")?;
    let options: PlanOptions = optional(options, "timeline options")?;
    let today = today(options.today.as_deref())?;
    to_js(&api::timeline(&plan, &options, today).map_err(thrown)?)
}

/// Every rule with its documentation.
#[wasm_bindgen(unchecked_return_type = "RuleInfo[]")]
pub fn rules() -> Result<JsValue, JsError> {
    to_js(&api::rules())
}

/// One rule's documentation: what it flags, why, an example, what to write instead.
#[wasm_bindgen(unchecked_return_type = "RuleInfo")]
pub fn explain(rule: &str) -> Result<JsValue, JsError> {
    to_js(&api::explain(rule).map_err(thrown)?)
}

/// The fields cinplan checks, with the names `data-cinplan-field` takes.
#[wasm_bindgen(unchecked_return_type = "FieldInfo[]")]
pub fn fields() -> Result<JsValue, JsError> {
    to_js(&api::fields())
}

/// The text with a finding's suggestion applied (the suggestion's index, or the
/// suggestion itself), and where the replacement and its placeholders now stand.
#[wasm_bindgen(js_name = applySuggestion, unchecked_return_type = "Applied")]
pub fn apply_suggestion(
    text: &str,
    #[wasm_bindgen(unchecked_param_type = "Finding")] finding: JsValue,
    #[wasm_bindgen(unchecked_param_type = "SuggestionChoice")] suggestion: JsValue,
) -> Result<JsValue, JsError> {
    let finding: serde_json::Value = from_js(finding, "applySuggestion finding")?;
    let finding = api::FindingToApply::from_value(&finding).map_err(thrown)?;
    let suggestion: serde_json::Value = from_js(suggestion, "applySuggestion suggestion")?;
    let suggestion = SuggestionChoice::from_value(&suggestion).map_err(thrown)?;
    to_js(&api::apply_suggestion(text, &finding, &suggestion).map_err(thrown)?)
}

/// The Nth working day after `date` (before it for negative N), as `YYYY-MM-DD`.
/// `region` is `england-and-wales` (the default), `scotland` or `northern-ireland`.
#[wasm_bindgen(js_name = addWorkingDays)]
pub fn add_working_days(date: &str, n: f64, region: Option<String>) -> Result<String, JsError> {
    api::add_working_days(date, n, region.as_deref()).map_err(thrown)
}

/// The version of cinplan.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

/// Options that may be left out (`undefined` or `null`).
fn optional<T: DeserializeOwned + Default>(
    value: Option<JsValue>,
    what: &str,
) -> Result<T, JsError> {
    match value {
        Some(value) if !value.is_undefined() && !value.is_null() => from_js(value, what),
        _ => Ok(T::default()),
    }
}
