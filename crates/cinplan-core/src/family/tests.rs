use chrono::NaiveDate;
use proptest::prelude::*;

use super::*;
use crate::plan::{Action, Need, Professional};
use crate::timeline::Event;

fn tommy() -> Plan {
    Plan::from_json(include_str!("../../tests/fixtures/tommy-good.json")).expect("fixture")
}

fn day(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).expect("valid date")
}

fn today() -> NaiveDate {
    day(2026, 11, 23)
}

fn event(date: NaiveDate, kind: EventKind, source: &str, state: EventState) -> Event {
    Event {
        date,
        kind,
        title: String::new(),
        source: source.to_owned(),
        state,
    }
}

/// Tommy's timeline as the timeline would give it: fortnightly sessions with Sam from 30
/// November, a visit due on 7 December, and the first review.
fn tommy_timeline() -> Timeline {
    let sessions = "/needs/0/actions/1/by_when";
    let mut events = vec![
        event(
            day(2026, 11, 10),
            EventKind::FirstVisitDue,
            "/dates/allocated",
            EventState::Done,
        ),
        event(
            day(2026, 12, 7),
            EventKind::VisitDue,
            "/visiting",
            EventState::Due,
        ),
        event(
            day(2027, 2, 16),
            EventKind::ReviewDue,
            "/dates/first_review",
            EventState::Due,
        ),
    ];
    let mut date = day(2026, 11, 30);
    while date <= day(2027, 2, 16) {
        events.push(event(
            date,
            EventKind::ActionSession,
            sessions,
            EventState::Due,
        ));
        date += chrono::Duration::days(14);
    }
    events.push(event(
        day(2027, 2, 16),
        EventKind::ActionDue,
        "/needs/0/actions/0/by_when",
        EventState::Due,
    ));
    events.sort_by_key(|event| event.date);
    Timeline { events }
}

fn view(plan: &Plan) -> FamilyView {
    family_view_with(
        plan,
        &Profile::default_profile(),
        &tommy_timeline(),
        today(),
        FamilyOptions::default(),
    )
}

#[test]
fn one_card_per_need_with_every_action_and_its_pointers() {
    let plan = tommy();
    let view = view(&plan);
    assert_eq!(view.title, "Tommy's plan");
    assert_eq!(view.worker.as_deref(), Some("Sam Jones, social worker"));
    assert_eq!(view.cards.len(), 1);
    let card = &view.cards[0];
    assert_eq!(card.number, 1);
    assert_eq!(card.need.pointer, "/needs/0/need");
    assert_eq!(card.need.text, plan.needs[0].need);
    assert_eq!(card.actions.len(), 2);
    let second = &card.actions[1];
    assert_eq!(second.pointer, "/needs/0/actions/1");
    assert_eq!(second.what_we_will_do.pointer, "/needs/0/actions/1/action");
    assert_eq!(second.who.pointer, "/needs/0/actions/1/by_whom");
    assert_eq!(second.when.text.pointer, "/needs/0/actions/1/by_when");
    assert_eq!(
        second.what_will_be_different.pointer,
        "/needs/0/actions/1/outcome"
    );
    assert_eq!(second.progress.text.pointer, "/needs/0/actions/1/progress");
    assert_eq!(second.who.text, plan.needs[0].actions[1].by_whom);
    assert_eq!(view.contingency.text.pointer, "/contingency");
    assert_eq!(
        view.views
            .iter()
            .map(|section| section.text.pointer.as_str())
            .collect::<Vec<_>>(),
        vec!["/views/child", "/views/parents", "/views/others"]
    );
}

#[test]
fn when_comes_from_the_timeline_in_real_dates() {
    let mut plan = tommy();
    plan.needs[0].actions[1].by_when = "Fortnightly sessions with Tommy".to_owned();
    let view = view(&plan);
    let sessions = &view.cards[0].actions[1].when;
    assert_eq!(
        sessions.next_time.as_ref().map(|date| date.words.as_str()),
        Some("Monday 30 November 2026")
    );
    assert_eq!(sessions.sessions_left, 6);
    assert_eq!(
        sessions.until, None,
        "no end is written, so none is made up from the timeline's projection"
    );
    for part in ["every 2 weeks", "starting on Monday 30 November 2026."] {
        assert!(
            sessions
                .summary
                .to_lowercase()
                .contains(&part.to_lowercase()),
            "{}",
            sessions.summary
        );
    }
    let one_off = &view.cards[0].actions[0].when;
    assert_eq!(
        one_off.done_by.as_ref().map(|date| date.words.as_str()),
        Some("Tuesday 16 February 2027")
    );
    assert!(
        one_off
            .summary
            .to_lowercase()
            .contains("done by tuesday 16 february 2027"),
        "{}",
        one_off.summary
    );
    assert_eq!(
        view.visits.next.as_ref().map(|date| date.date),
        Some(day(2026, 12, 7)),
        "the visit already done is not the next one"
    );
    assert_eq!(view.visits.heading, "How often Sam will visit");
    assert_eq!(
        view.next_review.as_ref().map(|date| date.date),
        Some(day(2027, 2, 16))
    );
}

