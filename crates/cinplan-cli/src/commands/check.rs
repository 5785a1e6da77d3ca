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
    print!("{output}");
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
    for finding in &report.findings {
        render_finding(&mut out, finding, source);
        out.push('\n');
    }
    render_summary(&mut out, report, source);
    out
}

fn render_finding(out: &mut String, finding: &Finding, source: &Source<'_>) {
    let _ = writeln!(
        out,
        "{}[{}]: {}",
        finding.severity.as_str(),
        finding.rule,
        finding.message
    );
    let (location, text) = locate(finding, source);
    let _ = writeln!(out, "  --> {location}");
    match text {
        Some(text) if text.trim().is_empty() => {
            let _ = writeln!(out, "   = note: the field is empty");
        }
        Some(text) => render_text_with_marks(out, text, finding),
        None => {}
    }
    for suggestion in &finding.suggestions {
        let action = match (suggestion.applicability, suggestion.target) {
            (Applicability::DisplayOnly, _) => {
                let _ = writeln!(
                    out,
                    "   = note: {}: {}",
                    suggestion.label, suggestion.replacement
                );
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
            "   = help: {}: {action} \"{}\"{fill_in}",
            suggestion.label, suggestion.replacement
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

/// The field's text, line by line with numbers, with `^` under the finding's range.
fn render_text_with_marks(out: &mut String, text: &str, finding: &Finding) {
    let range = match (finding.start, finding.end) {
        (Some(start), Some(end)) => {
            let index = Utf16Index::new(text);
            Some(index.to_byte(start)..index.to_byte(end))
        }
        _ => None,
    };
    let lines: Vec<(usize, &str)> = line_starts(text);
    let width = lines.len().to_string().len();
    let gutter = " ".repeat(width);
    let _ = writeln!(out, " {gutter} |");
    for (number, (line_start, line)) in lines.iter().enumerate() {
        let line_end = line_start + line.len();
        let marked = range.as_ref().and_then(|range| {
            let touches = if range.is_empty() {
                // An empty range marks one column where it sits.
                *line_start <= range.start && range.start <= line_end
            } else {
                range.start < line_end && *line_start < range.end
            };
            touches.then(|| {
                let start = range.start.clamp(*line_start, line_end);
                let end = range.end.clamp(start, line_end);
                (start - line_start, end - line_start)
            })
        });
        // Only the lines the range touches, when there is a range.
        if range.is_some() && marked.is_none() {
            continue;
        }
        let shown = line.replace('\t', " ");
        let _ = writeln!(out, " {:>width$} | {shown}", number + 1);
        if let Some((start, end)) = marked {
            let column = line.get(..start).map_or(0, |before| before.chars().count());
            let carets = line
                .get(start..end)
                .map_or(0, |inside| inside.chars().count())
                .max(1);
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

    #[test]
    fn carets_count_characters_not_bytes_or_utf16_units() {
        // "Tommy’s" has a 3-byte apostrophe; "😀" is 2 UTF-16 units and 1 character.
        let text = "Tommy’s 😀 ASAP";
        let mut out = String::new();
        // "ASAP" starts at UTF-16 unit 11 (T-o-m-m-y-’-s-space = 8, 😀 = 2, space = 1).
        render_text_with_marks(&mut out, text, &finding(11, 15));
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[1], " 1 | Tommy’s 😀 ASAP");
        assert_eq!(lines[2], "   |           ^^^^");
    }

    #[test]
    fn only_the_marked_lines_of_a_long_text_are_shown() {
        let text = "First line\nSecond ongoing line\nThird";
        let mut out = String::new();
        render_text_with_marks(&mut out, text, &finding(18, 25));
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
