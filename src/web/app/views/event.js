import { getJson } from "../api.js";
import { dateRange, h, link, list, section } from "../dom.js";
import { label, lang, nameOf, t } from "../i18n.js";

/** How the date was read (the API's date_reason), in words; "stated…" is read from the text, anything else inferred. */
const REASONS = {
  stated: { vi: "nêu trong bài", en: "as the article states it" },
  "stated, year unknown": { vi: "nêu trong bài, không rõ năm", en: "as stated; the year is unknown" },
  publication: { vi: "suy ra từ ngày đăng bài", en: "inferred from the publication date" },
  "publication month": { vi: "suy ra từ tháng đăng bài", en: "inferred from the month of publication" },
  context: { vi: "suy ra từ ngữ cảnh bài báo", en: "inferred from the article's context" },
  unknown: { vi: "không rõ", en: "unknown" },
};

export function isInferred(reason) {
  return !!reason && reason !== "stated" && reason !== "stated, year unknown";
}

function reasonText(reason) {
  if (!reason) return "";
  const known = REASONS[reason];
  return known ? known[lang()] : reason;
}

function dates(e) {
  const when = dateRange(e.start, e.end);
  if (!when) return h("span", { class: "muted" }, t("event.undated"));
  return [
    h("span", { class: "when" }, when),
    e.span_from && e.span_to && e.span_from !== e.span_to && e.start_precision !== "day" ? h("span", { class: "muted" }, ` (${e.span_from} – ${e.span_to})`) : null,
    " ",
    h("span", { class: isInferred(e.date_reason) ? "badge inferred" : "badge stated", dataset: { reason: e.date_reason ?? "" } }, isInferred(e.date_reason) ? t("event.inferred") : t("event.stated")),
    e.date_reason ? h("span", { class: "muted" }, ` ${reasonText(e.date_reason)}`) : null,
  ];
}

function fact(name, value) {
  return [h("dt", {}, name), h("dd", {}, value)];
}

export async function eventView(params) {
  const e = await getJson(`/events/${encodeURIComponent(params.get("id"))}`);
  return h(
    "div",
    { class: "event" },
    h("p", {}, h("span", { class: `badge type-${e.type}` }, label(e.type_label))),
    h("h1", {}, e.summary),
    h(
      "dl",
      { class: "facts" },
      fact(t("event.dates"), dates(e)),
      fact(t("event.place"), e.place ?? "—"),
      fact(t("event.countries"), e.countries.map((c, i) => [i ? ", " : "", link({ view: "country", code: c.code }, nameOf(c))])),
      e.mechanism ? fact(t("event.mechanism"), `${e.mechanism}${e.ordinal ? ` (${e.ordinal})` : ""}`) : null,
      e.topics.length ? fact(t("event.topics"), e.topics.join(", ")) : null,
    ),
    section(
      t("event.participants"),
      list(e.officials, (o) => [link({ view: "official", id: o.id }, o.name), h("span", { class: `role role-${o.role}` }, t(`role.${o.role}`)), o.country ? h("span", { class: "muted" }, ` ${o.country}`) : null], { class: "participants" }),
    ),
    section(t("event.ministries"), list(e.ministries, (m) => link({ view: "ministry", id: m.id }, nameOf(m), h("span", { class: "muted" }, ` ${m.country}`)))),
    e.agreements.length ? section(t("event.agreements"), list(e.agreements, (a) => link({ view: "agreement", id: a.id }, a.title))) : null,
    section(
      t("event.sources"),
      list(
        e.sources,
        (s) =>
          h(
            "div",
            { class: "source" },
            link({ view: "article", id: s.article_id, event: e.id }, s.title ?? `#${s.article_id}`),
            s.published_at ? h("span", { class: "muted" }, ` · ${s.published_at}`) : null,
            h("blockquote", {}, s.sentence),
          ),
        { class: "sources" },
      ),
    ),
  );
}

export async function agreementView(params) {
  const a = await getJson(`/agreements/${encodeURIComponent(params.get("id"))}`);
  return h(
    "div",
    { class: "agreement" },
    h("p", {}, h("span", { class: "badge" }, label(a.type_label))),
    h("h1", {}, a.title),
    h(
      "dl",
      { class: "facts" },
      fact(t("event.dates"), a.signed ?? "—"),
      fact(t("event.countries"), a.parties.map((p, i) => [i ? ", " : "", link({ view: "country", code: p.country.code }, nameOf(p.country)), p.ministry ? ` (${nameOf(p.ministry)})` : ""])),
      a.event ? fact(t("kind.event"), link({ view: "event", id: a.event.id }, a.event.summary)) : null,
    ),
    section(
      t("event.sources"),
      list(a.sources, (s) => h("div", { class: "source" }, link({ view: "article", id: s.article_id, agreement: a.id }, s.title ?? `#${s.article_id}`), h("blockquote", {}, s.sentence)), { class: "sources" }),
    ),
  );
}
