// The example form (examples/form) in headless Chromium through playwright-core: live Danish
// messages, the English switch, the municipality autocomplete, the password checklist and a
// valid submission; then the package's size and the time to validate the whole form once.
// Artifacts (git-ignored): artifacts/form.png, artifacts/wasm-metrics.json.
//
// CHROMIUM overrides the browser (default /usr/bin/chromium, Debian's package).
// The time is measured and recorded, never asserted (timings depend on the machine's load);
// docs/performance.md records it against the target of 50 µs median.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { launchChromium } from "./chromium.mjs";
import { serve } from "../../examples/form/server.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
const artifacts = join(root, "artifacts");
// Issue 16 sets the form module's target at 100 KB gzipped (docs/performance.md). Splitting
// off the account module (passwords, login help, onboarding) and the checker module brought it
// from about 191 KB to about 132 KB; this is a ceiling that catches further growth, not the
// target. The account module has no target of its own; its ceiling catches growth too.
const TARGET_GZIP_BYTES = 135 * 1024;
const ACCOUNT_GZIP_BYTES = 195 * 1024;

const VALID = {
  cvr: "DK-1358 5628",
  p_number: "1029829825",
  institution_name: "Børnehuset Mælkebøtten",
  street: "Nørregade",
  house_number: "12b",
  postal_code: "1165",
  city: "København K",
  email: "kontakt@maelkeboetten.dk",
  phone: "+45 33 66 33 66",
};

let server;
let browser;
let page;
const pageErrors = [];

before(async () => {
  server = await serve(0);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
  page.on("pageerror", (error) => pageErrors.push(error.message));
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await page.waitForSelector('html[data-ready="true"]', { timeout: 30000 });
});

after(async () => {
  await browser?.close();
  server?.close();
});

const error = (key) => page.locator(`[data-error-for="${key}"]`);

test("an invalid CVR shows the Danish message; correcting it clears it", async () => {
  await page.fill('input[name="cvr"]', "13585627");
  assert.equal(await error("cvr").textContent(),
    "CVR-nummeret 13585627 er ugyldigt (kontrolcifferet passer ikke)");
  assert.equal(await page.getAttribute('input[name="cvr"]', "aria-invalid"), "true");
  await page.fill('input[name="cvr"]', "13585628");
  assert.equal(await error("cvr").textContent(), "");
  assert.equal(await page.getAttribute('input[name="cvr"]', "aria-invalid"), "false");
});

test("switching to English renders the messages again", async () => {
  await page.fill('input[name="cvr"]', "13585627");
  await page.fill('input[name="phone"]', "33663366 / 40404040");
  await page.click('button[name="lang"][value="en"]');
  assert.equal(await error("cvr").textContent(),
    "CVR number 13585627 is invalid (its check digit does not match)");
  assert.equal(await error("phone").textContent(), "Give one phone number, not several");
  assert.equal(await page.textContent('label[for="cvr"]'), "CVR number");
  assert.equal(await page.getAttribute("html", "lang"), "en");
  const legal = await page.locator('select[name="legal_basis"] option').allTextContents();
  assert.ok(legal.includes("Private institution, section 19(5) of the Day Care Act"), legal.join());
  await page.click('button[name="lang"][value="da"]');
  assert.equal(await error("phone").textContent(), "Angiv ét telefonnummer, ikke flere");
});

test("the municipality autocomplete offers Høje-Taastrup for hoje", async () => {
  await page.fill('input[name="municipality"]', "");
  await page.locator('input[name="municipality"]').pressSequentially("hoje");
  const options = page.locator('#municipality-options [role="option"]');
  await options.first().waitFor();
  assert.deepEqual(await options.allTextContents(), ["Høje-Taastrup"]);
  await options.first().click();
  assert.equal(await page.inputValue('input[name="municipality"]'), "Høje-Taastrup");
  assert.equal(await error("municipality").textContent(), "");
  assert.equal(await page.isHidden("#municipality-options"), true);
});

