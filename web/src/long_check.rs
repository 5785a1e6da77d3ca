//! The check of a plan that holds a long field (a paste of a long report, say), in a
//! worker that runs the embed's WebAssembly (see `web/long-check-worker.js` for why that
//! build; `on_demand.js` beside this file starts it as the last part of loading the page).
//! It gives the same `CheckReport` the editor's own check gives for the same plan, profile
//! and day, and the editor checks on the page when the worker cannot.
//!
//! The report comes back in a plain form of its own rather than as JSON (see
//! [`read_report`]): serde's readers for the findings and the summary would have added
//! about 9 KB of gzip to the editor's first download (measured); this reader is a few
//! dozen lines, and the summary is worked out here again from the findings, as the core
//! does.

use cinplan_core::check::{fields, CheckReport};
use cinplan_core::finding::{
    Applicability, Finding, Severity, Smart, Suggestion, SuggestionTarget,
};
use cinplan_core::plan::Plan;
use cinplan_core::summary::summarise;
use wasm_bindgen::prelude::*;

/// A free-text field longer than this (in bytes, a bound on its characters) is long: it is
/// checked only after a pause in typing, and in the worker.
pub const LONG_FIELD: usize = 20_000;

#[wasm_bindgen(module = "/src/on_demand.js")]
extern "C" {
    #[wasm_bindgen(js_name = checkInWorker)]
    fn check_in_worker(plan: &str, profile: &str, today: &str, done: JsValue) -> bool;

    /// Starts the worker (it fetches its files at once), unless it runs already.
    #[wasm_bindgen(js_name = startWorker)]
    pub fn start_worker() -> bool;
}

/// Whether any free-text field of `plan` is long.
pub fn has_long_field(plan: &Plan) -> bool {
    fields(plan)
        .iter()
        .any(|field| field.text.len() > LONG_FIELD)
}

/// Asks the worker to check the plan (`plan` and `profile` as their JSON text, `today` as
/// `YYYY-MM-DD`). `done` is called once, later: with the report as [`read_report`] reads it, or `None` when
/// the worker could not check it. Returns false, without calling `done`, when there is no
/// worker to ask (it failed to start before).
pub fn request(
    plan: &str,
    profile: &str,
    today: &str,
    done: impl FnOnce(Option<String>) + 'static,
) -> bool {
    check_in_worker(plan, profile, today, Closure::once_into_js(done))
}

/// Reads the report of a check of `plan` as the worker writes it (`encode` in
/// web/long-check-worker.js): a run of values, each its length in UTF-16 code units
/// (JavaScript's string length), a colon and its text; a number is its decimal text and a
/// missing number the empty text. First the findings the plan's suppressions silenced,
/// then the others, each list its length and then its findings in order (see
/// [`Values::finding`]). `None` when the text is not such a report.
pub fn read_report(text: &str, plan: &Plan) -> Option<CheckReport> {
    let mut values = Values(text);
    let ignored = values.findings()?;
    let findings = values.findings()?;
    if !values.0.is_empty() {
        return None;
    }
    let summary = summarise(plan, &findings, ignored.len());
    Some(CheckReport {
        findings,
        ignored,
        summary,
    })
}

/// The rest of a report being read.
struct Values<'a>(&'a str);

