import { getJson } from "../api.js";
import { h, link, section } from "../dom.js";
import { nameOf, t } from "../i18n.js";
import { eventList } from "./events.js";

export async function homeView() {
  const [countries, recent] = await Promise.all([getJson("/stats", { group_by: "country" }), getJson("/events", { limit: 10 })]);
  const foreign = countries.data.filter((c) => c.key !== "VN");
  return h(
    "div",
    {},
    h("h1", {}, t("home.title")),
    h("p", { class: "lead" }, t("home.intro")),
    section(t("home.countries"), h("ul", { class: "chips" }, foreign.map((c) => h("li", {}, link({ view: "country", code: c.key }, nameOf(c), " ", h("span", { class: "count" }, c.count)))))),
    section(t("country.events"), eventList(recent.data)),
  );
}
