//! `cinplan`: check Child in Need plans, print their timelines and count working days.
//!
//! Exit codes: 0 success (for `check`: no error findings), 1 error findings, 2 input that
//! cannot be read (with a message on stderr).

use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod commands;
mod display;
mod input;

#[derive(Debug, Parser)]
#[command(name = "cinplan", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check a plan (or one field's text) against the guidance.
    Check(commands::check::Args),
    /// Print every due date of a plan as text, JSON or an iCalendar file.
    Timeline(commands::timeline::Args),
    /// Working-day arithmetic in a UK region.
    #[command(subcommand)]
    Workdays(commands::workdays::Command),
    /// List the rules.
    Rules(commands::rules::ListArgs),
    /// Print a rule's documentation.
    Explain(commands::rules::ExplainArgs),
}

/// mimalloc rather than glibc's malloc: a check allocates many small strings (findings,
/// messages, suggestions), and glibc's allocator took a fifth of a 40-row plan's check.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Check(args) => commands::check::run(args),
        Command::Timeline(args) => commands::timeline::run(args),
        Command::Workdays(command) => commands::workdays::run(command),
        Command::Rules(args) => commands::rules::list(args),
        Command::Explain(args) => commands::rules::explain(args),
    };
    match result {
        Ok(code) => code,
        Err(error) => {
            eprintln!("cinplan: {error}");
            ExitCode::from(2)
        }
    }
}
