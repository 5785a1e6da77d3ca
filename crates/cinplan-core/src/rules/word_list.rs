//! What the word-list rules (`vague-term`, `woolly-term`, `subjective-term`) share: a table
//! of terms compiled once into one regex, the context checks that keep a word from being
//! flagged where it is not empty, and the filling of rewrite templates with the plan's own
//! facts.
//!
//! Context, not just words: practitioners switch off a tool that cries wolf, so a term is
//! not flagged
//! - inside a quotation ("Mum said 'it's an ongoing battle'"): those are someone's own
//!   words, recorded as said;
//! - as part of a name ("Early Help Support", "Family Support Worker", "Appropriate
//!   Adult"): a capitalised term next to another capitalised word that does not start the
//!   sentence is read as a name;
//! - where the term's own [`Unless`] conditions say the sentence gives what the word
//!   lacks (a number or frequency, the way help is given, a device rather than an
//!   activity).

use std::ops::Range;

use chrono::NaiveDate;

use crate::finding::{RawFinding, RawSuggestion};
use crate::plan::Plan;
use crate::rules::word_regex::WordRegex;
use crate::rules::{FieldContext, FieldName, RuleMeta};
use crate::text::RangeSet;

/// One entry of a word list: the forms of one term, what to say about it and what to
/// write instead.
#[derive(Debug)]
pub(crate) struct Term {
    /// A regex fragment, matched case-insensitively on word boundaries. A space matches
    /// any run of whitespace. Groups must be non-capturing (`(?:…)`). An entry that
    /// contains another must come first ("as and when required" before "as required").
    pub pattern: &'static str,
    /// When an occurrence is not the empty use of the word.
    pub unless: &'static [Unless],
    /// The message for one occurrence; `{found}` is the text as written.
    pub message: &'static str,
    pub rewrites: &'static [Rewrite],
    /// A text in which the term is flagged, and its field: the table's own tests check
    /// every term fires on it and apply every rewrite to it.
    #[cfg_attr(not(test), allow(dead_code))]
    pub example: (FieldName, &'static str),
}

/// A context in which a term's occurrence is not flagged.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Unless {
    /// The sentence gives a yardstick: a number, a frequency, a day, a month or a share.
    SentenceHasYardstick,
    /// Later in the sentence, "by" and a verb ending in -ing says how ("… by driving her
    /// there").
    SaysHow,
    /// Later in the sentence one of these words says what the work is about
    /// ("work with Mum on a bedtime routine").
    FollowedBy(&'static [&'static str]),
    /// The word just before (after a space or a hyphen) is one of these: "baby monitor",
    /// "age-appropriate".
    After(&'static [&'static str]),
    /// The word just after is one of these: "support worker".
    Before(&'static [&'static str]),
}

/// Which fields a rewrite suits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Suits {
    Any,
    /// By when, visiting, review frequency.
    Timescale,
    ByWhom,
    /// Every field that is neither a timescale nor "by whom".
    Prose,
}

impl Suits {
    fn includes(self, field: FieldName) -> bool {
        match self {
            Suits::Any => true,
            Suits::Timescale => field.is_timescale(),
            Suits::ByWhom => field == FieldName::ByWhom,
            Suits::Prose => !field.is_timescale() && field != FieldName::ByWhom,
        }
    }
}

/// How a rewrite is offered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RewriteKind {
    /// Replaces the flagged words; safe, or with `[placeholders]` to fill in.
    Replace,
    /// Advice shown but never applied.
    Advice,
}

/// A better wording. Templates may use `{found}` (the words as written), `{child}`,
/// `{lead}` (the lead professional) and `{first_review}` ("16 February 2027"); a fact the
/// plan does not give becomes a placeholder to fill in.
#[derive(Debug)]
pub(crate) struct Rewrite {
    pub suits: Suits,
    pub kind: RewriteKind,
    pub label: &'static str,
    pub template: &'static str,
}

impl Rewrite {
    pub const fn replace(suits: Suits, label: &'static str, template: &'static str) -> Self {
        Rewrite {
            suits,
            kind: RewriteKind::Replace,
            label,
            template,
        }
    }

