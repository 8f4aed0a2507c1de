// tests/vectors/hostile/text.json: invisible characters and CPR numbers outside the cpr field
// (issue 12, items 3 and 8), with the expectations of the core's runner
// (crates/unilogin/tests/hostile/text.rs). The package renders problems with the core's code,
// so every output here must already be masked.
import { test } from "node:test";
import assert from "node:assert/strict";
import { unilogin as u, vectors, thrown } from "./load.mjs";

const cases = vectors("hostile/text.json").cases;

/** Whether `problem.ctx` has every entry of `ctx`. */
function hasCtx(problem, ctx = {}) {
  return Object.entries(ctx).every(([k, v]) => problem.ctx[k] === v);
}

/** No output holds a string the case names as absent. */
function assertAbsent(c, outputs) {
  for (const absent of c.expect.absent ?? []) {
    for (const output of outputs) {
      const text = typeof output === "string" ? output : JSON.stringify(output);
      assert.ok(!text.includes(absent), `${c.name}: ${JSON.stringify(absent)} in ${text}`);
    }
  }
}

test("hostile text: records", () => {
  const records = cases.filter((c) => c.surface === "record");
  assert.ok(records.length > 0);
  for (const c of records) {
    const da = u.validateRecord(c.kind, c.fields, "da");
    const en = u.validateRecord(c.kind, c.fields, "en");
    if (c.expect.valid) {
      assert.deepEqual(da.problems, [], c.name);
      assert.equal(da.ok, true, c.name);
      continue;
    }
    assert.equal(da.ok, false, c.name);
    const types = da.problems.map((p) => p.type);
    for (const want of c.expect.problem_types) {
      assert.ok(types.includes(want), `${c.name}: ${types}`);
    }
    for (const want of c.expect.problems ?? []) {
      assert.ok(
        da.problems.some(
          (p) =>
            p.type === want.type &&
            JSON.stringify(p.loc) === JSON.stringify(want.loc) &&
            hasCtx(p, want.ctx),
        ),
        `${c.name}: ${JSON.stringify(want)} not in ${JSON.stringify(da.problems)}`,
      );
    }
    assertAbsent(c, [da, en]);
  }
});

test("hostile text: values", () => {
  const values = cases.filter((c) => c.surface === "value");
  assert.ok(values.length > 0);
  for (const c of values) {
    const outputs = [];
    for (const lang of ["da", "en"]) {
      const error = thrown(() => u.parseValue(c.value_kind, c.value, lang));
      assert.deepEqual([error.code], c.expect.problem_types, c.name);
      assert.ok(hasCtx(error, c.expect.ctx), `${c.name}: ${JSON.stringify(error.ctx)}`);
      outputs.push(error.message, error.msg, error.input, error.ctx);
    }
    assertAbsent(c, outputs);
  }
});
