//! Profiles: local practice standards as data (timescales, limits, rule settings, extra
//! words, closure days). `default` follows shared/guidance; others ship as JSON files in
//! `profiles/`, and a user can load their own.
//!
//! Every timescale is a [`Period`] with the passage it comes from, so a number can always
//! be traced to the guidance. A profile is validated when it is read, so an invalid one
//! never reaches the checker or the timeline.
//!
//! A user's profile file may start from a shipped one with `"extends": "default"` and
//! give only what differs; a timescale given there replaces the shipped one whole (its
//! count, unit and source together, so a changed number never keeps an old source).

use chrono::{Days, Months, NaiveDate};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

use crate::calendar::Calendar;
use crate::finding::Severity;
use crate::rules::registry;

/// Per-rule settings in a profile.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
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
#[serde(deny_unknown_fields)]
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
    /// Local closures (e.g. the office shut between Christmas and New Year): they count as
    /// non-working days in every working-day sum, as bank holidays do.
    #[serde(default, deserialize_with = "crate::date_words::deserialize_list")]
    pub closure_days: Vec<NaiveDate>,
    /// Timescales of a child in need plan.
    pub timescales: Timescales,
    /// Timescales of a child protection plan (`kind: child-protection`).
    pub child_protection: ChildProtectionTimescales,
}

fn default_readability() -> f64 {
    50.0
}

/// A span of time with the passage it comes from: "10 working days (001 …)".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Period {
    /// How many units; at least 1. Signed so that a negative number in a file is refused
    /// with a sentence, not a type error.
    pub count: i64,
    pub unit: PeriodUnit,
    /// The passage this comes from: "001 Child in Need Plan: …".
    #[serde(default)]
    pub source: String,
}

/// The unit of a [`Period`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PeriodUnit {
    /// Counted as whole days: 72 hours after a visit on Monday is Thursday.
    Hours,
    Days,
    /// Monday to Friday, not a bank holiday of the plan's region nor a closure day.
    WorkingDays,
    Weeks,
    /// Calendar months; the 31st plus one month is the last day of a shorter month.
    Months,
    Years,
}

/// What to do when a date counted in calendar units lands on a non-working day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NonWorkingDay {
    /// Keep the date (a milestone, such as the plan's 12-week target).
    Keep,
    /// Bring it forward to the last working day before it: something due "within 3
    /// months" that would end on a Sunday has to be done by the Friday.
    MoveEarlier,
}

/// The longest a profile may set any period to (about 10 years): a bound that keeps every
/// date sum small.
const LONGEST_PERIOD_DAYS: i64 = 3660;

impl Period {
    /// The longest this period can last in calendar days (a month counts 31 days, a year
    /// 366, five working days 7), for comparing periods of different units.
    pub fn longest_days(&self) -> i64 {
        let count = self.count.max(0);
        match self.unit {
            PeriodUnit::Hours => count.saturating_add(23) / 24,
            PeriodUnit::Days => count,
            PeriodUnit::WorkingDays => count.saturating_mul(7).saturating_add(4) / 5,
            PeriodUnit::Weeks => count.saturating_mul(7),
            PeriodUnit::Months => count.saturating_mul(31),
            PeriodUnit::Years => count.saturating_mul(366),
        }
    }

    /// The date this period after `date` (before it when `direction` is `Before`), with
    /// working days counted in `calendar`. `None` only past the ends of the calendar.
    pub fn shift(
        &self,
        date: NaiveDate,
        direction: Direction,
        calendar: &Calendar,
        non_working: NonWorkingDay,
    ) -> Option<NaiveDate> {
        let count = u32::try_from(self.count).ok()?;
        let forward = direction == Direction::After;
        let shifted = match self.unit {
            PeriodUnit::WorkingDays => {
                let signed = i64::from(count);
                return calendar.add_working_days(date, if forward { signed } else { -signed });
            }
            PeriodUnit::Hours => shift_days(date, u64::from(count.div_ceil(24)), forward)?,
            PeriodUnit::Days => shift_days(date, u64::from(count), forward)?,
            PeriodUnit::Weeks => shift_days(date, u64::from(count) * 7, forward)?,
            PeriodUnit::Months => shift_months(date, count, forward)?,
            PeriodUnit::Years => shift_months(date, count.checked_mul(12)?, forward)?,
        };
        match non_working {
            NonWorkingDay::Keep => Some(shifted),
            NonWorkingDay::MoveEarlier => last_working_day_on_or_before(shifted, calendar),
        }
    }

