// Officials, countries, ministries, agreements, articles, search and stats
// over the seed articles.
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { articleBodyPage } from "../../src/api/query/articles.ts";
import { search, searchSql, SEARCH_KINDS, type SearchKind, type SearchRow } from "../../src/api/query/search.ts";
import { sql } from "../../src/api/query/sql.ts";
import { ArticleSchema } from "../../src/api/routes/articles.ts";
import { primaryReader } from "../../src/db/reader.ts";
import { allPages, expectProblemShape, getJson, seededKb, type Event, type Kb, type List } from "./kb.ts";

interface Ref {
  id: number;
  code: string;
  name_vi: string;
  name_en: string | null;
  country: string;
}
interface Official {
  id: number;
  name: string;
  country: { code: string; name_vi: string; name_en: string } | null;
  aliases: string[];
  name_en: string | null;
  event_count: number;
  mention_count: number;
  latest: { rank: string | null; offices: string[]; ministry: Ref | null; observed_on: string | null } | null;
}
interface Mention {
  observed_on: string | null;
  name_as_written: string;
  rank: string | null;
  offices: string[];
  ministry: Ref | null;
  sentence: string;
  source: { article_id: number };
}
interface Country {
  code: string;
  name_vi: string;
  name_en: string;
  aliases: string[];
  counts: { events: number; officials: number; ministries: number; agreements: number; articles: number };
}
interface Ministry {
  id: number;
  code: string;
  name_vi: string;
  country: { code: string };
  counts: { events: number; officials: number; agreements: number; units: number; articles: number };
}
interface Agreement {
  id: number;
  type: string;
  type_label: { vi: string; en: string };
  title: string;
  signed: string | null;
  parties: { country: { code: string }; ministry: Ref | null }[];
  event: { id: number } | null;
  sources: { article_id: number; sentence?: string }[];
}
interface Article {
  id: number;
  title: string | null;
  published_at: string | null;
  counts: { officials: number; events: number; agreements: number; countries: number; ministries: number };
}
interface Hit {
  type: string;
  id: number | string;
  label: string;
  score: number;
  href: string;
}
interface Group {
  key: string | null;
  name_vi: string | null;
  name_en: string | null;
  country: string | null;
  count: number;
}

let kb: Kb;
let toLam: Official;
let vnMps: Ministry;
let cnMps: Ministry;

const get = (path: string) => request(kb.app.server).get(path);

beforeAll(async () => {
  kb = await seededKb("api_resources");
  toLam = (await getJson<List<Official>>(kb.app, "/v1/officials?q=to%20lam")).data.find((o) => o.name === "Tô Lâm")!;
  const ministries = (await getJson<List<Ministry>>(kb.app, "/v1/ministries?limit=200")).data;
  vnMps = ministries.find((m) => m.code === "VN-MPS")!;
  cnMps = ministries.find((m) => m.code === "CN-MPS")!;
});

afterAll(async () => {
  await kb?.close();
});

