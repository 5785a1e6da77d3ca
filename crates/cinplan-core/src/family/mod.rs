//! The plan as the family reads it, and the child's own version.
//!
//! Two of cinplan's three uses happen away from the desk: in the room with a family,
//! writing the plan together, and in training. The guidance asks for plans "clearly set
//! out to avoid jargon" that the family understands (003, "The Child in Need Progress
//! Plan"; 004, "Keep it simple"), and for the child's "own child friendly copy of the plan
//! in words and pictures" (003, "Collaboration").
//!
//! - [`family_view`]: the same plan, one card per need, each action with *what we will
//!   do*, *who*, *when* (real dates from the timeline and the reading of "By when") and
//!   *what will be different*, with jargon explained or replaced from the
//!   [glossary](crate::glossary). Every text keeps its JSON Pointer and its raw text, so the
//!   screen can be edited together and typing there updates the plan.
//! - [`gentle::gentle_message`] and [`gentle::gentle_notes`]: the checks, in gentle, plain
//!   words for that shared screen.
//! - [`child::child_version`]: a short version written to the child, in parts with a
//!   picture each ([`icons::Icon`]).
//!
//! Everything here is plain serde data: text comes as [`plain::Segment`]s, never as HTML.
//! Nothing here panics, whatever the plan holds.

pub mod child;
pub mod gentle;
pub mod icons;
pub mod plain;
pub mod voice;
pub mod words;

pub use child::{child_version, ChildPart, ChildPartKind, ChildVersion};
pub use gentle::{gentle_message, gentle_notes, GentleNote};
pub use icons::{icon_svg, Icon};
pub use plain::{render, JargonStyle, Segment};
pub use words::FamilyDate;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::check::calendar_for;
use crate::plan::{Plan, ProgressRating, Role};
use crate::profile::Profile;
use crate::timeline::{timeline, EventKind, EventState, Timeline};
use crate::timescale::{read_timescale, ReadingContext};

use plain::Explainer;
use words::{capitalise, frequency_words, long_date};

/// Choices for the family view.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FamilyOptions {
    #[serde(default)]
    pub jargon: JargonStyle,
}

/// One free-text field of the plan as the family sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FamilyText {
    /// JSON Pointer of the field (`/needs/0/actions/1/by_whom`): what typing on the shared
    /// screen updates, and what the checks' findings point at.
    pub pointer: String,
    /// The text exactly as in the plan, for editing.
    pub text: String,
    /// The text to read, with jargon explained or replaced.
    pub segments: Vec<Segment>,
}

/// When an action happens, in real dates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FamilyWhen {
    /// "By when" as written.
    pub text: FamilyText,
    /// How often, in everyday words: "every 2 weeks".
    pub how_often: Option<String>,
    /// When the work starts.
    pub starts: Option<FamilyDate>,
    /// The next session on or after today, for recurring work.
    pub next_time: Option<FamilyDate>,
    /// Sessions from today on, for recurring work.
    pub sessions_left: usize,
    /// When recurring work ends, as "By when" writes it ("until the review on …"); none
    /// for open-ended work.
    pub until: Option<FamilyDate>,
    /// When one-off work is to be done by; for recurring work, when the first session is
    /// due by ("first meeting by 16 December, then every 2 weeks").
    pub done_by: Option<FamilyDate>,
    /// All of it in one sentence ("Every 2 weeks, next on Monday 30 November 2026, until
    /// Tuesday 16 February 2027."), or empty when "By when" gives no date; the screen then
    /// shows `text` and the checks ask for a date.
    pub summary: String,
}

/// How an action went, once rated before a review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FamilyProgress {
    pub rating: Option<ProgressRating>,
    /// "Done", "Partly done", "Not yet"; `None` until rated.
    pub rating_words: Option<String>,
    pub text: FamilyText,
}

/// One action on a need's card.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionCard {
    pub action_index: usize,
    /// JSON Pointer of the action row: `/needs/0/actions/1`.
    pub pointer: String,
    pub what_we_will_do: FamilyText,
    pub who: FamilyText,
    pub when: FamilyWhen,
    pub what_will_be_different: FamilyText,
    pub progress: FamilyProgress,
}

/// One need and what will be done about it: one card on the family screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NeedCard {
    pub need_index: usize,
    /// 1 for the first card.
    pub number: usize,
    pub need: FamilyText,
    pub actions: Vec<ActionCard>,
}

