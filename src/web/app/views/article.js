import { getJson } from "../api.js";
import { h, link, section } from "../dom.js";
import { t } from "../i18n.js";

/** Where `sentence` stands in `text`: exactly, else with any run of spaces matching any other. */
function locate(text, sentence) {
  if (!sentence) return null;
  const at = text.indexOf(sentence);
  if (at >= 0) return [at, at + sentence.length];
  const words = sentence.trim().split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  const m = new RegExp(words.join("\\s+")).exec(text);
  return m ? [m.index, m.index + m[0].length] : null;
}

/** The evidence the URL points at: ?event=, ?agreement= or ?official=. */
function evidence(article, params) {
  const pick = (list, key, id) => list.find((x) => String(key(x)) === id)?.sentence;
  if (params.get("event")) return pick(article.events, (e) => e.id, params.get("event"));
  if (params.get("agreement")) return pick(article.agreements, (a) => a.id, params.get("agreement"));
  if (params.get("official")) return pick(article.officials, (m) => m.official.id, params.get("official"));
  return null;
}

export async function articleView(params) {
  const a = await getJson(`/articles/${encodeURIComponent(params.get("id"))}`);
  const sentence = evidence(a, params);
  const span = locate(a.text, sentence);
  const mark = span ? h("mark", { class: "evidence", id: "evidence" }, a.text.slice(span[0], span[1])) : null;
  const body = h("div", { class: "article-text" }, span ? [a.text.slice(0, span[0]), mark, a.text.slice(span[1])] : a.text);
  const page = h(
    "div",
    { class: "article" },
    h("h1", {}, a.title ?? a.source_key),
    h(
      "p",
      { class: "lead" },
      a.published_at ? `${t("article.published")}: ${a.published_at}` : null,
      a.outlet ? ` · ${a.outlet}` : null,
      a.url ? [" · ", h("a", { href: a.url, rel: "noopener noreferrer" }, t("article.open"))] : null,
    ),
    sentence ? section(t("article.evidence"), h("blockquote", {}, sentence)) : null,
    section(t("article.text"), body),
    section(
      t("article.facts"),
      h(
        "ul",
        {},
        a.events.map((e) => h("li", {}, link({ view: "event", id: e.id }, e.summary))),
        a.agreements.map((g) => h("li", {}, link({ view: "agreement", id: g.id }, g.title))),
      ),
    ),
  );
  if (mark) page.afterMount = [() => mark.scrollIntoView({ block: "center" })];
  return page;
}