#[test]
fn tommys_real_timeline_gives_the_family_real_dates() {
    let view = family_view(&tommy(), &Profile::default_profile(), today());
    let sessions = &view.cards[0].actions[1].when;
    assert_eq!(sessions.how_often.as_deref(), Some("every 2 weeks"));
    assert_eq!(
        sessions.summary,
        "Every 2 weeks, starting on Monday 30 November 2026, until Tuesday 16 February 2027."
    );
    assert_eq!(
        view.next_review.as_ref().map(|date| date.words.as_str()),
        Some("Tuesday 16 February 2027")
    );
    assert!(view
        .visits
        .next
        .as_ref()
        .is_some_and(|next| next.date >= today()));
    let child = child_version(&tommy(), &Profile::default_profile(), today());
    assert_eq!(
        child
            .next_time_we_meet
            .as_ref()
            .map(|date| date.words.as_str()),
        Some("Monday 30 November")
    );
}

#[test]
fn sessions_already_past_are_not_next() {
    let plan = tommy();
    let view = family_view_with(
        &plan,
        &Profile::default_profile(),
        &tommy_timeline(),
        day(2026, 12, 20),
        FamilyOptions::default(),
    );
    let when = &view.cards[0].actions[1].when;
    assert_eq!(
        when.next_time.as_ref().map(|date| date.date),
        Some(day(2026, 12, 28))
    );
    assert_eq!(when.sessions_left, 4);
}

#[test]
fn jargon_is_explained_in_the_family_view() {
    let mut plan = tommy();
    plan.needs[0].actions[1].by_whom = "Dr Khan at CAMHS".to_owned();
    let view = view(&plan);
    let who = &view.cards[0].actions[1].who;
    assert_eq!(
        who.text, "Dr Khan at CAMHS",
        "the raw text stays for editing"
    );
    let meaning = crate::glossary::lookup("CAMHS")
        .map(|entry| entry.meaning)
        .unwrap_or_default();
    assert_eq!(
        render(&who.segments),
        format!("Dr Khan at CAMHS ({meaning})")
    );
    let replaced = family_view_with(
        &plan,
        &Profile::default_profile(),
        &tommy_timeline(),
        today(),
        FamilyOptions {
            jargon: JargonStyle::Replace,
        },
    );
    assert!(!render(&replaced.cards[0].actions[1].who.segments).contains("CAMHS"));
}

#[test]
fn progress_is_shown_in_words() {
    let mut plan = tommy();
    plan.needs[0].actions[0].progress_rating = Some(ProgressRating::Partly);
    plan.needs[0].actions[0].progress = "Eight of twelve sessions kept.".to_owned();
    let view = view(&plan);
    let progress = &view.cards[0].actions[0].progress;
    assert_eq!(progress.rating_words.as_deref(), Some("Partly done"));
    assert_eq!(progress.text.text, "Eight of twelve sessions kept.");
    assert_eq!(view.cards[0].actions[1].progress.rating_words, None);
}

#[test]
fn a_plan_with_nothing_in_it_still_reads() {
    let plan = Plan::new_blank();
    let view = family_view(&plan, &Profile::default_profile(), today());
    assert_eq!(view.title, "Your plan");
    assert_eq!(view.worker, None);
    assert_eq!(view.cards.len(), 1);
    assert_eq!(view.cards[0].actions[0].when.summary, "");
    assert_eq!(view.visits.heading, "How often your worker will visit");
}

fn child(plan: &Plan) -> ChildVersion {
    child::child_version_with(
        plan,
        &Profile::default_profile(),
        &tommy_timeline(),
        today(),
    )
}

