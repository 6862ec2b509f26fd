// GET /v1/events and /v1/events/{id} over the seed articles, plus events
// inserted here for the date rules the seeds do not cover.
import { createHash } from "node:crypto";
import { get, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeCursor } from "../../src/api/query/cursor.ts";
import type { EventTypeCode } from "../../src/api/routes/labels.ts";
import { allPages, expectProblemShape, getJson, seededKb, type Event, type EventDetail, type Kb, type List } from "./kb.ts";

let kb: Kb;
let toLam: number;
let cnMps: number;
/** Events made here, all involving Laos (which the seeds never mention), by name. */
const laos: Record<string, number> = {};

async function laoEvent(name: string, type: EventTypeCode, start: string | null, span: [string, string] | null, end: string | null = null) {
  const precision = (d: string | null) => (d === null ? null : d.startsWith("--") || d.length === 10 ? "day" : d.length === 7 ? "month" : "year");
  const event = await kb.db.prisma.event.create({
    data: {
      type,
      start,
      startPrecision: precision(start),
      end,
      endPrecision: precision(end),
      spanFrom: span ? new Date(`${span[0]}T00:00:00Z`) : null,
      spanTo: span ? new Date(`${span[1]}T00:00:00Z`) : null,
      summary: `Lao test event ${name}`,
      searchText: `Lao test event ${name} Lào Laos`,
      countries: { create: [{ countryCode: "LA" }, { countryCode: "VN" }] },
    },
  });
  laos[name] = event.id;
}

const ids = (list: { data: { id: number }[] }) => list.data.map((e) => e.id);
const laoIds = (...names: string[]) => names.map((n) => laos[n]!).sort((a, b) => a - b);
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);

beforeAll(async () => {
  kb = await seededKb("api_events");
  const officials = await getJson<List<{ id: number; name: string }>>(kb.app, "/v1/officials?q=to%20lam");
  toLam = officials.data.find((o) => o.name === "Tô Lâm")!.id;
  const ministries = await getJson<List<{ id: number; code: string }>>(kb.app, "/v1/ministries?country=CN");
  cnMps = ministries.data.find((m) => m.code === "CN-MPS")!.id;

  await laoEvent("yearUnknown", "visit", "--05-15", null);
  await laoEvent("month", "talks", "2024-05", ["2024-05-01", "2024-05-31"]);
  await laoEvent("day", "talks", "2024-06-10", ["2024-06-10", "2024-06-10"]);
  await laoEvent("year", "conference", "2023", ["2023-01-01", "2023-12-31"]);
  await laoEvent("range", "visit", "2024-05-28", ["2024-05-28", "2024-06-04"], "2024-06-04");
  await laoEvent("undated", "other", null, null);
});

afterAll(async () => {
  await kb?.close();
});

