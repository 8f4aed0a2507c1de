// The form API: shapes, languages, thrown errors, the catalogue against docs/errors.md.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { unilogin as u, account as acc, repoRoot, thrown } from "./load.mjs";

const VALID = {
  cvr: "DK-13585628",
  p_number: "1029829825",
  institution_name: "Børnehuset Mælkebøtten",
  street: "Nørregade",
  house_number: "12b",
  postal_code: "1165",
  city: "København K",
  municipality: "Koebenhavns Kommune",
  email: "kontakt@maelkeboetten.dk",
  phone: "+45 33 66 33 66",
  legal_basis: "privat",
  institution_type: "6012",
};

test("a valid request comes back canonical", () => {
  const result = u.validateRequest(VALID);
  assert.equal(result.ok, true);
  assert.deepEqual(result.problems, []);
  assert.equal(result.value.cvr, "13585628");
  assert.equal(result.value.municipality, "København");
  assert.equal(result.value.institution_type, 6012);
});

test("messages in Danish by default and in English on request", () => {
  const record = { ...VALID, cvr: "13585627" };
  const [da] = u.validateRequest(record).problems;
  const [en] = u.validateRequest(record, "en-GB").problems;
  assert.equal(da.msg, "CVR-nummeret 13585627 er ugyldigt (kontrolcifferet passer ikke)");
  assert.equal(en.msg, "CVR number 13585627 is invalid (its check digit does not match)");
  assert.deepEqual({ ...da, msg: "" }, { ...en, msg: "" });
  assert.deepEqual(da, {
    type: "cvr_checksum", loc: ["cvr"], msg: da.msg, input: "13585627", ctx: { cvr: "13585627" },
  });
  assert.deepEqual(u.validateRequest(record, null), u.validateRequest(record, "da"));
});

test("one field with the request's rules", () => {
  assert.deepEqual(u.validateField("phone", "+45 3366 3366"), {
    key: "phone", ok: true, value: "33 66 33 66", problems: [],
  });
  assert.equal(u.validateField("institution_type", "børnehave").value, 6011);
  assert.equal(u.validateField("cvr", 24256790).value, "24256790");
  const stk4 = u.validateField("legal_basis", "§ 19, stk. 4", "en");
  assert.equal(stk4.ok, false);
  assert.equal(stk4.problems[0].type, "legal_basis_not_accepted");
  assert.equal(stk4.problems[0].ctx.stk, 4);
  const absent = u.validateField("email", undefined);
  assert.deepEqual(absent.problems[0], {
    type: "missing", loc: ["email"], msg: "Feltet skal udfyldes", input: null, ctx: {},
  });
  assert.equal(u.validateField("email", "  ").problems[0].input, "  ");
  assert.equal(u.validateField("municipality", "Kobenhvn", "en").problems[0].msg,
    "Unknown municipality; did you mean København?");
});

test("municipality search folds Danish letters and honours the limit", () => {
  assert.deepEqual(u.searchMunicipalities("hoje"), [{ code: 169, name: "Høje-Taastrup" }]);
  assert.deepEqual(u.searchMunicipalities("Høje"), u.searchMunicipalities("hoeje"));
  assert.deepEqual(u.searchMunicipalities("ærø"), u.searchMunicipalities("aeroe"));
  assert.deepEqual(u.searchMunicipalities("Ærø").map((m) => m.name), ["Ærø"]);
  assert.equal(u.searchMunicipalities("s").length, 10);
  assert.equal(u.searchMunicipalities("s", 3).length, 3);
  assert.equal(u.searchMunicipalities("s", 2.9).length, 2);
  assert.equal(u.searchMunicipalities("s", 1e9).length, u.searchMunicipalities("s", 98).length);
  assert.deepEqual(u.searchMunicipalities(""), []);
  assert.equal(thrown(() => u.searchMunicipalities("s", -1)).code, "invalid_argument");
});

test("phone numbers are formatted or refused with the problem", () => {
  assert.equal(u.formatPhone("0045 33-66-33-66"), "33 66 33 66");
  const error = thrown(() => u.formatPhone("33663366 / 40404040", "en"));
  assert.ok(error instanceof Error);
  assert.equal(error.code, "phone_multiple");
  assert.equal(error.type, "phone_multiple");
  assert.equal(error.message, "Give one phone number, not several");
  assert.deepEqual(error.loc, []);
  assert.equal(error.input, "33663366 / 40404040");
  assert.deepEqual(error.ctx, {});
});