    pub const fn advice(label: &'static str, template: &'static str) -> Self {
        Rewrite {
            suits: Suits::Any,
            kind: RewriteKind::Advice,
            label,
            template,
        }
    }
}

/// A table of terms compiled into one case-insensitive regex with a group per term.
#[derive(Debug)]
pub(crate) struct WordList {
    terms: &'static [Term],
    regex: Option<WordRegex>,
}

/// One occurrence of a term in a text.
#[derive(Debug, Clone)]
pub(crate) struct Occurrence {
    pub term: &'static Term,
    pub range: Range<usize>,
}

impl WordList {
    /// Compiles the table. A pattern that does not compile leaves the list matching
    /// nothing rather than panicking; the table's tests make sure that never ships.
    pub fn new(terms: &'static [Term]) -> WordList {
        let alternatives: Vec<String> = terms
            .iter()
            .map(|term| format!("({})", spaces_to_whitespace(term.pattern)))
            .collect();
        let regex = WordRegex::word_list(&alternatives, true);
        WordList { terms, regex }
    }

    #[cfg(test)]
    pub fn terms(&self) -> &'static [Term] {
        self.terms
    }

    /// Whether every pattern compiled, for tests.
    #[cfg(test)]
    pub fn is_compiled(&self) -> bool {
        self.regex
            .as_ref()
            .and_then(WordRegex::unicode)
            .is_some_and(|regex| regex.captures_len() == self.terms.len() + 1)
    }

    /// Whether matching stays on the fast engines on text with accented letters, for tests.
    #[cfg(test)]
    pub fn is_fast_on_any_text(&self) -> bool {
        self.regex
            .as_ref()
            .is_some_and(WordRegex::is_fast_on_any_text)
    }

    /// Every occurrence of a term in `text` that is an empty use of it: not quoted, not
    /// part of a name, and not excused by the term's own conditions.
    pub fn find(&self, text: &str) -> Vec<Occurrence> {
        let Some(regex) = &self.regex else {
            return Vec::new();
        };
        let matches = regex.first_groups(text);
        if matches.is_empty() {
            // Most texts: no need to find their quotations.
            return Vec::new();
        }
        let quotes = Quotes::of(text);
        let mut found = Vec::new();
        for (index, range) in matches {
            let Some(term) = self.terms.get(index) else {
                continue;
            };
            if quotes.contain(&range)
                || is_part_of_name(text, &range)
                || term
                    .unless
                    .iter()
                    .any(|unless| excuses(*unless, text, &range))
            {
                continue;
            }
            found.push(Occurrence { term, range });
        }
        found
    }
}

fn spaces_to_whitespace(pattern: &str) -> String {
    pattern.replace(' ', r"\s+")
}

fn excuses(unless: Unless, text: &str, range: &Range<usize>) -> bool {
    let sentence = sentence_around(text, range);
    match unless {
        Unless::SentenceHasYardstick => text.get(sentence).is_some_and(has_yardstick),
        Unless::SaysHow => text.get(range.end..sentence.end).is_some_and(says_how),
        Unless::FollowedBy(words) => text.get(range.end..sentence.end).is_some_and(|rest| {
            rest.split(|c: char| !c.is_alphanumeric())
                .any(|word| words.iter().any(|w| w.eq_ignore_ascii_case(word)))
        }),
        Unless::After(words) => previous_word(text, range.start)
            .is_some_and(|word| words.iter().any(|w| w.eq_ignore_ascii_case(word))),
        Unless::Before(words) => next_word(text, range.end)
            .is_some_and(|word| words.iter().any(|w| w.eq_ignore_ascii_case(word))),
    }
}

/// Characters that end a sentence (a full stop only when followed by a space or the end,
/// so "3.30pm" and "e.g." inside a sentence do not split it).
fn ends_sentence(text: &str, index: usize, character: char) -> bool {
    match character {
        '!' | '?' | ';' | '\n' | '\r' | '•' => true,
        '.' => text
            .get(index + 1..)
            .is_none_or(|rest| rest.chars().next().is_none_or(char::is_whitespace)),
        _ => false,
    }
}

