//! `cinplan timeline` as a user runs it: the real binary on the fixture plans, its text,
//! JSON and iCalendar output, and its refusals.

use std::collections::HashSet;
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use chrono::NaiveDate;
use cinplan_core::profile::Profile;
use cinplan_core::timeline::{timeline, Timeline};
use cinplan_core::Plan;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../cinplan-core/tests/fixtures")
        .join(name)
}

fn tommy_path() -> String {
    fixture("tommy-good.json").display().to_string()
}

fn cinplan(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cinplan"))
        .args(args)
        .output()
        .unwrap_or_else(|error| panic!("cannot run cinplan: {error}"))
}

#[track_caller]
fn succeeds(args: &[&str]) -> String {
    let output = cinplan(args);
    assert_eq!(
        output.status.code(),
        Some(0),
        "cinplan {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap_or_else(|error| panic!("not UTF-8: {error}"))
}

/// Runs cinplan expecting exit 2, and returns what it said on stderr.
#[track_caller]
fn refuses(args: &[&str]) -> String {
    let output = cinplan(args);
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert_eq!(output.status.code(), Some(2), "cinplan {args:?}: {stderr}");
    assert!(
        output.stdout.is_empty(),
        "printed on stdout as well as failing"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    stderr
}

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap_or(NaiveDate::MIN)
}

fn tommy_timeline(today: &str) -> Timeline {
    let text = std::fs::read_to_string(fixture("tommy-good.json")).unwrap_or_default();
    let plan = Plan::from_json(&text).unwrap_or_else(|error| panic!("{error}"));
    timeline(&plan, &Profile::default_profile(), date(today))
}

fn temp_file(name: &str, contents: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("cinplan-timeline-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap_or_else(|error| panic!("{error}"));
    let path = dir.join(name);
    std::fs::write(&path, contents).unwrap_or_else(|error| panic!("{error}"));
    path
}

#[test]
fn text_lists_tommys_due_dates_for_a_practitioner() {
    let text = succeeds(&["timeline", &tommy_path(), "--today", "2026-11-23"]);
    assert!(
        text.starts_with(
            "Timeline of Tommy's child in need plan (profile: Default (the guidance))\n\
             Today is Mon 23 Nov 2026: "
        ),
        "{text}"
    );
    let lines: Vec<&str> = text.lines().collect();
    let position = |needle: &str| {
        lines
            .iter()
            .position(|line| line.contains(needle))
            .unwrap_or_else(|| panic!("no line with {needle:?} in\n{text}"))
    };
    let header = position("Date ");
    assert!(lines[header].contains("State") && lines[header].contains("What"));
    assert!(lines[header].ends_with("From"));
    let meeting = position("Planning meeting due");
    assert!(
        lines[meeting].starts_with("Mon 16 Nov 2026  done "),
        "{}",
        lines[meeting]
    );
    assert!(lines[meeting].ends_with("/dates/assessment_completed"));
    let first_visit = position("First visit to Tommy due");
    assert!(lines[first_visit].starts_with("Tue 10 Nov 2026  OVERDUE "));
    let today = position(">>> today <<<");
    let copy = position("Plan copy to the family and agencies due (5 working days after");
    assert!(
        lines[copy].starts_with("Mon 23 Nov 2026  done "),
        "{}",
        lines[copy]
    );
    assert!(
        meeting < today && today < copy,
        "today is not marked between past and future"
    );
    let review = position("First review due");
    assert!(
        lines[review].starts_with("Tue 16 Feb 2027  due "),
        "{}",
        lines[review]
    );
    assert!(text.contains("OVERDUE: the date has passed and the plan does not record it"));
}

#[test]
fn json_is_the_cores_timeline_with_the_documented_fields() {
    let json = succeeds(&[
        "timeline",
        &tommy_path(),
        "--today",
        "2026-11-23",
        "--format",
        "json",
    ]);
    let value: serde_json::Value =
        serde_json::from_str(&json).unwrap_or_else(|error| panic!("{error}: {json}"));
    let events = value["events"].as_array().cloned().unwrap_or_default();
    assert!(!events.is_empty());
    for event in &events {
        let keys: Vec<&str> = event
            .as_object()
            .map(|object| object.keys().map(String::as_str).collect())
            .unwrap_or_default();
        assert_eq!(keys, ["date", "kind", "title", "source", "state"]);
    }
    assert!(events
        .iter()
        .any(|event| event["kind"] == "planning-meeting-due"
            && event["date"] == "2026-11-16"
            && event["state"] == "done"));
    let from_core = serde_json::to_value(tommy_timeline("2026-11-23")).unwrap_or_default();
    assert_eq!(value, from_core);
}

/// The iCalendar output, read back with the `ical` crate (a parser written apart from the
/// `icalendar` crate that writes it).
fn parse_ics(ics: &str) -> ical::parser::ical::component::IcalCalendar {
    let mut calendars = ical::IcalParser::new(std::io::BufReader::new(ics.as_bytes()));
    let calendar = calendars
        .next()
        .unwrap_or_else(|| panic!("no calendar in\n{ics}"))
        .unwrap_or_else(|error| panic!("unreadable calendar: {error}\n{ics}"));
    assert!(calendars.next().is_none(), "more than one calendar");
    calendar
}

fn property<'a>(
    properties: &'a [ical::property::Property],
    name: &str,
) -> Option<&'a ical::property::Property> {
    properties.iter().find(|property| property.name == name)
}