describe("officials", () => {
  it("finds Tô Lâm by 'to lam', 'TÔ LÂM' and 'Tô Lâm'", async () => {
    expect(toLam).toMatchObject({ country: { code: "VN", name_vi: "Việt Nam" }, aliases: expect.any(Array) });
    expect(toLam.event_count).toBeGreaterThan(0);
    expect(toLam.mention_count).toBeGreaterThan(1);
    expect(toLam.latest).toMatchObject({ offices: expect.any(Array) });
    for (const q of ["TÔ LÂM", "Tô Lâm", "tô lâm", " to  lam "]) {
      const found = await getJson<List<Official>>(kb.app, `/v1/officials?q=${encodeURIComponent(q)}`);
      expect(found.data.map((o) => o.id)).toContain(toLam.id);
    }
  });

  it("filters by country and by ministry", async () => {
    const vn = await getJson<List<Official>>(kb.app, "/v1/officials?country=vn&limit=200");
    expect(vn.meta.count).toBeGreaterThan(1);
    for (const o of vn.data) expect(o.country?.code).toBe("VN");
    const cn = await getJson<List<Official>>(kb.app, `/v1/officials?ministry=${cnMps.id}`);
    expect(cn.meta.count).toBeGreaterThan(0);
    for (const o of cn.data) expect(o.country?.code).toBe("CN");
    const inVnMps = await getJson<List<Official>>(kb.app, `/v1/officials?ministry=${vnMps.id}&country=VN&limit=200`);
    expect(inVnMps.data.map((o) => o.id)).toContain(toLam.id);
  });

  it("pages through all officials with limit=2 in name order", async () => {
    const all = await getJson<List<Official>>(kb.app, "/v1/officials?limit=200");
    expect(all.meta.count).toBeGreaterThan(10);
    const { items } = await allPages<Official>(kb.app, "/v1/officials?limit=2");
    expect(items.map((o) => o.id)).toEqual(all.data.map((o) => o.id));
    const forged = Buffer.from(JSON.stringify({ l: "officials", s: "name", k: "\u0000", i: 1 })).toString("base64url");
    expectProblemShape(await get(`/v1/officials?cursor=${forged}`), 400);
    expectProblemShape(await get("/v1/officials?cursor=abc"), 400);
  });

  it("GET /officials/{id} gives the latest mentions and the paths of all of them and of the events", async () => {
    const official = await getJson<Official & { recent_mentions: Mention[]; mentions_href: string; events_href: string }>(kb.app, `/v1/officials/${toLam.id}`);
    expect(official).toMatchObject({ id: toLam.id, name: "Tô Lâm", country: { code: "VN" }, name_en: toLam.name_en, mention_count: toLam.mention_count });
    expect(official.mentions_href).toBe(`/v1/officials/${toLam.id}/mentions`);
    expect(official.events_href).toBe(`/v1/officials/${toLam.id}/events`);
    expect("timeline" in official).toBe(false);
    // The first page of the mentions, newest first, cut to a few.
    const newest = await getJson<List<Mention>>(kb.app, official.mentions_href);
    expect(official.recent_mentions.length).toBe(Math.min(5, toLam.mention_count));
    expect(official.recent_mentions).toEqual(newest.data.slice(0, official.recent_mentions.length));
    expect(official.recent_mentions[0]!.observed_on).toBe(toLam.latest!.observed_on);
  });

  it("GET /officials/{id}/mentions pages through every mention in date order, either way, with exact counts", async () => {
    const path = `/v1/officials/${toLam.id}/mentions`;
    const oldest = await allPages<Mention>(kb.app, `${path}?sort=date&limit=2`);
    expect(oldest.items).toHaveLength(toLam.mention_count);
    expect(oldest.pages).toBe(Math.ceil(toLam.mention_count / 2));
    const dated = oldest.items.filter((t) => t.observed_on !== null).map((t) => t.observed_on!);
    expect(dated).toEqual([...dated].sort());
    // Undated observations come after the dated ones.
    const firstUndated = oldest.items.findIndex((t) => t.observed_on === null);
    if (firstUndated >= 0) expect(oldest.items.slice(firstUndated).every((t) => t.observed_on === null)).toBe(true);
    for (const t of oldest.items) {
      expect(t.sentence).toContain("Tô Lâm");
      expect(t.source.article_id).toEqual(expect.any(Number));
    }
    expect(oldest.items.some((t) => t.rank === "Đại tướng" && t.ministry?.code === "VN-MPS")).toBe(true);
    // Each article says its piece once.
    expect(new Set(oldest.items.map((t) => t.source.article_id)).size).toBe(toLam.mention_count);

    const whole = await getJson<List<Mention>>(kb.app, `${path}?sort=date&limit=200`);
    expect(whole.data).toEqual(oldest.items);
    expect(whole.meta).toEqual({ count: toLam.mention_count, next_cursor: null });
    const first = await getJson<List<Mention>>(kb.app, `${path}?sort=date&limit=1`);
    expect(first.meta.count).toBe(toLam.mention_count);
    expect(first.meta.next_cursor).not.toBeNull();

    // Newest first: the same mentions, dated ones in the other order, undated still last.
    const newest = await allPages<Mention>(kb.app, `${path}?limit=3`);
    const datedDesc = newest.items.filter((t) => t.observed_on !== null).map((t) => t.observed_on!);
    expect(datedDesc).toEqual([...dated].reverse());
    expect(newest.items.slice(datedDesc.length).every((t) => t.observed_on === null)).toBe(true);
    expect(newest.items.map((t) => t.source.article_id).sort()).toEqual(oldest.items.map((t) => t.source.article_id).sort());
  });

  it("GET /officials/{id}/mentions pages one at a time through every official's dated and undated mentions alike", async () => {
    const officials = await getJson<List<Official>>(kb.app, "/v1/officials?limit=200");
    let undated = 0;
    for (const o of officials.data) {
      for (const sort of ["date", "-date"]) {
        const path = `/v1/officials/${o.id}/mentions?sort=${sort}`;
        const whole = await getJson<List<Mention>>(kb.app, `${path}&limit=200`);
        expect(whole.meta.count).toBe(o.mention_count);
        expect(whole.data).toHaveLength(o.mention_count);
        const paged = await allPages<Mention>(kb.app, `${path}&limit=1`);
        expect(paged.items).toEqual(whole.data);
        const firstUndated = whole.data.findIndex((t) => t.observed_on === null);
        if (firstUndated >= 0) expect(whole.data.slice(firstUndated).every((t) => t.observed_on === null)).toBe(true);
        if (sort === "date") undated += whole.data.length - (firstUndated >= 0 ? firstUndated : whole.data.length);
      }
    }
    // The seeds have undated mentions, so that the walk across them is tested too.
    expect(undated).toBeGreaterThan(0);
  });

  it("GET /officials/{id}/mentions refuses bad parameters and cursors of another list or sort", async () => {
    const path = `/v1/officials/${toLam.id}/mentions`;
    const { meta } = await getJson<List<Mention>>(kb.app, `${path}?limit=1`);
    expectProblemShape(await get(`${path}?sort=date&cursor=${meta.next_cursor}`), 400);
    const events = await getJson<List<Event>>(kb.app, "/v1/events?limit=1");
    expectProblemShape(await get(`${path}?cursor=${events.meta.next_cursor}`), 400);
    expectProblemShape(await get(`${path}?cursor=abc`), 400);
    expectProblemShape(await get(`${path}?limit=0`), 400);
    expectProblemShape(await get(`${path}?limit=201`), 400);
    expectProblemShape(await get(`${path}?sort=name`), 400);
    expectProblemShape(await get(`${path}?country=VN`), 400);
  });

  it("GET /officials/{id}/events is /events?official={id}", async () => {
    const own = await getJson<List<Event>>(kb.app, `/v1/officials/${toLam.id}/events?limit=200`);
    const filtered = await getJson<List<Event>>(kb.app, `/v1/events?official=${toLam.id}&limit=200`);
    expect(own).toEqual(filtered);
    expect(own.meta.count).toBe(toLam.event_count);
    const withChina = await getJson<List<Event>>(kb.app, `/v1/officials/${toLam.id}/events?country=CN`);
    for (const e of withChina.data) expect(e.countries.map((c) => c.code)).toContain("CN");
    expectProblemShape(await get(`/v1/officials/${toLam.id}/events?official=1`), 400);
  });

  it("is 404 for unknown officials", async () => {
    expectProblemShape(await get("/v1/officials/999999"), 404);
    expectProblemShape(await get("/v1/officials/999999/events"), 404);
    expectProblemShape(await get("/v1/officials/999999/mentions"), 404);
    expectProblemShape(await get("/v1/officials/abc/mentions"), 400);
    expectProblemShape(await get("/v1/officials/abc"), 400);
  });
});

