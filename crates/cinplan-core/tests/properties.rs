//! Properties of the core over generated plans: it never panics on any text in any field
//! or any date, its timeline is sorted and bounded, and a plan round-trips unchanged.

use chrono::{Datelike, NaiveDate};
use cinplan_core::check::{check_plan, CheckOptions};
use cinplan_core::plan::{
    Action, Child, Extra, IgnoredFinding, Need, PlanDates, PlanKind, Professional, ProgressRating,
    Review, Role, Suppressions, Views, Visit, FORMAT,
};
use cinplan_core::profile::Profile;
use cinplan_core::timeline::{timeline, MAX_SESSIONS_PER_ACTION};
use cinplan_core::{Plan, Region};
use proptest::prelude::*;
use serde_json::Value;

/// Any date chrono can hold, from 262 144 BCE to 262 143 CE.
fn any_date() -> impl Strategy<Value = NaiveDate> {
    let first = NaiveDate::MIN.num_days_from_ce();
    let last = NaiveDate::MAX.num_days_from_ce();
    (first..=last).prop_map(|days| NaiveDate::from_num_days_from_ce_opt(days).unwrap_or_default())
}

/// Dates near a plan's life, where most of the arithmetic happens.
fn near_date() -> impl Strategy<Value = NaiveDate> {
    let first = NaiveDate::from_ymd_opt(2024, 1, 1)
        .unwrap_or_default()
        .num_days_from_ce();
    (first..first + 6 * 366)
        .prop_map(|days| NaiveDate::from_num_days_from_ce_opt(days).unwrap_or_default())
}

fn date() -> impl Strategy<Value = NaiveDate> {
    prop_oneof![4 => near_date(), 1 => any_date()]
}

fn maybe_date() -> impl Strategy<Value = Option<NaiveDate>> {
    prop::option::weighted(0.8, date())
}

/// Words practitioners write in timescales, so that generated text reaches the reader's
/// deeper paths (frequencies, plan events, dates in every form).
const TIMESCALE_WORDS: &[&str] = &[
    "every",
    "each",
    "weekly",
    "fortnightly",
    "monthly",
    "daily",
    "twice",
    "a",
    "week",
    "weeks",
    "month",
    "months",
    "day",
    "days",
    "working",
    "year",
    "from",
    "starting",
    "on",
    "until",
    "by",
    "the",
    "first",
    "review",
    "meeting",
    "next",
    "Monday",
    "Tuesday",
    "and",
    "sessions",
    "within",
    "of",
    "after",
    "before",
    "ongoing",
    "ASAP",
    "0",
    "1",
    "2",
    "3",
    "6",
    "10",
    "20",
    "31",
    "99999999999",
    "4294967296",
    "December",
    "Feb",
    "2026",
    "2027",
    "20014",
    "30 November 2026",
    "16 February 2027",
    "31/02/2027",
    "3/4",
    "03/05/26",
    "1st",
    "3 rd",
    "29 February 2028",
    "1 January 10000",
    "-",
    "/",
    ",",
    ".",
];

fn timescale_text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(TIMESCALE_WORDS), 0..14)
        .prop_map(|words| words.join(" "))
}

/// Any text at all, or text built from timescale words.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        2 => any::<String>(),
        1 => "[ -~]{0,30}",
        3 => timescale_text(),
        1 => Just(String::new()),
    ]
}

/// Unknown fields, named apart from every known one so that they cannot collide.
fn extra() -> impl Strategy<Value = Extra> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<String>().prop_map(Value::from),
    ];
    let value = leaf.prop_recursive(3, 12, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::from),
            prop::collection::btree_map("[a-z]{1,6}", inner, 0..4)
                .prop_map(|map| Value::Object(map.into_iter().collect())),
        ]
    });
    prop::collection::btree_map("x_[a-z0-9_]{1,8}", value, 0..3)
        .prop_map(|map| map.into_iter().collect())
}

