//! The plan file, format `cinplan/1` (see shared/design/plan-format.md).
//!
//! Every struct keeps the fields it does not know in `extra`, so a plan written by a later
//! or richer tool survives a load/save round trip here unchanged. Free-text fields accept
//! `null` or absence as empty text, because hand-edited and exported files contain both.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::{Map, Value};

use crate::calendar::Region;

/// The format tag this version of cinplan writes.
pub const FORMAT: &str = "cinplan/1";
/// Every format tag this version reads (a later version reads every earlier one).
pub const READABLE_FORMATS: &[&str] = &[FORMAT];

/// Fields this crate does not model, kept verbatim for the round trip.
pub type Extra = Map<String, Value>;

/// One child's plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Plan {
    /// Always `cinplan/1` for this version.
    pub format: String,
    #[serde(default)]
    pub kind: PlanKind,
    #[serde(default)]
    pub region: Region,
    /// The name of the local practice standards to check against; `default` follows the
    /// guidance.
    #[serde(default = "default_profile")]
    pub profile: String,
    #[serde(default)]
    pub child: Child,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lead_professional: Option<Professional>,
    #[serde(default)]
    pub dates: PlanDates,
    #[serde(default, deserialize_with = "text_or_null")]
    pub visiting: String,
    #[serde(default, deserialize_with = "text_or_null")]
    pub review_frequency: String,
    #[serde(default, deserialize_with = "text_or_null")]
    pub contingency: String,
    #[serde(default)]
    pub views: Views,
    #[serde(default)]
    pub needs: Vec<Need>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub visits: Vec<Visit>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reviews: Vec<Review>,
    /// Earlier versions of this plan, oldest first, each kept read-only when a review
    /// carries the plan forward (guidance 000, "The review process": "View last and grab
    /// Plan"). Each keeps its own needs, actions, progress and reviews.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub previous_versions: Vec<Plan>,
    /// What the user chose to silence in this plan (see `Suppressions`).
    #[serde(default, skip_serializing_if = "Suppressions::is_empty")]
    pub suppressions: Suppressions,
    #[serde(flatten)]
    #[schemars(skip)]
    pub extra: Extra,
}

fn default_profile() -> String {
    "default".to_owned()
}

/// Child in need (section 17) or child protection (section 47) plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum PlanKind {
    #[default]
    ChildInNeed,
    ChildProtection,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Child {
    #[serde(default, deserialize_with = "text_or_null")]
    pub name: String,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::date_words::deserialize_option"
    )]
    pub date_of_birth: Option<NaiveDate>,
    #[serde(flatten)]
    #[schemars(skip)]
    pub extra: Extra,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Professional {
    #[serde(default, deserialize_with = "text_or_null")]
    pub name: String,
    #[serde(default)]
    pub role: Role,
    #[serde(flatten)]
    #[schemars(skip)]
    pub extra: Extra,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    SocialWorker,
    KeyWorker,
    SeniorPractitioner,
    TeamManager,
    /// Senior social work oversight practitioner.
    Sswop,
    #[default]
    Other,
}

impl Role {
    /// Whether this role may chair a third review (001: "Advanced Social Work Practitioner /
    /// Team Manager").
    pub fn is_manager(self) -> bool {
        matches!(
            self,
            Role::TeamManager | Role::SeniorPractitioner | Role::Sswop
        )
    }
}

/// The plan's key dates. Every one may be `null` or absent.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct PlanDates {
    #[serde(default, deserialize_with = "crate::date_words::deserialize_option")]
    pub assessment_completed: Option<NaiveDate>,
    #[serde(default, deserialize_with = "crate::date_words::deserialize_option")]
    pub allocated: Option<NaiveDate>,
    #[serde(default, deserialize_with = "crate::date_words::deserialize_option")]
    pub planning_meeting: Option<NaiveDate>,
    #[serde(default, deserialize_with = "crate::date_words::deserialize_option")]
    pub plan_circulated: Option<NaiveDate>,
    #[serde(default, deserialize_with = "crate::date_words::deserialize_option")]
    pub first_review: Option<NaiveDate>,
    #[serde(flatten)]
    #[schemars(skip)]
    pub extra: Extra,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Views {
    #[serde(default, deserialize_with = "text_or_null")]
    pub child: String,
    #[serde(default, deserialize_with = "text_or_null")]
    pub parents: String,
    #[serde(default, deserialize_with = "text_or_null")]
    pub others: String,
    #[serde(flatten)]
    #[schemars(skip)]
    pub extra: Extra,
}