    /// The date this period after `date`; a deadline that lands on a non-working day is
    /// brought forward to the working day before.
    pub fn due_after(&self, date: NaiveDate, calendar: &Calendar) -> Option<NaiveDate> {
        self.shift(date, Direction::After, calendar, NonWorkingDay::MoveEarlier)
    }

    /// "10 working days", "72 hours", "1 year".
    pub fn describe(&self) -> String {
        let (one, many) = match self.unit {
            PeriodUnit::Hours => ("hour", "hours"),
            PeriodUnit::Days => ("day", "days"),
            PeriodUnit::WorkingDays => ("working day", "working days"),
            PeriodUnit::Weeks => ("week", "weeks"),
            PeriodUnit::Months => ("month", "months"),
            PeriodUnit::Years => ("year", "years"),
        };
        format!(
            "{} {}",
            self.count,
            if self.count == 1 { one } else { many }
        )
    }
}

/// Which way a [`Period`] is counted from a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    After,
    Before,
}

fn shift_days(date: NaiveDate, days: u64, forward: bool) -> Option<NaiveDate> {
    if forward {
        date.checked_add_days(Days::new(days))
    } else {
        date.checked_sub_days(Days::new(days))
    }
}

fn shift_months(date: NaiveDate, months: u32, forward: bool) -> Option<NaiveDate> {
    if forward {
        date.checked_add_months(Months::new(months))
    } else {
        date.checked_sub_months(Months::new(months))
    }
}

/// `date` itself when it is a working day, else the closest working day before it.
pub fn last_working_day_on_or_before(date: NaiveDate, calendar: &Calendar) -> Option<NaiveDate> {
    calendar.working_day_on_or(date, crate::calendar::Direction::Backward)
}

/// The timescales of a child in need plan (shared/design/timescales.md).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Timescales {
    /// The planning meeting, after the assessment is completed.
    pub planning_meeting_after_assessment: Period,
    /// The assessment is shared with the family at least this long before the first
    /// meeting.
    pub assessment_shared_before_meeting: Period,
    /// A copy of the plan to the family and agencies, after the planning meeting.
    pub plan_copy_after_meeting: Period,
    /// Notes of each progress or review meeting circulated, after the meeting.
    pub notes_after_meeting: Period,
    /// The first visit, after allocation.
    pub first_visit_after_allocation: Period,
    /// The longest allowed gap between two visits.
    pub visits_at_most_apart: Period,
    /// A visit is recorded within this of the visit.
    pub visit_record_after_visit: Period,
    /// A safety plan is typed and shared within this of being agreed.
    pub safety_plan_after_agreed: Period,
    /// The gap between reviews when the plan does not say how often they are.
    pub reviews_default_apart: Period,
    /// The longest allowed gap between reviews (and from the planning meeting to the first
    /// review).
    pub reviews_at_most_apart: Period,
    /// The plan's target length, from the planning meeting.
    pub trajectory_target: Period,
    /// The length past which the plan needs recorded management oversight.
    pub trajectory_limit: Period,
    /// The child and family assessment is updated within this of being completed.
    pub assessment_update_after_assessment: Period,
}

/// The timescales of a child protection plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChildProtectionTimescales {
    /// The first core group, after the initial child protection conference.
    pub first_core_group_after_initial_conference: Period,
    /// The first review conference, after the initial conference.
    pub first_review_conference_after_initial_conference: Period,
    /// The longest allowed gap between later review conferences.
    pub review_conferences_at_most_apart: Period,
    /// The longest allowed gap between two visits.
    pub visits_at_most_apart: Period,
}