fn value_of<'a>(properties: &'a [ical::property::Property], name: &str) -> &'a str {
    property(properties, name)
        .and_then(|property| property.value.as_deref())
        .unwrap_or_else(|| panic!("no {name}"))
}

fn is_date_valued(property: &ical::property::Property) -> bool {
    property.params.as_ref().is_some_and(|params| {
        params
            .iter()
            .any(|(name, values)| name == "VALUE" && values.iter().any(|value| value == "DATE"))
    })
}

#[test]
fn ics_has_one_all_day_event_per_due_date_and_parses() {
    let ics = succeeds(&[
        "timeline",
        &tommy_path(),
        "--today",
        "2026-11-23",
        "--format",
        "ics",
    ]);
    let calendar = parse_ics(&ics);
    assert_eq!(value_of(&calendar.properties, "VERSION"), "2.0");
    assert!(value_of(&calendar.properties, "PRODID").contains("cinplan"));

    let expected = tommy_timeline("2026-11-23").events;
    assert_eq!(calendar.events.len(), expected.len());
    let mut uids = HashSet::new();
    for (parsed, event) in calendar.events.iter().zip(&expected) {
        let properties = &parsed.properties;
        let start = property(properties, "DTSTART").unwrap_or_else(|| panic!("no DTSTART"));
        let end = property(properties, "DTEND").unwrap_or_else(|| panic!("no DTEND"));
        assert!(
            is_date_valued(start) && is_date_valued(end),
            "{start:?} {end:?}"
        );
        assert_eq!(
            start.value.as_deref(),
            Some(event.date.format("%Y%m%d").to_string().as_str())
        );
        let next_day = event.date.succ_opt().unwrap_or(event.date);
        assert_eq!(
            end.value.as_deref(),
            Some(next_day.format("%Y%m%d").to_string().as_str())
        );
        let stamp = value_of(properties, "DTSTAMP");
        assert!(
            stamp.len() == 16 && stamp.ends_with('Z') && stamp.as_bytes()[8] == b'T',
            "DTSTAMP {stamp} is not a UTC date-time"
        );
        assert!(
            uids.insert(value_of(properties, "UID").to_owned()),
            "UID repeated"
        );
        let summary = value_of(properties, "SUMMARY");
        assert!(
            summary.contains(&event.title.replace(',', "\\,").replace(';', "\\;")),
            "{summary} lacks {}",
            event.title
        );
        assert!(value_of(properties, "DESCRIPTION").contains(&event.source));
    }
    let dates: Vec<&str> = calendar
        .events
        .iter()
        .map(|event| value_of(&event.properties, "DTSTART"))
        .collect();
    assert!(
        dates.contains(&"20261116"),
        "planning meeting due missing: {dates:?}"
    );
    assert!(
        dates.contains(&"20270216"),
        "first review missing: {dates:?}"
    );
}

#[test]
fn ics_lines_end_in_crlf_and_fold_at_75_octets() {
    let ics = succeeds(&[
        "timeline",
        &tommy_path(),
        "--today",
        "2026-11-23",
        "--format",
        "ics",
    ]);
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"));
    assert!(ics.ends_with("END:VCALENDAR\r\n"));
    let mut folded = 0;
    for line in ics.split_terminator("\r\n") {
        assert!(
            !line.contains('\n') && !line.contains('\r'),
            "bare line break in {line:?}"
        );
        assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
        if line.starts_with(' ') {
            folded += 1;
        }
    }
    assert!(folded > 0, "the long titles should have been folded");
}

