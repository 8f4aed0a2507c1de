//! The export reader: arbitrary bytes as CSV and as JSON Lines for every record kind. Rows are
//! numbered from 0 without gaps, the summary counts what was handed over, reading in batches
//! (as the command's checking threads do) gives the same rows, summary and error, and the CSV
//! reader alone never yields a record without fields.
#![no_main]

use std::ops::ControlFlow;

use libfuzzer_sys::fuzz_target;
use unilogin::export::{check_reader, CsvReader, ExportChecker, ExportRow, ReportSummary, Syntax};
use unilogin::{Lang, RecordKind, ValidationPolicy};

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let kind = RecordKind::ALL[usize::from(first) % RecordKind::ALL.len()];
    let syntax = if first & 0x10 == 0 {
        Syntax::Csv
    } else {
        Syntax::JsonLines
    };
    let mut rows = 0;
    let mut problems = 0;
    let mut seen: Vec<ExportRow> = Vec::new();
    let result = check_reader(rest, syntax, kind, &ValidationPolicy::STIL, |row| {
        assert_eq!(row.index, rows);
        rows += 1;
        problems += row.problems.len();
        seen.push(row);
        ControlFlow::Continue(())
    });
    if let Ok(mut checker) = ExportChecker::new(rest, syntax, kind, &ValidationPolicy::STIL) {
        let size = usize::from(first >> 5) + 1;
        let row_checker = checker.row_checker();
        let mut batched = Vec::new();
        let outcome = loop {
            match checker.next_batch(size) {
                Ok(Some(batch)) => {
                    let (rows, error) = row_checker.check(batch);
                    for row in rows {
                        checker.record(&row);
                        batched.push(row);
                    }
                    if let Some(error) = error {
                        break Err(error);
                    }
                }
                Ok(None) => break Ok(checker.finish()),
                Err(error) => break Err(error),
            }
        };
        assert_eq!(batched, seen);
        assert_eq!(&outcome, &result);
    }
    if let Ok(summary) = result {
        assert!(summary.complete);
        assert_eq!(summary.rows, rows);
        assert_eq!(summary.problems, problems);
        assert_eq!(
            summary.problems_by_type.values().sum::<usize>(),
            summary.problems
        );
        let _ = serde_json::to_string(&ReportSummary::new(&summary, false, Lang::Da));
    }
    if let Ok(mut reader) = CsvReader::new(rest) {
        let mut last = reader.header_line();
        while let Ok(Some(record)) = reader.next_record() {
            assert!(!record.is_empty());
            assert!(record.line() > last);
            last = record.line();
            assert_eq!(record.iter().count(), record.len());
        }
    }
});
