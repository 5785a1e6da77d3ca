//! Filling a suggestion's `[placeholders]` the way a practitioner would, for tests that
//! apply every suggestion, and finding the words a rewrite really changes. Shared by the
//! library's unit tests and the integration tests.

use std::ops::Range;

/// The value typed into one placeholder: a plan-like value for the generic ones, and the
/// placeholder's own example for the rest ("[2 weeks]" becomes "2 weeks").
pub fn placeholder_value(inner: &str) -> String {
    match inner {
        "date" => "1 December 2026".to_owned(),
        "start date" => "30 November 2026".to_owned(),
        "first review date" => "16 February 2027".to_owned(),
        "name" => "Sam Jones".to_owned(),
        "role" => "social worker".to_owned(),
        other => other.to_owned(),
    }
}

/// Replaces every `[…]` in `text` by its value.
pub fn fill_placeholders(text: &str) -> String {
    let mut filled = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        let Some(close) = rest[open..].find(']').map(|close| open + close) else {
            break;
        };
        filled.push_str(&rest[..open]);
        filled.push_str(&placeholder_value(&rest[open + 1..close]));
        rest = &rest[close + 1..];
    }
    filled.push_str(rest);
    filled
}

/// The byte range of `new` that differs from `old`, widened to whole words: the words a
/// rewrite puts in. A rewrite often keeps words around what it changes ("A counsellor" →
/// "Sam Jones, counsellor"); findings on the kept words were there before and are not the
/// rewrite's doing.
pub fn changed_words(old: &str, new: &str) -> Range<usize> {
    let is_word = |c: char| c.is_alphanumeric() || c == '\'' || c == '’';
    // Whether `at` splits a word of `text` in two.
    let splits_word = |text: &str, at: usize| {
        text[..at].chars().next_back().is_some_and(is_word)
            && text[at..].chars().next().is_some_and(is_word)
    };
    // The common start, back to a word boundary.
    let mut prefix: usize = old
        .chars()
        .zip(new.chars())
        .take_while(|(a, b)| a == b)
        .map(|(a, _)| a.len_utf8())
        .sum();
    while prefix > 0 && (splits_word(new, prefix) || splits_word(old, prefix)) {
        prefix -= new[..prefix]
            .chars()
            .next_back()
            .map_or(prefix, char::len_utf8);
    }
    // The common end (after the common start), forward to a word boundary.
    let mut suffix: usize = old[prefix..]
        .chars()
        .rev()
        .zip(new[prefix..].chars().rev())
        .take_while(|(a, b)| a == b)
        .map(|(a, _)| a.len_utf8())
        .sum();
    while suffix > 0
        && (splits_word(new, new.len() - suffix) || splits_word(old, old.len() - suffix))
    {
        suffix -= new[new.len() - suffix..]
            .chars()
            .next()
            .map_or(suffix, char::len_utf8);
    }
    prefix..(new.len() - suffix).max(prefix)
}
