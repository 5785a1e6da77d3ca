//! `hard-to-read`: sentences too long or too hard for a family to follow.
//!
//! The measure is the Flesch reading ease of each sentence on its own:
//!
//! ```text
//! 206.835 − 1.015 × words − 84.6 × (syllables ÷ words)
//! ```
//!
//! (the usual formula, with one sentence). 60 and above is plain English; below 50 is
//! "fairly difficult" and below 30 "very difficult". A sentence is scored only from
//! [`MIN_WORDS_TO_SCORE`] words, because on a few words one long name swings the score
//! wildly; any sentence over [`MAX_WORDS`] words is flagged whatever its score.
//!
//! Syllables are counted by a heuristic, as readability tools do: the groups of vowels
//! (a, e, i, o, u, and y after the first letter) in each part of a word, after dropping a
//! silent final "e" (not "-le"), a final "-es" and a final "-ed" not after "t" or "d", and
//! not counting a silent "e" before "-ly", "-ful", "-less", "-ment" or "-ness"; at least
//! one a word. A number counts one syllable. A capitalised word that does not start
//! the sentence (a name, a day, a month) also counts one, since the family knows its own
//! names and the calendar: "Tommy" and "February" are not what makes a sentence hard.

use crate::finding::{RawFinding, RawSuggestion, Severity};
use crate::rules::word_list;
use crate::rules::{FieldContext, FieldName, Rule, RuleDocs, RuleMeta};

/// See the module documentation.
#[derive(Debug)]
pub struct HardToRead;

/// Sentences longer than this are flagged whatever their score.
pub const MAX_WORDS: usize = 35;
/// Sentences shorter than this are not scored.
pub const MIN_WORDS_TO_SCORE: usize = 12;

pub static META: RuleMeta = RuleMeta {
    id: "hard-to-read",
    severity: Severity::Info,
    smart: &[],
    // Not the child's or the parents' views: their own words are recorded as said.
    fields: &[
        FieldName::Need,
        FieldName::Action,
        FieldName::ByWhom,
        FieldName::ByWhen,
        FieldName::Outcome,
        FieldName::Progress,
        FieldName::Visiting,
        FieldName::ReviewFrequency,
        FieldName::Contingency,
        FieldName::ViewsOthers,
    ],
    source: "003 Child in Need plan (the plan should be clearly set out to avoid jargon); 004 \
             KEEP IT SIMPLE!",
    docs: RuleDocs {
        summary: "Flags a sentence a family may not follow: more than 35 words, or (from 12 \
                  words) a Flesch reading ease below the profile's threshold (50 by default).",
        why: "City of York's guidance (004, KEEP IT SIMPLE!) says to always ask the child and \
              parents if they understand what is written in their plan: if they can't \
              understand what is being asked of them, how are they going to make progress? \
              Leicestershire (003) asks for a plan set out clearly, and a child-friendly copy \
              in words and pictures. Long sentences and long words are the two things that \
              make text hard to follow, and the Flesch reading ease \
              (206.835 − 1.015 × words per sentence − 84.6 × syllables per word) measures \
              both. Each sentence is scored on its own; syllables are counted by a vowel-group \
              heuristic, and names, days and months count as one syllable.",
        example: "Consideration will be given to the appropriateness of commissioning additional \
                  therapeutic intervention contingent upon the outcome of the multidisciplinary \
                  assessment.",
        instead: "Sam Jones will ask the GP to refer Tommy to a play therapist if the health \
                  check on 4 December shows he needs one.",
    },
};

/// A sentence's words and syllables.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Readability {
    pub words: usize,
    pub syllables: usize,
}

impl Readability {
    /// Counts one sentence.
    pub fn of_sentence(sentence: &str) -> Readability {
        // Without `fast-text` (the editor) the general path alone, for size.
        if cfg!(feature = "fast-text") && sentence.is_ascii() {
            Self::of_ascii_sentence(sentence.as_bytes())
        } else {
            Self::of_any_sentence(sentence)
        }
    }

    /// [`Readability::of_sentence`] for an ASCII sentence, a byte at a time (the same
    /// words, split and trimmed alike): every sentence of every long text is counted, most
    /// are ASCII, and decoding characters was most of this rule's cost in a browser.
    fn of_ascii_sentence(sentence: &[u8]) -> Readability {
        let mut words = 0;
        let mut syllables = 0;
        let mut first = true;
        for token in sentence.split(|&byte| separates_words(byte)) {
            let Some(start) = token.iter().position(u8::is_ascii_alphanumeric) else {
                continue;
            };
            let end = token
                .iter()
                .rposition(u8::is_ascii_alphanumeric)
                .map_or(start, |last| last + 1);
            let word = token.get(start..end).unwrap_or_default();
            words += 1;
            let familiar = !first && word.first().is_some_and(u8::is_ascii_uppercase);
            syllables += if familiar || !word.iter().any(u8::is_ascii_alphabetic) {
                1
            } else {
                word.split(|&byte| byte == b'-' || byte == b'\'')
                    .filter(|part| !part.is_empty())
                    .map(syllables_of)
                    .sum::<usize>()
                    .max(1)
            };
            first = false;
        }
        Readability { words, syllables }
    }

