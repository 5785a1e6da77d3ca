//! The checks in gentle, plain words for the family screen.
//!
//! When a plan is written with the family on a shared screen, the checks keep running, but
//! a family should not read "vague-term (S, M, T): \"monitor\" is not a purposeful
//! activity". Each rule has a question or a suggestion here, in words a parent or a young
//! person understands, that invites the room to fix it together. No rule ids, no SMART
//! letters, no blame. The wording can depend on the field (a vague word in "By when" asks
//! about time; in "Outcome" it asks what we will see).
//!
//! Some rules are about the practitioner's own timescales (the meeting was late, the copy
//! was late): they are not for the family to fix, so [`gentle_notes`] leaves them out; the
//! practitioner still sees them in the editor.

use serde::{Deserialize, Serialize};

use chrono::NaiveDate;

use crate::check::{check_plan, CheckOptions};
use crate::finding::{Finding, Severity};
use crate::plan::Plan;
use crate::profile::Profile;

/// What one rule says on the family screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GentleWords {
    pub rule: &'static str,
    /// Whether the family can help fix it; `false` for the practitioner's own timescales.
    pub for_family: bool,
    /// The words, unless a field has its own.
    pub message: &'static str,
    /// Words for findings in particular fields, by the field's name (the pointer's last
    /// segment: `by_when`, `outcome`, …).
    pub by_field: &'static [(&'static [&'static str], &'static str)],
}

const TIME_FIELDS: &[&str] = &["by_when", "visiting", "review_frequency"];

/// Words for a rule this table does not know (a rule added later, or a profile's own).
pub const FALLBACK: &str = "Can we look at this part together and make it clearer?";

