//! Runs the shared export vectors in `tests/vectors/export/` against `unilogin::export`.

#![cfg(test)]

use std::ops::ControlFlow;
use std::path::PathBuf;

use serde_json::{json, Value};
use unilogin::export::{self, ExportError, ExportRow, ExportSummary, ReportSummary, Syntax};
use unilogin::{Lang, RecordKind, ValidationPolicy};

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/vectors/export")
}

fn hex(text: &str) -> Vec<u8> {
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&text[i..i + 2], 16).unwrap())
        .collect()
}

/// The input bytes of a case.
fn input(case: &Value) -> Vec<u8> {
    let mut bytes = match (case.get("input"), case.get("input_hex")) {
        (Some(text), None) => text.as_str().unwrap().as_bytes().to_vec(),
        (None, Some(h)) => hex(h.as_str().unwrap()),
        other => panic!("a case has input or input_hex: {other:?}"),
    };
    if let Some(repeat) = case.get("input_repeat") {
        let text = repeat["text"].as_str().unwrap();
        let count = usize::try_from(repeat["count"].as_u64().unwrap()).unwrap();
        bytes.extend(text.repeat(count).into_bytes());
    }
    bytes
}

fn run(case: &Value) -> (Vec<ExportRow>, Result<ExportSummary, ExportError>) {
    let kind = RecordKind::from_name(case["kind"].as_str().unwrap()).unwrap();
    let mut rows = Vec::new();
    let on_row = |row| {
        rows.push(row);
        ControlFlow::Continue(())
    };
    let policy = ValidationPolicy::STIL;
    let result = if let Some(path) = case.get("path") {
        export::check_path(&dir().join(path.as_str().unwrap()), kind, &policy, on_row)
    } else {
        let syntax = Syntax::from_name(case["syntax"].as_str().unwrap()).unwrap();
        export::check_reader(&input(case)[..], syntax, kind, &policy, on_row)
    };
    (rows, result)
}

fn check_msg(label: &str, msg: Option<&Value>, render: impl Fn(Lang) -> String) {
    if let Some(msg) = msg {
        assert_eq!(
            render(Lang::Da),
            msg["da"].as_str().unwrap(),
            "{label}: msg da"
        );
        assert_eq!(
            render(Lang::En),
            msg["en"].as_str().unwrap(),
            "{label}: msg en"
        );
    }
}

fn check_case(file: &str, case: &Value) {
    let label = format!("{file}: {}", case["name"]);
    let expect = &case["expect"];
    let (rows, result) = run(case);
    assert_eq!(
        json!(rows.len()),
        expect["rows"],
        "{label}: rows handed over"
    );
    for (i, row) in rows.iter().enumerate() {
        assert_eq!(row.index, i, "{label}: row index");
    }
    match (result, expect.get("error")) {
        (Err(error), Some(want)) => {
            assert_eq!(error.kind().code(), want["type"], "{label}: error type");
            if let Some(line) = want.get("line") {
                assert_eq!(json!(error.line()), *line, "{label}: error line");
            }
            let ctx = serde_json::to_value(error.ctx()).unwrap();
            for (key, value) in want
                .get("ctx")
                .and_then(Value::as_object)
                .into_iter()
                .flatten()
            {
                assert_eq!(&ctx[key], value, "{label}: ctx {key}");
            }
            check_msg(&label, want.get("msg"), |lang| error.message(lang));
            // The error in the shared problem shape.
            let rendered = serde_json::to_value(error.problem().rendered(Lang::En)).unwrap();
            assert_eq!(rendered["type"], want["type"], "{label}");
            assert_eq!(rendered["loc"], json!([]), "{label}");
        }
        (Ok(summary), None) => check_summary(&label, expect, &rows, &summary),
        (got, _) => panic!("{label}: got {got:?}"),
    }
}

