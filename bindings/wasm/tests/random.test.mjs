// Arbitrary strings and objects fed to every export: each call returns or throws an `Error`
// carrying `.code`, never traps (a trap, a `WebAssembly.RuntimeError`, would poison the module
// for the page), and the module keeps answering correctly afterwards.
//
// Deterministic: UNILOGIN_FUZZ_SEED and UNILOGIN_FUZZ_CALLS choose the run (the seed is printed
// when a call fails).
import { test } from "node:test";
import assert from "node:assert/strict";
import { unilogin, account } from "./load.mjs";

// Both modules' exports, by name (the names do not overlap).
const u = Object.fromEntries(
  [unilogin, account].flatMap((m) => Object.entries(m).filter(([, f]) => typeof f === "function")),
);

const SEED = Number(process.env.UNILOGIN_FUZZ_SEED ?? 20261128);
const CALLS = Number(process.env.UNILOGIN_FUZZ_CALLS ?? 20000);

/** xorshift32: small, seedable, good enough to pick test inputs. */
function rng(seed) {
  let s = seed >>> 0 || 1;
  const next = () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 2 ** 32;
  };
  const int = (n) => Math.floor(next() * n);
  const pick = (items) => items[int(items.length)];
  return { next, int, pick };
}

const KEYS = [
  "cvr", "p_number", "institution_name", "street", "house_number", "postal_code", "city",
  "municipality", "email", "phone", "legal_basis", "institution_type", "CVR", "pNummer",
  "kommuneKode_Tekst", "rolle", "cpr", "fornavn", "group", "names", "history", "policy",
  "__proto__", "constructor", "toString", "",
];
const SNIPPETS = [
  "13585628", "13585627", "DK-1358 5628", "1029829825", "G18062", "A12345", "Høje-Taastrup",
  "hoje", "Koebenhavns Kommune", "Christiansø", "411", "+45 33 66 33 66", "33663366 / 40404040",
  "kontakt@maelkeboetten.dk", "a@b", "1165", "0700", "12b", "12-14", "§ 19, stk. 4", "stk. 5",
  "kommunal", "privat", "6012", "6013", "Vuggestue", "udskoling", "indskoling", "sha256$00$00",
  "Hestesko-Bilvask-12", "sommer", "password", "æøåÆØÅ", "ß", "İ", "\u0000", "\n", "\t", "\r\n",
  "\u00a0", "\u202f", "\ufeff", "\ud800", "\udfff", "\ud83d\ude00", "😀", "{", "}", "{cvr}", "%s",
  "$", "\\", "\"", "'", "<script>", "null", "undefined", "NaN", "-0", "1e309", " ", "",
];

function randomString(r) {
  const parts = [];
  const n = r.int(6);
  for (let i = 0; i < n; i++) {
    switch (r.int(4)) {
      case 0:
        parts.push(r.pick(SNIPPETS));
        break;
      case 1:
        parts.push(String.fromCharCode(...Array.from({ length: r.int(8) }, () => r.int(0x80))));
        break;
      case 2:
        parts.push(String.fromCharCode(...Array.from({ length: r.int(8) }, () => r.int(0x10000))));
        break;
      default:
        parts.push(String(r.int(10 ** (1 + r.int(12)))));
    }
  }
  let s = parts.join(r.pick(["", " ", "-", ".", ","]));
  if (r.int(200) === 0) s = s.repeat(1 + r.int(20000)); // long inputs, now and then
  return s;
}

function cyclic() {
  const o = { cvr: "13585628" };
  o.self = o;
  return o;
}

function deep(depth) {
  let v = [];
  for (let i = 0; i < depth; i++) v = [v];
  return v;
}

function hostile(r) {
  return r.pick([
    () => cyclic(),
    () => ({ get cvr() { throw new Error("getter"); } }),
    () => ({ toJSON() { throw new Error("toJSON"); } }),
    () => ({ toJSON: () => r.pick([1, "x", null, [], undefined]) }),
    () => new Proxy({}, { ownKeys() { throw new Error("proxy"); } }),
    () => new Proxy({ cvr: "13585628" }, { get() { return 1n; } }),
    () => ({ cvr: 10n }),
    () => deep(r.pick([50, 127, 128, 129, 1000, 100000])),
    () => new Map([["cvr", "13585628"]]),
    () => new Date(r.int(2 ** 40)),
    () => Object.create(null),
    () => [1, "2", { a: 3 }],
    () => new Uint8Array(r.int(64)),
    () => Symbol("s"),
    () => () => "function",
    () => new Error("an error"),
    () => ({ group: r.pick(["udskoling", "parent", "nope", 3]), names: r.pick([[], ["Ib"], "Ib", [1]]),
      history: r.pick([[], ["x"], null, [{}]]), policy: r.pick([{}, { min_length: -1 }, [], null, { x: 1 }]) }),
  ])();
}