impl Timescales {
    /// Every period with its name in the file, for validation and documentation.
    pub fn named(&self) -> [(&'static str, &Period); 13] {
        [
            (
                "planning_meeting_after_assessment",
                &self.planning_meeting_after_assessment,
            ),
            (
                "assessment_shared_before_meeting",
                &self.assessment_shared_before_meeting,
            ),
            ("plan_copy_after_meeting", &self.plan_copy_after_meeting),
            ("notes_after_meeting", &self.notes_after_meeting),
            (
                "first_visit_after_allocation",
                &self.first_visit_after_allocation,
            ),
            ("visits_at_most_apart", &self.visits_at_most_apart),
            ("visit_record_after_visit", &self.visit_record_after_visit),
            ("safety_plan_after_agreed", &self.safety_plan_after_agreed),
            ("reviews_default_apart", &self.reviews_default_apart),
            ("reviews_at_most_apart", &self.reviews_at_most_apart),
            ("trajectory_target", &self.trajectory_target),
            ("trajectory_limit", &self.trajectory_limit),
            (
                "assessment_update_after_assessment",
                &self.assessment_update_after_assessment,
            ),
        ]
    }
}

impl ChildProtectionTimescales {
    /// Every period with its name in the file.
    pub fn named(&self) -> [(&'static str, &Period); 4] {
        [
            (
                "first_core_group_after_initial_conference",
                &self.first_core_group_after_initial_conference,
            ),
            (
                "first_review_conference_after_initial_conference",
                &self.first_review_conference_after_initial_conference,
            ),
            (
                "review_conferences_at_most_apart",
                &self.review_conferences_at_most_apart,
            ),
            ("visits_at_most_apart", &self.visits_at_most_apart),
        ]
    }
}

/// Why a profile file could not be used: what is wrong and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfileError {
    /// A sentence for a person.
    pub message: String,
    /// JSON Pointer of the offending field, `""` for the file itself.
    pub pointer: String,
    /// 1-based line and column in the file, where known.
    pub line: Option<usize>,
    pub column: Option<usize>,
}

impl ProfileError {
    fn at(pointer: &str, message: impl Into<String>) -> ProfileError {
        ProfileError {
            message: message.into(),
            pointer: pointer.to_owned(),
            line: None,
            column: None,
        }
    }
}

impl std::fmt::Display for ProfileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the profile cannot be used: ")?;
        if let (Some(line), Some(column)) = (self.line, self.column) {
            write!(f, "line {line}, column {column}: ")?;
        }
        f.write_str(&self.message)
    }
}

impl std::error::Error for ProfileError {}

/// The shipped profiles: name and file.
const BUILTIN: &[(&str, &str)] = &[
    ("default", include_str!("profiles/default.json")),
    (
        "leicestershire",
        include_str!("profiles/leicestershire.json"),
    ),
];

const BUILTIN_NAMES: &[&str] = &["default", "leicestershire"];

