//! Behaviour of `read_timescale` beyond the corpus: exact spans, the wording of problems,
//! other reference dates, the helpers on `Timescale`, and robustness.

use chrono::NaiveDate;

use super::*;
use crate::calendar::{Calendar, Region};
use crate::plan::PlanDates;

fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap_or_default()
}

/// Tommy's plan: meeting Monday 16 November 2026, first review 16 February 2027.
fn tommy_dates() -> PlanDates {
    PlanDates {
        planning_meeting: Some(date(2026, 11, 16)),
        first_review: Some(date(2027, 2, 16)),
        ..PlanDates::default()
    }
}

fn read_with(text: &str, dates: &PlanDates, today: NaiveDate) -> Timescale {
    let calendar = Calendar::new(Region::EnglandAndWales);
    let context = ReadingContext {
        dates,
        today,
        calendar: &calendar,
    };
    read_timescale(text, &context)
}

fn read(text: &str) -> Timescale {
    read_with(text, &tommy_dates(), date(2026, 11, 23))
}

#[track_caller]
fn assert_span(text: &str, span: &Range<usize>, expected: &str) {
    assert_eq!(
        text.get(span.clone()),
        Some(expected),
        "span {span:?} of {text:?}"
    );
}

#[track_caller]
fn only_problem(text: &str) -> TimescaleProblem {
    let reading = read(text);
    assert!(
        !reading.is_placeable(),
        "{text:?} should place nothing: {reading:?}"
    );
    match reading.problems.as_slice() {
        [problem] => problem.clone(),
        other => panic!("{text:?} should have one problem, has {other:?}"),
    }
}

#[test]
fn spans_cover_the_time_not_its_role_word() {
    let text = "Weekly sessions starting 23 November 2026 until the review on 28 December 2026";
    let reading = read(text);
    let start = reading.start.expect("a start");
    assert_span(text, &start.span, "23 November 2026");
    let end = reading.end.expect("an end");
    assert_span(text, &end.span, "review on 28 December 2026");
    let cadence = reading.cadence.expect("a cadence");
    assert_span(text, &cadence.span, "Weekly");
}

#[test]
fn no_time_spans_are_exact_after_multibyte_text() {
    let text = "Zoë’s work — ongoing, A.S.A.P. «when needed»";
    let reading = read(text);
    let words: Vec<&str> = reading
        .no_time
        .iter()
        .map(|no_time| {
            assert_span(text, &no_time.span, &no_time.text);
            no_time.text.as_str()
        })
        .collect();
    assert_eq!(words, vec!["ongoing", "A.S.A.P.", "when needed"]);
}

#[test]
fn vague_words_inside_other_words_are_not_read() {
    let reading = read("Soonest possible regularisation of the ongoingness");
    assert!(reading.no_time.is_empty(), "{reading:?}");
}

#[test]
fn an_impossible_year_suggests_the_year_meant() {
    let problem = only_problem("Review date 3 rd May 20014.");
    assert_eq!(problem.kind, ProblemKind::Impossible);
    assert_eq!(problem.message, "20014 is not a year: did you mean 2014?");
}

#[test]
fn an_impossible_day_says_how_long_the_month_is() {
    let problem = only_problem("31/02/2027");
    assert_eq!(
        problem.message,
        "There is no 31 February 2027: February 2027 has 28 days."
    );
}

#[test]
fn month_first_numbers_are_explained_as_uk_order() {
    let problem = only_problem("by 01/15/2027");
    assert!(
        problem.message.contains("did you mean 15/01/2027?"),
        "{}",
        problem.message
    );
}

#[test]
fn a_day_name_that_contradicts_the_date_is_a_problem() {
    let problem = only_problem("Monday 16 December 2026");
    assert_eq!(problem.kind, ProblemKind::Ambiguous);
    assert_eq!(
        problem.message,
        "16 December 2026 is a Wednesday, not a Monday: check the day and the date."
    );
}

