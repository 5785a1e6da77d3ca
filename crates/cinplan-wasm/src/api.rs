//! What the JavaScript functions do, in plain Rust over serde types, so that every
//! behaviour is tested natively (`cargo test -p cinplan-wasm`). `lib.rs` only converts
//! JavaScript values to these types and back.
//!
//! Positions cross this boundary in UTF-16 code units. The conversion to and from byte
//! offsets is the core's (`cinplan_core::text`, `RawFinding::publish`); nothing here
//! counts code units itself.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use std::cell::RefCell;

use crate::ascii_json;
use cinplan_core::check::{self, CheckOptions, CheckReport};
use cinplan_core::date_words;
use cinplan_core::finding::{
    placeholder_ranges, Applicability, Finding, Suggestion, SuggestionTarget,
};
use cinplan_core::incremental::PlanChecker;
use cinplan_core::plan::{Action, Need, Plan};
use cinplan_core::profile::Profile;
use cinplan_core::rules::{registry, FieldName, RuleMeta};
use cinplan_core::text::Utf16Index;
use cinplan_core::timeline::Timeline;
use cinplan_core::{Calendar, Region, Severity, Smart};

use crate::report_json::ReportJson;

/// Why a call could not be answered: a sentence for the developer calling the API.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError(pub String);

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ApiError {}

pub type ApiResult<T> = Result<T, ApiError>;

fn error<T>(message: impl Into<String>) -> ApiResult<T> {
    Err(ApiError(message.into()))
}

thread_local! {
    /// Behind `checkPlan`: a host re-checking the plan it is editing re-runs the field rules
    /// only on the fields that changed. Checking another plan empties it (see
    /// [`PlanChecker`]), so it holds one plan's findings at most.
    static PLAN_CHECKER: RefCell<PlanChecker> = RefCell::new(PlanChecker::new());
    /// Behind `checkField` for a field placed in a plan (a cell with its row): re-checking a
    /// row's cells after one of them changed re-runs the field rules on that cell only.
    static FIELD_CHECKER: RefCell<PlanChecker> = RefCell::new(PlanChecker::new());
    /// Behind `checkPlan`'s result: the previous report's JSON, reused where unchanged.
    static REPORT_JSON: RefCell<ReportJson> = RefCell::new(ReportJson::new());
}

/// A plan given either as its JSON text or as the parsed object.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(untagged)]
pub enum PlanInput {
    Text(String),
    Object(#[cfg_attr(test, schemars(with = "Plan"))] Value),
}

impl PlanInput {
    /// Reads the plan with the core's reader, so errors name the field, line and column.
    pub fn read(&self) -> ApiResult<Plan> {
        let text = match self {
            PlanInput::Text(text) => text.clone(),
            PlanInput::Object(value) => value.to_string(),
        };
        Plan::from_json(&text).map_err(|problem| ApiError(format!("plan: {problem}")))
    }
}

/// A profile given by the name of a shipped one, or as a profile object of its own.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(untagged)]
pub enum ProfileInput {
    Name(String),
    Custom(#[cfg_attr(test, schemars(with = "serde_json::Map<String, Value>"))] Value),
}

impl ProfileInput {
    pub fn read(&self) -> ApiResult<Profile> {
        match self {
            ProfileInput::Name(name) => Profile::builtin(name).ok_or_else(|| {
                ApiError(format!(
                    "profile: there is no built-in profile named \"{name}\" (built in: {}); \
                     pass the profile object itself to use your own",
                    Profile::names().join(", ")
                ))
            }),
            ProfileInput::Custom(value) => Profile::from_json(&value.to_string())
                .map_err(|problem| ApiError(format!("profile: {problem}"))),
        }
    }
}

/// The plan's key dates as a host form holds them (`2026-12-28` or `28/12/2026`). Each
/// may be missing or empty; a date that cannot be read is left out rather than guessed.
/// The plan format's snake_case names are accepted too.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct ContextDates {
    #[serde(default, alias = "assessment_completed")]
    pub assessment_completed: Option<String>,
    #[serde(default)]
    pub allocated: Option<String>,
    #[serde(default, alias = "planning_meeting")]
    pub planning_meeting: Option<String>,
    #[serde(default, alias = "plan_circulated")]
    pub plan_circulated: Option<String>,
    #[serde(default, alias = "first_review")]
    pub first_review: Option<String>,
}

/// The other cells of the row a field sits in, as the host form holds them.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct ContextRow {
    #[serde(default)]
    pub need: Option<String>,
    #[serde(default)]
    pub action: Option<String>,
    #[serde(default)]
    pub by_whom: Option<String>,
    #[serde(default)]
    pub by_when: Option<String>,
    #[serde(default)]
    pub outcome: Option<String>,
    #[serde(default)]
    pub progress: Option<String>,
}

/// What a host form says around a field: the child's name, the plan's dates and region,
/// and the rest of the field's row. Given values override the plan's.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct HostContext {
    #[serde(default)]
    pub child_name: Option<String>,
    /// `england-and-wales`, `scotland` or `northern-ireland`.
    #[serde(default)]
    pub region: Option<String>,
    #[serde(default)]
    pub dates: Option<ContextDates>,
    #[serde(default)]
    pub row: Option<ContextRow>,
}

/// Where a field sits in the plan's table.
#[derive(Debug, Clone, Copy, Default, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct RowLocation {
    #[serde(default)]
    pub need: usize,
    #[serde(default)]
    pub action: usize,
}