/// The byte range of the sentence that contains `range`.
pub(crate) fn sentence_around(text: &str, range: &Range<usize>) -> Range<usize> {
    let before = text.get(..range.start).unwrap_or("");
    let start = before
        .char_indices()
        .rev()
        .find(|(index, character)| ends_sentence(text, *index, *character))
        .map_or(0, |(index, character)| index + character.len_utf8());
    let after = text.get(range.end..).unwrap_or("");
    let end = after
        .char_indices()
        .find(|(index, character)| ends_sentence(text, range.end + index, *character))
        .map_or(text.len(), |(index, _)| range.end + index);
    start..end.max(start)
}

/// The sentences of a text, each as a byte range trimmed of surrounding whitespace.
pub(crate) fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    let mut start = 0;
    // A byte at a time, as `ends_sentence` reads characters: every character that ends a
    // sentence is ASCII but "•" (E2 80 A2), and no byte of a longer character is ASCII or
    // E2, so no character is decoded but the one after a full stop (every sentence of a
    // long paste is found this way, and decoding was a tenth of it in a browser).
    let bytes = text.as_bytes();
    for (index, &byte) in bytes.iter().enumerate() {
        let length = match byte {
            b'!' | b'?' | b';' | b'\n' | b'\r' => 1,
            b'.' if ends_sentence(text, index, '.') => 1,
            0xE2 if bytes.get(index + 1..index + 3) == Some(&[0x80, 0xA2][..]) => 3,
            _ => continue,
        };
        let end = index + length;
        ranges.push(start..end);
        start = end;
    }
    ranges.push(start..text.len());
    trimmed_non_empty(text, ranges)
}

/// `ranges` of `text` trimmed of surrounding whitespace, those left empty dropped.
fn trimmed_non_empty(text: &str, ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    ranges
        .into_iter()
        .filter_map(|range| {
            let slice = text.get(range.clone())?;
            let leading = slice.len() - slice.trim_start().len();
            let trimmed = slice.trim();
            (!trimmed.is_empty())
                .then(|| range.start + leading..range.start + leading + trimmed.len())
        })
        .collect()
}

/// Whether the word at `index` starts a sentence (or a list item, or follows a colon), so
/// that its capital letter says nothing about it being a name.
pub(crate) fn starts_sentence(text: &str, index: usize) -> bool {
    let before = text.get(..index).unwrap_or("");
    let mut characters = before
        .chars()
        .rev()
        .skip_while(|c| c.is_whitespace() || matches!(c, '(' | '"' | '\'' | '“' | '‘' | '-' | '*'));
    match characters.next() {
        None => true,
        Some(c) => matches!(c, '.' | '!' | '?' | ':' | ';' | '•' | '\n'),
    }
}

fn is_word_character(character: char) -> bool {
    character.is_alphanumeric() || matches!(character, '\'' | '’')
}

/// The word just before `index`, when only spaces or one hyphen stand between.
pub(crate) fn previous_word(text: &str, index: usize) -> Option<&str> {
    previous_word_at(text, index).map(|(_, word)| word)
}

/// The word just before `index` and where it starts.
fn previous_word_at(text: &str, index: usize) -> Option<(usize, &str)> {
    let before = text.get(..index)?;
    let trimmed = before.trim_end_matches([' ', '\t']);
    let trimmed = trimmed
        .strip_suffix('-')
        .unwrap_or(trimmed)
        .trim_end_matches([' ', '\t']);
    let start = trimmed
        .char_indices()
        .rev()
        .take_while(|(_, c)| is_word_character(*c))
        .last()
        .map(|(i, _)| i)?;
    Some((start, trimmed.get(start..)?))
}

/// The word just after `index`, when only spaces or one hyphen stand between.
pub(crate) fn next_word(text: &str, index: usize) -> Option<&str> {
    let after = text.get(index..)?;
    let trimmed = after.trim_start_matches([' ', '\t']);
    let trimmed = trimmed
        .strip_prefix('-')
        .unwrap_or(trimmed)
        .trim_start_matches([' ', '\t']);
    let end = trimmed
        .char_indices()
        .take_while(|(_, c)| is_word_character(*c))
        .last()
        .map(|(i, c)| i + c.len_utf8())?;
    trimmed.get(..end)
}

