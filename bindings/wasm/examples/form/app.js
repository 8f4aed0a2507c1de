// The institution-number request form, validated live by the unilogin core (WebAssembly).
// Every rule and message comes from the package; this file only wires the page to it.
import init, {
  formChoices,
  recordKeys,
  searchMunicipalities,
  validateField,
  validateRequest,
} from "./pkg/unilogin.js";
// The password checklist comes from the account module, loaded beside the form module.
import initAccount, {
  checkPassword,
  checkResetCode,
  onboardingMermaid,
  provisioningEstimate,
} from "./pkg/unilogin_account.js";
import { renderFlowchart } from "./flowchart.js";

/** The page's own wording (labels and headings); messages come from the core. */
const TEXT = {
  da: {
    title: "Anmodning om institutionsnummer",
    intro: "Alle felter skal udfyldes, undtagen etage og dør. Beskederne kommer fra Unilogin-kernen (WebAssembly), mens du skriver.",
    institution: "Institutionen", cvr: "CVR-nummer", p_number: "P-nummer",
    institution_name: "Institutionens navn", legal_basis: "Lovgrundlag",
    institution_type: "Institutionstype", address: "Adresse", street: "Vejnavn",
    house_number: "Husnummer", floor: "Etage (hvis nogen)", door: "Dør (hvis nogen)",
    postal_code: "Postnummer", city: "By", municipality: "Kommune",
    contact: "Kontakt", email: "E-mail", phone: "Telefon", submit: "Send anmodning",
    choose: "Vælg …", password_heading: "Vælg en adgangskode",
    password_intro: "Reglerne afhænger af brugergruppen. Listen følger med, mens du skriver.",
    user_group: "Brugergruppe", password: "Adgangskode",
    onboarding_heading: "Tilslutning til Unilogin",
    onboarding_intro: "Trinene i STIL's vejledning for lovgrundlaget, tegnet fra kernens Mermaid-diagram.",
    onboarding_title: "Tilslutningens trin", help_heading: "Hjælp til login",
    reset_code: "Engangskode fra læreren", created_at: "Brugeren blev oprettet i systemet",
    code_ok: (grouped) => `Koden ${grouped} har den rigtige form; den virker i fem minutter.`,
    valid: "Anmodningen er gyldig og klar til at blive sendt til STIL:",
    problems: (n) => (n === 1 ? "1 felt skal rettes." : `${n} felter skal rettes.`),
  },
  en: {
    title: "Request for an institution number",
    intro: "Every field is required except floor and door. The messages come from the Unilogin core (WebAssembly) as you type.",
    institution: "The institution", cvr: "CVR number", p_number: "P-number",
    institution_name: "Name of the institution", legal_basis: "Legal basis",
    institution_type: "Institution type", address: "Address", street: "Street",
    house_number: "House number", floor: "Floor (if any)", door: "Door (if any)",
    postal_code: "Postal code", city: "City",
    municipality: "Municipality", contact: "Contact", email: "Email", phone: "Phone",
    submit: "Send request", choose: "Choose …", password_heading: "Choose a password",
    password_intro: "The rules depend on the user group. The list follows as you type.",
    user_group: "User group", password: "Password",
    onboarding_heading: "Connecting to Unilogin",
    onboarding_intro: "The steps of STIL's guide for the legal basis, drawn from the core's Mermaid diagram.",
    onboarding_title: "The steps of connecting", help_heading: "Login help",
    reset_code: "One-time code from the teacher", created_at: "The user was created in the system",
    code_ok: (grouped) => `The code ${grouped} has the right form; it works for five minutes.`,
    valid: "The request is valid and ready to be sent to STIL:",
    problems: (n) => (n === 1 ? "1 field needs correcting." : `${n} fields need correcting.`),
  },
};

const form = document.getElementById("request");
const summary = document.getElementById("summary");
const result = document.getElementById("result");
const municipality = document.getElementById("municipality");
const options = document.getElementById("municipality-options");
const group = document.getElementById("user_group");
const password = document.getElementById("password");
const checklist = document.getElementById("password-checklist");
const onboardingBasis = document.getElementById("onboarding_basis");
const onboardingPlan = document.getElementById("onboarding-plan");
const resetCode = document.getElementById("reset_code");
const createdAt = document.getElementById("created_at");

