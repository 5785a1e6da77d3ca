//! Text positions: byte offsets inside Rust, UTF-16 code units outside it (JavaScript's
//! string indices). This module is the one place that converts between them.

/// Converts positions within one text between UTF-8 bytes and UTF-16 code units.
#[derive(Debug)]
pub struct Utf16Index<'a> {
    text: &'a str,
}

impl<'a> Utf16Index<'a> {
    pub fn new(text: &'a str) -> Self {
        Utf16Index { text }
    }

    /// The UTF-16 position of a byte offset. An offset inside a character, or past the
    /// end, counts as the next character boundary, so this never panics.
    pub fn to_utf16(&self, byte_offset: usize) -> usize {
        let mut units = 0;
        for (index, character) in self.text.char_indices() {
            if index >= byte_offset {
                return units;
            }
            units += character.len_utf16();
        }
        units
    }

    /// The byte offset of a UTF-16 position. A position inside a surrogate pair, or past
    /// the end, counts as the next character boundary.
    pub fn to_byte(&self, utf16_offset: usize) -> usize {
        let mut units = 0;
        for (index, character) in self.text.char_indices() {
            if units >= utf16_offset {
                return index;
            }
            units += character.len_utf16();
        }
        self.text.len()
    }

    /// Length of the whole text in UTF-16 code units.
    pub fn len_utf16(&self) -> usize {
        self.text.chars().map(char::len_utf16).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn round_trip(text: &str, byte: usize, utf16: usize) {
        let index = Utf16Index::new(text);
        assert_eq!(index.to_utf16(byte), utf16, "bytes {byte} of {text:?}");
        assert_eq!(index.to_byte(utf16), byte, "utf16 {utf16} of {text:?}");
    }

    #[test]
    fn ascii_positions_are_equal() {
        round_trip("Ongoing work", 7, 7);
    }

    #[test]
    fn accented_letter_is_two_bytes_one_unit() {
        // "é" is 2 bytes in UTF-8 and 1 unit in UTF-16.
        round_trip("café visit", 6, 5);
    }

    #[test]
    fn curly_apostrophe_is_three_bytes_one_unit() {
        round_trip("Tommy’s mum", 8, 6);
    }

    #[test]
    fn emoji_is_four_bytes_two_units() {
        round_trip("😀 ASAP", 5, 3);
    }

    #[test]
    fn crlf_counts_as_two_in_both() {
        round_trip("a\r\nASAP", 3, 3);
    }

    #[test]
    fn offsets_inside_a_character_move_to_the_next_boundary() {
        let index = Utf16Index::new("😀x");
        assert_eq!(index.to_utf16(1), 2);
        assert_eq!(index.to_byte(1), 4);
        assert_eq!(index.to_utf16(99), 3);
        assert_eq!(index.to_byte(99), 5);
    }
}
