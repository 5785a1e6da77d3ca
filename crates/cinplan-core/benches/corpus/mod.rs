//! Deterministic, fictional corpora for cinplan's benchmarks: a ~200-character field, plans
//! of any number of action rows (40 rows is about 10 KB of text), long pasted prose, and a
//! year-long plan for the timeline.
//!
//! The same seed always gives the same bytes, so the criterion benches, the browser bench
//! and the peer comparison (which read the files `examples/perf_corpus.rs` writes) all
//! measure the same text. The text mixes what practitioners really write, good and bad:
//! vague words, jargon, passive voice, real and ambiguous dates, named and unnamed owners,
//! and a few non-ASCII characters (curly apostrophes, accents, an en dash) so that the
//! UTF-16 position conversion is exercised. Every person and service is invented.
#![allow(dead_code)] // each bench and the corpus writer use a different part

use serde_json::{json, Value};

/// splitmix64: tiny, fast, and the same on every platform.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// The invented family and workers every template is filled with.
#[derive(Debug, Clone, Copy)]
struct Cast {
    child: &'static str,
    carer: &'static str,
    partner: &'static str,
    worker: &'static str,
    helper: &'static str,
    service: &'static str,
    teacher: &'static str,
}

const CASTS: &[Cast] = &[
    Cast {
        child: "Riley",
        carer: "Mum",
        partner: "step-dad",
        worker: "Sam Okafor",
        helper: "Bea Lindqvist",
        service: "the Harbour Family Centre",
        teacher: "Mrs Pellow",
    },
    Cast {
        child: "Zoë",
        carer: "Dad",
        partner: "Gran",
        worker: "Ari Mensah-Cole",
        helper: "Tam Rook",
        service: "the Larkfield Young Carers’ Project",
        teacher: "Mr Quaye",
    },
    Cast {
        child: "Kit",
        carer: "Mum",
        partner: "Mum’s partner Dev",
        worker: "Jo Fairweather",
        helper: "Nell Ashdown",
        service: "the Brookside Parenting Service",
        teacher: "Ms Varga",
    },
];

const NEEDS: &[&str] = &[
    "{child} becomes withdrawn and distressed when {carer} and {partner} argue at home, and has seen {carer} pushed.",
    "{child} is very unhappy.",
    "{child} has missed 14 of the last 40 school days and is often late on Mondays; {teacher} says {child} is tired in class.",
    "{child} has emotional needs.",
    "{child} is struggling at home.",
    "{child} looks after {carer} on bad days – making meals and getting to school alone – and has little time to play.",
    "There are concerns about home conditions, which are not clean and tidy.",
    "{child}’s asthma is not well controlled: two hospital visits since September and inhalers often run out.",
];

const ACTIONS: &[&str] = &[
    "{carer} and {partner} learn ways to manage conflict calmly and safely, through the weekly group at {service}.",
    "{child} needs counselling.",
    "Monitor {child}’s school attendance and support the family as appropriate.",
    "A referral will be made to CAMHS.",
    "{worker} will do individual work with {child} about worries at home, using the Three Houses tool.",
    "{carer} to stop drinking completely and never miss an appointment again.",
    "Ensure the home is clean and tidy at all times.",
    "{helper} will help {carer} set up a morning routine so {child} gets to school by 8:45.",
    "Engage with services and liaise with school regarding any issues.",
    "{carer} will book and attend an asthma review with the practice nurse and keep a spare inhaler at school.",
];

const BY_WHOM: &[&str] = &[
    "{carer} and {partner}, with {helper} ({service})",
    "A counsellor",
    "{worker}, social worker",
    "School",
    "All agencies",
    "{carer}, supported by {helper}, family support worker at {service}",
    "Professionals",
    "{teacher}, class teacher, and {worker}",
    "TBC",
];

const BY_WHEN: &[&str] = &[
    "Ongoing",
    "ASAP",
    "Every 2 weeks from 7 December 2026 until the review on 16 February 2027",
    "By 18 December 2026",
    "Fortnightly from 1 December until the first review",
    "Weekly sessions starting 23 November 2026 until the review on 28 December 2026",
    "3/4",
    "In due course",
    "Within 5 working days of the planning meeting",
    "By the first review",
    "Monthly from January 2027",
    "25/12/2026",
];

const OUTCOMES: &[&str] = &[
    "{child} will be happier.",
    "{child} will be able to tell {worker} that there has been no shouting at home for 4 weeks.",
    "{child} will attend school every day for 6 weeks, with no late marks.",
    "{carer} will attend all sessions.",
    "No more arguments.",
    "{child} will feel better.",
    "{child} will have an inhaler at home and at school every day, and no hospital visits for asthma by the review.",
    "The home will be appropriate.",
    "{child} will say they have time to see friends at least twice a week.",
];