impl Profile {
    /// The names of the shipped profiles.
    pub fn names() -> &'static [&'static str] {
        BUILTIN_NAMES
    }

    /// A shipped profile by name.
    pub fn builtin(name: &str) -> Option<Profile> {
        let (_, text) = BUILTIN.iter().find(|(id, _)| *id == name)?;
        // The shipped files are checked by this module's tests, so this only fails if a
        // shipped file is broken, and then the profile is reported as absent.
        Profile::from_json(text).ok()
    }

    /// The default profile.
    pub fn default_profile() -> Profile {
        Self::builtin("default").unwrap_or_else(|| unreachable!("default profile is built in"))
    }

    /// Reads and validates a profile file. The message says what is wrong and where: the
    /// field's JSON Pointer and, where known, the line and column.
    pub fn from_json(text: &str) -> Result<Profile, ProfileError> {
        let value: Value = serde_json::from_str(text).map_err(|error| ProfileError {
            message: format!(
                "this is not valid JSON: {}",
                crate::plan::describe_json_error(&error)
            ),
            pointer: String::new(),
            line: Some(error.line()),
            column: Some(error.column()),
        })?;
        let Value::Object(mut object) = value else {
            return Err(ProfileError::at(
                "",
                "a profile file must be a JSON object ({ … })",
            ));
        };
        let profile: Profile = match object.remove("extends") {
            None => {
                let mut deserializer = serde_json::Deserializer::from_str(text);
                Profile::deserialize(&mut deserializer)
                    .map_err(|error| field_error(text, &error, true))?
            }
            Some(Value::String(base_name)) => {
                let base = Profile::builtin(&base_name).ok_or_else(|| {
                    ProfileError::at(
                        "/extends",
                        format!(
                            "\"extends\" names \"{base_name}\", which is not a shipped profile \
                             (use one of {})",
                            Profile::names().join(", ")
                        ),
                    )
                })?;
                let mut merged = serde_json::to_value(base)
                    .map_err(|error| ProfileError::at("", error.to_string()))?;
                if let Value::Object(base_object) = &mut merged {
                    merge_over(base_object, object);
                }
                // Read from text, not from the Value, so that one reader (and its code)
                // serves both cases and an error's place can be found in the text. The
                // merged text is not the user's, so its lines and columns are not given.
                let merged = merged.to_string();
                let mut deserializer = serde_json::Deserializer::from_str(&merged);
                Profile::deserialize(&mut deserializer)
                    .map_err(|error| field_error(&merged, &error, false))?
            }
            Some(_) => {
                return Err(ProfileError::at(
                    "/extends",
                    "\"extends\" must be the name of a shipped profile, such as \"default\"",
                ))
            }
        };
        profile.validate()?;
        Ok(profile)
    }

    /// Checks what types cannot: names present, periods positive and sensible, a default
    /// review gap within the maximum, known rule ids.
    pub fn validate(&self) -> Result<(), ProfileError> {
        if self.id.trim().is_empty() {
            return Err(ProfileError::at("/id", "\"id\" must not be empty"));
        }
        if self.name.trim().is_empty() {
            return Err(ProfileError::at("/name", "\"name\" must not be empty"));
        }
        if !self.readability_threshold.is_finite()
            || !(0.0..=100.0).contains(&self.readability_threshold)
        {
            return Err(ProfileError::at(
                "/readability_threshold",
                format!(
                    "\"readability_threshold\" is {}, but a reading-ease score runs from 0 \
                     to 100",
                    self.readability_threshold
                ),
            ));
        }
        for rule in self.rules.keys() {
            if registry::find(rule).is_none() {
                return Err(ProfileError::at(
                    &format!("/rules/{}", escape_pointer(rule)),
                    format!("\"{rule}\" is not a rule of cinplan (`cinplan rules` lists them)"),
                ));
            }
        }
        let periods = self
            .timescales
            .named()
            .into_iter()
            .map(|(name, period)| (format!("/timescales/{name}"), period))
            .chain(
                self.child_protection
                    .named()
                    .into_iter()
                    .map(|(name, period)| (format!("/child_protection/{name}"), period)),
            );
        for (pointer, period) in periods {
            if period.count < 1 {
                return Err(ProfileError::at(
                    &format!("{pointer}/count"),
                    format!(
                        "{pointer} is {}: a timescale must be at least 1 {}",
                        period.describe(),
                        unit_word(period.unit)
                    ),
                ));
            }
            if period.longest_days() > LONGEST_PERIOD_DAYS {
                return Err(ProfileError::at(
                    &format!("{pointer}/count"),
                    format!(
                        "{pointer} is {}, longer than any practice standard (at most about \
                         10 years)",
                        period.describe()
                    ),
                ));
            }
        }
        let timescales = &self.timescales;
        if timescales.reviews_default_apart.longest_days()
            > timescales.reviews_at_most_apart.longest_days()
        {
            return Err(ProfileError::at(
                "/timescales/reviews_default_apart",
                format!(
                    "the usual gap between reviews ({}) is longer than the most allowed \
                     (reviews_at_most_apart: {})",
                    timescales.reviews_default_apart.describe(),
                    timescales.reviews_at_most_apart.describe()
                ),
            ));
        }
        if timescales.trajectory_target.longest_days() > timescales.trajectory_limit.longest_days()
        {
            return Err(ProfileError::at(
                "/timescales/trajectory_target",
                format!(
                    "the target length of a plan ({}) is longer than its limit \
                     (trajectory_limit: {})",
                    timescales.trajectory_target.describe(),
                    timescales.trajectory_limit.describe()
                ),
            ));
        }
        Ok(())
    }

    /// The severity a rule has under this profile, or `None` if it is turned off.
    pub fn rule_severity(&self, rule: &str, default: Severity) -> Option<Severity> {
        match self.rules.get(rule) {
            Some(setting) if !setting.enabled => None,
            Some(setting) => Some(setting.severity.unwrap_or(default)),
            None => Some(default),
        }
    }

    /// The profile as a file (what a user starts their own profile from).
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

fn unit_word(unit: PeriodUnit) -> &'static str {
    match unit {
        PeriodUnit::Hours => "hour",
        PeriodUnit::Days => "day",
        PeriodUnit::WorkingDays => "working day",
        PeriodUnit::Weeks => "week",
        PeriodUnit::Months => "month",
        PeriodUnit::Years => "year",
    }
}

