//! The child's own version of the plan: short, written to the child ("Sam is helping you
//! and your family"), in parts with a picture each, printable on one or two pages (003,
//! "Collaboration": "their own child friendly copy of the plan in words and pictures").
//!
//! The parts, in order: who is helping me, what will happen, when we meet next, what will
//! be different for me, and, when the plan records them, the child's own words. Sentences
//! come from the plan's own words rewritten to the child ([`voice`](super::voice)), with
//! jargon explained, and from a few fixed sentences around the plan's names and dates.
//! Each part is kept short so the whole fits on two pages; the practitioner reads it
//! through with the child (003: "using words and pictures or other direct work tools").

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::plan::{Plan, Role};
use crate::profile::Profile;
use crate::timeline::{timeline, EventKind, EventState, Timeline};

use super::icons::Icon;
use super::plain::{Explainer, JargonStyle, Segment};
use super::voice::{self, child_pronoun, named_people, relations, sentences, ChildNames};
use super::words::{join_and, FamilyDate};
use super::DateReader;

/// The most actions (and outcomes) the child's version lists, so it stays short.
pub const MAX_ITEMS: usize = 5;
/// The most sentences taken from one action or outcome.
pub const MAX_SENTENCES_PER_ITEM: usize = 2;
/// The most other helpers named.
pub const MAX_HELPERS: usize = 6;

/// Which part of the child's version.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ChildPartKind {
    WhoIsHelping,
    WhatWillHappen,
    WhenWeMeetNext,
    WhatWillBeDifferent,
    WhatYouSaid,
}

/// One part: a picture, a heading and a few short sentences.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChildPart {
    pub kind: ChildPartKind,
    /// The picture to show beside it ([`Icon::svg`]).
    pub icon: Icon,
    /// "Who is helping me".
    pub heading: String,
    /// Each sentence as segments (jargon explained the first time).
    pub sentences: Vec<Vec<Segment>>,
}

/// The child's version. See the module documentation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChildVersion {
    /// "Tommy's plan".
    pub title: String,
    /// "Hello Tommy. This is your plan. …"
    pub greeting: String,
    /// When the child next sees their worker, if the plan says: "Next time we meet:
    /// Monday 30 November".
    pub next_time_we_meet: Option<FamilyDate>,
    pub parts: Vec<ChildPart>,
}

impl ChildVersion {
    /// Every sentence as plain text, greeting first, for printing and for counting.
    pub fn plain_text(&self) -> String {
        let mut text = format!("{}\n{}\n", self.title, self.greeting);
        for part in &self.parts {
            text.push_str(&part.heading);
            text.push('\n');
            for sentence in &part.sentences {
                text.push_str(&super::plain::render(sentence));
                text.push('\n');
            }
        }
        text
    }

    /// How many words it has: a child's version that fits two printed pages in large type
    /// has a few hundred.
    pub fn word_count(&self) -> usize {
        self.plain_text().split_whitespace().count()
    }
}

/// The child's version of `plan` on `today`. Never panics.
pub fn child_version(plan: &Plan, profile: &Profile, today: NaiveDate) -> ChildVersion {
    let timeline = timeline(plan, profile, today);
    child_version_with(plan, profile, &timeline, today)
}

/// [`child_version`] with a timeline the caller has already computed.
pub fn child_version_with(
    plan: &Plan,
    profile: &Profile,
    timeline: &Timeline,
    today: NaiveDate,
) -> ChildVersion {
    let writer = Writer::new(plan, profile, timeline, today);
    let first_name = ChildNames::first(plan).map(str::to_owned);
    let mut parts = vec![
        writer.who_is_helping(),
        writer.what_will_happen(),
        writer.when_we_meet_next(),
        writer.what_will_be_different(),
    ];
    if let Some(said) = writer.what_you_said() {
        parts.push(said);
    }
    ChildVersion {
        title: super::plan_title(plan),
        greeting: match first_name {
            Some(name) => format!(
                "Hello {name}. This is your plan. It says who is helping you, what will \
                 happen, and when we will meet."
            ),
            None => "Hello. This is your plan. It says who is helping you, what will happen, \
                     and when we will meet."
                .to_owned(),
        },
        next_time_we_meet: writer.next_meeting(),
        parts,
    }
}

