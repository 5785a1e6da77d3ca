//! Criterion benchmarks of the core: what one keystroke, one plan, one paste, one timeline
//! and one working-day sum cost natively. `scripts/bench.sh` runs them and summarises the
//! figures against the targets in docs/performance.md.
//!
//! Sample counts are kept modest (the machine has 2 shared cores): the whole run takes a few
//! minutes. Throughput is in bytes of free text read, so criterion prints MiB/s and the
//! per-byte cost at 10 KB, 100 KB and 1 MB shows whether time grows linearly with text.

use std::hint::black_box;
use std::io::Write;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use cinplan_core::check::{check_field, check_one_field, check_plan, fields, CheckOptions};
use cinplan_core::incremental::PlanChecker;
use cinplan_core::plan::Plan;
use cinplan_core::profile::Profile;
use cinplan_core::rules::FieldName;
use cinplan_core::timeline::timeline;
use cinplan_core::{Calendar, Region};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

mod corpus;

/// The allocator the CLI runs with (crates/cinplan-cli/src/main.rs says why).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Criterion takes ten samples at least; a check slower than this is timed once instead,
/// so that a quadratic slowdown shows up as a figure rather than as a run of many minutes.
const SAMPLE_LIMIT: Duration = Duration::from_secs(2);

/// Times one run of `run`; when it is over [`SAMPLE_LIMIT`], reports it as `id` (on stderr
/// and, when `CINPLAN_PERF_SINGLE` names a file, as a JSON line there for the summary) and
/// returns true so that the caller skips criterion's sampling of every benchmark in
/// `covers` (`id` and any others that cost at least as much). Benchmarks the command
/// line's filter leaves out are not run at all.
fn too_slow_to_sample(id: &str, covers: &[&str], bytes: usize, run: impl FnOnce()) -> bool {
    if !covers.iter().any(|covered| selected(covered)) {
        return true;
    }
    let start = Instant::now();
    run();
    let elapsed = start.elapsed();
    if elapsed <= SAMPLE_LIMIT {
        return false;
    }
    eprintln!(
        "{id}: one run took {:.2} s, over {} s: timed once, not sampled",
        elapsed.as_secs_f64(),
        SAMPLE_LIMIT.as_secs()
    );
    if let Some(path) = std::env::var_os("CINPLAN_PERF_SINGLE") {
        let line = serde_json::json!({ "id": id, "ns": elapsed.as_nanos() as f64, "bytes": bytes });
        let written = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&path)
            .and_then(|mut file| writeln!(file, "{line}"));
        if let Err(error) = written {
            eprintln!("cannot append to {}: {error}", path.to_string_lossy());
        }
    }
    true
}

/// Criterion's options that take a value (so that the value is not read as a filter).
const VALUE_OPTIONS: &[&str] = &[
    "--warm-up-time",
    "--measurement-time",
    "--sample-size",
    "--profile-time",
    "--save-baseline",
    "--baseline",
    "--baseline-lenient",
    "--load-baseline",
    "--significance-level",
    "--confidence-level",
    "--nresamples",
    "--noise-threshold",
    "--color",
    "--output-format",
    "--plotting-backend",
    "--format",
];

/// Whether the command line's filter (criterion's, a regex) selects `id`; so that the one
/// timed run above is not spent on a benchmark that was not asked for.
fn selected(id: &str) -> bool {
    let mut filters = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if VALUE_OPTIONS.contains(&arg.as_str()) {
            args.next();
        } else if !arg.starts_with('-') {
            filters.push(arg);
        }
    }
    filters.is_empty()
        || filters.iter().any(|filter| {
            regex::Regex::new(filter).map_or(id.contains(filter.as_str()), |re| re.is_match(id))
        })
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 1).unwrap_or_default()
}

fn load(plan: &serde_json::Value) -> Plan {
    match Plan::from_json(&plan.to_string()) {
        Ok(plan) => plan,
        Err(error) => panic!("the generated corpus is not a valid plan: {error}"),
    }
}

