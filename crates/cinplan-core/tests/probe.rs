use chrono::NaiveDate;
use cinplan_core::plan::PlanDates;
use cinplan_core::timescale::{read_timescale, ReadingContext};
use cinplan_core::{Calendar, Region};
#[test]
fn probe() {
    let dates = PlanDates {
        planning_meeting: NaiveDate::from_ymd_opt(2026, 11, 16),
        first_review: NaiveDate::from_ymd_opt(2027, 2, 16),
        ..PlanDates::default()
    };
    let calendar = Calendar::new(Region::EnglandAndWales);
    let context = ReadingContext {
        dates: &dates,
        today: NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default(),
        calendar: &calendar,
    };
    let text = std::fs::read_to_string("/tmp/probe.txt").unwrap_or_default();
    for line in text.lines() {
        let r = read_timescale(line, &context);
        println!("== {line}");
        if let Some(d) = &r.deadline {
            println!("   deadline {} [{}]", d.when, &line[d.span.clone()]);
        }
        if let Some(d) = &r.start {
            println!("   start {} [{}]", d.when, &line[d.span.clone()]);
        }
        if let Some(d) = &r.end {
            println!("   end {} [{}]", d.when, &line[d.span.clone()]);
        }
        if let Some(d) = &r.review {
            println!("   review {} [{}]", d.when, &line[d.span.clone()]);
        }
        for d in &r.other_dates {
            println!("   other {} [{}]", d.when, &line[d.span.clone()]);
        }
        for c in r.cadences() {
            println!("   cadence {} [{}]", c.frequency, &line[c.span.clone()]);
        }
        for n in &r.no_time {
            println!("   vague [{}]", n.text);
        }
        for p in &r.problems {
            println!(
                "   problem {:?} [{}] {}",
                p.kind,
                &line[p.span.clone()],
                p.message
            );
        }
    }
}