fn is_title_case(word: &str) -> bool {
    let mut characters = word.chars();
    characters.next().is_some_and(char::is_uppercase)
        && characters.any(char::is_lowercase)
        && !word.chars().skip(1).any(char::is_uppercase)
}

/// A capitalised term beside another capitalised word, not at the start of a sentence,
/// is part of a name: "Early Help Support", "Family Support Worker".
fn is_part_of_name(text: &str, range: &Range<usize>) -> bool {
    let Some(found) = text.get(range.clone()) else {
        return false;
    };
    if !found.split_whitespace().all(is_title_case) || starts_sentence(text, range.start) {
        return false;
    }
    let capitalised_before = previous_word_at(text, range.start)
        .is_some_and(|(start, word)| is_title_case(word) && !starts_sentence(text, start));
    capitalised_before || next_word(text, range.end).is_some_and(is_title_case)
}

/// The byte ranges of quotations ("…", “…”, '…', ‘…’), quote marks included. An
/// apostrophe inside a word ("Tommy’s") is not a quote mark.
pub(crate) fn quoted_ranges(text: &str) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    let mut open_double: Option<usize> = None;
    let mut open_single: Option<usize> = None;
    // Only quote marks matter: jump from one to the next ('"', '\'', and the first byte
    // of the curly ones) rather than decoding every character.
    for index in memchr::memchr3_iter(b'"', b'\'', 0xE2, text.as_bytes()) {
        let Some(character) = text.get(index..).and_then(|rest| rest.chars().next()) else {
            continue;
        };
        let before = text
            .get(..index)
            .and_then(|before| before.chars().next_back());
        let end = index + character.len_utf8();
        let after = text.get(end..).and_then(|after| after.chars().next());
        match character {
            '“' => open_double = Some(index),
            '”' => {
                if let Some(start) = open_double.take() {
                    ranges.push(start..end);
                }
            }
            '"' => match open_double.take() {
                Some(start) => ranges.push(start..end),
                None => open_double = Some(index),
            },
            '‘' | '\'' | '’' => {
                let letter_before = before.is_some_and(char::is_alphanumeric);
                let letter_after = after.is_some_and(char::is_alphanumeric);
                if letter_before && letter_after {
                    continue; // an apostrophe: "it's", "Tommy’s"
                }
                let can_open =
                    character != '’' && !letter_before && after.is_some_and(|c| !c.is_whitespace());
                let can_close =
                    character != '‘' && before.is_some_and(|c| !c.is_whitespace()) && !letter_after;
                match open_single {
                    Some(start) if can_close => {
                        ranges.push(start..end);
                        open_single = None;
                    }
                    None if can_open => open_single = Some(index),
                    _ => {}
                }
            }
            _ => {}
        }
    }
    ranges
}

/// The quotations of a text, arranged so that asking whether a range lies inside one
/// takes a binary search, not a pass over every quotation (a long pasted text has many).
#[derive(Debug, Default)]
pub(crate) struct Quotes(RangeSet);

impl Quotes {
    pub(crate) fn of(text: &str) -> Quotes {
        Quotes(RangeSet::new(quoted_ranges(text)))
    }

    /// Whether `range` lies inside one quotation.
    pub(crate) fn contain(&self, range: &Range<usize>) -> bool {
        self.0.around(range)
    }
}

/// A number, a frequency, a weekday, a month or a share: something to measure by.
pub(crate) fn has_yardstick(text: &str) -> bool {
    static YARDSTICK: std::sync::OnceLock<Option<WordRegex>> = std::sync::OnceLock::new();
    YARDSTICK
        .get_or_init(|| {
            WordRegex::new(
                r"\d|%|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|once|twice|every|each|daily|nightly|weekly|fortnightly|monthly|termly|yearly|annually|times|per cent|percent|half|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays|weekdays|weekends|january|february|march|april|june|july|august|september|october|november|december)\b",
                true,
            )
        })
        .as_ref()
        .is_some_and(|regex| regex.is_match(text))
}

/// "by" followed by a verb ending in -ing: "by driving her there".
fn says_how(text: &str) -> bool {
    static HOW: std::sync::OnceLock<Option<WordRegex>> = std::sync::OnceLock::new();
    HOW.get_or_init(|| WordRegex::new(r"\bby\s+\w+ing\b", true))
        .as_ref()
        .is_some_and(|regex| regex.is_match(text))
}

