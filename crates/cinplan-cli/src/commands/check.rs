//! `cinplan check`: check a plan (or one field's text) against the guidance and print the
//! findings like a compiler does: what is wrong, where, the words marked, and what to write
//! instead. Exit 0 with no error findings, 1 with error findings, 2 when the input cannot be
//! read.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::process::ExitCode;

use cinplan_core::check::{check_field, check_plan, CheckOptions, CheckReport};
use cinplan_core::finding::{Applicability, Finding, Severity, Smart, SuggestionTarget};
use cinplan_core::profile::Profile;
use cinplan_core::rules::FieldName;
use cinplan_core::summary::{summarise, LetterStatus, SmartSummary};
use cinplan_core::text::Utf16Index;
use cinplan_core::Plan;
use serde::Serialize;

use crate::display::{display_char, printable};
use crate::input::{load_profile, read_plan, today, InputError};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// For people: each finding with the words marked, then a summary.
    Text,
    /// For tools: `{"findings": [...], "summary": {...}, "ignored": N}`.
    Json,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The plan file (`-` for standard input). With --field: the text to check, after an
    /// optional plan file that gives it context (the child's name, the plan's dates).
    #[arg(value_name = "PLAN", num_args = 1..=2, required = true)]
    pub inputs: Vec<String>,
    /// Check a single text as this field: need, action, by_whom, by_when, outcome,
    /// progress, visiting, review_frequency, contingency, views_child, views_parents,
    /// views_others.
    #[arg(long, value_name = "FIELD")]
    pub field: Option<String>,
    /// The date to check against, YYYY-MM-DD (default: the system's date).
    #[arg(long, value_name = "DATE")]
    pub today: Option<String>,
    /// A shipped profile name or a profile file (default: the plan's own profile).
    #[arg(long, value_name = "NAME|FILE")]
    pub profile: Option<String>,
    #[arg(long, value_enum, default_value = "text")]
    pub format: Format,
}

/// What is printed as JSON.
#[derive(Debug, Serialize)]
struct JsonReport<'a> {
    findings: &'a [Finding],
    summary: &'a SmartSummary,
    ignored: usize,
}

/// Where the text of each finding comes from, for marking its range.
enum Source<'a> {
    Plan {
        path: &'a str,
        /// The text of each free-text field, by pointer.
        texts: HashMap<String, &'a str>,
    },
    Field {
        field: FieldName,
        text: &'a str,
    },
}

pub fn run(args: Args) -> Result<ExitCode, InputError> {
    let today = today(args.today.as_deref())?;
    match &args.field {
        None => {
            let [path] = args.inputs.as_slice() else {
                return Err(format!(
                    "check takes one plan file, but was given {}: to check a single text, \
                     name its field with --field, for example: cinplan check --field by_when \
                     \"Ongoing\"",
                    args.inputs.len()
                ));
            };
            let plan = read_plan(path)?;
            let profile = choose_profile(args.profile.as_deref(), Some(&plan))?;
            let report = check_plan(
                &plan,
                CheckOptions {
                    today,
                    profile: &profile,
                },
            );
            let texts = cinplan_core::check::fields(&plan)
                .into_iter()
                .map(|field| (field.pointer, field.text))
                .collect();
            print_report(&report, &Source::Plan { path, texts }, args.format)
        }
        Some(field_id) => {
            let field = FieldName::from_id(field_id).ok_or_else(|| {
                format!(
                    "\"{field_id}\" is not a field: use one of {}",
                    FieldName::ALL.map(FieldName::id).join(", ")
                )
            })?;
            let (plan, text) = match args.inputs.as_slice() {
                [text] => (None, text.as_str()),
                [path, text] => (Some(read_plan(path)?), text.as_str()),
                _ => return Err("check --field takes the text to check".to_owned()),
            };
            let profile = choose_profile(args.profile.as_deref(), plan.as_ref())?;
            let options = CheckOptions {
                today,
                profile: &profile,
            };
            let findings = check_field(text, field, plan.as_ref(), options);
            // The summary of one text: its letters, with no plan rows around it.
            let mut no_rows = Plan::new_blank();
            no_rows.needs.clear();
            let report = CheckReport {
                summary: summarise(&no_rows, &findings, 0),
                findings,
                ignored: Vec::new(),
            };
            print_report(&report, &Source::Field { field, text }, args.format)
        }
    }
}

