// The README's JavaScript tour (between <!-- tour:js:start --> and <!-- tour:js:end -->) runs as
// written, importing "unilogin" through the package's own package.json (pkg/, the Node build).
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { repoRoot } from "./load.mjs";

test("the README's JavaScript snippet runs", () => {
  const readme = readFileSync(join(repoRoot, "README.md"), "utf8");
  const section = readme.split("<!-- tour:js:start -->")[1]?.split("<!-- tour:js:end -->")[0] ?? "";
  const snippets = [...section.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]);
  assert.equal(snippets.length, 1, "one js snippet in the tour");
  const dir = mkdtempSync(join(tmpdir(), "unilogin-readme-"));
  try {
    mkdirSync(join(dir, "node_modules"));
    symlinkSync(join(repoRoot, "bindings", "wasm", "pkg"), join(dir, "node_modules", "unilogin"), "dir");
    writeFileSync(join(dir, "snippet.mjs"), snippets[0]);
    const run = spawnSync(process.execPath, [join(dir, "snippet.mjs")], { encoding: "utf8" });
    assert.equal(run.status, 0, `${run.stdout}\n${run.stderr}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