/// The plan's own facts that rewrites use.
#[derive(Debug, Clone)]
pub(crate) struct PlanFacts {
    pub child: String,
    pub lead: Option<String>,
    pub first_review: Option<String>,
}

impl PlanFacts {
    pub fn of(plan: &Plan) -> PlanFacts {
        PlanFacts {
            child: plan.child_name().to_owned(),
            lead: plan
                .lead_professional
                .as_ref()
                .map(|lead| lead.name.trim().to_owned())
                .filter(|name| !name.is_empty()),
            first_review: plan.dates.first_review.map(long_date),
        }
    }

    /// Fills a template. A fact the plan does not give becomes a placeholder.
    pub fn fill(&self, template: &str, found: &str) -> String {
        fill_template(
            template,
            &[
                ("{found}", found),
                ("{child}", &self.child),
                ("{lead}", self.lead.as_deref().unwrap_or("[name]")),
                (
                    "{first_review}",
                    self.first_review
                        .as_deref()
                        .unwrap_or("[first review date]"),
                ),
            ],
        )
    }
}

/// `template` with each `{name}` of `values` replaced, in one pass: what is filled in is
/// never read as a template again (a child called "{lead}" stays "{lead}"). One pass
/// rather than a `str::replace` per name, because this runs for every suggestion of every
/// finding (measured: 4% of a 40-row plan's check went to the replaces).
pub(crate) fn fill_template(template: &str, values: &[(&str, &str)]) -> String {
    let mut filled = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(brace) = rest.find('{') {
        let (before, from_brace) = rest.split_at(brace);
        filled.push_str(before);
        let named = values
            .iter()
            .find_map(|(name, value)| from_brace.strip_prefix(name).map(|after| (*value, after)));
        match named {
            Some((value, after)) => {
                filled.push_str(value);
                rest = after;
            }
            None => {
                filled.push('{');
                rest = from_brace.get(1..).unwrap_or_default();
            }
        }
    }
    filled.push_str(rest);
    filled
}

/// A date as a family reads it: "16 February 2027".
pub(crate) fn long_date(date: NaiveDate) -> String {
    crate::rules::facts::long_date(date)
}

fn capitalise_first(text: &str) -> String {
    let mut characters = text.chars();
    match characters.next() {
        Some(first) => first.to_uppercase().chain(characters).collect(),
        None => String::new(),
    }
}

/// Turns each occurrence into a finding of `meta`, with the term's message and the
/// rewrites that suit the field.
pub(crate) fn report(
    meta: &'static RuleMeta,
    context: &FieldContext<'_>,
    occurrences: Vec<Occurrence>,
    findings: &mut Vec<RawFinding>,
) {
    if occurrences.is_empty() {
        return;
    }
    let facts = PlanFacts::of(context.plan);
    for occurrence in occurrences {
        let found = context.text.get(occurrence.range.clone()).unwrap_or("");
        let at_sentence_start = starts_sentence(context.text, occurrence.range.start);
        let mut finding = meta.finding(
            context.pointer,
            Some(occurrence.range.clone()),
            fill_template(occurrence.term.message, &[("{found}", found)]),
        );
        finding.suggestions = suggestions_for(
            occurrence.term,
            context.field,
            found,
            at_sentence_start,
            &facts,
        );
        findings.push(finding);
    }
}

