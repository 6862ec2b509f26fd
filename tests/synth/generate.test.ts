// The synthetic knowledge base: the same seed gives the same rows, shaped
// like the real knowledge base, written through the same tables and triggers
// (its derived keys and rollups agree with its rows).
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/api/app.ts";
import { searchSql } from "../../src/api/query/search.ts";
import { loadConfig } from "../../src/config/env.ts";
import { agreementDocsDrift, derivedDrift, eventDocsDrift, searchTermsMissing, wordFirstsDrift } from "../../src/db/derived.ts";
import { primaryReader } from "../../src/db/reader.ts";
import { loadGazetteer } from "../../src/extraction/gazetteer.ts";
import { synthesize, synthSizes } from "../../src/synth/generate.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/db.ts";

const EVENTS = 2000;
const dbs: TestDatabase[] = [];

async function synth(seed: number): Promise<TestDatabase> {
  const db = await createTestDatabase(`synth_${seed}`);
  dbs.push(db);
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    await client.query("BEGIN");
    await synthesize(client, loadGazetteer(), { events: EVENTS, seed, chunk: 700 });
    await client.query("COMMIT");
  } finally {
    await client.end();
  }
  return db;
}

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  Plans?: PlanNode[];
}

/** A plan's nodes, depth first. */
const nodesOf = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodesOf)];

/** A digest of every table the generator writes. */
async function digest(db: TestDatabase): Promise<string> {
  const [row] = await db.prisma.$queryRaw<{ d: string }[]>`SELECT md5(
    (SELECT string_agg(e::text, '|' ORDER BY id) FROM events e) ||
    (SELECT string_agg(x::text, '|' ORDER BY event_id, official_id) FROM event_participants x) ||
    (SELECT string_agg(x::text, '|' ORDER BY event_id, country_code) FROM event_countries x) ||
    (SELECT string_agg(a::text, '|' ORDER BY id) FROM articles a) ||
    (SELECT string_agg(o::text, '|' ORDER BY id) FROM officials o) ||
    (SELECT string_agg(g::text, '|' ORDER BY id) FROM agreements g)) AS d`;
  return row!.d;
}

let a: TestDatabase;
beforeAll(async () => {
  a = await synth(7);
});
afterAll(async () => {
  for (const db of dbs) await db.drop();
});

