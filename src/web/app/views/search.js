import { getJson } from "../api.js";
import { h, link } from "../dom.js";
import { t } from "../i18n.js";

/** The explorer page of a search hit. */
export function hitLink(hit) {
  const params = hit.type === "country" ? { view: "country", code: hit.id } : { view: hit.type, id: hit.id };
  return link(params, hit.label);
}

export async function searchView(params) {
  const q = params.get("q") ?? "";
  const hits = q.trim().length >= 2 ? (await getJson("/search", { q, limit: 50 })).data : [];
  return h(
    "div",
    {},
    h("h1", {}, t("search.title"), ": ", h("q", {}, q)),
    hits.length
      ? h(
          "ul",
          { class: "hits" },
          hits.map((hit) => h("li", { dataset: { kind: hit.type } }, h("span", { class: "badge" }, t(`kind.${hit.type}`)), hitLink(hit), hit.detail ? h("span", { class: "muted" }, hit.detail) : null)),
        )
      : h("p", { class: "muted" }, t("search.none")),
  );
}