/// A section of the plan beyond the cards: visits, the contingency, people's views.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FamilySection {
    /// A heading in the family's words: "If things do not get better".
    pub heading: String,
    pub text: FamilyText,
}

/// Visits to the child: what the plan says, how often, and when the next one is due.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FamilyVisits {
    pub heading: String,
    pub text: FamilyText,
    pub how_often: Option<String>,
    pub next: Option<FamilyDate>,
}

/// The plan as the family reads it. See the module documentation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FamilyView {
    /// "Tommy's plan".
    pub title: String,
    /// What the plan is, in two sentences.
    pub intro: String,
    /// The lead professional: "Sam Jones, social worker".
    pub worker: Option<String>,
    pub cards: Vec<NeedCard>,
    pub visits: FamilyVisits,
    /// When everyone meets next to look at the plan together.
    pub next_review: Option<FamilyDate>,
    pub contingency: FamilySection,
    /// What the child, the parents and others said, in that order.
    pub views: Vec<FamilySection>,
}

/// The family view of `plan` on `today`, with the default options. See the module
/// documentation.
pub fn family_view(plan: &Plan, profile: &Profile, today: NaiveDate) -> FamilyView {
    let timeline = timeline(plan, profile, today);
    family_view_with(plan, profile, &timeline, today, FamilyOptions::default())
}

/// The family view with a timeline the caller has already computed (for the same plan,
/// profile and today) and a choice of how jargon is shown.
pub fn family_view_with(
    plan: &Plan,
    profile: &Profile,
    timeline: &Timeline,
    today: NaiveDate,
    options: FamilyOptions,
) -> FamilyView {
    let dates = DateReader::new(plan, profile, timeline, today);
    let child = plan.child_name();
    let cards = plan
        .needs
        .iter()
        .enumerate()
        .map(|(need_index, need)| {
            // Each card explains its own jargon: a family may look at one card at a time.
            let mut explainer = Explainer::new(options.jargon);
            let need_pointer = format!("/needs/{need_index}");
            NeedCard {
                need_index,
                number: need_index + 1,
                need: family_text(&mut explainer, &format!("{need_pointer}/need"), &need.need),
                actions: need
                    .actions
                    .iter()
                    .enumerate()
                    .map(|(action_index, action)| {
                        let pointer = format!("{need_pointer}/actions/{action_index}");
                        let field = |name: &str| format!("{pointer}/{name}");
                        let by_when =
                            family_text(&mut explainer, &field("by_when"), &action.by_when);
                        ActionCard {
                            action_index,
                            what_we_will_do: family_text(
                                &mut explainer,
                                &field("action"),
                                &action.action,
                            ),
                            who: family_text(&mut explainer, &field("by_whom"), &action.by_whom),
                            when: dates.action_when(&field("by_when"), &action.by_when, by_when),
                            what_will_be_different: family_text(
                                &mut explainer,
                                &field("outcome"),
                                &action.outcome,
                            ),
                            progress: FamilyProgress {
                                rating: action.progress_rating,
                                rating_words: action.progress_rating.map(rating_words),
                                text: family_text(
                                    &mut explainer,
                                    &field("progress"),
                                    &action.progress,
                                ),
                            },
                            pointer,
                        }
                    })
                    .collect(),
            }
        })
        .collect();

    let mut explainer = Explainer::new(options.jargon);
    let worker_first_name = plan
        .lead_professional
        .as_ref()
        .and_then(|lead| lead.name.split_whitespace().next())
        .map(str::to_owned);
    let visits = FamilyVisits {
        heading: match &worker_first_name {
            Some(name) => format!("How often {name} will visit"),
            None => "How often your worker will visit".to_owned(),
        },
        text: family_text(&mut explainer, "/visiting", &plan.visiting),
        how_often: dates.how_often(&plan.visiting),
        next: dates.next_visit(),
    };
    let contingency = FamilySection {
        heading: "If things do not get better".to_owned(),
        text: family_text(&mut explainer, "/contingency", &plan.contingency),
    };
    let views = vec![
        FamilySection {
            heading: format!("What {child} said"),
            text: family_text(&mut explainer, "/views/child", &plan.views.child),
        },
        FamilySection {
            heading: "What you said".to_owned(),
            text: family_text(&mut explainer, "/views/parents", &plan.views.parents),
        },
        FamilySection {
            heading: "What other people said".to_owned(),
            text: family_text(&mut explainer, "/views/others", &plan.views.others),
        },
    ];

    FamilyView {
        title: plan_title(plan),
        intro: format!(
            "This is the plan we made together for {child}. For each worry, it says what we \
             will all do, who will do it, when, and what will be different for {child}."
        ),
        worker: plan.lead_professional.as_ref().and_then(|lead| {
            let name = lead.name.trim();
            (!name.is_empty()).then(|| match role_words(lead.role) {
                Some(role) => format!("{name}, {role}"),
                None => name.to_owned(),
            })
        }),
        cards,
        visits,
        next_review: dates.next_review(),
        contingency,
        views,
    }
}

