// The npm package as a user installs it (issue 14): `make dist-test` runs this with the tarball
// `npm pack` made (dist/unilogin-VERSION.tgz). It checks the tarball's files, installs it into a
// fresh temporary project (offline: the package has no dependencies), runs the README's
// JavaScript tour there as an ES module, loads the package with `require` as CommonJS code
// does, type-checks a TypeScript file against the installed declarations under Node's and
// bundlers' module resolution, and bundles a page with esbuild (the browser build, found through
// the package's "exports") that it opens in headless Chromium (CHROMIUM, default
// /usr/bin/chromium), asserting that the page works and asks for nothing but its own two files.
//
// Usage: node bindings/wasm/smoke/installed.mjs dist/unilogin-VERSION.tgz
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const wasmDir = join(here, "..");
const repoRoot = join(wasmDir, "..", "..");

function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, encoding: "utf8" });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(" ")} (in ${cwd}) exited ${result.status}:\n${result.stdout}${result.stderr}`);
  }
  return result.stdout;
}

const tarball = resolve(process.argv[2] ?? "");
const cargo = readFileSync(join(repoRoot, "Cargo.toml"), "utf8");
const version = cargo.split("[workspace.package]")[1].match(/^version = "([^"]+)"/m)[1];
assert.ok(tarball.endsWith(`unilogin-${version}.tgz`), `${tarball} is not unilogin ${version}`);

// The tarball's files: both builds, the declarations, the README and both licences.
const files = new Set(run("tar", ["-tzf", tarball], repoRoot).split("\n").filter(Boolean));
for (const name of [
  "package.json", "README.md", "LICENSE-MIT", "LICENSE-APACHE",
  "web/unilogin.js", "web/unilogin_bg.wasm", "web/unilogin.d.ts",
  "node/unilogin.js", "node/unilogin_bg.wasm", "node/unilogin.d.ts", "node/package.json",
  // The account module, `unilogin/account` (issue 16).
  "web/unilogin_account.js", "web/unilogin_account_bg.wasm", "web/unilogin_account.d.ts",
  "node/unilogin_account.js", "node/unilogin_account_bg.wasm", "node/unilogin_account.d.ts",
  // The export checker page and its module (issue 16).
  "checker/index.html", "checker/app.js", "checker/worker.js", "checker/report.js", "checker/style.css",
  "checker/unilogin_checker.js", "checker/unilogin_checker_bg.wasm",
]) {
  assert.ok(files.has(`package/${name}`), `the tarball lacks ${name}`);
}
assert.ok(![...files].some((f) => f.includes(".stamp") || f.includes("/tests/")), [...files].join("\n"));

const project = mkdtempSync(join(tmpdir(), "unilogin-npm-"));
try {
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "smoke", private: true, type: "module" }));
  run("npm", ["install", "--offline", "--no-audit", "--no-fund", "--ignore-scripts", tarball], project);
  const installed = JSON.parse(readFileSync(join(project, "node_modules", "unilogin", "package.json"), "utf8"));
  assert.equal(installed.version, version);

  // The README's tour, as an ES module importing "unilogin".
  const readme = readFileSync(join(repoRoot, "README.md"), "utf8");
  const tour = readme.split("<!-- tour:js:start -->")[1].split("<!-- tour:js:end -->")[0];
  const [snippet] = [...tour.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]);
  writeFileSync(join(project, "tour.mjs"), snippet);
  run(process.execPath, ["tour.mjs"], project);

  // CommonJS: `require("unilogin")` gets the Node build.
  writeFileSync(
    join(project, "require.cjs"),
    `const assert = require("node:assert/strict");
const unilogin = require("unilogin");
assert.equal(unilogin.validateField("cvr", "DK 1358 5628").value, "13585628");
assert.equal(unilogin.validateField("cvr", "13585627").problems[0].type, "cvr_checksum");
const account = require("unilogin/account");
assert.equal(account.checkResetCode("482-915").code, "482915");
assert.equal(account.assignPassword("indskoling").kind, "pictures");
`,
  );
  run(process.execPath, ["require.cjs"], project);

  // TypeScript: the declarations resolve through "exports" under both resolutions.
  writeFileSync(
    join(project, "usage.ts"),
    `import { validateField, validateRequest } from "unilogin";
