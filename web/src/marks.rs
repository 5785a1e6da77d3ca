//! Turning a field's findings into what the editor draws and does: the pieces of text the
//! highlight layer marks, the text after applying a suggestion, and where its
//! placeholders are. Positions from the core are UTF-16 code units (what the textarea
//! counts); `Utf16Index` is the core's one converter to the byte offsets Rust slices by.

use cinplan_core::finding::{Finding, Severity, Suggestion, SuggestionTarget};
use cinplan_core::text::Utf16Index;

/// A run of a field's text and the finding that marks it, if any (the most severe when
/// findings overlap).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub text: String,
    pub finding: Option<usize>,
}

/// Cuts `text` into runs at every boundary of a finding's range.
pub fn segments(text: &str, findings: &[Finding]) -> Vec<Segment> {
    let index = Utf16Index::new(text);
    let ranges: Vec<(usize, usize, usize)> = findings
        .iter()
        .enumerate()
        .filter_map(|(number, finding)| {
            let start = index.to_byte(finding.start?);
            let end = index.to_byte(finding.end?);
            (start < end).then_some((start, end, number))
        })
        .collect();
    let mut cuts: Vec<usize> = vec![0, text.len()];
    for (start, end, _) in &ranges {
        cuts.push(*start);
        cuts.push(*end);
    }
    cuts.sort_unstable();
    cuts.dedup();
    // The finding marking each run between two cuts: every range marks the runs it spans
    // (each start and end is a cut), and a run keeps the most severe, then the shortest,
    // then the last found. Asking every range about every run took time growing with the
    // square of the findings, and a long paste has thousands.
    let key = |&(start, end, number): &(usize, usize, usize)| {
        let severity = findings
            .get(number)
            .map_or(Severity::Info, |finding| finding.severity);
        (severity, usize::MAX - (end - start), number)
    };
    // Which range marks each run (an index into `ranges`; none when past its end).
    let mut marking = vec![usize::MAX; cuts.len()];
    for (which, range) in ranges.iter().enumerate() {
        let runs =
            cuts.partition_point(|&cut| cut < range.0)..cuts.partition_point(|&cut| cut < range.1);
        for best in marking.get_mut(runs).unwrap_or_default() {
            if ranges
                .get(*best)
                .is_none_or(|other| key(range) > key(other))
            {
                *best = which;
            }
        }
    }
    let mut pieces = Vec::new();
    for (run, window) in cuts.windows(2).enumerate() {
        let (from, to) = (window[0], window[1]);
        let Some(piece) = text.get(from..to) else {
            continue;
        };
        if piece.is_empty() {
            continue;
        }
        let finding = marking
            .get(run)
            .and_then(|&which| ranges.get(which))
            .map(|&(_, _, number)| number);
        match pieces.last_mut() {
            Some(Segment {
                text,
                finding: previous,
            }) if *previous == finding => text.push_str(piece),
            _ => pieces.push(Segment {
                text: piece.to_owned(),
                finding,
            }),
        }
    }
    pieces
}

/// The layer's pieces in blocks, one per line of the text (through its newline), the last
/// the text after the final newline (empty when there is none). The browser lays out a
/// changed block again without the others: redrawing the blocks a check changed costs
/// milliseconds on a 1 MB paste, where laying out a layer of one block took half a second
/// and more (measured). A mark across a newline stays whole, in a block of several lines.
pub fn blocks(pieces: Vec<Segment>) -> Vec<Vec<Segment>> {
    let mut blocks = Vec::new();
    let mut block = Vec::new();
    for piece in pieces {
        if piece.finding.is_some() {
            block.push(piece);
            continue;
        }
        for line in piece.text.split_inclusive('\n') {
            block.push(Segment {
                text: line.to_owned(),
                finding: None,
            });
            if line.ends_with('\n') {
                blocks.push(std::mem::take(&mut block));
            }
        }
    }
    blocks.push(block);
    blocks
}