fn role() -> impl Strategy<Value = Role> {
    prop::sample::select(vec![
        Role::SocialWorker,
        Role::KeyWorker,
        Role::SeniorPractitioner,
        Role::TeamManager,
        Role::Sswop,
        Role::Other,
    ])
}

fn professional() -> impl Strategy<Value = Professional> {
    (text(), role(), extra()).prop_map(|(name, role, extra)| Professional { name, role, extra })
}

fn action() -> impl Strategy<Value = Action> {
    (
        (text(), text(), text(), text(), text()),
        prop::option::of(prop::sample::select(vec![
            ProgressRating::Achieved,
            ProgressRating::Partly,
            ProgressRating::NotYet,
        ])),
        extra(),
    )
        .prop_map(
            |((action, by_whom, by_when, outcome, progress), progress_rating, extra)| Action {
                action,
                by_whom,
                by_when,
                outcome,
                progress,
                progress_rating,
                extra,
            },
        )
}

fn dates() -> impl Strategy<Value = PlanDates> {
    (
        (
            maybe_date(),
            maybe_date(),
            maybe_date(),
            maybe_date(),
            maybe_date(),
        ),
        extra(),
        prop::option::of(date()),
        prop::option::of(date()),
    )
        .prop_map(
            |(
                (assessment_completed, allocated, planning_meeting, plan_circulated, first_review),
                mut extra,
                safety_plan_agreed,
                initial_conference,
            )| {
                // The dates the timeline reads from unknown fields (see timeline.rs).
                if let Some(day) = safety_plan_agreed {
                    extra.insert(
                        "safety_plan_agreed".to_owned(),
                        Value::from(day.to_string()),
                    );
                }
                if let Some(day) = initial_conference {
                    extra.insert(
                        "initial_conference".to_owned(),
                        Value::from(day.to_string()),
                    );
                }
                PlanDates {
                    assessment_completed,
                    allocated,
                    planning_meeting,
                    plan_circulated,
                    first_review,
                    extra,
                }
            },
        )
}

fn suppressions() -> impl Strategy<Value = Suppressions> {
    (
        prop::collection::vec("[a-z-]{1,20}", 0..3),
        prop::collection::vec(
            (text(), text(), text(), text(), text(), extra()).prop_map(
                |(rule, pointer, field, text, reason, extra)| IgnoredFinding {
                    rule,
                    pointer,
                    field,
                    text,
                    reason,
                    extra,
                },
            ),
            0..3,
        ),
        extra(),
    )
        .prop_map(|(rules_off, ignored, extra)| Suppressions {
            rules_off,
            ignored,
            extra,
        })
}

/// Any plan: every free-text field any text, every date any date, lists of any length
/// up to a few, unknown fields at every level, and earlier versions of itself.
fn plan() -> impl Strategy<Value = Plan> {
    (plan_version(), prop::collection::vec(plan_version(), 0..2)).prop_map(
        |(mut plan, previous_versions)| {
            plan.previous_versions = previous_versions;
            plan
        },
    )
}

