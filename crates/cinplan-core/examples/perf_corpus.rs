//! Writes the benchmark corpora to a folder, so that the browser bench and the peer
//! comparison (tests/perf) read exactly the text the criterion benches check.
//!
//! `cargo run -p cinplan-core --example perf_corpus -- target/perf-corpus`

use std::path::PathBuf;
use std::process::ExitCode;

#[path = "../benches/corpus/mod.rs"]
mod corpus;

fn main() -> ExitCode {
    let Some(folder) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: perf_corpus FOLDER");
        return ExitCode::FAILURE;
    };
    let plan_40 = corpus::plan(40, 1);
    let files: Vec<(&str, String)> = vec![
        ("field-200.txt", corpus::field_200(11)),
        ("by-when-200.txt", corpus::by_when_200(12)),
        (
            "plan-40.json",
            serde_json::to_string_pretty(&plan_40).unwrap_or_default(),
        ),
        ("plan-40.txt", corpus::plan_text(&plan_40)),
        ("plan-400.json", corpus::plan(400, 1).to_string()),
        ("plan-4000.json", corpus::plan(4000, 1).to_string()),
        ("prose-10k.txt", corpus::prose(10_000, 21)),
        ("prose-100k.txt", corpus::prose(100_000, 21)),
        ("prose-1m.txt", corpus::prose(1_000_000, 21)),
        (
            "year-plan.json",
            serde_json::to_string_pretty(&corpus::year_plan()).unwrap_or_default(),
        ),
    ];
    if let Err(error) = std::fs::create_dir_all(&folder) {
        eprintln!("cannot create {}: {error}", folder.display());
        return ExitCode::FAILURE;
    }
    for (name, text) in files {
        let path = folder.join(name);
        if let Err(error) = std::fs::write(&path, &text) {
            eprintln!("cannot write {}: {error}", path.display());
            return ExitCode::FAILURE;
        }
        println!("{:>9} bytes  {}", text.len(), path.display());
    }
    ExitCode::SUCCESS
}