fn check_summary(label: &str, expect: &Value, rows: &[ExportRow], summary: &ExportSummary) {
    assert!(summary.complete, "{label}: complete");
    assert_eq!(summary.rows, rows.len(), "{label}: summary rows");
    let json = serde_json::to_value(ReportSummary::new(summary, false, Lang::En)).unwrap();
    assert_eq!(json["max_errors_reached"], false, "{label}");
    for key in [
        "rows_with_problems",
        "problems_by_type",
        "problems_by_municipality",
        "delimiter",
        "encoding",
        "windows_1252_line",
    ] {
        if let Some(want) = expect.get(key) {
            assert_eq!(&json[key], want, "{label}: {key}");
        }
    }
    if let Some(want) = expect.get("problems") {
        let got: Vec<(Value, u64, &unilogin::Problem)> = rows
            .iter()
            .flat_map(|r| r.problems.iter().map(move |p| (json!(p.loc()), r.line, p)))
            .collect();
        let want = want.as_array().unwrap();
        assert_eq!(got.len(), want.len(), "{label}: problems {got:?}");
        for ((loc, line, problem), want) in got.iter().zip(want) {
            assert_eq!(problem.kind().code(), want["type"], "{label}: type");
            assert_eq!(loc, &want["loc"], "{label}: loc");
            assert_eq!(json!(line), want["line"], "{label}: line");
            if let Some(input) = want.get("input") {
                assert_eq!(json!(problem.input()), *input, "{label}: input");
            }
            let ctx = serde_json::to_value(problem.ctx()).unwrap();
            for (key, value) in want
                .get("ctx")
                .and_then(Value::as_object)
                .into_iter()
                .flatten()
            {
                assert_eq!(&ctx[key], value, "{label}: ctx {key}");
            }
        }
        let total: usize = rows.iter().map(|r| r.problems.len()).sum();
        assert_eq!(summary.problems, total, "{label}: problem count");
    }
    if let Some(want) = expect.get("unknown_columns") {
        let want = want.as_array().unwrap();
        let got = &summary.unknown_columns;
        assert_eq!(got.len(), want.len(), "{label}: unknown columns {got:?}");
        for (column, want) in got.iter().zip(want) {
            let warning = column.warning();
            assert_eq!(warning.kind().code(), want["type"], "{label}");
            assert_eq!(column.column, want["column"], "{label}");
            assert_eq!(json!(column.suggestion), want["suggestion"], "{label}");
            for key in ["position", "line"] {
                if let Some(value) = want.get(key) {
                    let got = if key == "position" {
                        json!(column.position)
                    } else {
                        json!(column.line)
                    };
                    assert_eq!(&got, value, "{label}: {key}");
                }
            }
            check_msg(label, want.get("msg"), |lang| warning.message(lang));
        }
        // The report's summary gives each warning's message.
        let shown: Vec<&Value> = json["unknown_columns"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| &c["msg"])
            .collect();
        let messages: Vec<Value> = got
            .iter()
            .map(|c| json!(c.warning().message(Lang::En)))
            .collect();
        assert_eq!(shown, messages.iter().collect::<Vec<_>>(), "{label}");
    }
}

#[test]
fn export_vectors() {
    let mut count = 0;
    for file in ["csv.json", "encoding.json", "jsonl.json"] {
        let text = std::fs::read_to_string(dir().join(file)).unwrap();
        let doc: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(doc["version"], 1);
        for case in doc["cases"].as_array().unwrap() {
            check_case(file, case);
            count += 1;
        }
    }
    assert!(count >= 20, "{count} cases");
}

#[test]
fn stopping_early_leaves_the_summary_incomplete() {
    let file = "cvr\n13585627\n13585627\n13585627\n";
    let mut seen = 0;
    let summary = export::check_reader(
        file.as_bytes(),
        Syntax::Csv,
        RecordKind::Request,
        &ValidationPolicy::STIL,
        |_| {
            seen += 1;
            if seen == 2 {
                ControlFlow::Break(())
            } else {
                ControlFlow::Continue(())
            }
        },
    )
    .unwrap();
    assert_eq!((seen, summary.rows, summary.complete), (2, 2, false));
}

#[test]
fn the_policy_is_applied() {
    let file = "cvr;pNummer\n13585628;1029829824\n";
    let count = |policy: &ValidationPolicy| {
        let summary = export::check_reader(
            file.as_bytes(),
            Syntax::Csv,
            RecordKind::Register,
            policy,
            |_| ControlFlow::Continue(()),
        )
        .unwrap();
        summary
            .problems_by_type
            .get(&unilogin::ErrorType::PNumberChecksum)
            .copied()
    };
    assert_eq!(count(&ValidationPolicy::STIL), Some(1));
    assert_eq!(
        count(&ValidationPolicy::STIL.with_p_number_checksum(false)),
        None
    );
}

