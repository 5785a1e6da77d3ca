//! One left-to-right pass over the tokens that finds every time expression.
//!
//! At each token every matcher is tried and the longest match wins (ties go to the
//! matcher listed first), so "until the plan ends" is read as vague words rather than
//! "until" + "the plan", and "3 month review" as an event rather than "3 months". Each
//! matcher looks at most a few tokens ahead, so the pass is linear in the text. Words that
//! no matcher compares with (most words of a pasted case note) are passed over untried.

use chrono::NaiveDate;
use std::ops::Range;
use std::sync::OnceLock;

use super::lexicon::PhraseTable;
use super::tokens::Tokens;
use super::{
    dates, events, frequency, relative, vague, Cadence, NoTime, Offset, PlanEvent, ProblemKind,
    ReadingContext, TimescaleProblem,
};

/// What a time expression is for, as the words before it say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    /// "by", "due", "no later than", "at".
    Deadline,
    /// "before": the day before.
    Before,
    /// "after", "following": from the day after.
    After,
    /// "starting", "from", "commencing".
    Start,
    /// "until", "till", "up to", "ending", "to" in a range.
    End,
    /// "between X and Y": X starts, Y ends.
    Between,
}

/// A point in time found in the text, before its role is known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum PointValue {
    Date(NaiveDate),
    /// A month or week named without a day ("January", "the last week of January"): fine
    /// for a start (its first day), not for a deadline.
    Period {
        first: NaiveDate,
        last: NaiveDate,
        /// "month" or "week", for messages.
        names: &'static str,
    },
    Event {
        event: PlanEvent,
        offset: Option<Offset>,
        /// The event's date as the text itself gives it ("the review on 16 February").
        text_date: Option<NaiveDate>,
    },
    /// "within 2 weeks of starting": relative to the start the text gives.
    AfterStart(Offset),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Point {
    pub value: PointValue,
    pub span: Range<usize>,
    pub tokens: Range<usize>,
    /// A role the expression carries itself ("from now" starts).
    pub role: Option<Role>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Item {
    Role {
        role: Role,
        tokens: Range<usize>,
        /// Weak roles ("at", "for") do not replace a role already waiting.
        weak: bool,
        /// The "to" or "-" of a range: the time before it starts.
        range: bool,
    },
    Point(Point),
    /// "for 6 weeks" (explicit), or a bare "6 weeks".
    Duration {
        offset: Offset,
        explicit: bool,
        span: Range<usize>,
        tokens: Range<usize>,
    },
    Cadence {
        cadence: Cadence,
        tokens: Range<usize>,
    },
    NoTime {
        no_time: NoTime,
        /// Only says "often": answered by a frequency in the same text.
        often: bool,
    },
    Problem(TimescaleProblem),
    /// The end of a sentence or line: roles do not reach across it.
    Break,
}

/// What one matcher found: the items, and the token index just past them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Found {
    pub end: usize,
    pub items: Vec<Item>,
}

impl Found {
    pub fn one(end: usize, item: Item) -> Found {
        Found {
            end,
            items: vec![item],
        }
    }
}

/// Everything a matcher may look at.
#[derive(Debug, Clone, Copy)]
pub(super) struct Scan<'a> {
    pub text: &'a str,
    pub tokens: Tokens<'a>,
    pub context: &'a ReadingContext<'a>,
    pub reference: NaiveDate,
}

impl Scan<'_> {
    /// The text of tokens `first..end`, exactly as written.
    pub fn written(&self, first: usize, end: usize) -> &str {
        self.text.get(self.tokens.span(first, end)).unwrap_or("")
    }

    pub fn problem(&self, first: usize, end: usize, kind: ProblemKind, message: String) -> Item {
        Item::Problem(TimescaleProblem {
            kind,
            span: self.tokens.span(first, end),
            message,
        })
    }

    pub fn point(&self, first: usize, end: usize, value: PointValue) -> Item {
        Item::Point(Point {
            value,
            span: self.tokens.span(first, end),
            tokens: first..end,
            role: None,
        })
    }

    /// How the reference date is named in messages.
    pub fn reference_label(&self) -> String {
        let date = dates::long_date(self.reference);
        if self.context.dates.planning_meeting.is_some() {
            format!("the planning meeting ({date})")
        } else {
            format!("today ({date})")
        }
    }
}

