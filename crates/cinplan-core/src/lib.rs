//! The pure core of cinplan.
//!
//! Everything cinplan knows lives here: the plan model and its file format, the SMART
//! rules and their documentation, the reading of timescale text, UK working-day
//! calendars, profiles and the timeline of due dates. The core does no I/O, reads no
//! clock (today's date is always an argument) and starts no threads, so the same source
//! runs natively (tests, CLI) and in the browser (editor, embed).
#![forbid(unsafe_code)]

pub mod calendar;
pub mod check;
pub mod date_words;
pub mod family;
pub mod finding;
pub mod glossary;
pub mod ics;
pub mod incremental;
mod json_error;
pub mod plan;
pub mod profile;
pub mod review;
pub mod rules;
pub mod summary;
pub mod text;
pub mod text_pointer;
pub mod timeline;
pub mod timescale;
pub mod training;

pub use calendar::{Calendar, Region};
pub use finding::{Applicability, Finding, Severity, Smart, Suggestion};
pub use plan::{Plan, PlanError};
