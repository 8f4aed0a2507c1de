//! Writes the benchmark corpus as CSV, so benchmarks in other languages measure the same records.
//!
//! ```text
//! cargo run -p unilogin-benches --bin gen_corpus -- --kind register --rows 100000 --out FILE
//!     [--seed N] [--faults FAULTS.csv]
//! ```
//!
//! Requests are comma-separated with the canonical keys as header; register rows are
//! semicolon-separated with the register's column names. Without `--out` the CSV goes to
//! standard output. `--faults` also writes the intentional errors (`row;column;key;code`).

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use unilogin_benches::Corpus;
use unilogin_benches::{generate, write_csv, write_faults_csv, DEFAULT_SEED};

const USAGE: &str = "usage: gen_corpus --kind request|register [--rows N] [--seed N] \
                     [--out FILE] [--faults FILE]";

#[derive(Debug)]
struct Args {
    kind: Corpus,
    rows: usize,
    seed: u64,
    out: Option<String>,
    faults: Option<String>,
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Args, String> {
    let mut kind = None;
    let mut rows = 10_000;
    let mut seed = DEFAULT_SEED;
    let mut out = None;
    let mut faults = None;
    while let Some(flag) = args.next() {
        if flag == "-h" || flag == "--help" {
            return Err(USAGE.to_owned());
        }
        let value = args
            .next()
            .ok_or_else(|| format!("{flag} needs a value\n{USAGE}"))?;
        match flag.as_str() {
            "--kind" => {
                kind = Some(
                    Corpus::from_name(&value)
                        .ok_or_else(|| format!("unknown kind `{value}`\n{USAGE}"))?,
                );
            }
            "--rows" => {
                rows = value
                    .replace('_', "")
                    .parse()
                    .map_err(|_| format!("--rows: not a number: `{value}`"))?;
            }
            "--seed" => {
                seed =
                    parse_seed(&value).ok_or_else(|| format!("--seed: not a number: `{value}`"))?;
            }
            "--out" => out = Some(value),
            "--faults" => faults = Some(value),
            other => return Err(format!("unknown option `{other}`\n{USAGE}")),
        }
    }
    Ok(Args {
        kind: kind.ok_or_else(|| format!("--kind is required\n{USAGE}"))?,
        rows,
        seed,
        out,
        faults,
    })
}

/// A decimal or `0x`-prefixed hexadecimal seed.
fn parse_seed(value: &str) -> Option<u64> {
    let value = value.replace('_', "");
    match value.strip_prefix("0x") {
        Some(hex) => u64::from_str_radix(hex, 16).ok(),
        None => value.parse().ok(),
    }
}

fn create(path: &str) -> Result<BufWriter<File>, String> {
    File::create(path)
        .map(BufWriter::new)
        .map_err(|e| format!("cannot create {path}: {e}"))
}

fn run(args: &Args) -> Result<(), String> {
    let rows = generate(args.kind, args.rows, args.seed);
    let pairs: Vec<_> = rows.iter().map(|r| r.pairs.clone()).collect();
    let written = match &args.out {
        Some(path) => write_csv(args.kind, &pairs, create(path)?),
        None => write_csv(args.kind, &pairs, BufWriter::new(io::stdout().lock())),
    };
    written.map_err(|e| format!("cannot write the corpus: {e}"))?;
    if let Some(path) = &args.faults {
        write_faults_csv(&rows, create(path)?).map_err(|e| format!("cannot write {path}: {e}"))?;
    }
    let faulty = rows.iter().filter(|r| !r.is_valid()).count();
    let _ = writeln!(
        io::stderr(),
        "gen_corpus: {} {} rows (seed {:#x}), {faulty} with intentional errors",
        args.rows,
        args.kind.record_kind().name(),
        args.seed
    );
    Ok(())
}

fn main() -> ExitCode {
    match parse_args(std::env::args().skip(1)).and_then(|args| run(&args)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            let _ = writeln!(io::stderr(), "{message}");
            ExitCode::from(2)
        }
    }
}
