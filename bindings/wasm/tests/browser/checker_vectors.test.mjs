// The shared export vectors (tests/vectors/export/) in Chromium: each case's bytes become a
// `File`, read with `File.stream()` through the checker module the page loads, as the page's
// worker reads a dropped file; the result is checked in Node against the case, as the Node,
// Rust and Python suites check it.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { basename } from "node:path";
import { launchChromium } from "./chromium.mjs";
import { serve } from "../../examples/checker/server.mjs";
import { bytesOf, checkExportResult, checkFormatError, exportCases } from "../export_vectors.mjs";

let server;
let browser;
let page;
const pageErrors = [];

before(async () => {
  server = await serve(0);
  browser = await launchChromium();
  page = await browser.newPage();
  page.on("pageerror", (error) => pageErrors.push(error.message));
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await page.waitForSelector('html[data-ready="true"]', { timeout: 30000 });
  await page.evaluate(async () => {
    const m = await import("./unilogin_checker.js");
    await m.default();
    window.checker = m;
  });
});

after(async () => {
  await browser?.close();
  server?.close();
});

/** The case's bytes as a File named `name`, read in the browser with `File.stream()`. */
function inBrowser(name, bytes, kind, syntax) {
  return page.evaluate(async ({ name, base64, kind, syntax }) => {
    const { ExportSession, formatOf } = window.checker;
    const bytes = Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0));
    const file = new File([bytes], name);
    let format = syntax;
    if (format === null) {
      const chosen = JSON.parse(formatOf(file.name, "en"));
      if (chosen.error) return { formatError: chosen.error };
      format = chosen.format;
    }
    const session = new ExportSession(kind, format, "en", 0);
    const problems = [];
    try {
      const reader = file.stream().getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        session.push(value);
        problems.push(...JSON.parse(session.drain()));
      }
      session.end();
      problems.push(...JSON.parse(session.drain()));
      return { problems, report: JSON.parse(session.report()) };
    } finally {
      session.free();
    }
  }, { name, base64: Buffer.from(bytes).toString("base64"), kind, syntax: syntax ?? null });
}

for (const { file, c, exists } of exportCases()) {
  test(`${file}: ${c.name}`, async (t) => {
    const name = c.path ? basename(c.path) : `case.${c.syntax === "jsonl" ? "jsonl" : "csv"}`;
    const result = await inBrowser(name, exists ? bytesOf(c) : new Uint8Array(), c.kind, c.syntax);
    if (result.formatError) {
      checkFormatError(c, result.formatError);
      return;
    }
    // A file the user picked always exists: the missing-file case is the command's alone.
    if (!exists) return t.skip("a picked file always exists");
    checkExportResult(c, result);
  });
}

test("no page errors", () => {
  assert.deepEqual(pageErrors, []);
});