fn choose_profile(option: Option<&str>, plan: Option<&Plan>) -> Result<Profile, InputError> {
    if let Some(name_or_path) = option {
        return load_profile(name_or_path);
    }
    let Some(plan) = plan else {
        return Ok(Profile::default_profile());
    };
    match Profile::builtin(&plan.profile) {
        Some(profile) => Ok(profile),
        None => {
            eprintln!(
                "cinplan: note: the plan asks for profile \"{}\", which this cinplan does not \
                 ship ({}); checking with \"default\" (give a profile file with --profile)",
                plan.profile,
                Profile::names().join(", ")
            );
            Ok(Profile::default_profile())
        }
    }
}

fn print_report(
    report: &CheckReport,
    source: &Source<'_>,
    format: Format,
) -> Result<ExitCode, InputError> {
    let output = match format {
        Format::Json => {
            let json = JsonReport {
                findings: &report.findings,
                summary: &report.summary,
                ignored: report.ignored.len(),
            };
            let mut text = serde_json::to_string_pretty(&json)
                .map_err(|error| format!("cannot write the report as JSON: {error}"))?;
            text.push('\n');
            text
        }
        Format::Text => render_text(report, source),
    };
    super::write_stdout(&output)?;
    let has_errors = report
        .findings
        .iter()
        .any(|finding| finding.severity == Severity::Error);
    Ok(if has_errors {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// The whole report for people.
fn render_text(report: &CheckReport, source: &Source<'_>) -> String {
    let mut out = String::new();
    // The lines and UTF-16 index of each field, worked out once however many findings it
    // has.
    let mut lines_of: HashMap<String, FieldLines<'_>> = HashMap::new();
    for finding in &report.findings {
        render_finding(&mut out, finding, source, &mut lines_of);
        out.push('\n');
    }
    render_summary(&mut out, report, source);
    out
}

fn render_finding<'a>(
    out: &mut String,
    finding: &Finding,
    source: &Source<'a>,
    lines_of: &mut HashMap<String, FieldLines<'a>>,
) {
    let _ = writeln!(
        out,
        "{}[{}]: {}",
        finding.severity.as_str(),
        finding.rule,
        printable(&finding.message)
    );
    let (location, text) = locate(finding, source);
    let _ = writeln!(out, "  --> {location}");
    match text {
        Some(text) if text.trim().is_empty() => {
            let _ = writeln!(out, "   = note: the field is empty");
        }
        Some(text) => {
            let field = lines_of
                .entry(finding.pointer.clone())
                .or_insert_with(|| FieldLines::new(text));
            render_text_with_marks(out, field, finding);
        }
        None => {}
    }
    for suggestion in &finding.suggestions {
        let replacement = printable(&suggestion.replacement);
        let action = match (suggestion.applicability, suggestion.target) {
            (Applicability::DisplayOnly, _) => {
                // Advice is a sentence of its own after its label.
                let joint = if replacement.starts_with(char::is_uppercase) {
                    "."
                } else {
                    ":"
                };
                let _ = writeln!(out, "   = note: {}{joint} {replacement}", suggestion.label);
                continue;
            }
            (_, SuggestionTarget::Field) => "write",
            (_, SuggestionTarget::Range) => "replace with",
        };
        let fill_in = if suggestion.applicability == Applicability::HasPlaceholders {
            " (fill in the [brackets])"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "   = help: {}: {action} \"{replacement}\"{fill_in}",
            suggestion.label
        );
    }
}

/// Where a finding is, for people, and the text of its field when it has one.
fn locate<'a>(finding: &Finding, source: &Source<'a>) -> (String, Option<&'a str>) {
    match source {
        Source::Field { field, text } => (field.label().to_owned(), Some(text)),
        Source::Plan { path, texts } => {
            let text = texts.get(&finding.pointer).copied();
            let place = describe_pointer(&finding.pointer);
            let location = if finding.pointer.is_empty() {
                format!("{path}: {place}")
            } else {
                format!("{path}: {place} ({})", finding.pointer)
            };
            (location, text)
        }
    }
}

/// "Need 1, action 2: By whom" for `/needs/0/actions/1/by_whom`.
fn describe_pointer(pointer: &str) -> String {
    if pointer.is_empty() {
        return "the plan as a whole".to_owned();
    }
    let segments: Vec<&str> = pointer.split('/').skip(1).collect();
    let ordinal = |index: &str| index.parse::<usize>().map(|n| n + 1).ok();
    let field_label = |id: &str| match FieldName::from_id(id) {
        Some(field) => field.label().to_owned(),
        None => sentence_case(&id.replace('_', " ")),
    };
    match segments.as_slice() {
        ["needs"] => "Needs".to_owned(),
        ["needs", need] => format!("Need {}", ordinal(need).unwrap_or(0)),
        ["needs", need, "need"] => format!(
            "Need {}: {}",
            ordinal(need).unwrap_or(0),
            FieldName::Need.label()
        ),
        ["needs", need, "actions"] => format!("Need {}: actions", ordinal(need).unwrap_or(0)),
        ["needs", need, "actions", action, field] => format!(
            "Need {}, action {}: {}",
            ordinal(need).unwrap_or(0),
            ordinal(action).unwrap_or(0),
            field_label(field)
        ),
        ["dates", date] => format!("{} date", sentence_case(&date.replace('_', " "))),
        ["views", who] => field_label(&format!("views_{who}")),
        [list @ ("reviews" | "visits"), index, rest @ ..] => {
            let noun = if *list == "reviews" {
                "Review"
            } else {
                "Visit"
            };
            let mut place = format!("{noun} {}", ordinal(index).unwrap_or(0));
            if let Some(part) = rest.first() {
                let _ = write!(place, ": {}", part.replace('_', " "));
            }
            place
        }
        [field] => field_label(field),
        _ => pointer.to_owned(),
    }
}

fn sentence_case(text: &str) -> String {
    let mut characters = text.chars();
    match characters.next() {
        Some(first) => first.to_uppercase().chain(characters).collect(),
        None => String::new(),
    }
}

/// The most columns of a field's line shown; a longer line is cut around the marked words.
const MAX_LINE_COLUMNS: usize = 150;
/// How many columns of context are kept before the marked words on a cut line.
const CONTEXT_COLUMNS: usize = 50;
/// When a finding spans more lines than `HEAD_LINES + TAIL_LINES + 1`, only its first
/// and last lines are shown.
const HEAD_LINES: usize = 3;
const TAIL_LINES: usize = 2;

/// A field's text split into lines, and its UTF-16 index.
struct FieldLines<'a> {
    index: Utf16Index<'a>,
    lines: Vec<(usize, &'a str)>,
}

impl<'a> FieldLines<'a> {
    fn new(text: &'a str) -> Self {
        FieldLines {
            index: Utf16Index::new(text),
            lines: line_starts(text),
        }
    }
}

/// The field's text, line by line with numbers, with `^` under the finding's range. Lines
/// the range does not touch are left out (all lines are shown when there is no range);
/// long lines are cut around the range, and control and direction characters are shown
/// visibly so that they cannot garble the terminal. `field` is worked out once per field:
/// the work per finding stays small even in a huge field.
fn render_text_with_marks(out: &mut String, field: &FieldLines<'_>, finding: &Finding) {
    let lines = field.lines.as_slice();
    let range = match (finding.start, finding.end) {
        (Some(start), Some(end)) => Some(field.index.to_byte(start)..field.index.to_byte(end)),
        _ => None,
    };
    let line_end = |(start, line): &(usize, &str)| start + line.len();
    // The lines touched are contiguous: find the first and the one past the last.
    let touched = match &range {
        None => 0..lines.len(),
        Some(range) if range.is_empty() => {
            // An empty range marks one column where it sits.
            lines.partition_point(|line| line_end(line) < range.start)
                ..lines.partition_point(|(start, _)| *start <= range.start)
        }
        Some(range) => {
            lines.partition_point(|line| line_end(line) <= range.start)
                ..lines.partition_point(|(start, _)| *start < range.end)
        }
    };
    let count = touched.len();
    let shown: Vec<usize> = if count > HEAD_LINES + TAIL_LINES + 1 {
        touched
            .clone()
            .take(HEAD_LINES)
            .chain(touched.end - TAIL_LINES..touched.end)
            .collect()
    } else {
        touched.clone().collect()
    };
    let width = shown.last().map_or(1, |last| (last + 1).to_string().len());
    let gutter = " ".repeat(width);
    let _ = writeln!(out, " {gutter} |");
    for (position, &number) in shown.iter().enumerate() {
        let Some(&(line_start, line)) = lines.get(number) else {
            continue;
        };
        if position == HEAD_LINES && count > shown.len() {
            let _ = writeln!(out, " {gutter} | … {} more lines …", count - shown.len());
        }
        let marked = range.as_ref().map(|range| {
            let end_of_line = line_start + line.len();
            let start = range.start.clamp(line_start, end_of_line);
            let end = range.end.clamp(start, end_of_line);
            (start - line_start, end - line_start)
        });
        let (display, carets) = display_line(line, marked);
        let _ = writeln!(out, " {:>width$} | {display}", number + 1);
        if let Some((column, carets)) = carets {
            let _ = writeln!(
                out,
                " {gutter} | {}{}",
                " ".repeat(column),
                "^".repeat(carets)
            );
        }
    }
    let _ = writeln!(out, " {gutter} |");
}

/// A line as shown (cut to about [`MAX_LINE_COLUMNS`] around the marked byte range when
/// longer) and the column and width of the carets under the marked part. Looks only at
/// the part of the line it shows.
fn display_line(line: &str, marked: Option<(usize, usize)>) -> (String, Option<(usize, usize)>) {
    let (mark_start, mark_end) = marked.unwrap_or((0, 0));
    let mut fits = true;
    let mut columns = 0;
    for character in line.chars() {
        columns += display_char(character).1;
        if columns > MAX_LINE_COLUMNS {
            fits = false;
            break;
        }
    }
    // The byte window shown: all of a short line, else from a little before the mark.
    let window_start = if fits {
        0
    } else {
        let mut start = mark_start.min(line.len());
        let mut context = 0;
        for (index, character) in line.get(..start).unwrap_or("").char_indices().rev() {
            context += display_char(character).1;
            if context > CONTEXT_COLUMNS {
                break;
            }
            start = index;
        }
        start
    };
    let mut display = String::new();
    if window_start > 0 {
        display.push('…');
    }
    let mut column = usize::from(window_start > 0);
    let mut caret_start = None;
    let mut caret_end = None;
    let mut window_end = line.len();
    let rest = line.get(window_start..).unwrap_or("");
    for (offset, character) in rest.char_indices() {
        let index = window_start + offset;
        if index >= mark_start && caret_start.is_none() {
            caret_start = Some(column);
        }
        if index >= mark_end && caret_end.is_none() {
            caret_end = Some(column);
        }
        let (shown, width) = display_char(character);
        if !fits && column + width > MAX_LINE_COLUMNS {
            window_end = index;
            break;
        }
        display.push_str(&shown);
        column += width;
    }
    if window_end < line.len() {
        display.push('…');
    }
    let carets = marked.map(|_| {
        let from = caret_start.unwrap_or(column);
        let to = caret_end.unwrap_or(column).max(from);
        (from, (to - from).max(1))
    });
    (display, carets)
}

/// Each line of `text` with the byte offset it starts at, without its line break.
fn line_starts(text: &str) -> Vec<(usize, &str)> {
    let mut lines = Vec::new();
    let mut start = 0;
    for line in text.split('\n') {
        lines.push((start, line.strip_suffix('\r').unwrap_or(line)));
        start += line.len() + 1;
    }
    lines
}

fn render_summary(out: &mut String, report: &CheckReport, source: &Source<'_>) {
    let counts = report.summary.counts;
    let plural = |count: usize, one: &str, many: &str| {
        format!("{count} {}", if count == 1 { one } else { many })
    };
    let what = match source {
        Source::Plan { path, .. } => (*path).to_owned(),
        Source::Field { field, .. } => format!("the \"{}\" text", field.label()),
    };
    let mut line = format!(
        "{what}: {}, {}, {}",
        plural(counts.error, "error", "errors"),
        plural(counts.warning, "warning", "warnings"),
        plural(counts.info, "info", "info")
    );
    if report.summary.ignored > 0 {
        let _ = write!(line, " ({} ignored)", report.summary.ignored);
    }
    let _ = writeln!(out, "{line}");
    let _ = writeln!(
        out,
        "SMART: {}   score {}/100",
        letters(&report.summary.plan),
        report.summary.score
    );
}

/// "S ✗  M ✗  A ~  R ✓  T ✗": met, warnings only, errors.
fn letters(statuses: &[LetterStatus]) -> String {
    Smart::ALL
        .into_iter()
        .map(|letter| {
            let status = statuses.iter().find(|status| status.letter == letter);
            let mark = match status
                .and_then(|status| status.because.iter().map(|finding| finding.severity).max())
            {
                Some(Severity::Error) => "✗",
                Some(Severity::Warning) => "~",
                _ => "✓",
            };
            format!("{letter:?} {mark}")
        })
        .collect::<Vec<_>>()
        .join("  ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(start: usize, end: usize) -> Finding {
        Finding {
            rule: "vague-term".to_owned(),
            severity: Severity::Error,
            smart: vec![Smart::T],
            pointer: "/needs/0/actions/0/by_when".to_owned(),
            start: Some(start),
            end: Some(end),
            message: "m".to_owned(),
            suggestions: Vec::new(),
        }
    }

    fn marked(text: &str, start: usize, end: usize) -> String {
        let mut out = String::new();
        render_text_with_marks(&mut out, &FieldLines::new(text), &finding(start, end));
        out
    }

    #[test]
    fn carets_count_terminal_columns_not_bytes_or_utf16_units() {
        // "Tommy’s" has a 3-byte apostrophe; "😀" is 2 UTF-16 units and 2 columns wide; the
        // combining accent of "é" takes no column.
        let text = "Tommy’s 😀 e\u{301} ASAP";
        // "ASAP" starts at UTF-16 unit 14 (T-o-m-m-y-’-s-space = 8, 😀 = 2, space, e,
        // accent, space = 4); on screen at column 8 + 2 + 1 + 1 + 0 + 1 = 13.
        let out = marked(text, 14, 18);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[1], " 1 | Tommy’s 😀 e\u{301} ASAP");
        assert_eq!(lines[2], format!("   | {}^^^^", " ".repeat(13)));
    }

    #[test]
    fn control_and_direction_characters_are_shown_not_obeyed() {
        // A NUL, a lone carriage return and a right-to-left override would garble a
        // terminal; the carets still line up under "ASAP".
        let text = "a\0b\rc\u{202e}d ASAP";
        let out = marked(text, 8, 12);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[1], " 1 | a␀b␍c<U+202E>d ASAP");
        assert_eq!(lines[2], format!("   | {}^^^^", " ".repeat(15)));
        assert_eq!(printable("x\u{202e}y\0\n"), "x<U+202E>y␀␊");
    }

    #[test]
    fn a_long_line_is_cut_around_the_marked_words() {
        let text = format!("{}ASAP{}", "word ".repeat(1000), " more".repeat(1000));
        let out = marked(&text, 5000, 5004);
        let lines: Vec<&str> = out.lines().collect();
        assert!(lines[1].starts_with(" 1 | …"), "{out}");
        assert!(lines[1].ends_with('…'), "{out}");
        let caret_column = lines[2].find('^').unwrap_or(0);
        assert_eq!(
            lines[1].chars().nth(caret_column).unwrap_or(' '),
            'A',
            "{out}"
        );
        assert!(lines[1].chars().count() < MAX_LINE_COLUMNS + 10, "{out}");
    }

    #[test]
    fn a_range_over_many_lines_shows_its_first_and_last_lines() {
        let text = (1..=20)
            .map(|n| format!("line {n}"))
            .collect::<Vec<_>>()
            .join("\n");
        let end = text.len();
        let out = marked(&text, 0, end);
        assert!(out.contains(" 3 | line 3\n"), "{out}");
        assert!(out.contains("… 15 more lines …"), "{out}");
        assert!(out.contains("19 | line 19\n"), "{out}");
        assert!(!out.contains("line 4\n"), "{out}");
    }

    #[test]
    fn only_the_marked_lines_of_a_long_text_are_shown() {
        let text = "First line\nSecond ongoing line\nThird";
        let mut out = String::new();
        render_text_with_marks(&mut out, &FieldLines::new(text), &finding(18, 25));
        assert!(
            out.contains(" 2 | Second ongoing line\n   |        ^^^^^^^\n"),
            "{out}"
        );
        assert!(!out.contains("First"), "{out}");
    }

    #[test]
    fn pointers_read_as_places_in_the_plan() {
        assert_eq!(
            describe_pointer("/needs/0/actions/1/by_whom"),
            "Need 1, action 2: By whom"
        );
        assert_eq!(
            describe_pointer("/dates/planning_meeting"),
            "Planning meeting date"
        );
        assert_eq!(describe_pointer("/views/child"), "Child's views");
        assert_eq!(describe_pointer("/reviews/2/chair"), "Review 3: chair");
        assert_eq!(describe_pointer("/contingency"), "Contingency");
        assert_eq!(describe_pointer(""), "the plan as a whole");
    }
}
