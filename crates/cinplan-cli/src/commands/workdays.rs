//! `cinplan workdays` (placeholder: to be written).

use std::process::ExitCode;

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Print the date N working days after DATE.
    Add { date: String, n: i64 },
}

pub fn run(_command: Command) -> Result<ExitCode, String> {
    Err("not written yet".to_owned())
}
