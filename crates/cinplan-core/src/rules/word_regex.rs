//! Regexes with word boundaries that stay on the regex crate's fast engines whatever the
//! text.
//!
//! A Unicode word boundary (`\b`) is the one thing the regex crate's lazy DFA cannot match
//! past a non-ASCII byte: a single curly apostrophe or en dash in a field sends the whole
//! search to the backtracker or the PikeVM, three to five times slower. An ASCII word
//! boundary, `(?-u:\b)`, has no such limit. The two agree wherever the characters on both
//! sides are ASCII or are not word characters at all (curly quotes, dashes, bullets), so a
//! [`WordRegex`] keeps both forms of the pattern and uses the ASCII one whenever that gives
//! exactly the same matches:
//!
//! - on a text with no non-ASCII word character (letters such as "ë", digits, marks),
//!   always: every boundary in it is the same under both definitions;
//! - on any other text, for a pattern built with [`WordRegex::with_literal_edges`] (a list
//!   of words, each starting and ending with an ASCII letter or digit, between `\b`s),
//!   when every match it finds passes a check of its two ends by the Unicode definition.
//!   Otherwise the Unicode form runs, so the findings never change.

use std::ops::Range;

use regex::{Captures, Match, Regex, RegexBuilder};

/// A pattern compiled with Unicode word boundaries and with ASCII ones.
#[derive(Debug)]
pub struct WordRegex {
    unicode: Regex,
    /// The pattern with every `\b` made `(?-u:\b)`; absent when it has no `\b`.
    ascii: Option<Regex>,
    /// Whether every match starts and ends at a `\b` next to an ASCII letter or digit of
    /// the pattern's own words, so that checking the two ends of a match by the Unicode
    /// definition is enough (see [`WordRegex::with_literal_edges`]).
    literal_edges: bool,
}

impl WordRegex {
    /// Compiles `pattern` (case-insensitively when asked). `None` when it does not compile.
    pub fn new(pattern: &str, case_insensitive: bool) -> Option<WordRegex> {
        Self::build(pattern, case_insensitive, false)
    }

    /// A list of words, `\b(?:first|second|…)\b`, from its alternatives. When every
    /// alternative can only start and end with an ASCII letter or digit and has no `\b` of
    /// its own (checked here, on the pattern), checking the two ends of a match is enough
    /// to use the ASCII form on any text; otherwise it works as [`WordRegex::new`].
    pub fn word_list(alternatives: &[String], case_insensitive: bool) -> Option<WordRegex> {
        let literal_edges = alternatives
            .iter()
            .all(|alternative| has_literal_edges(alternative));
        let pattern = format!(r"\b(?:{})\b", alternatives.join("|"));
        Self::build(&pattern, case_insensitive, literal_edges)
    }

    /// Whether the ASCII form is used on text with non-ASCII word characters (for tests
    /// that keep the word lists fast).
    #[cfg(test)]
    pub fn has_literal_edges(&self) -> bool {
        self.literal_edges && self.ascii.is_some()
    }

    fn build(pattern: &str, case_insensitive: bool, literal_edges: bool) -> Option<WordRegex> {
        let compile = |pattern: &str| {
            RegexBuilder::new(pattern)
                .case_insensitive(case_insensitive)
                .build()
                .ok()
        };
        let unicode = compile(pattern)?;
        let ascii_pattern = ascii_boundaries(pattern);
        let ascii = if ascii_pattern == pattern {
            None
        } else {
            compile(&ascii_pattern)
        };
        Some(WordRegex {
            unicode,
            ascii,
            literal_edges,
        })
    }

    /// The Unicode form: what every result must equal.
    pub fn unicode(&self) -> &Regex {
        &self.unicode
    }

    /// The form that gives the same matches as the Unicode one on `text` without
    /// checking each match.
    fn exact_for(&self, text: &str) -> &Regex {
        match &self.ascii {
            Some(ascii) if !has_non_ascii_word_character(text) => ascii,
            _ => &self.unicode,
        }
    }

    pub fn is_match(&self, text: &str) -> bool {
        let Some(ascii) = self.checked_ascii(text) else {
            return self.exact_for(text).is_match(text);
        };
        // The ASCII form finds every match the Unicode one would and maybe more; its first
        // match is one of the Unicode form's when its ends pass the check.
        match ascii.find(text) {
            None => false,
            Some(found) if ends_on_unicode_boundaries(text, &found.range()) => true,
            Some(_) => self.unicode.is_match(text),
        }
    }