/// "Tommy's plan", or "Your plan" when the plan names no child.
pub(crate) fn plan_title(plan: &Plan) -> String {
    let name = plan.child.name.trim();
    if name.is_empty() {
        "Your plan".to_owned()
    } else {
        format!("{name}'s plan")
    }
}

/// A role as a family says it.
pub(crate) fn role_words(role: Role) -> Option<&'static str> {
    match role {
        Role::SocialWorker => Some("social worker"),
        Role::KeyWorker => Some("key worker"),
        Role::SeniorPractitioner => Some("senior social worker"),
        Role::TeamManager => Some("team manager"),
        Role::Sswop => Some("senior social worker"),
        Role::Other => None,
    }
}

fn rating_words(rating: ProgressRating) -> String {
    match rating {
        ProgressRating::Achieved => "Done",
        ProgressRating::Partly => "Partly done",
        ProgressRating::NotYet => "Not yet",
    }
    .to_owned()
}

fn family_text(explainer: &mut Explainer, pointer: &str, text: &str) -> FamilyText {
    FamilyText {
        pointer: pointer.to_owned(),
        text: text.to_owned(),
        segments: explainer.segments(text),
    }
}

/// Reads real dates for the family and the child: the timeline's events first, the
/// reading of the text where the timeline has none.
pub(crate) struct DateReader<'a> {
    plan: &'a Plan,
    timeline: &'a Timeline,
    today: NaiveDate,
    calendar: crate::calendar::Calendar,
}

/// The dates of one action.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct ActionDates {
    pub how_often: Option<String>,
    pub starts: Option<NaiveDate>,
    pub next_time: Option<NaiveDate>,
    pub sessions_left: usize,
    pub until: Option<NaiveDate>,
    pub done_by: Option<NaiveDate>,
}