/// Options of `checkField`.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub struct FieldOptions {
    /// The field's name: `need`, `action`, `by_whom`, `by_when`, `outcome`, `progress`,
    /// `visiting`, `review_frequency`, `contingency`, `views_child`, …
    pub field: String,
    /// The plan the field belongs to, for checks that need its dates or people.
    #[serde(default)]
    pub plan: Option<PlanInput>,
    /// A built-in profile's name (default `default`) or a profile object.
    #[serde(default)]
    pub profile: Option<ProfileInput>,
    /// Today's date, `YYYY-MM-DD`; the browser's local date when absent.
    #[serde(default)]
    pub today: Option<String>,
    /// Context read from the host form.
    #[serde(default)]
    pub context: Option<HostContext>,
    /// The field's row in the plan's table; implied (row 0 of need 0) when a row context
    /// is given.
    #[serde(default)]
    pub location: Option<RowLocation>,
}

/// Options of `checkPlan` and `timeline`.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct PlanOptions {
    /// A built-in profile's name or a profile object; the plan's own `profile` when absent.
    #[serde(default)]
    pub profile: Option<ProfileInput>,
    /// Today's date, `YYYY-MM-DD`; the browser's local date when absent.
    #[serde(default)]
    pub today: Option<String>,
}

/// A rule as `rules()` and `explain()` describe it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct RuleInfo {
    pub id: String,
    pub severity: Severity,
    pub smart: Vec<Smart>,
    /// The fields it reads (`need`, `by_when`, …); empty for a rule on the whole plan.
    pub fields: Vec<String>,
    /// The passage of the guidance it follows.
    pub source: String,
    /// One line: what the rule flags.
    pub summary: String,
    /// Why it matters.
    pub why: String,
    /// An example that the rule flags.
    pub example: String,
    /// What to write instead.
    pub instead: String,
}

impl RuleInfo {
    fn of(meta: &RuleMeta) -> RuleInfo {
        RuleInfo {
            id: meta.id.to_owned(),
            severity: meta.severity,
            smart: meta.smart.to_vec(),
            fields: meta
                .fields
                .iter()
                .map(|field| field.id().to_owned())
                .collect(),
            source: meta.source.to_owned(),
            summary: meta.docs.summary.to_owned(),
            why: meta.docs.why.to_owned(),
            example: meta.docs.example.to_owned(),
            instead: meta.docs.instead.to_owned(),
        }
    }
}

/// A field a plan has, as `fields()` lists them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct FieldInfo {
    /// The name `data-cinplan-field` and `checkField` take.
    pub id: String,
    /// The column heading a practitioner knows.
    pub label: String,
    /// Whether the field holds a timescale ("by when", "visiting", "review frequency").
    pub timescale: bool,
}

/// The suggestion to apply: its index in the finding's `suggestions`, or the suggestion.
// Read by hand (`SuggestionChoice::from_value`), not by serde; the schema, for the
// TypeScript declarations, is derived in the tests, untagged as the reader takes it.
#[derive(Debug, Clone)]
#[cfg_attr(test, derive(schemars::JsonSchema), serde(untagged))]
pub enum SuggestionChoice {
    Index(usize),
    Suggestion(Suggestion),
}

/// What `applySuggestion` returns. Positions are UTF-16 code units of the new `text`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Applied {
    /// The field's text with the suggestion applied.
    pub text: String,
    /// Where the replacement now stands, end exclusive.
    pub start: usize,
    pub end: usize,
    /// The `[placeholders]` the user still has to fill in, in the new text.
    pub placeholders: Vec<std::ops::Range<usize>>,
}

/// Reads `YYYY-MM-DD`.
pub fn parse_iso_date(text: &str, what: &str) -> ApiResult<NaiveDate> {
    date_words::parse_iso(text.trim()).map_err(|_| {
        ApiError(format!(
            "{what}: \"{text}\" is not a date written as YYYY-MM-DD (for example 2026-11-23)"
        ))
    })
}

/// Reads a date as host forms hold them: `2026-12-28` (what `<input type=date>` gives) or
/// the UK's day-first `28/12/2026`, `28-12-2026`, `28.12.2026`. Anything else, or an
/// impossible date, reads as no date.
pub fn parse_host_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    date_words::parse_iso(text)
        .ok()
        .or_else(|| date_words::parse_day_first(text))
}

fn read_region(id: &str) -> ApiResult<Region> {
    Region::from_id(id).ok_or_else(|| {
        ApiError(format!(
            "region: \"{id}\" is not a region (use one of {})",
            Region::ALL.map(Region::id).join(", ")
        ))
    })
}

fn read_field(id: &str) -> ApiResult<FieldName> {
    FieldName::from_id(id).ok_or_else(|| {
        ApiError(format!(
            "field: \"{id}\" is not a field cinplan checks (use one of {})",
            FieldName::ALL.map(FieldName::id).join(", ")
        ))
    })
}

/// Writes the host form's context into the plan.
fn apply_context(plan: &mut Plan, context: &HostContext) -> ApiResult<()> {
    if let Some(name) = context.child_name.as_deref() {
        if !name.trim().is_empty() {
            plan.child.name = name.trim().to_owned();
        }
    }
    if let Some(region) = context.region.as_deref() {
        if !region.trim().is_empty() {
            plan.region = read_region(region.trim())?;
        }
    }
    if let Some(dates) = &context.dates {
        for (given, slot) in [
            (
                &dates.assessment_completed,
                &mut plan.dates.assessment_completed,
            ),
            (&dates.allocated, &mut plan.dates.allocated),
            (&dates.planning_meeting, &mut plan.dates.planning_meeting),
            (&dates.plan_circulated, &mut plan.dates.plan_circulated),
            (&dates.first_review, &mut plan.dates.first_review),
        ] {
            if let Some(date) = given.as_deref().and_then(parse_host_date) {
                *slot = Some(date);
            }
        }
    }
    Ok(())
}