pub(crate) fn suggestions_for(
    term: &Term,
    field: FieldName,
    found: &str,
    at_sentence_start: bool,
    facts: &PlanFacts,
) -> Vec<RawSuggestion> {
    term.rewrites
        .iter()
        .filter(|rewrite| rewrite.suits.includes(field))
        .map(|rewrite| {
            let text = facts.fill(rewrite.template, found);
            match rewrite.kind {
                RewriteKind::Replace => {
                    let text = if at_sentence_start {
                        capitalise_first(&text)
                    } else {
                        text
                    };
                    RawSuggestion::replace_range(rewrite.label, text)
                }
                RewriteKind::Advice => RawSuggestion::advice(rewrite.label, text),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_template_is_filled_in_one_pass() {
        let values = [
            ("{found}", "ongoing"),
            ("{child}", "Ava"),
            ("{lead}", "{child}"),
        ];
        assert_eq!(
            fill_template("{child}: \"{found}\" by {lead} {unknown} {", &values),
            "Ava: \"ongoing\" by {child} {unknown} {"
        );
        assert_eq!(fill_template("", &values), "");
        assert_eq!(fill_template("{{found}}", &values), "{ongoing}");
    }

    proptest! {
        /// Where no value can make a name with the text around it (no braces, no lower-case
        /// letters), one pass gives what a `replace` per name gives.
        #[test]
        fn one_pass_fills_as_replacing_each_name(
            template in "(\\{found\\}|\\{child\\}|\\{|\\}|[a-zé ]{0,3}){0,8}",
            found in "[A-Z0-9 É]{0,6}",
            child in "[A-Z’]{0,6}",
        ) {
            let values = [("{found}", found.as_str()), ("{child}", child.as_str())];
            let replaced = template.replace("{found}", &found).replace("{child}", &child);
            prop_assert_eq!(fill_template(&template, &values), replaced);
        }
    }

    fn quoted(text: &str) -> Vec<&str> {
        quoted_ranges(text)
            .into_iter()
            .filter_map(|range| text.get(range))
            .collect()
    }

    #[test]
    fn a_range_inside_an_outer_quotation_is_quoted_past_an_inner_one() {
        // The single-quoted words sit inside the double quotation, and "ongoing" after
        // them is still inside the outer one.
        let text = "Mum said \"Sam called it 'support' and it's ongoing\" then left.";
        let quotes = Quotes::of(text);
        let at = |word: &str| {
            let start = text.find(word).unwrap_or(0);
            start..start + word.len()
        };
        assert!(quotes.contain(&at("support")));
        assert!(quotes.contain(&at("ongoing")));
        assert!(!quotes.contain(&at("then")));
        assert!(!quotes.contain(&at("Mum")));
    }

    #[test]
    fn straight_and_curly_quotations_are_found() {
        assert_eq!(
            quoted("Mum said 'it's an ongoing battle' and \"it's hard\"."),
            vec!["'it's an ongoing battle'", "\"it's hard\""]
        );
        assert_eq!(
            quoted("Mum said “it’s an ongoing battle”."),
            vec!["“it’s an ongoing battle”"]
        );
        assert_eq!(
            quoted("Tommy said ‘I want it to stop’."),
            vec!["‘I want it to stop’"]
        );
    }

    #[test]
    fn apostrophes_are_not_quotations() {
        assert!(quoted("Tommy’s mum and the parents’ views, it's Sam's visit").is_empty());
    }

    #[test]
    fn an_unclosed_quotation_quotes_nothing() {
        assert!(quoted("Mum said \"it is ongoing").is_empty());
    }

    #[test]
    fn sentence_around_stops_at_full_stops_but_not_at_times() {
        let text = "Sam visits at 3.30pm on Fridays. Mum will ensure it happens.";
        let start = text.find("ensure").unwrap_or(0);
        let sentence = sentence_around(text, &(start..start + 6));
        assert_eq!(text.get(sentence), Some(" Mum will ensure it happens"));
        let sentence = sentence_around(text, &(0..3));
        assert_eq!(text.get(sentence), Some("Sam visits at 3.30pm on Fridays"));
    }

    #[test]
    fn sentences_are_trimmed_and_never_empty() {
        let text = "  One two.  Three!\n\nFour  ";
        let found: Vec<&str> = sentences(text)
            .into_iter()
            .filter_map(|range| text.get(range))
            .collect();
        assert_eq!(found, vec!["One two.", "Three!", "Four"]);
        assert!(sentences("").is_empty());
    }

    #[test]
    fn neighbouring_words_cross_spaces_and_hyphens_only() {
        assert_eq!(previous_word("an age-appropriate toy", 7), Some("age"));
        assert_eq!(previous_word("the baby monitor", 9), Some("baby"));
        assert_eq!(previous_word("visits, monitor", 8), None);
        assert_eq!(next_word("support workers visit", 7), Some("workers"));
        assert_eq!(next_word("support.", 7), None);
    }

    #[test]
    fn names_are_capitalised_words_beside_capitalised_words() {
        let text = "Mum goes to Early Help Support on Tuesdays";
        let start = text.find("Support").unwrap_or(0);
        assert!(is_part_of_name(text, &(start..start + 7)));
        let text = "Support Mum to go to the GP";
        assert!(!is_part_of_name(text, &(0..7)));
        let text = "Tommy. Support is given";
        assert!(!is_part_of_name(text, &(7..14)));
    }

    #[test]
    fn yardsticks_are_numbers_frequencies_days_and_months() {
        assert!(has_yardstick("from 80% to 95%"));
        assert!(has_yardstick("every Friday"));
        assert!(has_yardstick("twice a week"));
        assert!(has_yardstick("by 3 December"));
        assert!(!has_yardstick("Tommy's behaviour will improve"));
        assert!(!has_yardstick("Mum may ask for help"));
    }

    #[test]
    fn long_dates_read_as_a_family_writes_them() {
        let date = NaiveDate::from_ymd_opt(2027, 2, 6).unwrap_or_default();
        assert_eq!(long_date(date), "6 February 2027");
    }

    #[test]
    fn templates_use_placeholders_for_missing_facts() {
        let plan = Plan::new_blank();
        let facts = PlanFacts::of(&plan);
        assert_eq!(
            facts.fill("{lead} visits {child} until {first_review}", "x"),
            "[name] visits the child until [first review date]"
        );
    }
}

/// Tests over the three word tables together: every term fires on its own example, no
/// two rules report the same words, and every rewrite is itself clean.
#[cfg(test)]
mod table_tests {
    use super::*;
    use crate::finding::Severity;
    use crate::rules::testing::{all_findings, apply_filled, tommy_plan};

    fn tables() -> Vec<(&'static str, &'static [Term])> {
        vec![
            ("vague-term", crate::rules::vague_term::terms()),
            ("woolly-term", crate::rules::woolly_term::terms()),
            ("subjective-term", crate::rules::subjective_term::terms()),
        ]
    }

    #[test]
    fn every_term_fires_on_its_own_example() {
        let plan = tommy_plan();
        for (rule, terms) in tables() {
            for term in terms {
                let (field, text) = term.example;
                let found: Vec<_> = all_findings(field, text, &plan)
                    .into_iter()
                    .filter(|finding| finding.rule == rule)
                    .collect();
                assert!(
                    !found.is_empty(),
                    "{rule}: /{}/ does not fire on its example {text:?}",
                    term.pattern
                );
            }
        }
    }

    #[test]
    fn no_two_word_rules_report_overlapping_words() {
        let plan = tommy_plan();
        let word_rules = ["vague-term", "woolly-term", "subjective-term", "jargon"];
        for (_, terms) in tables() {
            for term in terms {
                let (field, text) = term.example;
                let found: Vec<_> = all_findings(field, text, &plan)
                    .into_iter()
                    .filter(|finding| word_rules.contains(&finding.rule))
                    .collect();
                for (index, one) in found.iter().enumerate() {
                    for other in found.iter().skip(index + 1) {
                        let (Some(a), Some(b)) = (&one.span, &other.span) else {
                            continue;
                        };
                        assert!(
                            one.rule == other.rule || a.end <= b.start || b.end <= a.start,
                            "{} and {} both report {:?} in {text:?}",
                            one.rule,
                            other.rule,
                            text.get(a.clone())
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn every_rewrite_removes_the_finding_and_is_clean_itself() {
        let plan = tommy_plan();
        let mut unused: std::collections::BTreeSet<(&str, &str, String)> = tables()
            .into_iter()
            .flat_map(|(rule, terms)| {
                terms.iter().flat_map(move |term| {
                    term.rewrites
                        .iter()
                        .filter(|rewrite| rewrite.kind == RewriteKind::Replace)
                        .map(move |rewrite| (rule, term.pattern, rewrite.label.to_owned()))
                })
            })
            .collect();
        for (rule, terms) in tables() {
            for term in terms {
                let (_, text) = term.example;
                for field in crate::rules::vague_term::PLAN_FIELDS.iter().copied() {
                    let before: Vec<_> = all_findings(field, text, &plan)
                        .into_iter()
                        .filter(|finding| finding.rule == rule)
                        .collect();
                    for finding in &before {
                        for (index, suggestion) in finding.suggestions.iter().enumerate() {
                            let Some((result, inserted)) = apply_filled(text, finding, index)
                            else {
                                continue;
                            };
                            unused.remove(&(rule, term.pattern, suggestion.label.clone()));
                            let after = all_findings(field, &result, &plan);
                            let still = after.iter().filter(|f| f.rule == rule).count();
                            assert!(
                                still < before.len(),
                                "{rule}: rewriting {text:?} as {result:?} in {field:?} still \
                                 triggers it"
                            );
                            for problem in &after {
                                // Only findings on the words the rewrite put in.
                                let within = problem.span.as_ref().is_some_and(|span| {
                                    inserted.start <= span.start && span.end <= inserted.end
                                });
                                assert!(
                                    !(within && problem.severity >= Severity::Warning),
                                    "{rule}: the rewrite {result:?} of {text:?} in {field:?} \
                                     is flagged by {}: {}",
                                    problem.rule,
                                    problem.message
                                );
                            }
                        }
                    }
                }
            }
        }
        assert!(unused.is_empty(), "rewrites never tried: {unused:?}");
    }

    #[test]
    fn hard_to_read_flags_whole_sentences_so_is_left_out_of_overlap_checks() {
        // The overlap checks above look at warnings and errors; hard-to-read is info and
        // spans whole sentences, so a rewrite inside a long sentence may sit under it.
        assert_eq!(crate::rules::hard_to_read::META.severity, Severity::Info);
    }
}

/// Whatever is typed, the word rules never panic and every range they report lies on
/// character boundaries of the text.
#[cfg(test)]
mod never_panics {
    use crate::rules::testing::{all_findings, tommy_plan};
    use crate::rules::FieldName;
    use proptest::prelude::*;

    fn tricky_text() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "ongoing",
            "Support",
            "support",
            " ",
            "-",
            "'",
            "’",
            "‘",
            "“",
            "”",
            "\"",
            "(",
            ")",
            ".",
            "\n",
            "CAMHS",
            "core group",
            "by driving",
            "baby",
            "monitor",
            "😀",
            "é",
            "age",
            "appropriate",
            "regularly",
            "every 2 weeks",
            "Worker",
            "ASAP",
            "clean and tidy",
            "improve",
            "S.47",
            "C&F",
            "\u{0301}",
            "TBC",
        ]);
        prop::collection::vec(pieces, 0..24).prop_map(|pieces| pieces.concat())
    }

    /// What `sentences` reads byte by byte: the ends of sentences, a character at a time.
    fn sentences_by_character(text: &str) -> Vec<std::ops::Range<usize>> {
        let mut ranges = Vec::new();
        let mut start = 0;
        for (index, character) in text.char_indices() {
            if crate::rules::word_list::ends_sentence(text, index, character) {
                let end = index + character.len_utf8();
                ranges.push(start..end);
                start = end;
            }
        }
        ranges.push(start..text.len());
        crate::rules::word_list::trimmed_non_empty(text, ranges)
    }

    proptest! {
        #[test]
        fn sentences_are_found_as_reading_characters_finds_them(
            text in "([a-z .!?;•\n\r\u{a0}\u{2028}\u{2022}\u{e2}\u{2082}’–]|\\PC){0,80}"
        ) {
            prop_assert_eq!(crate::rules::word_list::sentences(&text), sentences_by_character(&text), "{:?}", text);
        }

        #[test]
        fn ranges_fall_on_character_boundaries(text in tricky_text(), any in "\\PC{0,60}") {
            let plan = tommy_plan();
            for text in [text, any] {
                for field in FieldName::ALL {
                    for finding in all_findings(field, &text, &plan) {
                        if let Some(span) = &finding.span {
                            prop_assert!(span.start <= span.end && span.end <= text.len());
                            prop_assert!(text.is_char_boundary(span.start));
                            prop_assert!(text.is_char_boundary(span.end));
                        }
                    }
                }
            }
        }
    }
}