describe("countries", () => {
  it("lists every country with names and counts; involved=true keeps those with facts", async () => {
    const all = await getJson<List<Country>>(kb.app, "/v1/countries");
    expect(all.meta.count).toBeGreaterThan(200);
    expect(all.data.length).toBe(Math.min(all.meta.count, 250));
    const involved = await getJson<List<Country>>(kb.app, "/v1/countries?involved=true");
    expect(involved.data.map((c) => c.code)).toEqual(expect.arrayContaining(["CN", "CU", "RU", "VN"]));
    expect(involved.data.every((c) => Object.values(c.counts).some((n) => n > 0))).toBe(true);
    const paged = await allPages<Country>(kb.app, "/v1/countries?limit=50");
    expect(paged.items.map((c) => c.code)).toEqual([...paged.items.map((c) => c.code)].sort());
    expect(paged.items).toHaveLength(all.meta.count);
  });

  it("finds countries by name without diacritics", async () => {
    const found = await getJson<List<Country>>(kb.app, "/v1/countries?q=trung%20quoc");
    expect(found.data.map((c) => c.code)).toContain("CN");
    const english = await getJson<List<Country>>(kb.app, "/v1/countries?q=russia");
    expect(english.data.map((c) => c.code)).toContain("RU");
  });

  it("GET /countries/{code} gives names and counts that agree with the lists", async () => {
    const cuba = await getJson<Country>(kb.app, "/v1/countries/cu");
    expect(cuba).toMatchObject({ code: "CU", name_vi: "Cuba", name_en: "Cuba" });
    expect(cuba.counts.events).toBe((await getJson<List<Event>>(kb.app, "/v1/events?country=CU")).meta.count);
    expect(cuba.counts.officials).toBe((await getJson<List<Official>>(kb.app, "/v1/officials?country=CU")).meta.count);
    expect(cuba.counts.ministries).toBe((await getJson<List<Ministry>>(kb.app, "/v1/ministries?country=CU")).meta.count);
    expect(cuba.counts.agreements).toBe((await getJson<List<Agreement>>(kb.app, "/v1/agreements?country=CU")).meta.count);
    expect(cuba.counts.articles).toBe((await getJson<List<Article>>(kb.app, "/v1/articles?country=CU")).meta.count);
  });

  it("GET /countries/{code}/events is /events with that country, and takes the same filters", async () => {
    expect(await getJson(kb.app, "/v1/countries/CN/events?limit=200")).toEqual(await getJson(kb.app, "/v1/events?country=CN&limit=200"));
    expect(await getJson(kb.app, "/v1/countries/CN/events?type=reception&country=VN")).toEqual(
      await getJson(kb.app, "/v1/events?country=CN&country=VN&type=reception"),
    );
  });

  it("GET /countries/{code}/timeline counts events per year and type, with the undated apart", async () => {
    const cn = await getJson<Country>(kb.app, "/v1/countries/CN");
    const timeline = await getJson<{
      data: { year: number; total: number; by_type: Record<string, number> }[];
      meta: { count: number; undated: number; types: string[] };
    }>(kb.app, "/v1/countries/CN/timeline");
    expect(timeline.meta.types).toEqual(["visit", "talks", "reception", "conference", "signing", "ceremony", "award", "other"]);
    const years = timeline.data.map((y) => y.year);
    expect(years).toEqual(years.map((_, i) => years[0]! + i));
    for (const y of timeline.data) {
      expect(Object.keys(y.by_type)).toEqual(timeline.meta.types);
      expect(Object.values(y.by_type).reduce((a, b) => a + b, 0)).toBe(y.total);
      const inYear = await getJson<List<Event>>(kb.app, `/v1/events?country=CN&from=${y.year}&to=${y.year}&limit=200`);
      expect(inYear.data.filter((e) => e.span_from!.startsWith(String(y.year))).length).toBe(y.total);
    }
    expect(timeline.data.reduce((a, y) => a + y.total, 0) + timeline.meta.undated).toBe(cn.counts.events);
    const visits = await getJson<{ data: { total: number }[]; meta: { undated: number } }>(kb.app, "/v1/countries/CN/timeline?type=visit");
    expect(visits.data.reduce((a, y) => a + y.total, 0) + visits.meta.undated).toBe(
      (await getJson<List<Event>>(kb.app, "/v1/events?country=CN&type=visit")).meta.count,
    );
  });

  it("is 404 for an unknown code and 400 for a malformed one", async () => {
    for (const path of ["/v1/countries/ZZ", "/v1/countries/zz/events", "/v1/countries/ZZ/timeline"]) {
      expect(expectProblemShape(await get(path), 404).detail).toMatch(/ZZ/);
    }
    for (const path of ["/v1/countries/CUB", "/v1/countries/1/events", "/v1/countries/C/timeline"]) {
      expect(expectProblemShape(await get(path), 400).errors).toEqual([{ in: "path", name: "code", message: expect.any(String) }]);
    }
    expectProblemShape(await get("/v1/countries?involved=yes"), 400);
  });
});

