import { getJson } from "../api.js";
import { formatDate, h, link, section } from "../dom.js";
import { nameOf, t } from "../i18n.js";
import { eventList } from "./events.js";

export async function officialView(params) {
  const id = params.get("id");
  const path = `/officials/${encodeURIComponent(id)}`;
  // The timeline is the official's mentions oldest first (the first 200, as for events).
  const [o, mentions, events] = await Promise.all([getJson(path), getJson(`${path}/mentions`, { sort: "date", limit: 200 }), getJson(`${path}/events`, { limit: 200 })]);
  const timeline = mentions.data.length
    ? h(
        "ol",
        { class: "timeline" },
        mentions.data.map((entry) =>
          h(
            "li",
            {},
            h("span", { class: "when" }, formatDate(entry.observed_on) || t("official.undated")),
            h(
              "div",
              {},
              h("strong", {}, [entry.rank, ...entry.offices].filter(Boolean).join(", ") || entry.name_as_written),
              entry.ministry ? [" · ", link({ view: "ministry", id: entry.ministry.id }, nameOf(entry.ministry))] : null,
              entry.unit ? ` · ${nameOf(entry.unit)}` : null,
              h("blockquote", {}, entry.sentence),
              link({ view: "article", id: entry.source.article_id, official: o.id }, entry.source.title ?? `#${entry.source.article_id}`),
              entry.source.published_at ? h("span", { class: "muted" }, ` · ${entry.source.published_at}`) : null,
            ),
          ),
        ),
      )
    : h("p", { class: "muted" }, t("none"));
  return h(
    "div",
    { class: "official" },
    h("h1", {}, o.name),
    h(
      "dl",
      { class: "facts" },
      h("dt", {}, t("official.country")),
      h("dd", {}, o.country ? link({ view: "country", code: o.country.code }, nameOf(o.country)) : "—"),
      o.aliases.length ? [h("dt", {}, t("official.aliases")), h("dd", {}, o.aliases.join(", "))] : null,
    ),
    section(`${t("official.timeline")} (${mentions.meta.count})`, timeline),
    section(`${t("official.events")} (${events.meta.count})`, eventList(events.data)),
  );
}