    pub fn find<'h>(&self, text: &'h str) -> Option<Match<'h>> {
        self.find_all(text).into_iter().next()
    }

    /// Every match, leftmost-first, as `Regex::find_iter` gives them.
    pub fn find_all<'h>(&self, text: &'h str) -> Vec<Match<'h>> {
        if let Some(ascii) = self.checked_ascii(text) {
            let found: Vec<Match<'h>> = ascii.find_iter(text).collect();
            if found
                .iter()
                .all(|one| ends_on_unicode_boundaries(text, &one.range()))
            {
                return found;
            }
            return self.unicode.find_iter(text).collect();
        }
        self.exact_for(text).find_iter(text).collect()
    }

    /// Every match with its groups, as `Regex::captures_iter` gives them.
    pub fn captures_all<'h>(&self, text: &'h str) -> Vec<Captures<'h>> {
        if let Some(ascii) = self.checked_ascii(text) {
            let found: Vec<Captures<'h>> = ascii.captures_iter(text).collect();
            if found.iter().all(|one| {
                one.get(0)
                    .is_some_and(|whole| ends_on_unicode_boundaries(text, &whole.range()))
            }) {
                return found;
            }
            return self.unicode.captures_iter(text).collect();
        }
        self.exact_for(text).captures_iter(text).collect()
    }

    /// The ASCII form when its matches must be checked before they stand for the Unicode
    /// form's: a pattern with literal edges, on a text with non-ASCII word characters.
    fn checked_ascii(&self, text: &str) -> Option<&Regex> {
        let ascii = self.ascii.as_ref()?;
        if !self.literal_edges || !has_non_ascii_word_character(text) {
            return None;
        }
        // These two fold to ASCII letters under case-insensitive matching ("K" and "ſ"
        // match "k" and "s"), so a word may start or end with them: the check of a
        // match's ends would not see a match the ASCII form missed.
        if text.contains(['\u{212A}', '\u{017F}']) {
            return None;
        }
        Some(ascii)
    }
}

/// Whether every match of `alternative` starts and ends with an ASCII letter or digit (or
/// with "\u{212A}" or "ſ", which fold to "k" and "s" and which [`WordRegex`] looks for
/// separately), and it has no word boundary assertion of its own.
fn has_literal_edges(alternative: &str) -> bool {
    use regex_syntax::hir::literal::{ExtractKind, Extractor};
    if ascii_boundaries(alternative) != alternative || alternative.contains(r"\B") {
        return false;
    }
    let Ok(hir) = regex_syntax::parse(alternative) else {
        return false;
    };
    let folded = ["\u{212A}", "\u{017F}"];
    let edges_ok = |prefix: bool, edge: fn(&[u8]) -> Option<&u8>| {
        let mut extractor = Extractor::new();
        // Case-insensitive words have a literal per spelling in upper and lower case.
        extractor.limit_total(10_000);
        extractor.kind(if prefix {
            ExtractKind::Prefix
        } else {
            ExtractKind::Suffix
        });
        let seq = extractor.extract(&hir);
        seq.literals().is_some_and(|literals| {
            literals.iter().all(|literal| {
                let bytes = literal.as_bytes();
                edge(bytes).is_some_and(u8::is_ascii_alphanumeric)
                    || folded.iter().any(|fold| {
                        if prefix {
                            bytes.starts_with(fold.as_bytes())
                        } else {
                            bytes.ends_with(fold.as_bytes())
                        }
                    })
            })
        })
    };
    edges_ok(true, <[u8]>::first) && edges_ok(false, <[u8]>::last)
}

/// `pattern` with every word boundary `\b` made an ASCII one, `(?-u:\b)`.
fn ascii_boundaries(pattern: &str) -> String {
    let mut result = String::with_capacity(pattern.len() + 16);
    let mut characters = pattern.chars();
    while let Some(character) = characters.next() {
        if character != '\\' {
            result.push(character);
            continue;
        }
        match characters.next() {
            Some('b') => result.push_str(r"(?-u:\b)"),
            Some(escaped) => {
                result.push('\\');
                result.push(escaped);
            }
            None => result.push('\\'),
        }
    }
    result
}

fn is_word_character(character: char) -> bool {
    // Without the Unicode tables the answer is unknown: saying "word" keeps the exact path.
    regex_syntax::try_is_word_character(character).unwrap_or(true)
}