#[test]
fn a_date_without_a_year_just_before_the_meeting_asks_for_the_year() {
    let problem = only_problem("by 1 November");
    assert_eq!(problem.kind, ProblemKind::Ambiguous);
    assert_eq!(
        problem.message,
        "'1 November' has no year: it could be 1 November 2026, 15 days before the planning \
         meeting (16 November 2026), or 1 November 2027. Write the year."
    );
}

#[test]
fn without_a_meeting_date_times_count_from_today() {
    let today = date(2026, 11, 23);
    let reading = read_with("starting in two weeks", &PlanDates::default(), today);
    assert_eq!(
        reading.start.map(|start| start.when),
        Some(When::Date {
            date: date(2026, 12, 7)
        })
    );
    let reading = read_with("by 20 November", &PlanDates::default(), today);
    let message = reading
        .problems
        .first()
        .map(|problem| problem.message.clone());
    assert!(
        message
            .as_deref()
            .is_some_and(|message| message.contains("3 days before today (23 November 2026)")),
        "{message:?}"
    );
}

#[test]
fn years_are_inferred_across_the_new_year() {
    let dates = PlanDates {
        planning_meeting: Some(date(2026, 12, 20)),
        ..PlanDates::default()
    };
    let today = date(2026, 12, 21);
    let deadline = |text: &str| {
        read_with(text, &dates, today)
            .deadline
            .and_then(|d| d.when.date())
    };
    assert_eq!(deadline("by 5/1"), Some(date(2027, 1, 5)));
    assert_eq!(deadline("by 24 December"), Some(date(2026, 12, 24)));
    assert_eq!(deadline("by 20 December"), Some(date(2026, 12, 20)));
    assert_eq!(deadline("by 1 October"), Some(date(2027, 10, 1)));
    let problems = read_with("by 10 December", &dates, today).problems;
    assert_eq!(
        problems.first().map(|problem| problem.kind),
        Some(ProblemKind::Ambiguous)
    );
}

#[test]
fn a_leap_day_without_a_year_is_read_only_in_a_leap_year() {
    let dates = PlanDates {
        planning_meeting: Some(date(2027, 11, 1)),
        ..PlanDates::default()
    };
    let reading = read_with("by 29 February", &dates, date(2027, 11, 1));
    assert_eq!(
        reading.deadline.and_then(|d| d.when.date()),
        Some(date(2028, 2, 29))
    );
}

#[test]
fn events_stay_events_when_the_plan_has_no_date_for_them() {
    let reading = read_with(
        "by the first review",
        &PlanDates::default(),
        date(2026, 11, 23),
    );
    assert_eq!(
        reading.deadline.map(|d| d.when),
        Some(When::Event {
            event: PlanEvent::FirstReview,
            offset: None,
            resolved: None
        })
    );
    assert!(reading.problems.is_empty());
}

#[test]
fn the_texts_own_review_date_dates_the_review_it_names() {
    let reading = read("All appointments kept by 3 month review. Review date 2 March 2027.");
    let deadline = reading.deadline.expect("a deadline");
    assert_eq!(
        deadline.when,
        When::Event {
            event: PlanEvent::FirstReview,
            offset: None,
            resolved: Some(date(2027, 3, 2))
        }
    );
    assert_eq!(
        reading.review.and_then(|review| review.when.date()),
        Some(date(2027, 3, 2))
    );
}

#[test]
fn working_days_skip_the_weekend() {
    let dates = PlanDates {
        planning_meeting: Some(date(2026, 11, 20)),
        ..PlanDates::default()
    };
    let reading = read_with(
        "within 5 working days of the meeting",
        &dates,
        date(2026, 11, 23),
    );
    assert_eq!(
        reading.deadline.and_then(|d| d.when.date()),
        Some(date(2026, 11, 27))
    );
}

#[test]
fn counts_too_large_to_be_plan_dates_are_problems() {
    for text in ["in 5000 weeks", "within 99999999999999999999 working days"] {
        let reading = read(text);
        assert_eq!(
            reading.problems.first().map(|problem| problem.kind),
            Some(ProblemKind::Impossible),
            "{text:?}: {reading:?}"
        );
        assert!(!reading.is_placeable(), "{text:?}: {reading:?}");
    }
}