/// One need (or risk) of the child and the actions that answer it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Need {
    #[serde(default, deserialize_with = "text_or_null")]
    pub need: String,
    #[serde(default)]
    pub actions: Vec<Action>,
    #[serde(flatten)]
    #[schemars(skip)]
    pub extra: Extra,
}

/// One row of the plan table.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Action {
    #[serde(default, deserialize_with = "text_or_null")]
    pub action: String,
    #[serde(default, deserialize_with = "text_or_null")]
    pub by_whom: String,
    #[serde(default, deserialize_with = "text_or_null")]
    pub by_when: String,
    #[serde(default, deserialize_with = "text_or_null")]
    pub outcome: String,
    #[serde(default, deserialize_with = "text_or_null")]
    pub progress: String,
    /// Review rating of progress, filled in before a review.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub progress_rating: Option<ProgressRating>,
    #[serde(flatten)]
    #[schemars(skip)]
    pub extra: Extra,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum ProgressRating {
    Achieved,
    Partly,
    NotYet,
}

/// A visit that happened.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Visit {
    #[serde(default, deserialize_with = "crate::date_words::deserialize_option")]
    pub date: Option<NaiveDate>,
    #[serde(default)]
    pub seen_alone: bool,
    #[serde(flatten)]
    #[schemars(skip)]
    pub extra: Extra,
}

/// A review meeting that happened.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Review {
    #[serde(default, deserialize_with = "crate::date_words::deserialize_option")]
    pub date: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chair: Option<Professional>,
    #[serde(default, deserialize_with = "text_or_null")]
    pub notes: String,
    #[serde(flatten)]
    #[schemars(skip)]
    pub extra: Extra,
}

/// Findings the user has chosen to silence in this plan.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Suppressions {
    /// Rules turned off for this whole plan, by id.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rules_off: Vec<String>,
    /// Single occurrences ignored, each with the user's reason.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ignored: Vec<IgnoredFinding>,
    #[serde(flatten)]
    #[schemars(skip)]
    pub extra: Extra,
}

impl Suppressions {
    pub fn is_empty(&self) -> bool {
        self.rules_off.is_empty() && self.ignored.is_empty() && self.extra.is_empty()
    }
}

/// One ignored occurrence. It is keyed by the rule, the field's name (the last segment of
/// its pointer, e.g. `by_when`) and the exact flagged text, not by position, so that it
/// survives edits elsewhere in the plan and rows being reordered.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct IgnoredFinding {
    pub rule: String,
    /// The JSON Pointer of the field when it was ignored (informative; matching uses
    /// `field` and `text`).
    #[serde(default)]
    pub pointer: String,
    /// The field's name, e.g. `by_when`, or `""` for a plan-level finding.
    #[serde(default)]
    pub field: String,
    /// The flagged text, exactly.
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub reason: String,
    #[serde(flatten)]
    #[schemars(skip)]
    pub extra: Extra,
}

fn text_or_null<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    Ok(Option::<String>::deserialize(deserializer)?.unwrap_or_default())
}

/// Why a plan file could not be read: what is wrong and where.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanError {
    /// A sentence for a person: what is wrong, where, and what was expected.
    pub message: String,
    /// JSON Pointer of the offending field, `""` for the document itself.
    pub pointer: String,
    /// 1-based line and column in the file, where known.
    pub line: Option<usize>,
    pub column: Option<usize>,
}

impl std::fmt::Display for PlanError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.line, self.column) {
            (Some(line), Some(column)) => {
                write!(f, "line {line}, column {column}: {}", self.message)
            }
            _ => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for PlanError {}

impl Plan {
    /// A new, empty plan with one need and one action row ready to type into.
    pub fn new_blank() -> Plan {
        Plan {
            format: FORMAT.to_owned(),
            kind: PlanKind::default(),
            region: Region::default(),
            profile: default_profile(),
            child: Child::default(),
            lead_professional: None,
            dates: PlanDates::default(),
            visiting: String::new(),
            review_frequency: String::new(),
            contingency: String::new(),
            views: Views::default(),
            needs: vec![Need {
                actions: vec![Action::default()],
                ..Need::default()
            }],
            visits: Vec::new(),
            reviews: Vec::new(),
            previous_versions: Vec::new(),
            suppressions: Suppressions::default(),
            extra: Extra::new(),
        }
    }

