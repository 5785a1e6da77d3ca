//! Writes every finding the checker gives on a fixed set of plans and texts, one JSON line
//! each, so that a speed-up can be shown to change nothing: run it before and after, then
//! `cmp` the two files.
//!
//! `cargo run --release -p cinplan-core --example findings_dump -- OUT.jsonl [--large]`
//!
//! Covers: the 40- and 400-row generated plans (and 4,000 rows with `--large`), the fixtures
//! and training plans, and each again after a review held before today, each through
//! `check_plan`, through `PlanChecker` after edits and (up to 40 rows) field by field; the
//! generated texts (fields, "By when" phrasings, prose of 200 bytes to 100 KB, and 1 MB with
//! `--large`), the timescale corpus and the word corpus, each in every field kind, in the
//! 40-row plan and in a blank one.
#[path = "../benches/corpus/mod.rs"]
mod corpus;

use std::io::{BufWriter, Write};

use chrono::NaiveDate;
use cinplan_core::check::{check_field, check_field_at, check_plan, fields, CheckOptions};
use cinplan_core::incremental::PlanChecker;
use cinplan_core::plan::Plan;
use cinplan_core::profile::Profile;
use cinplan_core::rules::FieldName;
use serde_json::json;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
const TRAINING: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/src/training/plans");
const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus");

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(out) = args.iter().find(|arg| !arg.starts_with("--")) else {
        eprintln!("usage: findings_dump OUT.jsonl [--large]");
        std::process::exit(2);
    };
    let large = args.iter().any(|arg| arg == "--large");
    let file = match std::fs::File::create(out) {
        Ok(file) => file,
        Err(error) => {
            eprintln!("cannot write {out}: {error}");
            std::process::exit(1);
        }
    };
    let mut out = BufWriter::new(file);
    if let Err(error) = dump(&mut out, large).and_then(|()| out.flush()) {
        eprintln!("cannot write: {error}");
        std::process::exit(1);
    }
}

