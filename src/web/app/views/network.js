import cytoscape from "/vendor/cytoscape.esm.min.mjs";
import { getAll, getJson } from "../api.js";
import { h, href, link, section } from "../dom.js";
import { nameOf, t } from "../i18n.js";
import { coParticipation } from "./graph.js";

const MODES = ["officials", "ministries"];
const VN = "#c0392b";
/**
 * The force-directed layout (cose) reads best but grows quadratically: in
 * headless Chromium it took about 0.8 s for 150 nodes, 2.6 s for 300 and 12 s
 * for 500; beyond this many nodes the graph is laid out in rings by degree.
 */
const FORCE_LAYOUT_MAX = 250;
const OTHER = "#1f4e79";

function filtersForm(params, countries, navigate) {
  const mode = params.get("mode") ?? "officials";
  const form = h(
    "form",
    { class: "filters" },
    h("label", {}, t("network.mode"), h("select", { name: "mode" }, MODES.map((m) => h("option", { value: m, selected: m === mode }, t(`network.${m}`))))),
    h(
      "label",
      {},
      t("network.country"),
      h("select", { name: "country" }, h("option", { value: "" }, t("network.all")), countries.map((c) => h("option", { value: c.code, selected: params.get("country") === c.code }, nameOf(c)))),
    ),
    h("label", {}, t("filter.from"), h("input", { name: "from", value: params.get("from") ?? "", placeholder: "2020", size: 10 })),
    h("label", {}, t("filter.to"), h("input", { name: "to", value: params.get("to") ?? "", placeholder: "2025", size: 10 })),
    h("button", { type: "submit" }, t("filter.apply")),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const next = { view: "network" };
    for (const name of ["mode", "country", "from", "to"]) if (data.get(name)) next[name] = data.get(name);
    navigate(href(next));
  });
  return form;
}

export async function networkView(params, { navigate }) {
  const mode = MODES.includes(params.get("mode")) ? params.get("mode") : "officials";
  const filters = { country: params.get("country"), from: params.get("from"), to: params.get("to") };
  const [countries, events] = await Promise.all([getJson("/countries", { involved: "true" }), getAll("/events", filters)]);
  const graph = coParticipation(events, mode);
  const names = new Map(graph.nodes.map((n) => [n.id, n.name]));
  const view = (id) => (mode === "ministries" ? { view: "ministry", id } : { view: "official", id });

  const container = h("div", { class: "network", dataset: { nodes: graph.nodes.length, edges: graph.edges.length } });
  const pairs = [...graph.edges].sort((a, b) => b.weight - a.weight || a.source - b.source || a.target - b.target).slice(0, 15);
  const page = h(
    "div",
    {},
    h("h1", {}, t("network.title")),
    filtersForm(params, countries.data, navigate),
    h("p", { class: "summary" }, t("network.summary", { nodes: graph.nodes.length, edges: graph.edges.length, events: graph.events })),
    graph.nodes.length ? [h("p", { class: "muted" }, t("network.hint")), container] : h("p", { class: "muted" }, t("network.empty")),
    pairs.length
      ? section(
          t("network.table"),
          h(
            "table",
            { class: "pairs" },
            h("tbody", {}, pairs.map((e) => h("tr", {}, h("td", {}, link(view(e.source), names.get(e.source))), h("td", {}, link(view(e.target), names.get(e.target))), h("td", { class: "count" }, e.weight)))),
          ),
        )
      : null,
  );
  page.afterMount = graph.nodes.length
    ? [
        () => {
          const cy = cytoscape({
            container,
            elements: [
              ...graph.nodes.map((n) => ({ data: { id: `n${n.id}`, ref: n.id, label: n.name, size: 14 + 6 * Math.sqrt(n.events), color: n.country === "VN" ? VN : OTHER } })),
              ...graph.edges.map((e) => ({ data: { id: `e${e.source}-${e.target}`, source: `n${e.source}`, target: `n${e.target}`, width: Math.min(1 + 1.5 * e.weight, 10) } })),
            ],
            style: [
              { selector: "node", style: { "background-color": "data(color)", width: "data(size)", height: "data(size)", label: "data(label)", "font-size": 9, "text-valign": "bottom", "text-margin-y": 2, color: "#222", "min-zoomed-font-size": 7 } },
              { selector: "edge", style: { width: "data(width)", "line-color": "#9aa7b4", opacity: 0.7, "curve-style": "haystack" } },
            ],
            layout: { name: graph.nodes.length > FORCE_LAYOUT_MAX ? "concentric" : "cose", animate: false, randomize: false, nodeDimensionsIncludeLabels: true, padding: 20 },
            wheelSensitivity: 0.3,
          });
          cy.on("tap", "node", (event) => navigate(href(view(event.target.data("ref")))));
          container.dataset.rendered = String(cy.nodes().length);
        },
      ]
    : [];
  return page;
}
