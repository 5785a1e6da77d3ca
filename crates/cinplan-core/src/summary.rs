//! The SMART summary of a check: for each action row and for the plan, which of the five
//! letters are met and which findings say why not; counts by severity; a score.
//!
//! A letter is *met* where no error or warning about it remains (info is worth a look but
//! fails nothing; ignored findings count for nothing). Findings about a need belong to
//! every action row of that need, since each row answers it.
//!
//! The score (0–100) is the share of SMART checks met: every action row and the plan's own
//! sections (visiting, reviews, contingency, views, dates) are each checked on the five
//! letters; a letter with an error scores 0, one with only warnings scores ½, one with
//! neither scores 1; the score is 100 × the total ÷ the number of checks, rounded.

use std::collections::HashMap;

use crate::text::BuildWordHasher;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::finding::{Finding, Severity, Smart};
use crate::plan::Plan;

/// A finding named by its rule and where it points.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct FindingRef {
    pub rule: String,
    pub pointer: String,
    pub severity: Severity,
}

/// One letter of SMART for one row, the plan's sections or the whole plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct LetterStatus {
    pub letter: Smart,
    /// No error and no warning about this letter.
    pub met: bool,
    /// The errors and warnings about this letter, in output order.
    pub because: Vec<FindingRef>,
}

impl LetterStatus {
    fn worst(&self) -> Option<Severity> {
        self.because.iter().map(|finding| finding.severity).max()
    }

    /// This letter's share of the score: 1 met, ½ with warnings only, 0 with an error.
    fn credit(&self) -> f64 {
        match self.worst() {
            None | Some(Severity::Info) => 1.0,
            Some(Severity::Warning) => 0.5,
            Some(Severity::Error) => 0.0,
        }
    }
}

/// The letters of one action row (or of a need that has no action row yet).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct RowSummary {
    /// `/needs/0/actions/1`, or `/needs/0` for a need with no action row.
    pub pointer: String,
    pub need_index: usize,
    pub action_index: Option<usize>,
    /// S, M, A, R, T in that order.
    pub letters: Vec<LetterStatus>,
}

/// Findings by severity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct SeverityCounts {
    pub error: usize,
    pub warning: usize,
    pub info: usize,
}

/// Everything the editor shows next to the findings.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct SmartSummary {
    pub rows: Vec<RowSummary>,
    /// The plan's own sections: findings not about an action row or a need.
    pub sections: Vec<LetterStatus>,
    /// The whole plan: a letter is met only when it is met everywhere.
    pub plan: Vec<LetterStatus>,
    pub counts: SeverityCounts,
    /// Findings the plan's suppressions silenced.
    pub ignored: usize,
    /// 0–100: the share of SMART checks met (see the module documentation).
    pub score: u8,
}

/// Where in the plan table a pointer is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Place {
    Row(usize, usize),
    Need(usize),
    Sections,
}

fn place_of(pointer: &str) -> Place {
    let mut segments = PointerSegments(Some(pointer)).skip(1);
    if segments.next() != Some("needs") {
        return Place::Sections;
    }
    let Some(need) = segments.next().and_then(|index| index.parse().ok()) else {
        return Place::Sections;
    };
    match (segments.next(), segments.next().map(str::parse)) {
        (Some("actions"), Some(Ok(action))) => Place::Row(need, action),
        _ => Place::Need(need),
    }
}

/// A pointer's segments, as `pointer.split('/')` gives them. By hand because `place_of`
/// runs twice for every finding of a check and `split`'s searcher costs more to set up
/// than these short texts take to scan (measured: 5% of a 40-row plan's check).
struct PointerSegments<'a>(Option<&'a str>);

impl<'a> Iterator for PointerSegments<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let text = self.0?;
        match text.bytes().position(|byte| byte == b'/') {
            Some(slash) => {
                self.0 = text.get(slash + 1..);
                text.get(..slash)
            }
            None => self.0.take(),
        }
    }
}

