//! Training mode: a gallery of example plans and the exercise "rewrite this plan until it
//! has no errors", with a score, hints from the rules' own documentation and a model
//! answer to compare.
//!
//! Each [`Exercise`] is a pair of `cinplan/1` plans about one fictional child: an
//! *unhelpful* version, written with the faults the guidance warns against (empty words,
//! roles instead of names, "ongoing", feelings as outcomes, no contingency), and a *model
//! answer* that passes every check with no errors. The first pair is the guidance's own
//! Tommy example (000, "Needs/risks identified"); the others cover typical needs: neglect,
//! domestic abuse, school attendance, parental alcohol use, a disabled child and a
//! teenager at risk outside the home. Every child, family and professional in them is
//! invented.
//!
//! Plans are checked as of the exercise's own [`Exercise::today`] (a few days after its
//! planning meeting), so that their dates stay in the future however old the app is.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::check::{check_plan, fields, CheckOptions, CheckReport};
use crate::finding::{Finding, Severity};
use crate::plan::{Plan, PlanError};
use crate::profile::Profile;
use crate::rules::registry;

/// One exercise of the gallery.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Exercise {
    /// Stable id: "neglect".
    pub id: &'static str,
    /// "Ruby, 3: teeth, a dirty home and missed nursery".
    pub title: &'static str,
    /// The kind of need: "Neglect".
    pub topic: &'static str,
    /// Two sentences about the family and what the plan is for.
    pub summary: &'static str,
    /// What the exercise teaches, each point citing the guidance.
    pub learning_points: &'static [&'static str],
    /// The day the exercise is set (year, month, day): its plans are checked as of then.
    today: (i32, u32, u32),
    unhelpful: &'static str,
    model: &'static str,
}

impl Exercise {
    /// The day the exercise's plans are checked on.
    pub fn today(&self) -> NaiveDate {
        let (year, month, day) = self.today;
        NaiveDate::from_ymd_opt(year, month, day).unwrap_or_default()
    }

    /// The unhelpful plan the trainee rewrites.
    pub fn unhelpful_plan(&self) -> Result<Plan, PlanError> {
        Plan::from_json(self.unhelpful)
    }

    /// The model answer.
    pub fn model_answer(&self) -> Result<Plan, PlanError> {
        Plan::from_json(self.model)
    }

    /// The unhelpful plan as the JSON file it is shipped as.
    pub fn unhelpful_json(&self) -> &'static str {
        self.unhelpful
    }

    /// The model answer as the JSON file it is shipped as.
    pub fn model_json(&self) -> &'static str {
        self.model
    }
}

