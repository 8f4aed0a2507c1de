// The npm package as it is packed (issue 14): the workspace's version and both licence texts.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "./load.mjs";

const pkg = join(repoRoot, "bindings", "wasm", "pkg");

test("the package's version is the Rust workspace's", () => {
  const cargo = readFileSync(join(repoRoot, "Cargo.toml"), "utf8");
  const version = cargo.split("[workspace.package]")[1].match(/^version = "([^"]+)"/m)[1];
  const manifest = JSON.parse(readFileSync(join(pkg, "package.json"), "utf8"));
  assert.equal(manifest.version, version);
  assert.equal(manifest.license, "MIT OR Apache-2.0");
});

test("the package holds both licence texts", () => {
  for (const licence of ["LICENSE-MIT", "LICENSE-APACHE"]) {
    const packed = readFileSync(join(pkg, licence), "utf8");
    assert.equal(packed, readFileSync(join(repoRoot, licence), "utf8"), licence);
  }
});
