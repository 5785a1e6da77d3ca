//! One left-to-right pass over the tokens that finds every time expression.
//!
//! At each token every matcher is tried and the longest match wins (ties go to the
//! matcher listed first), so "until the plan ends" is read as vague words rather than
//! "until" + "the plan", and "3 month review" as an event rather than "3 months". Each
//! matcher looks at most a few tokens ahead, so the pass is linear in the text.

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