/// Every rule's gentle words, in alphabetical order of rule id.
pub static GENTLE_WORDS: &[GentleWords] = &[
    GentleWords {
        rule: "after-first-review",
        for_family: true,
        message: "Can something start before we next meet to look at the plan, so we can see how \
                  it is going?",
        by_field: &[],
    },
    GentleWords {
        rule: "beyond-trajectory",
        for_family: false,
        message: "This plan has been going for a while. Your worker will talk with their \
                  manager about what happens next.",
        by_field: &[],
    },
    GentleWords {
        rule: "copy-late",
        for_family: false,
        message: "You should have your own copy of the plan. Please ask your worker if you have \
                  not had one.",
        by_field: &[],
    },
    GentleWords {
        rule: "date-in-past",
        for_family: true,
        message: "This date has already gone. Can we choose a new one?",
        by_field: &[],
    },
    GentleWords {
        rule: "drift",
        for_family: true,
        message: "This was due by now. Can we talk about how it went, and write that down?",
        by_field: &[],
    },
    GentleWords {
        rule: "empty-field",
        for_family: true,
        message: "There is a gap here. Can we fill it in together?",
        by_field: &[
            (
                &["need", "action"],
                "What will we do about this? Can we write it down?",
            ),
            (&["by_whom"], "Who will do this? Can we write their name?"),
            (&["by_when"], "When will this happen? Can we add a date?"),
            (
                &["outcome"],
                "What will be different when this is done? Can we write it down?",
            ),
        ],
    },
    GentleWords {
        rule: "first-visit-late",
        for_family: false,
        message: "Your worker has a date to check for their first visit.",
        by_field: &[],
    },
    GentleWords {
        rule: "hard-to-read",
        for_family: true,
        message: "This is quite long. Can we say it in shorter, simpler sentences?",
        by_field: &[],
    },
    GentleWords {
        rule: "hidden-actor",
        for_family: true,
        message: "Who will do this? Can we say their name?",
        by_field: &[],
    },
    GentleWords {
        rule: "jargon",
        for_family: true,
        message: "Is this word clear to everyone? We can use everyday words instead.",
        by_field: &[],
    },
    GentleWords {
        rule: "meeting-late",
        for_family: false,
        message: "Your worker has a date to check for the first meeting about the plan.",
        by_field: &[],
    },
    GentleWords {
        rule: "missing-timescale",
        for_family: true,
        message: "When will this happen? Can we add a date, or how often?",
        by_field: &[],
    },
    GentleWords {
        rule: "negative-framing",
        for_family: true,
        message: "Can we say what we want to happen, rather than what should stop?",
        by_field: &[],
    },
    GentleWords {
        rule: "no-child-view",
        for_family: true,
        message: "What does your child think? Their own words belong in the plan.",
        by_field: &[],
    },
    GentleWords {
        rule: "no-contingency",
        for_family: true,
        message: "What will happen if things do not get better? Let's write that down together.",
        by_field: &[],
    },
    GentleWords {
        rule: "no-parent-view",
        for_family: true,
        message: "What do you think about the plan? Your words belong in it too.",
        by_field: &[],
    },
    GentleWords {
        rule: "no-review-frequency",
        for_family: true,
        message: "How often will we all meet to look at the plan? Can we agree that now?",
        by_field: &[],
    },
    GentleWords {
        rule: "no-visiting-frequency",
        for_family: true,
        message: "How often will your worker come to see you? Let's write it down.",
        by_field: &[],
    },
    GentleWords {
        rule: "non-working-day",
        for_family: true,
        message: "This date is a weekend or a bank holiday. Is that the day we mean?",
        by_field: &[],
    },
    GentleWords {
        rule: "outcome-not-child-focused",
        for_family: true,
        message: "What will be different for your child when this is done?",
        by_field: &[],
    },
    GentleWords {
        rule: "outcome-not-measurable",
        for_family: true,
        message: "How will we all know it has worked? What will we see or hear?",
        by_field: &[],
    },
    GentleWords {
        rule: "owner-churn",
        for_family: true,
        message: "Some of the people helping you have changed. Please tell us if that has been \
                  hard.",
        by_field: &[],
    },
    GentleWords {
        rule: "reviews-too-far-apart",
        for_family: true,
        message: "We need to meet to look at the plan together more often than this. Can we \
                  agree when?",
        by_field: &[],
    },
    GentleWords {
        rule: "subjective-term",
        for_family: true,
        message: "People can see this differently. Can we say what it will look like, so we all \
                  agree?",
        by_field: &[],
    },
    GentleWords {
        rule: "third-review-chair",
        for_family: false,
        message: "A manager will lead the third meeting about the plan.",
        by_field: &[],
    },
    GentleWords {
        rule: "unnamed-owner",
        for_family: true,
        message: "Who will do this? Can we write their name?",
        by_field: &[],
    },
    GentleWords {
        rule: "unparsed-date",
        for_family: true,
        message: "Can we write this date out in full, with the day, the month and the year?",
        by_field: &[],
    },
    GentleWords {
        rule: "unrealistic-action",
        for_family: true,
        message: "Can this really happen all at once? Can we plan some smaller steps?",
        by_field: &[],
    },
    GentleWords {
        rule: "vague-need",
        for_family: true,
        message: "Can we say what happens, and when, so everyone understands why this is in \
                  the plan?",
        by_field: &[],
    },
    GentleWords {
        rule: "vague-term",
        for_family: true,
        message: "Can we say exactly what will be done?",
        by_field: &[
            (TIME_FIELDS, "Can we say exactly when this will happen?"),
            (&["by_whom"], "Can we say exactly who will do this?"),
            (
                &["outcome"],
                "Can we say what we will see or hear when this has worked?",
            ),
            (
                &["need"],
                "Can we say more about what is happening, in everyday words?",
            ),
        ],
    },
    GentleWords {
        rule: "vague-timescale",
        for_family: true,
        message: "Can we say exactly when this will happen?",
        by_field: &[],
    },
    GentleWords {
        rule: "visits-too-far-apart",
        for_family: true,
        message: "Your worker needs to visit more often than this. Can we agree how often?",
        by_field: &[],
    },
    GentleWords {
        rule: "woolly-term",
        for_family: true,
        message: "Can we put this in plainer words that say what will happen?",
        by_field: &[(TIME_FIELDS, "Can we give a day or a date for this?")],
    },
];

/// The gentle words of a rule, if the table has them.
pub fn gentle_words(rule: &str) -> Option<&'static GentleWords> {
    GENTLE_WORDS.iter().find(|words| words.rule == rule)
}

