import { getJson } from "../api.js";
import { h, href, link, list, section } from "../dom.js";
import { label, nameOf, t } from "../i18n.js";
import { yearChart } from "./chart.js";
import { eventList } from "./events.js";

const PAGE = 20;
const FILTERS = ["type", "topic", "from", "to"];

function filtersForm(params, code, types, topics, navigate) {
  const select = (name, options) =>
    h(
      "select",
      { name },
      h("option", { value: "" }, t("filter.any")),
      options.map((o) => h("option", { value: o.key, selected: params.get(name) === o.key }, o.label)),
    );
  const form = h(
    "form",
    { class: "filters" },
    h("label", {}, t("filter.type"), select("type", types)),
    h("label", {}, t("filter.topic"), select("topic", topics)),
    h("label", {}, t("filter.from"), h("input", { name: "from", value: params.get("from") ?? "", placeholder: "2020", size: 10, pattern: "\\d{4}(-\\d{2}(-\\d{2})?)?" })),
    h("label", {}, t("filter.to"), h("input", { name: "to", value: params.get("to") ?? "", placeholder: "2025-12", size: 10, pattern: "\\d{4}(-\\d{2}(-\\d{2})?)?" })),
    h("button", { type: "submit" }, t("filter.apply")),
    link({ view: "country", code }, t("filter.clear")),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const next = { view: "country", code };
    for (const name of FILTERS) if (data.get(name)) next[name] = data.get(name);
    navigate(href(next));
  });
  return form;
}

export async function countryView(params, { navigate }) {
  const code = (params.get("code") ?? "").toUpperCase();
  const filters = Object.fromEntries(FILTERS.flatMap((name) => (params.get(name) ? [[name, params.get(name)]] : [])));
  const [country, timeline, types, topics, ministries, agreements, events] = await Promise.all([
    getJson(`/countries/${encodeURIComponent(code)}`),
    getJson(`/countries/${encodeURIComponent(code)}/timeline`, filters),
    getJson("/stats", { group_by: "type", country: code }),
    getJson("/stats", { group_by: "topic", country: code }),
    getJson("/stats", { group_by: "ministry", country: code }),
    getJson("/agreements", { country: code, limit: 50 }),
    getJson(`/countries/${encodeURIComponent(code)}/events`, { ...filters, limit: PAGE, cursor: params.get("cursor") }),
  ]);
  const typeName = new Map(types.data.map((g) => [g.key, label({ vi: g.name_vi, en: g.name_en })]));
  const typeLabel = (type) => typeName.get(type) ?? type;
  const chart = yearChart(timeline, typeLabel);
  const partners = ministries.data.filter((m) => m.country === code);

  const pager = h(
    "nav",
    { class: "pager" },
    h("span", { class: "muted", dataset: { count: events.meta.count } }, t("page.count", { count: events.meta.count })),
    params.get("cursor") ? link({ view: "country", code, ...filters }, t("page.prev")) : null,
    events.meta.next_cursor ? link({ view: "country", code, ...filters, cursor: events.meta.next_cursor }, t("page.next")) : null,
  );

  const page = h(
    "div",
    { class: "country" },
    h("h1", {}, nameOf(country)),
    h(
      "p",
      { class: "lead" },
      `${country.name_vi} · ${country.name_en} · ${code}`,
      " — ",
      link({ view: "network", country: code }, t("country.network")),
    ),
    section(
      t("country.chart"),
      chart.element,
      timeline.meta.undated ? h("p", { class: "muted" }, `${timeline.meta.undated} ${t("country.undated")}`) : null,
    ),
    h(
      "div",
      { class: "columns" },
      section(t("country.ministries"), list(partners, (m) => [link({ view: "ministry", id: m.key }, nameOf(m)), " ", h("span", { class: "count" }, m.count)], { class: "ministries" })),
      section(
        t("country.agreements"),
        list(agreements.data, (a) => [link({ view: "agreement", id: a.id }, a.title), h("span", { class: "muted" }, ` · ${label(a.type_label)}${a.signed ? ` · ${a.signed}` : ""}`)], { class: "agreements" }),
      ),
    ),
    section(t("country.events"), filtersForm(params, code, types.data.map((g) => ({ key: g.key, label: typeLabel(g.key) })), topics.data.map((g) => ({ key: g.key, label: label({ vi: g.name_vi, en: g.name_en }) || g.key })), navigate), eventList(events.data), pager),
  );
  page.afterMount = [chart.mount];
  return page;
}