#[test]
fn dates_at_the_ends_of_the_calendar_do_not_panic() {
    let texts = [
        "in 2 weeks",
        "by 15/01",
        "by Christmas",
        "by Easter",
        "next Monday",
        "end of next month",
        "within 5 working days of the meeting",
        "by the first review, for 6 weeks",
        "before the first review",
        "from January",
    ];
    for extreme in [NaiveDate::MIN, NaiveDate::MAX] {
        let dates = PlanDates {
            planning_meeting: Some(extreme),
            first_review: Some(extreme),
            ..PlanDates::default()
        };
        for text in texts {
            let reading = read_with(text, &dates, extreme);
            for dated in reading.dates() {
                assert!(text.get(dated.span.clone()).is_some());
            }
        }
    }
}

#[test]
fn the_helpers_list_dates_in_written_order() {
    let reading = read("Review date 16/02/2027. Weekly from 1 December 2026, or every 4 weeks");
    let written: Vec<NaiveDate> = reading
        .dates()
        .iter()
        .filter_map(|dated| dated.when.date())
        .collect();
    assert_eq!(written, vec![date(2027, 2, 16), date(2026, 12, 1)]);
    assert_eq!(reading.latest_date(), Some(date(2027, 2, 16)));
    assert_eq!(reading.earliest_date(), Some(date(2026, 12, 1)));
    assert_eq!(reading.longest_gap_days(), Some(28));
}

#[test]
fn a_review_date_that_is_also_the_deadline_is_listed_once() {
    let reading = read("Review date 16/02/2027");
    assert!(reading.deadline.is_some());
    assert_eq!(reading.dates().len(), 1);
}

#[test]
fn vague_means_no_time_and_nothing_placeable() {
    assert!(read("Ongoing").is_vague());
    assert!(!read("Ongoing until the first review").is_vague());
    assert!(!read("").is_vague());
    assert!(!read("").is_placeable());
}

#[test]
fn later_frequencies_count_towards_the_longest_gap() {
    let reading = read("Weekly for the first 4 weeks, then every 20 working days");
    assert_eq!(reading.cadences().count(), 2);
    assert_eq!(reading.longest_gap_days(), Some(20));
}

#[test]
fn readings_are_described_in_plain_words() {
    let when = When::Event {
        event: PlanEvent::PlanningMeeting,
        offset: Some(Offset {
            amount: 5,
            unit: TimeUnit::WorkingDay,
        }),
        resolved: Some(date(2026, 11, 23)),
    };
    assert_eq!(
        when.to_string(),
        "5 working days after the planning meeting (23 November 2026)"
    );
    assert_eq!(
        Frequency::TimesPer {
            times: 2,
            unit: TimeUnit::Week
        }
        .to_string(),
        "twice a week"
    );
    assert_eq!(
        Frequency::OnWeekdays { days: vec![1, 4] }.to_string(),
        "on Mondays and Thursdays"
    );
}

#[test]
fn frequency_gaps_saturate_instead_of_overflowing() {
    let frequency = Frequency::Every {
        count: u32::MAX,
        unit: TimeUnit::Year,
    };
    assert_eq!(frequency.max_gap_days(), Some(u32::MAX));
}

#[test]
fn readings_round_trip_through_json() {
    let reading =
        read("Fortnightly until 3 month review, starting in two weeks. Review 16/02/2027");
    let json = serde_json::to_string(&reading).unwrap_or_default();
    let back: Timescale = serde_json::from_str(&json).unwrap_or_default();
    assert_eq!(back, reading);
    let old_shape: Result<Timescale, _> = serde_json::from_str(
        r#"{"deadline":null,"start":null,"end":null,"cadence":null,"no_time":[],"problems":[]}"#,
    );
    assert!(old_shape.is_ok(), "{old_shape:?}");
}

