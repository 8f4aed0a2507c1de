// The shared export vectors (tests/vectors/export/) through the checker module the checker page
// loads (pkg/checker/), fed as the page's worker feeds it: the file in chunks of a few bytes,
// each pushed and drained. The Rust and Python suites read the same cases.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { initSync, ExportSession, formatOf } from "../pkg/checker/unilogin_checker.js";
import { bytesOf, checkExportResult, checkFormatError, exportCases } from "./export_vectors.mjs";

const here = dirname(fileURLToPath(import.meta.url));
initSync({ module: readFileSync(join(here, "..", "pkg", "checker", "unilogin_checker_bg.wasm")) });

function run(c, lang, chunk) {
  const session = new ExportSession(c.kind, c.syntax, lang, 0);
  const bytes = bytesOf(c);
  const problems = [];
  for (let at = 0; at < bytes.length; at += chunk) {
    session.push(bytes.subarray(at, at + chunk));
    problems.push(...JSON.parse(session.drain()));
  }
  session.end();
  problems.push(...JSON.parse(session.drain()));
  const report = JSON.parse(session.report());
  const rows = session.rows;
  session.free();
  return { problems, report, rows };
}

for (const { file, c, exists } of exportCases()) {
  // A file the user picked always exists: the missing-file case is the command's alone.
  const missing = !exists && !JSON.parse(formatOf(c.path, "en")).error;
  test(`${file}: ${c.name}`, { skip: missing && "a picked file always exists" }, () => {
    if (c.syntax === undefined) {
      // The format comes from the name, as the page's worker asks the module.
      const format = JSON.parse(formatOf(c.path, "en"));
      if (format.error) {
        checkFormatError(c, format.error);
        return;
      }
      c.syntax = format.format;
    }
    const result = run(c, "en", 7);
    checkExportResult(c, result);
    // Pushed whole, the file gives the same.
    assert.deepEqual(run(c, "en", bytesOf(c).length || 1).problems, result.problems);
  });
}
