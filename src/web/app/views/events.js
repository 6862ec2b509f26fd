// An event list, as the country, official and ministry pages show it.
import { dateRange, h, link } from "../dom.js";
import { label, nameOf, t } from "../i18n.js";

export function eventRow(e) {
  return h(
    "li",
    { class: "event-row", dataset: { eventId: e.id } },
    h("span", { class: "when" }, dateRange(e.start, e.end) || t("event.undated")),
    h("span", { class: `badge type-${e.type}` }, label(e.type_label)),
    link({ view: "event", id: e.id }, e.summary),
    h("span", { class: "muted" }, e.countries.map((c) => nameOf(c)).join(", ")),
  );
}

export function eventList(events) {
  if (!events.length) return h("p", { class: "muted" }, t("none"));
  return h("ul", { class: "events" }, events.map(eventRow));
}