#[test]
fn a_megabyte_paste_reads_in_linear_time() {
    let paragraph = "Fortnightly sessions with Tommy until 3 month review, starting in two weeks; \
                     ASAP by 15/01/2027 or w/c 7 December, every 4-6 weeks on Tuesdays and \
                     Thursdays, Monday 16 December 2026 — Zoë’s «ongoing» work 3 rd May 20014. ";
    let text = paragraph.repeat(1_000_000 / paragraph.len() + 1);
    let started = std::time::Instant::now();
    let reading = read(&text);
    let elapsed = started.elapsed();
    assert!(reading.is_placeable());
    // Quadratic work on a megabyte would take minutes; linear work takes well under a
    // second even unoptimised on a busy machine.
    assert!(
        elapsed < std::time::Duration::from_secs(20),
        "reading 1 MB took {elapsed:?}"
    );
    let long_word = "a".repeat(1_000_000);
    assert!(!read(&long_word).is_placeable());
    let long_number = "9".repeat(1_000_000);
    assert!(!read(&format!("in {long_number} weeks")).is_placeable());
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    /// Words that make the readers work hard, to mix into random text.
    const VOCABULARY: &[&str] = &[
        "by",
        "until",
        "from",
        "starting",
        "the",
        "first",
        "review",
        "3",
        "month",
        "weekly",
        "every",
        "2",
        "weeks",
        "/",
        "-",
        "15",
        "01",
        "2027",
        "20014",
        "Jan",
        "May",
        "rd",
        "th",
        "Monday",
        "Tuesdays",
        "and",
        "w/c",
        "within",
        "5",
        "working",
        "days",
        "of",
        "meeting",
        "twice",
        "a",
        "ongoing",
        "ASAP",
        "end",
        "mid",
        "Christmas",
        "next",
        "in",
        "for",
        ".",
        ",",
        "(",
        ")",
        "'",
        "bi-weekly",
        "6",
        "sessions",
        "between",
        "to",
        "before",
        "after",
        "é",
        "’",
        "—",
        "31",
        "02",
        "29",
        "February",
        "x",
        "hours",
        "each",
        "school",
        "day",
    ];

    fn any_date() -> impl Strategy<Value = Option<NaiveDate>> {
        prop_oneof![
            Just(None),
            Just(Some(NaiveDate::MIN)),
            Just(Some(NaiveDate::MAX)),
            (-300_000i32..300_000, 1u32..13, 1u32..32)
                .prop_map(|(year, month, day)| NaiveDate::from_ymd_opt(year, month, day)),
        ]
    }

    fn any_dates() -> impl Strategy<Value = (PlanDates, NaiveDate)> {
        (any_date(), any_date(), any_date(), any_date(), any_date()).prop_map(
            |(meeting, review, allocated, circulated, today)| {
                (
                    PlanDates {
                        planning_meeting: meeting,
                        first_review: review,
                        allocated,
                        plan_circulated: circulated,
                        ..PlanDates::default()
                    },
                    today.unwrap_or(NaiveDate::MAX),
                )
            },
        )
    }

    fn assert_well_formed(text: &str, reading: &Timescale) {
        for dated in reading.dates() {
            assert!(text.get(dated.span.clone()).is_some(), "{dated:?}");
        }
        for cadence in reading.cadences() {
            assert!(text.get(cadence.span.clone()).is_some(), "{cadence:?}");
        }
        for no_time in &reading.no_time {
            assert_eq!(text.get(no_time.span.clone()), Some(no_time.text.as_str()));
        }
        for problem in &reading.problems {
            assert!(text.get(problem.span.clone()).is_some(), "{problem:?}");
            assert!(!problem.message.is_empty());
        }
    }

    proptest! {
        #[test]
        fn never_panics_on_any_text(text in ".*", (dates, today) in any_dates()) {
            let reading = read_with(&text, &dates, today);
            assert_well_formed(&text, &reading);
        }

        #[test]
        fn never_panics_on_timescale_like_text(
            words in proptest::collection::vec(proptest::sample::select(VOCABULARY), 0..40),
            joiners in proptest::collection::vec(prop_oneof![Just(" "), Just(""), Just("  ")], 40),
            (dates, today) in any_dates(),
        ) {
            let text: String = words
                .iter()
                .zip(joiners.iter())
                .flat_map(|(word, joiner)| [*word, *joiner])
                .collect();
            let reading = read_with(&text, &dates, today);
            assert_well_formed(&text, &reading);
        }
    }
}