fn dump(out: &mut impl Write, large: bool) -> std::io::Result<()> {
    let profile = Profile::default_profile();
    let leicestershire = Profile::from_json(include_str!("../src/profiles/leicestershire.json"));
    let mut profiles = vec![("default", &profile)];
    if let Ok(leicestershire) = &leicestershire {
        profiles.push(("leicestershire", leicestershire));
    }
    let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap_or_default();

    let mut plans: Vec<(String, Plan)> = Vec::new();
    let mut sizes = vec![40usize, 400];
    if large {
        sizes.push(4000);
    }
    for rows in sizes {
        for seed in [1u64, 2] {
            if let Ok(plan) = Plan::from_json(&corpus::plan(rows, seed).to_string()) {
                plans.push((format!("generated {rows} rows seed {seed}"), plan));
            }
        }
    }
    if let Ok(plan) = Plan::from_json(&corpus::year_plan().to_string()) {
        plans.push(("year plan".to_owned(), plan));
    }
    for dir in [FIXTURES, TRAINING] {
        let mut names: Vec<_> = std::fs::read_dir(dir)?
            .filter_map(|entry| entry.ok().map(|entry| entry.path()))
            .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
            .collect();
        names.sort();
        for path in names {
            if let Ok(plan) = Plan::from_json(&std::fs::read_to_string(&path)?) {
                plans.push((path.display().to_string(), plan));
            }
        }
    }

    // The same plans after a review held before today, so that the plan rules which read
    // every row's timescale (`drift`) run too.
    let reviewed: Vec<(String, Plan)> = plans
        .iter()
        .filter(|(_, plan)| plan.needs.len() <= 400)
        .map(|(name, plan)| {
            let mut plan = plan.clone();
            plan.reviews.push(cinplan_core::plan::Review {
                date: NaiveDate::from_ymd_opt(2026, 11, 20),
                ..Default::default()
            });
            (format!("{name}, reviewed"), plan)
        })
        .collect();
    plans.extend(reviewed);

    for (profile_name, profile) in &profiles {
        let options = CheckOptions { today, profile };
        for (name, plan) in &plans {
            let report = check_plan(plan, options);
            writeln!(
                out,
                "{}",
                json!({"plan": name, "profile": profile_name, "report": report})
            )?;
            let mut checker = PlanChecker::new();
            let mut edited = plan.clone();
            for step in 0..6 {
                edit(&mut edited, step);
                let report = checker.check_plan(&edited, options);
                writeln!(
                    out,
                    "{}",
                    json!({"plan": name, "profile": profile_name, "incremental": step, "report": report})
                )?;
            }
            if plan.needs.len() <= 40 {
                for field in fields(plan) {
                    let found = check_field_at(plan, &field.pointer, options);
                    writeln!(
                        out,
                        "{}",
                        json!({"plan": name, "profile": profile_name, "at": field.pointer, "findings": found})
                    )?;
                }
            }
        }
    }

    let mut texts: Vec<(String, String)> = Vec::new();
    for seed in 0..8u64 {
        texts.push((format!("field_200 {seed}"), corpus::field_200(seed)));
        texts.push((format!("by_when_200 {seed}"), corpus::by_when_200(seed)));
    }
    for (bytes, seeds) in [(200usize, 0..20u64), (2_000, 0..10), (10_000, 20..25)] {
        for seed in seeds {
            let text = corpus::prose(bytes, seed);
            texts.push((format!("prose {bytes} ascii {seed}"), corpus::ascii(&text)));
            texts.push((format!("prose {bytes} {seed}"), text));
        }
    }
    texts.push(("prose 100000 21".to_owned(), corpus::prose(100_000, 21)));
    for line in std::fs::read_to_string(format!("{FIXTURES}/timescales.tsv"))?.lines() {
        if let Some((text, _)) = line.split_once('\t') {
            if !line.starts_with('#') {
                texts.push((format!("timescales.tsv {text}"), text.to_owned()));
            }
        }
    }
    for file in ["words.jsonl", "structure.jsonl", "review.jsonl"] {
        for line in std::fs::read_to_string(format!("{CORPUS}/{file}"))?.lines() {
            if let Ok(value) = serde_json::from_str::<serde_json::Value>(line) {
                collect_strings(&value, &mut |text| {
                    texts.push((format!("{file} {text}"), text.to_owned()))
                });
            }
        }
    }
    let plan_40 = plans.first().map(|(_, plan)| plan);
    let options = CheckOptions {
        today,
        profile: &profile,
    };
    for (name, text) in &texts {
        for field in FieldName::ALL {
            for (context, plan) in [("plan 40", plan_40), ("blank", None)] {
                let found = check_field(text, field, plan, options);
                writeln!(
                    out,
                    "{}",
                    json!({"text": name, "field": field.id(), "in": context, "findings": found})
                )?;
            }
        }
    }
    if large {
        let text = corpus::prose(1_000_000, 21);
        for field in FieldName::ALL {
            let found = check_field(&text, field, plan_40, options);
            writeln!(
                out,
                "{}",
                json!({"text": "prose 1000000 21", "field": field.id(), "findings": found})
            )?;
        }
    }
    Ok(())
}

/// Every string in `value` long enough to be a field's text.
fn collect_strings(value: &serde_json::Value, found: &mut impl FnMut(&str)) {
    match value {
        serde_json::Value::String(text) if text.len() > 3 => found(text),
        serde_json::Value::Array(items) => {
            items.iter().for_each(|item| collect_strings(item, found))
        }
        serde_json::Value::Object(map) => {
            map.values().for_each(|item| collect_strings(item, found))
        }
        _ => {}
    }
}

/// A deterministic edit of step `step`: typing into, and clearing, different fields, so
/// that `PlanChecker` both reuses and recomputes.
fn edit(plan: &mut Plan, step: usize) {
    let rows = plan.needs.len().max(1);
    let Some(need) = plan.needs.get_mut(step % rows) else {
        return;
    };
    let Some(action) = need.actions.first_mut() else {
        need.need.push_str(" ongoing");
        return;
    };
    match step {
        0 => action.action.push_str(" as appropriate"),
        1 => action.by_when = "within 10 working days of the planning meeting".to_owned(),
        2 => action.by_when.clear(),
        3 => action.by_whom = "TBC".to_owned(),
        4 => action.progress.push_str(" Seen on 3 December 2026."),
        _ => plan.contingency = "Ongoing monitoring ASAP".to_owned(),
    }
}
