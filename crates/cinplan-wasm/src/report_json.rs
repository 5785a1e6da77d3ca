//! `checkPlan`'s report as JSON text, reusing the text of the findings and summary rows
//! that have not changed since the previous report.
//!
//! After a keystroke the plan checker re-runs the rules of one field, but the report still
//! holds every finding of the plan: a hundred findings and forty rows of SMART letters for
//! a 40-row plan, about 100 KB of JSON, written again on every call. Most of them are equal
//! to the previous report's, in the same order (findings are sorted by pointer, and only
//! the edited field's stretch moves), so their text is taken from there.
//!
//! The text is exactly what `ascii_json::to_string` writes for the whole report (the tests
//! compare them), so the objects JavaScript reads are the same.

use crate::ascii_json;
use cinplan_core::check::CheckReport;
use cinplan_core::finding::Finding;
use cinplan_core::summary::RowSummary;
use serde::Serialize;

/// How far ahead in the previous report a finding or row is looked for: a keystroke adds
/// or removes a few findings of one field.
const LOOK_AHEAD: usize = 8;

/// The previous report's findings and summary rows, each with its JSON text.
#[derive(Debug, Default)]
pub struct ReportJson {
    findings: Vec<(Finding, String)>,
    rows: Vec<(RowSummary, String)>,
}

impl ReportJson {
    pub fn new() -> ReportJson {
        ReportJson::default()
    }

    /// The report's JSON text; remembers its findings and rows for the next call.
    pub fn write(&mut self, report: CheckReport) -> serde_json::Result<String> {
        let CheckReport {
            findings,
            ignored,
            summary,
        } = report;
        let mut out = String::with_capacity(
            self.findings
                .iter()
                .map(|(_, text)| text.len() + 1)
                .sum::<usize>()
                + self
                    .rows
                    .iter()
                    .map(|(_, text)| text.len() + 1)
                    .sum::<usize>()
                + 1024,
        );
        out.push_str("{\"findings\":");
        self.findings = write_reusing(findings, std::mem::take(&mut self.findings), &mut out)?;
        out.push_str(",\"ignored\":");
        out.push_str(&ascii_json::to_string(&ignored)?);
        out.push_str(",\"summary\":{\"rows\":");
        self.rows = write_reusing(summary.rows, std::mem::take(&mut self.rows), &mut out)?;
        for (key, text) in [
            ("sections", ascii_json::to_string(&summary.sections)?),
            ("plan", ascii_json::to_string(&summary.plan)?),
            ("counts", ascii_json::to_string(&summary.counts)?),
            ("ignored", ascii_json::to_string(&summary.ignored)?),
            ("score", ascii_json::to_string(&summary.score)?),
        ] {
            out.push_str(",\"");
            out.push_str(key);
            out.push_str("\":");
            out.push_str(&text);
        }
        out.push_str("}}");
        Ok(out)
    }

    /// Forgets the previous report (its memory goes with it).
    pub fn clear(&mut self) {
        *self = ReportJson::default();
    }
}

/// Writes `items` as a JSON array, taking each one's text from `previous` when it is
/// there unchanged (at most `LOOK_AHEAD` places after the last one reused). Returns the
/// items with their texts, for the next call.
fn write_reusing<T: Serialize + PartialEq>(
    items: Vec<T>,
    mut previous: Vec<(T, String)>,
    out: &mut String,
) -> serde_json::Result<Vec<(T, String)>> {
    let mut written = Vec::with_capacity(items.len());
    let mut cursor = 0;
    out.push('[');
    for (index, item) in items.into_iter().enumerate() {
        if index > 0 {
            out.push(',');
        }
        let reused = previous
            .get(cursor..)
            .unwrap_or_default()
            .iter()
            .take(LOOK_AHEAD)
            .position(|(old, _)| *old == item);
        let text = match reused {
            Some(offset) => {
                cursor += offset + 1;
                previous
                    .get_mut(cursor - 1)
                    .map(|(_, text)| std::mem::take(text))
                    .unwrap_or_default()
            }
            None => ascii_json::to_string(&item)?,
        };
        out.push_str(&text);
        written.push((item, text));
    }
    out.push(']');
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use cinplan_core::check::{check_plan, CheckOptions};
    use cinplan_core::plan::Plan;
    use cinplan_core::profile::Profile;

    fn report_of(plan: &Plan) -> CheckReport {
        let profile = Profile::default_profile();
        let options = CheckOptions {
            today: NaiveDate::from_ymd_opt(2026, 12, 1).expect("a real date"),
            profile: &profile,
        };
        check_plan(plan, options)
    }

    fn tommy() -> Plan {
        let text = include_str!("../../cinplan-core/tests/fixtures/tommy-unhelpful.json");
        Plan::from_json(text).expect("the fixture reads")
    }

    #[test]
    fn writes_what_serde_json_writes_for_the_whole_report() {
        let report = report_of(&tommy());
        assert!(!report.findings.is_empty() && !report.summary.rows.is_empty());
        let expected = ascii_json::to_string(&report).expect("serialises");
        let mut writer = ReportJson::new();
        assert_eq!(writer.write(report.clone()).expect("writes"), expected);
        // Again, every finding and row now taken from the previous report.
        assert_eq!(writer.write(report.clone()).expect("writes"), expected);
        // JavaScript reads the same values as from serde_json's own text.
        let read: serde_json::Value = serde_json::from_str(&expected).expect("reads");
        assert_eq!(read, serde_json::to_value(&report).expect("serialises"));
    }

    #[test]
    fn text_past_ascii_is_escaped_and_reads_back_the_same() {
        let mut plan = tommy();
        plan.needs[0].actions[0].action = "Zoë’s “ongoing” support 😀".to_owned();
        let report = report_of(&plan);
        let text = ReportJson::new().write(report.clone()).expect("writes");
        assert!(text.is_ascii());
        // The rules' own messages hold an ellipsis.
        assert!(text.contains(r"\u2026"), "{text}");
        let read: serde_json::Value = serde_json::from_str(&text).expect("reads");
        assert_eq!(read, serde_json::to_value(&report).expect("serialises"));
    }

    #[test]
    fn after_edits_the_text_is_still_the_whole_report() {
        let mut plan = tommy();
        let mut writer = ReportJson::new();
        let edits: [fn(&mut Plan); 5] = [
            |plan| plan.needs[0].actions[0].action.push_str(" ongoing"),
            |plan| plan.needs[0].actions[0].by_when = "ASAP".to_owned(),
            |plan| plan.needs[0].actions[0].action.clear(),
            |plan| plan.contingency = "We will monitor it as appropriate.".to_owned(),
            |plan| plan.needs.clear(),
        ];
        for edit in edits {
            edit(&mut plan);
            let report = report_of(&plan);
            let expected = ascii_json::to_string(&report).expect("serialises");
            assert_eq!(writer.write(report).expect("writes"), expected);
        }
        writer.clear();
        let report = report_of(&tommy());
        let expected = ascii_json::to_string(&report).expect("serialises");
        assert_eq!(writer.write(report).expect("writes"), expected);
    }

    #[test]
    fn a_changed_finding_is_written_anew() {
        let mut writer = ReportJson::new();
        let report = report_of(&tommy());
        writer.write(report.clone()).expect("writes");
        let mut changed = report;
        let first = changed.findings.first_mut().expect("a finding");
        first.message = "a message of its own".to_owned();
        let text = writer.write(changed).expect("writes");
        assert!(text.contains("a message of its own"));
    }
}