type Matcher = fn(&Scan<'_>, usize, Option<&Item>) -> Option<Found>;

/// The matchers in order of precedence for matches of equal length.
const MATCHERS: &[Matcher] = &[
    |scan, index, _| vague::no_time_at(scan, index),
    |scan, index, _| frequency::cadence_at(scan, index),
    |scan, index, _| relative::anchored_offset_at(scan, index),
    |scan, index, _| events::event_at(scan, index),
    |scan, index, _| dates::date_at(scan, index),
    |scan, index, _| relative::relative_at(scan, index),
    |scan, index, _| relative::duration_at(scan, index),
    role_at,
];

/// Finds every time expression in the text, in order.
pub(super) fn scan(scan: &Scan<'_>) -> Vec<Item> {
    scan_where(scan, may_start_at)
}

/// `scan`, trying the matchers only at the tokens `worth_trying` lets through.
fn scan_where(scan: &Scan<'_>, worth_trying: fn(Tokens<'_>, usize) -> bool) -> Vec<Item> {
    let mut items: Vec<Item> = Vec::new();
    let mut index = 0;
    let count = scan.tokens.len();
    while index < count {
        if index > 0
            && scan
                .tokens
                .get(index)
                .is_some_and(|token| token.line_before)
        {
            items.push(Item::Break);
        }
        if !worth_trying(scan.tokens, index) {
            index += 1;
            continue;
        }
        let mut best: Option<Found> = None;
        for matcher in MATCHERS {
            if let Some(found) = matcher(scan, index, items.last()) {
                if found.end > index && best.as_ref().is_none_or(|best| found.end > best.end) {
                    best = Some(found);
                }
            }
        }
        match best {
            Some(found) => {
                index = found.end;
                items.extend(found.items);
            }
            None => {
                if matches!(
                    scan.tokens.punct(index),
                    Some('.' | ';' | '!' | '?' | '\u{2022}')
                ) {
                    items.push(Item::Break);
                }
                index += 1;
            }
        }
    }
    items
}

/// Every word the matchers compare a token with: each word of each string literal in the
/// matchers' source (`starting_words_cover_every_literal` keeps it so). A matcher succeeds
/// only where its first token is a number, punctuation, or one of these words, so at the
/// other words of a long paste (about half of them) no matcher is tried.
// One string rather than a slice of strings: a slice costs the WebAssembly build a
// pointer and a length per word, data that compresses badly.
pub(super) const MATCHER_WORDS: &str =
    "a able about academic ad advance after afternoon afternoons ago agreed ahead all \
    allocated allocation alternate an and annually another any appointment appointments \
    appropriate approximately apr april are areas around arranged as asap assessment at \
    aug august autumn available away b be bedtime before begin beginning begins behind \
    being between bi bimonthly biweekly block booked boxing break business by c calendar \
    call calls can cannot case check checks child christmas cin circulated circulation \
    classes closed closes closure coming comm commence commences commencing completed \
    completion conference confirmed constantly contacts continual continually continuous \
    continuously core could counselling count couple course daily date dated dates day \
    days deadline dec december decemeber decided description detail determined did \
    different digits direct distributed due duration during e each earlier early easter \
    effect effective eight eighteen eleven end ended ending ends eve evening evenings \
    eventually every f falls family far feb febr february febuary feburary few fifteen \
    fifth fifty final finish finishes finishing first five flexible flexibly following for \
    fortnighly fortnight fortnightly fortnights fortnighty forty four fourteen fourth \
    frequent frequently fri friday fridays from full further future g gives going good \
    group groups guess half halfterm has held her his hoc holiday holidays hols home hour \
    hours hr hrs if immediate immediately in indefinitely individual initial is it its jan \
    january janurary januray jul july jun june last lasting late later latest leap least \
    lessons life line long longer lunchtimes made mar march maximum may mealtime mean \
    medium meeting meetings mentoring mid middle min minimum mins minute minutes mnth \
    mnths mon monday mondays month monthly months morning mornings most mth mths n name \
    names nd near necessary need needed new next night nightly nights nine nineteen no not \
    notice nov november novemeber now number occasional occasionally oct october of often \
    old on once one ongoing open or order other our out outside over overdue p parenting \
    per period periodic periodically placed plan planned planning play point possible post \
    practicable practical pregnant prior procedures programme progress protection \
    quarterly rd read reads ready receipt receiving regular regularly required review \
    reviews right routinely s sat saturday saturdays scheduled school schoolday schooldays \
    schools second sent sep separator sept september septemeber session sessions set seven \
    seventeen several shared short shortly signed since six sixteen sixth sixty some soon \
    spring st start started starting starts statutory straight straightaway summer sun \
    sunday sundays support swapped t tba tbc tbd ten term termly terms text th than that \
    the their them then therapeutic therapy there third thirteen thirty this three thrice \
    through throughout thru thu thur thurs thursday thursdays til till time times \
    timescales to today tomorrow too total tue tues tuesday tuesdays twelve twenty twice \
    two uk unit until untill up upto visit visits w wc wed wednesay wednesday wednesdays \
    weds week weekday weekdays weekend weekends weekly weeks wef when where while whilst \
    will with within wk wkly wks work workday workdays working workingday workingdays \
    write written x xmas year yearly years you yr yrs zero";