/// Every exercise, the guidance's own example first.
pub static EXERCISES: &[Exercise] = &[
    Exercise {
        id: "tommy",
        title: "Tommy, 9: the guidance's own example",
        topic: "Arguments and violence at home",
        summary: "The unhelpful and the good plan from the guidance (000, Needs/risks \
                  identified). In the unhelpful one, every cell of its one row is a fault the \
                  guidance warns against, and so are its empty sections.",
        learning_points: &[
            "A need says what happens to the child, when and why (\"becomes withdrawn and \
             distressed when his mum and step-dad have arguments\"), not a feeling (\"very \
             unhappy\") (000, Needs/risks identified).",
            "\"By whom\" names people: \"a counsellor\" is nobody in particular (000, By \
             whom?).",
            "\"Ongoing\" is not a timescale: say when the work starts, how often, and the \
             first review date (000, By when?; 001).",
            "An outcome is something you can see or hear: \"will be happier\" cannot be \
             checked at the review (000, Outcomes).",
        ],
        today: (2026, 11, 23),
        unhelpful: include_str!("../../tests/fixtures/tommy-unhelpful.json"),
        model: include_str!("../../tests/fixtures/tommy-good.json"),
    },
    Exercise {
        id: "neglect",
        title: "Ruby, 3: teeth, a dirty home and missed nursery",
        topic: "Neglect",
        summary: "Ruby has untreated tooth decay, the floors at home have rubbish and dog mess \
                  on them, and she misses half her nursery sessions. Her mum has felt low \
                  since her baby brother was born.",
        learning_points: &[
            "Describe what is seen, not a label: \"rubbish bags and dog mess on the kitchen \
             floor\" rather than \"home conditions are poor\" or \"clean and tidy\" (004, \
             Words to avoid in plans).",
            "Every action has a named person and a date; \"referral to be made\" hides who \
             makes it (000, By whom?).",
            "Count what will change: nursery sessions attended, nights without toothache \
             (004, What do we mean by 'measurable').",
            "Meet the parent's own needs where they stand in the way of the child's: here, \
             Mum's low mood (004, The relationship between Needs, Outcomes and Plans).",
        ],
        today: (2027, 1, 22),
        unhelpful: include_str!("plans/neglect-unhelpful.json"),
        model: include_str!("plans/neglect-model.json"),
    },
    Exercise {
        id: "domestic-abuse",
        title: "Kieran, 9: violence between Mum and her partner",
        topic: "Domestic abuse",
        summary: "The police have been called twice after Mum's partner pushed and shouted at \
                  her. Since then Kieran hides in his room, wets the bed and falls asleep in \
                  class.",
        learning_points: &[
            "Going to a programme is not an outcome: say what the adult will be able to \
             explain, and what the child will notice (004, the Mr Brown example).",
            "Write jargon such as DV, IDAS and CAMHS out, or explain it (003; 004, Keep it \
             simple).",
            "The child is seen at least every 4 weeks, and the plan reviewed at least every \
             3 months (001; 003).",
            "A contingency says what starts it and what happens then, by whom and how \
             quickly (002, Process for CIN Planning).",
        ],
        today: (2026, 12, 11),
        unhelpful: include_str!("plans/domestic-abuse-unhelpful.json"),
        model: include_str!("plans/domestic-abuse-model.json"),
    },
    Exercise {
        id: "school-attendance",
        title: "Jayden, 13: missing school because of bullying",
        topic: "School attendance",
        summary: "Jayden was in school on 61% of days last term. Two boys push him and post \
                  about him online, his mum leaves for work at 6:30am, and he feels sick on \
                  school mornings.",
        learning_points: &[
            "\"Poor school attendance\" is a category: give the figures and what lies behind \
             them (000, Needs/risks identified).",
            "\"Ensure\" and \"regularly\" state a wish: say who does what, and how often \
             (004, What do we mean by 'specific').",
            "Outcomes can be counted (days in school in every 10) or scaled (a worry score \
             from 0 to 10) (004, What do we mean by 'measurable').",
            "\"School\" and \"Social worker\" are not people: name them (000, By whom?).",
        ],
        today: (2027, 2, 12),
        unhelpful: include_str!("plans/school-attendance-unhelpful.json"),
        model: include_str!("plans/school-attendance-model.json"),
    },
    Exercise {
        id: "parental-alcohol",
        title: "Lily, 7: Dad's drinking",
        topic: "Parental alcohol use",
        summary: "Lily's dad looks after her while her mum works nights, and has twice been \
                  too drunk to collect her from school. Lily checks on him at night and \
                  sometimes makes her own tea.",
        learning_points: &[
            "It is neither realistic nor safe to expect a parent to stop drinking suddenly: \
             plan smaller steps with a specialist (004, What do we mean by 'realistic').",
            "Give the child information: what alcohol does, that it is not their fault, and \
             who to call (004, the example of an alcohol-misusing parent).",
            "\"Monitor\" is not a purposeful activity: say what will be checked, and what \
             happens next (004, Words to avoid in plans).",
            "Build on what works in the family: here, Nan (004, Who 'owns' the plan?).",
        ],
        today: (2027, 3, 19),
        unhelpful: include_str!("plans/parental-alcohol-unhelpful.json"),
        model: include_str!("plans/parental-alcohol-model.json"),
    },
    Exercise {
        id: "disabled-child",
        title: "Oliver, 11: sleepless nights and no break",
        topic: "A disabled child",
        summary: "Oliver has autism and epilepsy, sleeps four hours a night and has had \
                  seizures nobody found until morning. His parents have had no break since \
                  April, and his sister has given up her swimming club.",
        learning_points: &[
            "\"Complex needs\" and \"parental stress\" tell a reader nothing: describe the \
             nights, the seizures and the break the family has not had (000, Needs/risks \
             identified).",
            "\"Respite as appropriate\" and \"in due course\" commit nobody to anything \
             (001; 004, Words to avoid in plans).",
            "Record the child's views however they communicate: pictures, signs, what is \
             seen (001; 003).",
            "Disabled children's plans may run longer, but visits and reviews still have \
             limits (003, Definition of a Child in Need).",
        ],
        today: (2026, 10, 16),
        unhelpful: include_str!("plans/disabled-child-unhelpful.json"),
        model: include_str!("plans/disabled-child-model.json"),
    },
    Exercise {
        id: "teenager-outside-home",
        title: "Tyler, 15: missing from home and at risk of exploitation",
        topic: "A teenager at risk outside the home",
        summary: "Tyler has been missing overnight four times and found with older men known \
                  for selling drugs. He has cash and a phone he cannot explain, and he is \
                  missing school.",
        learning_points: &[
            "Don't put the whole task on the young person (\"Tyler to stop going missing\"): \
             plan what the adults will do (004, What do we mean by 'realistic').",
            "Outcomes a young person can show: explaining how exploitation works, naming \
             adults to call (004, What do we mean by 'measurable').",
            "Record the young person's own words, even when they disagree: \"refused to \
             engage\" is not a view (003; 004, What do we mean by 'agreed').",
            "Say exactly what happens if the risk rises, and how quickly (002, Escalation \
             process).",
        ],
        today: (2027, 4, 23),
        unhelpful: include_str!("plans/teenager-outside-home-unhelpful.json"),
        model: include_str!("plans/teenager-outside-home-model.json"),
    },
];