/// The action at `location`, adding empty needs and rows up to it.
fn action_at(plan: &mut Plan, location: RowLocation) -> (&mut Need, usize) {
    while plan.needs.len() <= location.need {
        plan.needs.push(Need::default());
    }
    let need = &mut plan.needs[location.need];
    while need.actions.len() <= location.action {
        need.actions.push(Action::default());
    }
    (need, location.action)
}

/// Puts `text` (and the row's other cells) where the field lives in the plan. Returns
/// false for a table field with no location: it is then checked on its own.
fn place_text(
    plan: &mut Plan,
    field: FieldName,
    text: &str,
    row: Option<&ContextRow>,
    location: Option<RowLocation>,
) -> bool {
    let slot = match field {
        FieldName::Visiting => Some(&mut plan.visiting),
        FieldName::ReviewFrequency => Some(&mut plan.review_frequency),
        FieldName::Contingency => Some(&mut plan.contingency),
        FieldName::ViewsChild => Some(&mut plan.views.child),
        FieldName::ViewsParents => Some(&mut plan.views.parents),
        FieldName::ViewsOthers => Some(&mut plan.views.others),
        _ => None,
    };
    if let Some(slot) = slot {
        *slot = text.to_owned();
        return true;
    }
    let Some(location) = location.or(row.map(|_| RowLocation::default())) else {
        return false;
    };
    let (need, action_index) = action_at(plan, location);
    let empty = ContextRow::default();
    let row = row.unwrap_or(&empty);
    if let Some(text) = &row.need {
        need.need = text.clone();
    }
    let Some(action) = need.actions.get_mut(action_index) else {
        return false;
    };
    for (given, slot) in [
        (&row.action, &mut action.action),
        (&row.by_whom, &mut action.by_whom),
        (&row.by_when, &mut action.by_when),
        (&row.outcome, &mut action.outcome),
        (&row.progress, &mut action.progress),
    ] {
        if let Some(text) = given {
            *slot = text.clone();
        }
    }
    let own = match field {
        FieldName::Need => &mut need.need,
        FieldName::Action => &mut action.action,
        FieldName::ByWhom => &mut action.by_whom,
        FieldName::ByWhen => &mut action.by_when,
        FieldName::Outcome => &mut action.outcome,
        _ => &mut action.progress,
    };
    *own = text.to_owned();
    true
}

fn pointer_of(field: FieldName, location: RowLocation) -> String {
    match field {
        FieldName::Need => format!("/needs/{}/need", location.need),
        FieldName::Visiting => "/visiting".to_owned(),
        FieldName::ReviewFrequency => "/review_frequency".to_owned(),
        FieldName::Contingency => "/contingency".to_owned(),
        FieldName::ViewsChild => "/views/child".to_owned(),
        FieldName::ViewsParents => "/views/parents".to_owned(),
        FieldName::ViewsOthers => "/views/others".to_owned(),
        _ => format!(
            "/needs/{}/actions/{}/{}",
            location.need,
            location.action,
            field.id()
        ),
    }
}

/// `checkField`: the findings on one field's text, with the plan and the host form's
/// context around it. Ranges are UTF-16 code units of `text`.
pub fn check_field(
    text: &str,
    options: &FieldOptions,
    today: NaiveDate,
) -> ApiResult<Vec<Finding>> {
    let field = read_field(&options.field)?;
    let profile = match &options.profile {
        Some(profile) => profile.read()?,
        None => Profile::default_profile(),
    };
    let mut plan = match &options.plan {
        Some(plan) => plan.read()?,
        None => Plan::new_blank(),
    };
    // A blank plan has one empty row; without a location it must not count as the row.
    if options.plan.is_none() {
        plan.needs.clear();
    }
    let context = options.context.clone().unwrap_or_default();
    apply_context(&mut plan, &context)?;
    let check_options = CheckOptions {
        today,
        profile: &profile,
    };
    let location = options
        .location
        .or(context.row.as_ref().map(|_| RowLocation::default()));
    if !place_text(&mut plan, field, text, context.row.as_ref(), location) {
        return Ok(check::check_field(text, field, Some(&plan), check_options));
    }
    let pointer = pointer_of(field, location.unwrap_or_default());
    Ok(
        FIELD_CHECKER.with(|checker| match checker.try_borrow_mut() {
            Ok(mut checker) => checker.check_field_at(&plan, &pointer, check_options),
            // Only a re-entrant call could find it borrowed; it is answered without the memory.
            Err(_) => check::check_field_at(&plan, &pointer, check_options),
        }),
    )
}

pub(crate) fn plan_profile(plan: &Plan, given: Option<&ProfileInput>) -> ApiResult<Profile> {
    match given {
        Some(profile) => profile.read(),
        None => Profile::builtin(&plan.profile).ok_or_else(|| {
            ApiError(format!(
                "the plan asks for profile \"{}\", which is not built in (built in: {}); \
                 pass the profile object as options.profile",
                plan.profile,
                Profile::names().join(", ")
            ))
        }),
    }
}