describe("GET /v1/events", () => {
  it("lists events in the envelope, each with labels, dates, countries, officials, ministries, agreements, topics and sources", async () => {
    const res = await request(kb.app.server).get("/v1/events?limit=200");
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^application\/json/);
    const body = res.body as List<Event>;
    expect(body.meta).toEqual({ count: body.data.length, next_cursor: null });
    expect(body.data.length).toBeGreaterThanOrEqual(20);
    const signing = body.data.find((e) => e.type === "signing" && e.agreements.length > 0)!;
    expect(signing).toMatchObject({
      type_label: { vi: "Ký kết", en: "Signing" },
      start: expect.any(String),
      start_precision: expect.stringMatching(/^(year|month|day)$/),
      countries: expect.arrayContaining([{ code: "VN", name_vi: "Việt Nam", name_en: expect.any(String) }]),
      sources: [{ article_id: expect.any(Number), title: expect.toBeOneOf([expect.any(String), null]), url: null, published_at: expect.toBeOneOf([expect.any(String), null]) }],
    });
    expect(signing.agreements[0]).toEqual({ id: expect.any(Number), type: expect.any(String), title: expect.any(String) });
    expect(signing.officials[0]).toEqual({ id: expect.any(Number), name: expect.any(String), country: expect.any(String), role: expect.stringMatching(/^(host|head_of_delegation|attendee)$/) });
    expect(body.data.some((e) => e.ministries.some((m) => m.code === "VN-MPS" && m.country === "VN"))).toBe(true);
    // The list leaves the evidence sentences to /events/{id}.
    expect(signing.sources[0]).not.toHaveProperty("sentence");
  });

  it("answers a newcomer: which events involved Cuba since 2024?", async () => {
    const cuba = await getJson<List<Event>>(kb.app, "/v1/events?country=CU&from=2024");
    expect(cuba.data.length).toBeGreaterThan(0);
    for (const e of cuba.data) {
      expect(e.countries.map((c) => c.code)).toContain("CU");
      expect(e.span_to! >= "2024-01-01").toBe(true);
    }
    // The 2023 visit with an unknown year in the text is not among them.
    const all = await getJson<List<Event>>(kb.app, "/v1/events?country=CU&limit=200");
    expect(all.meta.count).toBeGreaterThan(cuba.meta.count);
  });

  it("reads country codes in any case, and repeated countries as events involving all of them", async () => {
    const cu = await getJson<List<Event>>(kb.app, "/v1/events?country=cu&limit=200");
    const cuVn = await getJson<List<Event>>(kb.app, "/v1/events?country=CU&country=vn&limit=200");
    expect(cu.meta.count).toBeGreaterThan(0);
    expect(sorted(ids(cuVn))).toEqual(sorted(ids(cu).filter((id) => cu.data.find((e) => e.id === id)!.countries.some((c) => c.code === "VN"))));
    for (const e of cuVn.data) expect(e.countries.map((c) => c.code)).toEqual(expect.arrayContaining(["CU", "VN"]));
    const cuCn = await getJson<List<Event>>(kb.app, "/v1/events?country=CU&country=CN");
    expect(cuCn.meta.count).toBe(0);
  });

  it("takes type repeatedly, as any of the types", async () => {
    const visits = await getJson<List<Event>>(kb.app, "/v1/events?type=visit&limit=200");
    const talks = await getJson<List<Event>>(kb.app, "/v1/events?type=talks&limit=200");
    const both = await getJson<List<Event>>(kb.app, "/v1/events?type=visit&type=talks&limit=200");
    expect(visits.meta.count).toBeGreaterThan(0);
    expect(talks.meta.count).toBeGreaterThan(0);
    expect(both.meta.count).toBe(visits.meta.count + talks.meta.count);
    expect(sorted(ids(both))).toEqual(sorted([...ids(visits), ...ids(talks)]));
    for (const e of both.data) expect(["visit", "talks"]).toContain(e.type);
  });

  it("filters by topic", async () => {
    const stats = await getJson<{ data: { key: string; count: number }[] }>(kb.app, "/v1/stats?group_by=topic");
    const topic = stats.data[0]!;
    const events = await getJson<List<Event>>(kb.app, `/v1/events?topic=${topic.key}&limit=200`);
    expect(events.meta.count).toBe(topic.count);
    for (const e of events.data) expect(e.topics).toContain(topic.key);
  });

  it("answers a newcomer: what did Tô Lâm do with China's Ministry of Public Security?", async () => {
    const events = await getJson<List<Event>>(kb.app, `/v1/events?official=${toLam}&ministry=${cnMps}&limit=200`);
    expect(events.meta.count).toBeGreaterThan(0);
    for (const e of events.data) {
      expect(e.officials.map((o) => o.id)).toContain(toLam);
      expect(e.ministries.map((m) => m.id)).toContain(cnMps);
    }
    const his = await getJson<List<Event>>(kb.app, `/v1/events?official=${toLam}&limit=200`);
    expect(his.meta.count).toBeGreaterThan(events.meta.count);
  });

  it("finds text regardless of case and diacritics: 'to lam' finds Tô Lâm's events", async () => {
    const plain = await getJson<List<Event>>(kb.app, "/v1/events?q=to%20lam&limit=200");
    const marked = await getJson<List<Event>>(kb.app, `/v1/events?q=${encodeURIComponent("TÔ LÂM")}&limit=200`);
    const his = await getJson<List<Event>>(kb.app, `/v1/events?official=${toLam}&limit=200`);
    expect(plain.meta.count).toBeGreaterThan(0);
    expect(sorted(ids(marked))).toEqual(sorted(ids(plain)));
    expect(ids(plain)).toEqual(expect.arrayContaining(ids(his)));
    // "đ" folds to "d": "hoi dam" finds the talks ("Hội đàm").
    const talks = await getJson<List<Event>>(kb.app, "/v1/events?q=hoi%20dam&type=talks&limit=200");
    expect(talks.meta.count).toBeGreaterThan(0);
    expect(talks.meta.count).toBe((await getJson<List<Event>>(kb.app, `/v1/events?q=${encodeURIComponent("Hội đàm")}&type=talks&limit=200`)).meta.count);
  });

  it("counts a text's events exactly when few match, whether its first page holds them all or not", async () => {
    for (const q of ["cuba", "hội đàm", "bo cong an", "to lam", "zzzz"]) {
      const all = await getJson<List<Event>>(kb.app, `/v1/events?q=${encodeURIComponent(q)}&limit=200`);
      expect(all.meta.next_cursor).toBeNull();
      for (const limit of [1, 2, 200]) {
        const page = await getJson<List<Event>>(kb.app, `/v1/events?q=${encodeURIComponent(q)}&limit=${limit}`);
        expect(page.meta.count, `${q}, limit ${limit}`).toBe(all.data.length);
        expect(page.meta.count_estimated).toBeUndefined();
      }
    }
  });

  it("treats LIKE wildcards and quotes in q as text", async () => {
    for (const q of ["%", "_", "\\", "100%_", "'; DROP TABLE events; --", "👋", "a".repeat(200)]) {
      const body = await getJson<List<Event>>(kb.app, `/v1/events?q=${encodeURIComponent(q)}`);
      expect(body.meta.count).toBe(0);
    }
  });
});

