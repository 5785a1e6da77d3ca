//! Regexes with word boundaries that stay on the regex crate's fast engines whatever the
//! text.
//!
//! A Unicode word boundary (`\b`) is the one thing the regex crate's lazy DFA cannot match
//! past a non-ASCII byte: a single curly apostrophe or en dash in a field sends the whole
//! search to the backtracker or the PikeVM, three to five times slower. An ASCII word
//! boundary, `(?-u:\b)`, has no such limit. The two agree at every position whose
//! neighbours are ASCII or are not word characters at all (curly quotes, dashes, bullets),
//! so a [`WordRegex`] keeps both forms of the pattern and uses the ASCII one wherever it
//! gives exactly the same matches:
//!
//! - on a text with no non-ASCII word character (letters such as "ë", digits, marks), for
//!   every pattern: every boundary in the text is the same under both definitions;
//! - on any other text, for a pattern whose every `\b` has, on one side, a character the
//!   pattern itself matches that can only be an ASCII letter, digit or underscore (a word
//!   list, "\bby\s+\w+ing\b"; checked on the pattern when it is compiled). Where the
//!   Unicode form finds a match, the ASCII form then finds one too, at the same place or
//!   earlier; a match of the ASCII form with no non-ASCII word character in it or next to
//!   it is the Unicode form's next match, and for any other the Unicode form is asked for
//!   its next match instead.
//!
//! So the matches are always the Unicode form's, and the findings never change.
//!
//! The form for text with no non-ASCII word character goes one step further: its `\w` and
//! `\d` are ASCII classes too, and so is its `\B`. On such a text they match exactly what
//! the Unicode ones match, since every character the Unicode classes add is a non-ASCII
//! word character. It compiles far faster: a Unicode `\w` is hundreds of states of UTF-8
//! automaton, copied for every repetition ("(?:[\w'’-]+\s+){0,5}" holds five), and
//! compiling regexes is most of what a page's first check costs. The form for other text
//! keeps the pattern's classes as written and is compiled when such a text first comes.
//!
//! Without the lazy DFA (the `regex-perf-dfa` feature, part of `fast-regex`) only the
//! Unicode form is compiled.

use std::ops::Range;
use std::sync::OnceLock;

use regex::{Captures, Match, Regex, RegexBuilder};
use regex_syntax::hir::literal::{ExtractKind, Extractor};
use regex_syntax::hir::{Hir, HirKind, Look};

/// A pattern compiled with Unicode word boundaries and with ASCII ones.
///
/// Where there is an ASCII form, the Unicode form, the form for text with non-ASCII word
/// characters and the check of the pattern's boundaries are made only when a text first
/// needs them (one with a non-ASCII word character): most texts never do, and compiling is
/// most of what a first check costs, in a browser above all.
#[derive(Debug)]
pub struct WordRegex {
    pattern: Box<str>,
    case_insensitive: bool,
    /// Compiled at once when there is no ASCII form. `None` inside only if it does not
    /// compile, which cannot happen when the ASCII form did: the patterns differ only in
    /// the kind of their word boundaries and classes.
    unicode: OnceLock<Option<Regex>>,
    /// For text with no non-ASCII word character: the pattern with every `\b`, `\B`, `\w`
    /// and `\d` made ASCII; absent when the pattern has none of them.
    ascii: Option<Regex>,
    /// For other text, where the boundaries allow ([`Form::Checked`]): the pattern with
    /// only its `\b` made ASCII.
    boundary_form: BoundaryForm,
    /// Whether every `\b` of the pattern touches an ASCII word character of its own, so
    /// that the form with ASCII boundaries finds whatever the Unicode form finds on any
    /// text.
    boundaries_touch_ascii: OnceLock<bool>,
}

/// The form with ASCII word boundaries and the pattern's own classes.
#[derive(Debug)]
enum BoundaryForm {
    /// The pattern has no `\b` (or no ASCII form at all): that form would be the Unicode
    /// form itself.
    None,
    /// The same as the ASCII form: the pattern has no `\w`, `\d` or `\B` to rewrite.
    Ascii,
    /// A pattern of its own, compiled when first needed; `None` inside if it does not
    /// compile.
    Own(Box<str>, OnceLock<Option<Regex>>),
}

fn compile(pattern: &str, case_insensitive: bool) -> Option<Regex> {
    RegexBuilder::new(pattern)
        .case_insensitive(case_insensitive)
        .build()
        .ok()
}

