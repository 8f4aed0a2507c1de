// The report of a checked export: totals, problems per type as bars, and a table of the
// problems that filters by type and field and shows one page at a time, so it stays quick with
// 100,000 problems. Everything is built with DOM calls and textContent (no HTML strings), so
// nothing in a file can become markup.

export const PAGE_SIZE = 100;

/** Problems per type, most frequent first: [[type, count], ...]. */
export function countsByType(problems) {
  const counts = new Map();
  for (const p of problems) counts.set(p.type, (counts.get(p.type) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** Problems per municipality, most first, from the core's summary (`problems_by_municipality`);
 * the problems of rows without a known municipality last, under `unknown`. */
export function countsByMunicipality(summary, total, unknown) {
  const counts = Object.entries(summary?.problems_by_municipality ?? {})
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], "da"));
  const rest = total - counts.reduce((sum, [, n]) => sum + n, 0);
  return rest > 0 ? [...counts, [unknown, rest]] : counts;
}

/** A problem's field: its location after the row, joined with "." (as the command's CSV). */
export function fieldOf(problem) {
  return problem.loc.slice(1).join(".");
}

function element(tag, attributes = {}, text) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The bar chart: one list item per type with its count and a bar of relative length. */
export function renderChart(list, counts, format) {
  list.replaceChildren();
  const max = counts.reduce((m, [, n]) => Math.max(m, n), 0);
  for (const [type, n] of counts) {
    const item = element("li", { "data-type": type });
    item.append(element("span", { class: "label" }, type));
    const bar = element("span", { class: "bar", "aria-hidden": "true" });
    bar.style.width = `${Math.max(2, Math.round((n / max) * 100))}%`;
    item.append(bar, element("span", { class: "count", "data-count": String(n) }, format(n)));
    list.append(item);
  }
}

/** The options of a filter: every value once, sorted, after "all". */
export function renderFilter(select, values, allLabel, current) {
  select.replaceChildren(element("option", { value: "" }, allLabel));
  for (const value of [...new Set(values)].sort()) {
    const option = element("option", { value }, value);
    if (value === current) option.selected = true;
    select.append(option);
  }
}

/** The rows of one page of the (filtered) problems. */
export function renderPage(tbody, problems, page) {
  tbody.replaceChildren();
  for (const p of problems.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE)) {
    const tr = element("tr", { "data-type": p.type });
    tr.append(
      element("td", {}, String(p.loc[0] ?? "")),
      element("td", {}, String(p.line ?? "")),
      element("td", {}, fieldOf(p)),
      element("td", {}, p.msg),
      element("td", { class: "input" }, p.input ?? ""),
    );
    tbody.append(tr);
  }
}