let lang = "da";
let keys = [];
/** Fields whose messages are shown: touched (left once) or submitted. */
const touched = new Set();

const input = (key) => form.elements.namedItem(key);
const errorFor = (key) => document.querySelector(`[data-error-for="${key}"]`);

/** Shows a field's problem (or clears it). A missing value waits until the field is touched. */
function show(key, problem) {
  const quiet = problem && problem.type === "missing" && !touched.has(key);
  const message = problem && !quiet ? problem.msg : "";
  errorFor(key).textContent = message;
  const element = input(key);
  if (element) {
    element.setAttribute("aria-invalid", message ? "true" : "false");
    if (message) element.setAttribute("aria-describedby", errorFor(key).id || "");
  }
}

function checkField(key) {
  const check = validateField(key, input(key).value, lang);
  show(key, check.problems[0]);
}

function record() {
  return Object.fromEntries(keys.map((key) => [key, input(key).value]));
}

function fillSelect(select, choices, placeholder) {
  const value = select.value;
  select.replaceChildren();
  if (placeholder) select.append(new Option(placeholder, ""));
  for (const choice of choices) select.append(new Option(choice.label, choice.value));
  select.value = value;
}

function render() {
  document.documentElement.lang = lang;
  document.title = TEXT[lang].title;
  for (const element of document.querySelectorAll("[data-text]")) {
    element.textContent = TEXT[lang][element.dataset.text];
  }
  for (const button of document.querySelectorAll('button[name="lang"]')) {
    button.setAttribute("aria-pressed", String(button.value === lang));
  }
  const choices = formChoices(lang);
  fillSelect(input("legal_basis"), choices.legal_basis, TEXT[lang].choose);
  fillSelect(input("institution_type"), choices.institution_type, TEXT[lang].choose);
  fillSelect(group, choices.user_group);
  if (!group.value) group.value = "employee";
  fillSelect(onboardingBasis, choices.legal_basis);
  if (!onboardingBasis.value) onboardingBasis.value = "kommunal";
  drawPlan();
  updateResetCode();
  updateEstimate();
  // Messages are rendered again from the core in the new language, never translated here.
  for (const key of keys) {
    if (touched.has(key) || errorFor(key).textContent) checkField(key);
  }
  if (!result.hidden) submit();
  updateChecklist();
}

// ---- municipality autocomplete ------------------------------------------------------------

let active = -1;

function closeOptions() {
  options.hidden = true;
  options.replaceChildren();
  municipality.setAttribute("aria-expanded", "false");
  active = -1;
}

function choose(name) {
  municipality.value = name;
  closeOptions();
  touched.add("municipality");
  checkField("municipality");
}

function suggest() {
  const found = searchMunicipalities(municipality.value, 8);
  if (found.length === 0 || (found.length === 1 && found[0].name === municipality.value)) {
    closeOptions();
    return;
  }
  options.replaceChildren(
    ...found.map((m, i) => {
      const li = document.createElement("li");
      li.setAttribute("role", "option");
      li.id = `municipality-option-${i}`;
      li.textContent = m.name;
      li.dataset.code = String(m.code);
      li.addEventListener("mousedown", (event) => {
        event.preventDefault();
        choose(m.name);
      });
      return li;
    }),
  );
  options.hidden = false;
  municipality.setAttribute("aria-expanded", "true");
  active = -1;
}

function highlight(step) {
  const items = [...options.children];
  if (items.length === 0) return;
  active = (active + step + items.length) % items.length;
  items.forEach((li, i) => li.setAttribute("aria-selected", String(i === active)));
  municipality.setAttribute("aria-activedescendant", items[active].id);
}

municipality.addEventListener("input", suggest);
municipality.addEventListener("keydown", (event) => {
  if (options.hidden) return;
  if (event.key === "ArrowDown" || event.key === "ArrowUp") {
    event.preventDefault();
    highlight(event.key === "ArrowDown" ? 1 : -1);
  } else if (event.key === "Enter" && active >= 0) {
    event.preventDefault();
    choose(options.children[active].textContent);
  } else if (event.key === "Escape") {
    closeOptions();
  }
});
municipality.addEventListener("blur", closeOptions);

