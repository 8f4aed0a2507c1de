// The shared export vectors (tests/vectors/export/) through the checker module the checker page
// loads (pkg/checker/), fed as the page's worker feeds it: the file in chunks of a few bytes,
// each pushed and drained. The Rust and Python suites read the same cases.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { existsSync } from "node:fs";
import { initSync, ExportSession, formatOf } from "../pkg/checker/unilogin_checker.js";

const here = dirname(fileURLToPath(import.meta.url));
const vectors = join(here, "..", "..", "..", "tests", "vectors", "export");
initSync({ module: readFileSync(join(here, "..", "pkg", "checker", "unilogin_checker_bg.wasm")) });

/** The bytes of a case: its text, its hex, a repeated tail, or its file. */
function bytesOf(c) {
  let bytes;
  if (c.path) bytes = readFileSync(join(vectors, c.path));
  else if (c.input_hex !== undefined) bytes = Buffer.from(c.input_hex.replace(/\s+/g, ""), "hex");
  else bytes = Buffer.from(c.input, "utf-8");
  if (c.input_repeat) {
    bytes = Buffer.concat([bytes, Buffer.from(c.input_repeat.text.repeat(c.input_repeat.count), "utf-8")]);
  }
  return new Uint8Array(bytes);
}

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

for (const file of ["csv.json", "jsonl.json", "encoding.json"]) {
  const { cases } = JSON.parse(readFileSync(join(vectors, file), "utf-8"));
  for (const c of cases) {
    // A file the user picked always exists: the missing-file case is the command's alone.
    const missing = c.path !== undefined && !existsSync(join(vectors, c.path)) &&
      !JSON.parse(formatOf(c.path, "en")).error;
    test(`${file}: ${c.name}`, { skip: missing && "a picked file always exists" }, () => {
      const expect = c.expect;
      if (c.syntax === undefined) {
        // The format comes from the name, as the page's worker asks the module.
        const format = JSON.parse(formatOf(c.path, "en"));
        if (format.error) {
          assert.equal(format.error.type, expect.error.type);
          assert.equal(format.error.msg, expect.error.msg.en);
          return;
        }
        c.syntax = format.format;
      }
      const { problems, report } = run(c, "en", 7);
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
      // Pushed whole, the file gives the same.
      assert.deepEqual(run(c, "en", bytesOf(c).length || 1).problems, problems);
    });
  }
}