/// Whether any matcher may find something at token `index`; false only when none can.
fn may_start_at(tokens: Tokens<'_>, index: usize) -> bool {
    static TABLE: OnceLock<PhraseTable<()>> = OnceLock::new();
    if tokens.word(index).is_none() {
        return true;
    }
    let table = TABLE.get_or_init(|| {
        let entries: Vec<(&str, ())> = MATCHER_WORDS
            .split_ascii_whitespace()
            .map(|word| (word, ()))
            .collect();
        PhraseTable::new(&entries)
    });
    table.longest_at(tokens, index).is_some()
}

fn role_table() -> &'static PhraseTable<(Role, bool)> {
    static TABLE: OnceLock<PhraseTable<(Role, bool)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        use Role::*;
        let strong = |role| (role, false);
        PhraseTable::new(&[
            ("by", strong(Deadline)),
            ("no later than", strong(Deadline)),
            ("not later than", strong(Deadline)),
            ("no later then", strong(Deadline)),
            ("latest by", strong(Deadline)),
            ("on or before", strong(Deadline)),
            ("due", strong(Deadline)),
            ("deadline", strong(Deadline)),
            ("in time for", strong(Deadline)),
            ("ready for", strong(Deadline)),
            ("at", (Deadline, true)),
            ("for", (Deadline, true)),
            ("before", strong(Before)),
            ("prior to", strong(Before)),
            ("in advance of", strong(Before)),
            ("ahead of", strong(Before)),
            ("after", strong(After)),
            ("following", strong(After)),
            ("post", strong(After)),
            ("starting", strong(Start)),
            ("start", strong(Start)),
            ("starts", strong(Start)),
            ("started", strong(Start)),
            ("start date", strong(Start)),
            ("from", strong(Start)),
            ("commencing", strong(Start)),
            ("commence", strong(Start)),
            ("commences", strong(Start)),
            ("beginning", strong(Start)),
            ("begin", strong(Start)),
            ("begins", strong(Start)),
            ("with effect from", strong(Start)),
            ("w.e.f", strong(Start)),
            ("wef", strong(Start)),
            ("effective", strong(Start)),
            ("as of", strong(Start)),
            ("as from", strong(Start)),
            ("until", strong(End)),
            ("till", strong(End)),
            ("til", strong(End)),
            ("untill", strong(End)),
            ("up until", strong(End)),
            ("up to", strong(End)),
            ("upto", strong(End)),
            ("ending", strong(End)),
            ("ends", strong(End)),
            ("end", strong(End)),
            ("end date", strong(End)),
            ("finishing", strong(End)),
            ("finish", strong(End)),
            ("finishes", strong(End)),
            ("through to", strong(End)),
            ("through", strong(End)),
            ("thru", strong(End)),
            ("between", strong(Between)),
        ])
    })
}