/// One search, by either form, from a position: what [`WordRegex::search`] merges.
trait Search<'h>: Sized {
    fn at(regex: &Regex, text: &'h str, start: usize) -> Option<Self>;
    fn all(regex: &Regex, text: &'h str) -> Vec<Self>;
    fn range(&self) -> Range<usize>;
}

impl<'h> Search<'h> for Match<'h> {
    fn at(regex: &Regex, text: &'h str, start: usize) -> Option<Self> {
        regex.find_at(text, start)
    }
    fn all(regex: &Regex, text: &'h str) -> Vec<Self> {
        regex.find_iter(text).collect()
    }
    fn range(&self) -> Range<usize> {
        Match::range(self)
    }
}

impl<'h> Search<'h> for Captures<'h> {
    fn at(regex: &Regex, text: &'h str, start: usize) -> Option<Self> {
        regex.captures_at(text, start)
    }
    fn all(regex: &Regex, text: &'h str) -> Vec<Self> {
        regex.captures_iter(text).collect()
    }
    fn range(&self) -> Range<usize> {
        self.get(0).map_or(0..0, |whole| whole.range())
    }
}

impl WordRegex {
    /// Compiles `pattern` (case-insensitively when asked). `None` when it does not compile.
    pub fn new(pattern: &str, case_insensitive: bool) -> Option<WordRegex> {
        // Without the `regex-perf-dfa` feature (the editor's build leaves it out) there is
        // no lazy DFA for the ASCII form to stay on: compiling it would only slow the first
        // check. Tested before the pattern is rewritten, so that such a build can drop the
        // rewriting and everything that serves the ASCII form.
        let (ascii, boundary_form) = if cfg!(feature = "regex-perf-dfa") {
            let forms = AsciiForms::of(pattern);
            let ascii = (forms.text != pattern)
                .then(|| compile(&forms.text, case_insensitive))
                .flatten();
            let boundary_form = if ascii.is_none() || forms.boundaries == pattern {
                BoundaryForm::None
            } else if forms.boundaries == forms.text {
                BoundaryForm::Ascii
            } else {
                BoundaryForm::Own(forms.boundaries.into(), OnceLock::new())
            };
            (ascii, boundary_form)
        } else {
            (None, BoundaryForm::None)
        };
        let unicode = OnceLock::new();
        if ascii.is_none() {
            unicode
                .get_or_init(|| compile(pattern, case_insensitive))
                .as_ref()?;
        }
        Some(WordRegex {
            pattern: pattern.into(),
            case_insensitive,
            unicode,
            ascii,
            boundary_form,
            boundaries_touch_ascii: OnceLock::new(),
        })
    }

    /// The form with ASCII word boundaries and the pattern's own classes, for
    /// [`Form::Checked`].
    fn boundary_form<'r>(&'r self, ascii: &'r Regex) -> Option<&'r Regex> {
        match &self.boundary_form {
            BoundaryForm::None => None,
            BoundaryForm::Ascii => Some(ascii),
            BoundaryForm::Own(pattern, regex) => regex
                .get_or_init(|| compile(pattern, self.case_insensitive))
                .as_ref(),
        }
    }

    /// See [`WordRegex::boundaries_touch_ascii`]'s field.
    fn boundaries_touch_ascii(&self) -> bool {
        *self.boundaries_touch_ascii.get_or_init(|| {
            !matches!(self.boundary_form, BoundaryForm::None)
                && regex_syntax::ParserBuilder::new()
                    .case_insensitive(self.case_insensitive)
                    .build()
                    .parse(&self.pattern)
                    .is_ok_and(|hir| every_boundary_touches_ascii(&hir))
        })
    }

    /// A list of words, `\b(?:first|second|…)\b`, from its alternatives.
    pub fn word_list(alternatives: &[String], case_insensitive: bool) -> Option<WordRegex> {
        Self::new(
            &format!(r"\b(?:{})\b", alternatives.join("|")),
            case_insensitive,
        )
    }

    /// Whether the ASCII form serves text with non-ASCII word characters too (for tests
    /// that keep the word lists fast).
    #[cfg(test)]
    pub fn is_fast_on_any_text(&self) -> bool {
        self.boundaries_touch_ascii()
    }

