// The export checker page's speed (issue 16): a register export of 1,000,000 rows (gen_corpus,
// default seed, the corpus of the Rust and Python benches) picked on the page in headless
// Chromium and checked to the end, side by side in one run with the command on the same file
// on one thread (`unilogin validate --jobs 1 --format json`). Prints rows per second and the
// ratio; `make wasm-bench-checker`; writes artifacts/checker-bench.json. A benchmark, not a
// test: nothing here is asserted but that both found the same problems.
//
//   node bench/checker.mjs [--rows N] [--runs N]
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { serve } from "../examples/checker/server.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..");
const repo = join(root, "..", "..");
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const ROWS = arg("--rows", 1_000_000);
const RUNS = arg("--runs", 3);

const data = join(repo, "benches", "python", "data");
const corpus = join(data, `register-${ROWS}.csv`);
if (!existsSync(corpus)) {
  mkdirSync(data, { recursive: true });
  execFileSync("cargo", ["run", "-q", "--release", "-p", "unilogin-benches", "--bin", "gen_corpus", "--",
    "--kind", "register", "--rows", String(ROWS), "--out", corpus], { cwd: repo, stdio: "inherit" });
}
execFileSync("cargo", ["build", "-q", "--release", "--locked", "-p", "unilogin-cli"], { cwd: repo, stdio: "inherit" });
const targetDir = process.env.CARGO_TARGET_DIR ?? join(repo, "target");
const cli = join(targetDir, "release", "unilogin");

function command() {
  const start = process.hrtime.bigint();
  const run = spawnSync(cli, ["validate", "--jobs", "1", "--format", "json", "--kind", "register", corpus],
    { encoding: "utf-8", maxBuffer: 1024 * 1024 * 1024 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const report = JSON.parse(run.stdout);
  return { seconds, rows: report.summary.rows, problems: report.problems.length };
}

const server = await serve(0);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const chromiumVersion = browser.version();
const page = await browser.newPage();
await page.goto(`http://127.0.0.1:${server.address().port}/`);
await page.waitForSelector('html[data-ready="true"]', { timeout: 30000 });
await page.selectOption("#kind", "register");

async function browserRun() {
  await page.setInputFiles("#file", []);
  await page.evaluate(() => delete document.documentElement.dataset.state);
  const start = process.hrtime.bigint();
  await page.setInputFiles("#file", corpus);
  await page.waitForSelector('html[data-state="done"]', { timeout: 600000 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const totals = await page.evaluate(() => Object.fromEntries(
    [...document.querySelectorAll("[data-total]")].map((n) => [n.dataset.total, Number(n.dataset.value)])));
  return { seconds, rows: totals.rows, problems: totals.problems };
}

const results = { page: [], command: [] };
for (let i = 0; i < RUNS; i++) {
  results.command.push(command());
  results.page.push(await browserRun());
}
await browser.close();
server.close();

const best = (runs) => runs.reduce((a, b) => (a.seconds <= b.seconds ? a : b));
const page1 = best(results.page);
const cmd1 = best(results.command);
if (page1.rows !== cmd1.rows || page1.problems !== cmd1.problems) {
  throw new Error(`the page and the command disagree: ${JSON.stringify({ page1, cmd1 })}`);
}
const summary = {
  rows: ROWS,
  runs: RUNS,
  chromium: chromiumVersion,
  page: { seconds: page1.seconds, rows_per_second: page1.rows / page1.seconds },
  command_one_thread: { seconds: cmd1.seconds, rows_per_second: cmd1.rows / cmd1.seconds },
  ratio: (page1.rows / page1.seconds) / (cmd1.rows / cmd1.seconds),
  problems: page1.problems,
};
console.log(`${ROWS.toLocaleString("en")} register rows, ${page1.problems.toLocaleString("en")} problems, best of ${RUNS}`);
console.log(`checker page (Chromium): ${page1.seconds.toFixed(2)} s, ${Math.round(summary.page.rows_per_second).toLocaleString("en")} rows/s`);
console.log(`command, one thread:     ${cmd1.seconds.toFixed(2)} s, ${Math.round(summary.command_one_thread.rows_per_second).toLocaleString("en")} rows/s`);
console.log(`page / command: ${summary.ratio.toFixed(2)} (target ≥ 0.5)`);
mkdirSync(join(repo, "artifacts"), { recursive: true });
writeFileSync(join(repo, "artifacts", "checker-bench.json"), JSON.stringify(summary, null, 2));
