//! Plain words: a plan's text split into segments, with each piece of professional jargon
//! (from the [glossary](crate::glossary)) marked, explained or replaced, so that a screen
//! can show "CAMHS (the NHS service that helps children and young people with their
//! mental health)" with the explanation styled apart, and without building HTML from text.

use serde::{Deserialize, Serialize};

use crate::glossary::{self, GlossaryEntry};
use crate::rules::word_list::starts_sentence;

/// A piece of text as the family reads it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum Segment {
    /// Words shown as written.
    Text { text: String },
    /// A glossary term.
    Term {
        /// The term as the plan writes it: "CAMHS".
        written: String,
        /// What to show in its place: the term itself, or plain words instead of it
        /// ("the children's mental health service").
        shown: String,
        /// What it means, in words a family understands, always given (for a tooltip or
        /// a glossary list) even when `explain` is false.
        meaning: String,
        /// Whether to show the meaning in brackets after `shown`: true for the first
        /// unexplained use in a card when the term is kept.
        explain: bool,
    },
}

impl Segment {
    fn text(text: &str) -> Segment {
        Segment::Text {
            text: text.to_owned(),
        }
    }
}

/// How jargon is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum JargonStyle {
    /// Keep the term and explain it the first time: "CAMHS (the NHS service …)". The
    /// family learns the words the professionals around them use.
    #[default]
    Explain,
    /// Put plain words in its place where the glossary has some that fit ("the school
    /// attendance officer" for "EWO"); explain the rest.
    Replace,
}

/// Turns texts into segments, remembering which terms it has already explained, so that
/// a term is explained once per card rather than in every field.
#[derive(Debug, Clone, Default)]
pub struct Explainer {
    style: JargonStyle,
    explained: Vec<&'static str>,
}

impl Explainer {
    pub fn new(style: JargonStyle) -> Explainer {
        Explainer {
            style,
            explained: Vec::new(),
        }
    }

    /// The segments of `text`. Adjacent plain text is kept in one segment.
    pub fn segments(&mut self, text: &str) -> Vec<Segment> {
        let mut segments = Vec::new();
        let mut copied = 0;
        for found in glossary::find(text) {
            let (Some(before), Some(written)) = (
                text.get(copied..found.range.start),
                text.get(found.range.clone()),
            ) else {
                continue;
            };
            if !before.is_empty() {
                segments.push(Segment::text(before));
            }
            segments.push(self.term(
                text,
                found.range.start,
                written,
                found.entry,
                found.explained,
            ));
            copied = found.range.end;
        }
        if let Some(rest) = text.get(copied..).filter(|rest| !rest.is_empty()) {
            segments.push(Segment::text(rest));
        }
        segments
    }

    fn term(
        &mut self,
        text: &str,
        start: usize,
        written: &str,
        entry: &'static GlossaryEntry,
        explained_in_text: bool,
    ) -> Segment {
        let meaning = entry.meaning.to_owned();
        let plural = entry.acronym && written.ends_with('s') && !entry.term.ends_with('s');
        if self.style == JargonStyle::Replace
            && !entry.plain.is_empty()
            && !explained_in_text
            && !plural
        {
            let before = text.get(..start).unwrap_or("");
            let mut plain = entry.plain;
            // "the CAMHS team" must not become "the the children's mental health service".
            let ends_with_article = before
                .trim_end()
                .rsplit(|c: char| !c.is_alphabetic())
                .next()
                .is_some_and(|word| word.eq_ignore_ascii_case("the"));
            if ends_with_article {
                plain = plain.strip_prefix("the ").unwrap_or(plain);
            }
            let shown = if starts_sentence(text, start) {
                super::words::capitalise(plain)
            } else {
                plain.to_owned()
            };
            return Segment::Term {
                written: written.to_owned(),
                shown,
                meaning,
                explain: false,
            };
        }
        let explain = !explained_in_text && !self.explained.contains(&entry.term);
        if explain {
            self.explained.push(entry.term);
        }
        Segment::Term {
            written: written.to_owned(),
            shown: written.to_owned(),
            meaning,
            explain,
        }
    }
}

/// The segments as one plain string: "CAMHS (the NHS service …)", for printing, the
/// command line and tests.
pub fn render(segments: &[Segment]) -> String {
    let mut out = String::new();
    for segment in segments {
        match segment {
            Segment::Text { text } => out.push_str(text),
            Segment::Term {
                shown,
                meaning,
                explain,
                ..
            } => {
                out.push_str(shown);
                if *explain {
                    out.push_str(" (");
                    out.push_str(meaning);
                    out.push(')');
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn camhs_meaning() -> String {
        glossary::lookup("CAMHS")
            .map(|entry| entry.meaning.to_owned())
            .unwrap_or_default()
    }

    #[test]
    fn jargon_is_explained_once_and_the_rest_kept_as_written() {
        let mut explainer = Explainer::new(JargonStyle::Explain);
        let segments = explainer.segments("Referral to CAMHS by Friday. CAMHS will write.");
        assert_eq!(
            segments,
            vec![
                Segment::text("Referral to "),
                Segment::Term {
                    written: "CAMHS".to_owned(),
                    shown: "CAMHS".to_owned(),
                    meaning: camhs_meaning(),
                    explain: true
                },
                Segment::text(" by Friday. "),
                Segment::Term {
                    written: "CAMHS".to_owned(),
                    shown: "CAMHS".to_owned(),
                    meaning: camhs_meaning(),
                    explain: false
                },
                Segment::text(" will write."),
            ]
        );
        assert_eq!(
            render(&segments),
            format!(
                "Referral to CAMHS ({}) by Friday. CAMHS will write.",
                camhs_meaning()
            )
        );
        let later = explainer.segments("CAMHS again");
        assert_eq!(render(&later), "CAMHS again", "explained once per card");
    }

    #[test]
    fn a_term_the_text_explains_is_not_explained_again() {
        let mut explainer = Explainer::new(JargonStyle::Explain);
        let text = "CAMHS (the children's mental health service) will see Tommy.";
        assert_eq!(render(&explainer.segments(text)), text);
    }

    #[test]
    fn replace_puts_plain_words_in_place_without_doubling_the_article() {
        let mut explainer = Explainer::new(JargonStyle::Replace);
        let camhs = glossary::lookup("CAMHS")
            .map(|entry| entry.plain)
            .unwrap_or("");
        assert!(
            camhs.starts_with("the "),
            "the glossary's plain words for CAMHS: {camhs}"
        );
        assert_eq!(
            render(&explainer.segments("Referral to CAMHS.")),
            format!("Referral to {camhs}.")
        );
        assert_eq!(
            render(&explainer.segments("Ask the CAMHS team.")),
            format!("Ask the {} team.", camhs.trim_start_matches("the "))
        );
        let start = render(&explainer.segments("CAMHS will write."));
        assert!(
            start.starts_with("The "),
            "capital at the start of a sentence: {start}"
        );
    }

    #[test]
    fn text_without_jargon_is_one_segment() {
        let mut explainer = Explainer::default();
        assert_eq!(
            explainer.segments("Sam will visit on Monday."),
            vec![Segment::text("Sam will visit on Monday.")]
        );
        assert!(explainer.segments("").is_empty());
    }

    #[test]
    fn segments_serialise_as_tagged_records() {
        let mut explainer = Explainer::default();
        let json = serde_json::to_value(explainer.segments("CIN plan")).unwrap_or_default();
        assert_eq!(json[0]["type"], "term");
        assert_eq!(json[0]["written"], "CIN");
        assert_eq!(json[1]["type"], "text");
        assert_eq!(json[1]["text"], " plan");
    }
}
