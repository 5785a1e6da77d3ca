//! `cinplan timeline`: every due date of a plan, as a listing for a person, as JSON, or as
//! an iCalendar file to import into Outlook or any other calendar.

use std::process::ExitCode;

use chrono::{Datelike, NaiveDate, Utc};
use cinplan_core::plan::PlanKind;
use cinplan_core::profile::Profile;
use cinplan_core::timeline::{
    format_date, timeline, Event, EventState, Timeline, DUE_SOON_WORKING_DAYS,
};
use cinplan_core::Plan;
use icalendar::{Component, EventLike};

use crate::display::{columns, pad, printable};
use crate::input;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The plan file (`-` for standard input).
    pub plan: String,
    /// The date to count from, as YYYY-MM-DD (default: the system's date).
    #[arg(long, value_name = "DATE")]
    pub today: Option<String>,
    /// How to print it: a listing to read, JSON, or an iCalendar (.ics) file.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// A shipped profile (default, leicestershire) or a profile file (default: the one the
    /// plan names).
    #[arg(long, value_name = "NAME|FILE")]
    pub profile: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
    Ics,
}

pub fn run(args: Args) -> Result<ExitCode, String> {
    let plan = input::read_plan(&args.plan)?;
    let today = input::today(args.today.as_deref())?;
    let profile = match &args.profile {
        Some(name_or_path) => input::load_profile(name_or_path)?,
        None => plan_profile(&plan)?,
    };
    let timeline = timeline(&plan, &profile, today);
    let output = match args.format {
        Format::Text => text(&plan, &profile, &timeline, today),
        Format::Json => {
            let mut json = serde_json::to_string_pretty(&timeline)
                .map_err(|error| format!("cannot write the timeline as JSON: {error}"))?;
            json.push('\n');
            json
        }
        Format::Ics => ics(&plan, &timeline, today),
    };
    super::write_stdout(&output)?;
    Ok(ExitCode::SUCCESS)
}

/// The profile the plan names, which must be a shipped one (a file is given with
/// `--profile`).
fn plan_profile(plan: &Plan) -> Result<Profile, String> {
    Profile::builtin(&plan.profile).ok_or_else(|| {
        format!(
            "the plan asks for the profile \"{}\", which is not shipped with cinplan ({}); \
             give its file with --profile FILE",
            plan.profile,
            Profile::names().join(", ")
        )
    })
}

fn state_word(state: EventState) -> &'static str {
    match state {
        EventState::Done => "done",
        EventState::Due => "due",
        EventState::DueSoon => "due soon",
        EventState::Overdue => "OVERDUE",
    }
}

fn kind_words(kind: PlanKind) -> &'static str {
    match kind {
        PlanKind::ChildInNeed => "child in need plan",
        PlanKind::ChildProtection => "child protection plan",
    }
}

