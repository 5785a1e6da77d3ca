//! Plan text on a terminal or in a calendar: what the user typed can hold control
//! characters (a NUL, a lone carriage return) and direction overrides that would garble a
//! terminal or break an iCalendar file, and characters of any width.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// One character as the terminal should show it, and how many columns that takes.
pub fn display_char(character: char) -> (String, usize) {
    match character {
        '\t' => (" ".to_owned(), 1),
        // C0 controls as their Control Pictures: "␀", "␍", "␊".
        '\0'..='\u{1f}' => (
            char::from_u32(0x2400 + u32::from(character))
                .unwrap_or('?')
                .to_string(),
            1,
        ),
        '\u{7f}' => ("␡".to_owned(), 1),
        // C1 controls, direction marks and overrides, and line separators would move or
        // reverse what follows: name them instead.
        '\u{80}'..='\u{9f}'
        | '\u{61c}'
        | '\u{200e}'
        | '\u{200f}'
        | '\u{2028}'..='\u{202e}'
        | '\u{2066}'..='\u{2069}' => {
            let name = format!("<U+{:04X}>", u32::from(character));
            let columns = name.len();
            (name, columns)
        }
        _ => (
            character.to_string(),
            UnicodeWidthChar::width(character).unwrap_or(0),
        ),
    }
}

/// A text with its invisible and direction-changing characters shown visibly (see
/// [`display_char`]), for anything that quotes the plan on one line.
pub fn printable(text: &str) -> String {
    text.chars()
        .map(|character| display_char(character).0)
        .collect()
}

/// How many terminal columns a printable text takes.
pub fn columns(text: &str) -> usize {
    UnicodeWidthStr::width(text)
}

/// `text` padded with spaces to `width` terminal columns.
pub fn pad(text: &str, width: usize) -> String {
    let mut padded = text.to_owned();
    padded.push_str(&" ".repeat(width.saturating_sub(columns(text))));
    padded
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_and_overrides_become_visible() {
        assert_eq!(printable("a\0b\rc\nd\u{202e}e\u{7f}"), "a␀b␍c␊d<U+202E>e␡");
    }

    #[test]
    fn padding_counts_columns_not_characters() {
        assert_eq!(pad("😀", 4), "😀  ");
        assert_eq!(pad("e\u{301}", 3), "e\u{301}  ");
        assert_eq!(pad("long", 2), "long");
    }
}
