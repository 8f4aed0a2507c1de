//! The hostile whole files of `export.json` through the core's export report: the report, on
//! one checking thread and on two, gives each case's verdict and what it expects.

use std::io::Cursor;

use unilogin::export::{ExportOptions, ExportReport, ExportSource, Syntax};
use unilogin::{Lang, RecordKind};

mod check;

/// One case through the core: the report on one and on two checking threads.
fn run(case: &serde_json::Value) {
    let label = check::name(case);
    let kind = RecordKind::from_name(case["kind"].as_str().unwrap()).unwrap();
    let syntax = Syntax::from_name(check::extension(case)).unwrap();
    let content = check::content(case);
    let reports: Vec<serde_json::Value> = [1, 2]
        .into_iter()
        .map(|jobs| {
            let source = ExportSource::Reader {
                reader: Box::new(Cursor::new(content.clone())),
                syntax,
            };
            let options = ExportOptions {
                lang: Lang::En,
                jobs,
                ..ExportOptions::default()
            };
            serde_json::to_value(ExportReport::check(source, kind, &options)).unwrap()
        })
        .collect();
    assert_eq!(reports[0], reports[1], "{label}: the same on two threads");
    check::check_report(case, &reports[0], check::verdict(&reports[0]));
}

#[test]
fn hostile_export_files() {
    check::run_all(&super::cases("export"), run);
}
