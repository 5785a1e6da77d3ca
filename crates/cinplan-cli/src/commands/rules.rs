//! `cinplan rules` and `cinplan explain` (placeholder: to be written).

use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct ListArgs {}

#[derive(Debug, clap::Args)]
pub struct ExplainArgs {
    pub rule: String,
}

pub fn list(_args: ListArgs) -> Result<ExitCode, String> {
    Err("not written yet".to_owned())
}

pub fn explain(_args: ExplainArgs) -> Result<ExitCode, String> {
    Err("not written yet".to_owned())
}