    /// The Unicode form: what every result equals.
    pub fn unicode(&self) -> Option<&Regex> {
        self.unicode
            .get_or_init(|| compile(&self.pattern, self.case_insensitive))
            .as_ref()
    }

    pub fn is_match(&self, text: &str) -> bool {
        match self.form_for(text) {
            Form::Exact(regex) => regex.is_match(text),
            Form::Checked(_) => self.find(text).is_some(),
            Form::Nothing => false,
        }
    }

    pub fn find<'h>(&self, text: &'h str) -> Option<Match<'h>> {
        match self.form_for(text) {
            Form::Exact(regex) => regex.find(text),
            Form::Checked(ascii) => self.search::<Match<'h>>(ascii, text, 0),
            Form::Nothing => None,
        }
    }

    /// Every match, leftmost-first, as `Regex::find_iter` gives them.
    pub fn find_all<'h>(&self, text: &'h str) -> Vec<Match<'h>> {
        match self.form_for(text) {
            Form::Exact(regex) => regex.find_iter(text).collect(),
            Form::Checked(ascii) => self.search_all(ascii, text),
            Form::Nothing => Vec::new(),
        }
    }

    /// Every match with its groups, as `Regex::captures_iter` gives them.
    pub fn captures_all<'h>(&self, text: &'h str) -> Vec<Captures<'h>> {
        match self.form_for(text) {
            Form::Exact(regex) => regex.captures_iter(text).collect(),
            Form::Checked(ascii) => self.search_all(ascii, text),
            Form::Nothing => Vec::new(),
        }
    }

    /// For each match, as `captures_all` finds them, the first group that took part
    /// (counted from 0 for group 1) and its range: which word of a list matched. Matches
    /// with no group are left out. Reuses one set of capture slots for every match rather
    /// than a `Captures` each (a word list has a group per word).
    pub fn first_groups(&self, text: &str) -> Vec<(usize, Range<usize>)> {
        let (regex, checked) = match self.form_for(text) {
            Form::Exact(regex) => (regex, false),
            Form::Checked(ascii) => (ascii, true),
            Form::Nothing => return Vec::new(),
        };
        // Most texts hold no word of the list: find that out without capture slots, which
        // are allocated and cleared by the list's size (a group per word) on every call.
        if regex.find(text).is_none() {
            return Vec::new();
        }
        let mut locations = regex.capture_locations();
        let mut unicode_locations = None;
        let mut found = Vec::new();
        let mut at = 0;
        while let Some(whole) = regex.captures_read_at(&mut locations, text, at) {
            let mut range = whole.range();
            let mut groups = &locations;
            if checked && touches_non_ascii_word_character(text, &range) {
                // As in `search`: the Unicode form's next match, from where the ASCII
                // form's starts.
                let Some(unicode) = self.unicode() else {
                    break;
                };
                let unicode_locations =
                    unicode_locations.get_or_insert_with(|| unicode.capture_locations());
                let Some(whole) = unicode.captures_read_at(unicode_locations, text, range.start)
                else {
                    break;
                };
                range = whole.range();
                groups = unicode_locations;
            }
            if range.is_empty() {
                // The iterators' rule for empty matches is theirs to apply.
                let Some(unicode) = self.unicode() else {
                    return Vec::new();
                };
                return unicode
                    .captures_iter(text)
                    .filter_map(|captures| {
                        first_group(
                            captures
                                .iter()
                                .skip(1)
                                .map(|group| group.map(|group| group.range())),
                        )
                    })
                    .collect();
            }
            if let Some(first) = first_group(
                (1..groups.len()).map(|index| groups.get(index).map(|(start, end)| start..end)),
            ) {
                found.push(first);
            }
            at = range.end;
        }
        found
    }

    fn form_for(&self, text: &str) -> Form<'_> {
        // `cfg!` again here, although `ascii` is then always `None`: the optimiser cannot
        // know that from the field, and this lets it drop the ASCII form's search code.
        let ascii = self
            .ascii
            .as_ref()
            .filter(|_| cfg!(feature = "regex-perf-dfa"));
        let Some(ascii) = ascii else {
            return self.unicode().map_or(Form::Nothing, Form::Exact);
        };
        match outside_ascii(text) {
            OutsideAscii::NoWordCharacter => Form::Exact(ascii),
            OutsideAscii::FoldsToAscii => self.unicode().map_or(Form::Nothing, Form::Exact),
            OutsideAscii::WordCharacters if !self.boundaries_touch_ascii() => {
                self.unicode().map_or(Form::Nothing, Form::Exact)
            }
            OutsideAscii::WordCharacters => self
                .boundary_form(ascii)
                .map_or(Form::Nothing, Form::Checked),
        }
    }

    /// Every match from the start, as the Unicode form's iterator gives them.
    fn search_all<'h, T: Search<'h>>(&self, ascii: &Regex, text: &'h str) -> Vec<T> {
        let mut found = Vec::new();
        let mut at = 0;
        while let Some(next) = self.search::<T>(ascii, text, at) {
            let range = next.range();
            if range.is_empty() {
                // The iterators' rule for empty matches is theirs to apply (no rule's
                // pattern matches empty text).
                return self
                    .unicode()
                    .map(|unicode| T::all(unicode, text))
                    .unwrap_or_default();
            }
            at = range.end;
            found.push(next);
        }
        found
    }

    /// The Unicode form's next match from `at`, found by the ASCII form when it can be.
    fn search<'h, T: Search<'h>>(&self, ascii: &Regex, text: &'h str, at: usize) -> Option<T> {
        let candidate = T::at(ascii, text, at)?;
        let range = candidate.range();
        if !touches_non_ascii_word_character(text, &range) {
            return Some(candidate);
        }
        // The Unicode form's next match starts no earlier than the ASCII form's.
        T::at(self.unicode()?, text, range.start)
    }
}

