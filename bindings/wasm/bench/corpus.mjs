// Validates the benchmark corpus of the Rust benches (gen_corpus, default seed: the first 1,000
// institution-number requests) through the package, in Node and in headless Chromium, and
// prints the time per request. `make wasm-bench`; writes artifacts/wasm-bench.json.
//
//   node bench/corpus.mjs [--rows N] [--runs N]
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { serve } from "../examples/form/server.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..");
const repo = join(root, "..", "..");
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const ROWS = arg("--rows", 1000);
const RUNS = arg("--runs", 15);

/** RFC 4180 CSV (quotes, doubled quotes, commas and line breaks inside quotes). */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") { row.push(field); field = ""; }
    else if (c === "\n") { row.push(field); rows.push(row); row = []; field = ""; }
    else if (c !== "\r") field += c;
  }
  if (field !== "" || row.length > 0) { row.push(field); rows.push(row); }
  const [header, ...data] = rows;
  return data.map((values) => Object.fromEntries(header.map((h, i) => [h, values[i] ?? ""])));
}

const csv = join(repo, "target", "wasm-bench", `requests-${ROWS}.csv`);
if (!existsSync(csv)) {
  mkdirSync(dirname(csv), { recursive: true });
  execFileSync("cargo", ["run", "-q", "--release", "-p", "unilogin-benches", "--bin", "gen_corpus",
    "--", "--kind", "request", "--rows", String(ROWS), "--out", csv], { cwd: repo, stdio: "inherit" });
}
const records = parseCsv(readFileSync(csv, "utf8"));

/** Runs inside Node or the page: ns per request for each of `runs` passes over the corpus. */
function measure(u, records, runs) {
  let problems = 0;
  for (const r of records) problems += u.validateRequest(r, "da").problems.length;
  const perRequest = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    for (const r of records) u.validateRequest(r, "da");
    perRequest.push(((performance.now() - start) * 1e6) / records.length);
  }
  perRequest.sort((a, b) => a - b);
  return { problems, best_ns: perRequest[0], median_ns: perRequest[runs >> 1] };
}

const require = createRequire(import.meta.url);
const node = measure(require(join(root, "pkg")), records, RUNS);

const server = await serve(0);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
let chrome;
try {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  chrome = await page.evaluate(async ([records, runs, source]) => {
    const u = await import("/pkg/unilogin.js");
    await u.default();
    // eslint-disable-next-line no-new-func
    return new Function("u", "records", "runs", `return (${source})(u, records, runs);`)(u, records, runs);
  }, [records, RUNS, measure.toString()]);
} finally {
  await browser.close();
  server.close();
}

const result = { rows: records.length, runs: RUNS, node, chromium: chrome, load: (await import("node:os")).loadavg()[0] };
mkdirSync(join(root, "artifacts"), { recursive: true });
writeFileSync(join(root, "artifacts", "wasm-bench.json"), `${JSON.stringify(result, null, 2)}\n`);
for (const [name, m] of [["Node", node], ["Chromium", chrome]]) {
  console.log(`${name.padEnd(9)} ${records.length} requests (${m.problems} problems): `
    + `best ${(m.best_ns / 1000).toFixed(2)} µs, median ${(m.median_ns / 1000).toFixed(2)} µs per request, `
    + `${Math.round(1e9 / m.median_ns).toLocaleString("en")} requests/s`);
}
