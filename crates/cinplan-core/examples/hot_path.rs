//! Runs one of the benchmarked paths many times, for `perf record`, and prints the fastest
//! and the median run, and the CPU time per run; `first…` modes time only the first check
//! in a fresh process (every regex it needs is compiled then), which is what a page load
//! pays.
//!
//! `cargo build --profile bench -p cinplan-core --example hot_path`, then
//! `target/release/examples/hot_path MODE [RUNS]`, MODE one of `plan40`, `plan400`,
//! `plan4000`, `keystroke40`, `keystroke40_reviewed`, `by_when_1m`, `progress_1m`, `timescale_1m`, `first_field`, `first_plan40`, `first_kind FIELD` (e.g. `first_kind need`).
#[path = "../benches/corpus/mod.rs"]
mod corpus;

use std::hint::black_box;
use std::time::Instant;

use chrono::NaiveDate;
use cinplan_core::check::{check_field, check_plan, CheckOptions};
use cinplan_core::incremental::PlanChecker;
use cinplan_core::plan::Plan;
use cinplan_core::profile::Profile;
use cinplan_core::rules::FieldName;
use cinplan_core::timescale::{read_timescale, ReadingContext};
use cinplan_core::Calendar;

/// The allocator the CLI runs with (crates/cinplan-cli/src/main.rs says why).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let mut args = std::env::args().skip(1);
    let mode = args.next().unwrap_or_default();
    let runs: u32 = match mode.as_str() {
        "first_kind" => 1,
        _ => args.next().and_then(|runs| runs.parse().ok()).unwrap_or(20),
    };
    let profile = Profile::default_profile();
    let options = CheckOptions {
        today: NaiveDate::from_ymd_opt(2026, 12, 1).unwrap_or_default(),
        profile: &profile,
    };
    let load = |rows: usize| Plan::from_json(&corpus::plan(rows, 1).to_string()).ok();
    let plan_40 = load(40);
    let run: Box<dyn Fn()> = match mode.as_str() {
        "plan40" | "plan400" | "plan4000" => {
            let rows = mode.trim_start_matches("plan").parse().unwrap_or(40);
            let Some(plan) = load(rows) else { return };
            Box::new(move || {
                black_box(check_plan(&plan, options));
            })
        }
        "keystroke40" | "keystroke40_reviewed" => {
            // A letter typed into, then taken out of, the last action, re-checked with
            // `PlanChecker`; "reviewed" adds a review held before today, so that the plan
            // rule `drift` reads every row's "By when".
            let Some(mut plan) = plan_40 else { return };
            if mode == "keystroke40_reviewed" {
                plan.reviews.push(cinplan_core::plan::Review {
                    date: NaiveDate::from_ymd_opt(2026, 11, 20),
                    ..Default::default()
                });
            }
            let plan = std::cell::RefCell::new(plan);
            let checker = std::cell::RefCell::new(PlanChecker::new());
            let typed = std::cell::Cell::new(false);
            Box::new(move || {
                let mut plan = plan.borrow_mut();
                if let Some(action) = plan
                    .needs
                    .last_mut()
                    .and_then(|need| need.actions.last_mut())
                {
                    if typed.get() {
                        action.action.pop();
                    } else {
                        action.action.push('x');
                    }
                    typed.set(!typed.get());
                }
                black_box(checker.borrow_mut().check_plan(&plan, options));
            })
        }
        "by_when_1m" | "progress_1m" => {
            let field = if mode == "by_when_1m" {
                FieldName::ByWhen
            } else {
                FieldName::Progress
            };
            let text = corpus::prose(1_000_000, 21);
            Box::new(move || {
                black_box(check_field(&text, field, plan_40.as_ref(), options));
            })
        }
        "timescale_1m" => {
            let text = corpus::prose(1_000_000, 21);
            let plan = plan_40.unwrap_or_else(Plan::new_blank);
            let calendar = Calendar::new(plan.region);
            Box::new(move || {
                let context = ReadingContext {
                    dates: &plan.dates,
                    today: options.today,
                    calendar: &calendar,
                };
                black_box(read_timescale(&text, &context));
            })
        }
        "first_field" => {
            let text = corpus::field_200(11);
            let start = Instant::now();
            black_box(check_field(&text, FieldName::Action, None, options));
            println!("first action field: {:?}", start.elapsed());
            return;
        }
        "first_kind" => {
            let kind = args.next().unwrap_or_default();
            let Some(field) = FieldName::ALL.into_iter().find(|field| field.id() == kind) else {
                return;
            };
            let text = corpus::field_200(11);
            let start = Instant::now();
            black_box(check_field(&text, field, plan_40.as_ref(), options));
            let first = start.elapsed();
            let start = Instant::now();
            black_box(check_field(&text, field, plan_40.as_ref(), options));
            println!("first {kind} field: {first:?}, then {:?}", start.elapsed());
            return;
        }
        "first_plan40" => {
            let Some(plan) = plan_40 else { return };
            let start = Instant::now();
            black_box(check_plan(&plan, options));
            let first = start.elapsed();
            let start = Instant::now();
            black_box(check_plan(&plan, options));
            println!("first 40-row plan: {first:?}, then {:?}", start.elapsed());
            return;
        }
        _ => {
            eprintln!("unknown mode {mode:?}");
            std::process::exit(2);
        }
    };
    run();
    // The fastest and the median run: on a loaded machine the mean mostly measures the load.
    let mut times: Vec<_> = (0..runs.max(1))
        .map(|_| {
            let start = Instant::now();
            run();
            start.elapsed()
        })
        .collect();
    times.sort();
    // CPU time, which a loaded machine inflates far less than the time on the clock (Linux
    // only: the first field of /proc/thread-self/schedstat is nanoseconds on a CPU).
    let cpu_nanos = || -> Option<u64> {
        std::fs::read_to_string("/proc/thread-self/schedstat")
            .ok()?
            .split_whitespace()
            .next()?
            .parse()
            .ok()
    };
    let cpu_before = cpu_nanos();
    for _ in 0..runs.max(1) {
        run();
    }
    let cpu_per_run = cpu_before.zip(cpu_nanos()).map(|(before, after)| {
        std::time::Duration::from_nanos((after - before) / u64::from(runs.max(1)))
    });
    println!(
        "{mode}: fastest {:?}, median {:?} of {} runs; CPU time per run {:?}",
        times.first().copied().unwrap_or_default(),
        times.get(times.len() / 2).copied().unwrap_or_default(),
        times.len(),
        cpu_per_run.unwrap_or_default()
    );
}
