// The explorer's shell: the page's state lives in the URL (/?view=country&code=CU…),
// so every page can be shared; links and the search box change it without a reload.
import { ApiError } from "./api.js";
import { h } from "./dom.js";
import { lang, LANGS, setLang, t, translatePage } from "./i18n.js";
import { articleView } from "./views/article.js";
import { countryView } from "./views/country.js";
import { agreementView, eventView } from "./views/event.js";
import { homeView } from "./views/home.js";
import { ministryView } from "./views/ministry.js";
import { networkView } from "./views/network.js";
import { officialView } from "./views/official.js";
import { searchView } from "./views/search.js";

const VIEWS = {
  home: homeView,
  search: searchView,
  country: countryView,
  event: eventView,
  agreement: agreementView,
  official: officialView,
  ministry: ministryView,
  article: articleView,
  network: networkView,
};

const app = document.getElementById("app");
let rendering = 0;

/** The URL with `lang` kept: the language is part of a shared link. */
function withLang(url) {
  const u = new URL(url, location.origin);
  if (!u.searchParams.has("lang") && lang() !== "vi") u.searchParams.set("lang", lang());
  return u.pathname + u.search + u.hash;
}

export function navigate(url, { replace = false } = {}) {
  const target = withLang(url);
  if (replace) history.replaceState(null, "", target);
  else history.pushState(null, "", target);
  render();
}

async function render() {
  const params = new URLSearchParams(location.search);
  setLang(params.get("lang") ?? localStorage.getItem("hoptac.lang") ?? "vi");
  translatePage();
  document.getElementById("lang-switch").textContent = lang() === "vi" ? "EN" : "VI";
  const input = document.getElementById("search-input");
  if (params.get("view") === "search") input.value = params.get("q") ?? "";

  const name = params.get("view") ?? "home";
  const view = VIEWS[name] ?? homeView;
  const run = ++rendering;
  app.dataset.view = name;
  app.dataset.ready = "false";
  app.replaceChildren(h("p", { class: "muted" }, t("loading")));
  let content;
  try {
    content = await view(params, { navigate });
  } catch (err) {
    content = h("section", { class: "card error" }, h("h2", {}, t("error.title")), h("p", {}, err instanceof ApiError ? err.message : String(err)));
  }
  if (run !== rendering) return;
  app.replaceChildren(content);
  app.dataset.ready = "true";
  const title = app.querySelector("h1")?.textContent;
  document.title = title ? `${title} · hoptac` : "hoptac";
  for (const hook of content.afterMount ?? []) hook();
}

document.addEventListener("click", (event) => {
  const a = event.target instanceof Element ? event.target.closest("a[data-nav]") : null;
  if (!a || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  navigate(a.getAttribute("href"));
});

document.getElementById("search-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const q = document.getElementById("search-input").value.trim();
  if (q.length >= 2) navigate(`/?view=search&q=${encodeURIComponent(q)}`);
});

document.getElementById("lang-switch").addEventListener("click", () => {
  const next = LANGS.find((l) => l !== lang());
  localStorage.setItem("hoptac.lang", next);
  const u = new URL(location.href);
  u.searchParams.set("lang", next);
  navigate(u.pathname + u.search, { replace: true });
});

window.addEventListener("popstate", render);
render();