fn letters_of<'a>(findings: impl Iterator<Item = &'a Finding> + Clone) -> Vec<LetterStatus> {
    Smart::ALL
        .into_iter()
        .map(|letter| {
            let because: Vec<FindingRef> = findings
                .clone()
                .filter(|finding| {
                    finding.severity >= Severity::Warning && finding.smart.contains(&letter)
                })
                .map(|finding| FindingRef {
                    rule: finding.rule.clone(),
                    pointer: finding.pointer.clone(),
                    severity: finding.severity,
                })
                .collect();
            LetterStatus {
                letter,
                met: because.is_empty(),
                because,
            }
        })
        .collect()
}

/// Summarises the findings (already without the ignored ones) of a check of `plan`.
pub fn summarise(plan: &Plan, findings: &[Finding], ignored: usize) -> SmartSummary {
    // Each finding's place is worked out once: a plan can have thousands of rows.
    let mut by_place: HashMap<Place, Vec<usize>, BuildWordHasher> = HashMap::default();
    for (index, finding) in findings.iter().enumerate() {
        by_place
            .entry(place_of(&finding.pointer))
            .or_default()
            .push(index);
    }
    let at = |place: Place| by_place.get(&place).map_or(&[][..], Vec::as_slice);
    let mut rows = Vec::new();
    for (need_index, need) in plan.needs.iter().enumerate() {
        let about_need = at(Place::Need(need_index));
        if need.actions.is_empty() {
            rows.push(RowSummary {
                pointer: format!("/needs/{need_index}"),
                need_index,
                action_index: None,
                letters: letters_of(about_need.iter().filter_map(|&i| findings.get(i))),
            });
        }
        for action_index in 0..need.actions.len() {
            // The row's own findings and its need's, in the order of `findings`.
            let mut in_row: Vec<usize> = about_need
                .iter()
                .chain(at(Place::Row(need_index, action_index)))
                .copied()
                .collect();
            in_row.sort_unstable();
            rows.push(RowSummary {
                pointer: format!("/needs/{need_index}/actions/{action_index}"),
                need_index,
                action_index: Some(action_index),
                letters: letters_of(in_row.iter().filter_map(|&i| findings.get(i))),
            });
        }
    }
    let sections = letters_of(
        findings
            .iter()
            .filter(|finding| place_of(&finding.pointer) == Place::Sections),
    );
    let plan_letters = letters_of(findings.iter());

    let mut counts = SeverityCounts::default();
    for finding in findings {
        match finding.severity {
            Severity::Error => counts.error += 1,
            Severity::Warning => counts.warning += 1,
            Severity::Info => counts.info += 1,
        }
    }

    let checks = rows
        .iter()
        .flat_map(|row| row.letters.iter())
        .chain(sections.iter());
    let (credit, total) = checks.fold((0.0, 0usize), |(credit, total), letter| {
        (credit + letter.credit(), total + 1)
    });
    let score = if total == 0 {
        100
    } else {
        (100.0 * credit / total as f64).round().clamp(0.0, 100.0) as u8
    };

    SmartSummary {
        rows,
        sections,
        plan: plan_letters,
        counts,
        ignored,
        score,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn pointer_segments_are_those_of_split(pointer in "(/|needs|actions|[0-9]{1,3}|x|é|)*{0,8}") {
            let ours: Vec<&str> = PointerSegments(Some(&pointer)).collect();
            let split: Vec<&str> = pointer.split('/').collect();
            prop_assert_eq!(ours, split);
        }
    }

    #[test]
    fn places_of_pointers() {
        assert_eq!(place_of("/needs/3/actions/12/by_when"), Place::Row(3, 12));
        assert_eq!(place_of("/needs/3/actions/12"), Place::Row(3, 12));
        assert_eq!(place_of("/needs/3/actions/x"), Place::Need(3));
        assert_eq!(place_of("/needs/3/need"), Place::Need(3));
        assert_eq!(place_of("/needs/3"), Place::Need(3));
        assert_eq!(place_of("/needs/"), Place::Sections);
        assert_eq!(place_of("/needs"), Place::Sections);
        assert_eq!(place_of("/review/date"), Place::Sections);
        assert_eq!(place_of(""), Place::Sections);
    }

    fn finding(rule: &str, severity: Severity, smart: &[Smart], pointer: &str) -> Finding {
        Finding {
            rule: rule.to_owned(),
            severity,
            smart: smart.to_vec(),
            pointer: pointer.to_owned(),
            start: None,
            end: None,
            message: String::new(),
            suggestions: Vec::new(),
        }
    }

    fn two_row_plan() -> Plan {
        let mut plan = Plan::new_blank();
        plan.needs[0].actions.push(Default::default());
        plan
    }

    fn letter(statuses: &[LetterStatus], letter: Smart) -> &LetterStatus {
        statuses
            .iter()
            .find(|status| status.letter == letter)
            .unwrap_or_else(|| panic!("no {letter:?}"))
    }

    #[test]
    fn a_clean_plan_scores_100_with_every_letter_met() {
        let summary = summarise(&two_row_plan(), &[], 0);
        assert_eq!(summary.score, 100);
        assert_eq!(summary.rows.len(), 2);
        assert!(summary.plan.iter().all(|status| status.met));
    }

    #[test]
    fn a_finding_fails_its_letters_in_its_row_only() {
        let findings = [finding(
            "unnamed-owner",
            Severity::Error,
            &[Smart::S],
            "/needs/0/actions/1/by_whom",
        )];
        let summary = summarise(&two_row_plan(), &findings, 0);
        assert!(letter(&summary.rows[0].letters, Smart::S).met);
        let status = letter(&summary.rows[1].letters, Smart::S);
        assert!(!status.met);
        assert_eq!(status.because[0].rule, "unnamed-owner");
        assert!(!letter(&summary.plan, Smart::S).met);
        assert!(letter(&summary.plan, Smart::T).met);
        assert!(letter(&summary.sections, Smart::S).met);
    }

    #[test]
    fn a_finding_on_the_need_counts_in_every_row_of_that_need() {
        let findings = [finding(
            "vague-need",
            Severity::Warning,
            &[Smart::S],
            "/needs/0/need",
        )];
        let summary = summarise(&two_row_plan(), &findings, 0);
        assert!(summary
            .rows
            .iter()
            .all(|row| !letter(&row.letters, Smart::S).met));
    }

    #[test]
    fn info_fails_no_letter_but_is_counted() {
        let findings = [finding(
            "negative-framing",
            Severity::Info,
            &[Smart::A],
            "/needs/0/actions/0/outcome",
        )];
        let summary = summarise(&two_row_plan(), &findings, 2);
        assert!(summary.plan.iter().all(|status| status.met));
        assert_eq!(summary.counts.info, 1);
        assert_eq!(summary.ignored, 2);
        assert_eq!(summary.score, 100);
    }

    #[test]
    fn score_gives_half_for_warnings_and_nothing_for_errors() {
        // One row and the sections: 10 checks. The row's T has an error (0), the
        // sections' A has a warning (½): 8.5 of 10.
        let findings = [
            finding(
                "missing-timescale",
                Severity::Error,
                &[Smart::T],
                "/needs/0/actions/0/by_when",
            ),
            finding(
                "no-child-view",
                Severity::Warning,
                &[Smart::A],
                "/views/child",
            ),
        ];
        let summary = summarise(&Plan::new_blank(), &findings, 0);
        assert_eq!(summary.score, 85);
        assert_eq!(summary.counts.error, 1);
        assert_eq!(summary.counts.warning, 1);
    }

    #[test]
    fn a_need_without_actions_gets_its_own_row() {
        let mut plan = Plan::new_blank();
        plan.needs[0].actions.clear();
        let findings = [finding(
            "empty-field",
            Severity::Error,
            &[Smart::S, Smart::M, Smart::T],
            "/needs/0/actions",
        )];
        let summary = summarise(&plan, &findings, 0);
        assert_eq!(summary.rows.len(), 1);
        assert_eq!(summary.rows[0].pointer, "/needs/0");
        assert!(!letter(&summary.rows[0].letters, Smart::M).met);
    }
}
