//! `cinplan rules` lists the checks; `cinplan explain RULE` prints one rule's documentation.

use std::fmt::Write as _;
use std::process::ExitCode;

use cinplan_core::finding::{Severity, Smart};
use cinplan_core::rules::{registry, FieldName, RuleMeta};
use serde::Serialize;

use super::check::Format;

#[derive(Debug, clap::Args)]
pub struct ListArgs {
    #[arg(long, value_enum, default_value = "text")]
    pub format: Format,
}

#[derive(Debug, clap::Args)]
pub struct ExplainArgs {
    /// The rule's id, as `cinplan rules` lists it (e.g. vague-timescale).
    pub rule: String,
}

/// One line of the catalogue, as JSON.
#[derive(Debug, Serialize)]
struct CatalogueEntry {
    id: &'static str,
    severity: Severity,
    smart: &'static [Smart],
    /// The fields it reads; empty for a check of the whole plan.
    fields: Vec<&'static str>,
    source: &'static str,
    summary: &'static str,
}

fn metas() -> impl Iterator<Item = &'static RuleMeta> {
    registry::all().iter().map(|rule| rule.meta())
}

pub fn list(args: ListArgs) -> Result<ExitCode, String> {
    match args.format {
        Format::Json => {
            let entries: Vec<CatalogueEntry> = metas()
                .map(|meta| CatalogueEntry {
                    id: meta.id,
                    severity: meta.severity,
                    smart: meta.smart,
                    fields: meta.fields.iter().map(|field| field.id()).collect(),
                    source: meta.source,
                    summary: meta.docs.summary,
                })
                .collect();
            let text = serde_json::to_string_pretty(&entries)
                .map_err(|error| format!("cannot write the rules as JSON: {error}"))?;
            super::write_stdout(&format!("{text}\n"))?;
        }
        Format::Text => super::write_stdout(&catalogue_text())?,
    }
    Ok(ExitCode::SUCCESS)
}

fn smart_letters(smart: &[Smart]) -> String {
    if smart.is_empty() {
        "-".to_owned()
    } else {
        smart.iter().map(|letter| format!("{letter:?}")).collect()
    }
}

fn field_list(fields: &[FieldName]) -> String {
    if fields.is_empty() {
        "whole plan".to_owned()
    } else if fields.len() == FieldName::ALL.len() {
        "all fields".to_owned()
    } else {
        fields
            .iter()
            .map(|field| field.id())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

fn catalogue_text() -> String {
    let width = metas().map(|meta| meta.id.len()).max().unwrap_or(0);
    let mut out = String::new();
    for meta in metas() {
        let _ = writeln!(
            out,
            "{:<width$}  {:<7}  {:<5}  {}",
            meta.id,
            meta.severity.as_str(),
            smart_letters(meta.smart),
            field_list(meta.fields)
        );
        for line in wrap(meta.docs.summary, 84) {
            let _ = writeln!(out, "    {line}");
        }
        let _ = writeln!(out, "    Source: {}", meta.source);
    }
    out
}

pub fn explain(args: ExplainArgs) -> Result<ExitCode, String> {
    let wanted = args.rule.trim().to_lowercase();
    let Some(rule) = registry::find(&wanted) else {
        let ids: Vec<&str> = metas().map(|meta| meta.id).collect();
        let hint = closest(&wanted, &ids)
            .map(|id| format!("Did you mean \"{id}\"? "))
            .unwrap_or_default();
        return Err(format!(
            "there is no rule called \"{}\". {hint}The rules are: {}",
            args.rule,
            ids.join(", ")
        ));
    };
    super::write_stdout(&explanation(rule.meta()))?;
    Ok(ExitCode::SUCCESS)
}

fn explanation(meta: &RuleMeta) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", meta.id);
    let _ = writeln!(
        out,
        "Severity: {}   SMART: {}   Reads: {}",
        meta.severity.as_str(),
        smart_letters(meta.smart),
        field_list(meta.fields)
    );
    let _ = writeln!(out, "Source: {}", meta.source);
    for (heading, body) in [
        ("What it flags", meta.docs.summary),
        ("Why it matters", meta.docs.why),
        ("Example", meta.docs.example),
        ("Write instead", meta.docs.instead),
    ] {
        let _ = writeln!(out, "\n{heading}");
        for line in wrap(body, 84) {
            let _ = writeln!(out, "  {line}");
        }
    }
    out
}

/// Words joined into lines of at most `width` characters (a longer word gets its own line).
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// The id nearest to what was typed: one that contains it, or within a few edits of it.
fn closest<'a>(wanted: &str, ids: &[&'a str]) -> Option<&'a str> {
    if wanted.len() >= 3 {
        if let Some(id) = ids.iter().find(|id| id.contains(wanted)) {
            return Some(id);
        }
    }
    ids.iter()
        .map(|id| (edit_distance(wanted, id), *id))
        .filter(|(distance, _)| *distance <= 3)
        .min()
        .map(|(_, id)| id)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, a_char) in a.chars().enumerate() {
        let mut current = vec![i + 1];
        for (j, b_char) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(a_char != *b_char);
            current.push(substitution.min(previous[j + 1] + 1).min(current[j] + 1));
        }
        previous = current;
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn close_ids_are_suggested() {
        let ids = ["vague-timescale", "vague-need", "unnamed-owner"];
        assert_eq!(closest("vague-timescal", &ids), Some("vague-timescale"));
        assert_eq!(closest("timescale", &ids), Some("vague-timescale"));
        assert_eq!(closest("unamed-owner", &ids), Some("unnamed-owner"));
        assert_eq!(closest("spelling", &ids), None);
    }

    #[test]
    fn wrapping_keeps_words_whole() {
        assert_eq!(wrap("one two three four", 9), ["one two", "three", "four"]);
        assert!(wrap("", 10).is_empty());
    }
}
