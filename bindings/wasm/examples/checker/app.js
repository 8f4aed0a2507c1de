// The export checker page: a file is read and checked in a Web Worker by the core's export
// reader (the checker module), so a roster with CPR numbers never leaves the machine. This
// file only wires the page to the worker and draws the report; rules and messages come from
// the core.
//
// The same page is the command's `validate --format html` report: there the report is inlined
// as a JSON data block with the id `report-data` (with the Excel CSV beside it), no worker is
// started and nothing is read or checked.
import { PAGE_SIZE, countsByMunicipality, countsByType, fieldOf, renderChart, renderFilter, renderPage } from "./report.js";

const TEXT = {
  da: {
    title: "Kontrol af eksportfil",
    intro: "Kontrollér en eksport fra Dagtilbudsregisteret, en anmodning om institutionsnummer eller en brugerliste mod STIL's regler for Unilogin. Filen læses og kontrolleres her i browseren; intet sendes nogen steder hen.",
    drop_title: "Vælg en fil", drop: "Træk en CSV- eller JSON Lines-fil hertil, eller vælg den.",
    pick: "Vælg fil …", kind: "Slags række", kind_auto: "Ud fra overskriften",
    kind_register: "Dagtilbudsregisteret", kind_request: "Anmodning om institutionsnummer", kind_user: "Brugerliste",
    reading: "Læser filen", progress: (b, t, r) => `${b} af ${t} læst, ${r} rækker kontrolleret`,
    report: (name, kind) => `Rapport for ${name} (${kind})`,
    rows: "Rækker", rows_with_problems: "Rækker med fejl", problems: "Fejl",
    facts: (s) => `Tegnsæt ${s.encoding}, skilletegn ${s.delimiter ?? "–"}, ${s.lines} linjer.`,
    by_type: "Fejl pr. type", by_municipality: "Fejl pr. kommune", no_municipality: "(ingen kendt kommune)", table: "Fejlene", filter_type: "Type", filter_field: "Felt", all: "Alle",
    col_row: "Række", col_line: "Linje", col_field: "Felt", col_message: "Besked", col_input: "Indhold",
    caption: (shown, total) => `Viser ${shown} af ${total} fejl`, page: (p, n) => `Side ${p} af ${n}`,
    prev: "Forrige", next: "Næste", download_csv: "Hent som CSV (Excel)", download_json: "Hent som JSON",
    none: "Ingen fejl fundet.",
  },
  en: {
    title: "Check an export file",
    intro: "Check a Dagtilbudsregisteret export, an institution-number request or a user roster against STIL's rules for Unilogin. The file is read and checked here in the browser; nothing is sent anywhere.",
    drop_title: "Choose a file", drop: "Drop a CSV or JSON Lines file here, or choose it.",
    pick: "Choose file …", kind: "Record kind", kind_auto: "From the header",
    kind_register: "Dagtilbudsregisteret", kind_request: "Institution-number request", kind_user: "User roster",
    reading: "Reading the file", progress: (b, t, r) => `${b} of ${t} read, ${r} rows checked`,
    report: (name, kind) => `Report for ${name} (${kind})`,
    rows: "Rows", rows_with_problems: "Rows with problems", problems: "Problems",
    facts: (s) => `Encoding ${s.encoding}, delimiter ${s.delimiter ?? "–"}, ${s.lines} lines.`,
    by_type: "Problems per type", by_municipality: "Problems per municipality", no_municipality: "(no known municipality)", table: "The problems", filter_type: "Type", filter_field: "Field", all: "All",
    col_row: "Row", col_line: "Line", col_field: "Field", col_message: "Message", col_input: "Input",
    caption: (shown, total) => `Showing ${shown} of ${total} problems`, page: (p, n) => `Page ${p} of ${n}`,
    prev: "Previous", next: "Next", download_csv: "Download as CSV (Excel)", download_json: "Download as JSON",
    none: "No problems found.",
  },
};

const $ = (selector) => document.querySelector(selector);
const state = { lang: "da", file: null, problems: [], report: null, kind: null, type: "", field: "", page: 0, id: 0 };
const inlined = document.getElementById("report-data");
const worker = inlined ? null : new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
let csvWaiting = null;

const number = (n) => new Intl.NumberFormat(state.lang === "da" ? "da-DK" : "en-GB").format(n);
const bytes = (n) => (n < 1024 * 1024 ? `${number(Math.round(n / 1024))} KB` : `${number(Math.round(n / 1024 / 1024))} MB`);

function applyText() {
  const text = TEXT[state.lang];
  document.documentElement.lang = state.lang;
  document.title = text.title;
  for (const node of document.querySelectorAll("[data-text]")) {
    const value = text[node.dataset.text];
    if (typeof value === "string") node.textContent = value;
  }
  for (const button of document.querySelectorAll('button[name="lang"]')) {
    button.setAttribute("aria-pressed", String(button.value === state.lang));
  }
}

function start(file) {
  state.file = file;
  state.problems = [];
  state.report = null;
  state.type = state.field = "";
  state.page = 0;
  state.id += 1;
  document.documentElement.dataset.state = "reading";
  $("#report").hidden = true;
  $("#progress").hidden = false;
  $("#bar").value = 0;
  worker.postMessage({ type: "check", id: state.id, file, kind: $("#kind").value, lang: state.lang });
}

