//! The table-driven corpus of real-world timescale phrasings
//! (tests/fixtures/timescales.tsv), read against a fixed plan: planning meeting Monday
//! 16 November 2026, first review Tuesday 16 February 2027, today Monday 23 November 2026.
//!
//! Each line of the corpus is `text<TAB>expected reading`, the reading written as
//! `slot=value` parts joined by " ; " in a fixed order (see `render`). Every part of the
//! reading is compared, so a phrase that gains an unexpected date or problem fails too.
//! Set `TIMESCALE_CORPUS_DUMP=1` to print every reading.

use chrono::NaiveDate;
use cinplan_core::plan::PlanDates;
use cinplan_core::timescale::{
    read_timescale, Dated, Offset, ReadingContext, TimeUnit, Timescale, When,
};
use cinplan_core::{Calendar, Region};

const CORPUS: &str = include_str!("fixtures/timescales.tsv");

fn date(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, day)
}

fn render_offset(offset: &Offset) -> String {
    let unit = match offset.unit {
        TimeUnit::Day => "d",
        TimeUnit::WorkingDay => "wd",
        TimeUnit::SchoolDay => "sd",
        TimeUnit::Week => "w",
        TimeUnit::Month => "m",
        TimeUnit::Year => "y",
    };
    format!("{:+}{unit}", offset.amount)
}

fn render_when(when: &When) -> String {
    match when {
        When::Date { date } => date.to_string(),
        When::Event {
            event,
            offset,
            resolved,
        } => {
            let event = serde_json::to_value(event)
                .ok()
                .and_then(|value| value.as_str().map(str::to_owned))
                .unwrap_or_default();
            let offset = offset.as_ref().map(render_offset).unwrap_or_default();
            let resolved = resolved.map_or("?".to_owned(), |date| date.to_string());
            format!("{event}{offset}@{resolved}")
        }
    }
}

fn render_dated(dated: &Option<Dated>) -> Option<String> {
    dated.as_ref().map(|dated| render_when(&dated.when))
}

/// The reading as one line: the parts that are present, in a fixed order.
fn render(text: &str, reading: &Timescale) -> String {
    let mut parts = Vec::new();
    let mut push = |name: &str, value: Option<String>| {
        if let Some(value) = value {
            parts.push(format!("{name}={value}"));
        }
    };
    push("deadline", render_dated(&reading.deadline));
    push("start", render_dated(&reading.start));
    push("end", render_dated(&reading.end));
    push("review", render_dated(&reading.review));
    let join = |values: Vec<String>| (!values.is_empty()).then(|| values.join(" | "));
    push(
        "other",
        join(
            reading
                .other_dates
                .iter()
                .map(|d| render_when(&d.when))
                .collect(),
        ),
    );
    push(
        "cadence",
        reading.cadence.as_ref().map(|c| c.frequency.to_string()),
    );
    push(
        "later",
        join(
            reading
                .later_cadences
                .iter()
                .map(|c| c.frequency.to_string())
                .collect(),
        ),
    );
    push(
        "vague",
        join(reading.no_time.iter().map(|n| n.text.clone()).collect()),
    );
    push(
        "problem",
        join(
            reading
                .problems
                .iter()
                .map(|problem| {
                    let kind = serde_json::to_value(problem.kind)
                        .ok()
                        .and_then(|value| value.as_str().map(str::to_owned))
                        .unwrap_or_default();
                    let written = text.get(problem.span.clone()).unwrap_or("<bad span>");
                    format!("{kind}[{written}]")
                })
                .collect(),
        ),
    );
    if parts.is_empty() {
        "nothing".to_owned()
    } else {
        parts.join(" ; ")
    }
}

#[test]
fn corpus_readings_match() {
    let dates = PlanDates {
        planning_meeting: date(2026, 11, 16),
        first_review: date(2027, 2, 16),
        ..PlanDates::default()
    };
    let calendar = Calendar::new(Region::EnglandAndWales);
    let context = ReadingContext {
        dates: &dates,
        today: date(2026, 11, 23).unwrap_or_default(),
        calendar: &calendar,
    };
    let dump = std::env::var_os("TIMESCALE_CORPUS_DUMP").is_some();
    let mut total = 0;
    let mut mismatches = Vec::new();
    for (number, line) in CORPUS.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((text, expected)) = line.split_once('\t') else {
            panic!(
                "line {}: no tab between text and reading: {line:?}",
                number + 1
            );
        };
        total += 1;
        let reading = read_timescale(text, &context);
        let actual = render(text, &reading);
        if dump {
            println!("{text}\t{actual}");
        }
        if actual != expected.trim() {
            mismatches.push(format!(
                "line {}: {text:?}\n    expected: {}\n    actual:   {actual}",
                number + 1,
                expected.trim()
            ));
        }
        for problem in &reading.problems {
            assert!(
                !problem.message.is_empty() && text.get(problem.span.clone()).is_some(),
                "line {}: problem without message or with a bad span: {problem:?}",
                number + 1
            );
        }
    }
    println!(
        "timescale corpus: {} of {total} phrasings read as expected",
        total - mismatches.len()
    );
    assert!(
        total >= 150,
        "the corpus should keep at least 150 phrasings, has {total}"
    );
    assert!(
        mismatches.is_empty(),
        "{} mismatches:\n{}",
        mismatches.len(),
        mismatches.join("\n")
    );
}