describe("date ranges", () => {
  const lao = async (query: string) => sorted(ids(await getJson<List<Event>>(kb.app, `/v1/events?country=LA&limit=200&${query}`)));

  it("lists every event without a range, dated ones first in either order", async () => {
    const newest = await getJson<List<Event>>(kb.app, "/v1/events?country=LA");
    expect(newest.data.map((e) => e.id)).toEqual([laos.day, laos.range, laos.month, laos.year, ...sorted([laos.yearUnknown!, laos.undated!]).reverse()]);
    const oldest = await getJson<List<Event>>(kb.app, "/v1/events?country=LA&sort=date");
    expect(oldest.data.map((e) => e.id)).toEqual([laos.year, laos.month, laos.range, laos.day, ...sorted([laos.yearUnknown!, laos.undated!])]);
  });

  it("matches an event when its whole span overlaps the range, whatever its precision", async () => {
    // A month-precision event (2024-05) overlaps any day of May.
    expect(await lao("from=2024-05-15&to=2024-05-15")).toEqual(laoIds("month"));
    expect(await lao("from=2024-05-20")).toEqual(laoIds("month", "day", "range"));
    expect(await lao("to=2024-05-01")).toEqual(laoIds("year", "month"));
    expect(await lao("from=2024-05-31&to=2024-05-31")).toEqual(laoIds("month", "range"));
    expect(await lao("from=2024-06&to=2024-06")).toEqual(laoIds("day", "range"));
    expect(await lao("from=2023&to=2023")).toEqual(laoIds("year"));
    expect(await lao("from=2023-12-31&to=2024-05-01")).toEqual(laoIds("year", "month"));
    expect(await lao("from=2024")).toEqual(laoIds("month", "day", "range"));
    expect(await lao("from=2025")).toEqual([]);
  });

  it("lists a range oldest first as newest first reversed, the events under way on its first day included", async () => {
    const inOrder = async (query: string) => ids(await getJson<List<Event>>(kb.app, `/v1/events?country=LA&limit=200&${query}`));
    // Under way on the first day (month, year, range), starting on it (month, year) or after it.
    for (const range of ["from=2024-05-20", "from=2024-05-01", "from=2024-05-02&to=2024-05-31", "from=2023-12-31", "from=2023-01-01&to=2023-06", "from=2024-06-02", "from=2024-06-05"]) {
      const newest = await inOrder(range);
      expect(await inOrder(`${range}&sort=date`), range).toEqual([...newest].reverse());
    }
    expect(await inOrder("from=2024-05-20&sort=date")).toEqual([laos.month, laos.range, laos.day]);
    expect(await inOrder("from=2024-06-02&sort=date")).toEqual([laos.range, laos.day]);
  });

  it("lists first, oldest first, the events under way on the first day, every filter and the text tested on them", async () => {
    const made: Record<string, number> = {};
    for (const [name, type, start, span] of [
      ["crossing", "visit", "2024-12-30", ["2024-12-30", "2025-01-02"]],
      ["year", "conference", "2025", ["2025-01-01", "2025-12-31"]],
      ["day", "talks", "2025-01-05", ["2025-01-05", "2025-01-05"]],
    ] as const) {
      const event = await kb.db.prisma.event.create({
        data: {
          type, start, startPrecision: start.length === 4 ? "year" : "day", spanFrom: new Date(`${span[0]}T00:00:00Z`), spanTo: new Date(`${span[1]}T00:00:00Z`),
          summary: `Bhutan test event ${name}`, searchText: `Bhutan test event ${name} Bu-tan`,
          countries: { create: [{ countryCode: "BT" }, { countryCode: "VN" }] },
        },
      });
      made[name] = event.id;
    }
    const list = async (query: string) => ids(await getJson<List<Event>>(kb.app, `/v1/events?country=BT&sort=date&${query}`));
    expect(await list("from=2025")).toEqual([made.crossing, made.year, made.day]);
    expect(await list("from=2025&to=2025&q=test%20event")).toEqual([made.crossing, made.year, made.day]);
    expect(await list("from=2025&q=crossing")).toEqual([made.crossing]);
    expect(await list("from=2025&q=bu%20tan%20crossing")).toEqual([]);
    expect(await list("from=2025&type=visit")).toEqual([made.crossing]);
    expect(await list("from=2025&type=talks")).toEqual([made.day]);
    expect(await list("from=2026")).toEqual([]);
    // On another day, the events of its year under way.
    expect(await list("from=2025-01-03")).toEqual([made.year, made.day]);
    expect(await list("from=2025-01-03&q=year")).toEqual([made.year]);
    expect(await list("from=2025-01-03&q=crossing")).toEqual([]);
    // The cursor goes on past the events under way.
    const first = await getJson<List<Event>>(kb.app, "/v1/events?country=BT&sort=date&from=2025&limit=1");
    expect(ids(first)).toEqual([made.crossing]);
    const next = await getJson<List<Event>>(kb.app, `/v1/events?country=BT&sort=date&from=2025&limit=5&cursor=${first.meta.next_cursor}`);
    expect(ids(next)).toEqual([made.year, made.day]);
    await kb.db.prisma.event.deleteMany({ where: { id: { in: Object.values(made) } } });
  });

  it("never matches an event whose year is unknown, even on its day and month", async () => {
    for (const range of ["from=2024-05-15&to=2024-05-15", "from=2023-05-15&to=2023-05-15", "from=0001", "to=9999", "from=0001&to=9999"]) {
      const found = await lao(range);
      expect(found).not.toContain(laos.yearUnknown);
      expect(found).not.toContain(laos.undated);
    }
    expect(await lao("from=0001&to=9999")).toEqual(laoIds("year", "month", "day", "range"));
  });

  it("reads to as the end of its period: to=2024-02 includes the 29th", async () => {
    await laoEvent("leap", "talks", "2024-02-29", ["2024-02-29", "2024-02-29"]);
    try {
      expect(await lao("from=2024-02&to=2024-02")).toEqual(laoIds("leap"));
      expect(await lao("to=2024-02-28&from=2024-02")).toEqual([]);
    } finally {
      await kb.db.prisma.event.delete({ where: { id: laos.leap! } });
      delete laos.leap;
    }
  });
});