/// Every exercise.
pub fn exercises() -> &'static [Exercise] {
    EXERCISES
}

/// The exercise with this id.
pub fn exercise(id: &str) -> Option<&'static Exercise> {
    EXERCISES.iter().find(|exercise| exercise.id == id)
}

/// One exercise as the gallery lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GalleryItem {
    pub id: String,
    pub title: String,
    pub topic: String,
    pub summary: String,
    pub learning_points: Vec<String>,
    pub today: NaiveDate,
}

/// The gallery: every exercise, for a list to choose from.
pub fn gallery() -> Vec<GalleryItem> {
    EXERCISES
        .iter()
        .map(|exercise| GalleryItem {
            id: exercise.id.to_owned(),
            title: exercise.title.to_owned(),
            topic: exercise.topic.to_owned(),
            summary: exercise.summary.to_owned(),
            learning_points: exercise
                .learning_points
                .iter()
                .map(|point| (*point).to_owned())
                .collect(),
            today: exercise.today(),
        })
        .collect()
}

/// How a plan scores: the findings by severity, and points out of 100.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Score {
    /// 0–100.
    pub points: u8,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// No errors left: the exercise's goal.
    pub solved: bool,
}

/// The score of a check, from its SMART summary: the share of SMART checks met over every
/// action row and the plan's own sections (see [`crate::summary`]), and the findings by
/// severity. Solved when no error remains.
pub fn score(report: &CheckReport) -> Score {
    let counts = report.summary.counts;
    Score {
        points: report.summary.score,
        errors: counts.error,
        warnings: counts.warning,
        infos: counts.info,
        solved: counts.error == 0,
    }
}

/// A hint for a rule whose findings remain, from the rule's own documentation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hint {
    pub rule: String,
    pub severity: Severity,
    /// How many of its findings remain.
    pub count: usize,
    /// Where they are, in plan order.
    pub pointers: Vec<String>,
    /// What the first one says.
    pub message: String,
    /// The rule's one-line summary: what it flags.
    pub summary: String,
    /// Why it matters, citing the guidance.
    pub why: String,
    /// An example the rule flags.
    pub example: String,
    /// What to write instead.
    pub instead: String,
}