/// A listing for a person: a header, then one line per event (date, state, what, where
/// from), with a line marking today.
fn text(plan: &Plan, profile: &Profile, timeline: &Timeline, today: NaiveDate) -> String {
    let mut out = String::new();
    let child = printable(plan.child_name());
    out.push_str(&format!(
        "Timeline of {}'s {} (profile: {})\n",
        child,
        kind_words(plan.kind),
        printable(&profile.name)
    ));
    let count = |state: EventState| {
        timeline
            .events
            .iter()
            .filter(|event| event.state == state)
            .count()
    };
    out.push_str(&format!(
        "Today is {}: {} overdue, {} due soon (within {} working days), {} due later, {} done.\n\n",
        format_date(today),
        count(EventState::Overdue),
        count(EventState::DueSoon),
        DUE_SOON_WORKING_DAYS,
        count(EventState::Due),
        count(EventState::Done),
    ));
    if timeline.events.is_empty() {
        out.push_str(
            "No due dates yet: give the plan its dates (assessment completed, allocated, \
             planning meeting) and its timescales.\n",
        );
        return out;
    }

    let dates: Vec<String> = timeline
        .events
        .iter()
        .map(|event| format_date(event.date))
        .collect();
    let date_width = dates
        .iter()
        .map(|date| date.chars().count())
        .chain(["Date".len()])
        .max()
        .unwrap_or(0);
    let state_width = "due soon".len();
    let titles: Vec<String> = timeline
        .events
        .iter()
        .map(|event| printable(&event.title))
        .collect();
    let title_width = titles
        .iter()
        .map(|title| columns(title))
        .chain(["What".len()])
        .max()
        .unwrap_or(0);
    let row = |date: &str, state: &str, title: &str, source: &str| {
        format!(
            "{date:<date_width$}  {state:<state_width$}  {}  {source}",
            pad(title, title_width)
        )
        .trim_end()
        .to_owned()
            + "\n"
    };
    out.push_str(&row("Date", "State", "What", "From"));
    out.push_str(&row(
        &"-".repeat(date_width),
        &"-".repeat(state_width),
        &"-".repeat(title_width),
        "----",
    ));
    let mut today_marked = false;
    for ((event, date), title) in timeline.events.iter().zip(&dates).zip(&titles) {
        if !today_marked && event.date >= today {
            out.push_str(&today_line(today, date_width));
            today_marked = true;
        }
        out.push_str(&row(
            date,
            state_word(event.state),
            title,
            &printable(&event.source),
        ));
    }
    if !today_marked {
        out.push_str(&today_line(today, date_width));
    }
    out.push_str(
        "\nOVERDUE: the date has passed and the plan does not record it as done. \
         \"From\" is the field of the plan file the date comes from.\n",
    );
    out
}

fn today_line(today: NaiveDate, date_width: usize) -> String {
    format!("{:<date_width$}  >>> today <<<\n", format_date(today),)
}

/// A calendar file: one all-day event per due date, each with a UID that stays the same
/// when the timeline is exported again, so a calendar updates its events instead of
/// doubling them.
fn ics(plan: &Plan, timeline: &Timeline, today: NaiveDate) -> String {
    let mut calendar = icalendar::Calendar::empty();
    calendar
        .append_property(icalendar::Property::new("VERSION", "2.0"))
        .append_property(icalendar::Property::new(
            "PRODID",
            "-//cinplan//cinplan timeline//EN",
        ))
        .append_property(icalendar::Property::new("CALSCALE", "GREGORIAN"))
        .append_property(icalendar::Property::new("METHOD", "PUBLISH"));
    // No control characters in an iCalendar text value (RFC 5545 3.3.11), and NAME is
    // escaped here because the icalendar crate writes it as it is.
    let child = printable(plan.child_name());
    let name = format!("{child}'s plan: due dates");
    calendar
        .append_property(icalendar::Property::new("NAME", escape_ics_text(&name)))
        .append_property(icalendar::Property::new("X-WR-CALNAME", &name));
    let stamp = Utc::now();
    let plan_key = plan_key(plan);
    for event in &timeline.events {
        // iCalendar dates have four-digit years.
        if !(1..=9999).contains(&event.date.year()) {
            continue;
        }
        let title = printable(&event.title);
        let child = child.as_str();
        let mut entry = icalendar::Event::new();
        entry
            .uid(&uid(&plan_key, event))
            .timestamp(stamp)
            .summary(&if title.contains(child) {
                title.clone()
            } else {
                format!("{child}: {title}")
            })
            .description(&format!(
                "{}\nDue {}; on {} this was: {}.\nFrom {} in the plan file ({}).",
                title,
                format_date(event.date),
                format_date(today),
                state_word(event.state).to_lowercase(),
                event.source,
                event.kind.id()
            ))
            .starts(event.date)
            .add_property("TRANSP", "TRANSPARENT")
            .add_property("CATEGORIES", event.kind.id());
        if let Some(next_day) = event.date.succ_opt() {
            entry.ends(next_day);
        }
        calendar.push(entry.done());
    }
    refold(&calendar.to_string())
}

