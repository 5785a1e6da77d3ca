//! The plan's own events named in a timescale: "by the first review", "until 3 month
//! review", "within 5 working days of the meeting", "the review on 16 February 2027".
//!
//! An event is read only where the words around it make it a time: after "by", "until",
//! "at", "of" … ("by the first review"), or with its own date ("Review date 16/02/2027").
//! "chaired at a review meeting" names no time. "3 month review", "6 week review" and
//! "initial review" are the first review; "the review" and "the next review" are the next
//! review (the first review until one is held). The second, third or final review, a
//! review conference and a core group have no date in the plan: naming one without a date
//! is an `UnknownEventDate` problem.

use chrono::NaiveDate;
use std::sync::OnceLock;

use super::dates::{self, DateResult};
use super::lexicon::{count_at, PhraseTable};
use super::scan::{has_event_lead, Found, Item, Point, PointValue, Scan};
use super::tokens::Tokens;
use super::{Offset, PlanEvent, ProblemKind};
use crate::calendar::Calendar;
use crate::plan::PlanDates;

/// What an event phrase names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum EventName {
    Known(PlanEvent),
    /// "each review": happens again and again; read as the next one.
    Recurring(PlanEvent),
    /// An event the plan does not date ("the second review").
    Unknown(&'static str),
    /// "starting", "the start": the start the text itself gives (only after an offset).
    Start,
}

fn event_table() -> &'static PhraseTable<EventName> {
    static TABLE: OnceLock<PhraseTable<EventName>> = OnceLock::new();
    TABLE.get_or_init(|| {
        use EventName::*;
        use PlanEvent::*;
        PhraseTable::new(&[
            ("first review", Known(FirstReview)),
            ("1st review", Known(FirstReview)),
            ("initial review", Known(FirstReview)),
            ("first cin review", Known(FirstReview)),
            ("1st cin review", Known(FirstReview)),
            ("initial cin review", Known(FirstReview)),
            ("first child in need review", Known(FirstReview)),
            ("first review meeting", Known(FirstReview)),
            ("first cin review meeting", Known(FirstReview)),
            ("first review date", Known(FirstReview)),
            ("first progress review", Known(FirstReview)),
            ("review", Known(NextReview)),
            ("reviews", Recurring(NextReview)),
            ("cin review", Known(NextReview)),
            ("child in need review", Known(NextReview)),
            ("review meeting", Known(NextReview)),
            ("cin review meeting", Known(NextReview)),
            ("review date", Known(NextReview)),
            ("review due", Known(NextReview)),
            ("next review", Known(NextReview)),
            ("next cin review", Known(NextReview)),
            ("next child in need review", Known(NextReview)),
            ("next review meeting", Known(NextReview)),
            ("next cin review meeting", Known(NextReview)),
            ("next review date", Known(NextReview)),
            ("next meeting", Known(NextReview)),
            ("next cin meeting", Known(NextReview)),
            ("next cin", Known(NextReview)),
            ("progress review", Known(NextReview)),
            ("each review", Recurring(NextReview)),
            ("every review", Recurring(NextReview)),
            ("each cin review", Recurring(NextReview)),
            ("every cin review", Recurring(NextReview)),
            ("each child in need review", Recurring(NextReview)),
            ("every child in need review", Recurring(NextReview)),
            ("each review meeting", Recurring(NextReview)),
            ("every review meeting", Recurring(NextReview)),
            ("all reviews", Recurring(NextReview)),
            ("all cin reviews", Recurring(NextReview)),
            ("second review", Unknown("the second review")),
            ("2nd review", Unknown("the second review")),
            ("second cin review", Unknown("the second review")),
            ("third review", Unknown("the third review")),
            ("3rd review", Unknown("the third review")),
            ("third cin review", Unknown("the third review")),
            ("final review", Unknown("the final review")),
            ("last review", Unknown("the last review")),
            ("review conference", Unknown("the review conference")),
            (
                "review child protection conference",
                Unknown("the review conference"),
            ),
            ("core group", Unknown("the core group meeting")),
            ("core group meeting", Unknown("the core group meeting")),
            ("next core group", Unknown("the next core group meeting")),
            (
                "next core group meeting",
                Unknown("the next core group meeting"),
            ),
            ("planning meeting", Known(PlanningMeeting)),
            ("cin planning meeting", Known(PlanningMeeting)),
            ("child in need planning meeting", Known(PlanningMeeting)),
            ("cin meeting", Known(PlanningMeeting)),
            ("child in need meeting", Known(PlanningMeeting)),
            ("initial meeting", Known(PlanningMeeting)),
            ("initial cin meeting", Known(PlanningMeeting)),
            ("meeting", Known(PlanningMeeting)),
            ("this meeting", Known(PlanningMeeting)),
            ("today's meeting", Known(PlanningMeeting)),
            ("plan", Known(PlanningMeeting)),
            ("cin plan", Known(PlanningMeeting)),
            ("plan being agreed", Known(PlanningMeeting)),
            ("plan being made", Known(PlanningMeeting)),
            ("plan being written", Known(PlanningMeeting)),
            ("plan being signed", Known(PlanningMeeting)),
            ("plan agreed", Known(PlanningMeeting)),
            ("plan being circulated", Known(PlanCirculated)),
            ("plan being shared", Known(PlanCirculated)),
            ("plan being sent", Known(PlanCirculated)),
            ("plan being sent out", Known(PlanCirculated)),
            ("plan being distributed", Known(PlanCirculated)),
            ("plan circulated", Known(PlanCirculated)),
            ("plan circulation", Known(PlanCirculated)),
            ("circulation of the plan", Known(PlanCirculated)),
            ("receipt of the plan", Known(PlanCirculated)),
            ("receiving the plan", Known(PlanCirculated)),
            ("allocation", Known(Allocated)),
            ("case allocation", Known(Allocated)),
            ("case being allocated", Known(Allocated)),
            ("being allocated", Known(Allocated)),
            ("assessment", Known(AssessmentCompleted)),
            ("assessment being completed", Known(AssessmentCompleted)),
            ("assessment completed", Known(AssessmentCompleted)),
            ("assessment completion", Known(AssessmentCompleted)),
            ("completion of the assessment", Known(AssessmentCompleted)),
            ("starting", Start),
            ("start", Start),
            ("start date", Start),
            ("commencing", Start),
            ("first session", Start),
            ("beginning", Start),
        ])
    })
}

