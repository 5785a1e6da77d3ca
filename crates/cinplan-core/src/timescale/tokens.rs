//! Splitting timescale text into words, numbers and punctuation, with byte spans.
//!
//! Every later step works on these tokens, never on raw byte positions, so it cannot
//! slice inside a character. Words are compared in lower case; spans point at the text
//! exactly as written.

use std::borrow::Cow;
use std::ops::Range;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// A run of letters (any script).
    Word,
    /// A run of ASCII digits.
    Number,
    /// Any other single character, with dash and quote variants folded ('–' is '-').
    Punct(char),
}

#[derive(Debug, Clone)]
pub(super) struct Token<'text> {
    pub kind: Kind,
    /// Byte range in the text that was read.
    pub span: Range<usize>,
    /// Words in lower case; numbers as their digits; punctuation as the folded character.
    /// Borrowed from the text wherever it already reads so (most words, every number), as
    /// a 1 MB paste has some 200,000 tokens.
    pub lower: Cow<'text, str>,
    /// Whether whitespace separates this token from the previous one.
    pub space_before: bool,
    /// Whether a line break separates this token from the previous one.
    pub line_before: bool,
}

impl Token<'_> {
    /// The value of a number token, saturating at `u64::MAX` for absurdly long digit runs.
    pub fn value(&self) -> Option<u64> {
        (self.kind == Kind::Number).then(|| {
            self.lower.bytes().fold(0u64, |total, digit| {
                total
                    .saturating_mul(10)
                    .saturating_add(u64::from(digit - b'0'))
            })
        })
    }

    pub fn digits(&self) -> usize {
        if self.kind == Kind::Number {
            self.lower.len()
        } else {
            0
        }
    }
}

fn fold_punct(character: char) -> char {
    match character {
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE63}' | '\u{FF0D}' => '-',
        '\u{2018}' | '\u{2019}' | '\u{201B}' | '`' | '\u{00B4}' => '\'',
        '\u{201C}' | '\u{201D}' => '"',
        '\u{FF0F}' | '\u{2044}' => '/',
        other => other,
    }
}

/// Splits `text` into tokens. Linear in the length of the text.
pub(super) fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut tokens: Vec<Token> = Vec::new();
    let mut space_before = false;
    let mut line_before = false;
    let mut chars = text.char_indices().peekable();
    while let Some((start, character)) = chars.next() {
        if character.is_whitespace() {
            space_before = true;
            if matches!(character, '\n' | '\r' | '\u{2028}' | '\u{2029}') {
                line_before = true;
            }
            continue;
        }
        let (kind, end, lower) = if character.is_ascii_digit() {
            let mut end = start + character.len_utf8();
            while let Some(&(index, next)) = chars.peek() {
                if !next.is_ascii_digit() {
                    break;
                }
                end = index + next.len_utf8();
                chars.next();
            }
            (
                Kind::Number,
                end,
                Cow::Borrowed(text.get(start..end).unwrap_or("")),
            )
        } else if character.is_alphabetic() {
            let mut end = start + character.len_utf8();
            while let Some(&(index, next)) = chars.peek() {
                if !next.is_alphabetic() {
                    break;
                }
                end = index + next.len_utf8();
                chars.next();
            }
            let word = text.get(start..end).unwrap_or("");
            // The same result for ASCII words, without the Unicode case tables.
            let lower = if word.is_ascii() {
                if word.bytes().any(|byte| byte.is_ascii_uppercase()) {
                    Cow::Owned(word.to_ascii_lowercase())
                } else {
                    Cow::Borrowed(word)
                }
            } else {
                Cow::Owned(word.to_lowercase())
            };
            (Kind::Word, end, lower)
        } else {
            let folded = fold_punct(character);
            let end = start + character.len_utf8();
            let lower = match folded {
                '-' => Cow::Borrowed("-"),
                '\'' => Cow::Borrowed("'"),
                '"' => Cow::Borrowed("\""),
                '/' => Cow::Borrowed("/"),
                _ => Cow::Borrowed(text.get(start..end).unwrap_or("")),
            };
            (Kind::Punct(folded), end, lower)
        };
        tokens.push(Token {
            kind,
            span: start..end,
            lower,
            space_before,
            line_before,
        });
        space_before = false;
        line_before = false;
    }
    tokens
}

