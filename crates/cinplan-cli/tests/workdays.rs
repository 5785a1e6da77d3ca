//! `cinplan workdays`, run as the real binary.

use std::process::{Command, Output};

fn cinplan(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cinplan"))
        .args(args)
        .output()
        .expect("the cinplan binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Succeeds and prints exactly one line.
fn prints(args: &[&str]) -> String {
    let output = cinplan(args);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{args:?}: {}",
        stderr(&output)
    );
    assert!(stderr(&output).is_empty(), "{args:?}: {}", stderr(&output));
    stdout(&output)
}

/// Fails with exit code 2 and a message on stderr, printing nothing on stdout.
fn refuses(args: &[&str]) -> String {
    let output = cinplan(args);
    assert_eq!(
        output.status.code(),
        Some(2),
        "{args:?}: {}",
        stdout(&output)
    );
    assert!(stdout(&output).is_empty(), "{args:?}");
    let message = stderr(&output);
    assert!(!message.contains("panicked"), "{args:?}: {message}");
    message
}

#[test]
fn friday_plus_one_working_day_is_monday() {
    assert_eq!(
        prints(&["workdays", "add", "2026-11-20", "1"]),
        "2026-11-23\n"
    );
}

#[test]
fn a_negative_count_goes_back() {
    assert_eq!(
        prints(&["workdays", "add", "2026-11-23", "-1"]),
        "2026-11-20\n"
    );
}

#[test]
fn the_region_decides_which_bank_holidays_count() {
    // 2 January 2030 is a bank holiday in Scotland only.
    let args = |region| ["workdays", "add", "2029-12-31", "1", "--region", region];
    assert_eq!(prints(&args("england-and-wales")), "2030-01-02\n");
    assert_eq!(prints(&args("scotland")), "2030-01-03\n");
    assert_eq!(prints(&args("northern-ireland")), "2030-01-02\n");
}

#[test]
fn the_region_defaults_to_england_and_wales() {
    // Easter Monday 2030 (22 April) is a bank holiday outside Scotland.
    assert_eq!(
        prints(&["workdays", "add", "2030-04-18", "1"]),
        "2030-04-23\n"
    );
    assert_eq!(
        prints(&["workdays", "add", "2030-04-18", "1", "--region", "scotland"]),
        "2030-04-22\n"
    );
}

#[test]
fn between_counts_the_working_days_across_christmas() {
    assert_eq!(
        prints(&["workdays", "between", "2026-12-24", "2027-01-04"]),
        "4\n"
    );
    assert_eq!(
        prints(&[
            "workdays",
            "between",
            "2026-12-24",
            "2027-01-04",
            "--region",
            "scotland"
        ]),
        "3\n"
    );
    assert_eq!(
        prints(&["workdays", "between", "2027-01-04", "2026-12-24"]),
        "-4\n"
    );
}

#[test]
fn a_date_that_does_not_exist_is_refused_with_the_format_to_use() {
    let message = refuses(&["workdays", "add", "2026-02-30", "5"]);
    assert!(
        message.contains("\"2026-02-30\" is not a date"),
        "{message}"
    );
    assert!(message.contains("YYYY-MM-DD"), "{message}");
    let message = refuses(&["workdays", "between", "2026-01-01", "next week"]);
    assert!(message.contains("\"next week\" is not a date"), "{message}");
}

#[test]
fn an_unknown_region_is_refused_with_the_known_ones() {
    let message = refuses(&["workdays", "add", "2026-11-20", "5", "--region", "wales"]);
    assert!(message.contains("\"wales\" is not a region"), "{message}");
    assert!(message.contains("northern-ireland"), "{message}");
}

#[test]
fn a_count_that_is_not_a_number_is_refused() {
    let message = refuses(&["workdays", "add", "2026-11-20", "ten"]);
    assert!(
        message.contains("\"ten\" is not a whole number"),
        "{message}"
    );
    let message = refuses(&["workdays", "add", "2026-11-20", "99999999999999999999"]);
    assert!(message.contains("more than cinplan can count"), "{message}");
}

#[test]
fn a_count_past_the_end_of_the_calendar_is_refused_not_a_panic() {
    let message = refuses(&["workdays", "add", "2026-11-20", &i64::MAX.to_string()]);
    assert!(
        message.contains("outside the dates cinplan can count"),
        "{message}"
    );
    let message = refuses(&["workdays", "add", "2026-11-20", &i64::MIN.to_string()]);
    assert!(message.contains("before 2026-11-20"), "{message}");
}

#[test]
fn missing_arguments_are_a_usage_error() {
    let message = refuses(&["workdays", "add", "2026-11-20"]);
    assert!(message.contains("<N>"), "{message}");
}
