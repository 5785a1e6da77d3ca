//! Findings: what the checker says about a plan, as plain serde records.
//!
//! Inside the core a finding's range is a byte range of the field's text
//! ([`RawFinding`]); the published [`Finding`] (plan-format.md) counts UTF-16 code units.
//! The one conversion between the two is [`RawFinding::publish`].

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::ops::Range;

use crate::text::Utf16Index;

/// How much the guidance objects.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    /// Worth a look.
    Info,
    /// The guidance advises against it.
    Warning,
    /// The guidance says this is not acceptable.
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// A letter of SMART.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
pub enum Smart {
    /// Specific.
    S,
    /// Measurable.
    M,
    /// Achievable / agreed.
    A,
    /// Realistic.
    R,
    /// Timely.
    T,
}

impl Smart {
    pub const ALL: [Smart; 5] = [Smart::S, Smart::M, Smart::A, Smart::R, Smart::T];

    pub fn word(self) -> &'static str {
        match self {
            Smart::S => "Specific",
            Smart::M => "Measurable",
            Smart::A => "Achievable",
            Smart::R => "Realistic",
            Smart::T => "Timely",
        }
    }
}

/// How safely a suggestion can be applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Applicability {
    /// One click: the replacement is complete and keeps the meaning.
    Safe,
    /// The replacement has `[placeholders]` the user must fill in.
    HasPlaceholders,
    /// Shown as advice only; not applied automatically.
    DisplayOnly,
}

/// What a suggestion replaces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum SuggestionTarget {
    /// The finding's range.
    #[default]
    Range,
    /// The whole field's text.
    Field,
}

/// A proposed rewrite.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Suggestion {
    pub label: String,
    pub replacement: String,
    pub applicability: Applicability,
    #[serde(default)]
    pub target: SuggestionTarget,
    /// Ranges of the placeholders inside `replacement`, in UTF-16 code units, each
    /// including its square brackets, so an editor can select them for typing.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub placeholders: Vec<Range<usize>>,
}

/// A finding as published (plan-format.md): ranges in UTF-16 code units.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Finding {
    pub rule: String,
    pub severity: Severity,
    pub smart: Vec<Smart>,
    /// JSON Pointer of the field, `""` for the plan as a whole.
    pub pointer: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<usize>,
    pub message: String,
    #[serde(default)]
    pub suggestions: Vec<Suggestion>,
}

/// A suggestion as a rule writes it, before placeholder ranges are computed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawSuggestion {
    pub label: String,
    pub replacement: String,
    pub applicability: Applicability,
    pub target: SuggestionTarget,
}

impl RawSuggestion {
    /// A suggestion whose applicability follows from its text: `has-placeholders` when it
    /// contains `[…]`, otherwise `safe`.
    pub fn replace_range(label: impl Into<String>, replacement: impl Into<String>) -> Self {
        let replacement = replacement.into();
        RawSuggestion {
            label: label.into(),
            applicability: applicability_of(&replacement),
            replacement,
            target: SuggestionTarget::Range,
        }
    }

    /// Like [`RawSuggestion::replace_range`], but replacing the whole field.
    pub fn replace_field(label: impl Into<String>, replacement: impl Into<String>) -> Self {
        RawSuggestion {
            target: SuggestionTarget::Field,
            ..Self::replace_range(label, replacement)
        }
    }

    /// Advice shown to the user but never applied.
    pub fn advice(label: impl Into<String>, text: impl Into<String>) -> Self {
        RawSuggestion {
            label: label.into(),
            replacement: text.into(),
            applicability: Applicability::DisplayOnly,
            target: SuggestionTarget::Range,
        }
    }
}

fn applicability_of(replacement: &str) -> Applicability {
    if placeholder_ranges(replacement).is_empty() {
        Applicability::Safe
    } else {
        Applicability::HasPlaceholders
    }
}

/// Byte ranges of `[placeholder]`s in a replacement, brackets included.
pub fn placeholder_ranges(text: &str) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    let mut open = None;
    // Bytes, not characters: no byte of a multi-byte character is '[' or ']' in UTF-8, and
    // this reads every suggestion of every finding.
    for (index, byte) in text.bytes().enumerate() {
        match byte {
            b'[' => open = Some(index),
            b']' => {
                if let Some(start) = open.take() {
                    ranges.push(start..index + 1);
                }
            }
            _ => {}
        }
    }
    ranges
}

/// A finding as a rule produces it: byte range into the field's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawFinding {
    pub rule: &'static str,
    pub severity: Severity,
    pub smart: Vec<Smart>,
    pub pointer: String,
    /// Byte range within the field's text; `None` for the whole field or the plan.
    pub span: Option<Range<usize>>,
    pub message: String,
    pub suggestions: Vec<RawSuggestion>,
}

impl RawFinding {
    /// Converts to the published form, counting positions in UTF-16 code units of `text`
    /// (the field's text; ignored when there is no span).
    pub fn publish(&self, text: &str) -> Finding {
        match self.span {
            Some(_) => self.publish_with(&Utf16Index::new(text)),
            None => self.publish_with(&Utf16Index::new("")),
        }
    }

    /// Like [`RawFinding::publish`], with the index of the field's text built once for
    /// all of the field's findings.
    pub fn publish_with(&self, index: &Utf16Index<'_>) -> Finding {
        self.clone().into_published(index)
    }

    /// Like [`RawFinding::publish_with`], moving the message and suggestions rather than
    /// copying them: a plan check publishes every finding it makes.
    pub fn into_published(self, index: &Utf16Index<'_>) -> Finding {
        let (start, end) = match &self.span {
            Some(span) => (
                Some(index.to_utf16(span.start)),
                Some(index.to_utf16(span.end)),
            ),
            None => (None, None),
        };
        Finding {
            rule: self.rule.to_owned(),
            severity: self.severity,
            smart: self.smart,
            pointer: self.pointer,
            start,
            end,
            message: self.message,
            suggestions: self
                .suggestions
                .into_iter()
                .map(|suggestion| {
                    let placeholders = placeholder_ranges(&suggestion.replacement);
                    let placeholders = if placeholders.is_empty() {
                        Vec::new()
                    } else {
                        let index = Utf16Index::new(&suggestion.replacement);
                        placeholders
                            .into_iter()
                            .map(|range| index.to_utf16(range.start)..index.to_utf16(range.end))
                            .collect()
                    };
                    Suggestion {
                        label: suggestion.label,
                        replacement: suggestion.replacement,
                        applicability: suggestion.applicability,
                        target: suggestion.target,
                        placeholders,
                    }
                })
                .collect(),
        }
    }
}