/// `checkPlan`: every finding on the plan, those its suppressions silence, and the SMART
/// summary (letters met per row and for the plan, counts by severity, a score).
pub fn check_plan(
    plan: &PlanInput,
    options: &PlanOptions,
    today: NaiveDate,
) -> ApiResult<CheckReport> {
    let plan = plan.read()?;
    let profile = plan_profile(&plan, options.profile.as_ref())?;
    let options = CheckOptions {
        today,
        profile: &profile,
    };
    Ok(PLAN_CHECKER.with(|checker| match checker.try_borrow_mut() {
        Ok(mut checker) => checker.check_plan(&plan, options),
        Err(_) => check::check_plan(&plan, options),
    }))
}

/// `checkPlan`'s report as JSON text (what JavaScript reads with `JSON.parse`), written
/// reusing the previous report's text where its findings and rows are unchanged.
pub fn check_plan_json(
    plan: &PlanInput,
    options: &PlanOptions,
    today: NaiveDate,
) -> ApiResult<String> {
    let report = check_plan(plan, options, today)?;
    let text = REPORT_JSON.with(|writer| match writer.try_borrow_mut() {
        Ok(mut writer) => writer.write(report),
        Err(_) => ascii_json::to_string(&report),
    });
    text.map_err(|problem| ApiError(format!("cinplan could not return its result: {problem}")))
}

/// `forgetChecks`: empties what `checkPlan` and `checkField` remember between calls, so the
/// next check runs every rule on every field (to time a full check, or to free the memory
/// of a plan no longer edited). Returns how many fields had their field rules run since
/// the page loaded.
pub fn forget_checks() -> usize {
    let mut fields_checked = 0;
    for checker in [&PLAN_CHECKER, &FIELD_CHECKER] {
        checker.with(|checker| {
            if let Ok(mut checker) = checker.try_borrow_mut() {
                fields_checked += checker.fields_checked();
                checker.clear();
            }
        });
    }
    REPORT_JSON.with(|writer| {
        if let Ok(mut writer) = writer.try_borrow_mut() {
            writer.clear();
        }
    });
    fields_checked
}

/// `timeline`: every due date of the plan and where it stands today.
pub fn timeline(plan: &PlanInput, options: &PlanOptions, today: NaiveDate) -> ApiResult<Timeline> {
    let plan = plan.read()?;
    let profile = plan_profile(&plan, options.profile.as_ref())?;
    Ok(cinplan_core::timeline::timeline(&plan, &profile, today))
}

/// `rules()`: every rule, in id order.
pub fn rules() -> Vec<RuleInfo> {
    registry::all()
        .iter()
        .map(|rule| RuleInfo::of(rule.meta()))
        .collect()
}

/// `explain(ruleId)`: one rule's documentation.
pub fn explain(rule_id: &str) -> ApiResult<RuleInfo> {
    match registry::find(rule_id) {
        Some(rule) => Ok(RuleInfo::of(rule.meta())),
        None => error(format!(
            "explain: there is no rule \"{rule_id}\" (rules() lists them)"
        )),
    }
}

/// `fields()`: the fields cinplan checks.
pub fn fields() -> Vec<FieldInfo> {
    FieldName::ALL
        .iter()
        .map(|field| FieldInfo {
            id: field.id().to_owned(),
            label: field.label().to_owned(),
            timescale: field.is_timescale(),
        })
        .collect()
}

/// What `applySuggestion` reads of a finding: its range and its suggestions.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FindingToApply {
    pub start: Option<usize>,
    pub end: Option<usize>,
    pub suggestions: Vec<Suggestion>,
}

// `applySuggestion`'s arguments are read from JSON values by hand: serde's readers for a
// whole `Finding`, a `Suggestion` and the untagged `SuggestionChoice` took 30 KB of
// WebAssembly (docs/performance.md), for four fields.

fn text_of<'v>(value: &'v Value, key: &str) -> Option<&'v str> {
    value.get(key).and_then(Value::as_str)
}

fn position_of(value: &Value, key: &str, what: &str) -> ApiResult<Option<usize>> {
    match value.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(given) => match given.as_u64().and_then(|n| usize::try_from(n).ok()) {
            Some(position) => Ok(Some(position)),
            None => error(format!(
                "{what}: \"{key}\" must be a whole number of UTF-16 code units, not {given}"
            )),
        },
    }
}

impl FindingToApply {
    /// Reads a finding as `checkField` and `checkPlan` give it.
    pub fn from_value(value: &Value) -> ApiResult<FindingToApply> {
        let what = "applySuggestion finding";
        if !value.is_object() {
            return error(format!(
                "{what}: give a finding object, as checkField returns"
            ));
        }
        let suggestions = match value.get("suggestions") {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::Array(items)) => items
                .iter()
                .map(|item| suggestion_from_value(item, what))
                .collect::<ApiResult<_>>()?,
            Some(_) => return error(format!("{what}: \"suggestions\" must be a list")),
        };
        Ok(FindingToApply {
            start: position_of(value, "start", what)?,
            end: position_of(value, "end", what)?,
            suggestions,
        })
    }
}

impl From<&Finding> for FindingToApply {
    fn from(finding: &Finding) -> FindingToApply {
        FindingToApply {
            start: finding.start,
            end: finding.end,
            suggestions: finding.suggestions.clone(),
        }
    }
}