/// The first group that took part, counted from 0, and its range.
fn first_group(
    groups: impl Iterator<Item = Option<Range<usize>>>,
) -> Option<(usize, Range<usize>)> {
    groups
        .enumerate()
        .find_map(|(index, group)| group.map(|group| (index, group)))
}

enum Form<'r> {
    /// Gives the Unicode form's matches as it is.
    Exact(&'r Regex),
    /// The form with ASCII word boundaries, whose matches are checked one by one.
    Checked(&'r Regex),
    /// No form compiled: matches nothing.
    Nothing,
}

/// Whether every word boundary of `hir` has, right beside it in a sequence, a part of the
/// pattern that can only begin (after it) or end (before it) with an ASCII word character.
/// Unknown shapes answer no, which only costs speed.
fn every_boundary_touches_ascii(hir: &Hir) -> bool {
    match hir.kind() {
        HirKind::Empty | HirKind::Literal(_) | HirKind::Class(_) => true,
        HirKind::Look(look) => !is_word_look(*look),
        HirKind::Repetition(repetition) => every_boundary_touches_ascii(&repetition.sub),
        HirKind::Capture(capture) => every_boundary_touches_ascii(&capture.sub),
        HirKind::Alternation(alternatives) => alternatives.iter().all(every_boundary_touches_ascii),
        HirKind::Concat(items) => items
            .iter()
            .enumerate()
            .all(|(index, item)| match item.kind() {
                HirKind::Look(Look::WordUnicode) => {
                    let after = items.get(index + 1..).unwrap_or_default();
                    let before = items.get(..index).unwrap_or_default();
                    edge_is_ascii_word(after, ExtractKind::Prefix)
                        || edge_is_ascii_word(before, ExtractKind::Suffix)
                }
                _ => every_boundary_touches_ascii(item),
            }),
    }
}

fn is_word_look(look: Look) -> bool {
    !matches!(
        look,
        Look::Start | Look::End | Look::StartLF | Look::EndLF | Look::StartCRLF | Look::EndCRLF
    )
}

/// Whether every match of the sequence `items` begins (`Prefix`) or ends (`Suffix`) with
/// an ASCII word character, or with "\u{212A}" or "ſ" (which [`WordRegex`] looks for
/// in the text before relying on this).
fn edge_is_ascii_word(items: &[Hir], kind: ExtractKind) -> bool {
    if items.is_empty() {
        return false;
    }
    let prefix = matches!(kind, ExtractKind::Prefix);
    let mut extractor = Extractor::new();
    // Only the first or last character matters, and case-insensitive words have a literal
    // per spelling in upper and lower case: short literals keep the sequence finite. Three
    // bytes hold "\u{212A}" whole.
    extractor
        .limit_literal_len(3)
        .limit_total(10_000)
        .kind(kind);
    let sequence = extractor.extract(&Hir::concat(items.to_vec()));
    let folded = ["\u{212A}", "\u{017F}"];
    sequence.literals().is_some_and(|literals| {
        literals.iter().all(|literal| {
            let bytes = literal.as_bytes();
            let edge = if prefix { bytes.first() } else { bytes.last() };
            edge.is_some_and(|&byte| regex_syntax::is_word_byte(byte))
                || folded.iter().any(|fold| {
                    if prefix {
                        bytes.starts_with(fold.as_bytes())
                    } else {
                        bytes.ends_with(fold.as_bytes())
                    }
                })
        })
    })
}

/// The two rewritten forms of a pattern.
struct AsciiForms {
    /// Every word boundary `\b` made an ASCII one, `(?-u:\b)`; nothing else changed.
    boundaries: String,
    /// As `boundaries`, and `\B`, `\w` and `\d` made ASCII too, inside a bracketed class
    /// ("[\w'’-]") as well as outside: what serves a text with no non-ASCII word character.
    text: String,
}

impl AsciiForms {
    fn of(pattern: &str) -> AsciiForms {
        let mut forms = AsciiForms {
            boundaries: String::with_capacity(pattern.len() + 16),
            text: String::with_capacity(pattern.len() + 32),
        };
        // How deep in bracketed classes the pattern is: `[` inside a class opens a nested
        // one ("[[:alpha:]x]"), and a `]` right after the opening `[` or `[^` is a literal.
        let mut class_depth = 0usize;
        let mut characters = pattern.chars().peekable();
        while let Some(character) = characters.next() {
            match character {
                '\\' => {
                    let Some(escaped) = characters.next() else {
                        forms.push_both("\\");
                        break;
                    };
                    let in_class = class_depth > 0;
                    match escaped {
                        'b' if !in_class => forms.push_both(r"(?-u:\b)"),
                        'B' if !in_class => forms.push(r"\B", r"(?-u:\B)"),
                        'w' if in_class => forms.push(r"\w", "0-9A-Za-z_"),
                        'w' => forms.push(r"\w", "[0-9A-Za-z_]"),
                        'd' if in_class => forms.push(r"\d", "0-9"),
                        'd' => forms.push(r"\d", "[0-9]"),
                        _ => {
                            forms.boundaries.extend(['\\', escaped]);
                            forms.text.extend(['\\', escaped]);
                        }
                    }
                }
                '[' => {
                    class_depth += 1;
                    forms.push_both("[");
                    if characters.next_if_eq(&'^').is_some() {
                        forms.push_both("^");
                    }
                    if characters.next_if_eq(&']').is_some() {
                        forms.push_both("]");
                    }
                }
                ']' if class_depth > 0 => {
                    class_depth -= 1;
                    forms.push_both("]");
                }
                _ => {
                    forms.boundaries.push(character);
                    forms.text.push(character);
                }
            }
        }
        forms
    }

    fn push(&mut self, in_boundaries: &str, in_text: &str) {
        self.boundaries.push_str(in_boundaries);
        self.text.push_str(in_text);
    }

    fn push_both(&mut self, piece: &str) {
        self.push(piece, piece);
    }
}

fn is_word_character(character: char) -> bool {
    // Without the Unicode tables the answer is unknown: saying "word" keeps the exact path.
    regex_syntax::try_is_word_character(character).unwrap_or(true)
}

/// What a text holds outside ASCII, as [`WordRegex::form_for`] needs to know it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum OutsideAscii {
    /// No word character: the two kinds of word boundary agree everywhere.
    NoWordCharacter,
    /// Word characters, none of the two below.
    WordCharacters,
    /// "\u{212A}" or "ſ", which fold to ASCII letters under case-insensitive matching
    /// ("k" and "s"), so the letters a pattern matches may not be ASCII.
    FoldsToAscii,
}