const PROGRESS: &[&str] = &[
    "",
    "",
    "",
    "Two sessions attended; {child} said the house is calmer.",
    "Not started – waiting list of 6 weeks.",
    "{carer} missed the first appointment; rebooked for 14 December.",
];

/// Sentences for long pasted text: case-note style, a mix of all the above.
const NOTES: &[&str] = &[
    "Home visit completed; {child} was seen alone in their bedroom and spoke about school.",
    "{carer} said things have been better since the last review, but {partner} was not present.",
    "Discussed the CIN plan with the family and explained the next steps.",
    "{teacher} reports attendance is now 91% this half term, up from 78%.",
    "The house was cluttered and there was little food in the fridge.",
    "{child} said “I don’t like it when they shout” and drew a picture of the kitchen.",
    "Agreed that {helper} will visit on Tuesdays after school.",
    "Referral to early help will be considered as appropriate.",
    "A strategy meeting was held and the threshold for S47 was not met.",
    "{worker} will follow up ASAP regarding the housing application.",
    "{child} has been monitored closely and seems happier overall.",
    "Next visit booked for 12 January 2027 at 4pm at home.",
];

fn fill(template: &str, cast: &Cast) -> String {
    template
        .replace("{child}", cast.child)
        .replace("{carer}", cast.carer)
        .replace("{partner}", cast.partner)
        .replace("{worker}", cast.worker)
        .replace("{helper}", cast.helper)
        .replace("{service}", cast.service)
        .replace("{teacher}", cast.teacher)
}

fn capitalised(text: String) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => text,
    }
}

/// Text for one field of about `target_bytes` (one or more sentences from `pool`).
fn sentences(rng: &mut Rng, cast: &Cast, pool: &[&str], target_bytes: usize) -> String {
    let mut text = String::new();
    while text.len() < target_bytes {
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(&capitalised(fill(rng.pick(pool), cast)));
    }
    text
}

/// A single field of about 200 characters: an action with some good and some bad wording.
pub fn field_200(seed: u64) -> String {
    let mut rng = Rng::new(seed);
    sentences(&mut rng, &CASTS[0], ACTIONS, 200)
}

/// A `by_when` field of about 200 characters (the timescale reader runs on it).
pub fn by_when_200(seed: u64) -> String {
    let mut rng = Rng::new(seed);
    let mut text = String::new();
    while text.len() < 200 {
        if !text.is_empty() {
            text.push_str("; ");
        }
        text.push_str(rng.pick(BY_WHEN));
    }
    text
}

/// Pasted case-note prose of exactly `bytes` bytes or one character less (it ends on a
/// character boundary), in paragraphs of a few sentences.
pub fn prose(bytes: usize, seed: u64) -> String {
    let mut rng = Rng::new(seed);
    let mut text = String::with_capacity(bytes + 256);
    let mut in_paragraph = 0;
    while text.len() < bytes {
        let cast = &CASTS[rng.below(CASTS.len())];
        let pool = match rng.below(6) {
            0 => NEEDS,
            1 => ACTIONS,
            2 => OUTCOMES,
            _ => NOTES,
        };
        if in_paragraph == 5 {
            text.push_str("\n\n");
            in_paragraph = 0;
        } else if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(&capitalised(fill(rng.pick(pool), cast)));
        in_paragraph += 1;
    }
    let mut end = bytes.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.truncate(end);
    text
}

/// The text with its non-ASCII characters replaced by their nearest ASCII ones.
pub fn ascii(text: &str) -> String {
    text.chars()
        .map(|character| match character {
            '’' | '‘' => '\'',
            '“' | '”' => '"',
            '–' => '-',
            'ë' => 'e',
            other if other.is_ascii() => other,
            _ => '?',
        })
        .collect()
}

fn action_row(rng: &mut Rng, cast: &Cast) -> Value {
    json!({
        "action": sentences(rng, cast, ACTIONS, 1),
        "by_whom": fill(rng.pick(BY_WHOM), cast),
        "by_when": rng.pick(BY_WHEN),
        "outcome": sentences(rng, cast, OUTCOMES, 1),
        "progress": fill(rng.pick(PROGRESS), cast),
    })
}

