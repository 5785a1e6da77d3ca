//! `cinplan workdays`: working-day arithmetic in a UK region, as the timeline counts it.

use std::process::ExitCode;

use chrono::{Datelike, NaiveDate};
use cinplan_core::Calendar;

use crate::input::{parse_date, parse_region, InputError};

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Print the date N working days after DATE (before it when N is negative). DATE itself
    /// never counts: Friday plus 1 is Monday.
    Add {
        /// The start date, YYYY-MM-DD.
        date: String,
        /// How many working days to add; negative counts back.
        #[arg(allow_negative_numbers = true)]
        n: String,
        #[command(flatten)]
        region: RegionArg,
    },
    /// Print how many working days there are after FROM up to and including TO (negative,
    /// counting back, when TO is before FROM).
    Between {
        /// YYYY-MM-DD.
        from: String,
        /// YYYY-MM-DD.
        to: String,
        #[command(flatten)]
        region: RegionArg,
    },
}

#[derive(Debug, clap::Args)]
pub struct RegionArg {
    /// Whose bank holidays count: england-and-wales, scotland or northern-ireland.
    #[arg(long, default_value = "england-and-wales")]
    region: String,
}

impl RegionArg {
    fn calendar(&self) -> Result<Calendar, InputError> {
        parse_region(&self.region).map(Calendar::new)
    }
}

fn parse_count(text: &str) -> Result<i64, InputError> {
    use std::num::IntErrorKind;
    text.trim()
        .parse()
        .map_err(|error: std::num::ParseIntError| match error.kind() {
            IntErrorKind::PosOverflow | IntErrorKind::NegOverflow => {
                format!("\"{text}\" working days is more than cinplan can count")
            }
            _ => {
                format!("\"{text}\" is not a whole number of working days: write it like 10 or -5")
            }
        })
}

pub fn run(command: Command) -> Result<ExitCode, String> {
    match command {
        Command::Add { date, n, region } => {
            let start = parse_date(&date)?;
            let count = parse_count(&n)?;
            let calendar = region.calendar()?;
            let reached = calendar.add_working_days(start, count).ok_or_else(|| {
                let way = if count < 0 { "before" } else { "after" };
                format!(
                    "{} working days {way} {start} falls outside the dates cinplan can \
                     count (years {} to {})",
                    count.unsigned_abs(),
                    NaiveDate::MIN.year(),
                    NaiveDate::MAX.year()
                )
            })?;
            super::write_stdout(&format!("{reached}\n"))?;
        }
        Command::Between { from, to, region } => {
            let from = parse_date(&from)?;
            let to = parse_date(&to)?;
            let calendar = region.calendar()?;
            super::write_stdout(&format!("{}\n", calendar.working_days_between(from, to)))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
