// The explorer in a real browser (Debian's chromium, headless, driven by
// playwright-core) over the seed articles: each page loads without a console
// error or a failed request, a reader can go from search to an official, an
// event and its article, and the chart and the network show the database's numbers.
import { mkdtemp, rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getJson, seededKb, type Event, type EventDetail, type Kb, type List } from "../api/kb.ts";
import { browserProblems, launchChromium, SCREENSHOTS } from "./browser.ts";

let kb: Kb;
let base: string;
let context: BrowserContext;
let profile: string;

beforeAll(async () => {
  kb = await seededKb("web_explorer");
  await kb.app.listen({ port: 0, host: "127.0.0.1" });
  base = `http://127.0.0.1:${(kb.app.server.address() as AddressInfo).port}`;
  profile = await mkdtemp(path.join(tmpdir(), "hoptac-chromium-"));
  context = await launchChromium(profile);
});

afterAll(async () => {
  await context?.close();
  if (profile) await rm(profile, { recursive: true, force: true });
  await kb?.close();
});

/** A fresh page that records every console error, page error and failed request. */
async function open(url: string, viewport = { width: 1280, height: 900 }): Promise<{ page: Page; problems: string[] }> {
  const page = await context.newPage();
  await page.setViewportSize(viewport);
  const problems = browserProblems(page);
  await page.goto(`${base}${url}`);
  await ready(page);
  return { page, problems };
}

/** Waits until the explorer has rendered the current URL's page. */
async function ready(page: Page, view?: string) {
  await page.waitForSelector(`#app[data-ready="true"]${view ? `[data-view="${view}"]` : ""}`);
}