impl<'a> DateReader<'a> {
    pub(crate) fn new(
        plan: &'a Plan,
        profile: &Profile,
        timeline: &'a Timeline,
        today: NaiveDate,
    ) -> DateReader<'a> {
        DateReader {
            plan,
            timeline,
            today,
            calendar: calendar_for(plan, profile),
        }
    }

    fn read(&self, text: &str) -> crate::timescale::Timescale {
        read_timescale(
            text,
            &ReadingContext {
                dates: &self.plan.dates,
                today: self.today,
                calendar: &self.calendar,
            },
        )
    }

    pub(crate) fn how_often(&self, text: &str) -> Option<String> {
        self.read(text)
            .cadence
            .and_then(|cadence| frequency_words(&cadence.frequency))
    }

    pub(crate) fn action_dates(&self, pointer: &str, text: &str) -> ActionDates {
        let reading = self.read(text);
        let events = || {
            self.timeline
                .events
                .iter()
                .filter(move |event| event.source == pointer)
        };
        let mut sessions: Vec<NaiveDate> = events()
            .filter(|event| event.kind == EventKind::ActionSession)
            .map(|event| event.date)
            .collect();
        sessions.sort_unstable();
        let upcoming: Vec<NaiveDate> = sessions
            .iter()
            .copied()
            .filter(|date| *date >= self.today)
            .collect();
        let recurring = reading.cadence.is_some() || !sessions.is_empty();
        let deadline = events()
            .filter(|event| event.kind == EventKind::ActionDue)
            .map(|event| event.date)
            .min()
            .or_else(|| {
                reading
                    .deadline
                    .as_ref()
                    .and_then(|dated| dated.when.date())
            });
        let end = reading.end.as_ref().and_then(|dated| dated.when.date());
        ActionDates {
            how_often: reading
                .cadence
                .as_ref()
                .and_then(|cadence| frequency_words(&cadence.frequency)),
            starts: reading
                .start
                .as_ref()
                .and_then(|dated| dated.when.date())
                .or_else(|| sessions.first().copied()),
            next_time: upcoming.first().copied(),
            sessions_left: upcoming.len(),
            // Only an end the plan writes: the timeline's last session of open-ended work
            // is where its projection stops, not an end anyone agreed.
            until: if recurring { end } else { None },
            done_by: if recurring {
                deadline.filter(|deadline| Some(*deadline) != end)
            } else {
                deadline.or(end)
            },
        }
    }

    fn action_when(&self, pointer: &str, text: &str, written: FamilyText) -> FamilyWhen {
        let dates = self.action_dates(pointer, text);
        let date = |date: NaiveDate| FamilyDate::new(date, self.today);
        FamilyWhen {
            summary: when_summary(&dates, self.today),
            text: written,
            how_often: dates.how_often.clone(),
            starts: dates.starts.map(date),
            next_time: dates.next_time.map(date),
            sessions_left: dates.sessions_left,
            until: dates.until.map(date),
            done_by: dates.done_by.map(date),
        }
    }

    /// The next visit to the child that is not done yet.
    pub(crate) fn next_visit(&self) -> Option<FamilyDate> {
        self.next_of(&[EventKind::FirstVisitDue, EventKind::VisitDue])
    }

    /// The next review that is not done yet.
    pub(crate) fn next_review(&self) -> Option<FamilyDate> {
        self.next_of(&[EventKind::ReviewDue, EventKind::ReviewConferenceDue])
    }

    fn next_of(&self, kinds: &[EventKind]) -> Option<FamilyDate> {
        // From today on: an overdue one is followed on the timeline by the next one due,
        // counted from today, and a date already gone is no use to the family.
        self.timeline
            .events
            .iter()
            .filter(|event| {
                kinds.contains(&event.kind)
                    && event.state != EventState::Done
                    && event.date >= self.today
            })
            .map(|event| event.date)
            .min()
            .map(|date| FamilyDate::new(date, self.today))
    }
}

/// "Every 2 weeks, next on Monday 30 November 2026, until Tuesday 16 February 2027."
fn when_summary(dates: &ActionDates, today: NaiveDate) -> String {
    let mut parts: Vec<String> = Vec::new();
    let recurring = dates.how_often.is_some() || dates.next_time.is_some();
    if recurring {
        if let Some(how_often) = &dates.how_often {
            parts.push(how_often.clone());
        }
        // "First meeting by 16 December, then every 2 weeks": the deadline is for the first.
        let first_by = dates.done_by.filter(|done_by| {
            *done_by >= today && dates.until.is_none_or(|until| *done_by < until)
        });
        match (first_by, dates.next_time, dates.starts) {
            (Some(first_by), _, _) => parts.push(format!("the first by {}", long_date(first_by))),
            (None, Some(next), Some(starts)) if next == starts && starts > today => {
                parts.push(format!("starting on {}", long_date(starts)));
            }
            (None, Some(next), _) => parts.push(format!("next on {}", long_date(next))),
            (None, None, Some(starts)) if starts >= today => {
                parts.push(format!("starting on {}", long_date(starts)));
            }
            _ => {}
        }
        if let Some(until) = dates.until {
            parts.push(format!("until {}", long_date(until)));
        }
    } else {
        match (
            dates.starts.filter(|starts| *starts >= today),
            dates.done_by,
        ) {
            // "Place agreed by 7 May; course starts on 12 May".
            (Some(starts), Some(done_by)) if starts > done_by => {
                parts.push(format!("done by {}", long_date(done_by)));
                parts.push(format!("then from {}", long_date(starts)));
            }
            (starts, done_by) => {
                if let Some(starts) = starts {
                    parts.push(format!("starting on {}", long_date(starts)));
                }
                if let Some(done_by) = done_by {
                    parts.push(format!("done by {}", long_date(done_by)));
                }
            }
        }
    }
    if parts.is_empty() {
        return String::new();
    }
    format!("{}.", capitalise(&parts.join(", ")))
}

#[cfg(test)]
mod tests;