/// A suggestion as findings carry it (its placeholders are worked out again on applying).
pub fn suggestion_from_value(value: &Value, what: &str) -> ApiResult<Suggestion> {
    let Some(replacement) = text_of(value, "replacement") else {
        return error(format!(
            "{what}: a suggestion needs its \"replacement\" text, as findings give it"
        ));
    };
    let applicability = match text_of(value, "applicability") {
        Some("safe") => Applicability::Safe,
        Some("has-placeholders") => Applicability::HasPlaceholders,
        Some("display-only") => Applicability::DisplayOnly,
        _ => {
            return error(format!(
                "{what}: a suggestion's \"applicability\" is \"safe\", \"has-placeholders\" \
                 or \"display-only\""
            ))
        }
    };
    let target = match text_of(value, "target") {
        None | Some("range") => SuggestionTarget::Range,
        Some("field") => SuggestionTarget::Field,
        Some(other) => {
            return error(format!(
                "{what}: a suggestion's \"target\" is \"range\" or \"field\", not \"{other}\""
            ))
        }
    };
    Ok(Suggestion {
        label: text_of(value, "label").unwrap_or_default().to_owned(),
        replacement: replacement.to_owned(),
        applicability,
        target,
        placeholders: Vec::new(),
    })
}

impl SuggestionChoice {
    /// A suggestion's index, or the suggestion itself.
    pub fn from_value(value: &Value) -> ApiResult<SuggestionChoice> {
        let what = "applySuggestion suggestion";
        match value {
            Value::Number(number) => match number.as_u64().and_then(|n| usize::try_from(n).ok()) {
                Some(index) => Ok(SuggestionChoice::Index(index)),
                None => error(format!("{what}: {number} is not a suggestion's index")),
            },
            Value::Object(_) => {
                suggestion_from_value(value, what).map(SuggestionChoice::Suggestion)
            }
            _ => error(format!(
                "{what}: give the index of one of the finding's suggestions, or the suggestion"
            )),
        }
    }
}

/// `applySuggestion`: the text with one of a finding's suggestions applied (the finding
/// as `applySuggestion` reads it, [`FindingToApply`]).
pub fn apply_suggestion(
    text: &str,
    finding: &FindingToApply,
    choice: &SuggestionChoice,
) -> ApiResult<Applied> {
    let suggestion = match choice {
        SuggestionChoice::Suggestion(suggestion) => suggestion,
        SuggestionChoice::Index(index) => match finding.suggestions.get(*index) {
            Some(suggestion) => suggestion,
            None => {
                return error(format!(
                    "applySuggestion: the finding has {} suggestion(s); there is no number {index}",
                    finding.suggestions.len()
                ))
            }
        },
    };
    if suggestion.applicability == Applicability::DisplayOnly {
        return error(format!(
            "applySuggestion: \"{}\" is advice to read, not a rewrite to apply",
            suggestion.label
        ));
    }
    let index = Utf16Index::new(text);
    let length = index.len_utf16();
    let (start, end) = match (suggestion.target, finding.start, finding.end) {
        (SuggestionTarget::Range, Some(start), Some(end)) => (start, end),
        _ => (0, length),
    };
    if start > end || end > length {
        return error(format!(
            "applySuggestion: the finding's range {start}..{end} does not fit the text \
             ({length} UTF-16 units); check the text again before applying"
        ));
    }
    let (start_byte, end_byte) = (index.to_byte(start), index.to_byte(end));
    if index.to_utf16(start_byte) != start || index.to_utf16(end_byte) != end {
        return error(format!(
            "applySuggestion: the range {start}..{end} splits a character; check the text \
             again before applying"
        ));
    }
    let (Some(before), Some(after)) = (text.get(..start_byte), text.get(end_byte..)) else {
        return error("applySuggestion: the range does not fall on character boundaries");
    };
    let replacement = &suggestion.replacement;
    let inserted = Utf16Index::new(replacement);
    let placeholders = placeholder_ranges(replacement)
        .into_iter()
        .map(|range| start + inserted.to_utf16(range.start)..start + inserted.to_utf16(range.end))
        .collect();
    Ok(Applied {
        text: format!("{before}{replacement}{after}"),
        start,
        end: start + inserted.len_utf16(),
        placeholders,
    })
}