impl<'a> Values<'a> {
    fn text(&mut self) -> Option<&'a str> {
        let (length, rest) = self.0.split_once(':')?;
        let length: usize = length.parse().ok()?;
        let (mut units, mut end) = (0, 0);
        for character in rest.chars() {
            if units >= length {
                break;
            }
            units += character.len_utf16();
            end += character.len_utf8();
        }
        let (text, rest) = rest.split_at_checked(end)?;
        self.0 = rest;
        (units == length).then_some(text)
    }

    fn number(&mut self) -> Option<usize> {
        self.text()?.parse().ok()
    }

    fn optional_number(&mut self) -> Option<Option<usize>> {
        match self.text()? {
            "" => Some(None),
            digits => digits.parse().ok().map(Some),
        }
    }

    /// How many, then each.
    fn list<T>(&mut self, mut each: impl FnMut(&mut Self) -> Option<T>) -> Option<Vec<T>> {
        let count = self.number()?;
        // Each value takes at least two characters: a count past that is not a report's.
        let mut items = Vec::with_capacity(count.min(self.0.len() / 2));
        for _ in 0..count {
            items.push(each(self)?);
        }
        Some(items)
    }

    fn findings(&mut self) -> Option<Vec<Finding>> {
        self.list(Values::finding)
    }

    /// A finding: its rule, severity, SMART letters (as one text, "SM"), pointer, start,
    /// end, message and suggestions; a suggestion: its label, replacement, applicability,
    /// target and placeholders (each its start and end). Names as in the JSON.
    fn finding(&mut self) -> Option<Finding> {
        Some(Finding {
            rule: self.text()?.to_owned(),
            severity: match self.text()? {
                "info" => Severity::Info,
                "warning" => Severity::Warning,
                "error" => Severity::Error,
                _ => return None,
            },
            smart: self
                .text()?
                .chars()
                .map(|letter| Smart::ALL.get("SMART".find(letter)?).copied())
                .collect::<Option<_>>()?,
            pointer: self.text()?.to_owned(),
            start: self.optional_number()?,
            end: self.optional_number()?,
            message: self.text()?.to_owned(),
            suggestions: self.list(Values::suggestion)?,
        })
    }

    fn suggestion(&mut self) -> Option<Suggestion> {
        Some(Suggestion {
            label: self.text()?.to_owned(),
            replacement: self.text()?.to_owned(),
            applicability: match self.text()? {
                "safe" => Applicability::Safe,
                "has-placeholders" => Applicability::HasPlaceholders,
                "display-only" => Applicability::DisplayOnly,
                _ => return None,
            },
            target: match self.text()? {
                "range" => SuggestionTarget::Range,
                "field" => SuggestionTarget::Field,
                _ => return None,
            },
            placeholders: self.list(|values| Some(values.number()?..values.number()?))?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// What `encode` in web/long-check-worker.js writes, value for value, for these tests
    /// (the browser tests check the two against each other through the editor).
    fn encoded(ignored: &[Finding], findings: &[Finding]) -> String {
        fn put(out: &mut String, text: &str) {
            out.push_str(&format!("{}:{text}", text.encode_utf16().count()));
        }
        fn list(out: &mut String, found: &[Finding]) {
            put(out, &found.len().to_string());
            for finding in found {
                let smart: String = finding
                    .smart
                    .iter()
                    .map(|letter| format!("{letter:?}"))
                    .collect();
                let number =
                    |value: Option<usize>| value.map(|n| n.to_string()).unwrap_or_default();
                put(out, &finding.rule);
                put(out, finding.severity.as_str());
                put(out, &smart);
                put(out, &finding.pointer);
                put(out, &number(finding.start));
                put(out, &number(finding.end));
                put(out, &finding.message);
                put(out, &finding.suggestions.len().to_string());
                for suggestion in &finding.suggestions {
                    put(out, &suggestion.label);
                    put(out, &suggestion.replacement);
                    put(out, &serde_name(&suggestion.applicability));
                    put(out, &serde_name(&suggestion.target));
                    put(out, &suggestion.placeholders.len().to_string());
                    for placeholder in &suggestion.placeholders {
                        put(out, &placeholder.start.to_string());
                        put(out, &placeholder.end.to_string());
                    }
                }
            }
        }
        let mut out = String::new();
        list(&mut out, ignored);
        list(&mut out, findings);
        out
    }

    /// An enum's name as serde writes it (what the worker reads from the report's JSON).
    fn serde_name<T: serde::Serialize>(value: &T) -> String {
        serde_json::to_value(value)
            .ok()
            .and_then(|value| value.as_str().map(str::to_owned))
            .unwrap_or_default()
    }

    fn finding(rule: &str, message: &str) -> Finding {
        Finding {
            rule: rule.to_owned(),
            severity: Severity::Warning,
            smart: vec![Smart::S, Smart::T],
            pointer: "/needs/0/actions/0/action".to_owned(),
            start: Some(3),
            end: Some(10),
            message: message.to_owned(),
            suggestions: vec![Suggestion {
                label: "Say when".to_owned(),
                replacement: "by [date]".to_owned(),
                applicability: Applicability::HasPlaceholders,
                target: SuggestionTarget::Range,
                placeholders: std::iter::once(3..9).collect(),
            }],
        }
    }

    #[test]
    fn a_report_reads_back_with_its_summary_worked_out_again() {
        let plan = Plan::new_blank();
        let ignored = vec![finding("vague-term", "Ignored: \"ongoing\".")];
        let mut whole = finding("no-date", "😀 is two UTF-16 units: \"by 3:00\"");
        whole.start = None;
        whole.end = None;
        whole.severity = Severity::Error;
        whole.suggestions.clear();
        let findings = vec![finding("vague-term", "\"Support\" says nothing.\n"), whole];
        let report = read_report(&encoded(&ignored, &findings), &plan);
        assert_eq!(
            report,
            Some(CheckReport {
                summary: summarise(&plan, &findings, 1),
                findings,
                ignored,
            })
        );
    }

    #[test]
    fn anything_but_a_whole_report_is_refused() {
        let plan = Plan::new_blank();
        let good = encoded(&[], &[finding("vague-term", "Ongoing.")]);
        assert!(read_report(&good, &plan).is_some());
        for bad in [
            String::new(),
            good[..good.len() - 1].to_owned(),
            format!("{good}1:x"),
            good.replace("7:warning", "7:warnin!"),
            good.replace("2:ST", "2:SX"),
            good.replace("16:has-placeholders", "16:has-placeholderz"),
            // A count far past what the text could hold is not believed.
            "1:01:9999999999".to_owned(),
            // A length that ends inside a character of two UTF-16 units.
            "1:01:11:😀".to_owned(),
        ] {
            assert_eq!(read_report(&bad, &plan), None, "{bad:?}");
        }
    }

    fn any_text() -> impl Strategy<Value = String> {
        proptest::string::string_regex("[a-z0-9: \"\n😀é\u{0}]{0,12}")
            .unwrap_or_else(|error| panic!("{error}"))
    }

    fn any_finding() -> impl Strategy<Value = Finding> {
        (
            any_text(),
            any_text(),
            proptest::option::of(0usize..500),
            proptest::option::of(0usize..500),
            proptest::collection::vec((any_text(), any_text(), 0usize..9, 0usize..9), 0..3),
            0usize..3,
            proptest::collection::vec(0usize..5, 0..5),
        )
            .prop_map(
                |(rule, message, start, end, suggestions, severity, smart)| Finding {
                    rule,
                    severity: [Severity::Info, Severity::Warning, Severity::Error][severity],
                    smart: smart.into_iter().map(|letter| Smart::ALL[letter]).collect(),
                    pointer: "/needs/1/actions/2/by_when".to_owned(),
                    start,
                    end,
                    message,
                    suggestions: suggestions
                        .into_iter()
                        .map(|(label, replacement, from, to)| Suggestion {
                            label,
                            replacement,
                            applicability: if from % 2 == 0 {
                                Applicability::Safe
                            } else {
                                Applicability::DisplayOnly
                            },
                            target: if to % 2 == 0 {
                                SuggestionTarget::Field
                            } else {
                                SuggestionTarget::Range
                            },
                            placeholders: std::iter::once(from..to).collect(),
                        })
                        .collect(),
                },
            )
    }

    proptest! {
        #[test]
        fn any_findings_read_back_as_they_were(
            ignored in proptest::collection::vec(any_finding(), 0..3),
            findings in proptest::collection::vec(any_finding(), 0..6),
        ) {
            let plan = Plan::new_blank();
            let report = read_report(&encoded(&ignored, &findings), &plan);
            prop_assert_eq!(
                report,
                Some(CheckReport {
                    summary: summarise(&plan, &findings, ignored.len()),
                    findings,
                    ignored,
                })
            );
        }
    }
}