/// Whether `text` has a word character outside ASCII, where the two kinds of word boundary
/// can disagree.
pub fn has_non_ascii_word_character(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(offset) = bytes
        .get(from..)
        .and_then(|rest| rest.iter().position(|byte| !byte.is_ascii()))
    {
        let start = from + offset;
        let Some(character) = text.get(start..).and_then(|rest| rest.chars().next()) else {
            return true;
        };
        if is_word_character(character) {
            return true;
        }
        from = start + character.len_utf8();
    }
    false
}

/// Whether both ends of `range` are Unicode word boundaries of `text`.
fn ends_on_unicode_boundaries(text: &str, range: &Range<usize>) -> bool {
    is_unicode_boundary(text, range.start) && is_unicode_boundary(text, range.end)
}

fn is_unicode_boundary(text: &str, at: usize) -> bool {
    let before = text
        .get(..at)
        .and_then(|before| before.chars().next_back())
        .is_some_and(is_word_character);
    let after = text
        .get(at..)
        .and_then(|after| after.chars().next())
        .is_some_and(is_word_character);
    before != after
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn only_real_word_boundaries_are_rewritten() {
        assert_eq!(ascii_boundaries(r"\bso\b"), r"(?-u:\b)so(?-u:\b)");
        assert_eq!(ascii_boundaries(r"a\\b\s"), r"a\\b\s");
        assert_eq!(ascii_boundaries(r"\B\d"), r"\B\d");
    }

    #[test]
    fn non_ascii_word_characters_are_found() {
        assert!(!has_non_ascii_word_character("Tommy’s mum – “ok”"));
        assert!(has_non_ascii_word_character("Zoë"));
        assert!(has_non_ascii_word_character("e\u{0301}"));
        assert!(!has_non_ascii_word_character(""));
    }

    #[test]
    fn a_word_glued_to_an_accented_letter_is_not_a_match() {
        let Some(regex) = WordRegex::word_list(&["caf".into(), "support".into()], true) else {
            panic!("does not compile");
        };
        assert!(regex.has_literal_edges());
        let text = "café support’s";
        let found: Vec<&str> = regex.find_all(text).iter().map(|m| m.as_str()).collect();
        assert_eq!(found, vec!["support"]);
        assert!(!regex.is_match("café"));
    }

    fn same_as_unicode(regex: &WordRegex, text: &str) -> Result<(), TestCaseError> {
        let unicode: Vec<Range<usize>> =
            regex.unicode().find_iter(text).map(|m| m.range()).collect();
        let fast: Vec<Range<usize>> = regex.find_all(text).iter().map(|m| m.range()).collect();
        prop_assert_eq!(&fast, &unicode, "find_all on {:?}", text);
        prop_assert_eq!(
            regex.is_match(text),
            !unicode.is_empty(),
            "is_match on {:?}",
            text
        );
        let captured: Vec<Option<Range<usize>>> = regex
            .captures_all(text)
            .iter()
            .map(|c| c.get(0).map(|m| m.range()))
            .collect();
        let expected: Vec<Option<Range<usize>>> = unicode.into_iter().map(Some).collect();
        prop_assert_eq!(captured, expected, "captures_all on {:?}", text);
        Ok(())
    }

    proptest! {
        #[test]
        fn matches_equal_the_unicode_forms_on_any_text(
            pieces in prop::collection::vec(prop::sample::select(vec![
                "ongoing", "support", "caf", "é", "ë", "\u{0301}", "K", "\u{212A}", "ſ", "s",
                "kit", " ", "’", "“", "-", "_", "1", "as", "and", "when", "required", "ok",
                "\u{200D}", "٣",
            ]), 0..16)
        ) {
            let text = pieces.concat();
            let lists: [&[&str]; 3] = [
                &[r"(as\s+and\s+when\s+required)", r"(as\s+required)", "(ongoing)", "support", "caf", "(?i:kit)", "ks"],
                &["ongoing", "supports?"],
                &["e_", "(?:ok|ë)"],
            ];
            for alternatives in lists {
                let alternatives: Vec<String> = alternatives.iter().map(|a| a.to_string()).collect();
                let Some(regex) = WordRegex::word_list(&alternatives, true) else {
                    panic!("{alternatives:?} does not compile");
                };
                same_as_unicode(&regex, &text)?;
            }
            for pattern in [r"\bsupport\w*\b|\b\w+ing\b", r"(?:^|\s)\w+\b"] {
                let Some(regex) = WordRegex::new(pattern, true) else {
                    panic!("{pattern} does not compile");
                };
                same_as_unicode(&regex, &text)?;
            }
        }
    }
}
