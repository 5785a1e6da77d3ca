//! Words that name no time at all: "ongoing", "ASAP", "regularly", "when needed".
//!
//! Matched on whole words in any case ("Ongoing", "A.S.A.P."). Words that only say
//! "often" ("regular", "regularly", "periodically", "frequently") are dropped when the
//! same text gives a frequency ("regular weekly sessions"), since the frequency answers
//! them; "ongoing", "ASAP" and the rest are always reported.

use std::sync::OnceLock;

use super::lexicon::PhraseTable;
use super::scan::{Found, Item, Scan};
use super::NoTime;

/// Whether a vague phrase only stands in for a frequency.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Vagueness {
    NoTime,
    /// Answered by a frequency in the same text.
    Often,
}

fn no_time_table() -> &'static PhraseTable<Vagueness> {
    static TABLE: OnceLock<PhraseTable<Vagueness>> = OnceLock::new();
    TABLE.get_or_init(|| {
        use Vagueness::*;
        PhraseTable::new(&[
            ("ongoing", NoTime),
            ("on-going", NoTime),
            ("on going", NoTime),
            ("asap", NoTime),
            ("a.s.a.p", NoTime),
            ("a.s.a.p.", NoTime),
            ("as soon as possible", NoTime),
            ("as soon as practicable", NoTime),
            ("as soon as practical", NoTime),
            ("as soon as able", NoTime),
            ("soon", NoTime),
            ("shortly", NoTime),
            ("in due course", NoTime),
            ("when possible", NoTime),
            ("where possible", NoTime),
            ("if possible", NoTime),
            ("when needed", NoTime),
            ("as needed", NoTime),
            ("if needed", NoTime),
            ("where needed", NoTime),
            ("when necessary", NoTime),
            ("as necessary", NoTime),
            ("if necessary", NoTime),
            ("where necessary", NoTime),
            ("as required", NoTime),
            ("when required", NoTime),
            ("if required", NoTime),
            ("where required", NoTime),
            ("as and when", NoTime),
            ("as and when required", NoTime),
            ("as and when needed", NoTime),
            ("when appropriate", NoTime),
            ("as appropriate", NoTime),
            ("where appropriate", NoTime),
            ("when ready", NoTime),
            ("when able", NoTime),
            ("when available", NoTime),
            ("as agreed", NoTime),
            ("when agreed", NoTime),
            ("tbc", NoTime),
            ("t.b.c", NoTime),
            ("t.b.c.", NoTime),
            ("to be confirmed", NoTime),
            ("tba", NoTime),
            ("to be arranged", NoTime),
            ("to be agreed", NoTime),
            ("tbd", NoTime),
            ("to be decided", NoTime),
            ("to be determined", NoTime),
            ("n/a", NoTime),
            ("24/7", NoTime),
            ("ad hoc", NoTime),
            ("ad-hoc", NoTime),
            ("throughout", NoTime),
            ("throughout the plan", NoTime),
            ("at all times", NoTime),
            ("all the time", NoTime),
            ("continuous", NoTime),
            ("continuously", NoTime),
            ("continual", NoTime),
            ("continually", NoTime),
            ("constantly", NoTime),
            ("indefinitely", NoTime),
            ("open-ended", NoTime),
            ("open ended", NoTime),
            ("until further notice", NoTime),
            ("until no longer needed", NoTime),
            ("until no longer required", NoTime),
            ("until the plan ends", NoTime),
            ("until the plan is closed", NoTime),
            ("until the plan closes", NoTime),
            ("until case closure", NoTime),
            ("until the case closes", NoTime),
            ("until the case is closed", NoTime),
            ("until closure", NoTime),
            ("end of the plan", NoTime),
            ("end of plan", NoTime),
            ("for the duration of the plan", NoTime),
            ("for the life of the plan", NoTime),
            ("duration of the plan", NoTime),
            ("during the plan", NoTime),
            ("while the plan is open", NoTime),
            ("whilst the plan is open", NoTime),
            ("in the near future", NoTime),
            ("in the coming weeks", NoTime),
            ("over the coming weeks", NoTime),
            ("in the coming months", NoTime),
            ("in the next few weeks", NoTime),
            ("in the next few months", NoTime),
            ("a few weeks", NoTime),
            ("a few months", NoTime),
            ("in a few weeks", NoTime),
            ("several weeks", NoTime),
            ("in the future", NoTime),
            ("in the new year", NoTime),
            ("at some point", NoTime),
            ("eventually", NoTime),
            ("over time", NoTime),
            ("long term", NoTime),
            ("long-term", NoTime),
            ("longer term", NoTime),
            ("short term", NoTime),
            ("short-term", NoTime),
            ("medium term", NoTime),
            ("within timescales", NoTime),
            ("within statutory timescales", NoTime),
            ("in line with timescales", NoTime),
            ("in line with procedures", NoTime),
            ("flexible", NoTime),
            ("flexibly", NoTime),
            ("regularly", Often),
            ("regular", Often),
            ("periodically", Often),
            ("periodic", Often),
            ("frequently", Often),
            ("frequent", Often),
            ("often", Often),
            ("occasionally", Often),
            ("occasional", Often),
            ("from time to time", Often),
            ("routinely", Often),
        ])
    })
}

/// A no-time phrase at `index`.
pub(super) fn no_time_at(scan: &Scan<'_>, index: usize) -> Option<Found> {
    let (vagueness, end) = no_time_table().longest_at(scan.tokens, index)?;
    let span = scan.tokens.span(index, end);
    Some(Found::one(
        end,
        Item::NoTime {
            no_time: NoTime {
                text: scan.text.get(span.clone()).unwrap_or("").to_owned(),
                span,
            },
            often: vagueness == Vagueness::Often,
        },
    ))
}