test("internationalised email addresses, and their ASCII form", () => {
  // Issue 13 item 6: real register rows.
  assert.equal(u.parseValue("email", "sb@taastrup.Børnegalaxen.dk"), "sb@taastrup.børnegalaxen.dk");
  assert.equal(u.parseValue("email_ascii", "sb@taastrup.børnegalaxen.dk"), "sb@taastrup.xn--brnegalaxen-ggb.dk");
  assert.equal(u.parseValue("email", "sb@taastrup.xn--brnegalaxen-ggb.dk"), "sb@taastrup.børnegalaxen.dk");
  const error = thrown(() => u.parseValue("email", "ø".repeat(33) + "@b.dk", "en"));
  assert.equal(error.code, "email_local_part_too_long");
  assert.deepEqual(error.ctx, { max_length: 64, actual_length: 66 });
});

test("the password checklist", () => {
  const report = acc.checkPassword("qzx7", { group: "mellemtrin" }, "en");
  assert.equal(report.ok, false);
  assert.deepEqual(report.rules.map((r) => [r.rule, r.status]), [
    ["length", "not_met"], ["lowercase", "not_applicable"], ["uppercase", "not_applicable"],
    ["digit", "not_applicable"], ["characters", "met"], ["no_name", "not_checked"],
    ["no_season", "met"], ["not_common", "met"], ["not_recent", "not_checked"],
  ]);
  assert.equal(report.complete, false);
  const given = acc.checkPassword("qzx7", { group: "mellemtrin", names: ["Ida Ågård"], history: [] }, "en");
  assert.deepEqual(given.rules.filter((r) => r.status === "not_checked"), []);
  assert.equal(given.complete, true);
  assert.equal(report.rules[0].label, "Between 8 and 24 characters");
  assert.deepEqual(report.violations, [
    { type: "password_too_short", msg: "The password must be at least 8 characters long", ctx: { min_length: 8 } },
  ]);
  const refused = thrown(() => acc.checkPassword("Hestesko-Bilvask-12", { group: "indskoling" }));
  assert.equal(refused.code, "password_not_choosable");
  assert.deepEqual(refused.loc, ["password"]);
  assert.equal(refused.input, null);
  const policy = thrown(() => acc.checkPassword("x", { group: "parent", policy: { min_lenght: 1 } }));
  assert.equal(policy.code, "json_invalid");
  for (const options of [{ group: "teacher" }, { group: "parent", history: ["md5$x"] }, { grop: "parent" }, null, "parent"]) {
    assert.equal(thrown(() => acc.checkPassword("x", options)).code, "invalid_argument", JSON.stringify(options));
  }
});

test("onboarding plans and diagrams", () => {
  const plan = acc.onboardingPlan("Privatinstitution, dagtilbudslovens §19, stk. 5");
  assert.equal(plan.legal_basis, "privat");
  assert.ok(plan.steps.length > 5);
  assert.match(acc.onboardingMermaid("kommunal", "en"), /^flowchart/);
  const stk4 = thrown(() => acc.onboardingPlan("udliciteret", "en"));
  assert.equal(stk4.code, "onboarding_not_covered");
  assert.match(stk4.message, /Contracted-out daycare institution/);
  assert.equal(thrown(() => acc.onboardingPlan("nonsense")).code, "legal_basis_unknown");
});

test("form choices come from the core", () => {
  const da = u.formChoices();
  assert.deepEqual(da.legal_basis.map((c) => c.value), ["kommunal", "selvejet", "privat"]);
  assert.deepEqual(da.institution_type.map((c) => c.value), ["6010", "6011", "6012"]);
  assert.equal(da.user_group.length, 6);
  for (const c of da.legal_basis) assert.equal(u.validateField("legal_basis", c.value).ok, true);
  for (const c of da.institution_type) assert.equal(u.validateField("institution_type", c.value).ok, true);
  assert.notDeepEqual(u.formChoices("en"), da);
});

test("wrong arguments throw a TypeError with code invalid_argument", () => {
  const cases = [
    () => u.validateRequest("cvr=1"),
    () => u.validateRequest([]),
    () => u.validateRequest(undefined),
    () => u.validateRequest({}, "sv"),
    () => u.validateRecord("school", {}),
    () => u.validateField("nope", "1"),
    () => u.validateField(1, "1"),
    () => u.parseValue("iban", "1"),
    () => u.parseValue("cvr", 13585628),
    () => u.recordKeys(),
    () => u.formatPhone(33663366),
    () => u.validateRequest({ cvr: 1n }),
  ];
  for (const call of cases) {
    const error = thrown(call);
    assert.ok(error instanceof TypeError, String(call));
    assert.equal(error.code, "invalid_argument", String(call));
  }
});