function filtered() {
  return state.problems.filter((p) => (!state.type || p.type === state.type) && (!state.field || fieldOf(p) === state.field));
}

function renderTable() {
  const text = TEXT[state.lang];
  const shown = filtered();
  const pages = Math.max(1, Math.ceil(shown.length / PAGE_SIZE));
  state.page = Math.min(state.page, pages - 1);
  renderPage($("#problems tbody"), shown, state.page);
  $("#table-caption").textContent = shown.length ? text.caption(number(shown.length), number(state.problems.length)) : text.none;
  $("#page").textContent = text.page(state.page + 1, pages);
  $("#prev").disabled = state.page === 0;
  $("#next").disabled = state.page >= pages - 1;
}

function renderReport() {
  const text = TEXT[state.lang];
  const { summary, error } = state.report;
  $("#report-title").textContent = text.report(state.file.name, state.kind ?? "–");
  $("#report-error").hidden = !error;
  $("#report-error").textContent = error ? error.msg : "";
  const totals = {
    rows: summary?.rows ?? state.rows,
    rows_with_problems: summary?.rows_with_problems ?? new Set(state.problems.map((p) => p.loc[0])).size,
    problems: state.problems.length,
  };
  for (const [key, value] of Object.entries(totals)) {
    const node = document.querySelector(`[data-total="${key}"]`);
    node.textContent = number(value);
    node.dataset.value = String(value);
  }
  $("#file-facts").textContent = summary ? text.facts(summary) : "";
  renderChart($("#chart-type"), countsByType(state.problems), number);
  renderChart($("#chart-municipality"), countsByMunicipality(summary, state.problems.length, text.no_municipality), number);
  renderFilter($("#filter-type"), state.problems.map((p) => p.type), text.all, state.type);
  renderFilter($("#filter-field"), state.problems.map(fieldOf), text.all, state.field);
  renderTable();
  $("#progress").hidden = true;
  $("#report").hidden = false;
  document.documentElement.dataset.state = "done";
}

function download(name, type, content) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const baseName = () => state.file.name.replace(/\.[^.]*$/, "");

function onMessage({ data }) {
  if (data.type === "ready") {
    document.documentElement.dataset.ready = "true";
    return;
  }
  if (data.type === "csv") {
    csvWaiting?.(data.text);
    return;
  }
  if (data.id !== state.id) return; // a check the user has replaced
  if (data.type === "error") {
    $("#progress-text").textContent = data.message;
    document.documentElement.dataset.state = "failed";
    return;
  }
  for (const p of data.problems) state.problems.push(p);
  state.rows = data.rows;
  $("#bar").value = data.total ? data.bytes / data.total : 1;
  $("#progress-text").textContent = TEXT[state.lang].progress(bytes(data.bytes), bytes(data.total), number(data.rows));
  if (data.type === "done") {
    state.report = data.report;
    state.kind = data.kind;
    renderReport();
  }
}

$("#file").addEventListener("change", (event) => {
  const [file] = event.target.files;
  if (file) start(file);
});
$("#kind").addEventListener("change", () => state.file && start(state.file));
const drop = $("#drop");
drop.addEventListener("dragover", (event) => {
  event.preventDefault();
  drop.classList.add("over");
});
drop.addEventListener("dragleave", () => drop.classList.remove("over"));
drop.addEventListener("drop", (event) => {
  event.preventDefault();
  drop.classList.remove("over");
  const [file] = event.dataTransfer.files;
  if (file) start(file);
});
for (const button of document.querySelectorAll('button[name="lang"]')) {
  button.addEventListener("click", () => {
    state.lang = button.value;
    applyText();
    // The messages come from the core in the language the file was checked in: check again.
    if (state.file) start(state.file);
  });
}
$("#filter-type").addEventListener("change", (event) => {
  state.type = event.target.value;
  state.page = 0;
  renderTable();
});
$("#filter-field").addEventListener("change", (event) => {
  state.field = event.target.value;
  state.page = 0;
  renderTable();
});
$("#prev").addEventListener("click", () => {
  state.page -= 1;
  renderTable();
});
$("#next").addEventListener("click", () => {
  state.page += 1;
  renderTable();
});
$("#download-json").addEventListener("click", () => {
  const { summary, error } = state.report;
  download(`${baseName()}-problems.json`, "application/json", JSON.stringify({ problems: state.problems, summary, error }, null, 1));
});
$("#download-csv").addEventListener("click", async () => {
  const text = inlined
    ? state.excelCsv
    : await new Promise((resolve) => {
      csvWaiting = resolve;
      worker.postMessage({ type: "csv", problems: state.problems });
    });
  download(`${baseName()}-problems.csv`, "text/csv;charset=utf-8", text);
});

if (inlined) {
  // The command's report: shown as it was made, in the language it was made in.
  const data = JSON.parse(inlined.textContent);
  state.lang = data.lang;
  state.file = { name: data.file };
  state.kind = data.report.summary?.kind ?? null;
  state.report = data.report;
  state.problems = data.report.problems;
  state.excelCsv = data.excel_csv;
  $("#drop").hidden = true;
  document.querySelector("nav.lang").hidden = true;
  applyText();
  renderReport();
  document.documentElement.dataset.ready = "true";
} else {
  worker.onmessage = onMessage;
  applyText();
}