/// Bytes of free text the checker reads in a plan.
fn text_bytes(plan: &Plan) -> u64 {
    fields(plan)
        .iter()
        .map(|field| field.text.len() as u64)
        .sum()
}

/// One field of about 200 characters: the cost of a keystroke in a single field.
fn bench_field(c: &mut Criterion) {
    let profile = Profile::default_profile();
    let options = CheckOptions {
        today: today(),
        profile: &profile,
    };
    let plan = load(&corpus::plan(40, 1));
    let mut group = c.benchmark_group("check_field_200");
    group
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .sample_size(50);
    let need = corpus::prose(200, 14);
    for (id, field, text) in [
        ("action", FieldName::Action, corpus::field_200(11)),
        ("by_when", FieldName::ByWhen, corpus::by_when_200(12)),
        ("outcome", FieldName::Outcome, corpus::prose(200, 13)),
        ("need", FieldName::Need, need.clone()),
        // The same need with its curly quotes and accents made ASCII: shows what non-ASCII
        // text costs the matching.
        ("need_ascii", FieldName::Need, corpus::ascii(&need)),
    ] {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(id), &text, |b, text| {
            b.iter(|| check_field(black_box(text), field, Some(&plan), options))
        });
    }
    group.finish();
}

/// Whole plans of 40 rows (~10 KB), 400 rows (~100 KB) and 4,000 rows (~1 MB), from a
/// parsed plan (what the editor re-checks) and from its JSON (what the embed API receives).
fn bench_plan(c: &mut Criterion) {
    let profile = Profile::default_profile();
    let options = CheckOptions {
        today: today(),
        profile: &profile,
    };
    let mut group = c.benchmark_group("check_plan");
    group
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3))
        .sample_size(20);
    for rows in [40usize, 400, 4000] {
        let json = corpus::plan(rows, 1).to_string();
        let plan = load(&corpus::plan(rows, 1));
        let bytes = text_bytes(&plan);
        group.throughput(Throughput::Bytes(bytes));
        let parsed_id = format!("check_plan/parsed/{rows}");
        let json_id = format!("check_plan/from_json/{rows}");
        if too_slow_to_sample(&parsed_id, &[&parsed_id, &json_id], bytes as usize, || {
            check_plan(&plan, options);
        }) {
            continue;
        }
        group.bench_with_input(BenchmarkId::new("parsed", rows), &plan, |b, plan| {
            b.iter(|| check_plan(black_box(plan), options))
        });
        group.bench_with_input(BenchmarkId::new("from_json", rows), &json, |b, json| {
            b.iter(|| {
                let plan = Plan::from_json(black_box(json));
                plan.map(|plan| serde_json::to_string(&check_plan(&plan, options).findings))
            })
        });
    }
    group.finish();
}

/// Re-checking only the edited field of a 40-row plan (its last `by_when`, which the
/// timescale reader also reads): the incremental path the issue asks for.
fn bench_incremental(c: &mut Criterion) {
    let profile = Profile::default_profile();
    let options = CheckOptions {
        today: today(),
        profile: &profile,
    };
    let plan = load(&corpus::plan(40, 1));
    let calendar = Calendar::new(plan.region);
    let all_fields = fields(&plan);
    let mut group = c.benchmark_group("check_one_field_in_40_rows");
    group
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .sample_size(50);
    for field_name in [FieldName::ByWhen, FieldName::Outcome] {
        let Some(field) = all_fields
            .iter()
            .rev()
            .find(|field| field.field == field_name)
        else {
            panic!("the 40-row corpus has no {} field", field_name.id());
        };
        group.throughput(Throughput::Bytes(field.text.len() as u64));
        group.bench_function(field_name.id(), |b| {
            b.iter(|| check_one_field(&plan, black_box(field), options, &calendar))
        });
    }
    group.finish();
}

