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
    let prefix: usize = old
        .chars()
        .zip(new.chars())
        .take_while(|(a, b)| a == b)
        .map(|(a, _)| a.len_utf8())
        .sum();
    let suffix: usize = old[prefix.min(old.len())..]
        .chars()
        .rev()
        .zip(new[prefix..].chars().rev())
        .take_while(|(a, b)| a == b)
        .map(|(a, _)| a.len_utf8())
        .sum();
    let is_word = |c: char| c.is_alphanumeric() || c == '\'' || c == '’';
    // A change that begins or ends inside a word takes in the whole word.
    let mid_word = |at: usize| {
        new[..at].chars().next_back().is_some_and(is_word)
            && new[at..].chars().next().is_some_and(is_word)
    };
    let start = if mid_word(prefix) {
        new[..prefix]
            .char_indices()
            .rev()
            .find(|(_, c)| !is_word(*c))
            .map_or(0, |(index, c)| index + c.len_utf8())
    } else {
        prefix
    };
    let changed_end = (new.len() - suffix).max(prefix);
    let end = if mid_word(changed_end) {
        new[changed_end..]
            .char_indices()
            .find(|(_, c)| !is_word(*c))
            .map_or(new.len(), |(index, _)| changed_end + index)
    } else {
        changed_end
    };
    start..end.max(start)
}