#[test]
fn ics_folds_between_characters_never_inside_one() {
    let plan = std::fs::read_to_string(fixture("tommy-good.json"))
        .unwrap_or_default()
        .replace("\"Tommy\"", "\"Zoë-Ŝtéphanie 🌟 Ōkubo-Ñúñez\"");
    let path = temp_file("unicode.json", &plan);
    let ics = succeeds(&[
        "timeline",
        &path.display().to_string(),
        "--today",
        "2026-11-23",
        "--format",
        "ics",
    ]);
    for line in ics.split_terminator("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
    }
    let calendar = parse_ics(&ics);
    assert!(calendar.events.iter().any(
        |event| value_of(&event.properties, "SUMMARY").contains("Zoë-Ŝtéphanie 🌟 Ōkubo-Ñúñez")
    ));
}

#[test]
fn control_characters_in_the_plan_never_reach_the_calendar_or_the_terminal() {
    // A NUL, a lone carriage return, a right-to-left override and a semicolon in the
    // child's name and an action: none may break the calendar or garble the listing.
    let plan = std::fs::read_to_string(fixture("tommy-good.json"))
        .unwrap_or_default()
        .replace("\"Tommy\"", "\"To\\u0000m\\rmy; \\u202eJr\"")
        .replace(
            "Mum and step-dad both learn",
            "Mum\\u0000 and\\r step-dad, both; learn",
        );
    let path = temp_file("controls.json", &plan);
    let path = path.display().to_string();
    let ics = succeeds(&[
        "timeline",
        &path,
        "--today",
        "2026-11-23",
        "--format",
        "ics",
    ]);
    let forbidden = |c: char| (c.is_control() && c != '\r' && c != '\n') || c == '\u{202e}';
    assert!(!ics.chars().any(forbidden), "{ics:?}");
    assert!(
        !ics.replace("\r\n", "").contains('\r'),
        "a lone CR: {ics:?}"
    );
    assert!(
        ics.contains("\r\nNAME:To␀m␍my\\; <U+202E>Jr's plan: due dates\r\n"),
        "{ics}"
    );
    let calendar = parse_ics(&ics);
    assert!(calendar
        .events
        .iter()
        .any(|event| value_of(&event.properties, "SUMMARY")
            .contains("Mum␀ and step-dad\\, both\\; learn")));

    let text = succeeds(&["timeline", &path, "--today", "2026-11-23"]);
    assert!(!text.chars().any(|c| forbidden(c) || c == '\r'), "{text:?}");
    assert!(
        text.starts_with("Timeline of To␀m␍my; <U+202E>Jr's"),
        "{text}"
    );
}

#[test]
fn ics_uids_stay_the_same_when_exported_again() {
    let uids = |today: &str| -> Vec<String> {
        let ics = succeeds(&[
            "timeline",
            &tommy_path(),
            "--today",
            today,
            "--format",
            "ics",
        ]);
        let calendar = parse_ics(&ics);
        let mut uids: Vec<String> = calendar
            .events
            .iter()
            .filter(|event| value_of(&event.properties, "DTSTART") >= "20270301")
            .map(|event| value_of(&event.properties, "UID").to_owned())
            .collect();
        uids.sort();
        uids
    };
    let first = uids("2026-11-23");
    assert!(!first.is_empty());
    assert_eq!(first, uids("2026-11-23"));
}

#[test]
fn today_defaults_to_the_system_date() {
    let json = succeeds(&["timeline", &tommy_path(), "--format", "json"]);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap_or_default();
    let today = chrono::Local::now().date_naive();
    let expected = serde_json::to_value(tommy_timeline(&today.to_string())).unwrap_or_default();
    assert_eq!(value, expected);
}