    fn of_any_sentence(sentence: &str) -> Readability {
        let mut words = 0;
        let mut syllables = 0;
        let mut first = true;
        for word in words_of(sentence) {
            words += 1;
            let familiar = !first && word.chars().next().is_some_and(char::is_uppercase);
            syllables += if familiar || !word.chars().any(char::is_alphabetic) {
                1
            } else {
                word.split(['-', '\'', '’'])
                    .filter(|part| !part.is_empty())
                    .map(|part| syllables_of(part.as_bytes()))
                    .sum::<usize>()
                    .max(1)
            };
            first = false;
        }
        Readability { words, syllables }
    }

    /// Flesch reading ease of one sentence.
    pub fn reading_ease(self) -> f64 {
        if self.words == 0 {
            return 100.0;
        }
        let words = self.words as f64;
        206.835 - 1.015 * words - 84.6 * (self.syllables as f64 / words)
    }
}

/// The words of a sentence as the reading ease counts them.
fn words_of(sentence: &str) -> impl Iterator<Item = &str> {
    sentence
        .split(|c: char| c.is_whitespace() || c == '/')
        .map(|token| token.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|word| !word.is_empty())
}

/// How many words `words_of` gives.
fn word_count(text: &str) -> usize {
    word_count_up_to(text, usize::MAX)
}

/// How many words `words_of` gives, counting no further than `limit`: whether a long
/// paste has enough words to score is known from its first few. An ASCII text is counted a
/// byte at a time (a word is a run between separators with a letter or digit in it),
/// because every field of every check is counted, and most are ASCII.
fn word_count_up_to(text: &str, limit: usize) -> usize {
    if !text.is_ascii() {
        return words_of(text).take(limit).count();
    }
    let mut count = 0;
    let mut counted = false;
    for byte in text.bytes() {
        if separates_words(byte) {
            counted = false;
        } else if byte.is_ascii_alphanumeric() && !counted {
            if count == limit {
                break;
            }
            count += 1;
            counted = true;
        }
    }
    count
}

/// Whether an ASCII byte separates words as `words_of` splits them: `char::is_whitespace`
/// on ASCII, which includes the vertical tab, and the slash.
fn separates_words(byte: u8) -> bool {
    matches!(
        byte,
        b' ' | b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r' | b'/'
    )
}

/// The vowel-group estimate of the syllables in one word (no hyphens), from its bytes:
/// only its ASCII letters count.
fn syllables_of(word: &[u8]) -> usize {
    // Most words fit on the stack: this runs for every word of every sentence checked.
    let mut short = [0u8; 32];
    let mut long = Vec::new();
    let mut length = 0;
    for &letter in word.iter().filter(|byte| byte.is_ascii_alphabetic()) {
        let letter = letter.to_ascii_lowercase();
        match short.get_mut(length) {
            Some(slot) => *slot = letter,
            None => {
                if long.is_empty() {
                    long.extend_from_slice(&short);
                }
                long.push(letter);
            }
        }
        length += 1;
    }
    let word: &[u8] = if long.is_empty() {
        short.get(..length).unwrap_or_default()
    } else {
        &long
    };
    if word.len() <= 3 {
        return 1;
    }
    let silent_ed = !word.ends_with(b"ted") && !word.ends_with(b"ded");
    let silent_es = ![
        &b"ses"[..],
        b"zes",
        b"ches",
        b"shes",
        b"ges",
        b"ces",
        b"xes",
    ]
    .iter()
    .any(|ending| word.ends_with(ending));
    let stem = match (word.strip_suffix(b"ed"), word.strip_suffix(b"es")) {
        (Some(stem), _) if silent_ed => stem,
        (_, Some(stem)) if silent_es => stem,
        _ if !word.ends_with(b"le") => word.strip_suffix(b"e").unwrap_or(word),
        _ => word,
    };
    let mut groups = 0;
    let mut in_group = false;
    for (index, &character) in stem.iter().enumerate() {
        let vowel = matches!(character, b'a' | b'e' | b'i' | b'o' | b'u')
            || (character == b'y' && index > 0);
        if vowel && !in_group {
            groups += 1;
        }
        in_group = vowel;
    }
    let groups = if silent_e_before_suffix(stem) {
        groups - 1
    } else {
        groups
    };
    groups.max(1)
}

