// Draws the Mermaid flowchart the core writes for an onboarding plan (`onboardingMermaid`) as
// an SVG, without a Mermaid runtime: the page fetches nothing. It reads the subset of Mermaid's
// flowchart syntax the core's text uses: `flowchart TD`, nodes `id["label"]` (with `<br/>`
// line breaks), edges `a --> b` and dotted `a -.-> b` (a step that is recommended or depends on
// a condition), `classDef name fill:…,stroke:…,color:…`, `class a,b name` and
// `style id stroke-dasharray: …`.
// Each step is placed on the row of its longest chain of prerequisites; the text is set with
// `textContent`, never as markup.

const SVG = "http://www.w3.org/2000/svg";
const BOX = { width: 230, line: 16, pad: 10, gapX: 24, gapY: 36 };

/** `text` broken at spaces into lines of at most `width` characters. */
function wrap(text, width = 34) {
  const lines = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  return [...lines, line];
}

/** The flowchart's nodes (in order), edges and node styles. */
export function parseFlowchart(text) {
  const nodes = new Map();
  const edges = [];
  const classDefs = new Map();
  const classOf = new Map();
  const dashed = new Map();
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    let m;
    if ((m = /^([A-Za-z0-9_]+)\["(.*)"\]$/.exec(line))) {
      const label = m[2].replaceAll("#quot;", '"').split("<br/>").flatMap((l) => wrap(l));
      nodes.set(m[1], { id: m[1], lines: label });
    } else if ((m = /^([A-Za-z0-9_]+) (-->|-\.->) ([A-Za-z0-9_]+)$/.exec(line))) {
      edges.push([m[1], m[3], m[2] === "-.->"]);
    } else if ((m = /^style ([A-Za-z0-9_]+) stroke-dasharray: ([0-9 ]+)$/.exec(line))) {
      dashed.set(m[1], m[2]);
    } else if ((m = /^classDef ([A-Za-z0-9_]+) (.*)$/.exec(line))) {
      classDefs.set(m[1], Object.fromEntries(m[2].split(",").map((kv) => kv.split(":"))));
    } else if ((m = /^class ([A-Za-z0-9_,]+) ([A-Za-z0-9_]+)$/.exec(line))) {
      for (const id of m[1].split(",")) classOf.set(id, m[2]);
    }
  }
  for (const node of nodes.values()) {
    node.style = classDefs.get(classOf.get(node.id)) ?? {};
    node.dash = dashed.get(node.id) ?? null;
  }
  return { nodes: [...nodes.values()], edges };
}

/** The row of each node: the length of its longest chain of predecessors. */
function rows(nodes, edges) {
  const row = new Map(nodes.map((n) => [n.id, 0]));
  // The core's plans are acyclic; a node count of passes settles every chain.
  for (let pass = 0; pass < nodes.length; pass++) {
    for (const [from, to] of edges) {
      if (row.has(from) && row.has(to)) row.set(to, Math.max(row.get(to), row.get(from) + 1));
    }
  }
  return row;
}

function element(name, attributes) {
  const e = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attributes)) e.setAttribute(k, String(v));
  return e;
}

