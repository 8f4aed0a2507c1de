// tests/vectors/hostile/output.json, surface "password": a violation names the rule it breaks,
// never the part of the password that breaks it (the file's "command" cases run in the
// command's suite).
import { test } from "node:test";
import assert from "node:assert/strict";

import { unilogin as u, account as acc, vectors } from "./load.mjs";

const cases = vectors("hostile/output.json").cases.filter((c) => c.surface === "password");

test("hostile output: password cases name no part of the password", () => {
  assert.ok(cases.length >= 5, `${cases.length} cases`);
  for (const c of cases) {
    const reports = ["da", "en"].map((lang) =>
      acc.checkPassword(c.password, { group: c.group, names: c.names }, lang),
    );
    const types = reports[0].violations.map((v) => v.type);
    for (const wanted of c.expect.problem_types) {
      assert.ok(types.includes(wanted), `${c.name}: ${wanted} not among ${types}`);
    }
    const shown = reports.map((r) => JSON.stringify(r.violations)).join("");
    for (const absent of c.expect.absent) {
      assert.ok(!shown.includes(absent), `${c.name}: ${JSON.stringify(absent)} in ${shown}`);
    }
  }
});