function randomValue(r, depth = 0) {
  switch (r.int(depth > 2 ? 6 : 9)) {
    case 0:
    case 1:
      return randomString(r);
    case 2:
      return r.pick([0, -0, 1, -1, 0.5, 8, 98, 99, 1e21, 2 ** 53 + 1, NaN, Infinity, -Infinity, 24256790, r.next() * 1e9]);
    case 3:
      return r.pick([true, false, null, undefined]);
    case 4:
      return r.pick(["da", "en", "da-DK", "en-GB", "sv", "EN", "request", "register", "user"]);
    case 5:
      return r.pick(SNIPPETS);
    case 6: {
      const o = {};
      const n = r.int(14);
      for (let i = 0; i < n; i++) {
        // Own properties, even `__proto__`.
        Object.defineProperty(o, r.pick(KEYS), {
          value: randomValue(r, depth + 1), enumerable: true, writable: true, configurable: true,
        });
      }
      return o;
    }
    case 7:
      return Array.from({ length: r.int(4) }, () => randomValue(r, depth + 1));
    default:
      return hostile(r);
  }
}

const exportsOf = (m) => Object.keys(m).filter((k) => typeof m[k] === "function" && k !== "initSync").sort();

test("every export is covered", () => {
  assert.deepEqual(exportsOf(unilogin), [
    "errorCatalogue", "formChoices", "formatPhone", "parseValue", "recordKeys",
    "searchMunicipalities", "validateField", "validateRecord", "validateRequest",
  ]);
  assert.deepEqual(exportsOf(account), [
    "assignPassword", "checkPassword", "checkResetCode", "hashPassword", "loginGuide", "loginHelp",
    "onboardingMermaid", "onboardingPlan", "passwordExpiry", "provisioningEstimate",
  ]);
});

test(`random arguments never trap (seed ${SEED}, ${CALLS} calls)`, () => {
  const r = rng(SEED);
  const exports = Object.keys(u).filter((k) => typeof u[k] === "function");
  const counts = { returned: 0, threw: 0 };
  for (let i = 0; i < CALLS; i++) {
    const name = r.pick(exports);
    const args = Array.from({ length: r.int(5) }, () => randomValue(r));
    // Half the time, the first argument is of a sensible kind for the export.
    if (r.int(2) === 0) {
      if (["validateRecord", "recordKeys"].includes(name)) args[0] = r.pick(["request", "register", "user"]);
      if (name === "validateField") args[0] = r.pick(KEYS.slice(0, 12));
      if (name === "parseValue") args[0] = r.pick(["cvr", "p_number", "municipality", "phone", "legal_basis_accepted", "email"]);
      if (name === "checkPassword") args[1] = { group: r.pick(["udskoling", "mellemtrin", "indskoling", "parent"]), names: [randomString(r)] };
      if (name === "loginGuide") args[0] = r.pick(["activation", "forgotten_password", "login_failed", "change_password"]);
      if (["loginGuide", "loginHelp"].includes(name)) {
        args[1] = { role: r.pick(["elev", "parent", "medarbejder", randomString(r)]), grade: r.pick(["3", 8, null, randomString(r)]),
          has_own_mitid: r.pick([true, false]), age: r.pick([null, 14, 15, -1, 300]) };
      }
      if (name === "loginHelp") args[0] = r.pick(["Ingen adgang", "Forkert brugernavn eller adgangskode", randomString(r)]);
      if (name === "assignPassword") args[0] = r.pick(["udskoling", "mellemtrin", "indskoling", "parent", randomString(r)]);
      if (name === "passwordExpiry") {
        args[0] = r.pick(["2025-09-01T10:00:00Z", randomString(r)]);
        args[1] = r.pick([{ group: "employee" }, { grade: r.int(12), on: "2026-01-05" }, { role: randomValue(r) }]);
      }
      if (name === "provisioningEstimate") {
        args[0] = r.pick(["2025-01-15T09:00:00Z", randomString(r)]);
        args[1] = { schedule: r.pick([["02:00"], [randomString(r)], undefined]), at: r.pick(["2025-01-16T01:00:00Z", randomString(r)]) };
      }
      if (name === "checkResetCode") args[1] = r.pick(["digits6", "crockford8", randomString(r)]);
    }
    let result;
    try {
      result = u[name](...args);
      counts.returned++;
    } catch (error) {
      counts.threw++;
      const where = `seed ${SEED}, call ${i}: ${name}`;
      assert.ok(error instanceof Error, `${where} threw a non-Error ${String(error)}`);
      assert.ok(!(error instanceof WebAssembly.RuntimeError), `${where} trapped: ${error.message}`);
      assert.equal(typeof error.code, "string", `${where} threw without .code: ${error.message}`);
      if (error.code === "invalid_argument") {
        assert.ok(error instanceof TypeError, where);
      } else {
        assert.equal(error.type, error.code, where);
        assert.equal(error.message, error.msg, where);
        assert.ok(Array.isArray(error.loc), where);
      }
    }
    if (result !== undefined) JSON.stringify(result); // plain data, serialisable
    if (i % 500 === 0) {
      assert.equal(u.validateField("cvr", "13585628").ok, true, "the module still answers");
    }
  }
  assert.ok(counts.returned > CALLS / 10 && counts.threw > CALLS / 10, JSON.stringify(counts));
  assert.equal(u.formatPhone("+45 3366-3366"), "33 66 33 66");
  assert.deepEqual(u.searchMunicipalities("hoje"), [{ code: 169, name: "Høje-Taastrup" }]);
});