/// The field a pointer names: its last segment (`by_when`), or `""` for the plan.
fn field_of(pointer: &str) -> &str {
    pointer.rsplit('/').next().unwrap_or("")
}

/// A finding in gentle, plain words for the family screen: a question or a suggestion,
/// with no rule id and no SMART letters.
pub fn gentle_message(finding: &Finding) -> String {
    let Some(words) = gentle_words(&finding.rule) else {
        return FALLBACK.to_owned();
    };
    let field = field_of(&finding.pointer);
    words
        .by_field
        .iter()
        .find(|(fields, _)| fields.contains(&field))
        .map_or(words.message, |(_, message)| message)
        .to_owned()
}

/// One note on the family screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GentleNote {
    /// JSON Pointer of the field it is about (`""` for the plan as a whole), so the
    /// screen can show it next to the words it is about.
    pub pointer: String,
    /// Start and end (UTF-16 code units in the field's text) of the first words it is
    /// about, where it is about particular words.
    pub start: Option<usize>,
    pub end: Option<usize>,
    pub message: String,
    /// How much it matters, for ordering and emphasis; never shown as a word.
    pub severity: Severity,
}

/// The findings of a check as notes for the family screen: in gentle words, without the
/// practitioner's own timescales, each message once per field, most important first
/// within each field and fields in the order the findings come.
pub fn gentle_notes(findings: &[Finding]) -> Vec<GentleNote> {
    let mut notes: Vec<GentleNote> = Vec::new();
    for finding in findings {
        if gentle_words(&finding.rule).is_some_and(|words| !words.for_family) {
            continue;
        }
        let message = gentle_message(finding);
        if let Some(existing) = notes
            .iter_mut()
            .find(|note| note.pointer == finding.pointer && note.message == message)
        {
            existing.severity = existing.severity.max(finding.severity);
            continue;
        }
        notes.push(GentleNote {
            pointer: finding.pointer.clone(),
            start: finding.start,
            end: finding.end,
            message,
            severity: finding.severity,
        });
    }
    // Stable: fields stay in the order found; within a field the weightier note first.
    let order: Vec<String> = {
        let mut pointers: Vec<String> = Vec::new();
        for note in &notes {
            if !pointers.contains(&note.pointer) {
                pointers.push(note.pointer.clone());
            }
        }
        pointers
    };
    notes.sort_by_key(|note| {
        (
            order.iter().position(|pointer| *pointer == note.pointer),
            std::cmp::Reverse(note.severity),
        )
    });
    notes
}