test("the password checklist follows the typing", async () => {
  await page.selectOption('select[name="user_group"]', "udskoling");
  const status = (rule) =>
    page.getAttribute(`#password-checklist li[data-rule="${rule}"]`, "data-status");
  const field = page.locator('input[name="password"]');
  await field.pressSequentially("hestesko");
  assert.equal(await status("length"), "met");
  assert.equal(await status("uppercase"), "not_met");
  assert.equal(await status("digit"), "not_met");
  await field.fill("");
  await field.pressSequentially("Hestesko-Bilvask-1");
  assert.equal(await status("uppercase"), "met");
  assert.equal(await status("digit"), "met");
  const statuses = await page.locator("#password-checklist li").evaluateAll(
    (items) => items.map((li) => li.dataset.status));
  // The form gives no name: that rule is not checked, never shown as met.
  assert.equal(await status("no_name"), "not_checked");
  assert.ok(statuses.every((s) => s === "met" || s === "not_checked"), statuses.join());
  assert.equal(await status("not_recent"), "met");
  assert.equal(await page.textContent('#password-checklist li[data-rule="length"]'),
    "Mellem 8 og 24 tegn");
  await page.selectOption('select[name="user_group"]', "indskoling");
  assert.match(await error("password").textContent(), /kan ikke vælge deres egen adgangskode/);
  await page.selectOption('select[name="user_group"]', "mellemtrin");
  assert.equal(await status("uppercase"), "not_applicable");
});

test("the onboarding plan is drawn from the core's Mermaid text, per legal basis", async () => {
  const account = await import("../../pkg/node/unilogin_account.js");
  for (const basis of ["kommunal", "selvejet", "privat"]) {
    await page.selectOption("#onboarding_basis", basis);
    const plan = account.default.onboardingPlan(basis);
    const drawn = await page.$$eval("#onboarding-plan g[data-step]", (steps) => steps.map((g) => g.dataset.step));
    assert.deepEqual(drawn, plan.steps.map((s) => s.id), basis);
    const edges = plan.steps.reduce((n, s) => n + s.prerequisites.length, 0);
    assert.equal(await page.locator("#onboarding-plan path[data-edge]").count(), edges, basis);
    assert.equal(await page.textContent('[data-error-for="onboarding_basis"]'), "");
  }
  // The select offers the legal bases STIL's guide has a journey for (not § 19, stk. 4).
  const offered = await page.locator("#onboarding_basis option").evaluateAll((o) => o.map((x) => x.value));
  assert.deepEqual(offered.sort(), ["kommunal", "privat", "selvejet"]);
  await page.selectOption("#onboarding_basis", "privat");
  assert.ok(await page.locator('#onboarding-plan path[data-dotted="true"]').count() > 0, "dotted edges");
  await page.locator("#onboarding-section").screenshot({ path: join(artifacts, "form-onboarding.png") });
});

test("the reset-code field and 'when can I log in?' answer from the account module", async () => {
  await page.fill("#reset_code", "48291");
  assert.match(await page.textContent('[data-error-for="reset_code"]'), /6 (tegn|characters)/);
  assert.equal(await page.getAttribute("#reset_code", "aria-invalid"), "true");
  await page.fill("#reset_code", "482-915");
  assert.equal(await page.textContent('[data-error-for="reset_code"]'), "");
  assert.match(await page.textContent("#reset-code-ok"), /482 915/);
  await page.fill("#created_at", "2025-01-15T10:00");
  assert.match(await page.textContent("#estimate"), /16\.01\.2025/);
  assert.deepEqual(pageErrors, []);
});

test("a complete valid form submits and shows the validated request", async () => {
  for (const [key, value] of Object.entries(VALID)) await page.fill(`input[name="${key}"]`, value);
  await page.selectOption('select[name="legal_basis"]', "privat");
  await page.selectOption('select[name="institution_type"]', "6012");
  await page.click('button[type="submit"]');
  await page.waitForSelector("#result:not([hidden])");
  const shown = JSON.parse(await page.textContent("#result"));
  assert.deepEqual(shown, {
    cvr: "13585628", p_number: "1029829825", institution_name: "Børnehuset Mælkebøtten",
    street: "Nørregade", house_number: "12B", postal_code: "1165", city: "København K",
    municipality: "Høje-Taastrup", email: "kontakt@maelkeboetten.dk", phone: "33 66 33 66",
    legal_basis: "privat", institution_type: 6012,
  });
  const messages = await page.locator("[data-error-for]").allTextContents();
  assert.ok(messages.every((m) => m === ""), messages.join("|"));
  mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: join(artifacts, "form.png"), fullPage: true });
});