/// The rows and the outcome of reading a case in batches of `size`, checking every batch.
fn run_in_batches(
    case: &Value,
    size: usize,
) -> (Vec<ExportRow>, Result<ExportSummary, ExportError>) {
    let kind = RecordKind::from_name(case["kind"].as_str().unwrap()).unwrap();
    let syntax = Syntax::from_name(case["syntax"].as_str().unwrap()).unwrap();
    let bytes = input(case);
    let mut checker =
        match export::ExportChecker::new(&bytes[..], syntax, kind, &ValidationPolicy::STIL) {
            Ok(checker) => checker,
            Err(error) => return (Vec::new(), Err(error)),
        };
    let row_checker = checker.row_checker();
    let mut rows = Vec::new();
    loop {
        match checker.next_batch(size) {
            Ok(Some(batch)) => {
                assert!(!batch.is_empty() && batch.len() <= size);
                let (batch_rows, error) = row_checker.check(batch);
                for row in batch_rows {
                    checker.record(&row);
                    rows.push(row);
                }
                if let Some(error) = error {
                    return (rows, Err(error));
                }
            }
            Ok(None) => return (rows, Ok(checker.finish())),
            Err(error) => return (rows, Err(error)),
        }
    }
}

#[test]
fn batches_give_the_same_rows_summary_and_errors() {
    for file in ["csv.json", "encoding.json", "jsonl.json"] {
        let text = std::fs::read_to_string(dir().join(file)).unwrap();
        let doc: Value = serde_json::from_str(&text).unwrap();
        for case in doc["cases"].as_array().unwrap() {
            if case.get("path").is_some() {
                continue;
            }
            let (rows, result) = run(case);
            for size in [1, 2, 1000] {
                let label = format!("{file}: {} in batches of {size}", case["name"]);
                let (batch_rows, batch_result) = run_in_batches(case, size);
                assert_eq!(batch_rows, rows, "{label}");
                match (&result, &batch_result) {
                    (Ok(a), Ok(b)) => assert_eq!(a, b, "{label}"),
                    (Err(a), Err(b)) => assert_eq!(a, b, "{label}"),
                    other => panic!("{label}: {other:?}"),
                }
            }
        }
    }
}

/// A checker of the CSV text `file` as `kind` under STIL's rules.
fn csv_checker(file: &str, kind: RecordKind) -> export::ExportChecker<&[u8]> {
    export::ExportChecker::new(file.as_bytes(), Syntax::Csv, kind, &ValidationPolicy::STIL).unwrap()
}

#[test]
fn rows_not_recorded_leave_the_summary_incomplete() {
    let file = "cvr\n13585627\n13585628\n";
    let mut checker = csv_checker(file, RecordKind::Request);
    let row_checker = checker.row_checker();
    let batch = checker.next_batch(10).unwrap().unwrap();
    assert!(checker.next_batch(10).unwrap().is_none());
    let (rows, error) = row_checker.check(batch);
    assert!(error.is_none());
    checker.record(&rows[0]);
    let summary = checker.finish();
    assert_eq!((summary.rows, summary.complete), (1, false));
}

/// The rows and the outcome of `check_all` on `bytes` with `jobs` threads.
fn run_all(
    bytes: &[u8],
    syntax: Syntax,
    kind: RecordKind,
    jobs: usize,
) -> (Vec<ExportRow>, Result<ExportSummary, ExportError>) {
    let mut checker = match export::ExportChecker::new(bytes, syntax, kind, &ValidationPolicy::STIL)
    {
        Ok(checker) => checker,
        Err(error) => return (Vec::new(), Err(error)),
    };
    let mut rows = Vec::new();
    let end = checker.check_all(jobs, |row| {
        rows.push(row);
        ControlFlow::<()>::Continue(())
    });
    match end {
        Ok(None) => (rows, Ok(checker.finish())),
        Ok(Some(())) => unreachable!("never breaks"),
        Err(error) => (rows, Err(error)),
    }
}