/// The text the finding flags, for quoting it ("Ongoing"); the whole field when the finding
/// has no range.
pub fn flagged<'a>(text: &'a str, finding: &Finding) -> &'a str {
    let (Some(start), Some(end)) = (finding.start, finding.end) else {
        return text;
    };
    // Only the text up to the range is indexed: a field's list quotes a hundred marks, and
    // indexing a whole 1 MB paste for each took the page a sixth of a second (measured).
    // A UTF-16 unit takes at most three bytes, so the first `3 × end` bytes hold the range.
    let mut bound = start
        .max(end)
        .saturating_mul(3)
        .saturating_add(3)
        .min(text.len());
    while !text.is_char_boundary(bound) {
        bound -= 1;
    }
    let head = text.get(..bound).unwrap_or(text);
    let index = Utf16Index::new(head);
    text.get(index.to_byte(start)..index.to_byte(end))
        .unwrap_or(text)
}

/// The result of applying a suggestion: the new text, and the UTF-16 ranges (in the new
/// text) of its placeholders, first to last.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Applied {
    pub text: String,
    pub placeholders: Vec<(usize, usize)>,
    /// Where the replacement ends (UTF-16), for the caret when there is no placeholder.
    pub caret: usize,
}

/// Applies `suggestion` of `finding` to `text`, the text the finding was found in.
pub fn apply(text: &str, finding: &Finding, suggestion: &Suggestion) -> Applied {
    let index = Utf16Index::new(text);
    let (start16, end16) = match (suggestion.target, finding.start, finding.end) {
        (SuggestionTarget::Range, Some(start), Some(end)) => (start, end),
        _ => (0, index.len_utf16()),
    };
    let start = index.to_byte(start16);
    let end = index.to_byte(end16).max(start);
    let mut result = String::with_capacity(text.len() + suggestion.replacement.len());
    result.push_str(text.get(..start).unwrap_or(""));
    result.push_str(&suggestion.replacement);
    result.push_str(text.get(end..).unwrap_or(""));
    let replaced_start = Utf16Index::new(&result).to_utf16(start);
    let replacement_length = Utf16Index::new(&suggestion.replacement).len_utf16();
    Applied {
        placeholders: suggestion
            .placeholders
            .iter()
            .map(|range| (replaced_start + range.start, replaced_start + range.end))
            .collect(),
        caret: replaced_start + replacement_length,
        text: result,
    }
}

/// The next `[placeholder]` (UTF-16 range, brackets included) starting at or after `from`,
/// for moving between placeholders with Tab.
pub fn next_placeholder(text: &str, from: usize) -> Option<(usize, usize)> {
    let index = Utf16Index::new(text);
    let from_byte = index.to_byte(from);
    let rest = text.get(from_byte..)?;
    let open = rest.find('[')? + from_byte;
    let close = text.get(open..)?.find(']')? + open + 1;
    Some((index.to_utf16(open), index.to_utf16(close)))
}

/// The finding whose range contains the caret (UTF-16), the most severe first.
pub fn at_caret(findings: &[Finding], caret: usize) -> Option<&Finding> {
    findings
        .iter()
        .filter(|finding| {
            matches!((finding.start, finding.end), (Some(start), Some(end)) if start <= caret && caret <= end)
        })
        .max_by_key(|finding| finding.severity)
}

/// The icon and word shown with each severity: shape and word, never colour alone.
pub fn severity_icon(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "✖",
        Severity::Warning => "▲",
        Severity::Info => "ℹ",
    }
}