/// One version of a plan, without earlier versions.
fn plan_version() -> impl Strategy<Value = Plan> {
    let people = (
        prop::bool::ANY,
        prop::sample::select(vec![
            Region::EnglandAndWales,
            Region::Scotland,
            Region::NorthernIreland,
        ]),
        (text(), prop::option::of(date()), extra()).prop_map(|(name, date_of_birth, extra)| {
            Child {
                name,
                date_of_birth,
                extra,
            }
        }),
        prop::option::of(professional()),
    );
    let words = (
        text(),
        text(),
        text(),
        (text(), text(), text(), extra()).prop_map(|(child, parents, others, extra)| Views {
            child,
            parents,
            others,
            extra,
        }),
    );
    let table = prop::collection::vec(
        (text(), prop::collection::vec(action(), 0..4), extra()).prop_map(
            |(need, actions, extra)| Need {
                need,
                actions,
                extra,
            },
        ),
        0..4,
    );
    let history = (
        prop::collection::vec(
            (maybe_date(), any::<bool>(), extra()).prop_map(|(date, seen_alone, extra)| Visit {
                date,
                seen_alone,
                extra,
            }),
            0..6,
        ),
        prop::collection::vec(
            (
                maybe_date(),
                prop::option::of(professional()),
                text(),
                extra(),
            )
                .prop_map(|(date, chair, notes, extra)| Review {
                    date,
                    chair,
                    notes,
                    extra,
                }),
            0..4,
        ),
    );
    (
        people,
        dates(),
        words,
        table,
        history,
        suppressions(),
        extra(),
    )
        .prop_map(
            |(
                (protection, region, child, lead_professional),
                dates,
                (visiting, review_frequency, contingency, views),
                needs,
                (visits, reviews),
                suppressions,
                extra,
            )| Plan {
                format: FORMAT.to_owned(),
                kind: if protection {
                    PlanKind::ChildProtection
                } else {
                    PlanKind::ChildInNeed
                },
                region,
                profile: "default".to_owned(),
                child,
                lead_professional,
                dates,
                visiting,
                review_frequency,
                contingency,
                views,
                needs,
                visits,
                reviews,
                previous_versions: Vec::new(),
                suppressions,
                extra,
            },
        )
}

fn profiles() -> impl Strategy<Value = Profile> {
    prop::sample::select(Profile::names().to_vec())
        .prop_map(|name| Profile::builtin(name).unwrap_or_else(Profile::default_profile))
}

/// The most events a plan of this size can have: the fixed events, the projected series,
/// one or two per recorded visit or review, and each action's deadline, start and
/// sessions.
fn event_bound(plan: &Plan) -> usize {
    let actions: usize = plan.needs.iter().map(|need| need.actions.len()).sum();
    1000 + 3 * (plan.visits.len() + plan.reviews.len()) + actions * (2 + MAX_SESSIONS_PER_ACTION)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn the_timeline_never_panics_and_is_sorted_and_bounded(
        plan in plan(),
        profile in profiles(),
        today in date(),
    ) {
        let events = timeline(&plan, &profile, today).events;
        prop_assert!(events.len() <= event_bound(&plan), "{} events", events.len());
        for pair in events.windows(2) {
            prop_assert!(
                (pair[0].date, pair[0].kind, &pair[0].source)
                    <= (pair[1].date, pair[1].kind, &pair[1].source)
            );
        }
        for event in &events {
            prop_assert!(!event.title.is_empty());
            prop_assert!(event.source.starts_with('/'), "{}", event.source);
        }
    }

    #[test]
    fn checking_never_panics(plan in plan(), profile in profiles(), today in date()) {
        let report = check_plan(&plan, CheckOptions { today, profile: &profile });
        for finding in report.findings.iter().chain(&report.ignored) {
            prop_assert!(!finding.message.is_empty());
        }
    }

    #[test]
    fn a_plan_round_trips_unchanged(plan in plan()) {
        let saved = plan.to_json();
        let read = Plan::from_json(&saved);
        prop_assert_eq!(read.as_ref(), Ok(&plan), "saved as {}", saved);
    }

    #[test]
    fn reading_any_text_as_a_plan_never_panics(text in any::<String>()) {
        let _ = Plan::from_json(&text);
        let _ = Profile::from_json(&text);
    }

    #[test]
    fn reading_a_damaged_plan_never_panics(
        plan in plan(),
        cut in any::<prop::sample::Index>(),
        insert in "[\\[\\]{}\":,0-9a-z ]{0,3}",
    ) {
        let mut saved = plan.to_json();
        let mut at = cut.index(saved.len() + 1);
        while !saved.is_char_boundary(at) {
            at -= 1;
        }
        saved.insert_str(at, &insert);
        let _ = Plan::from_json(&saved);
    }
}