// ---- password checklist -------------------------------------------------------------------

function updateChecklist() {
  try {
    // A new account has no earlier passwords (an empty history: checked). The form asks for
    // no name, so the name rule stays "not_checked" and is shown as such, never as met.
    const report = checkPassword(password.value, { group: group.value, history: [] }, lang);
    errorFor("password").textContent = "";
    checklist.replaceChildren(
      ...report.rules.map((rule) => {
        const li = document.createElement("li");
        li.dataset.rule = rule.rule;
        li.dataset.status = rule.status;
        li.textContent = rule.label;
        return li;
      }),
    );
  } catch (error) {
    // Indskoling cannot choose a password: the core says so in `error.message`.
    errorFor("password").textContent = error.message;
    checklist.replaceChildren();
  }
}

password.addEventListener("input", updateChecklist);
group.addEventListener("change", updateChecklist);

// ---- onboarding plan, reset code, "when can I log in?" -------------------------------------

function drawPlan() {
  try {
    const text = onboardingMermaid(onboardingBasis.value, lang);
    onboardingPlan.replaceChildren(renderFlowchart(text, TEXT[lang].onboarding_title));
    errorFor("onboarding_basis").textContent = "";
  } catch (error) {
    // § 19, stk. 4: STIL's guide has no journey for it; the core says so.
    onboardingPlan.replaceChildren();
    errorFor("onboarding_basis").textContent = error.message;
  }
}

function updateResetCode() {
  const ok = document.getElementById("reset-code-ok");
  ok.textContent = "";
  errorFor("reset_code").textContent = "";
  resetCode.removeAttribute("aria-invalid");
  if (!resetCode.value) return;
  try {
    ok.textContent = TEXT[lang].code_ok(checkResetCode(resetCode.value, "digits6", lang).grouped);
  } catch (error) {
    errorFor("reset_code").textContent = error.message;
    resetCode.setAttribute("aria-invalid", "true");
  }
}

function updateEstimate() {
  const out = document.getElementById("estimate");
  // datetime-local is the browser's local time; the core takes an instant.
  const when = createdAt.value ? new Date(createdAt.value) : null;
  out.textContent = when && !Number.isNaN(when.getTime())
    ? provisioningEstimate(when.toISOString(), {}, lang).summary
    : "";
}

onboardingBasis.addEventListener("change", drawPlan);
resetCode.addEventListener("input", updateResetCode);
createdAt.addEventListener("input", updateEstimate);

// ---- the form -----------------------------------------------------------------------------

function submit() {
  const validation = validateRequest(record(), lang);
  for (const key of keys) touched.add(key);
  const first = new Map();
  for (const problem of validation.problems) {
    const key = problem.loc[0];
    if (!first.has(key)) first.set(key, problem);
  }
  for (const key of keys) show(key, first.get(key));
  if (validation.ok) {
    summary.textContent = TEXT[lang].valid;
    result.textContent = JSON.stringify(validation.value, null, 2);
    result.hidden = false;
  } else {
    summary.textContent = TEXT[lang].problems(first.size);
    result.hidden = true;
  }
  return validation;
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  const validation = submit();
  if (!validation.ok) input(validation.problems[0].loc[0])?.focus();
});

await Promise.all([init(), initAccount()]);
// The request's fields that have an input here: the address on one line (`address`, for files
// that write it so) is asked for in its parts.
keys = recordKeys("request").filter((key) => input(key) !== null);
for (const key of keys) {
  const element = input(key);
  const event = element.tagName === "SELECT" ? "change" : "input";
  element.addEventListener(event, () => checkField(key));
  element.addEventListener("blur", () => {
    touched.add(key);
    checkField(key);
  });
}
for (const button of document.querySelectorAll('button[name="lang"]')) {
  button.addEventListener("click", () => {
    lang = button.value;
    render();
  });
}
for (const element of document.querySelectorAll("[data-error-for]")) {
  element.id = `error-${element.dataset.errorFor}`;
}
render();
document.documentElement.dataset.ready = "true";