test("an empty form shows every field's message on submit", async () => {
  await page.click('button[name="lang"][value="en"]');
  await page.fill('input[name="email"]', "");
  await page.click('button[type="submit"]');
  assert.equal(await error("email").textContent(), "Field required");
  assert.equal(await page.isHidden("#result"), true);
  await page.fill('input[name="email"]', VALID.email);
  await page.click('button[name="lang"][value="da"]');
});

test("size and the time to validate the whole form once", async () => {
  const wasm = readFileSync(join(root, "pkg", "web", "unilogin_bg.wasm"));
  const gzipped = gzipSync(wasm, { level: 9 }).length;
  const timing = await page.evaluate(async (record) => {
    const u = await import("/pkg/unilogin.js");
    await u.default();
    const full = {
      ...record, municipality: "Høje-Taastrup", legal_basis: "privat", institution_type: "6012",
    };
    const invalid = { ...full, cvr: "13585627", phone: "0", municipality: "Kobenhvn" };
    const measure = (input) => {
      for (let i = 0; i < 2000; i++) u.validateRequest(input, "da");
      const perCall = [];
      for (let batch = 0; batch < 31; batch++) {
        const n = 500;
        const start = performance.now();
        for (let i = 0; i < n; i++) u.validateRequest(input, "da");
        perCall.push(((performance.now() - start) * 1000) / n);
      }
      perCall.sort((a, b) => a - b);
      return { median_us: perCall[15], min_us: perCall[0], max_us: perCall[30] };
    };
    const field = () => {
      const start = performance.now();
      for (let i = 0; i < 5000; i++) u.validateField("cvr", "13585628", "da");
      return ((performance.now() - start) * 1000) / 5000;
    };
    // The JavaScript side of the boundary alone: the record to JSON text and the result back.
    const boundary = () => {
      const text = JSON.stringify(u.validateRequest(full, "da"));
      const start = performance.now();
      let sink = 0;
      for (let i = 0; i < 5000; i++) {
        sink += JSON.stringify(full).length;
        sink += JSON.parse(text).problems.length;
      }
      return sink > 0 ? ((performance.now() - start) * 1000) / 5000 : 0;
    };
    return { valid: measure(full), invalid: measure(invalid), field_us: field(),
      json_boundary_us: boundary(), userAgent: navigator.userAgent };
  }, VALID);
  const metrics = { wasm_bytes: wasm.length, wasm_gzip_bytes: gzipped, ...timing };
  mkdirSync(artifacts, { recursive: true });
  writeFileSync(join(artifacts, "wasm-metrics.json"), `${JSON.stringify(metrics, null, 2)}\n`);
  console.log(`# wasm ${wasm.length} bytes, ${gzipped} gzipped; validateRequest median `
    + `${timing.valid.median_us.toFixed(1)} µs (valid), ${timing.invalid.median_us.toFixed(1)} µs (3 problems); `
    + `validateField ${timing.field_us.toFixed(2)} µs; JSON both ways in JS ${timing.json_boundary_us.toFixed(2)} µs`);
  assert.ok(gzipped <= TARGET_GZIP_BYTES, `${gzipped} bytes gzipped, target ${TARGET_GZIP_BYTES}`);
  const account = gzipSync(readFileSync(join(root, "pkg", "web", "unilogin_account_bg.wasm")), { level: 9 }).length;
  assert.ok(account <= ACCOUNT_GZIP_BYTES, `account module ${account} bytes gzipped`);
  assert.ok(timing.valid.median_us > 0, "the validation was timed");
  assert.deepEqual(pageErrors, []);
});