/// The suffixes whose "e" is silent after a consonant other than "l".
const SILENT_E_SUFFIXES: [&[u8]; 5] = [b"ely", b"eful", b"eless", b"ement", b"eness"];

/// Whether a silent "e" before a suffix ("safely", "statement", "carefully") formed a
/// vowel group of its own: the first place each suffix stands in `stem` follows a
/// consonant, and not "l", after which the "e" is sounded ("settlement" keeps three).
/// Every suffix starts with "e", so only the places of an "e" are compared, in one pass.
fn silent_e_before_suffix(stem: &[u8]) -> bool {
    let mut seen = [false; SILENT_E_SUFFIXES.len()];
    for (index, _) in stem
        .iter()
        .enumerate()
        .filter(|(_, &letter)| letter == b'e')
    {
        let rest = stem.get(index..).unwrap_or_default();
        for (suffix, seen) in SILENT_E_SUFFIXES.iter().zip(seen.iter_mut()) {
            if *seen || !rest.starts_with(suffix) {
                continue;
            }
            *seen = true;
            let before = index.checked_sub(1).and_then(|before| stem.get(before));
            if before.is_some_and(|c| !matches!(c, b'a' | b'e' | b'i' | b'o' | b'u' | b'l')) {
                return true;
            }
        }
    }
    false
}