/// Re-checking a whole 40-row plan after a keystroke with [`PlanChecker`]: a letter added
/// to, then removed from, the end of one action, as the editor and the embed do now. The
/// report is the whole plan's, as `check_plan/parsed/40` gives it.
fn bench_plan_after_keystroke(c: &mut Criterion) {
    let profile = Profile::default_profile();
    let options = CheckOptions {
        today: today(),
        profile: &profile,
    };
    let mut plan = load(&corpus::plan(40, 1));
    let mut checker = PlanChecker::new();
    checker.check_plan(&plan, options);
    let mut group = c.benchmark_group("check_plan_after_keystroke");
    group
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .sample_size(50);
    let mut typed = false;
    group.bench_function("40", |b| {
        b.iter(|| {
            if let Some(action) = plan
                .needs
                .last_mut()
                .and_then(|need| need.actions.last_mut())
            {
                if typed {
                    action.action.pop();
                } else {
                    action.action.push('x');
                }
                typed = !typed;
            }
            checker.check_plan(black_box(&plan), options)
        })
    });
    group.finish();
}

/// A long paste into one field: 10 KB, 100 KB and 1 MB of case-note prose.
fn bench_paste(c: &mut Criterion) {
    let profile = Profile::default_profile();
    let options = CheckOptions {
        today: today(),
        profile: &profile,
    };
    let plan = load(&corpus::plan(40, 1));
    let mut group = c.benchmark_group("check_field_paste");
    group
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3))
        .sample_size(10);
    for bytes in [10_000usize, 100_000, 1_000_000] {
        let text = corpus::prose(bytes, 21);
        group.throughput(Throughput::Bytes(text.len() as u64));
        for field in [FieldName::Progress, FieldName::ByWhen] {
            let id = format!("check_field_paste/{}/{bytes}", field.id());
            if too_slow_to_sample(&id, &[&id], text.len(), || {
                check_field(&text, field, Some(&plan), options);
            }) {
                continue;
            }
            group.bench_with_input(BenchmarkId::new(field.id(), bytes), &text, |b, text| {
                b.iter(|| check_field(black_box(text), field, Some(&plan), options))
            });
        }
    }
    group.finish();
}

/// The timeline of a plan running a year from its planning meeting.
fn bench_timeline(c: &mut Criterion) {
    let profile = Profile::default_profile();
    let plan = load(&corpus::year_plan());
    let on = NaiveDate::from_ymd_opt(2027, 5, 3).unwrap_or_default();
    let mut group = c.benchmark_group("timeline");
    group
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .sample_size(30);
    group.bench_function("year_plan", |b| {
        b.iter(|| timeline(black_box(&plan), &profile, on))
    });
    group.finish();
}

/// Working-day sums: "N working days after D" for a year of start dates, and the working
/// days between two dates a year apart, in each region.
fn bench_working_days(c: &mut Criterion) {
    let first = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default();
    let days: Vec<NaiveDate> = first.iter_days().take(365).collect();
    let mut group = c.benchmark_group("working_days");
    group
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .sample_size(30);
    for region in Region::ALL {
        let calendar = Calendar::new(region);
        group.throughput(Throughput::Elements(days.len() as u64));
        group.bench_function(BenchmarkId::new("add_20_x365", region.id()), |b| {
            b.iter(|| {
                days.iter()
                    .filter_map(|day| calendar.add_working_days(black_box(*day), 20))
                    .count()
            })
        });
        group.throughput(Throughput::Elements(1));
        group.bench_function(BenchmarkId::new("between_one_year", region.id()), |b| {
            b.iter(|| {
                calendar.working_days_between(
                    black_box(first),
                    NaiveDate::from_ymd_opt(2026, 12, 31).unwrap_or_default(),
                )
            })
        });
    }
    group.finish();
}

criterion_group!(
    benches,
    bench_field,
    bench_incremental,
    bench_plan_after_keystroke,
    bench_plan,
    bench_paste,
    bench_timeline,
    bench_working_days
);
criterion_main!(benches);
