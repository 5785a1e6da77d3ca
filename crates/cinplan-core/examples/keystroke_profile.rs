//! Re-checks a 40-row plan after keystrokes many times, for `perf record`.
#[path = "../benches/corpus/mod.rs"]
mod corpus;

use chrono::NaiveDate;
use cinplan_core::check::CheckOptions;
use cinplan_core::incremental::PlanChecker;
use cinplan_core::plan::Plan;
use cinplan_core::profile::Profile;

fn main() {
    let profile = Profile::default_profile();
    let options = CheckOptions {
        today: NaiveDate::from_ymd_opt(2026, 12, 1).unwrap_or_default(),
        profile: &profile,
    };
    let Ok(mut plan) = Plan::from_json(&corpus::plan(40, 1).to_string()) else {
        return;
    };
    let mut checker = PlanChecker::new();
    let start = std::time::Instant::now();
    for keystroke in 0..2000 {
        if let Some(action) = plan
            .needs
            .last_mut()
            .and_then(|need| need.actions.last_mut())
        {
            if keystroke % 2 == 0 {
                action.action.push('x');
            } else {
                action.action.pop();
            }
        }
        std::hint::black_box(checker.check_plan(&plan, options));
    }
    println!("{:?} per keystroke", start.elapsed() / 2000);
}
