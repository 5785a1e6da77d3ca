//! The words of timescales: month and day names, numbers written as words, units of
//! time, and a small table type for fixed phrases.

use std::collections::HashMap;

use crate::text::BuildWordHasher;

use super::tokens::{tokenize, Tokens};
use super::TimeUnit;

/// Fixed phrases matched token by token (so always on word boundaries, in any case).
///
/// Each phrase is written as plain text and split with the same tokenizer as the text
/// being read, so "a.s.a.p" and "24/7" work as they look.
#[derive(Debug)]
pub(super) struct PhraseTable<T: Copy> {
    phrases: Phrases,
    /// What each phrase stands for, in the order given.
    values: Vec<T>,
}

impl<T: Copy> PhraseTable<T> {
    pub fn new(entries: &[(&str, T)]) -> PhraseTable<T> {
        let texts: Vec<&str> = entries.iter().map(|(phrase, _)| *phrase).collect();
        PhraseTable {
            phrases: Phrases::new(&texts),
            values: entries.iter().map(|(_, value)| *value).collect(),
        }
    }

    /// The longest phrase starting at token `index`, with the index just past it.
    pub fn longest_at(&self, tokens: Tokens<'_>, index: usize) -> Option<(T, usize)> {
        let (which, end) = self.phrases.longest_at(tokens, index)?;
        Some((*self.values.get(which)?, end))
    }
}

/// A phrase table's phrases, apart from what they stand for: one copy of this code serves
/// the tables of every kind, where a generic table was a copy of it (and of a sort and a
/// hash map) per kind in the browser builds.
#[derive(Debug)]
struct Phrases {
    /// Each phrase's words (lower case) and its position in the table, by first word,
    /// longest first.
    by_first: HashMap<String, Vec<(Vec<String>, usize)>, BuildWordHasher>,
    /// The first bytes and the lengths (capped at 63) of the first words: most tokens of a
    /// long text are ruled out by these before any hashing, and several tables are tried
    /// at every token.
    first_bytes: [u64; 4],
    first_lengths: u64,
}

/// The bit of `first_bytes` for a word's first byte: `(word, mask)`.
fn first_byte_bit(word: &str) -> Option<(usize, u64)> {
    let byte = *word.as_bytes().first()?;
    Some((usize::from(byte >> 6), 1u64 << (byte & 63)))
}

fn length_bit(word: &str) -> u64 {
    1u64 << word.len().min(63)
}

impl Phrases {
    fn new(phrases: &[&str]) -> Phrases {
        let mut by_first: HashMap<String, Vec<(Vec<String>, usize)>, BuildWordHasher> =
            HashMap::default();
        for (position, phrase) in phrases.iter().enumerate() {
            let keys: Vec<String> = tokenize(phrase)
                .into_iter()
                .map(|token| token.lower.into_owned())
                .collect();
            if let Some(first) = keys.first() {
                by_first
                    .entry(first.clone())
                    .or_default()
                    .push((keys, position));
            }
        }
        for phrases in by_first.values_mut() {
            phrases.sort_by_key(|(keys, _)| std::cmp::Reverse(keys.len()));
        }
        let mut first_bytes = [0u64; 4];
        let mut first_lengths = 0;
        for first in by_first.keys() {
            if let Some((word, bit)) = first_byte_bit(first) {
                if let Some(mask) = first_bytes.get_mut(word) {
                    *mask |= bit;
                }
            }
            first_lengths |= length_bit(first);
        }
        Phrases {
            by_first,
            first_bytes,
            first_lengths,
        }
    }

    /// Whether some phrase may start with `word`; false only when none does.
    fn may_start(&self, word: &str) -> bool {
        self.first_lengths & length_bit(word) != 0
            && first_byte_bit(word).is_some_and(|(index, bit)| {
                self.first_bytes
                    .get(index)
                    .is_some_and(|mask| mask & bit != 0)
            })
    }

    /// The position of the longest phrase starting at token `index`, with the index just
    /// past it.
    fn longest_at(&self, tokens: Tokens<'_>, index: usize) -> Option<(usize, usize)> {
        let first = tokens.get(index)?;
        if !self.may_start(&first.lower) {
            return None;
        }
        let phrases = self.by_first.get(first.lower.as_ref())?;
        phrases.iter().find_map(|(keys, position)| {
            let matches = keys.iter().enumerate().all(|(offset, key)| {
                tokens
                    .get(index + offset)
                    .is_some_and(|token| token.lower == key.as_str())
            });
            matches.then_some((*position, index + keys.len()))
        })
    }
}