/** The flowchart `text` as an SVG element titled `title`. */
export function renderFlowchart(text, title) {
  const { nodes, edges } = parseFlowchart(text);
  const row = rows(nodes, edges);
  const byRow = [];
  for (const node of nodes) (byRow[row.get(node.id)] ??= []).push(node);
  const lines = Math.max(1, ...nodes.map((n) => n.lines.length));
  const height = lines * BOX.line + 2 * BOX.pad;
  const columns = Math.max(1, ...byRow.map((r) => r?.length ?? 0));
  const width = columns * BOX.width + (columns - 1) * BOX.gapX;
  // Rows in order; within a row, each step under the mean position of its predecessors
  // (fewer crossings), the plan's order breaking ties.
  const place = new Map();
  const order = new Map(nodes.map((n, i) => [n.id, i]));
  const preds = new Map(nodes.map((n) => [n.id, []]));
  for (const [from, to] of edges) preds.get(to)?.push(from);
  byRow.forEach((items = [], r) => {
    const key = (node) => {
      const xs = preds.get(node.id).map((p) => place.get(p)?.x).filter((x) => x !== undefined);
      return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : order.get(node.id) * BOX.width;
    };
    const sorted = [...items].sort((a, b) => key(a) - key(b) || order.get(a.id) - order.get(b.id));
    const used = sorted.length * BOX.width + (sorted.length - 1) * BOX.gapX;
    sorted.forEach((node, i) => {
      place.set(node.id, { x: (width - used) / 2 + i * (BOX.width + BOX.gapX), y: r * (height + BOX.gapY) });
    });
  });
  const total = byRow.length * (height + BOX.gapY) - BOX.gapY;
  // Edges that skip rows run down lanes beside the steps, left or right, one lane each.
  const lane = 7;
  const long = edges.filter(([from, to]) => place.has(from) && place.has(to) && row.get(to) - row.get(from) > 1);
  const side = new Map(long.map((e) => [e, place.get(e[0]).x + place.get(e[1]).x < width - BOX.width ? "left" : "right"]));
  const lanes = { left: 0, right: 0 };
  const laneOf = new Map(long.map((e) => [e, ++lanes[side.get(e)]]));
  const margin = { left: lanes.left * lane + 4, right: lanes.right * lane + 4 };
  const svg = element("svg", {
    viewBox: `${-margin.left} -2 ${width + margin.left + margin.right} ${total + 4}`, role: "img", width: "100%",
  });
  const name = element("title", {});
  name.textContent = title;
  svg.append(name);
  const marker = element("marker", { id: "arrow", viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: "auto" });
  marker.append(element("path", { d: "M0,0 L10,5 L0,10 z", fill: "#444" }));
  const defs = element("defs", {});
  defs.append(marker);
  svg.append(defs);
  for (const edge of edges) {
    const [from, to, dotted] = edge;
    const a = place.get(from);
    const b = place.get(to);
    if (!a || !b) continue;
    // A curve leaving the step's bottom and entering the next one's top, vertical at both ends.
    const [x1, y1, x2, y2] = [a.x + BOX.width / 2, a.y + height, b.x + BOX.width / 2, b.y];
    let d;
    if (laneOf.has(edge)) {
      const x = side.get(edge) === "left" ? -laneOf.get(edge) * lane : width + laneOf.get(edge) * lane;
      const down = BOX.gapY / 2;
      d = `M${x1},${y1} C${x1},${y1 + down} ${x},${y1} ${x},${y1 + down} L${x},${y2 - down} C${x},${y2} ${x2},${y2 - down} ${x2},${y2}`;
    } else {
      const bend = BOX.gapY / 2;
      d = `M${x1},${y1} C${x1},${y1 + bend} ${x2},${y2 - bend} ${x2},${y2}`;
    }
    svg.append(element("path", {
      d,
      fill: "none", stroke: "#444", "stroke-width": 1.5, "marker-end": "url(#arrow)",
      "data-edge": `${from} ${to}`,
      ...(dotted ? { "stroke-dasharray": "4 3", "data-dotted": "true" } : {}),
    }));
  }
  for (const node of nodes) {
    const { x, y } = place.get(node.id);
    const group = element("g", { "data-step": node.id });
    group.append(element("rect", {
      x, y, width: BOX.width, height, rx: 6,
      fill: node.style.fill ?? "#fff", stroke: node.style.stroke ?? "#444", "stroke-width": 1.5,
      ...(node.dash ? { "stroke-dasharray": node.dash } : {}),
    }));
    const label = element("text", { x: x + BOX.width / 2, y: y + BOX.pad, "text-anchor": "middle", "font-size": 12, fill: node.style.color ?? "#000" });
    node.lines.forEach((text, i) => {
      const span = element("tspan", { x: x + BOX.width / 2, dy: i === 0 ? BOX.line - 3 : BOX.line });
      span.textContent = text;
      label.append(span);
    });
    group.append(label);
    svg.append(group);
  }
  return svg;
}