describe("paging", () => {
  it("pages through every event with limit=1 and limit=2, in both orders, without loss or repeat", async () => {
    const everything = await getJson<List<Event>>(kb.app, "/v1/events?limit=200");
    expect(everything.meta.next_cursor).toBeNull();
    for (const sort of ["-date", "date"]) {
      const full = await getJson<List<Event>>(kb.app, `/v1/events?limit=200&sort=${sort}`);
      for (const limit of [1, 2]) {
        const { items, pages } = await allPages<Event>(kb.app, `/v1/events?limit=${limit}&sort=${sort}`);
        expect(items.map((e) => e.id)).toEqual(ids(full));
        expect(new Set(items.map((e) => e.id)).size).toBe(items.length);
        expect(pages).toBe(Math.ceil(everything.meta.count / limit));
      }
    }
  });

  it("pages through a filtered list, with meta.count the total", async () => {
    const first = await getJson<List<Event>>(kb.app, "/v1/events?country=CN&limit=2");
    expect(first.data).toHaveLength(2);
    expect(first.meta.next_cursor).toEqual(expect.any(String));
    const { items } = await allPages<Event>(kb.app, "/v1/events?country=CN&limit=2");
    expect(items).toHaveLength(first.meta.count);
    for (const e of items) expect(e.countries.map((c) => c.code)).toContain("CN");
  });

  it("stays stable while events are added between pages", async () => {
    const before = await getJson<List<Event>>(kb.app, "/v1/events?country=LA&limit=200");
    const page1 = await getJson<List<Event>>(kb.app, "/v1/events?country=LA&limit=2");
    // One event lands before the cursor, one after it.
    await laoEvent("newLate", "visit", "2030-01", ["2030-01-01", "2030-01-31"]);
    await laoEvent("newEarly", "visit", "2020", ["2020-01-01", "2020-12-31"]);
    try {
      const rest = await allPages<Event>(kb.app, "/v1/events?country=LA&limit=2", page1.meta.next_cursor);
      const seen = [...ids(page1), ...rest.items.map((e) => e.id)];
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen).toEqual(expect.arrayContaining(ids(before)));
      expect(seen).toContain(laos.newEarly);
      expect(seen).not.toContain(laos.newLate);
    } finally {
      await kb.db.prisma.event.deleteMany({ where: { id: { in: [laos.newLate!, laos.newEarly!] } } });
    }
  });

  it("answers a cursor it did not hand out with a 400 naming the cursor", async () => {
    const forged = (payload: object) => Buffer.from(JSON.stringify(payload)).toString("base64url");
    const page = await getJson<List<Event>>(kb.app, "/v1/events?limit=1");
    const officials = await getJson<List<unknown>>(kb.app, "/v1/officials?limit=1");
    for (const cursor of [
      "abc",
      "!!!",
      "x".repeat(1000),
      forged({ l: "events", s: "-date", k: "not a date", i: 1 }),
      forged({ l: "events", s: "-date", k: "2024-02-30", i: 1 }),
      forged({ l: "events", s: "-date", k: "0000-01-01", i: 1 }),
      forged({ l: "events", s: "-date", k: "2024-01-01\u0000", i: 1 }),
      forged({ l: "events", s: "-date", k: "2024-01-01", i: -1 }),
      forged({ l: "events", s: "-date", k: "2024-01-01", i: 1e12 }),
      forged([1, 2]),
      officials.meta.next_cursor!,
    ]) {
      const res = await request(kb.app.server).get(`/v1/events?cursor=${encodeURIComponent(cursor)}`);
      const problem = expectProblemShape(res, 400);
      expect(problem.errors).toEqual([{ in: "query", name: "cursor", message: expect.any(String) }]);
    }
    // A cursor made for one sort does not continue the other.
    const other = await request(kb.app.server).get(`/v1/events?sort=date&cursor=${page.meta.next_cursor}`);
    expect(expectProblemShape(other, 400).detail).toMatch(/sort=-date/);
    // A well-formed cursor continues.
    expect((await request(kb.app.server).get(`/v1/events?cursor=${encodeCursor("events", "-date", { key: "infinity", id: 0 })}`)).status).toBe(200);
  });
});