#[test]
fn a_plan_can_be_read_from_standard_input() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_cinplan"))
        .args(["timeline", "-", "--today", "2026-11-23", "--format", "json"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap_or_else(|error| panic!("{error}"));
    let plan = std::fs::read_to_string(fixture("tommy-good.json")).unwrap_or_default();
    if let Some(mut stdin) = child.stdin.take() {
        stdin
            .write_all(plan.as_bytes())
            .unwrap_or_else(|error| panic!("{error}"));
    }
    let output = child
        .wait_with_output()
        .unwrap_or_else(|error| panic!("{error}"));
    assert_eq!(output.status.code(), Some(0));
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap_or_default();
    assert_eq!(
        value,
        serde_json::to_value(tommy_timeline("2026-11-23")).unwrap_or_default()
    );
}

#[test]
fn the_profile_option_changes_the_timescales() {
    let plan = std::fs::read_to_string(fixture("tommy-good.json"))
        .unwrap_or_default()
        .replace("\"first_review\": \"2027-02-16\"", "\"first_review\": null");
    let path = temp_file("no-first-review.json", &plan);
    let path = path.display().to_string();
    let first_review = |profile: &str| -> String {
        let json = succeeds(&[
            "timeline",
            &path,
            "--today",
            "2026-11-23",
            "--format",
            "json",
            "--profile",
            profile,
        ]);
        let value: serde_json::Value = serde_json::from_str(&json).unwrap_or_default();
        value["events"]
            .as_array()
            .and_then(|events| events.iter().find(|event| event["kind"] == "review-due"))
            .and_then(|event| event["date"].as_str())
            .unwrap_or_default()
            .to_owned()
    };
    // The plan says "every 3 months": the default allows it; Leicestershire caps it at 6
    // weeks after the meeting on 16 November, which is Monday 28 December, the Boxing Day
    // substitute bank holiday, so by Thursday 24 December.
    assert_eq!(first_review("leicestershire"), "2026-12-24");
    assert_eq!(first_review("default"), "2027-02-16");
}

#[test]
fn a_profile_file_with_closure_days_moves_working_day_deadlines() {
    let profile = temp_file(
        "closures.json",
        r#"{"extends": "default", "id": "closed", "name": "Closed for training",
            "closure_days": ["2026-11-17", "2026-11-18"]}"#,
    );
    let json = succeeds(&[
        "timeline",
        &tommy_path(),
        "--today",
        "2026-11-23",
        "--format",
        "json",
        "--profile",
        &profile.display().to_string(),
    ]);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap_or_default();
    let copy = value["events"]
        .as_array()
        .and_then(|events| events.iter().find(|event| event["kind"] == "plan-copy-due"))
        .map(|event| event["date"].clone());
    assert_eq!(copy, Some(serde_json::json!("2026-11-25")));
}

#[test]
fn a_missing_plan_file_is_refused_by_name() {
    let stderr = refuses(&["timeline", "/no/such/plan.json"]);
    assert!(
        stderr.contains("cannot read /no/such/plan.json"),
        "{stderr}"
    );
}

#[test]
fn broken_json_is_refused_with_line_and_column() {
    let path = temp_file(
        "broken.json",
        "{\n  \"format\": \"cinplan/1\",\n  \"kind\": }\n",
    );
    let stderr = refuses(&["timeline", &path.display().to_string()]);
    assert!(stderr.contains("line 3, column"), "{stderr}");
    assert!(stderr.contains("not valid JSON"), "{stderr}");
}

#[test]
fn an_impossible_today_is_refused() {
    let stderr = refuses(&["timeline", &tommy_path(), "--today", "2026-02-31"]);
    assert!(stderr.contains("\"2026-02-31\" is not a date"), "{stderr}");
}

#[test]
fn an_unknown_format_is_refused() {
    let stderr = refuses(&["timeline", &tommy_path(), "--format", "pdf"]);
    assert!(stderr.contains("pdf"), "{stderr}");
}

#[test]
fn an_invalid_profile_file_is_refused_saying_where() {
    let profile = temp_file(
        "zero.json",
        r#"{"extends": "default", "id": "z", "name": "Z",
            "timescales": {"visits_at_most_apart": {"count": 0, "unit": "working-days"}}}"#,
    );
    let stderr = refuses(&[
        "timeline",
        &tommy_path(),
        "--profile",
        &profile.display().to_string(),
    ]);
    assert!(
        stderr.contains("/timescales/visits_at_most_apart is 0 working days"),
        "{stderr}"
    );
    assert!(stderr.contains("at least 1 working day"), "{stderr}");
}

#[test]
fn a_plan_naming_a_profile_that_is_not_shipped_is_refused_with_what_to_do() {
    let plan = std::fs::read_to_string(fixture("tommy-good.json"))
        .unwrap_or_default()
        .replace("\"profile\": \"default\"", "\"profile\": \"shire\"");
    let path = temp_file("shire.json", &plan);
    let stderr = refuses(&["timeline", &path.display().to_string()]);
    assert!(stderr.contains("\"shire\""), "{stderr}");
    assert!(stderr.contains("--profile FILE"), "{stderr}");
}