pub fn severity_word(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "Problem",
        Severity::Warning => "Warning",
        Severity::Info => "Note",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use cinplan_core::finding::Applicability;

    fn finding(start: usize, end: usize, severity: Severity) -> Finding {
        Finding {
            rule: "vague-term".to_owned(),
            severity,
            smart: Vec::new(),
            pointer: "/needs/0/actions/0/by_when".to_owned(),
            start: Some(start),
            end: Some(end),
            message: String::new(),
            suggestions: Vec::new(),
        }
    }

    fn suggestion(replacement: &str, placeholders: Vec<std::ops::Range<usize>>) -> Suggestion {
        Suggestion {
            label: "Rewrite".to_owned(),
            replacement: replacement.to_owned(),
            applicability: Applicability::HasPlaceholders,
            target: SuggestionTarget::Range,
            placeholders,
        }
    }

    #[test]
    fn segments_split_around_a_mark() {
        let pieces = segments("Support ASAP please", &[finding(8, 12, Severity::Error)]);
        let texts: Vec<_> = pieces.iter().map(|piece| piece.text.as_str()).collect();
        assert_eq!(texts, ["Support ", "ASAP", " please"]);
        assert_eq!(pieces[1].finding, Some(0));
        assert_eq!(pieces[0].finding, None);
    }

    #[test]
    fn overlapping_marks_show_the_most_severe() {
        let findings = [
            finding(0, 10, Severity::Info),
            finding(4, 6, Severity::Error),
        ];
        let pieces = segments("abcdefghij", &findings);
        let marked: Vec<_> = pieces.iter().map(|piece| piece.finding).collect();
        assert_eq!(marked, [Some(0), Some(1), Some(0)]);
    }

    #[test]
    fn segments_count_utf16_like_the_textarea() {
        // "😀" is two UTF-16 units; "ASAP" starts at unit 3.
        let pieces = segments("😀 ASAP", &[finding(3, 7, Severity::Error)]);
        assert_eq!(pieces.last().map(|piece| piece.text.as_str()), Some("ASAP"));
    }

    #[test]
    fn out_of_range_findings_never_panic() {
        let pieces = segments("short", &[finding(3, 99, Severity::Warning)]);
        assert_eq!(pieces.concat_text(), "short");
    }

    trait Concat {
        fn concat_text(&self) -> String;
    }
    impl Concat for Vec<Segment> {
        fn concat_text(&self) -> String {
            self.iter().map(|piece| piece.text.as_str()).collect()
        }
    }

    #[test]
    fn applying_replaces_the_range_and_locates_placeholders() {
        let text = "Tommy’s visits: Ongoing.";
        // "Ongoing" is at UTF-16 16..23 (the apostrophe is one unit).
        let found = finding(16, 23, Severity::Error);
        let applied = apply(
            text,
            &found,
            &suggestion("Every [2] weeks until [date]", vec![6..9, 22..28]),
        );
        assert_eq!(
            applied.text,
            "Tommy’s visits: Every [2] weeks until [date]."
        );
        assert_eq!(applied.placeholders, vec![(22, 25), (38, 44)]);
        let units: Vec<u16> = applied.text.encode_utf16().collect();
        let first = String::from_utf16_lossy(&units[22..25]);
        assert_eq!(first, "[2]");
        assert_eq!(applied.caret, 16 + 28);
    }

    #[test]
    fn a_field_suggestion_replaces_everything() {
        let found = finding(0, 3, Severity::Error);
        let mut whole = suggestion("Sam Jones, social worker", Vec::new());
        whole.target = SuggestionTarget::Field;
        let applied = apply("A counsellor", &found, &whole);
        assert_eq!(applied.text, "Sam Jones, social worker");
        assert!(applied.placeholders.is_empty());
    }

    #[test]
    fn next_placeholder_moves_forward() {
        let text = "Every [2] weeks until [date]";
        assert_eq!(next_placeholder(text, 0), Some((6, 9)));
        assert_eq!(next_placeholder(text, 9), Some((22, 28)));
        assert_eq!(next_placeholder(text, 28), None);
    }

    #[test]
    fn caret_inside_a_mark_finds_it() {
        let findings = [finding(8, 12, Severity::Warning)];
        assert!(at_caret(&findings, 10).is_some());
        assert!(at_caret(&findings, 2).is_none());
    }

    /// The runs and the finding marking each, as every range was asked about every run.
    fn segments_by_asking_every_range(text: &str, findings: &[Finding]) -> Vec<Segment> {
        let index = Utf16Index::new(text);
        let ranges: Vec<(usize, usize, usize)> = findings
            .iter()
            .enumerate()
            .filter_map(|(number, finding)| {
                let start = index.to_byte(finding.start?);
                let end = index.to_byte(finding.end?);
                (start < end).then_some((start, end, number))
            })
            .collect();
        let mut cuts: Vec<usize> = vec![0, text.len()];
        cuts.extend(ranges.iter().flat_map(|&(start, end, _)| [start, end]));
        cuts.sort_unstable();
        cuts.dedup();
        let mut pieces: Vec<Segment> = Vec::new();
        for window in cuts.windows(2) {
            let Some(piece) = text
                .get(window[0]..window[1])
                .filter(|piece| !piece.is_empty())
            else {
                continue;
            };
            let finding = ranges
                .iter()
                .filter(|(start, end, _)| *start <= window[0] && window[1] <= *end)
                .max_by_key(|(start, end, number)| {
                    (findings[*number].severity, usize::MAX - (end - start))
                })
                .map(|(_, _, number)| *number);
            match pieces.last_mut() {
                Some(last) if last.finding == finding => last.text.push_str(piece),
                _ => pieces.push(Segment {
                    text: piece.to_owned(),
                    finding,
                }),
            }
        }
        pieces
    }

    proptest::proptest! {
        /// Overlapping, nested, equal and out-of-range findings, in any order, mark the
        /// same runs as asking every range about every run did.
        #[test]
        fn segments_mark_what_asking_every_range_marked(
            text in "[a😀é ]{0,24}",
            spans in proptest::collection::vec((0usize..30, 0usize..12, 0usize..3), 0..12),
        ) {
            let severities = [Severity::Info, Severity::Warning, Severity::Error];
            let findings: Vec<Finding> = spans
                .iter()
                .map(|&(start, length, severity)| finding(start, start + length, severities[severity]))
                .collect();
            proptest::prop_assert_eq!(
                segments(&text, &findings),
                segments_by_asking_every_range(&text, &findings)
            );
        }

        /// Blocks hold the pieces in order, each but the last ends with a newline outside
        /// any mark, and no other newline outside a mark ends a piece.
        #[test]
        fn blocks_keep_the_pieces_and_split_only_at_unmarked_newlines(
            text in "[a\n😀 ]{0,24}",
            spans in proptest::collection::vec((0usize..30, 0usize..12), 0..6),
        ) {
            let findings: Vec<Finding> = spans
                .iter()
                .map(|&(start, length)| finding(start, start + length, Severity::Warning))
                .collect();
            let pieces = segments(&text, &findings);
            let drawn = blocks(pieces.clone());
            let flat: Vec<Segment> = drawn.iter().flatten().cloned().collect();
            proptest::prop_assert_eq!(flat.concat_text(), pieces.concat_text());
            for (number, block) in drawn.iter().enumerate() {
                let last = number + 1 == drawn.len();
                for (place, piece) in block.iter().enumerate() {
                    if piece.finding.is_none() {
                        let newlines = piece.text.matches('\n').count();
                        let ends_block = !last && place + 1 == block.len();
                        proptest::prop_assert_eq!(newlines, usize::from(ends_block));
                        proptest::prop_assert!(!ends_block || piece.text.ends_with('\n'));
                    }
                }
                if !last {
                    proptest::prop_assert!(block.last().is_some_and(|piece| piece.finding.is_none()));
                }
            }
        }

        /// A quote is what indexing the whole text gives, wherever the finding is.
        #[test]
        fn a_quote_is_read_from_the_text_before_it(
            text in "[a😀é€ ]{0,60}",
            start in 0usize..30,
            end in 0usize..30,
        ) {
            let index = Utf16Index::new(&text);
            let whole = text
                .get(index.to_byte(start)..index.to_byte(end))
                .unwrap_or(&text);
            let quote = flagged(&text, &finding(start, end, Severity::Info));
            proptest::prop_assert_eq!(quote, whole);
        }
    }

    #[test]
    fn blocks_end_at_newlines_outside_marks() {
        let text = "Visit Mum\n\nASAP\nthen\nhome";
        // "ASAP\nthen" is marked: its newline does not end a block.
        let pieces = segments(text, &[finding(11, 20, Severity::Error)]);
        let drawn = blocks(pieces);
        let texts: Vec<Vec<&str>> = drawn
            .iter()
            .map(|block| block.iter().map(|piece| piece.text.as_str()).collect())
            .collect();
        assert_eq!(
            texts,
            [
                vec!["Visit Mum\n"],
                vec!["\n"],
                vec!["ASAP\nthen", "\n"],
                vec!["home"]
            ]
        );
        let ends_in_newline = blocks(segments("One\n", &[]));
        assert_eq!(ends_in_newline.len(), 2, "the line after the last newline");
        assert!(ends_in_newline[1].is_empty());
    }

    #[test]
    fn quoting_the_flagged_text() {
        assert_eq!(
            flagged("Support ASAP", &finding(8, 12, Severity::Error)),
            "ASAP"
        );
    }
}
