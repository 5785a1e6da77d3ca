//! `cinplan check` (placeholder: to be written).

use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The plan file (`-` for standard input).
    pub plan: String,
}

pub fn run(_args: Args) -> Result<ExitCode, String> {
    Err("not written yet".to_owned())
}
