// The hostile state vectors (tests/vectors/hostile/state.json), surface `password`: stored
// password-history entries (Argon2id, the old sha256$ form, hostile Argon2 parameters). The
// `ledger` and `grants` surfaces are not in the WASM package; `needs_rehash` is asserted by the
// core's and Python's runners.
import { test } from "node:test";
import assert from "node:assert/strict";
import { unilogin as u, account as acc, vectors, thrown } from "./load.mjs";

test("hostile password-history entries", () => {
  const cases = vectors("hostile/state.json").cases.filter((c) => c.surface === "password");
  assert.ok(cases.length >= 5);
  for (const c of cases) {
    const options = { group: c.group, history: c.history };
    if (c.expect.error) {
      const e = thrown(() => acc.checkPassword(c.password, options, "en"));
      assert.equal(e.code, c.expect.error, c.name);
      continue;
    }
    const report = acc.checkPassword(c.password, options, "en");
    assert.deepEqual(report.violations.map((v) => v.type), c.expect.problem_types, c.name);
  }
});