impl Rule for HardToRead {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_field(&self, context: &FieldContext<'_>, findings: &mut Vec<RawFinding>) {
        // No sentence has more words than the whole text (two words of a sentence lie in
        // two words of the text), so a text of fewer words than are scored, as most cells
        // of a plan are, has nothing to flag.
        if word_count_up_to(context.text, MIN_WORDS_TO_SCORE) < MIN_WORDS_TO_SCORE {
            return;
        }
        let threshold = context.profile.readability_threshold;
        for range in word_list::sentences(context.text) {
            let Some(sentence) = context.text.get(range.clone()) else {
                continue;
            };
            // Syllables are counted only where the score decides.
            let words = word_count(sentence);
            let message = if words > MAX_WORDS {
                format!(
                    "This sentence has {words} words: a family may lose track of it. Split it \
                     into shorter sentences of one idea each."
                )
            } else if words < MIN_WORDS_TO_SCORE {
                continue;
            } else {
                let ease = Readability::of_sentence(sentence).reading_ease();
                if ease.partial_cmp(&threshold) != Some(std::cmp::Ordering::Less) {
                    continue;
                }
                format!(
                    "This sentence is hard to read: its reading ease is {ease:.0}, below this \
                     profile's {threshold:.0}. Use shorter, everyday words and shorter \
                     sentences."
                )
            };
            let mut finding = META.finding(context.pointer, Some(range), message);
            finding.suggestions = vec![RawSuggestion::advice(
                "Write it for the family",
                "One idea a sentence, in the words the family uses: who will do what, and when.",
            )];
            findings.push(finding);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn words_are_counted_as_words_of_gives_them(
            text in r"([a-zA-Z0-9’'/.,!?;:\n\r\t\x0B\x0C•\- ]|\PC){0,60}"
        ) {
            prop_assert_eq!(word_count(&text), words_of(&text).count(), "{:?}", text);
        }

        #[test]
        fn ascii_words_are_counted_as_words_of_gives_them(text in r"[\x00-\x7F]{0,80}") {
            prop_assert_eq!(word_count(&text), words_of(&text).count(), "{:?}", text);
        }

        #[test]
        fn an_ascii_sentence_is_counted_as_any_sentence_is(
            text in r"[a-zA-Z0-9'/.,!?;:\n\r\t\x0B\x0C\- ]{0,120}|[\x00-\x7F]{0,80}"
        ) {
            prop_assert_eq!(
                Readability::of_ascii_sentence(text.as_bytes()),
                Readability::of_any_sentence(&text),
                "{:?}", text
            );
        }

        #[test]
        fn counting_up_to_a_limit_stops_there(
            text in r"([a-zA-Z0-9’'/. \n]|\PC){0,80}",
            limit in 0usize..20,
        ) {
            prop_assert_eq!(word_count_up_to(&text, limit), word_count(&text).min(limit), "{:?}", text);
        }

        /// What lets a text of fewer than `MIN_WORDS_TO_SCORE` words be skipped.
        #[test]
        fn no_sentence_has_more_words_than_its_text(
            text in r"([a-zA-Z0-9é’'/.!?;:\n\r•\- \t]|\PC){0,80}"
        ) {
            let whole = words_of(&text).count();
            for range in word_list::sentences(&text) {
                let sentence = text.get(range).unwrap_or_default();
                prop_assert!(words_of(sentence).count() <= whole, "{sentence:?} of {text:?}");
            }
        }
    }

    #[test]
    fn a_text_of_few_words_is_not_flagged_however_it_is_cut() {
        // Eight long words in all, some joined by full stops without a space ("a.b"): under
        // the scored length in every sentence however the text is cut.
        assert_clean(
            RULE,
            Action,
            "Incomprehensibility.Notwithstanding/multidisciplinary/interdepartmental \
             reconceptualisation! Characteristically; institutionalisation.Internationalisation \
             unquestionably disproportionately",
        );
    }
    use crate::rules::testing::{assert_clean, assert_count, assert_flags};
    use FieldName::{Action, Contingency, ViewsParents};

    const RULE: &str = "hard-to-read";

    #[test]
    fn a_word_longer_than_the_stack_buffer_is_counted_whole() {
        assert_eq!(syllables_of(b"supercalifragilisticexpialidocious"), 13);
        assert_eq!(
            syllables_of("Supercalifragilisticexpialidocious’s".as_bytes()),
            13
        );
    }

    proptest! {
        /// One pass over the "e"s decides as looking for each suffix's first place did.
        #[test]
        fn a_silent_e_is_found_as_by_each_suffixs_first_place(
            stem in prop::collection::vec(prop::sample::select(b"eelymfntsuaous".to_vec()), 0..14)
        ) {
            let by_windows = SILENT_E_SUFFIXES.iter().any(|suffix| {
                stem.windows(suffix.len())
                    .position(|window| window == *suffix)
                    .is_some_and(|index| {
                        index
                            .checked_sub(1)
                            .and_then(|before| stem.get(before))
                            .is_some_and(|c| !matches!(c, b'a' | b'e' | b'i' | b'o' | b'u' | b'l'))
                    })
            });
            prop_assert_eq!(silent_e_before_suffix(&stem), by_windows);
        }
    }

    #[test]
    fn syllables_are_counted_by_vowel_groups() {
        for (word, count) in [
            ("the", 1),
            ("made", 1),
            ("Jones", 1),
            ("little", 2),
            ("Tommy", 2),
            ("distressed", 2),
            ("wanted", 2),
            ("appointments", 3),
            ("considered", 3),
            ("strategy", 3),
            ("discussion", 3),
            ("multidisciplinary", 7),
            ("yes", 1),
            ("safely", 2),
            ("statement", 2),
            ("carefully", 3),
            ("completely", 3),
            ("homeless", 2),
            ("settlement", 3),
            ("agreement", 3),
        ] {
            assert_eq!(syllables_of(word.as_bytes()), count, "{word}");
        }
    }

    #[test]
    fn names_numbers_and_hyphens_are_counted_fairly() {
        let counts = Readability::of_sentence("Step-dad sees Tommy on 16 February 2027.");
        assert_eq!(counts.words, 7);
        // Step + dad + sees + Tommy(1) + on + 16 + February(1) + 2027
        assert_eq!(counts.syllables, 8);
    }

    #[test]
    fn reading_ease_follows_the_flesch_formula() {
        let counts = Readability {
            words: 20,
            syllables: 30,
        };
        let expected = 206.835 - 1.015 * 20.0 - 84.6 * 1.5;
        assert!((counts.reading_ease() - expected).abs() < 1e-9);
    }

    #[test]
    fn a_dense_sentence_is_flagged() {
        assert_count(RULE, Action, META.docs.example, 1);
    }

    #[test]
    fn a_very_long_plain_sentence_is_flagged_for_its_length() {
        let text = "Mum will take Tommy to the park on Monday and then they will go to the \
                    shop and buy some bread and milk and then they will walk home and have \
                    tea and then Tommy will have a bath and go to bed.";
        assert_flags(RULE, Action, text, text);
    }

    #[test]
    fn short_plain_sentences_are_clean() {
        assert_clean(
            RULE,
            Action,
            "Sam will check the sleep diary at each weekly visit. Mum will fill it in every night.",
        );
        assert_clean(RULE, Action, "Multidisciplinary reassessment.");
    }

    #[test]
    fn each_sentence_is_judged_on_its_own() {
        let text = "Mum will walk Tommy to school. Consideration will be given to the \
                    appropriateness of commissioning additional therapeutic intervention \
                    contingent upon the multidisciplinary assessment.";
        let start = text.find("Consideration").unwrap_or(0);
        assert_flags(RULE, Contingency, text, &text[start..]);
    }

    #[test]
    fn the_parents_views_are_not_scored() {
        assert_clean(RULE, ViewsParents, META.docs.example);
    }
}