test("the error catalogue equals docs/errors.md and covers every vector type", () => {
  const catalogue = u.errorCatalogue();
  const doc = readFileSync(join(repoRoot, "docs", "errors.md"), "utf8");
  const table = doc.split("<!-- catalogue:start -->")[1].split("<!-- catalogue:end -->")[0];
  const rows = table.split("\n").filter((l) => l.startsWith("| `"));
  assert.deepEqual(catalogue.map((e) => e.type), rows.map((l) => l.split("`")[1]));
  for (const [i, e] of catalogue.entries()) {
    const ctx = e.ctx.map((c) => `\`${c}\``).join(", ");
    assert.equal(rows[i], `| \`${e.type}\` | ${ctx} | ${e.da} | ${e.en} |`);
  }
  // Every type the package can emit is catalogued (and documented); types seen in the vectors
  // are all known.
  const known = new Set(catalogue.map((e) => e.type));
  const seen = new Set();
  const walk = (v) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object") {
      for (const [k, x] of Object.entries(v)) (k === "type" && typeof x === "string" ? seen.add(x) : walk(x));
    }
  };
  for (const f of ["identifiers", "requests", "register", "users", "passwords"]) {
    walk(JSON.parse(readFileSync(join(repoRoot, "tests", "vectors", `${f}.json`), "utf8")));
  }
  for (const t of seen) assert.ok(known.has(t), t);
});

test("assignPassword: a picture password for indskoling, words and a number for the older", () => {
  const pictures = acc.assignPassword("indskoling", { names: ["Ida Ågård"] }, "en");
  assert.equal(pictures.kind, "pictures");
  assert.equal(pictures.pictures.length, 4);
  assert.equal(pictures.shown.split(" ").length, 4);
  const text = acc.assignPassword("udskoling", { names: ["Søren Kierkegaard"] });
  assert.equal(text.kind, "text");
  assert.equal(text.shown, text.text);
  // The assigned password passes the group's own checklist.
  assert.ok(acc.checkPassword(text.text, { group: "udskoling", names: ["Søren Kierkegaard"] }).ok);
  // Drawn afresh each time from the browser's CSPRNG.
  const many = new Set(Array.from({ length: 20 }, () => acc.assignPassword("mellemtrin").text));
  assert.ok(many.size > 15, `${many.size} distinct of 20`);
  assert.equal(thrown(() => acc.assignPassword("teacher")).code, "invalid_argument");
  assert.equal(thrown(() => acc.assignPassword("parent", { nmes: [] })).code, "invalid_argument");
  assert.equal(thrown(() => acc.assignPassword("parent", { policy: { min_length: "8" } })).code, "json_invalid");
});

test("hashPassword: an Argon2id history entry checkPassword refuses to reuse", () => {
  const stored = acc.hashPassword("Hestesko-Bilvask-12");
  assert.match(stored, /^\$argon2id\$/);
  assert.notEqual(stored, acc.hashPassword("Hestesko-Bilvask-12"), "a fresh salt each time");
  const reused = acc.checkPassword("Hestesko-Bilvask-12", { group: "udskoling", history: [stored] }, "en");
  assert.equal(reused.ok, false);
  assert.deepEqual(reused.violations.map((v) => v.type), ["password_reused"]);
  assert.ok(acc.checkPassword("Hestesko-Bilvask-13", { group: "udskoling", history: [stored] }).ok);
  assert.equal(thrown(() => acc.hashPassword(12345678)).code, "invalid_argument");
});

test("passwordExpiry and provisioningEstimate: bad arguments are typed errors", () => {
  assert.equal(thrown(() => acc.passwordExpiry("yesterday", { group: "employee" })).code, "json_invalid");
  assert.equal(thrown(() => acc.passwordExpiry("2025-09-01T10:00:00Z", {})).code, "invalid_argument");
  assert.equal(thrown(() => acc.passwordExpiry("2025-09-01T10:00:00Z", { grade: 5 })).code, "invalid_argument");
  assert.equal(thrown(() => acc.passwordExpiry("2025-09-01T10:00:00Z", { grade: 11, on: "2026-01-05" })).code, "grade_range");
  assert.equal(thrown(() => acc.passwordExpiry("2025-09-01T10:00:00Z", { group: "employee", grup: 1 })).code, "invalid_argument");
  assert.equal(thrown(() => acc.passwordExpiry("2025-09-01T10:00:00Z", { group: "employee" }, { at: "soon" })).code, "json_invalid");
  const employee = acc.passwordExpiry("2025-09-01T10:00:00Z", { group: "employee" }, { at: "2026-08-20T00:00:00Z" });
  assert.deepEqual([employee.reason, employee.status], ["yearly", "warn"]);
  assert.equal(thrown(() => acc.provisioningEstimate("2025-01-15")).code, "json_invalid");
  assert.equal(thrown(() => acc.provisioningEstimate("2025-01-15T09:00:00Z", { schedul: [] })).code, "invalid_argument");
  const estimate = acc.provisioningEstimate("2025-01-15T09:00:00Z", undefined, "en");
  assert.equal(estimate.status, undefined, "no status without `at`");
  assert.match(estimate.summary, /02:00/);
});