/// "3 month review", "6-week review", "three monthly review", "12 week CIN review": the
/// first review.
fn numbered_review_at(tokens: Tokens<'_>, index: usize) -> Option<usize> {
    let (_, mut position) = count_at(tokens, index, false)?;
    position = tokens.skip_punct(position, &['-']);
    if !tokens.is_any_word(
        position,
        &[
            "week", "weeks", "wk", "month", "months", "weekly", "monthly",
        ],
    ) {
        return None;
    }
    position += 1;
    position = tokens.skip_optional(position, &["cin"]);
    if tokens.is_word(position, "child") && tokens.is_word(position + 1, "in") {
        position = tokens.skip_optional(position + 2, &["need"]);
    }
    if !tokens.is_word(position, "review") {
        return None;
    }
    Some(tokens.skip_optional(position + 1, &["meeting"]))
}

/// The event phrase at `index`, with the index past it.
pub(super) fn event_phrase_at(tokens: Tokens<'_>, index: usize) -> Option<(EventName, usize)> {
    let numbered = numbered_review_at(tokens, index)
        .map(|end| (EventName::Known(PlanEvent::FirstReview), end));
    let named = event_table().longest_at(tokens, index);
    match (numbered, named) {
        (Some(numbered), Some(named)) if named.1 > numbered.1 => Some(named),
        (Some(numbered), _) => Some(numbered),
        (None, named) => named,
    }
}