/// A plan of `rows` action rows in needs of five actions each, as `cinplan/1` JSON.
/// 40 rows is about 10 KB of free text; 400 about 100 KB; 4,000 about 1 MB.
pub fn plan(rows: usize, seed: u64) -> Value {
    let mut rng = Rng::new(seed);
    let cast = CASTS[0];
    let mut needs = Vec::new();
    let mut remaining = rows;
    while remaining > 0 {
        let in_need = remaining.min(5);
        let actions: Vec<Value> = (0..in_need).map(|_| action_row(&mut rng, &cast)).collect();
        needs.push(json!({
            "need": sentences(&mut rng, &cast, NEEDS, 1),
            "actions": actions,
        }));
        remaining -= in_need;
    }
    json!({
        "format": "cinplan/1",
        "kind": "child-in-need",
        "region": "england-and-wales",
        "profile": "default",
        "child": { "name": cast.child, "date_of_birth": "2016-06-09" },
        "lead_professional": { "name": cast.worker, "role": "social-worker" },
        "dates": {
            "assessment_completed": "2026-11-02",
            "allocated": "2026-11-03",
            "planning_meeting": "2026-11-16",
            "plan_circulated": null,
            "first_review": "2027-01-11"
        },
        "visiting": "Regular visits as appropriate, and Sam Okafor to see Riley alone every 2 weeks.",
        "review_frequency": "Every 6 weeks",
        "contingency": "If there is another incident of violence, Sam Okafor will ask for a strategy discussion within 1 working day.",
        "views": {
            "child": "Riley said “I want the shouting to stop” and likes football on Saturdays with step-dad.",
            "parents": "Mum and step-dad agree they argue in front of Riley and want help to stop.",
            "others": "Mrs Pellow says Riley is quiet and tired on Monday mornings."
        },
        "needs": needs,
    })
}

/// A plan that runs a full year from its planning meeting: fortnightly visits, reviews every
/// six weeks, and actions whose timescales repeat until the last review, so the timeline
/// has a realistic number of events (a few hundred).
pub fn year_plan() -> Value {
    let mut plan = plan(40, 7);
    let start = chrono::NaiveDate::from_ymd_opt(2026, 11, 16).unwrap_or_default();
    let mut visits = Vec::new();
    let mut reviews = Vec::new();
    for week in (0..52).step_by(2) {
        let date = start + chrono::Duration::weeks(week) + chrono::Duration::days(2);
        visits.push(json!({ "date": date.to_string(), "seen_alone": week % 4 == 0 }));
    }
    for (index, week) in (6..=52).step_by(6).enumerate() {
        let date = start + chrono::Duration::weeks(week);
        let role = if index == 2 {
            "team-manager"
        } else {
            "social-worker"
        };
        reviews.push(json!({
            "date": date.to_string(),
            "chair": { "name": "Lou Hartigan", "role": role },
            "notes": "Progress discussed with the family.",
        }));
    }
    let year_long = [
        "Every 2 weeks from 23 November 2026 until 15 November 2027",
        "Weekly sessions starting 30 November 2026 until the review on 15 November 2027",
        "Monthly from December 2026 until November 2027",
        "Fortnightly from 1 December 2026 until the last review",
    ];
    if let Some(needs) = plan.get_mut("needs").and_then(Value::as_array_mut) {
        let actions = needs
            .iter_mut()
            .filter_map(|need| need.get_mut("actions").and_then(Value::as_array_mut))
            .flatten();
        for (index, action) in actions.enumerate() {
            if index % 2 == 0 {
                action["by_when"] = json!(year_long[(index / 2) % year_long.len()]);
            }
        }
    }
    plan["visiting"] =
        json!("Sam Okafor will visit Riley at home every 2 weeks and see Riley alone.");
    plan["visits"] = json!(visits);
    plan["reviews"] = json!(reviews);
    plan
}

/// The free text of a plan JSON in document order (the fields cinplan reads), separated by
/// blank lines: what the peer linters are given, so that every tool reads the same words.
pub fn plan_text(plan: &Value) -> String {
    let mut parts: Vec<&str> = Vec::new();
    if let Some(needs) = plan.get("needs").and_then(Value::as_array) {
        for need in needs {
            parts.extend(need.get("need").and_then(Value::as_str));
            for action in need
                .get("actions")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                for key in ["action", "by_whom", "by_when", "outcome", "progress"] {
                    parts.extend(action.get(key).and_then(Value::as_str));
                }
            }
        }
    }
    for key in ["visiting", "review_frequency", "contingency"] {
        parts.extend(plan.get(key).and_then(Value::as_str));
    }
    for key in ["child", "parents", "others"] {
        parts.extend(
            plan.pointer(&format!("/views/{key}"))
                .and_then(Value::as_str),
        );
    }
    parts.retain(|part| !part.is_empty());
    parts.join("\n\n")
}
