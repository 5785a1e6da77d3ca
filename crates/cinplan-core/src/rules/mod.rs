//! The SMART rules. One rule, one file: its metadata, its documentation in fixed sections,
//! its matching and its tests. [`registry`] lists them all, in alphabetical order.
//!
//! CONTRACT (helpers: keep `Rule`, `RuleMeta`, `RuleDocs`, `FieldName`, `FieldContext`,
//! `PlanContext`; add fields to the contexts rather than changing their meaning).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::calendar::Calendar;
use crate::finding::{RawFinding, Severity, Smart};
use crate::plan::Plan;
use crate::profile::Profile;
use crate::timescale::Timescale;

mod hard_to_read;
mod jargon;
pub mod registry;
mod subjective_term;
#[cfg(test)]
pub mod testing;
mod vague_term;
mod woolly_term;
pub(crate) mod word_list;
pub mod word_regex;

// Helpers shared by the structural rules.
pub mod facts;
pub mod limits;
pub mod people;
#[cfg(test)]
pub mod plan_testing;

pub mod after_first_review;
pub mod beyond_trajectory;
pub mod copy_late;
pub mod date_in_past;
pub mod drift;
pub mod empty_field;
pub mod first_visit_late;
pub mod hidden_actor;
pub mod meeting_late;
pub mod missing_timescale;
pub mod negative_framing;
pub mod no_child_view;
pub mod no_contingency;
pub mod no_parent_view;
pub mod no_review_frequency;
pub mod no_visiting_frequency;
pub mod non_working_day;
pub mod outcome_not_child_focused;
pub mod outcome_not_measurable;
pub mod owner_churn;
pub mod reviews_too_far_apart;
pub mod third_review_chair;
pub mod unnamed_owner;
pub mod unparsed_date;
pub mod unrealistic_action;
pub mod vague_need;
pub mod vague_timescale;
pub mod visits_too_far_apart;

/// The free-text fields a practitioner types, which the rules read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FieldName {
    Need,
    Action,
    ByWhom,
    ByWhen,
    Outcome,
    Progress,
    Visiting,
    ReviewFrequency,
    Contingency,
    ViewsChild,
    ViewsParents,
    ViewsOthers,
}

impl FieldName {
    pub const ALL: [FieldName; 12] = [
        FieldName::Need,
        FieldName::Action,
        FieldName::ByWhom,
        FieldName::ByWhen,
        FieldName::Outcome,
        FieldName::Progress,
        FieldName::Visiting,
        FieldName::ReviewFrequency,
        FieldName::Contingency,
        FieldName::ViewsChild,
        FieldName::ViewsParents,
        FieldName::ViewsOthers,
    ];

    /// The name used on the command line and in the embed's `data-cinplan-field`.
    pub fn id(self) -> &'static str {
        match self {
            FieldName::Need => "need",
            FieldName::Action => "action",
            FieldName::ByWhom => "by_whom",
            FieldName::ByWhen => "by_when",
            FieldName::Outcome => "outcome",
            FieldName::Progress => "progress",
            FieldName::Visiting => "visiting",
            FieldName::ReviewFrequency => "review_frequency",
            FieldName::Contingency => "contingency",
            FieldName::ViewsChild => "views_child",
            FieldName::ViewsParents => "views_parents",
            FieldName::ViewsOthers => "views_others",
        }
    }

    pub fn from_id(id: &str) -> Option<FieldName> {
        let id = id.replace(['-', '.', '/'], "_");
        FieldName::ALL.into_iter().find(|field| field.id() == id)
    }

    /// The column heading a practitioner knows.
    pub fn label(self) -> &'static str {
        match self {
            FieldName::Need => "Need or risk",
            FieldName::Action => "Action",
            FieldName::ByWhom => "By whom",
            FieldName::ByWhen => "By when",
            FieldName::Outcome => "Outcome",
            FieldName::Progress => "Progress",
            FieldName::Visiting => "Visiting",
            FieldName::ReviewFrequency => "Review frequency",
            FieldName::Contingency => "Contingency",
            FieldName::ViewsChild => "Child's views",
            FieldName::ViewsParents => "Parents' views",
            FieldName::ViewsOthers => "Others' views",
        }
    }

    /// Whether the field's text is a timescale the timescale reader reads.
    pub fn is_timescale(self) -> bool {
        matches!(
            self,
            FieldName::ByWhen | FieldName::Visiting | FieldName::ReviewFrequency
        )
    }
}

/// What a rule's documentation says, in fixed sections (Ruff style). Shown by
/// `cinplan explain` and the editor's popover.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct RuleDocs {
    /// One line: what the rule flags.
    pub summary: &'static str,
    /// Why it matters, citing the guidance.
    pub why: &'static str,
    /// An example that the rule flags.
    pub example: &'static str,
    /// What to write instead (an example that passes).
    pub instead: &'static str,
}

/// What applies to every finding of a rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct RuleMeta {
    /// Stable kebab-case id.
    pub id: &'static str,
    pub severity: Severity,
    pub smart: &'static [Smart],
    /// The fields it reads; empty for a rule on the whole plan.
    pub fields: &'static [FieldName],
    /// The passage in shared/guidance: "001 Child in Need Plan; 004 Words to avoid".
    pub source: &'static str,
    pub docs: RuleDocs,
}