fn part(version: &ChildVersion, kind: ChildPartKind) -> Vec<String> {
    version
        .parts
        .iter()
        .find(|part| part.kind == kind)
        .map(|part| {
            part.sentences
                .iter()
                .map(|sentence| render(sentence))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn the_childs_version_speaks_to_tommy() {
    let version = child(&tommy());
    assert_eq!(version.title, "Tommy's plan");
    assert!(version.greeting.starts_with("Hello Tommy."));
    assert_eq!(
        version
            .parts
            .iter()
            .map(|part| (part.kind, part.icon))
            .collect::<Vec<_>>(),
        vec![
            (ChildPartKind::WhoIsHelping, Icon::Helpers),
            (ChildPartKind::WhatWillHappen, Icon::Plan),
            (ChildPartKind::WhenWeMeetNext, Icon::Calendar),
            (ChildPartKind::WhatWillBeDifferent, Icon::Star),
            (ChildPartKind::WhatYouSaid, Icon::Speech),
        ]
    );
    assert_eq!(
        part(&version, ChildPartKind::WhoIsHelping),
        vec![
            "Sam Jones is your social worker.",
            "Sam is helping you and your family.",
            "Pete Brown and Jane Smith are helping too.",
            "Your mum and step-dad are doing things in this plan to help you.",
        ]
    );
    let happen = part(&version, ChildPartKind::WhatWillHappen);
    assert_eq!(
        happen,
        vec![
            "Your mum and step-dad both learn coping strategies for managing conflict calmly \
             and safely.",
            "You need to be able to talk about the violence you have seen and express your \
             wishes and feelings about life at home.",
        ]
    );
    assert_eq!(
        version
            .next_time_we_meet
            .as_ref()
            .map(|date| date.words.as_str()),
        Some("Monday 30 November"),
        "Sam's first session with Tommy comes before the next visit"
    );
    let when = part(&version, ChildPartKind::WhenWeMeetNext);
    assert_eq!(
        when.first().map(String::as_str),
        Some("Next time we meet: Monday 30 November.")
    );
    assert!(
        when.contains(
            &"We will all meet to talk about your plan on Tuesday 16 February 2027.".to_owned()
        ),
        "{when:?}"
    );
    let different = part(&version, ChildPartKind::WhatWillBeDifferent);
    assert!(
        different.contains(
            &"You will be able to say that you feel safe at home now and aren't worried about \
              your mum being hurt."
                .to_owned()
        ),
        "{different:?}"
    );
    let said = part(&version, ChildPartKind::WhatYouSaid);
    assert_eq!(
        said,
        vec![
            "You said you want the shouting to stop and you like it when your step-dad takes \
             you to football."
        ]
    );
    assert!(version.word_count() < 350, "{} words", version.word_count());
}

#[test]
fn a_long_plan_is_cut_down_to_fit_two_pages() {
    let mut plan = tommy();
    let action = plan.needs[0].actions[1].clone();
    plan.needs = (0..12)
        .map(|index| Need {
            need: format!("Need number {index}."),
            actions: vec![Action {
                action: format!(
                    "Sam Jones will do thing {index}. Then step {index}. And more. And more."
                ),
                ..action.clone()
            }],
            ..Need::default()
        })
        .collect();
    let version = child(&plan);
    let happen = part(&version, ChildPartKind::WhatWillHappen);
    assert_eq!(
        happen.len(),
        child::MAX_ITEMS * child::MAX_SENTENCES_PER_ITEM
    );
}

#[test]
fn a_child_version_of_an_empty_plan_still_guides() {
    let mut plan = Plan::new_blank();
    plan.lead_professional = Some(Professional {
        name: "Priya Shah".to_owned(),
        role: Role::KeyWorker,
        ..Professional::default()
    });
    let version = child_version(&plan, &Profile::default_profile(), today());
    assert!(version.greeting.starts_with("Hello. This is your plan."));
    assert_eq!(
        part(&version, ChildPartKind::WhoIsHelping),
        vec![
            "Priya Shah is your key worker.",
            "Priya is helping you and your family."
        ]
    );
    assert_eq!(
        part(&version, ChildPartKind::WhenWeMeetNext),
        vec!["Priya will tell you when we will meet next."]
    );
    assert_eq!(version.parts.len(), 4, "no child's words, no part for them");
}

/// Any text at all, including the characters that break naive slicing.
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        ".*",
        "[A-Za-z’'\" .,;:!?()\\-\n]{0,80}",
        "(Tommy|he|his|him|Mum|Dad|CAMHS|CIN|Sam Jones|Mr|‘|’|\"|'s|and|isn't| |\\.|😀|é){0,30}",
    ]
}

fn any_plan() -> impl Strategy<Value = Plan> {
    (
        any_text(),
        proptest::collection::vec(any_text(), 6),
        proptest::collection::vec(any_text(), 4),
    )
        .prop_map(|(name, action_texts, other)| {
            let mut plan = tommy();
            plan.child.name = name;
            let action = &mut plan.needs[0].actions[1];
            action.action = action_texts[0].clone();
            action.by_whom = action_texts[1].clone();
            action.by_when = action_texts[2].clone();
            action.outcome = action_texts[3].clone();
            action.progress = action_texts[4].clone();
            plan.needs[0].need = action_texts[5].clone();
            plan.visiting = other[0].clone();
            plan.views.child = other[1].clone();
            plan.contingency = other[2].clone();
            if let Some(lead) = plan.lead_professional.as_mut() {
                lead.name = other[3].clone();
            }
            plan
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn family_view_and_child_version_never_panic(plan in any_plan()) {
        let profile = Profile::default_profile();
        let view = family_view(&plan, &profile, today());
        prop_assert_eq!(view.cards.len(), plan.needs.len());
        let with_timeline = family_view_with(
            &plan, &profile, &tommy_timeline(), today(),
            FamilyOptions { jargon: JargonStyle::Replace },
        );
        prop_assert_eq!(&with_timeline.cards[0].actions[1].who.text, &plan.needs[0].actions[1].by_whom);
        let version = child_version(&plan, &profile, today());
        prop_assert!(version.parts.len() >= 4);
        let _ = child::child_version_with(&plan, &profile, &tommy_timeline(), today());
    }

    #[test]
    fn segments_always_render_back_to_the_text_when_nothing_is_explained(text in any_text()) {
        let mut explainer = plain::Explainer::new(JargonStyle::Explain);
        let segments = explainer.segments(&text);
        let written: String = segments.iter().map(|segment| match segment {
            Segment::Text { text } => text.as_str(),
            Segment::Term { written, .. } => written.as_str(),
        }).collect();
        prop_assert_eq!(written, text);
    }

    #[test]
    fn second_person_never_panics(text in any_text(), name in any_text()) {
        let mut plan = Plan::new_blank();
        plan.child.name = name;
        let names = voice::ChildNames::of(&plan);
        for pronoun in [None, Some(voice::Pronoun::He), Some(voice::Pronoun::She), Some(voice::Pronoun::They)] {
            let _ = voice::to_second_person(&text, &names, pronoun);
        }
        let _ = voice::named_people(&text, &names);
        let _ = voice::sentences(&text);
    }
}

#[test]
fn the_when_sentence_reads_in_date_order() {
    let dates = |how_often: Option<&str>,
                 starts: Option<NaiveDate>,
                 next_time: Option<NaiveDate>,
                 until: Option<NaiveDate>,
                 done_by: Option<NaiveDate>| ActionDates {
        how_often: how_often.map(str::to_owned),
        starts,
        next_time,
        sessions_left: usize::from(next_time.is_some()),
        until,
        done_by,
    };
    let today = day(2026, 12, 11);
    assert_eq!(
        when_summary(
            &dates(
                Some("every 2 weeks"),
                Some(day(2026, 12, 9)),
                Some(day(2026, 12, 23)),
                Some(day(2027, 1, 20)),
                Some(day(2026, 12, 16))
            ),
            today
        ),
        "Every 2 weeks, the first by Wednesday 16 December 2026, until Wednesday 20 January 2027."
    );
    assert_eq!(
        when_summary(
            &dates(
                None,
                Some(day(2027, 5, 12)),
                None,
                None,
                Some(day(2027, 5, 7))
            ),
            today
        ),
        "Done by Friday 7 May 2027, then from Wednesday 12 May 2027."
    );
    assert_eq!(
        when_summary(
            &dates(
                None,
                Some(day(2027, 1, 4)),
                None,
                None,
                Some(day(2027, 2, 1))
            ),
            today
        ),
        "Starting on Monday 4 January 2027, done by Monday 1 February 2027."
    );
    assert_eq!(
        when_summary(
            &dates(
                Some("every week"),
                Some(day(2026, 12, 1)),
                Some(day(2026, 12, 15)),
                None,
                None
            ),
            today
        ),
        "Every week, next on Tuesday 15 December 2026."
    );
    assert_eq!(when_summary(&ActionDates::default(), today), "");
}
