// The shared vectors in tests/vectors/, with the expectations of the Rust tests
// (crates/unilogin/tests/vectors.rs, passwords.rs, onboarding.rs).
import { test } from "node:test";
import assert from "node:assert/strict";
import { unilogin as u, account as acc, vectors, thrown } from "./load.mjs";

/** Checks one problem against an expected `{type, loc?, input?, ctx?, msg?}`; `english` is the
 * same problem rendered in English. */
function checkProblem(label, actual, english, expected) {
  assert.equal(actual.type, expected.type, `${label}: type`);
  if ("loc" in expected) assert.deepEqual(actual.loc, expected.loc, `${label}: loc`);
  if ("input" in expected) assert.deepEqual(actual.input, expected.input, `${label}: input`);
  if ("ctx" in expected) assert.deepEqual(actual.ctx, expected.ctx, `${label}: ctx`);
  if ("msg" in expected) {
    assert.equal(actual.msg, expected.msg.da, `${label}: msg da`);
    assert.equal(english.msg, expected.msg.en, `${label}: msg en`);
  }
}

test("identifier vectors", () => {
  const doc = vectors("identifiers.json");
  for (const [i, c] of doc.cases.entries()) {
    const label = `identifiers #${i} ${c.kind} ${JSON.stringify(c.input)}`;
    if ("valid" in c) {
      assert.equal(u.parseValue(c.kind, c.input), c.valid, label);
    } else {
      const da = thrown(() => u.parseValue(c.kind, c.input, "da"));
      const en = thrown(() => u.parseValue(c.kind, c.input, "en"));
      assert.ok(da instanceof Error, label);
      assert.equal(da.code, c.error.type, `${label}: code`);
      assert.equal(da.message, da.msg, `${label}: message`);
      assert.deepEqual(da.loc, [], `${label}: loc`);
      assert.equal(da.input, c.input, `${label}: input`);
      checkProblem(label, da, en, c.error);
    }
  }
});

function recordVectors(file, kind) {
  const doc = vectors(file);
  assert.equal(doc.kind, kind);
  for (const c of doc.cases) {
    const label = `${file}: ${c.name}`;
    // The policy's overrides, and `as_of`: the reference date the record is checked on.
    const policy = c.as_of ? { ...(c.policy ?? {}), as_of: c.as_of } : c.policy;
    const da = u.validateRecord(kind, c.input, "da", policy);
    if ("valid" in c) {
      assert.deepEqual(da.problems, [], label);
      assert.equal(da.ok, true, label);
      assert.deepEqual(da.value, c.valid, label);
    } else {
      const en = u.validateRecord(kind, c.input, "en", policy);
      assert.equal(da.ok, false, label);
      assert.equal(da.value, null, label);
      assert.deepEqual(
        da.problems.map((p) => ({ type: p.type, loc: p.loc })),
        c.errors.map((w) => ({ type: w.type, loc: w.loc })),
        `${label}: type and loc of every problem`,
      );
      c.errors.forEach((w, i) => checkProblem(label, da.problems[i], en.problems[i], w));
    }
  }
}

test("request vectors", () => recordVectors("requests.json", "request"));
test("register vectors", () => recordVectors("register.json", "register"));
test("user vectors", () => recordVectors("users.json", "user"));

test("request vectors through validateRequest and field by field", () => {
  const keys = u.recordKeys("request");
  for (const c of vectors("requests.json").cases) {
    const whole = u.validateRequest(c.input);
    assert.deepEqual(whole, u.validateRecord("request", c.input), c.name);
    // Field by field only where the vector uses canonical keys alone.
    if (!Object.keys(c.input).every((k) => keys.includes(k))) continue;
    // With the address on one line, its parts are not their own fields.
    if ("address" in c.input) continue;
    // Each field alone agrees with the whole request: the same problem at its key (but for
    // the checks that compare two fields), or the value the valid request holds.
    const crossField = ["postal_code_town_mismatch", "address_conflict"];
    for (const key of keys) {
      const field = u.validateField(key, c.input[key]);
      assert.equal(field.key, key);
      const expected = whole.problems.filter(
        (p) => p.loc.length === 1 && p.loc[0] === key && !crossField.includes(p.type),
      );
      assert.deepEqual(field.problems, expected, `${c.name}: ${key}`);
      // A floor or door may come from the house number: compare the fields given.
      if (whole.ok && key in c.input) assert.equal(field.value, whole.value[key], `${c.name}: ${key}`);
    }
  }
});