describe("bad parameters", () => {
  it("answer 400 problem+json listing each bad parameter", async () => {
    const res = await request(kb.app.server).get("/v1/events?country=CUB&country=1&type=party&limit=500&from=2024-13&to=2024-02-30&official=abc&sort=newest&topic=Cyber");
    const problem = expectProblemShape(res, 400);
    expect(problem.title).toBe("Bad Request");
    const names = problem.errors!.map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(["country.0", "country.1", "type.0", "limit", "from", "to", "official", "sort", "topic"]));
    for (const e of problem.errors!) expect(e).toEqual({ in: "query", name: expect.any(String), message: expect.any(String) });
    expect(problem.errors!.find((e) => e.name === "limit")!.message).toMatch(/200/);
    expect(problem.detail).toMatch(/^The request's query has invalid values: /);
  });

  it("refuse an unknown parameter instead of ignoring it", async () => {
    const problem = expectProblemShape(await request(kb.app.server).get("/v1/events?contry=CU"), 400);
    expect(problem.errors).toEqual([{ in: "query", name: "contry", message: expect.stringMatching(/not a parameter/) }]);
  });

  it("refuse a range that ends before it starts", async () => {
    const problem = expectProblemShape(await request(kb.app.server).get("/v1/events?from=2025&to=2024-06"), 400);
    expect(problem.errors).toEqual([{ in: "query", name: "to", message: expect.stringMatching(/before/) }]);
  });

  it("refuse limits outside 1..200, empty text, NUL characters and repeated single values", async () => {
    for (const q of ["limit=0", "limit=201", "limit=1.5", "limit=x", "q=", "q=%20%20", "q=a%00b", "q=a&q=b", "official=0", "ministry=-1", `official=${2 ** 31}`, "from=0000"]) {
      expectProblemShape(await request(kb.app.server).get(`/v1/events?${q}`), 400);
    }
    expect((await getJson<List<Event>>(kb.app, "/v1/events?limit=200")).meta).toBeDefined();
  });
});

