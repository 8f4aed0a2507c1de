// The export checker page (pkg/checker/, as the npm package ships it) in headless Chromium:
// each file of examples/ picked as a user picks it gives the totals, the bars per type and the
// first rows of the table that `unilogin validate --format json` gives for the same file; no
// request leaves the page after it has loaded; the downloads are the command's Excel CSV and
// the report's JSON; axe-core finds no serious accessibility violation; and the checker module
// stays within its size budget. Artifact (git-ignored): artifacts/checker.png.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { gzipSync } from "node:zlib";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { launchChromium } from "./chromium.mjs";
import { CHECKER, serve } from "../../examples/checker/server.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..", "..", "..");
const artifacts = join(here, "..", "..", "..", "..", "artifacts");
// Issue 16: the checker module (the export reader, loaded only by this page) at most 150 KB
// gzipped.
const CHECKER_GZIP_BYTES = 150 * 1024;

const EXAMPLES = [
  ["register.csv", "register"],
  ["register-windows-1252.csv", "register"],
  ["requests.csv", "request"],
  ["requests.jsonl", "request"],
  ["users.csv", "user"],
];

/** The command's report of `file` checked as `kind`, in `lang`. */
function command(file, kind, lang = "da") {
  const run = spawnSync(
    "cargo",
    ["run", "-q", "--locked", "-p", "unilogin-cli", "--", "validate", "--format", "json", "--kind", kind, "--lang", lang, file],
    { cwd: root, encoding: "utf-8", maxBuffer: 64 * 1024 * 1024 },
  );
  assert.ok(run.stdout, `the command printed nothing: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

let server;
let browser;
let page;
const pageErrors = [];
const requests = [];

before(async () => {
  server = await serve(0);
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1100, height: 1000 }, acceptDownloads: true });
  // Requests from the page and from its worker.
  context.on("request", (request) => requests.push(request.url()));
  page = await context.newPage();
  page.on("pageerror", (error) => pageErrors.push(error.message));
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await page.waitForSelector('html[data-ready="true"]', { timeout: 30000 });
  requests.length = 0; // from here on, nothing may be fetched
});

after(async () => {
  await browser?.close();
  server?.close();
});

/** What the report on `on` shows: totals, bars, the table's rows and the title. */
function shownReport(on) {
  return on.evaluate(() => ({
    totals: Object.fromEntries([...document.querySelectorAll("[data-total]")].map((n) => [n.dataset.total, Number(n.dataset.value)])),
    bars: [...document.querySelectorAll("#chart-type li")].map((li) => [li.dataset.type, Number(li.querySelector("[data-count]").dataset.count)]),
    municipalities: [...document.querySelectorAll("#chart-municipality li")].map((li) => [li.dataset.type, Number(li.querySelector("[data-count]").dataset.count)]),
    rows: [...document.querySelectorAll("#problems tbody tr")].map((tr) => [...tr.children].map((td) => td.textContent)),
    title: document.querySelector("#report-title").textContent,
  }));
}

/** The totals, bars and first table rows the command's JSON report says a page must show. */
function expectedReport(expected) {
  return {
    totals: {
      rows: expected.summary.rows,
      rows_with_problems: expected.summary.rows_with_problems,
      problems: expected.problems.length,
    },
    bars: Object.entries(expected.summary.problems_by_type).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])),
    // The command's problems per municipality, then the rest (Danish page: its label).
    municipalities: (() => {
      const counts = Object.entries(expected.summary.problems_by_municipality)
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], "da"));
      const rest = expected.problems.length - counts.reduce((sum, [, n]) => sum + n, 0);
      return rest > 0 ? [...counts, ["(ingen kendt kommune)", rest]] : counts;
    })(),
    rows: expected.problems.slice(0, 100).map((p) => [
      String(p.loc[0]), String(p.line), p.loc.slice(1).join("."), p.msg, p.input ?? "",
    ]),
  };
}

async function check(name, kind = "", on = page, folder = join(root, "examples")) {
  await on.selectOption("#kind", kind);
  await on.waitForSelector('html[data-state="done"], html:not([data-state])');
  await on.evaluate(() => delete document.documentElement.dataset.state);
  await on.setInputFiles("#file", []); // so that picking the same file again is a change
  await on.setInputFiles("#file", join(folder, name));
  await on.waitForSelector('html[data-state="done"]', { timeout: 30000 });
  return shownReport(on);
}

for (const [name, kind] of EXAMPLES) {
  test(`${name}: the page's report is the command's`, async () => {
    const expected = command(join(root, "examples", name), kind);
    // The kind is read off the header.
    const { title, ...shown } = await check(name);
    assert.ok(title.endsWith(`(${kind})`), title);
    assert.deepEqual(shown, expectedReport(expected));
  });
}

test("a roster's CPR numbers are masked in the table", async () => {
  const shown = await check("users.csv", "user");
  const roster = readFileSync(join(root, "examples", "users.csv"), "utf-8");
  const cprs = [...roster.matchAll(/\b\d{6}-\d{4}\b/g)].map((m) => m[0]);
  assert.ok(cprs.length > 0);
  const text = JSON.stringify(shown.rows);
  for (const cpr of cprs) assert.ok(!text.includes(cpr), cpr);
  assert.ok(shown.rows.some((cells) => /\d{6}-\*{4}/.test(cells[4])), text);
});

test("English messages, filters and the kind chosen by hand", async () => {
  await page.click('button[name="lang"][value="en"]');
  await page.waitForSelector('html[data-state="done"]');
  const shown = await check("register.csv", "register");
  const expected = command(join(root, "examples", "register.csv"), "register", "en");
  assert.deepEqual(shown.rows.map((r) => r[3]), expected.problems.map((p) => p.msg));
  await page.selectOption("#filter-type", "phone_multiple");
  const filtered = await page.$$eval("#problems tbody tr", (rows) => rows.map((r) => r.dataset.type));
  assert.deepEqual(filtered, ["phone_multiple"]);
  await page.selectOption("#filter-type", "");
  // A register file checked as a user roster: the core's kind-mismatch error is shown.
  await check("register.csv", "user");
  const error = await page.textContent("#report-error");
  assert.match(error, /looks like a register file/);
  await page.click('button[name="lang"][value="da"]');
  await page.waitForSelector('html[data-state="done"]');
});

test("the downloads are the command's Excel CSV and the report's JSON", async () => {
  await check("register.csv", "register");
  const [csvDownload] = await Promise.all([page.waitForEvent("download"), page.click("#download-csv")]);
  const csv = readFileSync(await csvDownload.path(), "utf-8");
  const run = spawnSync(
    "cargo",
    ["run", "-q", "--locked", "-p", "unilogin-cli", "--", "validate", "--format", "excel-csv", "--kind", "register", join(root, "examples", "register.csv")],
    { cwd: root, encoding: "utf-8" },
  );
  assert.equal(csv, run.stdout);
  assert.ok(csv.startsWith("\ufeffrow;line;field;type;message;input\r\n"));
  const [jsonDownload] = await Promise.all([page.waitForEvent("download"), page.click("#download-json")]);
  const report = JSON.parse(readFileSync(await jsonDownload.path(), "utf-8"));
  const expected = command(join(root, "examples", "register.csv"), "register");
  assert.deepEqual(report, expected);
});

test("the command's HTML report is the same page, self-contained, opened from a file", async () => {
  const file = join(root, "examples", "register.csv");
  const run = spawnSync(
    "cargo",
    ["run", "-q", "--locked", "-p", "unilogin-cli", "--", "validate", "--format", "html", "--kind", "register", file],
    { cwd: root, encoding: "utf-8", maxBuffer: 64 * 1024 * 1024 },
  );
  assert.ok(run.stdout.startsWith("<!doctype html>"), run.stderr);
  mkdirSync(artifacts, { recursive: true });
  const html = join(artifacts, "report.html");
  writeFileSync(html, run.stdout);
  const context = await browser.newContext({ viewport: { width: 1100, height: 1000 }, acceptDownloads: true });
  const fetched = [];
  context.on("request", (request) => fetched.push(request.url()));
  const report = await context.newPage();
  const errors = [];
  report.on("pageerror", (error) => errors.push(error.message));
  report.on("console", (message) => message.type() === "error" && errors.push(message.text()));
  await report.goto(pathToFileURL(html).href);
  await report.waitForSelector('html[data-ready="true"]', { timeout: 30000 });
  const { title, ...shown } = await shownReport(report);
  assert.ok(title.includes("register.csv"), title);
  assert.deepEqual(shown, expectedReport(command(file, "register")));
  assert.equal(await report.isVisible("#drop"), false);
  // Its downloads are the command's, too.
  const [csvDownload] = await Promise.all([report.waitForEvent("download"), report.click("#download-csv")]);
  const excel = spawnSync(
    "cargo",
    ["run", "-q", "--locked", "-p", "unilogin-cli", "--", "validate", "--format", "excel-csv", "--kind", "register", file],
    { cwd: root, encoding: "utf-8" },
  );
  assert.equal(readFileSync(await csvDownload.path(), "utf-8"), excel.stdout);
  assert.deepEqual(fetched.filter((url) => !url.startsWith("file:")), []);
  assert.deepEqual(fetched, [pathToFileURL(html).href]);
  assert.deepEqual(errors, []);
  await report.screenshot({ path: join(artifacts, "report.png"), fullPage: true });
  await context.close();
});

test("markup and formulas in a file stay text in the table and the downloads", async () => {
  const folder = mkdtempSync(join(tmpdir(), "checker-"));
  const hostile = '<img src=x onerror="document.title=\'pwned\'">';
  writeFileSync(join(folder, "hostile.csv"),
    `cvrNummer;pNummer;dagtilbudsNavn\n13585627;=HYPERLINK("http://x");${hostile}\n`);
  const before = await page.title();
  await check("hostile.csv", "register", page, folder);
  assert.equal(await page.$$eval("#problems img", (n) => n.length), 0);
  assert.equal(await page.title(), before);
  const inputs = await page.$$eval("#problems td.input", (cells) => cells.map((c) => c.textContent));
  assert.ok(inputs.includes('=HYPERLINK("http://x")'), JSON.stringify(inputs));
  const [csvDownload] = await Promise.all([page.waitForEvent("download"), page.click("#download-csv")]);
  const csv = readFileSync(await csvDownload.path(), "utf-8");
  assert.ok(csv.includes(`"'=HYPERLINK(""http://x"")"`), csv);
});

test("nothing was fetched after the page had loaded, and no script failed", () => {
  assert.deepEqual(requests.filter((url) => /^https?:/.test(url)), []);
  assert.deepEqual(pageErrors, []);
});

test("axe-core finds no serious or critical accessibility violation", async () => {
  // axe-core is injected as a script, which the page's own policy refuses: a context of its
  // own lets it in.
  const context = await browser.newContext({ viewport: { width: 1100, height: 1000 }, bypassCSP: true });
  const audited = await context.newPage();
  await audited.goto(`http://127.0.0.1:${server.address().port}/`);
  await audited.waitForSelector('html[data-ready="true"]', { timeout: 30000 });
  await check("register.csv", "", audited);
  await audited.addScriptTag({ path: join(here, "..", "..", "node_modules", "axe-core", "axe.min.js") });
  const result = await audited.evaluate(() => globalThis.axe.run(document, { resultTypes: ["violations"] }));
  const serious = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  assert.deepEqual(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`), []);
  mkdirSync(artifacts, { recursive: true });
  await audited.screenshot({ path: join(artifacts, "checker.png"), fullPage: true });
  await context.close();
});

test("the checker module is a module of its own within its budget", () => {
  const wasm = readFileSync(join(CHECKER, "unilogin_checker_bg.wasm"));
  const gzipped = gzipSync(wasm, { level: 9 }).length;
  assert.ok(gzipped <= CHECKER_GZIP_BYTES, `${gzipped} bytes gzipped`);
  // The form module does not carry the export reader.
  const form = readFileSync(join(CHECKER, "..", "web", "unilogin.js"), "utf-8");
  assert.ok(!form.includes("ExportSession"));
});
