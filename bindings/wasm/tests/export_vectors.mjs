// The shared export vectors (tests/vectors/export/) as the checker module meets them: the cases,
// their bytes, and the check of a result against a case's expectation. Used by
// checker_vectors.test.mjs (Node) and browser/checker_vectors.test.mjs (Chromium); the Rust and
// Python suites read the same cases.
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
export const vectorDir = join(here, "..", "..", "..", "tests", "vectors", "export");

/** Every case of the export vectors: `{file, c, path}` (`path` the case's file, if any). */
export function exportCases() {
  return ["csv.json", "jsonl.json", "encoding.json"].flatMap((file) => {
    const { cases } = JSON.parse(readFileSync(join(vectorDir, file), "utf-8"));
    return cases.map((c) => ({ file, c, exists: c.path === undefined || existsSync(join(vectorDir, c.path)) }));
  });
}

/** The bytes of a case: its text, its hex, a repeated tail, or its file. */
export function bytesOf(c) {
  let bytes;
  if (c.path) bytes = readFileSync(join(vectorDir, c.path));
  else if (c.input_hex !== undefined) bytes = Buffer.from(c.input_hex.replace(/\s+/g, ""), "hex");
  else bytes = Buffer.from(c.input, "utf-8");
  if (c.input_repeat) {
    bytes = Buffer.concat([bytes, Buffer.from(c.input_repeat.text.repeat(c.input_repeat.count), "utf-8")]);
  }
  return new Uint8Array(bytes);
}

/** Checks a format refusal (`formatOf`'s `{error}`) against the case. */
export function checkFormatError(c, error) {
  assert.equal(error.type, c.expect.error.type);
  assert.equal(error.msg, c.expect.error.msg.en);
}

/** Checks the English `{problems, report}` of a case against its expectation. */
export function checkExportResult(c, { problems, report }) {
  const expect = c.expect;
  if (expect.error) {
    assert.equal(report.error?.type, expect.error.type);
    if (expect.error.line !== undefined) assert.equal(report.error.line, expect.error.line);
    for (const [key, value] of Object.entries(expect.error.ctx ?? {})) {
      assert.deepEqual(report.error.ctx[key], value, key);
    }
    if (expect.error.msg) assert.equal(report.error.msg, expect.error.msg.en);
    return;
  }
  assert.equal(report.error, null);
  const summary = report.summary;
  assert.equal(summary.rows, expect.rows);
  for (const key of ["rows_with_problems", "problems_by_type", "problems_by_municipality", "delimiter", "encoding", "windows_1252_line"]) {
    if (key in expect) assert.deepEqual(summary[key], expect[key], key);
  }
  if (expect.problems) {
    assert.equal(problems.length, expect.problems.length);
    expect.problems.forEach((want, i) => {
      const got = problems[i];
      assert.equal(got.type, want.type);
      assert.deepEqual(got.loc, want.loc);
      assert.equal(got.line, want.line);
      if ("input" in want) assert.equal(got.input, want.input);
      for (const [key, value] of Object.entries(want.ctx ?? {})) assert.deepEqual(got.ctx[key], value, key);
    });
  }
  if (expect.unknown_columns) {
    assert.deepEqual(
      summary.unknown_columns.map((u) => [u.type, u.column, u.suggestion]),
      expect.unknown_columns.map((u) => [u.type, u.column, u.suggestion]),
    );
  }
}