/// One hint per rule that still has findings, errors first, then warnings, then info;
/// within each, in the order the findings come in the plan.
pub fn exercise_hints(report: &CheckReport) -> Vec<Hint> {
    let mut hints: Vec<Hint> = Vec::new();
    for finding in &report.findings {
        if let Some(hint) = hints.iter_mut().find(|hint| hint.rule == finding.rule) {
            hint.count += 1;
            hint.severity = hint.severity.max(finding.severity);
            if !hint.pointers.contains(&finding.pointer) {
                hint.pointers.push(finding.pointer.clone());
            }
            continue;
        }
        hints.push(hint_for(finding));
    }
    hints.sort_by_key(|hint| std::cmp::Reverse(hint.severity));
    hints
}

fn hint_for(finding: &Finding) -> Hint {
    let docs = registry::find(&finding.rule).map(|rule| rule.meta().docs);
    Hint {
        rule: finding.rule.clone(),
        severity: finding.severity,
        count: 1,
        pointers: vec![finding.pointer.clone()],
        message: finding.message.clone(),
        summary: docs.map(|docs| docs.summary.to_owned()).unwrap_or_default(),
        why: docs.map(|docs| docs.why.to_owned()).unwrap_or_default(),
        example: docs.map(|docs| docs.example.to_owned()).unwrap_or_default(),
        instead: docs.map(|docs| docs.instead.to_owned()).unwrap_or_default(),
    }
}

/// A trainee's attempt, checked.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Attempt {
    pub score: Score,
    pub hints: Vec<Hint>,
    pub report: CheckReport,
}

/// Checks a trainee's rewrite of an exercise's plan as of the exercise's day.
pub fn attempt(exercise: &Exercise, plan: &Plan, profile: &Profile) -> Attempt {
    let report = check_plan(
        plan,
        CheckOptions {
            today: exercise.today(),
            profile,
        },
    );
    Attempt {
        score: score(&report),
        hints: exercise_hints(&report),
        report,
    }
}

/// One field of two plans side by side.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldPair {
    pub pointer: String,
    /// "Need 1, action 2: By when".
    pub label: String,
    /// The trainee's text, if their plan has this field.
    pub yours: Option<String>,
    /// The model answer's text, if it has this field.
    pub model: Option<String>,
}

/// The fields of a trainee's plan and the model answer side by side, matched by where they
/// are in the plan (need 1 with need 1, and so on): the model's fields in order, then any
/// the trainee has that the model has not.
pub fn compare(yours: &Plan, model: &Plan) -> Vec<FieldPair> {
    let your_fields = fields(yours);
    let model_fields = fields(model);
    let label = |field: &crate::check::FieldRef<'_>| match (field.need_index, field.action_index) {
        (Some(need), Some(action)) => {
            format!(
                "Need {}, action {}: {}",
                need + 1,
                action + 1,
                field.field.label()
            )
        }
        (Some(need), None) => format!("Need {}: {}", need + 1, field.field.label()),
        _ => field.field.label().to_owned(),
    };
    let mut pairs: Vec<FieldPair> = model_fields
        .iter()
        .map(|model_field| FieldPair {
            pointer: model_field.pointer.clone(),
            label: label(model_field),
            yours: your_fields
                .iter()
                .find(|field| field.pointer == model_field.pointer)
                .map(|field| field.text.to_owned()),
            model: Some(model_field.text.to_owned()),
        })
        .collect();
    for field in &your_fields {
        if !pairs.iter().any(|pair| pair.pointer == field.pointer) {
            pairs.push(FieldPair {
                pointer: field.pointer.clone(),
                label: label(field),
                yours: Some(field.text.to_owned()),
                model: None,
            });
        }
    }
    pairs
}

#[cfg(test)]
mod tests;
