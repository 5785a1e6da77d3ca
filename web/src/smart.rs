//! Whether an action row is SMART, read from the core's findings: a letter is not met when
//! a problem or warning in one of the row's fields names it. Notes (`info`) do not count.

use cinplan_core::finding::{Finding, Severity, Smart};

/// One SMART letter of one row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LetterState {
    pub letter: Smart,
    /// The messages of the findings that say the letter is not met; empty when it is met.
    pub reasons: Vec<String>,
}

impl LetterState {
    pub fn met(&self) -> bool {
        self.reasons.is_empty()
    }
}

/// The SMART letters of the action row `/needs/{need}/actions/{action}`.
pub fn row_letters(findings: &[Finding], need: usize, action: usize) -> Vec<LetterState> {
    let prefix = format!("/needs/{need}/actions/{action}/");
    let row_findings: Vec<&Finding> = findings
        .iter()
        .filter(|finding| finding.pointer.starts_with(&prefix) && finding.severity > Severity::Info)
        .collect();
    Smart::ALL
        .into_iter()
        .map(|letter| LetterState {
            letter,
            reasons: row_findings
                .iter()
                .filter(|finding| finding.smart.contains(&letter))
                .map(|finding| finding.message.clone())
                .collect(),
        })
        .collect()
}

pub fn letter(smart: Smart) -> &'static str {
    match smart {
        Smart::S => "S",
        Smart::M => "M",
        Smart::A => "A",
        Smart::R => "R",
        Smart::T => "T",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(pointer: &str, severity: Severity, smart: Vec<Smart>) -> Finding {
        Finding {
            rule: "vague-term".to_owned(),
            severity,
            smart,
            pointer: pointer.to_owned(),
            start: None,
            end: None,
            message: format!("about {pointer}"),
            suggestions: Vec::new(),
        }
    }

    #[test]
    fn letters_follow_the_rows_findings_only() {
        let findings = [
            finding("/needs/0/actions/0/by_when", Severity::Error, vec![Smart::T]),
            finding("/needs/0/actions/1/outcome", Severity::Error, vec![Smart::M]),
            finding("/needs/0/actions/0/action", Severity::Info, vec![Smart::S]),
            finding("/needs/0/actions/10/action", Severity::Error, vec![Smart::S]),
        ];
        let letters = row_letters(&findings, 0, 0);
        let unmet: Vec<_> = letters
            .iter()
            .filter(|state| !state.met())
            .map(|state| state.letter)
            .collect();
        assert_eq!(unmet, vec![Smart::T]);
        assert_eq!(letters[4].reasons, vec!["about /needs/0/actions/0/by_when"]);
    }
}