/// Checks the plan and returns its notes for the family screen (see [`gentle_notes`]).
/// An editor that already holds the check's findings calls [`gentle_notes`] on them
/// instead.
pub fn family_notes(plan: &Plan, profile: &Profile, today: NaiveDate) -> Vec<GentleNote> {
    gentle_notes(&check_plan(plan, CheckOptions { today, profile }).findings)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Smart;

    fn finding(rule: &str, pointer: &str, severity: Severity) -> Finding {
        Finding {
            rule: rule.to_owned(),
            severity,
            smart: vec![Smart::S],
            pointer: pointer.to_owned(),
            start: Some(0),
            end: Some(7),
            message: "\"Ongoing\" sets no timescale.".to_owned(),
            suggestions: Vec::new(),
        }
    }

    #[test]
    fn a_vague_word_asks_about_what_its_field_is_about() {
        let message = |pointer| gentle_message(&finding("vague-term", pointer, Severity::Error));
        assert_eq!(
            message("/needs/0/actions/0/by_when"),
            "Can we say exactly when this will happen?"
        );
        assert_eq!(
            message("/visiting"),
            "Can we say exactly when this will happen?"
        );
        assert_eq!(
            message("/needs/0/actions/0/outcome"),
            "Can we say what we will see or hear when this has worked?"
        );
        assert_eq!(
            message("/needs/0/actions/0/action"),
            "Can we say exactly what will be done?"
        );
    }

    #[test]
    fn an_unknown_rule_still_gets_kind_words() {
        assert_eq!(
            gentle_message(&finding(
                "some-local-rule",
                "/contingency",
                Severity::Warning
            )),
            FALLBACK
        );
    }

    #[test]
    fn the_table_is_sorted_unique_and_every_field_override_is_a_real_field() {
        let ids: Vec<&str> = GENTLE_WORDS.iter().map(|words| words.rule).collect();
        let mut sorted = ids.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(ids, sorted);
        let known: Vec<&str> = crate::rules::FieldName::ALL
            .iter()
            .map(|field| field.id())
            .chain(["need", "child", "parents", "others"])
            .collect();
        for words in GENTLE_WORDS {
            for (fields, _) in words.by_field {
                for field in *fields {
                    assert!(
                        known.contains(field),
                        "{}: unknown field {field}",
                        words.rule
                    );
                }
            }
        }
    }

    #[test]
    fn no_message_names_a_rule_or_a_smart_letter() {
        let mut messages: Vec<&str> = vec![FALLBACK];
        for words in GENTLE_WORDS {
            messages.push(words.message);
            messages.extend(words.by_field.iter().map(|(_, message)| *message));
        }
        for message in messages {
            for words in GENTLE_WORDS {
                assert!(
                    !message.contains(words.rule),
                    "{message:?} names {}",
                    words.rule
                );
            }
            for jargon in [
                "SMART",
                "Specific",
                "Measurable",
                "Achievable",
                "Realistic",
                "Timely",
            ] {
                assert!(!message.contains(jargon), "{message:?} says {jargon}");
            }
            // "A" is also the article; as a SMART letter it would stand in a list.
            for token in message.split(|c: char| !c.is_alphanumeric()) {
                assert!(
                    !matches!(token, "S" | "M" | "R" | "T"),
                    "{message:?} has a SMART letter"
                );
            }
            for listed in ["A,", ", A", "(A", "A)"] {
                assert!(!message.contains(listed), "{message:?} has a SMART letter");
            }
            assert!(
                message.ends_with(['?', '.']),
                "{message:?} is not a sentence"
            );
            assert!(
                message.len() < 120,
                "{message:?} is too long for the family screen"
            );
        }
    }

    #[test]
    fn the_unhelpful_tommy_plan_gets_kind_questions() {
        let plan = Plan::from_json(include_str!("../../tests/fixtures/tommy-unhelpful.json"))
            .expect("fixture");
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).expect("date");
        let notes = family_notes(&plan, &Profile::default_profile(), today);
        let by_when: Vec<&str> = notes
            .iter()
            .filter(|note| note.pointer == "/needs/0/actions/0/by_when")
            .map(|note| note.message.as_str())
            .collect();
        assert_eq!(by_when, vec!["Can we say exactly when this will happen?"]);
        for note in &notes {
            assert!(!note.message.contains("vague"), "{note:?}");
        }
    }

    #[test]
    fn every_rule_in_the_registry_has_gentle_words() {
        for rule in crate::rules::registry::all() {
            let id = rule.meta().id;
            assert!(
                gentle_words(id).is_some(),
                "{id} has no words for the family screen"
            );
        }
    }

    #[test]
    fn notes_leave_out_the_practitioners_timescales_and_repeats() {
        let findings = vec![
            finding("vague-term", "/needs/0/actions/0/by_when", Severity::Error),
            finding(
                "woolly-term",
                "/needs/0/actions/0/action",
                Severity::Warning,
            ),
            finding(
                "vague-timescale",
                "/needs/0/actions/0/by_when",
                Severity::Error,
            ),
            finding("copy-late", "", Severity::Warning),
            finding("vague-term", "/needs/0/actions/0/action", Severity::Error),
        ];
        let notes = gentle_notes(&findings);
        let summary: Vec<(&str, &str, Severity)> = notes
            .iter()
            .map(|note| (note.pointer.as_str(), note.message.as_str(), note.severity))
            .collect();
        assert_eq!(
            summary,
            vec![
                (
                    "/needs/0/actions/0/by_when",
                    "Can we say exactly when this will happen?",
                    Severity::Error
                ),
                (
                    "/needs/0/actions/0/action",
                    "Can we say exactly what will be done?",
                    Severity::Error
                ),
                (
                    "/needs/0/actions/0/action",
                    "Can we put this in plainer words that say what will happen?",
                    Severity::Warning
                ),
            ]
        );
    }
}