describe("GET /v1/events/{id}", () => {
  it("adds the evidence sentence from each source, and the date's reading", async () => {
    const list = await getJson<List<Event>>(kb.app, "/v1/events?country=CU&limit=1");
    const event = await getJson<EventDetail>(kb.app, `/v1/events/${list.data[0]!.id}`);
    expect(event).toMatchObject({ ...list.data[0], sources: [expect.objectContaining({ sentence: expect.any(String) })] });
    expect(event.sources[0]!.sentence.length).toBeGreaterThan(20);
    expect(event).toHaveProperty("date_reason");
    expect(event).toHaveProperty("mechanism");
  });

  it("says part by part which parts of the date the text stated and which were inferred, and from what", async () => {
    const list = await getJson<List<Event>>(kb.app, "/v1/events?limit=200");
    const details = await Promise.all(list.data.map((e) => getJson<EventDetail>(kb.app, `/v1/events/${e.id}`)));
    for (const e of details) {
      const parts = { year: /^\d{4}/.test(e.start ?? ""), month: /^(?:\d{4}|-)-\d{2}/.test(e.start ?? ""), day: /-\d{2}-\d{2}$/.test(e.start ?? "") };
      const named = [...e.date_parts.stated, ...e.date_parts.inferred.map((i) => i.part)].sort();
      if (e.date_reason && e.date_reason !== "unknown") expect(named, `${e.start} ${e.date_reason}`).toEqual(Object.keys(parts).filter((k) => parts[k as keyof typeof parts]).sort());
    }
    // A report with no date of its own: year and month are the publication's, not stated.
    const fromPublication = details.find((e) => e.date_reason === "publication month");
    expect(fromPublication?.date_parts).toEqual({
      stated: [],
      inferred: [{ part: "year", from: "the publication date" }, { part: "month", from: "the publication date" }],
    });
    // "ngày 15/5" with no year anywhere: day and month stated, no year at all.
    expect(details.find((e) => e.date_reason === "stated, year unknown")?.date_parts).toEqual({ stated: ["month", "day"], inferred: [] });
  });

  it("is 404 for an unknown id and 400 for one that is not a positive integer", async () => {
    expect(expectProblemShape(await request(kb.app.server).get("/v1/events/999999"), 404).detail).toBe("There is no event 999999.");
    for (const id of ["abc", "0", "-3", "1.5", "99999999999"]) {
      const problem = expectProblemShape(await request(kb.app.server).get(`/v1/events/${id}`), 400);
      expect(problem.errors).toEqual([{ in: "path", name: "id", message: expect.any(String) }]);
    }
  });
});

