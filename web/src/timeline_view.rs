//! What the timeline chart and list need besides the core's events: which lane an event
//! sits in, how its state reads, where the chart's ticks go, and how to reach the field an
//! event comes from.

use chrono::{Datelike, Days, NaiveDate};
use cinplan_core::rules::registry;
use cinplan_core::timeline::{Event, EventKind, EventState};
use wasm_bindgen::JsCast;

use crate::pointer;

/// The horizontal bands of the chart.
pub const LANES: [&str; 4] = [
    "Meetings and reviews",
    "Visits",
    "Plan and oversight",
    "Actions",
];

pub fn lane(kind: EventKind) -> usize {
    match kind {
        EventKind::PlanningMeetingDue
        | EventKind::ReviewDue
        | EventKind::NotesDue
        | EventKind::CoreGroupDue
        | EventKind::ReviewConferenceDue => 0,
        EventKind::FirstVisitDue | EventKind::VisitDue | EventKind::VisitRecordDue => 1,
        EventKind::AssessmentSharedDue
        | EventKind::PlanCopyDue
        | EventKind::SafetyPlanDue
        | EventKind::TrajectoryTarget
        | EventKind::TrajectoryLimit
        | EventKind::AssessmentUpdateDue => 2,
        EventKind::ActionDue | EventKind::ActionSession | EventKind::ActionStart => 3,
    }
}

/// The stable kebab-case id of a kind, as the core names it.
pub fn kind_id(kind: EventKind) -> &'static str {
    kind.id()
}

pub fn state_id(state: EventState) -> &'static str {
    state.id()
}

/// The state in words, as shown next to every event (never colour alone).
pub fn state_words(state: EventState) -> &'static str {
    match state {
        EventState::Done => "Done",
        EventState::Due => "Due",
        EventState::DueSoon => "Due soon",
        EventState::Overdue => "Overdue",
    }
}

pub fn state_icon(state: EventState) -> &'static str {
    match state {
        EventState::Done => "✓",
        EventState::Due => "○",
        EventState::DueSoon => "▲",
        EventState::Overdue => "!",
    }
}

/// Where the event comes from, for a person: the field's name, or the rule's summary.
pub fn source_label(plan: &cinplan_core::Plan, source: &str) -> String {
    if source.starts_with('/') {
        pointer::describe(plan, source)
    } else {
        registry::find(source)
            .map(|rule| rule.meta().docs.summary.to_owned())
            .filter(|summary| !summary.is_empty())
            .unwrap_or_else(|| source.to_owned())
    }
}

/// One line describing an event, for screen readers and the chart's caption.
pub fn describe(plan: &cinplan_core::Plan, event: &Event) -> String {
    format!(
        "{}: {}. {}. From {}.",
        crate::dates::short(event.date),
        event.title,
        state_words(event.state),
        source_label(plan, &event.source)
    )
}

/// Moves the keyboard to the field an event comes from (or the nearest thing that edits
/// it), scrolling it into view. Returns false when nothing on the page edits it.
pub fn go_to_source(source: &str) -> bool {
    let candidates = if source.starts_with('/') {
        pointer::candidate_ids(source)
    } else {
        // A rule's event (the trajectory, say) counts from the plan's dates.
        vec!["f-dates-planning_meeting".to_owned()]
    };
    let document = leptos::prelude::document();
    for id in candidates {
        if let Some(element) = document
            .get_element_by_id(&id)
            .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let options = web_sys::ScrollIntoViewOptions::new();
            options.set_block(web_sys::ScrollLogicalPosition::Center);
            element.scroll_into_view_with_scroll_into_view_options(&options);
            let _ = element.focus();
            return true;
        }
    }
    false
}

/// The chart's date range: every event and today, with a margin, at least four weeks.
pub fn domain(events: &[Event], today: NaiveDate) -> (NaiveDate, NaiveDate) {
    let first = events
        .iter()
        .map(|event| event.date)
        .min()
        .unwrap_or(today)
        .min(today);
    let last = events
        .iter()
        .map(|event| event.date)
        .max()
        .unwrap_or(today)
        .max(today);
    let start = first.checked_sub_days(Days::new(4)).unwrap_or(first);
    let mut end = last.checked_add_days(Days::new(4)).unwrap_or(last);
    if (end - start).num_days() < 28 {
        end = start.checked_add_days(Days::new(28)).unwrap_or(end);
    }
    (start, end)
}

/// Tick dates: the first of each month, or each Monday when the range is short.
pub fn ticks(start: NaiveDate, end: NaiveDate) -> Vec<NaiveDate> {
    let days = (end - start).num_days();
    let mut ticks = Vec::new();
    if days <= 70 {
        let mut day = start;
        while day <= end {
            if day.weekday() == chrono::Weekday::Mon {
                ticks.push(day);
            }
            match day.checked_add_days(Days::new(1)) {
                Some(next) => day = next,
                None => break,
            }
        }
    } else {
        let mut month = NaiveDate::from_ymd_opt(start.year(), start.month(), 1);
        while let Some(first) = month {
            if first > end {
                break;
            }
            if first >= start {
                ticks.push(first);
            }
            month = first.checked_add_months(chrono::Months::new(1));
        }
        // Many months: label every other one, or every third, so labels do not collide.
        let step = (ticks.len() / 12).max(1);
        ticks = ticks.into_iter().step_by(step).collect();
    }
    ticks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    fn event(on: NaiveDate) -> Event {
        Event {
            date: on,
            kind: EventKind::ReviewDue,
            title: "Review".to_owned(),
            source: "/review_frequency".to_owned(),
            state: EventState::Due,
        }
    }

    #[test]
    fn the_domain_covers_events_and_today() {
        let (start, end) = domain(&[event(date(2027, 2, 16))], date(2026, 11, 22));
        assert!(start <= date(2026, 11, 22));
        assert!(end >= date(2027, 2, 16));
    }

    #[test]
    fn an_empty_timeline_still_spans_four_weeks() {
        let (start, end) = domain(&[], date(2026, 11, 22));
        assert!((end - start).num_days() >= 28);
    }

    #[test]
    fn short_ranges_tick_on_mondays_long_ones_on_months() {
        let weekly = ticks(date(2026, 11, 20), date(2026, 12, 20));
        assert!(weekly
            .iter()
            .all(|day| day.weekday() == chrono::Weekday::Mon));
        assert_eq!(weekly.first(), Some(&date(2026, 11, 23)));
        let monthly = ticks(date(2026, 11, 10), date(2027, 3, 1));
        assert_eq!(
            monthly,
            vec![
                date(2026, 12, 1),
                date(2027, 1, 1),
                date(2027, 2, 1),
                date(2027, 3, 1)
            ]
        );
    }

    #[test]
    fn every_kind_has_a_lane_and_an_id() {
        assert_eq!(lane(EventKind::ActionSession), 3);
        assert_eq!(kind_id(EventKind::TrajectoryLimit), "trajectory-limit");
    }
}