/// The month named by the word at `index` (1–12), and whether it is the full name.
pub(super) fn month_at(tokens: Tokens<'_>, index: usize) -> Option<(u32, bool)> {
    let word = tokens.word(index)?;
    let (month, full) = match word {
        "january" => (1, true),
        "jan" | "janurary" | "januray" => (1, false),
        "february" | "febuary" | "feburary" => (2, true),
        "feb" | "febr" => (2, false),
        "march" => (3, true),
        "mar" => (3, false),
        "april" => (4, true),
        "apr" => (4, false),
        "may" => (5, true),
        "june" => (6, true),
        "jun" => (6, false),
        "july" => (7, true),
        "jul" => (7, false),
        "august" => (8, true),
        "aug" => (8, false),
        "september" | "septemeber" => (9, true),
        "sep" | "sept" => (9, false),
        "october" => (10, true),
        "oct" => (10, false),
        "november" | "novemeber" => (11, true),
        "nov" => (11, false),
        "december" | "decemeber" => (12, true),
        "dec" => (12, false),
        _ => return None,
    };
    Some((month, full))
}

/// A day of the week as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct WeekdayWord {
    /// Monday = 1 … Sunday = 7.
    pub number: u8,
    /// "Mondays": a habit, not a date.
    pub plural: bool,
    /// "Mon", "Tues": only read where a date or a list makes it clear.
    pub abbreviated: bool,
}

pub(super) fn weekday_at(tokens: Tokens<'_>, index: usize) -> Option<WeekdayWord> {
    let word = tokens.word(index)?;
    let (number, plural, abbreviated) = match word {
        "monday" => (1, false, false),
        "mondays" => (1, true, false),
        "mon" => (1, false, true),
        "tuesday" => (2, false, false),
        "tuesdays" => (2, true, false),
        "tue" | "tues" => (2, false, true),
        "wednesday" | "wednesay" => (3, false, false),
        "wednesdays" => (3, true, false),
        "wed" | "weds" => (3, false, true),
        "thursday" => (4, false, false),
        "thursdays" => (4, true, false),
        "thu" | "thur" | "thurs" => (4, false, true),
        "friday" => (5, false, false),
        "fridays" => (5, true, false),
        "fri" => (5, false, true),
        "saturday" => (6, false, false),
        "saturdays" => (6, true, false),
        "sat" => (6, false, true),
        "sunday" => (7, false, false),
        "sundays" => (7, true, false),
        "sun" => (7, false, true),
        _ => return None,
    };
    Some(WeekdayWord {
        number,
        plural,
        abbreviated,
    })
}

/// The name of a day as the reader numbers them (1 Monday to 7 Sunday); anything else
/// reads as Sunday.
pub(super) fn weekday_name(number: u8) -> &'static str {
    crate::date_words::weekday_name_numbered(u32::from(number)).unwrap_or("Sunday")
}

/// A number written as a word ("two", "twelve").
fn number_word(word: &str) -> Option<u64> {
    let value = match word {
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        _ => return None,
    };
    Some(value)
}

/// A count at `index`: digits, a number word, or (when `article` is allowed) "a", "an",
/// "a couple of". Returns the value and the index past it.
pub(super) fn count_at(tokens: Tokens<'_>, index: usize, article: bool) -> Option<(u64, usize)> {
    if let Some(token) = tokens.number(index) {
        // "1.5 weeks" is not a count this reader understands; leave it unread.
        if tokens.is_punct(index + 1, '.') && tokens.number(index + 2).is_some() {
            return None;
        }
        return Some((token.value()?, index + 1));
    }
    let word = tokens.word(index)?;
    if let Some(value) = number_word(word) {
        return Some((value, index + 1));
    }
    if article && matches!(word, "a" | "an" | "one") {
        if tokens.is_word(index + 1, "couple") && tokens.is_word(index + 2, "of") {
            return Some((2, index + 3));
        }
        return Some((1, index + 1));
    }
    None
}