/// `addWorkingDays`: the Nth working day after (or, for negative N, before) a date.
pub fn add_working_days(date: &str, days: f64, region: Option<&str>) -> ApiResult<String> {
    let date = parse_iso_date(date, "addWorkingDays")?;
    if days.fract() != 0.0 || !days.is_finite() || days.abs() > 1_000_000.0 {
        return error(format!(
            "addWorkingDays: {days} is not a whole number of working days (up to a million)"
        ));
    }
    let region = match region {
        Some(id) => read_region(id)?,
        None => Region::default(),
    };
    match Calendar::new(region).add_working_days(date, days as i64) {
        Some(result) => Ok(date_words::iso(result)),
        None => error("addWorkingDays: the result would fall past the year 9999"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`super::apply_suggestion`] on a finding as `checkField` gives it.
    fn apply_suggestion(
        text: &str,
        finding: &Finding,
        choice: &SuggestionChoice,
    ) -> ApiResult<Applied> {
        super::apply_suggestion(text, &FindingToApply::from(finding), choice)
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default()
    }

    fn finding(start: Option<usize>, end: Option<usize>, replacements: &[&str]) -> Finding {
        Finding {
            rule: "vague-term".to_owned(),
            severity: Severity::Error,
            smart: vec![Smart::S],
            pointer: String::new(),
            start,
            end,
            message: "test".to_owned(),
            suggestions: replacements
                .iter()
                .map(|replacement| Suggestion {
                    label: "Rewrite".to_owned(),
                    replacement: (*replacement).to_owned(),
                    applicability: Applicability::Safe,
                    target: SuggestionTarget::Range,
                    placeholders: Vec::new(),
                })
                .collect(),
        }
    }

    #[track_caller]
    fn applied(text: &str, start: usize, end: usize, replacement: &str) -> Applied {
        apply_suggestion(
            text,
            &finding(Some(start), Some(end), &[replacement]),
            &SuggestionChoice::Index(0),
        )
        .unwrap_or_else(|problem| panic!("{problem}"))
    }

    #[test]
    fn applying_counts_utf16_after_an_accented_letter() {
        // "Café ongoing": "ongoing" is at UTF-16 5..12 (bytes 6..13).
        let result = applied("Café ongoing", 5, 12, "every week");
        assert_eq!(result.text, "Café every week");
        assert_eq!((result.start, result.end), (5, 15));
    }

    #[test]
    fn applying_counts_utf16_after_a_curly_apostrophe() {
        let result = applied("Tommy’s visits ongoing", 15, 22, "weekly");
        assert_eq!(result.text, "Tommy’s visits weekly");
    }

    #[test]
    fn applying_counts_utf16_after_an_emoji() {
        // The emoji is two UTF-16 units: "ASAP" is at 3..7.
        let result = applied("😀 ASAP!", 3, 7, "by [date]");
        assert_eq!(result.text, "😀 by [date]!");
        assert_eq!((result.start, result.end), (3, 12));
        assert_eq!(result.placeholders, vec![6..12]);
    }

    #[test]
    fn applying_keeps_crlf_line_ends() {
        let result = applied("Visit\r\nASAP\r\nthen", 7, 11, "by 1 December");
        assert_eq!(result.text, "Visit\r\nby 1 December\r\nthen");
    }

    #[test]
    fn a_range_that_splits_a_surrogate_pair_is_refused() {
        let refused = apply_suggestion(
            "😀 ASAP",
            &finding(Some(1), Some(2), &["x"]),
            &SuggestionChoice::Index(0),
        );
        assert!(refused.is_err_and(|problem| problem.0.contains("splits a character")));
    }

    #[test]
    fn a_range_past_the_end_is_refused() {
        let refused = apply_suggestion(
            "short",
            &finding(Some(2), Some(40), &["x"]),
            &SuggestionChoice::Index(0),
        );
        assert!(refused.is_err_and(|problem| problem.0.contains("does not fit")));
    }

    #[test]
    fn a_finding_without_range_replaces_the_whole_field() {
        let result = apply_suggestion(
            "ongoing",
            &finding(None, None, &["Weekly from 1 December 2026"]),
            &SuggestionChoice::Index(0),
        );
        assert_eq!(
            result.map(|result| result.text),
            Ok("Weekly from 1 December 2026".to_owned())
        );
    }

    #[test]
    fn a_field_target_replaces_the_whole_field() {
        let mut with_field_target = finding(Some(0), Some(3), &["Whole new text"]);
        with_field_target.suggestions[0].target = SuggestionTarget::Field;
        let result = apply_suggestion("abc def", &with_field_target, &SuggestionChoice::Index(0));
        assert_eq!(
            result.map(|result| result.text),
            Ok("Whole new text".to_owned())
        );
    }

    #[test]
    fn display_only_advice_is_not_applied() {
        let mut advice = finding(Some(0), Some(3), &["Say who"]);
        advice.suggestions[0].applicability = Applicability::DisplayOnly;
        let refused = apply_suggestion("abc", &advice, &SuggestionChoice::Index(0));
        assert!(refused.is_err_and(|problem| problem.0.contains("advice")));
    }

    #[test]
    fn a_missing_suggestion_number_is_refused_with_the_count() {
        let refused = apply_suggestion(
            "abc",
            &finding(Some(0), Some(3), &["x"]),
            &SuggestionChoice::Index(3),
        );
        assert!(refused.is_err_and(|problem| problem.0.contains("has 1 suggestion")));
    }

    #[test]
    fn a_suggestion_given_as_an_object_is_applied() {
        let given = finding(Some(0), Some(3), &[]);
        let suggestion = finding(None, None, &["xyz"]).suggestions.remove(0);
        let result = apply_suggestion("abc def", &given, &SuggestionChoice::Suggestion(suggestion));
        assert_eq!(result.map(|result| result.text), Ok("xyz def".to_owned()));
    }

    #[test]
    fn a_finding_read_from_json_keeps_what_applying_needs() {
        let mut given = finding(Some(3), Some(7), &["by [date]", "weekly"]);
        given.suggestions[1].applicability = Applicability::HasPlaceholders;
        given.suggestions[1].target = SuggestionTarget::Field;
        given.suggestions[0].applicability = Applicability::DisplayOnly;
        let value = serde_json::to_value(&given).unwrap_or_default();
        // Written by serde as JavaScript receives it, read back by hand: the same names.
        assert_eq!(
            FindingToApply::from_value(&value),
            Ok(FindingToApply::from(&given))
        );
        for suggestion in &given.suggestions {
            let value = serde_json::to_value(suggestion).unwrap_or_default();
            match SuggestionChoice::from_value(&value) {
                Ok(SuggestionChoice::Suggestion(read)) => assert_eq!(&read, suggestion),
                other => panic!("{value} read as {other:?}"),
            }
        }
        assert!(matches!(
            SuggestionChoice::from_value(&serde_json::json!(1)),
            Ok(SuggestionChoice::Index(1))
        ));
    }

    #[test]
    fn a_malformed_finding_or_choice_is_refused_with_what_is_wrong() {
        let refused = |value: Value| FindingToApply::from_value(&value).map(|_| ());
        assert!(refused(serde_json::json!("ASAP"))
            .is_err_and(|problem| problem.0.contains("finding object")));
        assert!(refused(serde_json::json!({"start": -1}))
            .is_err_and(|problem| problem.0.contains("\"start\"")));
        assert!(
            refused(serde_json::json!({"suggestions": [{"label": "x"}]}))
                .is_err_and(|problem| problem.0.contains("replacement"))
        );
        assert!(refused(
            serde_json::json!({"suggestions": [{"replacement": "x", "applicability": "maybe"}]})
        )
        .is_err_and(|problem| problem.0.contains("display-only")));
        assert!(SuggestionChoice::from_value(&serde_json::json!(1.5)).is_err());
        assert!(SuggestionChoice::from_value(&serde_json::json!("0")).is_err());
    }

    #[test]
    fn host_dates_read_iso_and_uk_day_first() {
        let expected = NaiveDate::from_ymd_opt(2026, 12, 28);
        assert_eq!(parse_host_date("2026-12-28"), expected);
        assert_eq!(parse_host_date(" 28/12/2026 "), expected);
        assert_eq!(parse_host_date("28.12.2026"), expected);
        assert_eq!(parse_host_date("28-12-2026"), expected);
        assert_eq!(
            parse_host_date("1/2/2027"),
            NaiveDate::from_ymd_opt(2027, 2, 1)
        );
        // Not the first century.
        assert_eq!(parse_host_date("28/12/26"), None);
        assert_eq!(parse_host_date("12/28/2026"), None);
        assert_eq!(parse_host_date("31/02/2027"), None);
        assert_eq!(parse_host_date(""), None);
    }

    #[test]
    fn context_fills_the_child_dates_region_and_row() {
        let mut plan = Plan::new_blank();
        let context = HostContext {
            child_name: Some(" Tommy ".to_owned()),
            region: Some("scotland".to_owned()),
            dates: Some(ContextDates {
                first_review: Some("16/02/2027".to_owned()),
                planning_meeting: Some("not a date".to_owned()),
                ..ContextDates::default()
            }),
            row: None,
        };
        assert_eq!(apply_context(&mut plan, &context), Ok(()));
        assert_eq!(plan.child.name, "Tommy");
        assert_eq!(plan.region, Region::Scotland);
        assert_eq!(
            plan.dates.first_review,
            NaiveDate::from_ymd_opt(2027, 2, 16)
        );
        assert_eq!(plan.dates.planning_meeting, None);
    }

    #[test]
    fn a_wrong_region_is_refused_with_the_choices() {
        let mut plan = Plan::new_blank();
        let context = HostContext {
            region: Some("wales".to_owned()),
            ..HostContext::default()
        };
        let refused = apply_context(&mut plan, &context);
        assert!(refused.is_err_and(|problem| problem.0.contains("england-and-wales")));
    }

    #[test]
    fn a_row_context_places_the_field_and_its_neighbours() {
        let mut plan = Plan::new_blank();
        plan.needs.clear();
        let row = ContextRow {
            action: Some("Weekly sessions at New Way".to_owned()),
            by_when: Some("by 1 December 2026".to_owned()),
            ..ContextRow::default()
        };
        let location = RowLocation { need: 1, action: 2 };
        assert!(place_text(
            &mut plan,
            FieldName::Outcome,
            "Tommy will say he feels safe",
            Some(&row),
            Some(location)
        ));
        let action = &plan.needs[1].actions[2];
        assert_eq!(action.outcome, "Tommy will say he feels safe");
        assert_eq!(action.by_when, "by 1 December 2026");
        assert_eq!(action.action, "Weekly sessions at New Way");
        let pointers: Vec<String> = check::fields(&plan)
            .into_iter()
            .map(|field| field.pointer)
            .collect();
        assert!(pointers.contains(&pointer_of(FieldName::Outcome, location)));
    }

    #[test]
    fn a_table_field_without_row_is_checked_on_its_own() {
        let mut plan = Plan::new_blank();
        assert!(!place_text(&mut plan, FieldName::Action, "x", None, None));
        assert!(place_text(
            &mut plan,
            FieldName::Contingency,
            "If …",
            None,
            None
        ));
        assert_eq!(plan.contingency, "If …");
    }

    #[test]
    fn check_field_refuses_an_unknown_field_with_the_choices() {
        let options = FieldOptions {
            field: "when".to_owned(),
            ..FieldOptions::default()
        };
        let refused = check_field("ongoing", &options, today());
        assert!(refused.is_err_and(|problem| problem.0.contains("by_when")));
    }

    #[test]
    fn check_field_reports_a_broken_plan_with_its_place() {
        let options = FieldOptions {
            field: "by_when".to_owned(),
            plan: Some(PlanInput::Text(
                "{\"format\": \"cinplan/1\", \"needs\": 3}".to_owned(),
            )),
            ..FieldOptions::default()
        };
        let refused = check_field("ongoing", &options, today());
        assert!(refused.is_err_and(|problem| problem.0.contains("/needs")));
    }

    fn row_context(by_whom: &str) -> HostContext {
        HostContext {
            child_name: Some("Tommy".to_owned()),
            dates: Some(ContextDates {
                first_review: Some("2027-02-16".to_owned()),
                ..ContextDates::default()
            }),
            row: Some(ContextRow {
                need: Some("Tommy is withdrawn when his parents argue.".to_owned()),
                action: Some("Weekly sessions at the New Way service".to_owned()),
                by_whom: Some(by_whom.to_owned()),
                by_when: Some("by 1 December 2026".to_owned()),
                outcome: Some("Tommy will say he feels safe at home.".to_owned()),
                progress: None,
            }),
            region: None,
        }
    }

    #[test]
    fn a_cell_is_checked_with_its_row_like_the_whole_plan_check_does() {
        let options = FieldOptions {
            field: "by_whom".to_owned(),
            context: Some(row_context("")),
            ..FieldOptions::default()
        };
        let found = check_field("", &options, today()).unwrap_or_default();
        assert!(
            found.iter().any(|finding| finding.rule == "empty-field"
                && finding.pointer == "/needs/0/actions/0/by_whom"),
            "{found:#?}"
        );
        // Without the row there is nothing to say the row is filled.
        let alone = FieldOptions {
            field: "by_whom".to_owned(),
            ..FieldOptions::default()
        };
        let found = check_field("", &alone, today()).unwrap_or_default();
        assert!(!found.iter().any(|finding| finding.rule == "empty-field"));
    }

    #[test]
    fn the_host_dates_reach_the_checks_that_need_them() {
        let options = FieldOptions {
            field: "by_when".to_owned(),
            context: Some(row_context("Sam Jones, social worker")),
            ..FieldOptions::default()
        };
        let found = check_field("by 31 March 2027", &options, today()).unwrap_or_default();
        assert!(
            found
                .iter()
                .any(|finding| finding.rule == "after-first-review"),
            "{found:#?}"
        );
        let found = check_field("by 31 January 2027", &options, today()).unwrap_or_default();
        assert!(!found
            .iter()
            .any(|finding| finding.rule == "after-first-review"));
    }

    #[test]
    fn an_unknown_profile_name_is_refused_with_the_choices() {
        let refused = ProfileInput::Name("leeds".to_owned()).read();
        assert!(refused.is_err_and(|problem| problem.0.contains("default")));
    }

    #[test]
    fn working_days_skip_the_weekend() {
        // Friday 27 November 2026 plus one working day is Monday 30 November.
        assert_eq!(
            add_working_days("2026-11-27", 1.0, None),
            Ok("2026-11-30".to_owned())
        );
        assert_eq!(
            add_working_days("2026-11-30", -1.0, Some("scotland")),
            Ok("2026-11-27".to_owned())
        );
    }

    #[test]
    fn working_days_refuse_fractions_and_bad_input() {
        assert!(add_working_days("2026-11-27", 1.5, None).is_err());
        assert!(add_working_days("27/11/2026", 1.0, None)
            .is_err_and(|problem| problem.0.contains("YYYY-MM-DD")));
        assert!(add_working_days("2026-11-27", 1.0, Some("wales")).is_err());
    }

    #[test]
    fn fields_lists_every_field_with_its_label() {
        let listed = fields();
        assert_eq!(listed.len(), FieldName::ALL.len());
        assert!(listed
            .iter()
            .any(|field| field.id == "by_when" && field.timescale && field.label == "By when"));
    }

    #[test]
    fn explain_refuses_an_unknown_rule() {
        assert!(explain("no-such-rule").is_err_and(|problem| problem.0.contains("no-such-rule")));
    }

    #[test]
    fn rules_and_explain_agree() {
        for rule in rules() {
            assert_eq!(explain(&rule.id), Ok(rule.clone()));
        }
    }

    #[test]
    fn check_plan_remembers_between_calls_and_answers_as_a_full_check() {
        let mut plan = Plan::new_blank();
        plan.needs[0].actions[0].action = "Support to be offered, ongoing".to_owned();
        for typed in ["", " x", " xy", " x", "", " later ASAP"] {
            let mut edited = plan.clone();
            edited.needs[0].actions[0].action.push_str(typed);
            let input = PlanInput::Text(edited.to_json());
            let found = check_plan(&input, &PlanOptions::default(), today());
            let profile = Profile::default_profile();
            let expected = check::check_plan(
                &edited,
                CheckOptions {
                    today: today(),
                    profile: &profile,
                },
            );
            assert_eq!(found, Ok(expected), "{typed:?}");
        }
        plan.child.name = "Alex".to_owned();
        assert!(check_plan(
            &PlanInput::Text(plan.to_json()),
            &PlanOptions::default(),
            today()
        )
        .is_ok());
    }

    #[test]
    fn a_cell_checked_again_after_its_row_changed_sees_the_change() {
        let check = |by_whom: &str| {
            let options = FieldOptions {
                field: "action".to_owned(),
                context: Some(row_context(by_whom)),
                ..FieldOptions::default()
            };
            check_field("Support will be offered", &options, today()).unwrap_or_default()
        };
        let passive =
            |found: &[Finding]| found.iter().any(|finding| finding.rule == "hidden-actor");
        // The same cell, its row's "By whom" emptied and filled again: hidden-actor speaks
        // only while nobody is named.
        assert!(!passive(&check("Sam Jones, social worker")));
        assert!(passive(&check("")));
        assert!(!passive(&check("Sam Jones, social worker")));
    }
}