#[test]
fn checking_on_threads_gives_the_same_rows_summary_and_errors() {
    let mut cases: Vec<(String, Vec<u8>, Syntax, RecordKind)> = Vec::new();
    for file in ["csv.json", "encoding.json", "jsonl.json"] {
        let text = std::fs::read_to_string(dir().join(file)).unwrap();
        let doc: Value = serde_json::from_str(&text).unwrap();
        for case in doc["cases"].as_array().unwrap() {
            if case.get("path").is_none() {
                let kind = RecordKind::from_name(case["kind"].as_str().unwrap()).unwrap();
                let syntax = Syntax::from_name(case["syntax"].as_str().unwrap()).unwrap();
                cases.push((
                    format!("{file}: {}", case["name"]),
                    input(case),
                    syntax,
                    kind,
                ));
            }
        }
    }
    // Many batches: the example register export repeated, with a Windows-1252 row late in the
    // file, then the same with a ragged row after many batches.
    let example = std::fs::read(dir().join("../../../examples/register.csv")).unwrap();
    let (header, body) = example.split_at(example.iter().position(|&b| b == b'\n').unwrap() + 1);
    let mut big = header.to_vec();
    for i in 0..1500 {
        big.extend_from_slice(body);
        if i == 1400 {
            big.extend_from_slice(&body[..body.iter().position(|&b| b == b'\n').unwrap()]);
            big.extend_from_slice(b"\xd8\n");
        }
    }
    let mut ragged = big.clone();
    ragged.extend_from_slice(b"G18062;Solsikken\n");
    ragged.extend_from_slice(body);
    for (name, bytes) in [("big", big), ("ragged", ragged)] {
        cases.push((name.to_owned(), bytes, Syntax::Csv, RecordKind::Register));
    }
    for (label, bytes, syntax, kind) in &cases {
        let (rows, result) = run_all(bytes, *syntax, *kind, 1);
        for jobs in [2, 3, 8] {
            let (threaded_rows, threaded) = run_all(bytes, *syntax, *kind, jobs);
            assert_eq!(threaded_rows, rows, "{label} on {jobs} threads");
            match (&result, &threaded) {
                (Ok(a), Ok(b)) => assert_eq!(a, b, "{label} on {jobs} threads"),
                (Err(a), Err(b)) => assert_eq!(a, b, "{label} on {jobs} threads"),
                other => panic!("{label} on {jobs} threads: {other:?}"),
            }
        }
        if label.as_str() == "big" {
            assert!(rows.len() > 15_000, "{}", rows.len());
            assert_eq!(
                result.as_ref().unwrap().encoding,
                export::Encoding::Windows1252
            );
        }
        if label.as_str() == "ragged" {
            assert_eq!(result.as_ref().unwrap_err().kind().code(), "csv_row_length");
        }
    }
}

#[test]
fn checking_on_threads_stops_where_the_caller_stops() {
    let mut file = String::from("cvr\n");
    for i in 0..10_000 {
        file.push_str(if i % 3 == 0 {
            "13585627\n"
        } else {
            "13585628\n"
        });
    }
    let mut checker = csv_checker(&file, RecordKind::Request);
    let mut seen = 0;
    let end = checker.check_all(2, |row| {
        seen += 1;
        if row.index == 4321 {
            ControlFlow::Break(row.index)
        } else {
            ControlFlow::Continue(())
        }
    });
    assert_eq!(end.unwrap(), Some(4321));
    assert_eq!(seen, 4322);
    // The checker read ahead on threads: it reads nothing more.
    assert!(checker.next_row().unwrap().is_none());
    let summary = checker.finish();
    assert_eq!((summary.rows, summary.complete), (4322, false));
}

#[test]
fn stopping_at_the_last_row_gives_the_same_summary_on_any_number_of_threads() {
    let mut file = String::from("cvr;pNummer\n");
    for _ in 0..3000 {
        file.push_str("13585628;1029829825\n");
    }
    let summaries: Vec<ExportSummary> = [1, 2, 4]
        .into_iter()
        .map(|jobs| {
            let mut checker = csv_checker(&file, RecordKind::Register);
            let end = checker.check_all(jobs, |row| {
                if row.index == 2999 {
                    ControlFlow::Break(())
                } else {
                    ControlFlow::Continue(())
                }
            });
            assert_eq!(end.unwrap(), Some(()), "{jobs}");
            assert!(checker.next_row().unwrap().is_none(), "{jobs}");
            checker.finish()
        })
        .collect();
    assert_eq!((summaries[0].rows, summaries[0].complete), (3000, false));
    assert_eq!(summaries[0].lines, 3001);
    assert!(
        summaries.iter().all(|s| *s == summaries[0]),
        "{summaries:?}"
    );
}

#[test]
fn batches_of_long_rows_end_early() {
    let long = "x".repeat(100_000);
    let mut file = String::from("cvr;dagtilbudsNavn\n");
    for _ in 0..20 {
        file.push_str("13585628;");
        file.push_str(&long);
        file.push('\n');
    }
    let mut checker = csv_checker(&file, RecordKind::Register);
    let sizes: Vec<usize> = std::iter::from_fn(|| checker.next_batch(1000).unwrap())
        .map(|batch| batch.len())
        .collect();
    // Each batch ends at the row that takes it past MAX_BATCH_BYTES.
    let per_batch = export::MAX_BATCH_BYTES.div_ceil(100_009);
    assert_eq!(sizes.iter().sum::<usize>(), 20);
    assert!(sizes.iter().all(|&n| n <= per_batch), "{sizes:?}");
}