/// The event's own date after it: "review on 16 February 2027", "first review:
/// 16/02/2027", "review date (16.2.27)".
pub(super) fn own_date_at(scan: &Scan<'_>, index: usize) -> Option<(DateResult, usize, usize)> {
    const BETWEEN: &[&str] = &[
        "on",
        "date",
        "is",
        "due",
        "for",
        "booked",
        "set",
        "scheduled",
        "planned",
        "will",
        "be",
        "held",
        "dated",
    ];
    let tokens = scan.tokens;
    let mut position = index;
    for _ in 0..4 {
        if tokens.is_any_word(position, BETWEEN)
            || matches!(tokens.punct(position), Some(':' | '-' | '(' | ',' | '='))
        {
            position += 1;
        } else {
            break;
        }
    }
    let (result, end) = dates::written_date_at(scan, position)?;
    let closed = tokens.skip_punct(end, &[')']);
    Some((
        result,
        position,
        if tokens.is_punct(index, '(') {
            closed
        } else {
            end
        },
    ))
}

/// The date of a plan event, from the plan.
pub(super) fn plan_date(event: PlanEvent, dates: &PlanDates) -> Option<NaiveDate> {
    match event {
        PlanEvent::AssessmentCompleted => dates.assessment_completed,
        PlanEvent::Allocated => dates.allocated,
        PlanEvent::PlanningMeeting => dates.planning_meeting,
        PlanEvent::PlanCirculated => dates.plan_circulated,
        PlanEvent::FirstReview | PlanEvent::NextReview => dates.first_review,
    }
}

/// The date of an event moved by its offset: the text's own date for it if given, else
/// the plan's.
pub(super) fn resolve(
    event: PlanEvent,
    offset: Option<Offset>,
    text_date: Option<NaiveDate>,
    dates: &PlanDates,
    calendar: &Calendar,
) -> Option<NaiveDate> {
    let base = text_date.or_else(|| plan_date(event, dates))?;
    match offset {
        Some(offset) => dates::add_offset(base, offset, calendar),
        None => Some(base),
    }
}

/// A plan event as a point in time, where the words make it one.
pub(super) fn event_at(scan: &Scan<'_>, index: usize) -> Option<Found> {
    let tokens = scan.tokens;
    let (name, phrase_end) = event_phrase_at(tokens, index)?;
    if name == EventName::Start {
        return None;
    }
    let lead = has_event_lead(tokens, index);
    let own = own_date_at(scan, phrase_end);
    let end = own.as_ref().map_or(phrase_end, |(_, _, end)| *end);
    let mut items = Vec::new();
    let point = |text_date: Option<NaiveDate>, event: PlanEvent, point_end: usize| {
        Item::Point(Point {
            value: PointValue::Event {
                event,
                offset: None,
                text_date,
            },
            span: tokens.span(index, point_end),
            tokens: index..point_end,
            role: None,
        })
    };
    match (name, own) {
        // "Reviews: 28/12/26, 8/2/27": the first date given is the next one.
        (EventName::Known(event) | EventName::Recurring(event), Some((Ok(date), _, date_end))) => {
            items.push(point(Some(date), event, date_end));
        }
        (EventName::Unknown(_), Some((Ok(date), _, date_end))) => {
            items.push(scan.point(index, date_end, PointValue::Date(date)));
        }
        (_, Some((Err(problem), date_start, date_end))) => {
            if let (EventName::Known(event) | EventName::Recurring(event), true) = (name, lead) {
                items.push(point(None, event, phrase_end));
            }
            items.push(scan.problem(date_start, date_end, problem.kind, problem.message));
        }
        (EventName::Known(event) | EventName::Recurring(event), None) => {
            if lead {
                items.push(point(None, event, phrase_end));
            }
        }
        (EventName::Unknown(description), None) => {
            if lead {
                let written = scan.written(index, phrase_end);
                items.push(scan.problem(
                    index,
                    phrase_end,
                    ProblemKind::UnknownEventDate,
                    format!(
                        "The plan gives no date for {description}: write its date after it \
                         ('{written} on …')."
                    ),
                ));
            }
        }
        (EventName::Start, _) => {}
    }
    Some(Found { end, items })
}
