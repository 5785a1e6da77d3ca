//! Profiles: local practice standards as data (timescales, limits, rule settings, extra
//! words). `default` follows shared/guidance; others ship as JSON files in `profiles/`, and
//! a user can load their own.
//!
//! CONTRACT (helpers: keep `Profile::builtin`, `Profile::from_json`, `Profile::names` and
//! the `rules` settings; the timescale fields are for the timeline helper to design).

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use crate::finding::Severity;

/// Per-rule settings in a profile.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuleSetting {
    /// `false` turns the rule off.
    #[serde(default = "yes")]
    pub enabled: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub severity: Option<Severity>,
}

fn yes() -> bool {
    true
}

/// A profile.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Profile {
    pub id: String,
    pub name: String,
    /// Where its numbers come from.
    #[serde(default)]
    pub source: String,
    /// Rule settings by rule id.
    #[serde(default)]
    pub rules: BTreeMap<String, RuleSetting>,
    /// Extra words to avoid, added to `vague-term`'s list.
    #[serde(default)]
    pub extra_vague_words: Vec<String>,
    /// Flesch reading ease below which `hard-to-read` speaks.
    #[serde(default = "default_readability")]
    pub readability_threshold: f64,
}

fn default_readability() -> f64 {
    50.0
}

/// Why a profile file could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfileError {
    pub message: String,
}

impl std::fmt::Display for ProfileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ProfileError {}

impl Profile {
    /// The names of the shipped profiles.
    pub fn names() -> &'static [&'static str] {
        &["default"]
    }

    /// A shipped profile by name.
    pub fn builtin(name: &str) -> Option<Profile> {
        (name == "default").then(|| Profile {
            id: "default".to_owned(),
            name: "Default (the guidance)".to_owned(),
            source: String::new(),
            rules: BTreeMap::new(),
            extra_vague_words: Vec::new(),
            readability_threshold: default_readability(),
        })
    }

    /// The default profile.
    pub fn default_profile() -> Profile {
        Self::builtin("default").unwrap_or_else(|| unreachable!("default profile is built in"))
    }

    /// Reads and validates a profile file.
    pub fn from_json(text: &str) -> Result<Profile, ProfileError> {
        serde_json::from_str(text).map_err(|error| ProfileError {
            message: format!("the profile file cannot be used: {error}"),
        })
    }

    /// The severity a rule has under this profile, or `None` if it is turned off.
    pub fn rule_severity(&self, rule: &str, default: Severity) -> Option<Severity> {
        match self.rules.get(rule) {
            Some(setting) if !setting.enabled => None,
            Some(setting) => Some(setting.severity.unwrap_or(default)),
            None => Some(default),
        }
    }
}
