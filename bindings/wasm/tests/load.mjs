// The package as Node loads it (pkg/node, built by ../build.sh), and the shared vectors.
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = join(here, "..", "..", "..");
const require = createRequire(import.meta.url);

/** The Node build of the npm package `unilogin` (the form module), loaded through the
 * package's `main`. */
export const unilogin = require(join(here, "..", "pkg"));

/** The Node build of `unilogin/account` (passwords, resets, expiry, provisioning, login help,
 * onboarding), the file the package's `./account` export names for Node. */
export const account = require(join(here, "..", "pkg", "node", "unilogin_account.js"));

/** A vector file from tests/vectors/, checked for its version. */
export function vectors(name) {
  const doc = JSON.parse(readFileSync(join(repoRoot, "tests", "vectors", name), "utf8"));
  if (doc.version !== undefined && doc.version !== 1) {
    throw new Error(`${name}: unexpected vector version ${doc.version}`);
  }
  return doc;
}

/** Calls `fn` and returns what it throws (fails when it does not throw). */
export function thrown(fn) {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error("expected an exception");
}
