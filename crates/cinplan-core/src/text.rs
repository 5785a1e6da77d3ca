//! Text positions: byte offsets inside Rust, UTF-16 code units outside it (JavaScript's
//! string indices). This module is the one place that converts between them.

use std::ops::Range;

/// Converts positions within one text between UTF-8 bytes and UTF-16 code units.
///
/// Built once per text and then asked many times (every finding of a field), so it keeps
/// a checkpoint every [`CHECKPOINT_BYTES`]: each conversion scans at most that far, and a
/// field with thousands of findings does not rescan its whole text for each one.
#[derive(Debug)]
pub struct Utf16Index<'a> {
    text: &'a str,
    /// `(byte offset, UTF-16 offset)` of character boundaries, the first `(0, 0)`, both
    /// strictly increasing. Empty for an ASCII text.
    checkpoints: Vec<(usize, usize)>,
    /// Every character is one byte and one UTF-16 unit, so positions are the same in both:
    /// most plans are ASCII, and this is converted for every finding and suggestion.
    ascii: bool,
}

/// How far apart (in bytes) the checkpoints of a [`Utf16Index`] are. Each conversion scans
/// up to this far, and a long paste's findings are converted thousands of times; the
/// checkpoints cost a quarter of the text's size in memory.
const CHECKPOINT_BYTES: usize = 64;

impl<'a> Utf16Index<'a> {
    pub fn new(text: &'a str) -> Self {
        if text.is_ascii() {
            return Utf16Index {
                text,
                checkpoints: Vec::new(),
                ascii: true,
            };
        }
        Self::with_checkpoints(text)
    }

    /// The index with checkpoints, which any text can use.
    fn with_checkpoints(text: &'a str) -> Self {
        let mut checkpoints = vec![(0, 0)];
        let mut units = 0;
        let mut next = CHECKPOINT_BYTES;
        for (index, &byte) in text.as_bytes().iter().enumerate() {
            if index >= next && starts_character(byte) {
                checkpoints.push((index, units));
                next = index + CHECKPOINT_BYTES;
            }
            units += utf16_units(byte);
        }
        Utf16Index {
            text,
            checkpoints,
            ascii: false,
        }
    }

    /// The last checkpoint at or before a position, as `(byte, units)`.
    fn checkpoint(&self, at_or_before: impl Fn(&(usize, usize)) -> bool) -> (usize, usize) {
        let after = self.checkpoints.partition_point(at_or_before);
        self.checkpoints
            .get(after.saturating_sub(1))
            .copied()
            .unwrap_or((0, 0))
    }

    /// The UTF-16 position of a byte offset. An offset inside a character, or past the
    /// end, counts as the next character boundary, so this never panics.
    pub fn to_utf16(&self, byte_offset: usize) -> usize {
        if self.ascii {
            return byte_offset.min(self.text.len());
        }
        let (from, mut units) = self.checkpoint(|&(byte, _)| byte <= byte_offset);
        let rest = self.text.as_bytes().get(from..).unwrap_or_default();
        for (index, &byte) in rest.iter().enumerate() {
            if from + index >= byte_offset && starts_character(byte) {
                return units;
            }
            units += utf16_units(byte);
        }
        units
    }

    /// The byte offset of a UTF-16 position. A position inside a surrogate pair, or past
    /// the end, counts as the next character boundary.
    pub fn to_byte(&self, utf16_offset: usize) -> usize {
        if self.ascii {
            return utf16_offset.min(self.text.len());
        }
        let (from, mut units) = self.checkpoint(|&(_, at)| at <= utf16_offset);
        let rest = self.text.as_bytes().get(from..).unwrap_or_default();
        for (index, &byte) in rest.iter().enumerate() {
            if units >= utf16_offset && starts_character(byte) {
                return from + index;
            }
            units += utf16_units(byte);
        }
        self.text.len()
    }

    /// Length of the whole text in UTF-16 code units.
    pub fn len_utf16(&self) -> usize {
        self.to_utf16(self.text.len())
    }
}

// The scans below read bytes rather than decode characters: a byte that is not a UTF-8
// continuation byte starts a character, and a character takes two UTF-16 units exactly when
// its first byte starts a four-byte sequence. Decoding every character cost a tenth of a
// long text's check in a browser.

/// Whether `byte` of a `str` starts a character (is not a continuation byte).
fn starts_character(byte: u8) -> bool {
    byte & 0xC0 != 0x80
}

/// The UTF-16 units of the character `byte` starts (0 for a continuation byte).
fn utf16_units(byte: u8) -> usize {
    match byte {
        0x80..=0xBF => 0,
        0xF0..=0xFF => 2,
        _ => 1,
    }
}

/// FNV-1a: a hasher for the small tables of short words the rules and the timescale
/// reader look every word of a text up in, where SipHash's resistance to chosen keys buys
/// nothing (the keys are the tables' own words) and its cost showed in profiles.
#[derive(Debug, Clone, Copy)]
pub(crate) struct WordHasher(u64);

impl Default for WordHasher {
    fn default() -> Self {
        WordHasher(0xcbf2_9ce4_8422_2325)
    }
}