struct Writer<'a> {
    plan: &'a Plan,
    timeline: &'a Timeline,
    today: NaiveDate,
    names: ChildNames,
    pronoun: Option<voice::Pronoun>,
    dates: DateReader<'a>,
    /// The lead professional's first name ("Sam"), or "your worker".
    worker: String,
}

impl<'a> Writer<'a> {
    fn new(
        plan: &'a Plan,
        profile: &Profile,
        timeline: &'a Timeline,
        today: NaiveDate,
    ) -> Writer<'a> {
        let worker = plan
            .lead_professional
            .as_ref()
            .and_then(|lead| lead.name.split_whitespace().next())
            .map_or_else(|| "your worker".to_owned(), str::to_owned);
        Writer {
            plan,
            timeline,
            today,
            names: ChildNames::of(plan),
            pronoun: child_pronoun(plan),
            dates: DateReader::new(plan, profile, timeline, today),
            worker,
        }
    }

    fn to_child(&self, text: &str) -> String {
        voice::to_second_person(text, &self.names, self.pronoun)
    }

    fn worker_capitalised(&self) -> String {
        super::words::capitalise(&self.worker)
    }

    fn who_is_helping(&self) -> ChildPart {
        let mut lines: Vec<String> = Vec::new();
        let lead_name = self
            .plan
            .lead_professional
            .as_ref()
            .map(|lead| lead.name.trim())
            .filter(|name| !name.is_empty());
        if let (Some(lead), Some(name)) = (&self.plan.lead_professional, lead_name) {
            let role = match lead.role {
                Role::KeyWorker => "key worker",
                Role::Other => "worker",
                _ => "social worker",
            };
            lines.push(format!("{name} is your {role}."));
            lines.push(format!("{} is helping you and your family.", self.worker));
        }
        let mut others: Vec<String> = Vec::new();
        let mut family: Vec<String> = Vec::new();
        for need in &self.plan.needs {
            for action in &need.actions {
                for person in named_people(&action.by_whom, &self.names) {
                    let is_lead = lead_name.is_some_and(|lead| lead.contains(person.as_str()));
                    if !is_lead && !others.contains(&person) {
                        others.push(person);
                    }
                }
                for relation in relations(&action.by_whom) {
                    if !family.contains(&relation) {
                        family.push(relation);
                    }
                }
            }
        }
        others.truncate(MAX_HELPERS);
        if !others.is_empty() {
            let verb = if others.len() == 1 { "is" } else { "are" };
            let also = if lines.is_empty() { "" } else { " too" };
            lines.push(format!("{} {verb} helping{also}.", join_and(&others)));
        }
        if !family.is_empty() {
            let verb = if family.len() == 1 && !family[0].ends_with('s') {
                "is"
            } else {
                "are"
            };
            lines.push(format!(
                "Your {} {verb} doing things in this plan to help you.",
                join_and(&family)
            ));
        }
        if lines.is_empty() {
            lines.push(format!(
                "{} will tell you who is helping you.",
                self.worker_capitalised()
            ));
        }
        self.part(
            ChildPartKind::WhoIsHelping,
            Icon::Helpers,
            "Who is helping me",
            lines,
        )
    }

    fn what_will_happen(&self) -> ChildPart {
        let lines = self.items(|action| &action.action);
        let lines = if lines.is_empty() {
            vec![format!(
                "{} will talk with you about what will happen.",
                self.worker_capitalised()
            )]
        } else {
            lines
        };
        self.part(
            ChildPartKind::WhatWillHappen,
            Icon::Plan,
            "What will happen",
            lines,
        )
    }

    fn what_will_be_different(&self) -> ChildPart {
        let lines = self.items(|action| &action.outcome);
        let lines = if lines.is_empty() {
            vec!["We will talk together about what will be better for you.".to_owned()]
        } else {
            lines
        };
        self.part(
            ChildPartKind::WhatWillBeDifferent,
            Icon::Star,
            "What will be different for me",
            lines,
        )
    }

    /// The first sentences of a field of each action, rewritten to the child, once each.
    fn items(&self, field: impl Fn(&crate::plan::Action) -> &String) -> Vec<String> {
        let mut lines: Vec<String> = Vec::new();
        let mut items = 0;
        for action in self.plan.needs.iter().flat_map(|need| need.actions.iter()) {
            let text = field(action);
            if text.trim().is_empty() || items == MAX_ITEMS {
                continue;
            }
            items += 1;
            for sentence in sentences(&self.to_child(text))
                .into_iter()
                .take(MAX_SENTENCES_PER_ITEM)
            {
                let sentence = finish_sentence(&super::words::capitalise(&sentence));
                if !lines.contains(&sentence) {
                    lines.push(sentence);
                }
            }
        }
        lines
    }

    /// The next time the child sees their worker: the next visit, or the next session of
    /// work the worker does with the child, whichever comes first.
    fn next_meeting(&self) -> Option<FamilyDate> {
        let visit = self.dates.next_visit().map(|date| date.date);
        let session = self.next_session_with_worker();
        [visit, session]
            .into_iter()
            .flatten()
            .filter(|date| *date >= self.today)
            .min()
            .map(|date| FamilyDate::short(date, self.today))
    }

    fn next_session_with_worker(&self) -> Option<NaiveDate> {
        let lead = self
            .plan
            .lead_professional
            .as_ref()
            .map(|lead| lead.name.trim().to_lowercase())
            .filter(|name| !name.is_empty());
        let mut next: Option<NaiveDate> = None;
        for (need_index, need) in self.plan.needs.iter().enumerate() {
            for (action_index, action) in need.actions.iter().enumerate() {
                let by_whom = action.by_whom.to_lowercase();
                let with_worker = lead.as_ref().is_some_and(|lead| by_whom.contains(lead));
                if !with_worker {
                    continue;
                }
                let pointer = format!("/needs/{need_index}/actions/{action_index}/by_when");
                let session = self
                    .timeline
                    .events
                    .iter()
                    .filter(|event| {
                        event.source == pointer
                            && event.kind == EventKind::ActionSession
                            && event.state != EventState::Done
                            && event.date >= self.today
                    })
                    .map(|event| event.date)
                    .min();
                next = match (next, session) {
                    (Some(a), Some(b)) => Some(a.min(b)),
                    (a, b) => a.or(b),
                };
            }
        }
        next
    }

    fn when_we_meet_next(&self) -> ChildPart {
        let mut lines = Vec::new();
        if let Some(next) = self.next_meeting() {
            let when = match &next.relative {
                Some(relative) => format!("{relative}, {}", next.words),
                None => next.words.clone(),
            };
            lines.push(format!("Next time we meet: {when}."));
        }
        if let Some(how_often) = self.dates.how_often(&self.plan.visiting) {
            lines.push(format!(
                "{} will come to see you {how_often}.",
                self.worker_capitalised()
            ));
        }
        if let Some(review) = self.dates.next_review() {
            let review = FamilyDate::short(review.date, self.today);
            lines.push(format!(
                "We will all meet to talk about your plan on {}.",
                review.words
            ));
        }
        if lines.is_empty() {
            lines.push(format!(
                "{} will tell you when we will meet next.",
                self.worker_capitalised()
            ));
        }
        self.part(
            ChildPartKind::WhenWeMeetNext,
            Icon::Calendar,
            "When we meet next",
            lines,
        )
    }

    fn what_you_said(&self) -> Option<ChildPart> {
        let said = self.plan.views.child.trim();
        if said.is_empty() {
            return None;
        }
        let lines: Vec<String> = sentences(&self.to_child(said))
            .into_iter()
            .take(3)
            .map(|sentence| finish_sentence(&super::words::capitalise(&sentence)))
            .collect();
        Some(self.part(
            ChildPartKind::WhatYouSaid,
            Icon::Speech,
            "What I said",
            lines,
        ))
    }

    fn part(
        &self,
        kind: ChildPartKind,
        icon: Icon,
        heading: &str,
        lines: Vec<String>,
    ) -> ChildPart {
        let mut explainer = Explainer::new(JargonStyle::Explain);
        ChildPart {
            kind,
            icon,
            heading: heading.to_owned(),
            sentences: lines.iter().map(|line| explainer.segments(line)).collect(),
        }
    }
}

/// Ends a sentence with a full stop if it has no end mark.
fn finish_sentence(sentence: &str) -> String {
    let trimmed = sentence.trim_end();
    if trimmed.ends_with(['.', '!', '?', '"', '”', '’', '\'']) {
        trimmed.to_owned()
    } else {
        format!("{trimmed}.")
    }
}
