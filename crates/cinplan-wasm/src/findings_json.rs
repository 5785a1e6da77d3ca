//! Findings as JSON text, each distinct message and its suggestions written once.
//!
//! A long paste has thousands of findings but few distinct messages: the same vague word
//! gives the same message and the same suggestions wherever it stands. Those are most of a
//! finding's text (about four fifths), and writing them means escaping every character.
//! Here each distinct pair is written once per call and its text copied after that. The
//! text is exactly what [`ascii_json::to_string`] writes for the same findings (the tests
//! compare them), so JavaScript reads the same objects.

use cinplan_core::finding::{Finding, Severity, Smart, Suggestion};
use serde::Serialize;

use crate::ascii_json;

/// A finding's fields before its message, as `Finding` writes them (same names, order and
/// omissions; the tests check the whole text against `Finding`'s own).
#[derive(Serialize)]
struct Head<'a> {
    rule: &'a str,
    severity: Severity,
    smart: &'a [Smart],
    pointer: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    start: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end: Option<usize>,
}

/// The message and suggestions of a finding, written as the end of its JSON object.
#[derive(Serialize)]
struct Tail<'a> {
    message: &'a str,
    suggestions: &'a [Suggestion],
}

/// Writes findings, remembering the text of each message and suggestions it has written.
#[derive(Debug, Default)]
pub struct FindingsJson<'a> {
    /// Each message and suggestions written, and the text of both, from the comma before
    /// `"message"` to the closing brace of the finding. A list, not a map: a call has a few
    /// dozen distinct messages, and comparing strings (most differ in length or their
    /// first words) is quicker than hashing them, and smaller to download.
    tails: Vec<(&'a str, &'a [Suggestion], String)>,
}

impl<'a> FindingsJson<'a> {
    pub fn new() -> Self {
        FindingsJson::default()
    }

    /// Appends `finding` as a JSON object to `out`.
    pub fn write(&mut self, finding: &'a Finding, out: &mut String) -> serde_json::Result<()> {
        let head = ascii_json::to_string(&Head {
            rule: &finding.rule,
            severity: finding.severity,
            smart: &finding.smart,
            pointer: &finding.pointer,
            start: finding.start,
            end: finding.end,
        })?;
        // The head's object without its closing brace: the tail goes on from there.
        out.push_str(head.strip_suffix('}').unwrap_or(&head));
        if let Some((_, _, text)) = self.tails.iter().find(|(message, suggestions, _)| {
            *message == finding.message && *suggestions == finding.suggestions.as_slice()
        }) {
            out.push_str(text);
            return Ok(());
        }
        let tail = ascii_json::to_string(&Tail {
            message: &finding.message,
            suggestions: &finding.suggestions,
        })?;
        // `{"message":…}` becomes `,"message":…}`.
        let text = format!(",{}", tail.strip_prefix('{').unwrap_or(&tail));
        out.push_str(&text);
        self.tails
            .push((&finding.message, &finding.suggestions, text));
        Ok(())
    }
}

/// `findings` as a JSON array: what `ascii_json::to_string(findings)` writes.
pub fn to_string(findings: &[Finding]) -> serde_json::Result<String> {
    let mut out = String::with_capacity(findings.len() * 512 + 2);
    let mut writer = FindingsJson::new();
    out.push('[');
    for (index, finding) in findings.iter().enumerate() {
        if index > 0 {
            out.push(',');
        }
        writer.write(finding, &mut out)?;
    }
    out.push(']');
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use cinplan_core::check::{check_field, check_plan, CheckOptions};
    use cinplan_core::plan::Plan;
    use cinplan_core::profile::Profile;
    use cinplan_core::rules::FieldName;

    fn options(profile: &Profile) -> CheckOptions<'_> {
        CheckOptions {
            today: NaiveDate::from_ymd_opt(2026, 12, 1).expect("a real date"),
            profile,
        }
    }

    #[test]
    fn writes_what_ascii_json_writes_for_a_plans_findings() {
        let profile = Profile::default_profile();
        for fixture in [
            include_str!("../../cinplan-core/tests/fixtures/tommy-unhelpful.json"),
            include_str!("../../cinplan-core/tests/fixtures/tommy-good.json"),
        ] {
            let plan = Plan::from_json(fixture).expect("the fixture reads");
            let findings = check_plan(&plan, options(&profile)).findings;
            assert!(!findings.is_empty());
            assert_eq!(
                to_string(&findings).expect("writes"),
                ascii_json::to_string(&findings).expect("writes")
            );
        }
    }

    #[test]
    fn repeated_messages_are_written_alike_with_their_own_places() {
        let profile = Profile::default_profile();
        // The same vague words again and again, with curly quotes, an accent and an emoji,
        // and one finding whose message repeats with other suggestions.
        let text = "Zoë’s “ongoing” support ASAP, ongoing 😀. Monitor as appropriate; \
                    ongoing. "
            .repeat(20);
        let findings = check_field(&text, FieldName::Progress, None, options(&profile));
        assert!(findings.len() > 40);
        let written = to_string(&findings).expect("writes");
        assert_eq!(written, ascii_json::to_string(&findings).expect("writes"));
        let mut varied = findings.clone();
        if let Some(first) = varied.first_mut() {
            first.suggestions.clear();
            first.start = None;
        }
        assert_eq!(
            to_string(&varied).expect("writes"),
            ascii_json::to_string(&varied).expect("writes")
        );
        assert_eq!(to_string(&[]).expect("writes"), "[]");
    }
}