/** The response as sent, its body undecoded (supertest would decode it). */
async function rawGet(path: string, encoding: string): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  if (!kb.app.server.listening) await kb.app.listen({ port: 0, host: "127.0.0.1" });
  const { port } = kb.app.server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    get({ host: "127.0.0.1", port, path, headers: { "accept-encoding": encoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on("error", reject);
  });
}

describe("caching", () => {
  it("sends Cache-Control and an ETag, and 304 when the ETag still matches", async () => {
    const first = await request(kb.app.server).get("/v1/events?country=CU");
    expect(first.status).toBe(200);
    expect(first.headers["cache-control"]).toBe("public, max-age=60");
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"/);
    const again = await request(kb.app.server).get("/v1/events?country=CU").set("if-none-match", etag);
    expect(again.status).toBe(304);
    expect(again.text).toBe("");
    const other = await request(kb.app.server).get("/v1/events?country=CN").set("if-none-match", etag);
    expect(other.status).toBe(200);
  });

  it("hashes the bytes it sends, a list's as a single event's, Vietnamese text included", async () => {
    const id = (await getJson<List<Event>>(kb.app, "/v1/events?country=CU&limit=3")).data[0]!.id;
    for (const path of ["/v1/events?country=CU&limit=3", `/v1/events/${id}`, "/v1/officials?q=lam"]) {
      const res = await rawGet(path, "identity");
      const body = res.body;
      expect(body.toString("utf8")).toMatch(/[ạ-ỹ]/);
      expect(JSON.parse(body.toString("utf8"))).toBeTypeOf("object");
      expect(res.headers["content-length"]).toBe(String(body.length));
      expect(res.headers.etag).toBe(`"${createHash("sha1").update(body).digest("base64")}"`);
    }
  });

  it("does not mark errors as cacheable", async () => {
    const res = await request(kb.app.server).get("/v1/events/999999");
    expect(res.headers["cache-control"]).toBeUndefined();
  });
});

describe("compression", () => {
  it("sends brotli or gzip when asked, whole and with its length, the same JSON as without", async () => {
    const id = (await getJson<List<Event>>(kb.app, "/v1/events?limit=1")).data[0]!.id;
    for (const path of ["/v1/events?limit=100", `/v1/events/${id}`, "/openapi.json"]) {
      const plain = await rawGet(path, "identity");
      expect(plain.headers["content-encoding"]).toBeUndefined();
      const text = plain.body.toString("utf8");
      for (const [asked, sent, decode] of [["gzip, deflate, br", "br", brotliDecompressSync], ["gzip, deflate", "gzip", gunzipSync]] as const) {
        const { status, headers, body } = await rawGet(path, asked);
        expect(status).toBe(200);
        expect(headers["content-encoding"], path).toBe(sent);
        expect(headers.vary).toMatch(/accept-encoding/i);
        expect(headers["content-length"]).toBe(String(body.length));
        expect(body.length).toBeLessThan(plain.body.length);
        expect(decode(body).toString("utf8")).toBe(text);
      }
      // A list of the seeds' events is several times larger than the plugin's threshold for compressing in turn on two cores.
      if (path === "/v1/events?limit=100") expect(plain.body.length).toBeGreaterThan(16_384);
    }
  });
});

