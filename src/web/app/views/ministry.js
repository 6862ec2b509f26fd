import { getJson } from "../api.js";
import { h, link, list, section } from "../dom.js";
import { nameOf, t } from "../i18n.js";
import { eventList } from "./events.js";

export async function ministryView(params) {
  const m = await getJson(`/ministries/${encodeURIComponent(params.get("id"))}`);
  return h(
    "div",
    {},
    h("h1", {}, nameOf(m)),
    h("p", { class: "lead" }, link({ view: "country", code: m.country.code }, nameOf(m.country)), m.name_en && m.name_vi ? ` · ${m.name_vi}` : ""),
    section(t("event.participants"), list(m.officials, (o) => [link({ view: "official", id: o.id }, o.name), o.rank || o.offices.length ? h("span", { class: "muted" }, " — ", [o.rank, ...o.offices].filter(Boolean).join(", ")) : null])),
    section(t("country.events"), eventList(m.recent_events)),
  );
}