impl std::hash::Hasher for WordHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for byte in bytes {
            self.0 = (self.0 ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// Builds [`WordHasher`]s for `HashMap` and `HashSet`.
pub(crate) type BuildWordHasher = std::hash::BuildHasherDefault<WordHasher>;

/// Ranges of one text (quotations, findings), arranged so that asking whether a range
/// lies inside one of them takes a binary search, not a pass over them all: a long pasted
/// text has thousands.
#[derive(Debug, Default)]
pub(crate) struct RangeSet {
    /// Sorted by start, then end.
    ranges: Vec<Range<usize>>,
    /// For each position of `ranges`, the furthest end up to and including it.
    furthest_end: Vec<usize>,
}

impl RangeSet {
    pub(crate) fn new(mut ranges: Vec<Range<usize>>) -> RangeSet {
        sort_ranges(&mut ranges);
        let mut furthest = 0;
        let furthest_end = ranges
            .iter()
            .map(|range| {
                furthest = furthest.max(range.end);
                furthest
            })
            .collect();
        RangeSet {
            ranges,
            furthest_end,
        }
    }

    /// Whether `inner` lies inside one of the ranges (or is one).
    pub(crate) fn around(&self, inner: &Range<usize>) -> bool {
        let starting_before = self
            .ranges
            .partition_point(|range| range.start <= inner.start);
        starting_before
            .checked_sub(1)
            .and_then(|last| self.furthest_end.get(last))
            .is_some_and(|&end| end >= inner.end)
    }

    /// Whether `range` is one of the ranges.
    pub(crate) fn has(&self, range: &Range<usize>) -> bool {
        self.ranges
            .binary_search_by_key(&(range.start, range.end), |one| (one.start, one.end))
            .is_ok()
    }
}

/// Sorts ranges by start, then end. Every such sort goes through here: each sort call with
/// a closure of its own is another copy of the sort in the browser builds (about 0.4 KB of
/// the editor's gzip, measured).
pub(crate) fn sort_ranges(ranges: &mut [Range<usize>]) {
    ranges.sort_by_key(|range| (range.start, range.end));
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

    proptest::proptest! {
        /// An ASCII text's shortcut gives what the checkpoints give, past the end too.
        #[test]
        fn the_ascii_shortcut_agrees_with_the_checkpoints(text in "[ -~]{0,700}", offset in 0usize..800) {
            let fast = Utf16Index::new(&text);
            let general = Utf16Index::with_checkpoints(&text);
            proptest::prop_assert!(fast.ascii && !general.ascii);
            proptest::prop_assert_eq!(fast.to_utf16(offset), general.to_utf16(offset));
            proptest::prop_assert_eq!(fast.to_byte(offset), general.to_byte(offset));
            proptest::prop_assert_eq!(fast.len_utf16(), general.len_utf16());
        }
    }

    /// What the byte scans stand in for: positions counted by decoding every character.
    fn decoded_utf16(text: &str, byte_offset: usize) -> usize {
        let mut units = 0;
        for (index, character) in text.char_indices() {
            if index >= byte_offset {
                return units;
            }
            units += character.len_utf16();
        }
        units
    }

    fn decoded_byte(text: &str, utf16_offset: usize) -> usize {
        let mut units = 0;
        for (index, character) in text.char_indices() {
            if units >= utf16_offset {
                return index;
            }
            units += character.len_utf16();
        }
        text.len()
    }

    proptest::proptest! {
        #[test]
        fn byte_scans_agree_with_decoding_characters(
            text in "(.|é|’|😀|\\PC){0,400}",
            offsets in proptest::collection::vec(0usize..2000, 8),
        ) {
            let index = Utf16Index::with_checkpoints(&text);
            for offset in offsets {
                proptest::prop_assert_eq!(index.to_utf16(offset), decoded_utf16(&text, offset), "to_utf16({}) of {:?}", offset, text);
                proptest::prop_assert_eq!(index.to_byte(offset), decoded_byte(&text, offset), "to_byte({}) of {:?}", offset, text);
            }
            proptest::prop_assert_eq!(index.len_utf16(), text.encode_utf16().count());
        }
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
    fn positions_far_into_a_long_text_agree_with_counting_from_the_start() {
        // Long enough for many checkpoints, with 1-, 2-, 3- and 4-byte characters mixed.
        let text = "aé’😀 ".repeat(500);
        let index = Utf16Index::new(&text);
        let mut units = 0;
        for (byte, character) in text.char_indices() {
            assert_eq!(index.to_utf16(byte), units, "byte {byte}");
            assert_eq!(index.to_byte(units), byte, "unit {units}");
            if character.len_utf8() > 1 {
                // Inside the character: the next boundary.
                assert_eq!(index.to_utf16(byte + 1), units + character.len_utf16());
            }
            units += character.len_utf16();
        }
        assert_eq!(index.len_utf16(), units);
        assert_eq!(index.to_byte(units + 7), text.len());
    }

    #[test]
    fn offsets_inside_a_character_move_to_the_next_boundary() {
        let index = Utf16Index::new("😀x");
        assert_eq!(index.to_utf16(1), 2);
        assert_eq!(index.to_byte(1), 4);
        assert_eq!(index.to_utf16(99), 3);
        assert_eq!(index.to_byte(99), 5);
    }

    proptest::proptest! {
        /// `RangeSet` answers as a pass over every range would.
        #[test]
        fn range_set_answers_as_a_pass_over_every_range(
            ranges in proptest::collection::vec((0usize..40, 0usize..10), 0..12),
            asked in proptest::collection::vec((0usize..40, 0usize..10), 1..12),
        ) {
            let ranges: Vec<Range<usize>> =
                ranges.into_iter().map(|(start, length)| start..start + length).collect();
            let set = RangeSet::new(ranges.clone());
            for (start, length) in asked {
                let inner = start..start + length;
                let around = ranges
                    .iter()
                    .any(|range| range.start <= inner.start && inner.end <= range.end);
                proptest::prop_assert_eq!(set.around(&inner), around, "{:?} in {:?}", inner, ranges);
                proptest::prop_assert_eq!(set.has(&inner), ranges.contains(&inner));
            }
        }
    }
}