/// Ordinal words used in "every second week", "every other day".
pub(super) fn ordinal_word(word: &str) -> Option<u64> {
    let value = match word {
        "other" | "alternate" | "second" | "2nd" => 2,
        "third" | "3rd" => 3,
        "fourth" | "4th" => 4,
        "fifth" | "5th" => 5,
        "sixth" | "6th" => 6,
        _ => return None,
    };
    Some(value)
}

/// A unit of time as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum UnitWord {
    /// `multiple` of `unit`: a fortnight is 2 weeks.
    Unit { unit: TimeUnit, multiple: u64 },
    /// Hours: "within 72 hours" (counted as whole days).
    Hours,
}

/// The unit of time at `index` ("weeks", "working days", "fortnight"), with the index past
/// it.
pub(super) fn unit_at(tokens: Tokens<'_>, index: usize) -> Option<(UnitWord, usize)> {
    let word = tokens.word(index)?;
    let day_after = |next: usize| -> Option<usize> {
        let next = tokens.skip_punct(next, &['-']);
        tokens
            .is_any_word(next, &["day", "days"])
            .then_some(next + 1)
    };
    let unit = |unit: TimeUnit, end: usize| Some((UnitWord::Unit { unit, multiple: 1 }, end));
    match word {
        "day" | "days" => unit(TimeUnit::Day, index + 1),
        "working" | "work" | "business" => unit(TimeUnit::WorkingDay, day_after(index + 1)?),
        "workingday" | "workingdays" | "workday" | "workdays" => {
            unit(TimeUnit::WorkingDay, index + 1)
        }
        "school" => unit(TimeUnit::SchoolDay, day_after(index + 1)?),
        "schoolday" | "schooldays" => unit(TimeUnit::SchoolDay, index + 1),
        "calendar" => unit(TimeUnit::Day, day_after(index + 1)?),
        "week" | "weeks" | "wk" | "wks" => unit(TimeUnit::Week, index + 1),
        "fortnight" | "fortnights" => Some((
            UnitWord::Unit {
                unit: TimeUnit::Week,
                multiple: 2,
            },
            index + 1,
        )),
        "month" | "months" | "mth" | "mths" | "mnth" | "mnths" => unit(TimeUnit::Month, index + 1),
        "year" | "years" | "yr" | "yrs" => unit(TimeUnit::Year, index + 1),
        "hour" | "hours" | "hr" | "hrs" => Some((UnitWord::Hours, index + 1)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_tokens<R>(text: &str, check: impl FnOnce(Tokens<'_>) -> R) -> R {
        let list = tokenize(text);
        check(Tokens { list: &list })
    }

    #[test]
    fn the_longest_phrase_wins() {
        let table = PhraseTable::new(&[("as soon as", 1), ("as soon as possible", 2)]);
        let found = with_tokens("As soon as possible.", |tokens| table.longest_at(tokens, 0));
        assert_eq!(found, Some((2, 4)));
    }

    #[test]
    fn phrases_with_punctuation_match_as_written() {
        let table = PhraseTable::new(&[("a.s.a.p", ())]);
        let found = with_tokens("A.S.A.P.", |tokens| table.longest_at(tokens, 0));
        assert_eq!(found, Some(((), 7)));
    }

    #[test]
    fn counts_read_digits_words_and_articles() {
        assert_eq!(
            with_tokens("two weeks", |t| count_at(t, 0, false)),
            Some((2, 1))
        );
        assert_eq!(with_tokens("a week", |t| count_at(t, 0, false)), None);
        assert_eq!(
            with_tokens("a week", |t| count_at(t, 0, true)),
            Some((1, 1))
        );
        assert_eq!(
            with_tokens("a couple of weeks", |t| count_at(t, 0, true)),
            Some((2, 3))
        );
        assert_eq!(with_tokens("1.5 weeks", |t| count_at(t, 0, true)), None);
    }

    #[test]
    fn units_read_two_word_forms() {
        let working = UnitWord::Unit {
            unit: TimeUnit::WorkingDay,
            multiple: 1,
        };
        assert_eq!(
            with_tokens("working days", |t| unit_at(t, 0)),
            Some((working, 2))
        );
        assert_eq!(
            with_tokens("working-days", |t| unit_at(t, 0)),
            Some((working, 3))
        );
        assert_eq!(
            with_tokens("workingdays", |t| unit_at(t, 0)),
            Some((working, 1))
        );
        assert_eq!(with_tokens("working hard", |t| unit_at(t, 0)), None);
    }
}