/// A TEXT value escaped as RFC 5545 section 3.3.11 says.
fn escape_ics_text(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace(';', "\\;")
        .replace(',', "\\,")
        .replace('\n', "\\n")
}

/// The longest content line, in octets, before it is folded (RFC 5545 section 3.1).
const ICS_LINE_OCTETS: usize = 75;

/// Folds every content line again so that no physical line ends in a space: some readers
/// trim line ends before unfolding, which would glue two words of a title together.
fn refold(ics: &str) -> String {
    let unfolded = ics.replace("\r\n ", "");
    let mut out = String::with_capacity(ics.len());
    for line in unfolded.split_terminator("\r\n") {
        fold_line(line, &mut out);
        out.push_str("\r\n");
    }
    out
}

fn fold_line(line: &str, out: &mut String) {
    let mut rest = line;
    // The first line has 75 octets; each continuation line one fewer after its space.
    let mut room = ICS_LINE_OCTETS;
    while rest.len() > room {
        let mut cut = room;
        while cut > 0 && !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        let mut before_space = cut;
        while let Some(piece) = rest.get(..before_space) {
            match piece.chars().next_back() {
                Some(last) if last.is_whitespace() => before_space -= last.len_utf8(),
                _ => break,
            }
        }
        if before_space > room / 2 {
            cut = before_space;
        }
        let (head, tail) = rest.split_at_checked(cut).unwrap_or((rest, ""));
        if head.is_empty() {
            break;
        }
        out.push_str(head);
        out.push_str("\r\n ");
        rest = tail;
        room = ICS_LINE_OCTETS - 1;
    }
    out.push_str(rest);
}

/// What identifies the plan across exports: its `id` if the file has one (an unknown
/// field kept on round trips), else the child's name and date of birth.
fn plan_key(plan: &Plan) -> String {
    match plan.extra.get("id").and_then(|id| id.as_str()) {
        Some(id) => format!("id:{id}"),
        None => format!(
            "child:{}|{}",
            plan.child.name.trim(),
            plan.child
                .date_of_birth
                .map(|date| date.to_string())
                .unwrap_or_default()
        ),
    }
}

/// A UID stable across exports: the date and kind to read, and a hash of the plan, kind,
/// source and date to be unique.
fn uid(plan_key: &str, event: &Event) -> String {
    let hash = fnv1a64(
        format!(
            "{plan_key}\n{}\n{}\n{}",
            event.kind.id(),
            event.source,
            event.date
        )
        .as_bytes(),
    );
    format!(
        "{}-{}-{hash:016x}@cinplan",
        event.date.format("%Y%m%d"),
        event.kind.id()
    )
}

/// FNV-1a, 64 bits: a fixed, documented hash, so UIDs never change between versions of
/// Rust or of cinplan.
fn fnv1a64(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(*byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_keeps_lines_to_75_octets_and_never_ends_one_with_a_space() {
        let line = format!(
            "SUMMARY:{}",
            "Zoë visits the planning meeting 🌟 ".repeat(8).trim_end()
        );
        let folded = refold(&format!("{line}\r\n"));
        for physical in folded.split_terminator("\r\n") {
            assert!(physical.len() <= 75, "{physical:?}");
            assert!(!physical.ends_with(' '), "{physical:?}");
        }
        assert_eq!(folded.replace("\r\n ", ""), format!("{line}\r\n"));
    }

    #[test]
    fn a_short_line_is_not_folded() {
        assert_eq!(refold("VERSION:2.0\r\n"), "VERSION:2.0\r\n");
    }

    #[test]
    fn fnv1a64_matches_the_published_test_vectors() {
        assert_eq!(fnv1a64(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a64(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a64(b"foobar"), 0x8594_4171_f739_67e8);
    }
}