/// One field being checked, with the plan around it.
#[derive(Debug, Clone)]
pub struct FieldContext<'a> {
    pub field: FieldName,
    /// JSON Pointer of the field, e.g. `/needs/0/actions/1/by_when`.
    pub pointer: &'a str,
    pub text: &'a str,
    pub plan: &'a Plan,
    /// Indices of the need and the action the field belongs to, when it is in the table.
    pub need_index: Option<usize>,
    pub action_index: Option<usize>,
    pub profile: &'a Profile,
    pub today: NaiveDate,
    pub calendar: &'a Calendar,
    /// The reading of the text, for timescale fields.
    pub timescale: Option<&'a Timescale>,
}

/// The whole plan being checked.
#[derive(Debug, Clone)]
pub struct PlanContext<'a> {
    pub plan: &'a Plan,
    pub profile: &'a Profile,
    pub today: NaiveDate,
    pub calendar: &'a Calendar,
    /// The readings the field checks made of the plan's timescale texts, when there are
    /// any: see [`PlanContext::read_timescale`].
    pub readings: Option<&'a TimescaleReadings<'a>>,
}

impl PlanContext<'_> {
    /// The reading of one of the plan's timescale texts (a row's "By when", the visiting or
    /// review frequency): the one the field checks made, or a new one. The plan rules read
    /// every row's "By when", so a plan would otherwise be read twice on every check.
    pub fn read_timescale(&self, text: &str) -> std::borrow::Cow<'_, Timescale> {
        match self.readings.and_then(|readings| readings.get(text)) {
            Some(reading) => std::borrow::Cow::Borrowed(reading),
            None => std::borrow::Cow::Owned(facts::read_plan_timescale(
                self.plan,
                text,
                self.today,
                self.calendar,
            )),
        }
    }
}

/// Readings of timescale texts, by text, all made against the same plan dates, today and
/// calendar (those of the check they are shared in): a text's reading depends on nothing
/// else.
#[derive(Debug, Clone, Default)]
pub struct TimescaleReadings<'a> {
    by_text: std::collections::HashMap<&'a str, &'a Timescale>,
}

impl<'a> TimescaleReadings<'a> {
    pub fn new(readings: impl IntoIterator<Item = (&'a str, &'a Timescale)>) -> Self {
        TimescaleReadings {
            by_text: readings.into_iter().collect(),
        }
    }

    pub fn get(&self, text: &str) -> Option<&'a Timescale> {
        self.by_text.get(text).copied()
    }
}

/// A check. Field rules implement `check_field`, plan rules `check_plan`.
pub trait Rule: Sync + std::fmt::Debug {
    fn meta(&self) -> &'static RuleMeta;

    fn check_field(&self, _context: &FieldContext<'_>, _findings: &mut Vec<RawFinding>) {}

    fn check_plan(&self, _context: &PlanContext<'_>, _findings: &mut Vec<RawFinding>) {}
}

impl RuleMeta {
    /// A finding of this rule with its default severity and SMART letters; the engine
    /// applies the profile's severity afterwards.
    pub fn finding(
        &'static self,
        pointer: &str,
        span: Option<std::ops::Range<usize>>,
        message: impl Into<String>,
    ) -> RawFinding {
        RawFinding {
            rule: self.id,
            severity: self.severity,
            smart: self.smart.to_vec(),
            pointer: pointer.to_owned(),
            span,
            message: message.into(),
            suggestions: Vec::new(),
        }
    }

    pub fn reads(&self, field: FieldName) -> bool {
        self.fields.contains(&field)
    }
}

/// How many characters of the plan's own words a message quotes at most.
const QUOTE_CHARS: usize = 60;

/// The plan's words as a message quotes them: whitespace made single spaces, and a long
/// text cut at a word with "…", so that a message stays one readable sentence even when
/// the field holds a whole pasted document.
pub(crate) fn quote(text: &str) -> String {
    let mut quoted = String::new();
    let mut count = 0;
    for word in text.split_whitespace() {
        let length = word.chars().count() + usize::from(!quoted.is_empty());
        if count + length > QUOTE_CHARS {
            if quoted.is_empty() {
                quoted = word.chars().take(QUOTE_CHARS).collect();
            }
            quoted.push('…');
            return quoted;
        }
        if !quoted.is_empty() {
            quoted.push(' ');
        }
        quoted.push_str(word);
        count += length;
    }
    quoted
}

#[cfg(test)]
mod quote_tests {
    use super::quote;

    #[test]
    fn short_words_are_quoted_as_they_are() {
        assert_eq!(quote("a counsellor"), "a counsellor");
        assert_eq!(quote("  a\n counsellor "), "a counsellor");
    }

    #[test]
    fn long_text_is_cut_at_a_word() {
        let text = "the professionals involved ".repeat(1000);
        let quoted = quote(&text);
        let kept = quoted
            .strip_suffix('…')
            .unwrap_or_else(|| panic!("{quoted}"));
        assert!(
            text.starts_with(&format!("{kept} ")),
            "cut inside a word: {quoted}"
        );
        assert!(kept.chars().count() <= 60, "{quoted}");
        let one_word = quote(&"é".repeat(500));
        assert_eq!(one_word.chars().count(), 61);
    }
}