/// Lays `overlay` over `base`: objects one level down (`timescales`, `rules`, …) are merged
/// by key; everything else, a [`Period`] included, is replaced whole.
fn merge_over(base: &mut Map<String, Value>, overlay: Map<String, Value>) {
    for (key, value) in overlay {
        match (base.get_mut(&key), value) {
            (Some(Value::Object(base_inner)), Value::Object(overlay_inner)) => {
                for (inner_key, inner_value) in overlay_inner {
                    base_inner.insert(inner_key, inner_value);
                }
            }
            (_, value) => {
                base.insert(key, value);
            }
        }
    }
}

fn field_error(text: &str, error: &serde_json::Error, positioned: bool) -> ProfileError {
    let pointer = crate::json_error::pointer_of_error(text, error);
    let inner = error;
    ProfileError {
        message: format!(
            "{}: {}",
            if pointer.is_empty() {
                "the profile".to_owned()
            } else {
                format!("field {pointer}")
            },
            crate::plan::describe_json_error(inner)
        ),
        pointer,
        line: positioned.then(|| inner.line()),
        column: positioned.then(|| inner.column()),
    }
}

fn escape_pointer(segment: &str) -> String {
    segment.replace('~', "~0").replace('/', "~1")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::Region;

    fn date(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap_or(NaiveDate::MIN)
    }

    fn period(count: i64, unit: PeriodUnit) -> Period {
        Period {
            count,
            unit,
            source: String::new(),
        }
    }

    #[test]
    fn every_shipped_profile_loads_and_cites_a_source_for_every_timescale() {
        for name in Profile::names() {
            let profile = Profile::builtin(name);
            assert!(profile.is_some(), "shipped profile {name} does not load");
            let Some(profile) = profile else { continue };
            assert_eq!(profile.id, *name);
            assert!(!profile.source.is_empty(), "{name} has no source");
            for (field, period) in profile
                .timescales
                .named()
                .into_iter()
                .chain(profile.child_protection.named())
            {
                assert!(
                    period.source.len() > 10,
                    "{name}: {field} does not say where it comes from"
                );
            }
        }
    }

    #[test]
    fn shipped_profile_files_have_the_names_they_are_listed_under() {
        let listed: Vec<&str> = BUILTIN.iter().map(|(name, _)| *name).collect();
        assert_eq!(listed, Profile::names());
    }

    #[test]
    fn default_profile_has_the_guidance_numbers() {
        let timescales = Profile::default_profile().timescales;
        assert_eq!(
            timescales.planning_meeting_after_assessment.describe(),
            "10 working days"
        );
        assert_eq!(
            timescales.plan_copy_after_meeting.describe(),
            "5 working days"
        );
        assert_eq!(
            timescales.first_visit_after_allocation.describe(),
            "5 working days"
        );
        assert_eq!(
            timescales.visits_at_most_apart.describe(),
            "20 working days"
        );
        assert_eq!(timescales.reviews_default_apart.describe(), "6 weeks");
        assert_eq!(timescales.reviews_at_most_apart.describe(), "3 months");
        assert_eq!(timescales.trajectory_target.describe(), "12 weeks");
        assert_eq!(timescales.trajectory_limit.describe(), "16 weeks");
        assert_eq!(
            timescales.assessment_update_after_assessment.describe(),
            "1 year"
        );
        assert_eq!(timescales.notes_after_meeting.describe(), "5 working days");
        assert_eq!(timescales.visit_record_after_visit.describe(), "72 hours");
        assert_eq!(
            timescales.assessment_shared_before_meeting.describe(),
            "2 days"
        );
        assert_eq!(timescales.safety_plan_after_agreed.describe(), "7 days");
    }

    #[test]
    fn leicestershire_reviews_are_at_most_six_weeks_apart() {
        let profile = Profile::builtin("leicestershire");
        let timescales = profile.map(|profile| profile.timescales);
        assert_eq!(
            timescales
                .as_ref()
                .map(|t| t.reviews_at_most_apart.describe()),
            Some("6 weeks".to_owned())
        );
        assert_eq!(
            timescales.map(|t| t.reviews_default_apart.describe()),
            Some("4 weeks".to_owned())
        );
    }

    #[test]
    fn an_unknown_name_is_no_shipped_profile() {
        assert_eq!(Profile::builtin("nowhere"), None);
    }

    #[test]
    fn friday_plus_five_working_days_is_the_next_friday() {
        let calendar = Calendar::new(Region::EnglandAndWales);
        let due = period(5, PeriodUnit::WorkingDays).due_after(date("2026-11-13"), &calendar);
        assert_eq!(due, Some(date("2026-11-20")));
    }

    #[test]
    fn three_months_ending_on_a_sunday_is_due_the_friday_before() {
        let calendar = Calendar::new(Region::EnglandAndWales);
        let due = period(3, PeriodUnit::Months).due_after(date("2027-02-16"), &calendar);
        assert_eq!(due, Some(date("2027-05-14")));
    }

    #[test]
    fn a_milestone_on_a_sunday_stays_on_the_sunday() {
        let calendar = Calendar::new(Region::EnglandAndWales);
        let milestone = period(1, PeriodUnit::Weeks).shift(
            date("2026-11-15"),
            Direction::After,
            &calendar,
            NonWorkingDay::Keep,
        );
        assert_eq!(milestone, Some(date("2026-11-22")));
    }

    #[test]
    fn seventy_two_hours_after_a_monday_is_thursday() {
        let calendar = Calendar::new(Region::EnglandAndWales);
        let due = period(72, PeriodUnit::Hours).due_after(date("2026-11-16"), &calendar);
        assert_eq!(due, Some(date("2026-11-19")));
    }

    #[test]
    fn two_days_before_a_monday_meeting_is_the_friday_before() {
        let calendar = Calendar::new(Region::EnglandAndWales);
        let due = period(2, PeriodUnit::Days).shift(
            date("2026-11-16"),
            Direction::Before,
            &calendar,
            NonWorkingDay::MoveEarlier,
        );
        assert_eq!(due, Some(date("2026-11-13")));
    }

    #[test]
    fn a_period_past_the_end_of_the_calendar_has_no_date() {
        let calendar = Calendar::new(Region::EnglandAndWales);
        assert_eq!(
            period(1, PeriodUnit::Years).due_after(NaiveDate::MAX, &calendar),
            None
        );
    }

    fn default_with(pointer_path: &[&str], value: Value) -> String {
        let mut profile = serde_json::to_value(Profile::default_profile()).unwrap_or(Value::Null);
        let mut target = &mut profile;
        for segment in pointer_path {
            target = &mut target[*segment];
        }
        *target = value;
        profile.to_string()
    }

    #[track_caller]
    fn assert_refused(text: &str, pointer: &str, words: &str) {
        match Profile::from_json(text) {
            Ok(_) => panic!("profile accepted, expected an error at {pointer}"),
            Err(error) => {
                assert_eq!(error.pointer, pointer, "{error}");
                assert!(
                    error.to_string().contains(words),
                    "message {:?} does not say {words:?}",
                    error.to_string()
                );
            }
        }
    }

    #[test]
    fn a_zero_timescale_is_refused_naming_the_field() {
        assert_refused(
            &default_with(&["timescales", "visits_at_most_apart", "count"], 0.into()),
            "/timescales/visits_at_most_apart/count",
            "at least 1 working day",
        );
    }

    #[test]
    fn a_negative_timescale_is_refused() {
        assert_refused(
            &default_with(
                &["child_protection", "visits_at_most_apart", "count"],
                (-3).into(),
            ),
            "/child_protection/visits_at_most_apart/count",
            "-3 working days",
        );
    }

    #[test]
    fn an_absurdly_long_timescale_is_refused() {
        assert_refused(
            &default_with(&["timescales", "trajectory_limit", "count"], 100_000.into()),
            "/timescales/trajectory_limit/count",
            "longer than any practice standard",
        );
    }

    #[test]
    fn a_default_review_gap_beyond_the_maximum_is_refused() {
        assert_refused(
            &default_with(
                &["timescales", "reviews_default_apart"],
                serde_json::json!({"count": 4, "unit": "months", "source": "x"}),
            ),
            "/timescales/reviews_default_apart",
            "longer than the most allowed",
        );
    }

    #[test]
    fn a_target_beyond_the_limit_is_refused() {
        assert_refused(
            &default_with(&["timescales", "trajectory_target", "count"], 20.into()),
            "/timescales/trajectory_target",
            "longer than its limit",
        );
    }

    #[test]
    fn an_unknown_unit_is_refused_with_its_place_in_the_file() {
        let text = default_with(
            &["timescales", "plan_copy_after_meeting", "unit"],
            "fortnights".into(),
        );
        match Profile::from_json(&text) {
            Ok(_) => panic!("accepted a unit of fortnights"),
            Err(error) => {
                assert_eq!(error.pointer, "/timescales/plan_copy_after_meeting/unit");
                assert!(error.line.is_some() && error.column.is_some());
                assert!(error.message.contains("fortnights"), "{error}");
            }
        }
    }

    #[test]
    fn a_misspelt_field_is_refused_not_ignored() {
        let text = default_with(
            &["timescales", "visit_at_most_apart"],
            serde_json::json!({"count": 10, "unit": "days"}),
        );
        assert_refused(&text, "/timescales/visit_at_most_apart", "unknown field");
    }

    #[test]
    fn a_missing_timescale_is_refused() {
        let mut profile = serde_json::to_value(Profile::default_profile()).unwrap_or(Value::Null);
        if let Some(timescales) = profile["timescales"].as_object_mut() {
            timescales.remove("trajectory_limit");
        }
        assert_refused(&profile.to_string(), "/timescales", "trajectory_limit");
    }

    #[test]
    fn an_unknown_rule_is_refused() {
        let text = default_with(
            &["rules"],
            serde_json::json!({"no-such-rule": {"enabled": false}}),
        );
        assert_refused(&text, "/rules/no-such-rule", "not a rule of cinplan");
    }

    #[test]
    fn broken_json_is_refused_with_line_and_column() {
        match Profile::from_json("{\n  \"id\": \"x\",,\n}") {
            Ok(_) => panic!("accepted broken JSON"),
            Err(error) => {
                assert_eq!((error.line, error.column), (Some(2), Some(13)));
                assert!(error.to_string().contains("line 2, column 13"), "{error}");
            }
        }
    }

    #[test]
    fn a_profile_can_extend_a_shipped_one_and_change_one_timescale() {
        let text = r#"{
            "extends": "default",
            "id": "shire",
            "name": "Shire County",
            "closure_days": ["2026-12-29", "2026-12-30", "2026-12-31"],
            "timescales": {
                "visits_at_most_apart": {"count": 15, "unit": "working-days", "source": "Shire standards 2026, visiting"}
            }
        }"#;
        let profile = Profile::from_json(text);
        assert!(profile.is_ok(), "{profile:?}");
        let Ok(profile) = profile else { return };
        let default = Profile::default_profile();
        assert_eq!(profile.id, "shire");
        assert_eq!(
            profile.timescales.visits_at_most_apart.describe(),
            "15 working days"
        );
        assert_eq!(
            profile.timescales.reviews_at_most_apart,
            default.timescales.reviews_at_most_apart
        );
        assert_eq!(profile.closure_days.len(), 3);
    }

    #[test]
    fn extending_an_unknown_profile_is_refused() {
        assert_refused(
            r#"{"extends": "atlantis", "id": "x", "name": "X"}"#,
            "/extends",
            "not a shipped profile",
        );
    }

    #[test]
    fn a_profile_round_trips_through_its_file() {
        for name in Profile::names() {
            let profile = Profile::builtin(name);
            let again = profile
                .as_ref()
                .map(|profile| Profile::from_json(&profile.to_json()));
            assert_eq!(again, profile.map(Ok));
        }
    }

    #[test]
    fn rule_settings_change_severity_or_turn_a_rule_off() {
        let mut profile = Profile::default_profile();
        profile.rules.insert(
            "quiet".to_owned(),
            RuleSetting {
                enabled: false,
                severity: None,
            },
        );
        profile.rules.insert(
            "loud".to_owned(),
            RuleSetting {
                enabled: true,
                severity: Some(Severity::Error),
            },
        );
        assert_eq!(profile.rule_severity("quiet", Severity::Warning), None);
        assert_eq!(
            profile.rule_severity("loud", Severity::Info),
            Some(Severity::Error)
        );
        assert_eq!(
            profile.rule_severity("other", Severity::Info),
            Some(Severity::Info)
        );
    }
}
