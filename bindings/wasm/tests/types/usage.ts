// A typed usage example, checked by `tsc --noEmit -p tests/types` (make wasm-test): every export
// and the error objects, as a browser app written in TypeScript uses them.
import init, {
  errorCatalogue,
  formChoices,
  formatPhone,
  parseValue,
  recordKeys,
  searchMunicipalities,
  validateField,
  validateRecord,
  validateRequest,
  type CatalogueEntry,
  type FieldValidation,
  type InstitutionNumberRequest,
  type InstitutionTypeCode,
  type InvalidArgumentError,
  type MunicipalityChoice,
  type Problem,
  type ProblemType,
  type RequestInput,
  type UniloginError,
  type Validation,
  type ValidationPolicyOverrides,
} from "../../pkg/web/unilogin.js";
import initAccount, {
  assignPassword,
  checkPassword,
  checkResetCode,
  hashPassword,
  loginGuide,
  loginHelp,
  onboardingMermaid,
  onboardingPlan,
  passwordExpiry,
  provisioningEstimate,
  type AssignedPassword,
  type LoginGuide,
  type PasswordExpiry,
  type PasswordReport,
  type ProvisioningEstimate,
  type ResetCode,
  type UniloginError as AccountError,
} from "../../pkg/web/unilogin_account.js";

await init();
await initAccount();

const input: RequestInput = { cvr: "13585627", phone: 33663366, email: null };
const result: Validation<InstitutionNumberRequest> = validateRequest(input, "en");
const policy: ValidationPolicyOverrides = { request_institution_types: [6010, 6011, 6012, 6013] };
console.log(validateRecord("request", input, "da", policy).ok, validateRequest(input, "da", policy).ok);
if (result.ok) {
  const code: InstitutionTypeCode = result.value.institution_type;
  const basis: "kommunal" | "selvejet" | "privat" = result.value.legal_basis;
  console.log(code, basis);
} else {
  const first: Problem | undefined = result.problems[0];
  const where: (string | number)[] = first?.loc ?? [];
  console.log(first?.type, first?.msg, first?.input, first?.ctx["cvr"], where);
}

const field: FieldValidation = validateField("municipality", "hoje", "da");
if (!field.ok) {
  const [problem] = field.problems;
  console.log(problem.type, problem.msg);
} else {
  const value: string | number | Record<string, string> | null = field.value;
  console.log(value);
}

const register = validateRecord("register", { pNummer: "1029829825" });
console.log(register.ok ? register.value : register.problems.length);
const keys: string[] = recordKeys("user");
const suggestions: MunicipalityChoice[] = searchMunicipalities("hoje", 5);
console.log(keys, suggestions[0]?.code, suggestions[0]?.name);

const canonical: string = parseValue("cvr", "DK-1358 5628");
try {
  formatPhone("0", "en");
} catch (e) {
  const error = e as UniloginError;
  const code: ProblemType = error.code;
  const message: string = error.message;
  // A type outside the catalogue is a compile error.
  // @ts-expect-error
  const unknown: ProblemType = "cvr_wrong";
  console.log(unknown);
  console.log(code, message, error.loc, error.input, error.ctx);
}
try {
  validateField("cvr", "13585628", "sv");
} catch (e) {
  const error = e as InvalidArgumentError;
  const code: "invalid_argument" = error.code;
  console.log(code, error instanceof TypeError);
}

const report: PasswordReport = checkPassword(
  "Hestesko-Bilvask-12",
  { group: "udskoling", names: ["Søren Kierkegaard"], policy: { min_length: 10 } },
  "da",
);
for (const rule of report.rules) {
  const met: boolean | null = rule.met;
  console.log(rule.rule, rule.label, rule.status, met);
}
console.log(report.violations.map((v) => v.type));
const complete: boolean = report.complete;
const unchecked = report.rules.filter((r) => r.status === "not_checked");
console.log(complete, unchecked.length);

const plan = onboardingPlan("privat");
console.log(plan.legal_basis, plan.steps.map((s) => `${s.id} ${s.actor} ${s.title.da}`));
const mermaid: string = onboardingMermaid("kommunal", "en");
const choices = formChoices("en");
const labels: string[] = choices.legal_basis.map((c) => c.label);
const catalogue: CatalogueEntry[] = errorCatalogue();
const guide: LoginGuide = loginGuide("change_password", { role: "elev", grade: "8", has_own_mitid: true, age: 14 });
const help: LoginGuide[] = loginHelp("Ingen adgang", { role: "medarbejder", has_own_mitid: true }, { policy: { own_mitid_reset_min_age: 16 } }, "en");
console.log(guide.steps.map((s) => s.id), help.map((g) => g.cause), guide.helpers[0]?.name.da);
console.log(canonical, mermaid, labels, catalogue[0]?.da, choices.user_group[0]?.value);

const assigned: AssignedPassword = assignPassword("indskoling", { names: ["Ida"] }, "en");
if (assigned.kind === "pictures") console.log(assigned.pictures.length, assigned.shown);
const stored: string = hashPassword("Hestesko-Bilvask-12");
checkPassword("Hestesko-Bilvask-13", { group: "udskoling", history: [stored] });
const expiry: PasswordExpiry = passwordExpiry(new Date(), { grade: 5, on: "2026-08-20" }, { at: new Date() });
if (expiry.reason === "band_change") console.log(expiry.from, expiry.to, expiry.changed_on);
console.log(expiry.must_change_by, expiry.status);
const estimate: ProvisioningEstimate = provisioningEstimate("2025-01-15T09:00:00Z", { schedule: ["06:00"], at: "2025-01-16T01:00:00Z" }, "en");
console.log(estimate.summary, estimate.status, estimate.next_import?.clock);
const code: ResetCode = checkResetCode("7kqm-2xwd", "crockford8", "da");
console.log(code.grouped);
try {
  checkResetCode("12345");
} catch (e) {
  const error = e as AccountError;
  const problem: ProblemType = error.code;
  console.log(problem === "reset_code_format", error.ctx["length"]);
}

// Mistakes the declarations catch.
// @ts-expect-error: not a code format
checkResetCode("123456", "digits4");
// @ts-expect-error: the expiry needs its user
passwordExpiry("2025-09-01T10:00:00Z");
// @ts-expect-error: not a field of the request
validateField("cvr_number", "13585628");
// @ts-expect-error: not a user group
checkPassword("x", { group: "teacher" });
// @ts-expect-error: not a login task
loginGuide("reset", { role: "parent", has_own_mitid: true });
// @ts-expect-error: not a record kind
validateRecord("school", {});
// @ts-expect-error: a value kind is required
parseValue("iban", "DK50");
// @ts-expect-error: a valid request has no such field
console.log((result.ok && result.value.cvr_number) as string);