describe("npm run synth", () => {
  it("writes a knowledge base shaped like the real one", async () => {
    const [s] = await a.prisma.$queryRaw<Record<string, number>[]>`SELECT
      (SELECT count(*)::int FROM events) AS events, (SELECT count(*)::int FROM articles) AS articles, (SELECT count(*)::int FROM officials) AS officials,
      (SELECT avg((country_codes @> ARRAY['VN']::text[])::int)::float8 FROM events) AS with_vn,
      (SELECT avg(cardinality(country_codes))::float8 FROM events) AS countries, (SELECT avg(cardinality(official_ids))::float8 FROM events) AS officials_per_event,
      (SELECT avg(cardinality(ministry_ids))::float8 FROM events) AS ministries_per_event,
      (SELECT avg(n)::float8 FROM (SELECT count(*) AS n FROM event_sources GROUP BY event_id) x) AS sources,
      (SELECT count(*)::float8 / (SELECT count(*) FROM events) FROM agreements) AS agreements,
      (SELECT avg((span_from IS NULL)::int)::float8 FROM events) AS unknown_year,
      (SELECT count(DISTINCT start_precision)::int FROM events) AS precisions,
      (SELECT max(extract(year FROM span_from)) - min(extract(year FROM span_from)) FROM events)::int AS years,
      (SELECT count(DISTINCT c)::int FROM events, unnest(country_codes) c) AS distinct_countries`;
    expect(s).toMatchObject({ events: EVENTS, articles: synthSizes(EVENTS).articles, officials: synthSizes(EVENTS).officials });
    expect(s!.with_vn).toBeGreaterThan(0.9);
    expect(s!.countries).toBeGreaterThan(1.8);
    expect(s!.countries).toBeLessThan(3);
    expect(s!.officials_per_event).toBeGreaterThan(1.8);
    expect(s!.officials_per_event).toBeLessThan(4);
    expect(s!.ministries_per_event).toBeGreaterThan(0.9);
    expect(s!.sources).toBeGreaterThan(1);
    expect(s!.sources).toBeLessThan(2);
    expect(s!.agreements).toBeGreaterThan(0.02);
    expect(s!.agreements).toBeLessThan(0.1);
    expect(s!.unknown_year).toBeGreaterThan(0.01);
    expect(s!.precisions).toBe(3);
    expect(s!.years).toBe(19);
    expect(s!.distinct_countries).toBeGreaterThan(60);
    const [text] = await a.prisma.$queryRaw<{ summary: string; name: string }[]>`
      SELECT e.summary, o.name FROM events e JOIN officials o ON o.id = e.official_ids[1] WHERE o.country_code = 'VN' LIMIT 1`;
    expect(text!.name).toMatch(/^\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+$/u);
    expect(await derivedDrift(primaryReader(a.prisma))).toEqual({ keys: 0, rollups: 0 });
    expect(await eventDocsDrift(primaryReader(a.prisma))).toBe(0);
    expect(await agreementDocsDrift(primaryReader(a.prisma))).toBe(0);
    expect(await searchTermsMissing(primaryReader(a.prisma))).toBe(0);
    expect(await wordFirstsDrift(primaryReader(a.prisma))).toBe(0);
    const [docs] = await a.prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM agreement_docs`;
    expect(docs!.n).toBeGreaterThan(0);
  });

  it("is listed with exact counts where they are cheap, and estimates marked as such beyond", async () => {
    const app = await buildApp({ config: loadConfig({ LOG_LEVEL: "silent", RATE_LIMIT_MAX: "100000" }), prisma: a.prisma });
    try {
      const get = async (url: string) => {
        const res = await app.inject({ method: "GET", url });
        expect(res.statusCode, res.body).toBe(200);
        return res.json() as { data: unknown[]; meta: { count: number; count_estimated?: true } };
      };
      const count = async (where: string) => (await a.prisma.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM events e WHERE ${where}`))[0]!.n;
      // From the rollups: exact however many.
      expect((await get("/v1/events")).meta).toEqual({ count: EVENTS, next_cursor: expect.any(String) });
      expect((await get("/v1/events?country=VN&type=talks&from=2010")).meta.count).toBe(
        await count("country_codes @> '{VN}' AND type = 'talks' AND span_to >= '2010-01-01'"),
      );
      // Counted: exact up to the limit.
      const few = await get("/v1/events?country=VN&country=CU");
      expect(few.meta.count).toBe(await count("country_codes @> '{VN,CU}'"));
      expect(few.meta.count_estimated).toBeUndefined();
      // Beyond it, the planner's estimate, said to be one.
      const many = await get("/v1/events?q=b%E1%BB%99");
      expect(many.meta.count_estimated).toBe(true);
      expect(many.meta.count).toBeGreaterThan(1000);
      expect(await count("search_folded LIKE '%bo%'")).toBeGreaterThan(1000);
    } finally {
      await app.close();
    }
  });

  it("pages a text's events newest first as a plain statement orders them, past the events a first walk reads", async () => {
    const app = await buildApp({ config: loadConfig({ LOG_LEVEL: "silent", RATE_LIMIT_MAX: "100000" }), prisma: a.prisma });
    try {
      // Runs of two words by how many events hold them: the commonest, one in the middle, and the rarest; and a word.
      const runs = await a.prisma.$queryRawUnsafe<{ t: string }[]>(
        `WITH r AS (SELECT t, count(DISTINCT id) AS n FROM events, regexp_matches(search_folded, '([a-z]{2,} [a-z]{2,})', 'g') m(x), LATERAL (SELECT x[1] AS t) y GROUP BY t)
         (SELECT t FROM r ORDER BY n DESC, t LIMIT 1) UNION ALL (SELECT t FROM r WHERE n BETWEEN 40 AND 400 ORDER BY n, t LIMIT 1) UNION ALL (SELECT t FROM r ORDER BY n, t LIMIT 1)`,
      );
      expect(runs).toHaveLength(3);
      for (const text of [...runs.map((r) => r.t), "cuba"]) {
        const plain = (
          await a.prisma.$queryRawUnsafe<{ id: number }[]>(
            `SELECT id FROM events WHERE strpos(search_folded, $1) > 0 ORDER BY coalesce(span_from, '-infinity'::date) DESC, id DESC`,
            text,
          )
        ).map((r) => r.id);
        for (const limit of [7, 200]) {
          const ids: number[] = [];
          let url: string | null = `/v1/events?q=${encodeURIComponent(text)}&limit=${limit}`;
          for (let page = 0; url && page < 4; page++) {
            const res = await app.inject({ method: "GET", url });
            expect(res.statusCode, res.body).toBe(200);
            const body = res.json() as { data: { id: number }[]; meta: { next_cursor?: string } };
            ids.push(...body.data.map((e) => e.id));
            url = body.meta.next_cursor ? `/v1/events?q=${encodeURIComponent(text)}&limit=${limit}&cursor=${encodeURIComponent(body.meta.next_cursor)}` : null;
          }
          expect(ids, `${text}, limit ${limit}`).toEqual(plain.slice(0, ids.length));
          expect(ids.length, `${text}, limit ${limit}`).toBe(Math.min(plain.length, 4 * limit));
        }
      }
    } finally {
      await app.close();
    }
  });

  it("looks for a typo in a ministry's or country's name through its trigram index, not by testing every name", async () => {
    // All the gazetteer's ministries and countries, a few hundred each: the
    // planner weighs a scan of them against the index by the similarity test's price.
    await a.prisma.$executeRawUnsafe("ANALYZE");
    for (const kind of ["ministry", "country"] as const) {
      const q = searchSql("nguyen van an", [kind], 20, undefined, { similar: true, contained: [] });
      const [row] = await a.prisma.$queryRawUnsafe<{ "QUERY PLAN": [{ Plan: PlanNode }] }[]>(`EXPLAIN (FORMAT JSON) ${q.text}`, ...q.values);
      const scans = nodesOf(row!["QUERY PLAN"][0].Plan);
      const table = kind === "ministry" ? "ministries" : "countries";
      expect(scans.filter((n) => n["Relation Name"] === table).map((n) => n["Node Type"]), kind).toEqual(["Bitmap Heap Scan"]);
      expect(scans.map((n) => n["Index Name"]), kind).toContain(`${table}_search_folded_trgm_idx`);
    }
  });

  it("gives the same rows for the same seed, and others for another", async () => {
    const again = await synth(7);
    const other = await synth(8);
    expect(await digest(again)).toBe(await digest(a));
    expect(await digest(other)).not.toBe(await digest(a));
  });
});
