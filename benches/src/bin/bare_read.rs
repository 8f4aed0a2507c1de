//! The reading half of `unilogin validate` alone, for the benchmark in `benches/cli/`: reads a
//! CSV file with the core's `CsvReader` (the same code the command uses: delimiter detection,
//! quoting, UTF-8 or Windows-1252 decoding) and counts records, fields and field bytes, without
//! validating anything.
//!
//! ```text
//! cargo run --release -p unilogin-benches --bin bare_read -- FILE
//! ```

use std::process::ExitCode;

use unilogin::export::{self, CsvReader};

fn main() -> ExitCode {
    let Some(path) = std::env::args_os().nth(1) else {
        eprintln!("usage: bare_read FILE");
        return ExitCode::from(2);
    };
    let result = export::open(std::path::Path::new(&path)).and_then(|file| {
        let mut reader = CsvReader::new(file)?;
        let (mut records, mut fields, mut bytes) = (0_u64, 0_u64, 0_u64);
        while let Some(record) = reader.next_record()? {
            records += 1;
            for field in record.iter() {
                fields += 1;
                bytes += u64::try_from(field.len()).unwrap_or(0);
            }
        }
        Ok((records, fields, bytes))
    });
    match result {
        Ok((records, fields, bytes)) => {
            println!("{records} records, {fields} fields, {bytes} bytes of text");
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("bare_read: {error} [{}]", error.kind());
            ExitCode::from(2)
        }
    }
}