describe("ministries", () => {
  it("lists ministries by country and name, without diacritics", async () => {
    const china = await getJson<List<Ministry>>(kb.app, "/v1/ministries?country=cn");
    expect(china.data.map((m) => m.code)).toContain("CN-MPS");
    for (const m of china.data) expect(m.country.code).toBe("CN");
    const mps = await getJson<List<Ministry>>(kb.app, "/v1/ministries?q=bo%20cong%20an");
    expect(mps.data.map((m) => m.code)).toEqual(expect.arrayContaining(["VN-MPS", "CN-MPS"]));
    const { items } = await allPages<Ministry>(kb.app, "/v1/ministries?limit=1");
    expect(items.map((m) => m.id)).toEqual((await getJson<List<Ministry>>(kb.app, "/v1/ministries?limit=200")).data.map((m) => m.id));
  });

  it("GET /ministries/{id} gives units, officials seen there and recent events", async () => {
    const m = await getJson<Ministry & { units: { code: string }[]; officials: { id: number; offices: string[] }[]; recent_events: Event[] }>(
      kb.app,
      `/v1/ministries/${vnMps.id}`,
    );
    expect(m).toMatchObject({ id: vnMps.id, code: "VN-MPS", name_vi: "Bộ Công an", country: { code: "VN" } });
    expect(m.units).toHaveLength(m.counts.units);
    expect(m.officials.map((o) => o.id)).toContain(toLam.id);
    expect(m.officials).toHaveLength(m.counts.officials);
    expect(m.recent_events.length).toBe(Math.min(10, m.counts.events));
    expect(m.recent_events.map((e) => e.id)).toEqual((await getJson<List<Event>>(kb.app, `/v1/events?ministry=${vnMps.id}&limit=10`)).data.map((e) => e.id));
    expectProblemShape(await get("/v1/ministries/999999"), 404);
    expectProblemShape(await get("/v1/ministries/x"), 400);
  });
});

describe("agreements", () => {
  it("answers a newcomer: which agreements were signed with Russia (and with Cuba)?", async () => {
    const russia = await getJson<List<Agreement>>(kb.app, "/v1/agreements?country=RU");
    for (const a of russia.data) expect(a.parties.map((p) => p.country.code)).toContain("RU");
    const cuba = await getJson<List<Agreement>>(kb.app, "/v1/agreements?country=cu");
    expect(cuba.meta.count).toBe(1);
    expect(cuba.data[0]).toMatchObject({ type: "agreement", type_label: { vi: expect.any(String), en: "Agreement" }, signed: "2025-08", event: { id: expect.any(Number) } });
    expect(cuba.data[0]!.parties.map((p) => p.country.code)).toEqual(["CU", "VN"]);
    expect(cuba.data[0]!.title).toMatch(/an ninh mạng/);
  });

  it("filters by ministry, type, date and text", async () => {
    const all = await getJson<List<Agreement>>(kb.app, "/v1/agreements");
    expect(all.meta.count).toBeGreaterThanOrEqual(2);
    const china = await getJson<List<Agreement>>(kb.app, `/v1/agreements?ministry=${cnMps.id}`);
    expect(china.meta.count).toBeGreaterThan(0);
    for (const a of china.data) expect(a.parties.some((p) => p.ministry?.id === cnMps.id)).toBe(true);
    const types = new Set(all.data.map((a) => a.type));
    for (const type of types) {
      const byType = await getJson<List<Agreement>>(kb.app, `/v1/agreements?type=${type}`);
      expect(byType.meta.count).toBe(all.data.filter((a) => a.type === type).length);
    }
    expect((await getJson<List<Agreement>>(kb.app, "/v1/agreements?from=2025&to=2025")).data.map((a) => a.signed)).toEqual(["2025-08"]);
    expect((await getJson<List<Agreement>>(kb.app, "/v1/agreements?from=2025-08-31&to=2025-09")).meta.count).toBe(1);
    expect((await getJson<List<Agreement>>(kb.app, "/v1/agreements?to=2022")).meta.count).toBe(0);
    const cyber = await getJson<List<Agreement>>(kb.app, "/v1/agreements?q=AN%20NINH%20MANG");
    expect(cyber.meta.count).toBe(1);
    expect(cyber.data[0]!.title).toMatch(/an ninh mạng/);
    const { items } = await allPages<Agreement>(kb.app, "/v1/agreements?limit=1&sort=date");
    expect(items.map((a) => a.id)).toEqual((await getJson<List<Agreement>>(kb.app, "/v1/agreements?sort=date")).data.map((a) => a.id));
  });

  it("GET /agreements/{id} adds the evidence sentences", async () => {
    const [first] = (await getJson<List<Agreement>>(kb.app, "/v1/agreements?country=CU")).data;
    const detail = await getJson<Agreement>(kb.app, `/v1/agreements/${first!.id}`);
    expect(detail).toMatchObject({ ...first, sources: [expect.objectContaining({ sentence: expect.stringMatching(/an ninh mạng/) })] });
    expectProblemShape(await get("/v1/agreements/999999"), 404);
    expectProblemShape(await get("/v1/agreements?type=treaty"), 400);
  });
});

