// HTML page to plain text: Readability finds the article, block elements become
// paragraphs, and the page's meta tags give title, date and address.
import { createRequire } from "node:module";
import { Readability } from "@mozilla/readability";
import type * as Linkedom from "linkedom";
import { normalize } from "./text.ts";
import { isWebUrl } from "./url.ts";

/** The little of the DOM this module uses (the project compiles without the DOM lib). */
interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: Iterable<DomNode>;
}
interface DomElement extends DomNode {
  getAttribute(name: string): string | null;
}
interface DomDocument {
  body: DomElement | null;
  querySelector(selector: string): DomElement | null;
}

export interface HtmlPage {
  text: string;
  title: string | null;
  publishedAt: string | null;
  url: string | null;
}

let linkedom: typeof Linkedom | null = null;

/** linkedom takes over half a second to load: loaded on the first page read, not by every thread that only reads text. */
function parseHTML(html: string): ReturnType<typeof Linkedom.parseHTML> {
  linkedom ??= createRequire(import.meta.url)("linkedom") as typeof Linkedom;
  return linkedom.parseHTML(html);
}

export const NO_HTML_TEXT = "no article text in the html";

const DROPPED = new Set(["script", "style", "noscript", "template", "nav", "footer", "aside", "iframe", "svg", "form", "button", "select", "head"]);
const BLOCKS = new Set([
  "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "div", "section", "article", "main", "header",
  "blockquote", "figure", "figcaption", "pre", "table", "thead", "tbody", "tr", "hr", "address", "details", "summary",
]);

/** True when text starts like an HTML document or fragment. */
export function looksLikeHtml(text: string): boolean {
  return /^\s*<(?:!doctype\s+html|html|head|body|meta|title|article|main|div|p|h[1-6])[\s>/]/iu.test(text);
}

/** The page's article as paragraphs separated by blank lines, the title first; its meta. */
export function htmlToText(html: string): HtmlPage {
  const page = readHtml(html);
  return { ...page, text: withTitle(page.text, page.title) };
}

/** The title as the first paragraph, unless the text already starts with it. */
export function withTitle(text: string, title: string | null): string {
  return title && text && !text.startsWith(title) ? `${title}\n\n${text}` : text;
}

/** Like htmlToText, without putting the title before the text. */
export function readHtml(html: string): HtmlPage {
  // linkedom only builds a usable document from a whole page.
  const source = /<html[\s>]/iu.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`;
  const document = parseHTML(source).document as unknown as DomDocument;
  // Read the meta tags first: Readability rewrites the document.
  const meta = (selector: string, attribute = "content") => clean(document.querySelector(selector)?.getAttribute(attribute));
  const title =
    plain(meta('meta[property="og:title"]')) ??
    clean(document.querySelector("title")?.textContent) ??
    clean(document.querySelector("h1")?.textContent);
  let publishedAt =
    meta('meta[property="article:published_time"]') ??
    meta('meta[name="pubdate"]') ??
    meta('meta[itemprop="datePublished"]') ??
    // A <time> in the header or a teaser list dates something else.
    (document.querySelector("article") ? meta("article time[datetime]", "datetime") : meta(":not(header, nav, aside, footer) > time[datetime]", "datetime"));
  const url = [meta('link[rel="canonical"]', "href"), meta('meta[property="og:url"]')].find((u) => u !== null && isWebUrl(u)) ?? null;

  let paragraphs: string[] = [];
  try {
    // The serializer hands back the content element itself instead of its HTML.
    const article = new Readability<DomNode>(document as never, { serializer: (node) => node as unknown as DomNode }).parse();
    if (article?.content) paragraphs = blocks(article.content);
    publishedAt ??= clean(article?.publishedTime);
  } catch {
    // Readability gives up on some malformed pages; the fallback below still reads them.
  }
  if (paragraphs.length === 0) {
    const root = document.querySelector("article") ?? document.body;
    if (root) paragraphs = blocks(root);
  }
  return { text: paragraphs.join("\n\n"), title, publishedAt, url };
}

/** The text under `root`, one paragraph per block element or line break. */
function blocks(root: DomNode): string[] {
  const out: string[] = [];
  let line = "";
  const flush = () => {
    const text = line.replace(/\s+/gu, " ").trim();
    if (text) out.push(text);
    line = "";
  };
  const walk = (node: DomNode) => {
    if (node.nodeType === 3) {
      line += node.textContent ?? "";
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 11) return;
    const tag = node.nodeName.toLowerCase();
    if (DROPPED.has(tag)) return;
    if (tag === "br") return flush();
    const block = BLOCKS.has(tag);
    if (block) flush();
    else if (tag === "td" || tag === "th") line += " ";
    for (const child of node.childNodes) walk(child);
    if (block) flush();
  };
  walk(root);
  flush();
  return out.map(normalize);
}

/** A meta value that holds markup ("<b>Hợp tác</b>"), as its text. */
function plain(value: string | null): string | null {
  if (value === null || !/<[a-z!/]/i.test(value)) return value;
  const { document } = parseHTML(`<!doctype html><html><head></head><body>${value}</body></html>`);
  return clean((document as unknown as DomDocument).body?.textContent);
}

function clean(value: string | null | undefined): string | null {
  const text = value ? normalize(value).replace(/\s+/gu, " ").trim() : "";
  return text || null;
}
