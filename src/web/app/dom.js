// Building the page: elements from plain values (text is always set as text,
// never parsed as HTML), links that navigate within the explorer, and dates.
import { t } from "./i18n.js";

/** h("a", {href: "/"}, "text", child…): an element; attributes starting with "on" are listeners. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith("on") && typeof value === "function") el.addEventListener(name.slice(2), value);
    else if (name === "class") el.className = value;
    else if (name === "dataset") Object.assign(el.dataset, value);
    else el.setAttribute(name, value === true ? "" : String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** A link to an explorer page: `/?view=…`, followed without reloading the page. */
export function link(params, ...children) {
  return h("a", { href: href(params), "data-nav": true }, ...children);
}

export function href(params) {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    for (const value of Array.isArray(v) ? v : [v]) if (value !== undefined && value !== null && value !== "") search.append(k, String(value));
  }
  return `/?${search}`;
}

export function section(title, ...children) {
  return h("section", { class: "card" }, h("h2", {}, title), ...children);
}

/** A list, or "None." when it is empty. */
export function list(items, render, attrs = {}) {
  if (!items.length) return h("p", { class: "muted" }, t("none"));
  return h("ul", attrs, items.map((item) => h("li", {}, render(item))));
}

/** A partial ISO date (2024-05-15, 2024-05, 2024, --05-15) as people read it. */
export function formatDate(partial) {
  if (!partial) return "";
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(partial);
  if (m) return `${Number(m[3])}/${Number(m[2])}/${m[1]}`;
  m = /^(\d{4})-(\d{2})$/.exec(partial);
  if (m) return `${Number(m[2])}/${m[1]}`;
  m = /^--(\d{2})-(\d{2})$/.exec(partial);
  if (m) return `${Number(m[2])}/${Number(m[1])}/?`;
  return partial;
}

export function dateRange(start, end) {
  if (!start) return "";
  return end && end !== start ? `${formatDate(start)} – ${formatDate(end)}` : formatDate(start);
}