describe("articles", () => {
  it("lists the articles with their fact counts, newest first and undated last", async () => {
    const list = await getJson<List<Article>>(kb.app, "/v1/articles");
    expect(list.meta.count).toBe(5);
    const dates = list.data.map((a) => a.published_at);
    const dated = dates.filter((d) => d !== null);
    expect(dates.slice(0, dated.length)).toEqual([...dated].sort().reverse());
    const { items } = await allPages<Article>(kb.app, "/v1/articles?limit=2");
    expect(items.map((a) => a.id)).toEqual(list.data.map((a) => a.id));
    expect((await getJson<List<Article>>(kb.app, "/v1/articles?country=RU")).meta.count).toBe(1);
    expect((await getJson<List<Article>>(kb.app, "/v1/articles?country=CN&country=VN")).meta.count).toBe(2);
    expect((await getJson<List<Article>>(kb.app, `/v1/articles?official=${toLam.id}`)).meta.count).toBe(toLam.mention_count);
    expect((await getJson<List<Article>>(kb.app, `/v1/articles?ministry=${cnMps.id}`)).meta.count).toBe(cnMps.counts.articles);
  });

  it("writes the list in Postgres byte for byte as the items read and serialized one by one", async () => {
    // The page is Postgres's (not the rows' fallback) ...
    const body = await articleBodyPage(primaryReader(kb.db.prisma), {}, null, 2);
    expect(body?.rows).toBe(3);
    // ... and select= of every field takes the other way: rows read, then serialized.
    const every = Object.keys(ArticleSchema.shape).join(",");
    let path: string | null = "/v1/articles?limit=2";
    let pages = 0;
    while (path) {
      const [ready, represented]: [request.Response, request.Response] = await Promise.all([request(kb.app.server).get(path), request(kb.app.server).get(`${path}&select=${every}`)]);
      expect(ready.status).toBe(200);
      expect(ready.headers["content-type"]).toBe("application/json; charset=utf-8");
      expect(ready.text).toBe(represented.text);
      const next: string | null = (JSON.parse(ready.text) as List<Article>).meta.next_cursor;
      path = next && `/v1/articles?limit=2&cursor=${next}`;
      pages++;
    }
    expect(pages).toBe(3);
  });

  it("GET /articles/{id} gives the text and every fact with its evidence", async () => {
    const list = await getJson<List<Article>>(kb.app, "/v1/articles?country=CU");
    const withAgreement = list.data.find((a) => a.counts.agreements > 0)!;
    const article = await getJson<
      Article & {
        text: string;
        countries: { code: string }[];
        ministries: Ref[];
        officials: { official: { id: number; name: string }; sentence: string }[];
        events: { id: number; type_label: { en: string }; sentence: string }[];
        agreements: { id: number; sentence: string }[];
      }
    >(kb.app, `/v1/articles/${withAgreement.id}`);
    expect(article.text.length).toBeGreaterThan(500);
    expect(article.countries.map((c) => c.code)).toEqual(["CU", "VN"]);
    expect(article.officials).toHaveLength(article.counts.officials);
    expect(article.events).toHaveLength(article.counts.events);
    expect(article.agreements).toHaveLength(article.counts.agreements);
    for (const fact of [...article.officials, ...article.events, ...article.agreements]) expect(article.text).toContain(fact.sentence.slice(0, 30));
    expect(article.events[0]!.type_label.en).toEqual(expect.any(String));
    expect(article.ministries.map((m) => m.code)).toEqual(expect.arrayContaining(["VN-MPS"]));
    expectProblemShape(await get("/v1/articles/999999"), 404);
  });
});