test("password vectors", () => {
  const doc = vectors("passwords.json");
  assert.ok(doc.cases.length >= 40);
  for (const [i, c] of doc.cases.entries()) {
    const label = `passwords #${i} ${c.name}`;
    const options = { group: c.group, names: c.names, history: c.history };
    if (c.policy) options.policy = c.policy;
    const expect = c.expect;
    if (expect.error) {
      const da = thrown(() => acc.checkPassword(c.password, options, "da"));
      const en = thrown(() => acc.checkPassword(c.password, options, "en"));
      assert.equal(da.code, expect.error.type, `${label}: code`);
      assert.deepEqual(da.loc, ["password"], label);
      assert.equal(da.input, null, `${label}: the password is never echoed`);
      checkProblem(label, da, en, expect.error);
      continue;
    }
    const da = acc.checkPassword(c.password, options, "da");
    const en = acc.checkPassword(c.password, options, "en");
    assert.deepEqual(
      da.violations.map((v) => ({ type: v.type, ctx: v.ctx })),
      expect.violations,
      `${label}: violations`,
    );
    assert.equal(da.ok, expect.violations.length === 0, label);
    assert.deepEqual(
      Object.fromEntries(da.rules.map((r) => [r.rule, r.met])),
      expect.rules,
      `${label}: rules`,
    );
    const statuses = Object.fromEntries(da.rules.map((r) => [r.rule, r.status]));
    for (const [rule, status] of Object.entries(expect.status ?? {})) {
      assert.equal(statuses[rule], status, `${label}: status of ${rule}`);
    }
    if ("complete" in expect) assert.equal(da.complete, expect.complete, `${label}: complete`);
    assert.equal(da.complete, !Object.values(statuses).includes("not_checked"), label);
    if (expect.msg) {
      assert.deepEqual(
        da.violations.map((v, j) => ({ da: v.msg, en: en.violations[j].msg })),
        expect.msg,
        `${label}: messages`,
      );
    }
    if (expect.labels) {
      for (const [tag, report] of [["da", da], ["en", en]]) {
        for (const [rule, text] of Object.entries(expect.labels[tag])) {
          assert.equal(report.rules.find((r) => r.rule === rule).label, text, `${label}: ${rule}`);
        }
      }
    }
    if ([...c.password].length >= 10) {
      assert.ok(!JSON.stringify([da, en]).includes(c.password), `${label}: the password leaks`);
    }
  }
});

test("onboarding plans equal the golden files", () => {
  for (const basis of ["kommunal", "selvejet", "privat"]) {
    assert.deepEqual(acc.onboardingPlan(basis), vectors(`onboarding/${basis}.json`), basis);
  }
});

test("argument vectors: the same bad argument gives the same code as in Rust and Python", () => {
  const calls = {
    onboarding_plan: (a) => acc.onboardingPlan(a.legal_basis),
    check_password: (a) => acc.checkPassword(a.password, {
      group: a.group, ...(a.history ? { history: a.history } : {}), ...(a.policy ? { policy: a.policy } : {}),
    }),
    check_value: (a) => u.parseValue(a.kind, a.value),
    validate_record: (a) => u.validateRecord(a.kind, a.record, a.lang, a.policy),
    record_keys: (a) => u.recordKeys(a.kind),
  };
  for (const c of vectors("arguments.json").cases) {
    const error = thrown(() => calls[c.call](c.args));
    assert.equal(error.code, c.error.code, c.name);
    if (c.error.code === "invalid_argument") {
      assert.ok(error instanceof TypeError, c.name);
      if ("argument" in c.error) assert.equal(error.argument, c.error.argument, c.name);
    } else {
      assert.equal(error.type, c.error.code, c.name);
      assert.deepEqual(error.loc, c.error.loc, c.name);
      assert.deepEqual(error.input, c.error.input, c.name);
    }
  }
});

test("login vectors: loginGuide gives the same steps and helpers as Rust and Python", () => {
  const doc = vectors("login.json");
  for (const c of doc.cases) {
    const options = { ...(c.cause ? { cause: c.cause } : {}), ...(c.policy ? { policy: c.policy } : {}) };
    if ("error" in c) {
      const error = thrown(() => acc.loginGuide(c.guide, c.user, options));
      assert.equal(error.code, c.error.type, c.name);
      continue;
    }
    const guide = acc.loginGuide(c.guide, c.user, options);
    assert.equal(guide.task, c.guide, c.name);
    assert.deepEqual(guide.steps.map((s) => s.id), c.expect.steps, `${c.name}: steps`);
    assert.deepEqual(guide.helpers.map((h) => h.id), c.expect.helpers, `${c.name}: helpers`);
    assert.deepEqual(guide.cannot_help.map((h) => h.id), c.expect.cannot_help, `${c.name}: cannot_help`);
  }
});