/// Reads every character outside ASCII once (the ASCII ones are skipped a byte at a
/// time), for each search of each pattern: looking for the two folding characters with
/// `contains` on top of finding a word character was a twentieth of a 100 KB paste's
/// check in a browser.
fn outside_ascii(text: &str) -> OutsideAscii {
    let mut words = false;
    for character in non_ascii_characters(text) {
        if matches!(character, '\u{212A}' | '\u{017F}') {
            return OutsideAscii::FoldsToAscii;
        }
        words |= is_word_character(character);
    }
    if words {
        OutsideAscii::WordCharacters
    } else {
        OutsideAscii::NoWordCharacter
    }
}

/// Whether `text` has a word character outside ASCII, where the two kinds of word boundary
/// can disagree.
pub fn has_non_ascii_word_character(text: &str) -> bool {
    non_ascii_characters(text).any(is_word_character)
}

/// The characters of `text` outside ASCII, found by skipping ASCII bytes: asked of every
/// field by every pattern, and most fields are ASCII, which `is_ascii` answers a word at
/// a time.
fn non_ascii_characters(text: &str) -> impl Iterator<Item = char> + '_ {
    let bytes = text.as_bytes();
    let mut from = if text.is_ascii() { text.len() } else { 0 };
    std::iter::from_fn(move || {
        let offset = first_non_ascii(bytes.get(from..)?)?;
        let character = text.get(from + offset..)?.chars().next()?;
        from += offset + character.len_utf8();
        Some(character)
    })
}