describe("search", () => {
  it("ranks Tô Lâm first for 'to lam', across kinds of things", async () => {
    const found = await getJson<{ data: Hit[]; meta: { count: number } }>(kb.app, "/v1/search?q=to%20lam");
    expect(found.data[0]).toMatchObject({ type: "official", id: toLam.id, label: "Tô Lâm", score: 1, href: `/v1/officials/${toLam.id}` });
    expect(found.data.some((h) => h.type === "event")).toBe(true);
    const scores = found.data.map((h) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it("tolerates typos and ignores diacritics", async () => {
    const typo = await getJson<{ data: Hit[] }>(kb.app, "/v1/search?q=Lazaro%20Alvares");
    expect(typo.data[0]).toMatchObject({ type: "official", label: "Lázaro Alberto Álvarez Casas" });
    const missing = await getJson<{ data: Hit[] }>(kb.app, "/v1/search?q=quach%20thanh%20con&type=official");
    expect(missing.data.map((h) => h.label)).toContain("Quách Thanh Côn");
  });

  it("looks for similar hits among names only: events and agreements are found by the text they contain", async () => {
    let similar = 0;
    for (const q of ["Lazaro Alvares", "quach thanh con", "campuchea", "bo cong anh", "hop tacc"]) {
      const found = await getJson<{ data: Hit[] }>(kb.app, `/v1/search?q=${encodeURIComponent(q)}&limit=100`);
      const typos = found.data.filter((h) => h.score < 1);
      similar += typos.length;
      expect(typos.filter((h) => !["official", "ministry", "country"].includes(h.type)), q).toEqual([]);
    }
    expect(similar).toBeGreaterThan(0);
  });

  it("searches only the kinds asked for: countries and ministries", async () => {
    const found = await getJson<{ data: Hit[] }>(kb.app, "/v1/search?q=trung%20quoc&type=country&type=ministry");
    expect(found.data[0]).toMatchObject({ type: "country", id: "CN", href: "/v1/countries/CN" });
    expect(found.data.every((h) => h.type === "country" || h.type === "ministry")).toBe(true);
    const ministries = await getJson<{ data: Hit[] }>(kb.app, "/v1/search?q=bo%20cong%20an&type=ministry&limit=2");
    expect(ministries.data).toHaveLength(2);
    expect(ministries.data.every((h) => h.type === "ministry" && h.label === "Bộ Công an")).toBe(true);
  });

  it("gives what one statement with the similar hits gives, reading them only when too few hits contain the query", async () => {
    const db = primaryReader(kb.db.prisma);
    for (const q of ["to lam", "cuba", "bo cong an", "Lazaro Alvares", "trung quoc", "an ninh", "zzzz", "campuchea", "bo cong anh", "cu"]) {
      for (const limit of [1, 2, 5, 20, 100]) {
        const whole = await db.query(searchSql(q, SEARCH_KINDS, limit, undefined, { similar: true }));
        expect(await search(db, q, SEARCH_KINDS, limit), `${q}, limit ${limit}`).toEqual(whole);
        const since = new Date(0);
        const recent = await db.query(searchSql(q, SEARCH_KINDS, limit, since, { similar: true }));
        expect(await search(db, q, SEARCH_KINDS, limit, since), `${q}, limit ${limit}, updated since`).toEqual(recent);
      }
    }
  });

  it("finds the events, agreements and officials whose text holds a text of several words as a plain statement does, walked first or not", async () => {
    const db = primaryReader(kb.db.prisma);
    const walked = { event: sql`events e`, agreement: sql`agreements e`, official: sql`officials e` };
    const label = { event: sql`e.summary`, agreement: sql`e.title`, official: sql`e.name` };
    let found = 0;
    // Words cut at either end ("ong an viet na") and phrases of three words or more, read by their pairs of words.
    const texts = ["to lam", "bo cong an", "an ninh", "viet nam", "Bộ  Trưởng", "ha noi | hoi", "cuba | cuba", "an ninh_", "zz yy",
      "ong an viet na", "hop tac an ninh", "BỘ CÔNG AN VIỆT NAM", "g an ninh v", "a b c", "cong an | an"];
    // …and runs of the texts themselves cut inside their first and last words.
    const cut = await db.query<{ q: string }>(
      sql`SELECT substring(t FROM regexp_instr(t, ' ', 1, 2) - 2 FOR n) AS q
        FROM (SELECT * FROM (SELECT search_folded AS t FROM events ORDER BY id LIMIT 3) e UNION ALL (SELECT search_folded FROM agreements ORDER BY id LIMIT 3)) x,
          (VALUES (16), (24), (33)) v(n) WHERE regexp_instr(t, ' ', 1, 2) > 2`,
    );
    texts.push(...cut.map((r) => r.q));
    for (const kind of ["event", "agreement", "official"] as const) {
      for (const q of texts) {
        const text = q.trim().replace(/\s+/g, " ").replace(/[\\%_]/g, (c) => `\\${c}`);
        const plain = await db.query<{ id: number }>(
          sql`SELECT e.id FROM ${walked[kind]} WHERE e.search_folded LIKE '%' || hoptac_fold(${text}) || '%' ORDER BY length(${label[kind]}), e.id`,
        );
        if (plain.length) found++;
        for (const limit of [1, 5, 100]) {
          // A first walk of no entry: the hits come from the text indexes.
          for (const budget of [0, 1000]) {
            const hits = await db.query<SearchRow>(searchSql(q, [kind], limit, undefined, { similar: false, budget }));
            expect(hits.map((h) => h.num_id), `${kind}: ${q}, limit ${limit}, budget ${budget}`).toEqual(plain.slice(0, limit).map((r) => r.id));
          }
        }
        if (kind === "agreement") {
          const list = await getJson<List<Agreement>>(kb.app, `/v1/agreements?limit=200&q=${encodeURIComponent(q)}`);
          expect(list.data.map((a) => a.id).sort((a, b) => a - b), `agreements?q=${q}`).toEqual(plain.map((r) => r.id).sort((a, b) => a - b));
        }
      }
    }
    expect(found).toBeGreaterThan(20);
  });

  it("finds the events, agreements and officials whose text holds a word or a part of one as a plain statement does, and none for a word no text holds, as the lists of events and agreements do", async () => {
    const db = primaryReader(kb.db.prisma);
    const walked = { event: sql`events e`, agreement: sql`agreements e`, official: sql`officials e` };
    const label = { event: sql`e.summary`, agreement: sql`e.title`, official: sql`e.name` };
    // Typos, parts of words, words with marks a LIKE pattern would read, and pieces of the texts' own words.
    const texts = ["campuchea", "cuba", "CUBA", "Hà", "an", "ng", "qz", "_", "ninh", "inh", "hoptacc", "zzz", "an_ninh", "100%", "a\\b", "quốc", "uoc", "-"];
    const pieces = await db.query<{ q: string }>(
      sql`SELECT DISTINCT substring(w FROM 2 FOR 4) AS q FROM (SELECT unnest(string_to_array(search_folded, ' ')) AS w
        FROM ((SELECT search_folded FROM events ORDER BY id LIMIT 2) UNION ALL (SELECT search_folded FROM agreements ORDER BY id LIMIT 2)) x) y
        WHERE length(w) >= 5 LIMIT 20`,
    );
    texts.push(...pieces.map((r) => r.q));
    let found = 0;
    let none = 0;
    for (const kind of ["event", "agreement", "official"] as const) {
      for (const q of texts) {
        const text = q.trim().replace(/[\\%_]/g, (c) => `\\${c}`);
        const plain = await db.query<{ id: number }>(
          sql`SELECT e.id FROM ${walked[kind]} WHERE e.search_folded LIKE '%' || hoptac_fold(${text}) || '%' ORDER BY length(${label[kind]}), e.id`,
        );
        if (plain.length) found++;
        else none++;
        for (const limit of [1, 100]) {
          for (const budget of [undefined, 0]) {
            const hits = await db.query<SearchRow>(searchSql(q, [kind], limit, undefined, { similar: false, budget }));
            expect(hits.map((h) => h.num_id), `${kind}: ${q}, limit ${limit}, budget ${budget}`).toEqual(plain.slice(0, limit).map((r) => r.id));
          }
        }
        // The lists filter by the same words first.
        if (kind === "official") continue;
        const list = await allPages<{ id: number }>(kb.app, `/v1/${kind}s?limit=100&q=${encodeURIComponent(q)}`);
        expect(list.items.map((x) => x.id).sort((a, b) => a - b), `${kind}s?q=${q}`).toEqual(plain.map((r) => r.id).sort((a, b) => a - b));
      }
    }
    expect(found).toBeGreaterThan(20);
    expect(none).toBeGreaterThan(5);
  });

  it("gives the hits of every kind read apart, merged, though events are read only when the other kinds give too few", async () => {
    const db = primaryReader(kb.db.prisma);
    const order = ["country", "official", "ministry", "agreement", "event"];
    const rank = (h: SearchRow) => [order.indexOf(h.type), h.label.length, h.num_id ?? Infinity, h.code ?? ""] as const;
    const before = (a: SearchRow, b: SearchRow) => {
      const [x, y] = [rank(a), rank(b)];
      for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i]! < y[i]! ? -1 : 1;
      return 0;
    };
    let cut = 0;
    for (const q of ["to lam", "cuba", "bo cong an", "trung quoc", "an ninh", "hop tac", "viet nam"]) {
      for (const limit of [1, 2, 5, 20, 100]) {
        const apart = (await Promise.all(SEARCH_KINDS.map((kind) => db.query<SearchRow>(searchSql(q, [kind], limit, undefined, { similar: false }))))).flat();
        for (const kinds of [SEARCH_KINDS, ["event", "official"], ["agreement", "event"]] as (readonly SearchKind[])[]) {
          const mine = apart.filter((h) => kinds.includes(h.type));
          const merged = [...mine].sort(before).slice(0, limit);
          if (mine.some((h) => h.type === "event") && merged.every((h) => h.type !== "event")) cut++;
          expect(await db.query(searchSql(q, kinds, limit, undefined, { similar: false })), `${kinds.join()}: ${q}, limit ${limit}`).toEqual(merged);
        }
      }
    }
    expect(cut).toBeGreaterThan(0);
  });

  it("gives the same hits whether the first walk of the label index holds them or the walk goes on past it", async () => {
    const db = primaryReader(kb.db.prisma);
    // What each walked kind's hits are: every row containing the query, shortest label first.
    const reference = {
      event: (q: string, limit: number) => sql`SELECT e.id FROM events e WHERE e.search_folded LIKE '%' || hoptac_fold(${q}) || '%' ORDER BY length(e.summary), e.id LIMIT ${limit}`,
      agreement: (q: string, limit: number) =>
        sql`SELECT a.id FROM agreements a WHERE hoptac_fold(a.search_text) LIKE '%' || hoptac_fold(${q}) || '%' ORDER BY length(a.title), a.id LIMIT ${limit}`,
    };
    let walkedOn = 0;
    for (const q of ["cuba", "an ninh", "bo cong an", "hop tac", "trung quoc", "zzzz"]) {
      for (const limit of [1, 3, 20]) {
        for (const kind of ["event", "agreement"] as const) {
          const want = (await db.query<{ id: number }>(reference[kind](q, limit))).map((r) => r.id);
          for (const budget of [1, 2, 5, 1_000_000]) {
            const hits = await db.query<{ num_id: number }>(searchSql(q, [kind], limit, undefined, { similar: false, budget }));
            expect(hits.map((h) => h.num_id), `${kind} ${q}, limit ${limit}, budget ${budget}`).toEqual(want);
            if (budget < want.length) walkedOn++;
          }
        }
        const all = await db.query(searchSql(q, SEARCH_KINDS, limit, undefined, { similar: false }));
        expect(await db.query(searchSql(q, SEARCH_KINDS, limit, undefined, { similar: false, budget: 2 })), q).toEqual(all);
        const since = new Date(0);
        expect(await db.query(searchSql(q, SEARCH_KINDS, limit, since, { similar: false, budget: 2 })), q).toEqual(all);
      }
    }
    expect(walkedOn).toBeGreaterThan(0);
  });

  it("refuses a missing or too short query and unknown kinds", async () => {
    expect(expectProblemShape(await get("/v1/search"), 400).errors![0]!.name).toBe("q");
    expectProblemShape(await get("/v1/search?q=a"), 400);
    expect(expectProblemShape(await get("/v1/search?q=abc&type=person"), 400).errors![0]!.name).toBe("type.0");
    expectProblemShape(await get("/v1/search?q=abc&limit=101"), 400);
    expectProblemShape(await get("/v1/search?q=%00%00"), 400);
  });
});

describe("stats", () => {
  it("counts events by type, country, year, topic and ministry", async () => {
    const total = (await getJson<List<Event>>(kb.app, "/v1/events")).meta.count;
    const byType = await getJson<{ data: Group[]; meta: { total: number; group_by: string; count: number } }>(kb.app, "/v1/stats?group_by=type");
    expect(byType.meta).toMatchObject({ total, group_by: "type", count: byType.data.length });
    expect(byType.data.reduce((a, g) => a + g.count, 0)).toBe(total);
    expect(byType.data.find((g) => g.key === "visit")).toMatchObject({ name_vi: "Chuyến thăm", name_en: "Visit" });
    const counts = byType.data.map((g) => g.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));

    const byCountry = await getJson<{ data: Group[] }>(kb.app, "/v1/stats?group_by=country");
    expect(byCountry.data[0]).toMatchObject({ key: "VN", name_vi: "Việt Nam", country: "VN", count: total });
    const cu = byCountry.data.find((g) => g.key === "CU")!;
    expect(cu.count).toBe((await getJson<List<Event>>(kb.app, "/v1/events?country=CU")).meta.count);

    const byYear = await getJson<{ data: Group[] }>(kb.app, "/v1/stats?group_by=year");
    expect(byYear.data.at(-1)!.key).toBeNull();
    const years = byYear.data.slice(0, -1).map((g) => g.key!);
    expect(years).toEqual([...years].sort());
    expect(byYear.data.reduce((a, g) => a + g.count, 0)).toBe(total);

    const byTopic = await getJson<{ data: Group[] }>(kb.app, "/v1/stats?group_by=topic");
    for (const g of byTopic.data) expect(g.name_en).toEqual(expect.any(String));

    const byMinistry = await getJson<{ data: Group[] }>(kb.app, "/v1/stats?group_by=ministry");
    expect(byMinistry.data.find((g) => g.key === String(vnMps.id))).toMatchObject({ name_vi: "Bộ Công an", country: "VN", count: vnMps.counts.events });
  });

  it("takes the /events filters", async () => {
    const filtered = await getJson<{ data: Group[]; meta: { total: number } }>(kb.app, `/v1/stats?group_by=type&country=CN&from=2023&official=${toLam.id}`);
    const events = await getJson<List<Event>>(kb.app, `/v1/events?country=CN&from=2023&official=${toLam.id}&limit=200`);
    expect(filtered.meta.total).toBe(events.meta.count);
    for (const g of filtered.data) expect(g.count).toBe(events.data.filter((e) => e.type === g.key).length);
  });

  it("needs group_by, one of the five", async () => {
    expect(expectProblemShape(await get("/v1/stats"), 400).errors).toEqual([{ in: "query", name: "group_by", message: expect.stringMatching(/country, type, year, topic, ministry/) }]);
    expectProblemShape(await get("/v1/stats?group_by=official"), 400);
  });
});

describe("an official's undated mentions", () => {
  let undatedKb: Kb;
  beforeAll(async () => {
    undatedKb = await seededKb("api_undated_mentions");
  });
  afterAll(async () => {
    await undatedKb?.close();
  });

  it("pages across them by article, after the dated ones, either way", async () => {
    // Tô Lâm as if most of the articles gave no date.
    const official = (await getJson<List<Official>>(undatedKb.app, "/v1/officials?q=to%20lam")).data.find((o) => o.name === "Tô Lâm")!;
    expect(official.mention_count).toBeGreaterThan(2);
    await undatedKb.db.prisma.$executeRaw`UPDATE official_mentions SET observed_on = NULL, observed_from = NULL
      WHERE official_id = ${official.id} AND article_id <> (SELECT min(article_id) FROM official_mentions WHERE official_id = ${official.id} AND observed_from IS NOT NULL)`;
    for (const sort of ["date", "-date"]) {
      const path = `/v1/officials/${official.id}/mentions?sort=${sort}`;
      const paged = await allPages<Mention>(undatedKb.app, `${path}&limit=1`);
      expect(paged.items).toHaveLength(official.mention_count);
      expect(paged.items[0]!.observed_on).not.toBeNull();
      const undated = paged.items.slice(1).map((t) => t.source.article_id);
      expect(paged.items.slice(1).every((t) => t.observed_on === null)).toBe(true);
      expect(undated).toEqual([...undated].sort((a, b) => (sort === "date" ? a - b : b - a)));
      expect(paged.items).toEqual((await getJson<List<Mention>>(undatedKb.app, `${path}&limit=200`)).data);
    }
  });
});
