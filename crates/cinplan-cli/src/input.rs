//! Reading what the user gives on the command line: plan files, dates, regions, profiles.
//! Every failure is a sentence for a person; the caller prints it and exits 2.

use chrono::NaiveDate;
use cinplan_core::profile::Profile;
use cinplan_core::{Plan, Region};

/// A failure to read input, already worded for the user.
pub type InputError = String;

/// Reads and parses a plan file (`-` for standard input).
pub fn read_plan(path: &str) -> Result<Plan, InputError> {
    let text = if path == "-" {
        std::io::read_to_string(std::io::stdin())
            .map_err(|error| format!("cannot read the plan from standard input: {error}"))?
    } else {
        std::fs::read_to_string(path).map_err(|error| format!("cannot read {path}: {error}"))?
    };
    Plan::from_json(&text).map_err(|error| format!("{path}: {error}"))
}

/// Parses an ISO date (YYYY-MM-DD), saying what is wrong otherwise.
pub fn parse_date(text: &str) -> Result<NaiveDate, InputError> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| {
        format!("\"{text}\" is not a date: write it as YYYY-MM-DD, for example 2026-12-28")
    })
}

/// `--today`, or the system date.
pub fn today(option: Option<&str>) -> Result<NaiveDate, InputError> {
    match option {
        Some(text) => parse_date(text),
        None => Ok(chrono::Local::now().date_naive()),
    }
}

pub fn parse_region(text: &str) -> Result<Region, InputError> {
    Region::from_id(text).ok_or_else(|| {
        format!(
            "\"{text}\" is not a region: use one of {}",
            Region::ALL.map(Region::id).join(", ")
        )
    })
}

/// A profile by shipped name, or from a file path.
pub fn load_profile(name_or_path: &str) -> Result<Profile, InputError> {
    if let Some(profile) = Profile::builtin(name_or_path) {
        return Ok(profile);
    }
    let text = std::fs::read_to_string(name_or_path).map_err(|error| {
        format!(
            "\"{name_or_path}\" is neither a shipped profile ({}) nor a readable file: {error}",
            Profile::names().join(", ")
        )
    })?;
    Profile::from_json(&text).map_err(|error| format!("{name_or_path}: {error}"))
}