/// Where the first byte outside ASCII is, eight bytes at a time: a long paste with one
/// accented letter or curly quote is scanned whole by every pattern that searches it, and
/// a byte at a time that was a thirtieth of a 1 MB check in a browser.
fn first_non_ascii(bytes: &[u8]) -> Option<usize> {
    // Without `fast-text` (the editor) a byte at a time, for size.
    if !cfg!(feature = "fast-text") {
        return bytes.iter().position(|byte| !byte.is_ascii());
    }
    const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
    let chunks = bytes.chunks_exact(8);
    let rest = chunks.remainder();
    for (index, chunk) in chunks.enumerate() {
        let word = u64::from_le_bytes(chunk.try_into().unwrap_or([0x80; 8]));
        if word & HIGH_BITS != 0 {
            // The lowest set high bit is the first such byte (little-endian).
            return Some(index * 8 + (word & HIGH_BITS).trailing_zeros() as usize / 8);
        }
    }
    rest.iter()
        .position(|byte| !byte.is_ascii())
        .map(|offset| bytes.len() - rest.len() + offset)
}

/// Whether a non-ASCII word character lies in `range` or just beside it, where a word
/// boundary of the match may read differently under the two definitions.
fn touches_non_ascii_word_character(text: &str, range: &Range<usize>) -> bool {
    let before = text
        .get(..range.start)
        .and_then(|before| before.chars().next_back())
        .map_or(0, char::len_utf8);
    let after = text
        .get(range.end..)
        .and_then(|after| after.chars().next())
        .map_or(0, char::len_utf8);
    text.get(range.start.saturating_sub(before)..range.end + after)
        .is_none_or(has_non_ascii_word_character)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn only_real_word_boundaries_and_classes_are_rewritten() {
        let forms = |pattern: &str| {
            let forms = AsciiForms::of(pattern);
            (forms.boundaries, forms.text)
        };
        let same = |pattern: &str| (pattern.to_string(), pattern.to_string());
        assert_eq!(forms(r"\bso\b"), same(r"(?-u:\b)so(?-u:\b)"));
        assert_eq!(forms(r"a\\b\s"), same(r"a\\b\s"));
        assert_eq!(forms(r"[\b]\pL\\w"), same(r"[\b]\pL\\w"));
        assert_eq!(
            forms(r"\B\d"),
            (r"\B\d".to_string(), r"(?-u:\B)[0-9]".to_string())
        );
        assert_eq!(
            forms(r"\bnever\s+(?:[\w'’-]+\s+)\w*[^]\d]\w"),
            (
                r"(?-u:\b)never\s+(?:[\w'’-]+\s+)\w*[^]\d]\w".to_string(),
                r"(?-u:\b)never\s+(?:[0-9A-Za-z_'’-]+\s+)[0-9A-Za-z_]*[^]0-9][0-9A-Za-z_]"
                    .to_string()
            )
        );
        assert_eq!(
            forms(r"[[:alpha:]\w]\w"),
            (
                r"[[:alpha:]\w]\w".to_string(),
                r"[[:alpha:]0-9A-Za-z_][0-9A-Za-z_]".to_string()
            )
        );
    }

    #[test]
    fn what_lies_outside_ascii_is_told_apart() {
        assert_eq!(
            outside_ascii("Tommy’s mum – “ok”"),
            OutsideAscii::NoWordCharacter
        );
        assert_eq!(outside_ascii("ok"), OutsideAscii::NoWordCharacter);
        assert_eq!(outside_ascii("Zoë’s"), OutsideAscii::WordCharacters);
        assert_eq!(
            outside_ascii("Zoë and \u{212A}it"),
            OutsideAscii::FoldsToAscii
        );
        assert_eq!(outside_ascii("’ſ"), OutsideAscii::FoldsToAscii);
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
        assert_eq!(
            regex.is_fast_on_any_text(),
            cfg!(feature = "regex-perf-dfa")
        );
        let text = "café support’s";
        let found: Vec<&str> = regex.find_all(text).iter().map(|m| m.as_str()).collect();
        assert_eq!(found, vec!["support"]);
        assert!(!regex.is_match("café"));
    }

    fn same_as_unicode(regex: &WordRegex, text: &str) -> Result<(), TestCaseError> {
        // The fast answers first, so that they are given before anything asks for the
        // Unicode form (compiled only when first needed).
        let fast: Vec<Range<usize>> = regex.find_all(text).iter().map(|m| m.range()).collect();
        let is_match = regex.is_match(text);
        let captured: Vec<Option<Range<usize>>> = regex
            .captures_all(text)
            .iter()
            .map(|c| c.get(0).map(|m| m.range()))
            .collect();
        let first_groups = regex.first_groups(text);
        let Some(unicode_form) = regex.unicode() else {
            return Err(TestCaseError::fail("the Unicode form does not compile"));
        };
        let unicode: Vec<Range<usize>> = unicode_form.find_iter(text).map(|m| m.range()).collect();
        prop_assert_eq!(&fast, &unicode, "find_all on {:?}", text);
        prop_assert_eq!(is_match, !unicode.is_empty(), "is_match on {:?}", text);
        let expected: Vec<Option<Range<usize>>> = unicode.into_iter().map(Some).collect();
        prop_assert_eq!(captured, expected, "captures_all on {:?}", text);
        let first: Vec<(usize, Range<usize>)> = unicode_form
            .captures_iter(text)
            .filter_map(|c| first_group(c.iter().skip(1).map(|g| g.map(|g| g.range()))))
            .collect();
        prop_assert_eq!(first_groups, first, "first_groups on {:?}", text);
        Ok(())
    }

    proptest! {
        /// The first byte outside ASCII is found where a byte at a time finds it, wherever
        /// it falls in or after the eight-byte words.
        #[test]
        fn the_first_non_ascii_byte_is_found_by_words_as_by_bytes(
            bytes in prop::collection::vec(prop::sample::select(vec![b'a', b' ', 0x7f, 0x80, 0xC3, 0xFF]), 0..40),
            ascii_run in 0usize..30,
        ) {
            let mut text = vec![b'x'; ascii_run];
            text.extend_from_slice(&bytes);
            prop_assert_eq!(first_non_ascii(&text), text.iter().position(|byte| !byte.is_ascii()));
        }

        #[test]
        fn matches_equal_the_unicode_forms_on_any_text(
            pieces in prop::collection::vec(prop::sample::select(vec![
                "ongoing", "support", "caf", "é", "ë", "\u{0301}", "K", "\u{212A}", "ſ", "s",
                "kit", " ", "’", "“", "-", "_", "1", "as", "and", "when", "required", "ok",
                "\u{200D}", "٣", "by", "never", "again", "ing", "at", "all", "Zoë", "'",
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
            for (pattern, fast) in [
                (r"\bsupport\w*\b|\b\w+ing\b", false),
                (r"(?:^|\s)\w+\b", false),
                (r"\bby\s+\w+ing\b", true),
                (r"(?i)\bnever\s+(?:[\w'’-]+\s+){0,2}?again\b|\bat\s+all\b|\b(?:kit|caf)\w*\s+\w+", true),
                // Classes without word boundaries, and `\B`: their ASCII form serves only
                // text with no non-ASCII word character.
                (r"\w+ing|[^\w\s]+\d", false),
                (r"(?i)s\Bup|\d\w|[\d’]+", false),
                (r"(?i)\bk[\w-]*\b", false),
            ] {
                let Some(regex) = WordRegex::new(pattern, false) else {
                    panic!("{pattern} does not compile");
                };
                prop_assert_eq!(regex.is_fast_on_any_text(), fast && cfg!(feature = "regex-perf-dfa"), "{}", pattern);
                same_as_unicode(&regex, &text)?;
            }
        }
    }
}