test("login message vectors: loginHelp reads the causes of a pasted message", () => {
  for (const c of vectors("login.json").messages) {
    if ("error" in c) {
      const da = thrown(() => acc.loginHelp(c.message, c.user));
      const en = thrown(() => acc.loginHelp(c.message, c.user, undefined, "en"));
      checkProblem(c.name, da, en, c.error);
      assert.equal(da.code, c.error.type, c.name);
      continue;
    }
    const guides = acc.loginHelp(c.message, c.user);
    assert.deepEqual(guides.map((g) => g.cause), c.expect.causes, c.name);
    assert.ok(guides.every((g) => g.task === "login_failed"), c.name);
    if ("steps" in c.expect) assert.deepEqual(guides[0].steps.map((s) => s.id), c.expect.steps, c.name);
    if ("helpers" in c.expect) assert.deepEqual(guides[0].helpers.map((h) => h.id), c.expect.helpers, c.name);
  }
});

test("expiry vectors: passwordExpiry gives the deadlines and statuses of Rust and Python", () => {
  for (const c of vectors("expiry.json").cases) {
    const user = Object.fromEntries(
      ["group", "grade", "role", "on", "band_changed_on"].filter((k) => k in c).map((k) => [k, c[k]]),
    );
    const options = c.policy ? { policy: c.policy } : undefined;
    assert.deepEqual(acc.passwordExpiry(c.last_change, user, options), c.expect, c.name);
    for (const [at, status] of c.status) {
      const expiry = acc.passwordExpiry(new Date(c.last_change), user, { ...options, at: new Date(at) });
      assert.equal(expiry.status, status, `${c.name} at ${at}`);
    }
  }
});

test("provisioning vectors: provisioningEstimate gives the times and statuses of Rust and Python", () => {
  for (const c of vectors("provisioning.json").cases) {
    const options = { already_has_unilogin: c.already_has_unilogin };
    if (c.schedule !== null) options.schedule = c.schedule;
    for (const k of ["typical_hours_after_creation", "latest_hours_after_import"]) {
      if (k in c) options[k] = c[k];
    }
    if ("errors" in c) {
      const da = thrown(() => acc.provisioningEstimate(c.created_at, options, "da"));
      const en = thrown(() => acc.provisioningEstimate(c.created_at, options, "en"));
      assert.equal(da.code, c.errors[0].type, c.name);
      assert.equal(da.problems.length, c.errors.length, c.name);
      for (const [i, want] of c.errors.entries()) {
        checkProblem(`${c.name} #${i}`, da.problems[i], en.problems[i], want);
      }
      continue;
    }
    const estimate = acc.provisioningEstimate(c.created_at, options, "en");
    const e = c.expect;
    assert.equal(estimate.readiness, e.readiness, c.name);
    assert.equal(Date.parse(estimate.typical_ready), Date.parse(e.typical_ready), c.name);
    assert.equal(Date.parse(estimate.latest_ready), Date.parse(e.latest_ready), c.name);
    if (e.next_import === null) {
      assert.equal(estimate.next_import, null, c.name);
    } else {
      assert.equal(Date.parse(estimate.next_import.at), Date.parse(e.next_import), c.name);
      for (const k of ["local", "scheduled", "clock"]) {
        if (k in e) assert.equal(estimate.next_import[k], e[k], `${c.name}: ${k}`);
      }
    }
    assert.equal(typeof estimate.summary, "string");
    for (const { now, status } of c.status_at ?? []) {
      assert.equal(acc.provisioningEstimate(c.created_at, { ...options, at: now }).status, status, `${c.name} at ${now}`);
    }
  }
});

test("reset code vectors: checkResetCode reads a typed code as Rust and Python do", () => {
  for (const c of vectors("reset/codes.json").cases) {
    const label = `${c.format} ${JSON.stringify(c.input)}`;
    if ("code" in c) {
      assert.deepEqual(acc.checkResetCode(c.input, c.format), { code: c.code, grouped: c.grouped }, label);
      continue;
    }
    const da = thrown(() => acc.checkResetCode(c.input, c.format, "da"));
    const en = thrown(() => acc.checkResetCode(c.input, c.format, "en"));
    assert.ok(!(da instanceof TypeError), label);
    assert.equal(da.code, c.error.type, label);
    checkProblem(label, da, en, { ...c.error, loc: [], input: c.input });
  }
  assert.equal(thrown(() => acc.checkResetCode("482915", "digits4")).code, "invalid_argument");
});