/// Role words, and the connectors of a range ("1 December to 16 February",
/// "1/12/26 - 16/2/27"). The "and" of "between … and …" is handled when roles are given
/// out, since only then is it known that the point before it came after "between".
fn role_at(scan: &Scan<'_>, index: usize, previous: Option<&Item>) -> Option<Found> {
    let tokens = scan.tokens;
    let follows_point = match previous {
        Some(Item::Point(point)) => point.tokens.end == index,
        _ => false,
    };
    if follows_point && (tokens.is_word(index, "to") || tokens.is_punct(index, '-')) {
        return Some(Found::one(
            index + 1,
            Item::Role {
                role: Role::End,
                tokens: index..index + 1,
                weak: false,
                range: true,
            },
        ));
    }
    let ((role, weak), end) = role_table().longest_at(tokens, index)?;
    Some(Found::one(
        end,
        Item::Role {
            role,
            tokens: index..end,
            weak,
            range: false,
        },
    ))
}

/// Whether the token before `index` (past any fillers) is one that leads into a plan
/// event: "by the first review", "until 3 month review", "within 5 days of the meeting".
pub(super) fn has_event_lead(tokens: Tokens<'_>, index: usize) -> bool {
    const LEADS: &[&str] = &[
        "by",
        "until",
        "till",
        "til",
        "untill",
        "before",
        "after",
        "at",
        "for",
        "from",
        "starting",
        "following",
        "to",
        "than",
        "of",
        "ending",
        "post",
        "since",
    ];
    let mut position = index;
    for _ in 0..3 {
        let Some(previous) = position.checked_sub(1) else {
            return false;
        };
        match tokens.word(previous) {
            Some(word) if LEADS.contains(&word) => return true,
            Some("the" | "his" | "her" | "their" | "our" | "this" | "s") => position = previous,
            _ if tokens.is_punct(previous, '\'') => position = previous,
            _ => return false,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::super::tokens::{tokenize, Kind};
    use super::*;
    use proptest::prelude::*;

    /// The contents of the string literals of Rust `source` outside comments and outside its
    /// test module (the literals there compare with nothing the matchers read).
    fn string_literals(source: &str) -> Vec<String> {
        let code = source.split("#[cfg(test)]").next().unwrap_or("");
        let mut literals = Vec::new();
        let mut chars = code.chars().peekable();
        while let Some(character) = chars.next() {
            match character {
                '/' if chars.peek() == Some(&'/') => {
                    for skipped in chars.by_ref() {
                        if skipped == '\n' {
                            break;
                        }
                    }
                }
                // A character literal ('"', '\'', 'x'), or a lifetime ('a).
                '\'' => {
                    let mut lookahead = chars.clone();
                    match (lookahead.next(), lookahead.next()) {
                        (Some('\\'), _) => {
                            chars.next();
                            chars.next();
                            for skipped in chars.by_ref() {
                                if skipped == '\'' {
                                    break;
                                }
                            }
                        }
                        (Some(_), Some('\'')) => {
                            chars.next();
                            chars.next();
                        }
                        _ => {}
                    }
                }
                '"' => {
                    let mut literal = String::new();
                    while let Some(inner) = chars.next() {
                        match inner {
                            '\\' => {
                                if let Some(escaped) = chars.next() {
                                    literal.push('\\');
                                    literal.push(escaped);
                                }
                            }
                            '"' => break,
                            other => literal.push(other),
                        }
                    }
                    literals.push(literal);
                }
                _ => {}
            }
        }
        literals
    }

    /// The source of every module with a matcher, or a table or word list one reads.
    const MATCHER_SOURCES: &[(&str, &str)] = &[
        ("scan.rs", include_str!("scan.rs")),
        ("vague.rs", include_str!("vague.rs")),
        ("frequency.rs", include_str!("frequency.rs")),
        ("relative.rs", include_str!("relative.rs")),
        ("events.rs", include_str!("events.rs")),
        ("dates.rs", include_str!("dates.rs")),
        ("lexicon.rs", include_str!("lexicon.rs")),
    ];

    fn literal_words() -> Vec<(&'static str, String)> {
        let mut words = Vec::new();
        for (file, source) in MATCHER_SOURCES {
            for literal in string_literals(source) {
                for token in tokenize(&literal) {
                    if token.kind == Kind::Word {
                        words.push((*file, token.lower.into_owned()));
                    }
                }
            }
        }
        words
    }

    fn every_token(_: Tokens<'_>, _: usize) -> bool {
        true
    }

    fn scan_both_ways(text: &str) -> (Vec<Item>, Vec<Item>) {
        let dates = crate::plan::PlanDates {
            planning_meeting: NaiveDate::from_ymd_opt(2026, 11, 16),
            first_review: NaiveDate::from_ymd_opt(2027, 2, 16),
            ..Default::default()
        };
        let calendar = crate::calendar::Calendar::new(crate::calendar::Region::EnglandAndWales);
        let context = ReadingContext {
            dates: &dates,
            today: NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default(),
            calendar: &calendar,
        };
        let list = tokenize(text);
        let scan = Scan {
            text,
            tokens: Tokens { list: &list },
            context: &context,
            reference: context.reference_date(),
        };
        (
            scan_where(&scan, may_start_at),
            scan_where(&scan, every_token),
        )
    }

    /// Texts of timescale words, other words and the punctuation of dates, in any order.
    fn timescale_like_text() -> impl Strategy<Value = String> {
        let literal = proptest::sample::select(
            literal_words()
                .into_iter()
                .map(|(_, word)| word)
                .collect::<Vec<_>>(),
        );
        let piece = prop_oneof![
            4 => literal,
            1 => "[a-zA-Zé]{1,9}",
            2 => "[0-9]{1,4}",
            2 => "[ ,./'()\\-:;]",
            1 => Just("\n".to_owned()),
        ];
        proptest::collection::vec(piece, 0..40).prop_map(|pieces| {
            pieces
                .into_iter()
                .map(|piece| {
                    if piece.starts_with(char::is_alphanumeric) {
                        format!(" {piece}")
                    } else {
                        piece
                    }
                })
                .collect()
        })
    }

    proptest! {
        /// Skipping the words no matcher compares with finds exactly what trying every
        /// token finds.
        #[test]
        fn skipping_unstartable_words_changes_nothing(text in timescale_like_text()) {
            let (skipping, trying_all) = scan_both_ways(&text);
            prop_assert_eq!(skipping, trying_all, "{:?}", text);
        }
    }

    #[test]
    fn skipping_changes_nothing_in_a_plain_example() {
        let text = "Mum will attend the weekly group with Dev, starting next Monday, \
                    until the 3 month review; visits every 2 weeks (Tuesdays) by 16/02/2027.";
        let (skipping, trying_all) = scan_both_ways(text);
        assert!(skipping.len() >= 6, "{skipping:?}");
        assert_eq!(skipping, trying_all);
    }

    /// Skipping a word outside `MATCHER_WORDS` is only safe while every word a matcher
    /// compares with is in it: a word added to a matcher or a table must be added there.
    #[test]
    fn starting_words_cover_every_literal() {
        let words = literal_words();
        assert!(
            words.iter().any(|(_, word)| word == "fortnightly"),
            "the literals were not read"
        );
        let missing: std::collections::BTreeSet<String> = words
            .into_iter()
            .filter(|(_, word)| {
                !MATCHER_WORDS
                    .split_ascii_whitespace()
                    .any(|known| known == word)
            })
            .map(|(file, word)| format!("{word} ({file})"))
            .collect();
        assert!(
            missing.is_empty(),
            "add these words to MATCHER_WORDS in timescale/scan.rs: {missing:?}"
        );
    }
}