describe("the explorer", () => {
  it("serves its page and the libraries itself, under a 'self'-only content security policy", async () => {
    const res = await fetch(`${base}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    expect(res.headers.get("content-security-policy")).toMatch(/script-src 'self'(;|$)/);
    const html = await res.text();
    expect(html).not.toMatch(/https?:\/\//);
    for (const lib of ["/vendor/echarts.esm.min.mjs", "/vendor/cytoscape.esm.min.mjs"]) {
      const r = await fetch(`${base}${lib}`);
      expect(r.status, lib).toBe(200);
      expect(r.headers.get("content-type")).toMatch(/^text\/javascript/);
    }
    expect((await fetch(`${base}/v1/nothing`)).headers.get("content-type")).toMatch(/^application\/problem\+json/);
  });

  it("follows search → official → event → article, with the evidence sentence highlighted", async () => {
    const { page, problems } = await open("/");
    await page.fill("#search-input", "to lam");
    await page.press("#search-input", "Enter");
    await ready(page, "search");
    expect(new URL(page.url()).searchParams.get("q")).toBe("to lam");
    const official = page.locator('.hits li[data-kind="official"] a', { hasText: "Tô Lâm" }).first();
    await official.click();
    await ready(page, "official");
    const id = Number(new URL(page.url()).searchParams.get("id"));
    const api = await getJson<{ name: string }>(kb.app, `/v1/officials/${id}`);
    expect(await page.locator("h1").textContent()).toBe(api.name);
    const mentions = await getJson<List<{ sentence: string }>>(kb.app, `/v1/officials/${id}/mentions?sort=date&limit=200`);
    expect(mentions.data.length).toBeGreaterThan(0);
    expect(await page.locator(".timeline > li blockquote").allTextContents()).toEqual(mentions.data.map((m) => m.sentence));
    const events = await getJson<List<Event>>(kb.app, `/v1/officials/${id}/events?limit=200`);
    expect(await page.locator(".events .event-row").count()).toBe(events.data.length);

    const first = events.data[0]!;
    await page.locator(`.event-row[data-event-id="${first.id}"] a`).click();
    await ready(page, "event");
    const event = await getJson<EventDetail>(kb.app, `/v1/events/${first.id}`);
    expect(await page.locator("h1").textContent()).toBe(event.summary);
    const roles = await page.locator(".participants li").allTextContents();
    expect(roles).toHaveLength(event.officials.length);
    for (const [i, o] of event.officials.entries()) expect(roles[i]).toContain(o.name);
    const badge = page.locator(".facts .badge");
    if (event.start) expect(await badge.getAttribute("data-reason")).toBe(event.date_reason ?? "");

    const source = event.sources[0]!;
    await page.locator(".sources a").first().click();
    await ready(page, "article");
    expect(await page.locator("mark.evidence").textContent()).toBe(source.sentence);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("shows a country: the chart's bars are the timeline's counts, the lists and filters are the API's", async () => {
    const { page, problems } = await open("/?view=country&code=CU");
    const timeline = await getJson<{ data: { year: number; total: number; by_type: Record<string, number> }[]; meta: { types: string[] } }>(kb.app, "/v1/countries/CU/timeline");
    await page.waitForSelector(".chart svg");
    // The chart's own state, read through the library the page loaded.
    const series = await page.evaluate<{ years: string[]; data: number[][] }>(`(async () => {
      const echarts = await import("/vendor/echarts.esm.min.mjs");
      const option = echarts.getInstanceByDom(document.querySelector(".chart")).getOption();
      return { years: option.xAxis[0].data, data: option.series.map((s) => s.data) };
    })()`);
    expect(series.years).toEqual(timeline.data.map((y) => String(y.year)));
    const totals = timeline.data.map((_, i) => series.data.reduce((sum, d) => sum + d[i]!, 0));
    expect(totals).toEqual(timeline.data.map((y) => y.total));
    expect(totals.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    // The bars' labels are in the page, as numbers a reader sees.
    const labels = await page.locator(".chart svg text").allTextContents();
    for (const y of timeline.data) for (const n of Object.values(y.by_type)) if (n > 0) expect(labels).toContain(String(n));

    const events = await getJson<List<Event>>(kb.app, "/v1/countries/CU/events?limit=20");
    expect(Number(await page.locator(".pager [data-count]").getAttribute("data-count"))).toBe(events.meta.count);
    expect(await page.locator(".events .event-row").count()).toBe(events.data.length);
    const ministries = await getJson<List<{ key: string; country: string }>>(kb.app, "/v1/stats?group_by=ministry&country=CU");
    expect(await page.locator("ul.ministries li").count()).toBe(ministries.data.filter((m) => m.country === "CU").length);
    const agreements = await getJson<List<unknown>>(kb.app, "/v1/agreements?country=CU");
    expect(await page.locator("ul.agreements li").count()).toBe(agreements.data.length);

    // A filter goes into the URL, and the list follows it.
    const type = events.data[0]!.type;
    await page.selectOption('select[name="type"]', type);
    await page.click('.filters button[type="submit"]');
    await page.waitForURL(/type=/);
    await ready(page, "country");
    const filtered = await getJson<List<Event>>(kb.app, `/v1/countries/CU/events?type=${type}&limit=20`);
    expect(Number(await page.locator(".pager [data-count]").getAttribute("data-count"))).toBe(filtered.meta.count);
    expect(await page.locator(".events .event-row").count()).toBe(filtered.data.length);
    if (SCREENSHOTS) {
      await page.goto(`${base}/?view=country&code=CU&lang=en`);
      await ready(page, "country");
      await page.waitForSelector(".chart svg");
      await page.screenshot({ path: path.join(SCREENSHOTS, "country.png"), fullPage: true });
    }
    expect(problems).toEqual([]);
    await page.close();
  });

  it("pages through a long event list with the cursor in the URL", async () => {
    const all = await getJson<List<Event>>(kb.app, "/v1/countries/VN/events?limit=20");
    expect(all.meta.count).toBeGreaterThan(20);
    const { page, problems } = await open("/?view=country&code=VN");
    await page.click(".pager a:last-child");
    await page.waitForURL(/cursor=/);
    await ready(page, "country");
    const second = await getJson<List<Event>>(kb.app, `/v1/countries/VN/events?limit=20&cursor=${all.meta.next_cursor}`);
    const ids = await page.locator(".events .event-row").evaluateAll((rows) => rows.map((r) => Number(r.getAttribute("data-event-id"))));
    expect(ids).toEqual(second.data.map((e) => e.id));
    expect(problems).toEqual([]);
    await page.close();
  });

  it("draws who met whom with the officials and pairs the database has for the country", async () => {
    const { page, problems } = await open("/?view=network&country=CU");
    await page.waitForSelector(".network[data-rendered]");
    // Computed here straight from the tables: officials of CU events with two or more participants, and their pairs.
    const [counts] = (
      await kb.db.prisma.$queryRawUnsafe<{ nodes: number; edges: number }[]>(`
        WITH ev AS (SELECT e.id FROM events e JOIN event_countries ec ON ec.event_id = e.id AND ec.country_code = 'CU'
                    WHERE (SELECT count(*) FROM event_participants p WHERE p.event_id = e.id) >= 2)
        SELECT (SELECT count(DISTINCT p.official_id)::int FROM event_participants p JOIN ev ON ev.id = p.event_id) AS nodes,
               (SELECT count(*)::int FROM (SELECT DISTINCT a.official_id, b.official_id FROM event_participants a
                  JOIN event_participants b ON a.event_id = b.event_id AND a.official_id < b.official_id JOIN ev ON ev.id = a.event_id) x) AS edges`)
    );
    const { nodes, edges } = counts!;
    expect(nodes).toBeGreaterThan(1);
    const network = page.locator(".network");
    expect(Number(await network.getAttribute("data-nodes"))).toBe(nodes);
    expect(Number(await network.getAttribute("data-edges"))).toBe(edges);
    expect(Number(await network.getAttribute("data-rendered"))).toBe(nodes);
    expect(await network.locator("canvas").count()).toBeGreaterThan(0);
    // Ministries instead, through the form.
    await page.selectOption('select[name="mode"]', "ministries");
    await page.click('.filters button[type="submit"]');
    await page.waitForURL(/mode=ministries/);
    await ready(page, "network");
    expect(new URL(page.url()).searchParams.get("country")).toBe("CU");
    expect(problems).toEqual([]);
    await page.close();
  });

  it("switches the labels between Vietnamese and English, keeping the language in the link", async () => {
    const { page, problems } = await open("/?view=country&code=CU");
    expect(await page.locator("section h2").first().textContent()).toBe("Sự kiện theo năm và loại");
    await page.click("#lang-switch");
    await page.waitForURL(/lang=en/);
    await ready(page, "country");
    expect(await page.locator("section h2").first().textContent()).toBe("Events per year, by type");
    expect(await page.getAttribute("html", "lang")).toBe("en");
    expect(problems).toEqual([]);
    await page.close();
  });

  it("fits a phone's width, and an event page shows its sources", async () => {
    const events = await getJson<List<Event>>(kb.app, "/v1/events?country=CU&limit=50");
    const rich = events.data.reduce((a, b) => (b.officials.length + b.sources.length > a.officials.length + a.sources.length ? b : a));
    for (const url of ["/?view=country&code=CU", `/?view=event&id=${rich.id}`, "/?view=network&country=CU"]) {
      const { page, problems } = await open(url, { width: 390, height: 844 });
      const overflow = await page.evaluate<number>("document.documentElement.scrollWidth - window.innerWidth");
      expect(overflow, url).toBeLessThanOrEqual(0);
      if (url.includes("event") && SCREENSHOTS) {
        await page.setViewportSize({ width: 1100, height: 900 });
        await page.goto(`${base}${url}&lang=en`);
        await ready(page, "event");
        await page.screenshot({ path: path.join(SCREENSHOTS, "event.png"), fullPage: true });
      }
      expect(problems, url).toEqual([]);
      await page.close();
    }
  });
});