import { checkResetCode, type ResetCode } from "unilogin/account";
const field = validateField("phone", "+45 3366 3366");
const request = validateRequest({ cvr: "13585628" }, "en");
const ok: boolean = request.ok;
const code: ResetCode = checkResetCode("482 915");
export { field, ok, code };
`,
  );
  const tsc = join(wasmDir, "node_modules", ".bin", "tsc");
  for (const [module, resolution] of [["Node16", "Node16"], ["ESNext", "Bundler"]]) {
    run(tsc, ["--strict", "--noEmit", "--skipLibCheck", "false", "--target", "ES2022",
      "--module", module, "--moduleResolution", resolution, "usage.ts"], project);
  }
  await bundledPage(project);
  console.log(`installed.mjs: unilogin ${version} installs from ${tarball} and works in Node (ESM, CommonJS, TypeScript) and bundled by esbuild in Chromium`);
} finally {
  rmSync(project, { recursive: true, force: true });
}

/** Bundles a page importing "unilogin" and "unilogin/account" with esbuild and checks it in Chromium. */
async function bundledPage(project) {
  writeFileSync(
    join(project, "page.mjs"),
    `import init, { validateField, validateRequest } from "unilogin";
import initAccount, { checkResetCode } from "unilogin/account";
await Promise.all([init(), initAccount()]);
const request = validateRequest({ cvr: "13585627" }, "en");
document.body.dataset.result = JSON.stringify({
  cvr: validateField("cvr", "DK 1358 5628").value,
  code: checkResetCode("7kqm 2xwd", "crockford8").grouped,
  first: request.problems[0].type,
  msg: request.problems[0].msg,
});
`,
  );
  const out = join(project, "site");
  const esbuild = join(wasmDir, "node_modules", ".bin", "esbuild");
  run(esbuild, ["page.mjs", "--bundle", "--format=esm", "--platform=browser", `--outfile=${join(out, "page.js")}`], project);
  // esbuild keeps `new URL("unilogin_bg.wasm", import.meta.url)`: the module goes beside the bundle.
  for (const wasm of ["unilogin_bg.wasm", "unilogin_account_bg.wasm"]) {
    copyFileSync(join(project, "node_modules", "unilogin", "web", wasm), join(out, wasm));
  }
  writeFileSync(join(out, "index.html"), '<!doctype html><html lang="en"><body><script type="module" src="page.js"></script></body></html>');
  const types = { ".html": "text/html", ".js": "text/javascript", ".wasm": "application/wasm" };
  const server = createServer((req, res) => {
    const name = req.url === "/" ? "index.html" : req.url.slice(1);
    try {
      const body = readFileSync(join(out, name));
      res.writeHead(200, { "content-type": types[name.slice(name.lastIndexOf("."))] ?? "application/octet-stream" });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((done) => server.listen(0, "127.0.0.1", done));
  const { chromium } = await import(join(wasmDir, "node_modules", "playwright-core", "index.mjs"));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
  });
  try {
    const page = await browser.newPage();
    const requests = [];
    const errors = [];
    page.on("request", (r) => requests.push(new URL(r.url()).pathname));
    page.on("pageerror", (e) => errors.push(e.message));
    const origin = `http://127.0.0.1:${server.address().port}`;
    await page.goto(`${origin}/`);
    await page.waitForSelector("body[data-result]", { state: "attached", timeout: 30000 });
    const result = JSON.parse(await page.evaluate(() => document.body.dataset.result));
    assert.deepEqual(errors, []);
    assert.deepEqual(result, {
      cvr: "13585628",
      code: "7KQM-2XWD",
      first: "cvr_checksum",
      msg: "CVR number 13585627 is invalid (its check digit does not match)",
    });
    assert.deepEqual(requests.sort(), ["/", "/page.js", "/unilogin_account_bg.wasm", "/unilogin_bg.wasm"]);
  } finally {
    await browser.close();
    server.close();
  }
}