    /// Reads a plan file. Never panics; on failure says which field, what was expected, and
    /// the line and column.
    pub fn from_json(text: &str) -> Result<Plan, PlanError> {
        // Read the format tag first, so that a file of another version is refused as such
        // rather than with a confusing message about some field it names differently.
        if text.trim().is_empty() {
            return Err(PlanError {
                message: "the file is empty: a plan file is a JSON object that starts \
                          {\"format\": \"cinplan/1\", …"
                    .to_owned(),
                pointer: String::new(),
                line: None,
                column: None,
            });
        }
        let value: Value = serde_json::from_str(text).map_err(|error| PlanError {
            message: format!("this is not valid JSON: {}", describe_json_error(&error)),
            pointer: String::new(),
            line: Some(error.line()),
            column: Some(error.column()),
        })?;
        match value.get("format") {
            Some(Value::String(format)) if READABLE_FORMATS.contains(&format.as_str()) => {}
            Some(Value::String(format)) => {
                return Err(PlanError {
                    message: format!(
                        "the file is in format \"{format}\", which this version of cinplan \
                         cannot read (it reads {}); it may come from a newer version",
                        READABLE_FORMATS.join(", ")
                    ),
                    pointer: "/format".to_owned(),
                    line: None,
                    column: None,
                })
            }
            Some(_) => {
                return Err(PlanError {
                    message: "\"format\" must be a string such as \"cinplan/1\"".to_owned(),
                    pointer: "/format".to_owned(),
                    line: None,
                    column: None,
                })
            }
            None if !value.is_object() => {
                return Err(PlanError {
                    message: "a plan file must be a JSON object ({ … })".to_owned(),
                    pointer: String::new(),
                    line: None,
                    column: None,
                })
            }
            None => {
                return Err(PlanError {
                    message: "this is not a cinplan plan: it has no \"format\": \"cinplan/1\""
                        .to_owned(),
                    pointer: "/format".to_owned(),
                    line: None,
                    column: None,
                })
            }
        }
        // Parse the text again (not the Value) so errors carry line and column.
        let mut deserializer = serde_json::Deserializer::from_str(text);
        Plan::deserialize(&mut deserializer).map_err(|error| {
            let pointer = crate::json_error::pointer_of_error(text, &error);
            PlanError {
                message: format!(
                    "{}: {}",
                    if pointer.is_empty() {
                        "the plan".to_owned()
                    } else {
                        format!("field {pointer}")
                    },
                    explain_date_error(
                        describe_json_error(&error),
                        value.pointer(&pointer).and_then(Value::as_str)
                    )
                ),
                pointer,
                line: Some(error.line()),
                column: Some(error.column()),
            }
        })
    }

    /// Writes the plan as pretty JSON, unknown fields included.
    pub fn to_json(&self) -> String {
        // Serialising these types cannot fail: every map key is a string.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Each review's index and date, in date order; undated ones after, in the order
    /// written (ties, too, keep the order written).
    pub fn reviews_by_date(&self) -> Vec<(usize, Option<NaiveDate>)> {
        let mut order: Vec<(usize, Option<NaiveDate>)> = self
            .reviews
            .iter()
            .enumerate()
            .map(|(index, review)| (index, review.date))
            .collect();
        order.sort_by_key(|(index, date)| (date.is_none(), *date, *index));
        order
    }

    /// The child's name, or "the child" when none is given, for messages and rewrites.
    pub fn child_name(&self) -> &str {
        let name = self.child.name.trim();
        if name.is_empty() {
            "the child"
        } else {
            name
        }
    }
}

/// serde_json's message without its trailing " at line L column C" (we report those apart).
pub(crate) fn describe_json_error(error: &serde_json::Error) -> String {
    let text = error.to_string();
    match text.rfind(" at line ") {
        Some(index) => text[..index].to_owned(),
        None => text,
    }
}

/// chrono's reasons for refusing a date ("input is out of range") mean nothing to a
/// practitioner; say what was written and what a date must look like instead.
fn explain_date_error(message: String, written: Option<&str>) -> String {
    const CHRONO_DATE_ERRORS: [&str; 5] = [
        "input is out of range",
        "input contains invalid characters",
        "premature end of input",
        "trailing input",
        "no possible date and time matching input",
    ];
    if !CHRONO_DATE_ERRORS.contains(&message.as_str()) {
        return message;
    }
    let written = written.map(crate::rules::quote);
    let what = match written {
        Some(written) if message == "input is out of range" => {
            format!("\"{written}\" is not a real date")
        }
        Some(written) => format!("\"{written}\" is not a date written as YYYY-MM-DD"),
        None => "this is not a real date written as YYYY-MM-DD".to_owned(),
    };
    format!("{what}: write a date that exists as YYYY-MM-DD, for example 2026-12-28")
}

/// The JSON Schema of the plan format, generated from these types.
pub fn json_schema() -> Value {
    let schema = schemars::schema_for!(Plan);
    serde_json::to_value(schema).unwrap_or(Value::Null)
}