describe("select=", () => {
  it("gives only the chosen fields of each event, the same values as without it, and pages alike", async () => {
    const full = await getJson<List<Event>>(kb.app, "/v1/events?country=VN&limit=3");
    const some = await getJson<List<Partial<Event>>>(kb.app, "/v1/events?country=VN&limit=3&select=id,type_label,countries");
    expect(some.meta).toEqual(full.meta);
    expect(some.data).toEqual(full.data.map((e) => ({ id: e.id, type_label: e.type_label, countries: e.countries })));
    const { items } = await allPages<Partial<Event>>(kb.app, "/v1/countries/VN/events?limit=2&select=summary");
    expect(items.length).toBe((await getJson<List<Event>>(kb.app, "/v1/events?country=VN&limit=200")).meta.count);
    for (const e of items) expect(Object.keys(e)).toEqual(["summary"]);
    const official = await getJson<List<Partial<Event>>>(kb.app, `/v1/officials/${toLam}/events?select=id,start`);
    for (const e of official.data) expect(Object.keys(e).sort()).toEqual(["id", "start"]);
  });

  it("refuses fields events do not have", async () => {
    const problem = expectProblemShape(await request(kb.app.server).get("/v1/events?select=id,colour"), 400);
    expect(problem.errors).toEqual([{ in: "query", name: "select", message: expect.stringContaining("not colour") }]);
    expectProblemShape(await request(kb.app.server).get("/v1/events?select=,"), 400);
  });
});

describe("select= on the other lists", () => {
  it("gives only the chosen fields of agreements, articles and officials", async () => {
    for (const [path, fields] of [
      ["/v1/agreements", ["id", "title"]],
      ["/v1/articles", ["id", "counts"]],
      ["/v1/officials?q=lam", ["name"]],
    ] as const) {
      const full = await getJson<List<Record<string, unknown>>>(kb.app, path);
      const sep = path.includes("?") ? "&" : "?";
      const some = await getJson<List<Record<string, unknown>>>(kb.app, `${path}${sep}select=${fields.join(",")}`);
      expect(full.data.length).toBeGreaterThan(0);
      expect(some.data).toEqual(full.data.map((x) => Object.fromEntries(fields.map((f) => [f, x[f]]))));
    }
    expectProblemShape(await request(kb.app.server).get("/v1/articles?select=text"), 400);
  });
});

describe("text filter over long texts", () => {
  it("finds, newest first and oldest first, an event whose text is longer than the text index holds", async () => {
    // The date index that carries the folded text holds texts up to 2000 characters; longer ones are walked apart.
    const long = `Hai bên trao đổi kinh nghiệm về phòng, chống tội phạm xuyên quốc gia. ${"Đoàn công tác thăm các đơn vị nghiệp vụ. ".repeat(60)}Thỏa thuận hợp tác zyxwv.`;
    const [row] = await kb.db.prisma.$queryRaw<{ id: number }[]>`
      INSERT INTO events (type, start, start_precision, span_from, span_to, summary, search_text, updated_at)
      VALUES ('talks', '2024-03-05', 'day', '2024-03-05', '2024-03-05', ${long}, ${long}, now()) RETURNING id`;
    try {
      expect(long.length).toBeGreaterThan(2000);
      for (const sort of ["-date", "date"]) {
        const found = await getJson<List<Event>>(kb.app, `/v1/events?q=zyxwv&sort=${sort}`);
        expect(found.data.map((e) => e.id)).toEqual([row!.id]);
      }
      const all = await getJson<List<Event>>(kb.app, "/v1/events?q=tr&limit=200");
      expect(all.data.map((e) => e.id)).toContain(row!.id);
    } finally {
      await kb.db.prisma.$executeRaw`DELETE FROM events WHERE id = ${row!.id}`;
    }
  });
});