/// Read-only helpers over a token slice; every access is bounds-checked.
#[derive(Debug, Clone, Copy)]
pub(super) struct Tokens<'t> {
    pub list: &'t [Token<'t>],
}

impl<'t> Tokens<'t> {
    pub fn get(&self, index: usize) -> Option<&'t Token<'t>> {
        self.list.get(index)
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    /// The lower-case word at `index`, if that token is a word.
    pub fn word(&self, index: usize) -> Option<&'t str> {
        self.get(index)
            .filter(|token| token.kind == Kind::Word)
            .map(|token| token.lower.as_ref())
    }

    pub fn is_word(&self, index: usize, word: &str) -> bool {
        self.word(index) == Some(word)
    }

    pub fn is_any_word(&self, index: usize, words: &[&str]) -> bool {
        self.word(index).is_some_and(|found| words.contains(&found))
    }

    pub fn is_punct(&self, index: usize, character: char) -> bool {
        self.get(index)
            .is_some_and(|token| token.kind == Kind::Punct(character))
    }

    pub fn punct(&self, index: usize) -> Option<char> {
        match self.get(index)?.kind {
            Kind::Punct(character) => Some(character),
            _ => None,
        }
    }

    pub fn number(&self, index: usize) -> Option<&'t Token<'t>> {
        self.get(index).filter(|token| token.kind == Kind::Number)
    }

    /// Whether the token at `index` directly follows the previous one, with no space.
    pub fn touches_previous(&self, index: usize) -> bool {
        self.get(index).is_some_and(|token| !token.space_before)
    }

    /// The byte span from the start of token `first` to the end of token `last_exclusive - 1`.
    pub fn span(&self, first: usize, last_exclusive: usize) -> Range<usize> {
        let start = self.get(first).map_or(0, |token| token.span.start);
        let end = last_exclusive
            .checked_sub(1)
            .and_then(|last| self.get(last))
            .map_or(start, |token| token.span.end);
        start..end.max(start)
    }

    /// `index` moved past one optional word from `words`.
    pub fn skip_optional(&self, index: usize, words: &[&str]) -> usize {
        if self.is_any_word(index, words) {
            index + 1
        } else {
            index
        }
    }

    /// `index` moved past one optional punctuation character from `characters`.
    pub fn skip_punct(&self, index: usize, characters: &[char]) -> usize {
        match self.punct(index) {
            Some(found) if characters.contains(&found) => index + 1,
            _ => index,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(Kind, String)> {
        tokenize(text)
            .into_iter()
            .map(|token| (token.kind, token.lower.into_owned()))
            .collect()
    }

    #[test]
    fn ordinals_split_into_number_and_suffix() {
        assert_eq!(
            kinds("15th"),
            vec![
                (Kind::Number, "15".to_owned()),
                (Kind::Word, "th".to_owned())
            ]
        );
    }

    #[test]
    fn dashes_and_quotes_are_folded() {
        assert_eq!(
            kinds("4–6 week’s"),
            vec![
                (Kind::Number, "4".to_owned()),
                (Kind::Punct('-'), "-".to_owned()),
                (Kind::Number, "6".to_owned()),
                (Kind::Word, "week".to_owned()),
                (Kind::Punct('\''), "'".to_owned()),
                (Kind::Word, "s".to_owned()),
            ]
        );
    }

    #[test]
    fn spans_point_at_the_original_text_even_when_lower_case_is_longer() {
        let text = "İSTANBUL by 3/4";
        let tokens = tokenize(text);
        let spans: Vec<&str> = tokens
            .iter()
            .map(|token| text.get(token.span.clone()).unwrap_or("?"))
            .collect();
        assert_eq!(spans, vec!["İSTANBUL", "by", "3", "/", "4"]);
    }

    #[test]
    fn huge_numbers_saturate() {
        let nines = "9".repeat(40);
        let tokens = tokenize(&nines);
        assert_eq!(tokens.first().and_then(Token::value), Some(u64::MAX));
    }

    #[test]
    fn line_breaks_are_recorded() {
        let tokens = tokenize("weekly\nby Friday");
        assert!(tokens.get(1).is_some_and(|token| token.line_before));
        assert!(tokens.get(2).is_some_and(|token| !token.line_before));
    }
}
