//! The timeline as an iCalendar file (RFC 5545), so a practitioner can put a plan's due
//! dates into the calendar they already use.
//!
//! Written by hand rather than with the `icalendar` crate: the editor runs this in the
//! browser, where that crate brings in `uuid` and a random-number source for ids this
//! module derives from the events themselves, and a few dozen lines of text suffice.
//! The core reads no clock, so the caller passes the creation time (`DTSTAMP`).

use chrono::{Days, NaiveDateTime};

use crate::date_words;
use crate::plan::Plan;
use crate::timeline::{EventState, Timeline};

/// The events of `timeline` as an iCalendar document: one all-day `VEVENT` per event,
/// with stable `UID`s (the same plan exported twice updates rather than duplicates), CRLF
/// line endings and lines folded at 75 octets.
pub fn timeline_to_ics(plan: &Plan, timeline: &Timeline, stamp: NaiveDateTime) -> String {
    let mut out = String::new();
    let stamp = date_words::compact_utc(stamp);
    push_line(&mut out, "BEGIN:VCALENDAR");
    push_line(&mut out, "VERSION:2.0");
    push_line(
        &mut out,
        "PRODID:-//cinplan//Child in Need plan timeline//EN",
    );
    push_line(&mut out, "CALSCALE:GREGORIAN");
    push_line(
        &mut out,
        &format!("X-WR-CALNAME:{}", escape(&calendar_name(plan))),
    );
    for event in &timeline.events {
        let end = event
            .date
            .checked_add_days(Days::new(1))
            .unwrap_or(event.date);
        let kind = event.kind.id();
        push_line(&mut out, "BEGIN:VEVENT");
        push_line(
            &mut out,
            &format!(
                "UID:{}-{kind}-{:016x}@cinplan",
                date_words::compact(event.date),
                fingerprint(&plan.child.name, &event.source)
            ),
        );
        push_line(&mut out, &format!("DTSTAMP:{stamp}"));
        push_line(
            &mut out,
            &format!("DTSTART;VALUE=DATE:{}", date_words::compact(event.date)),
        );
        push_line(
            &mut out,
            &format!("DTEND;VALUE=DATE:{}", date_words::compact(end)),
        );
        push_line(
            &mut out,
            &format!("SUMMARY:{}", escape(&summary(plan, &event.title))),
        );
        push_line(
            &mut out,
            &format!(
                "DESCRIPTION:{}",
                escape(&format!(
                    "{} ({}). From: {}.",
                    event.title,
                    state_words(event.state),
                    event.source
                ))
            ),
        );
        push_line(&mut out, &format!("CATEGORIES:{kind}"));
        push_line(&mut out, "TRANSP:TRANSPARENT");
        push_line(&mut out, "END:VEVENT");
    }
    push_line(&mut out, "END:VCALENDAR");
    out
}

fn calendar_name(plan: &Plan) -> String {
    format!("Plan for {}", plan.child_name())
}

fn summary(plan: &Plan, title: &str) -> String {
    let name = plan.child.name.trim();
    if name.is_empty() {
        title.to_owned()
    } else {
        format!("{name}: {title}")
    }
}

fn state_words(state: EventState) -> &'static str {
    match state {
        EventState::Done => "done",
        EventState::Due => "due",
        EventState::DueSoon => "due soon",
        EventState::Overdue => "overdue",
    }
}

/// FNV-1a over the child's name and the event's source: stable across runs and builds,
/// unlike `std`'s randomly seeded hasher.
fn fingerprint(name: &str, source: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in name.bytes().chain([0]).chain(source.bytes()) {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

/// RFC 5545 TEXT escaping: backslash, semicolon, comma and newlines.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for character in text.chars() {
        match character {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            other => out.push(other),
        }
    }
    out
}

/// Appends a content line, folded so no physical line exceeds 75 octets, never splitting
/// a UTF-8 character.
fn push_line(out: &mut String, line: &str) {
    let mut width = 0;
    for character in line.chars() {
        let size = character.len_utf8();
        if width + size > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(character);
        width += size;
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timeline::{Event, EventKind};
    use chrono::NaiveDate;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    fn stamp() -> NaiveDateTime {
        date(2026, 11, 22).and_hms_opt(9, 30, 0).unwrap_or_default()
    }

    fn one_event(title: &str) -> Timeline {
        Timeline {
            events: vec![Event {
                date: date(2026, 12, 28),
                kind: EventKind::ReviewDue,
                title: title.to_owned(),
                source: "/review_frequency".to_owned(),
                state: EventState::Due,
            }],
        }
    }

    fn tommy() -> Plan {
        let mut plan = Plan::new_blank();
        plan.child.name = "Tommy".to_owned();
        plan
    }

    #[test]
    fn an_event_becomes_an_all_day_vevent() {
        let ics = timeline_to_ics(&tommy(), &one_event("Review due"), stamp());
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
        assert!(ics.contains("\r\nDTSTART;VALUE=DATE:20261228\r\n"));
        assert!(ics.contains("\r\nDTEND;VALUE=DATE:20261229\r\n"));
        assert!(ics.contains("\r\nSUMMARY:Tommy: Review due\r\n"));
        assert!(ics.contains("\r\nDTSTAMP:20261122T093000Z\r\n"));
        assert!(ics.contains("\r\nCATEGORIES:review-due\r\n"));
        assert_eq!(ics.matches("BEGIN:VEVENT").count(), 1);
    }

    #[test]
    fn uids_are_stable_and_differ_by_source() {
        let first = timeline_to_ics(&tommy(), &one_event("Review due"), stamp());
        let again = timeline_to_ics(&tommy(), &one_event("Review due"), stamp());
        assert_eq!(first, again);
        let mut other = one_event("Review due");
        other.events[0].source = "/dates/first_review".to_owned();
        let moved = timeline_to_ics(&tommy(), &other, stamp());
        let uid = |ics: &str| {
            ics.lines()
                .find(|line| line.starts_with("UID:"))
                .map(str::to_owned)
        };
        assert_ne!(uid(&first), uid(&moved));
    }

    #[test]
    fn text_is_escaped() {
        let ics = timeline_to_ics(&tommy(), &one_event("Visit; home, school\\x"), stamp());
        assert!(ics.contains("SUMMARY:Tommy: Visit\\; home\\, school\\\\x\r\n"));
    }

    #[test]
    fn long_lines_fold_at_75_octets_on_character_boundaries() {
        let title = "Séance ".repeat(30);
        let ics = timeline_to_ics(&tommy(), &one_event(&title), stamp());
        for line in ics.split("\r\n") {
            assert!(line.len() <= 75, "line of {} octets: {line:?}", line.len());
        }
        let unfolded = ics.replace("\r\n ", "");
        assert!(unfolded.contains(&format!("SUMMARY:Tommy: {}", title.trim_end())));
    }

    #[test]
    fn an_empty_timeline_is_a_valid_empty_calendar() {
        let ics = timeline_to_ics(&Plan::new_blank(), &Timeline::default(), stamp());
        assert!(!ics.contains("BEGIN:VEVENT"));
        assert!(ics.contains("X-WR-CALNAME:Plan for the child\r\n"));
    }
}
