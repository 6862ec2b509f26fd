// The database's derived data — events' and agreements' filter keys and the event rollups —
// follow every write the importer makes (new articles, a changed article,
// events that go), and the stats read from the rollups equal the counts over
// the events themselves.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EventFilters } from "../../src/api/query/events.ts";
import { rollupConditions } from "../../src/api/query/rollups.ts";
import { sql } from "../../src/api/query/sql.ts";
import { eventTotalSql, liveStatsSql, STATS_GROUPS, statsSql, statsWithTotalSql } from "../../src/api/query/stats.ts";
import fastJson from "fast-json-stringify";
import { z } from "zod";
import { countEvents, eventDocPage, eventPage, represent } from "../../src/api/query/events.ts";
import { AgreementSchema, EventSchema } from "../../src/api/schemas/resources.ts";
import { agreementDocPage, agreementPage, represent as representAgreement } from "../../src/api/query/agreements.ts";
import { agreementDocsDrift, derivedDrift, eventDocsDrift, searchTermsMissing, wordFirstsDrift } from "../../src/db/derived.ts";
import { searchSql, type SearchRow } from "../../src/api/query/search.ts";
import { primaryReader, type Reader } from "../../src/db/reader.ts";
import { poolOf } from "../../src/db/client.ts";
import { importPaths } from "../../src/import/run.ts";
import { foldRollups, foldRollupsSoon } from "../../src/import/store/rollup-fold.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/db.ts";

let db: TestDatabase;
let reader: Reader;
let dir: string;

beforeAll(async () => {
  db = await createTestDatabase("derived");
  reader = primaryReader(db.prisma);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "hoptac-derived-"));
  for (const f of fs.readdirSync("data/seeds")) fs.copyFileSync(path.join("data/seeds", f), path.join(dir, f));
  await importPaths(db.prisma, [dir]);
});

afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await db?.drop();
});

/** Runs `work` with two writers, each in a transaction of its own on a connection of its own, and commits both at once. */
async function twoWriters(work: (first: pg.Client, second: pg.Client) => Promise<void>) {
  const first = new pg.Client({ connectionString: db.url });
  const second = new pg.Client({ connectionString: db.url });
  await Promise.all([first.connect(), second.connect()]);
  try {
    await first.query("BEGIN");
    await second.query("BEGIN");
    await work(first, second);
    await Promise.all([first.query("COMMIT"), second.query("COMMIT")]);
  } finally {
    await Promise.all([first.end(), second.end()]);
  }
}

describe("events' filter keys and the rollups", () => {
  it("hold what the link tables and events say after an import", async () => {
    expect(await derivedDrift(reader)).toEqual({ keys: 0, rollups: 0 });
    // The importer folds its rollup changes into the cells before it returns.
    expect(await reader.query(sql`SELECT count(*)::int AS n FROM event_rollup_pending`)).toEqual([{ n: 0 }]);
    const [row] = await reader.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM events WHERE cardinality(country_codes) > 0`);
    expect(row!.n).toBeGreaterThan(0);
  });

  it("answer the stats exactly as counting the events does", async () => {
    const [some] = await db.prisma.$queryRaw<{ ministry: number; topic: string }[]>`
      SELECT (SELECT ministry_id FROM event_ministries LIMIT 1) AS ministry, (SELECT topics[1] FROM events WHERE cardinality(topics) > 0 LIMIT 1) AS topic`;
    const filters: EventFilters[] = [
      {},
      { countries: ["CU"] },
      { countries: ["VN"], types: ["talks", "visit"] },
      { countries: ["VN", "CU"] },
      { countries: ["CU", "VN", "CU"], types: ["talks", "visit", "signing"], from: "2024-01-01" },
      { from: "2024-01-01", to: "2025-12-31" },
      { to: "2024-12-31" },
      { ministry: some!.ministry },
      { topic: some!.topic, from: "2025-01-01" },
    ];
    for (const f of filters) {
      expect(rollupConditions(f)).not.toBeNull();
      for (const group of STATS_GROUPS) {
        const fromRollup = await reader.query(statsSql(group, f));
        expect(fromRollup, `${group} ${JSON.stringify(f)}`).toEqual(await reader.query(liveStatsSql(group, f)));
        // The API's one statement gives the same rows in the same order, and the total.
        const [total] = await reader.query<{ count: number }>(eventTotalSql(f));
        const together = await reader.query<Record<string, unknown>>(statsWithTotalSql(group, f));
        expect(together.every((r) => r.total === total!.count)).toBe(true);
        expect(together.filter((r) => r.n !== null).map(({ n: _, total: __, ...r }) => r)).toEqual(fromRollup);
      }
    }
    // No group at all still gives one row, with the total.
    const none = { types: ["talks" as const], from: "1900-01-01", to: "1900-12-31" };
    expect(await reader.query(statsWithTotalSql("topic", none))).toEqual([{ key: null, name_vi: null, name_en: null, country: null, count: null, n: null, total: 0 }]);
    // Two countries are a pair's scope, whichever order they come in; the seeds have such events.
    const [pair] = await reader.query<{ count: number }>(eventTotalSql({ countries: ["VN", "CU"] }));
    expect(pair!.count).toBeGreaterThan(0);
    expect(pair).toEqual((await reader.query(sql`SELECT count(*)::int AS count FROM events WHERE country_codes @> ARRAY['CU', 'VN']`))[0]);
    // Filters the rollups cannot answer are counted over the events.
    expect(rollupConditions({ countries: ["CU", "VN", "LA"] })).toBeNull();
    expect(rollupConditions({ countries: ["CU", "VN"], topic: "drugs" })).toBeNull();
    expect(rollupConditions({ from: "2024-05-01" })).toBeNull();
    expect(rollupConditions({ q: "cuba" })).toBeNull();
  });

  it("count an official with many events in the rollups, listed in bulk or by a write", async () => {
    const officials = async () => (await reader.query<{ official_id: number }>(sql`SELECT official_id FROM rollup_officials ORDER BY 1`)).map((r) => r.official_id);
    expect(await officials()).toEqual([]);
    const [busiest] = await reader.query<{ id: number; n: number }>(
      sql`SELECT official_id AS id, count(*)::int AS n FROM event_participants GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1`,
    );
    expect(busiest!.n).toBeGreaterThan(1);
    // In bulk: every official with at least that many events (the seeds' busiest).
    const [listed] = await reader.query<{ n: number }>(sql`SELECT hoptac_roll_officials(${busiest!.n}) AS n`);
    expect(listed!.n).toBeGreaterThanOrEqual(1);
    expect(await officials()).toContain(busiest!.id);
    expect(await derivedDrift(reader)).toEqual({ keys: 0, rollups: 0 });
    for (const f of [{ official: busiest!.id }, { official: busiest!.id, types: ["talks", "visit"], to: "2025-12-31" }] satisfies EventFilters[]) {
      expect(rollupConditions(f, true)).not.toBeNull();
      for (const group of STATS_GROUPS) {
        const fromRollup = await reader.query(statsSql(group, f, true));
        expect(fromRollup.length, `${group} ${JSON.stringify(f)}`).toBeGreaterThan(0);
        expect(fromRollup, `${group} ${JSON.stringify(f)}`).toEqual(await reader.query(liveStatsSql(group, f)));
      }
      expect(await reader.query(eventTotalSql(f, true))).toEqual(await reader.query(sql`SELECT count(*)::int AS count FROM (SELECT 1 FROM events e WHERE e.official_ids @> ARRAY[${f.official}]::int[]
        ${f.types ? sql`AND e.type IN ('talks', 'visit') AND e.span_from <= '2025-12-31'` : sql``}) x`));
    }
    // An official the rollups do not count is counted over its events.
    expect(rollupConditions({ official: busiest!.id })).toBeNull();

    // By a write: an official linked to an event reaches the number of events the setting asks for.
    const [other] = await reader.query<{ official: number; event: number }>(sql`SELECT o.id AS official,
      (SELECT min(e.id) FROM events e WHERE NOT e.official_ids @> ARRAY[o.id]) AS event
      FROM officials o WHERE NOT EXISTS (SELECT 1 FROM rollup_officials r WHERE r.official_id = o.id) ORDER BY o.id LIMIT 1`);
    await db.prisma.$transaction([
      db.prisma.$queryRaw`SELECT set_config('hoptac.rollup_official_events', '1', true)`,
      db.prisma.$executeRaw`INSERT INTO event_participants (event_id, official_id) VALUES (${other!.event}, ${other!.official})`,
    ]);
    expect(await officials()).toContain(other!.official);
    expect(await derivedDrift(reader)).toEqual({ keys: 0, rollups: 0 });
    const [cells] = await reader.query<{ n: number }>(sql`SELECT coalesce(sum(events), 0)::int AS n FROM event_rollups WHERE scope = ${`official:${other!.official}`} AND dim = ''`);
    expect(cells!.n).toBeGreaterThanOrEqual(1);
  });

  it("count changes written and not yet folded into the cells, and fold them", async () => {
    const pending = async () => (await reader.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM event_rollup_pending`))[0]!.n;
    // The test before wrote outside the store: no fold followed.
    await reader.query(sql`SELECT hoptac_fold_rollups()`);
    expect(await pending()).toBe(0);
    const stats = async () => {
      for (const f of [{}, { countries: ["VN"], types: ["talks", "visit"] }, { countries: ["VN", "CU"] }] satisfies EventFilters[]) {
        for (const group of STATS_GROUPS) {
          expect(await reader.query(statsSql(group, f)), `${group} ${JSON.stringify(f)}`).toEqual(await reader.query(liveStatsSql(group, f)));
        }
      }
      expect(await derivedDrift(reader)).toEqual({ keys: 0, rollups: 0 });
    };
    // A write outside the store: its changes stay pending (one row out, one in), and reads count them.
    const [event] = await reader.query<{ id: number; type: string }>(sql`SELECT id, type::text FROM events WHERE type <> 'visit' AND 'VN' = ANY(country_codes) ORDER BY id LIMIT 1`);
    await db.prisma.$executeRaw`UPDATE events SET type = 'visit' WHERE id = ${event!.id}`;
    // A write that leaves the keys as they were leaves nothing.
    await db.prisma.$executeRaw`UPDATE events SET summary = summary WHERE id = ${event!.id}`;
    expect(await pending()).toBe(2);
    await stats();
    // Officials listed now count the events already written, pending ones included, once.
    await reader.query(sql`SELECT hoptac_roll_officials(1)`);
    await stats();
    const [folded] = await reader.query<{ n: number }>(sql`SELECT hoptac_fold_rollups() AS n`);
    expect(folded!.n).toBe(2);
    expect(await pending()).toBe(0);
    await stats();
    await db.prisma.$executeRaw`UPDATE events SET type = ${event!.type}::event_type WHERE id = ${event!.id}`;
    await stats();
    await reader.query(sql`SELECT hoptac_fold_rollups()`);
    await stats();
  });

  it("fold at once what is pending when an import settles, writes meanwhile included", async () => {
    const pool = poolOf(db.prisma);
    const pending = async () => (await reader.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM event_rollup_pending`))[0]!.n;
    const [event] = await reader.query<{ id: number; type: string }>(sql`SELECT id, type::text FROM events WHERE type <> 'visit' ORDER BY id LIMIT 1`);
    await db.prisma.$executeRaw`UPDATE events SET type = 'visit' WHERE id = ${event!.id}`;
    // A fold that would wait an hour for more writes, and a write while it waits: another fold is to follow it.
    foldRollupsSoon(pool, 3_600_000);
    await db.prisma.$executeRaw`UPDATE events SET type = ${event!.type}::event_type WHERE id = ${event!.id}`;
    foldRollupsSoon(pool, 3_600_000);
    expect(await pending()).toBe(4);
    // Settling folds both at once (waiting out either delay would time the test out).
    await foldRollups(pool);
    expect(await pending()).toBe(0);
    expect(await derivedDrift(reader)).toEqual({ keys: 0, rollups: 0 });
  });

  it("follow a changed article, a deleted event and an edited one", async () => {
    const file = fs.readdirSync(dir).sort()[0]!;
    const text = fs.readFileSync(path.join(dir, file), "utf8");
    // The article loses its second half: its events are rebuilt from what remains.
    fs.writeFileSync(path.join(dir, file), text.slice(0, Math.floor(text.length / 2)));
    const again = await importPaths(db.prisma, [dir]);
    expect(again.updated).toBe(1);
    expect(await derivedDrift(reader)).toEqual({ keys: 0, rollups: 0 });

    await db.prisma.$executeRaw`DELETE FROM events WHERE id = (SELECT min(event_id) FROM event_countries WHERE country_code = 'VN')`;
    await db.prisma.$executeRaw`UPDATE events SET type = 'other', span_from = NULL, span_to = NULL WHERE id = (SELECT max(id) FROM events)`;
    await db.prisma.$executeRaw`DELETE FROM event_countries WHERE event_id = (SELECT max(event_id) FROM event_countries) AND country_code = 'VN'`;
    expect(await derivedDrift(reader)).toEqual({ keys: 0, rollups: 0 });
  });

  it("follow an agreement's parties: a party gone, a ministry gone, a party added", async () => {
    const [agreement] = await reader.query<{ id: number; country_codes: string[]; ministry_ids: number[] }>(
      sql`SELECT id, country_codes, ministry_ids FROM agreements WHERE cardinality(ministry_ids) > 0 ORDER BY id LIMIT 1`,
    );
    expect(agreement).toBeDefined();
    const id = agreement!.id;
    const keys = async () => (await reader.query<{ country_codes: string[]; ministry_ids: number[] }>(sql`SELECT country_codes, ministry_ids FROM agreements WHERE id = ${id}`))[0]!;

    await db.prisma.$executeRaw`UPDATE agreement_parties SET ministry_id = NULL WHERE agreement_id = ${id}`;
    expect((await keys()).ministry_ids).toEqual([]);
    const [kept, ...dropped] = agreement!.country_codes;
    await db.prisma.$executeRaw`DELETE FROM agreement_parties WHERE agreement_id = ${id} AND country_code = ANY(${dropped}::text[])`;
    expect((await keys()).country_codes).toEqual([kept]);
    await db.prisma.$executeRaw`INSERT INTO agreement_parties (agreement_id, country_code, ministry_id) VALUES (${id}, 'AD', ${agreement!.ministry_ids[0]})`;
    expect(await keys()).toEqual({ country_codes: ["AD", kept].sort(), ministry_ids: [agreement!.ministry_ids[0]] });
    expect(await derivedDrift(reader)).toEqual({ keys: 0, rollups: 0 });
    // Its folded text (search_folded) follows its text.
    await db.prisma.$executeRaw`UPDATE agreements SET search_text = search_text || ' | Đà Nẵng' WHERE id = ${id}`;
    const [folded] = await reader.query<{ search_folded: string }>(sql`SELECT search_folded FROM agreements WHERE id = ${id}`);
    expect(folded!.search_folded).toMatch(/ \| da nang$/);
    expect(await derivedDrift(reader)).toEqual({ keys: 0, rollups: 0 });
  });
});

/** Every event's list item as the API wrote it before event_docs: its rows represented and serialized by the list's schema. */
const serializeItem = fastJson(z.toJSONSchema(EventSchema, { io: "output", target: "draft-7" }) as Parameters<typeof fastJson>[0]);

const serializeAgreement = fastJson(z.toJSONSchema(AgreementSchema, { io: "output", target: "draft-7" }) as Parameters<typeof fastJson>[0]);

/** Every agreement's ready item is byte for byte what the list wrote from its rows before agreement_docs. */
async function expectAgreementItemsAsRepresented() {
  expect(await agreementDocsDrift(reader)).toBe(0);
  for (const desc of [true, false]) {
    const rows = await agreementPage(reader, {}, desc, null, 10_000);
    const docs = await agreementDocPage(reader, {}, desc, null, 10_000);
    expect(docs).not.toBeNull();
    expect(docs!.rows).toBe(rows.length);
    expect(rows.length).toBeGreaterThan(0);
    expect(Buffer.from(docs!.items.base64, "base64").toString("utf8")).toBe(rows.map((r) => serializeAgreement(representAgreement(r))).join(","));
  }
}

async function expectItemsAsRepresented() {
  await expectAgreementItemsAsRepresented();
  expect(await eventDocsDrift(reader)).toBe(0);
  // The words' lists of their shortest events follow the same writes.
  expect(await wordFirstsDrift(reader)).toBe(0);
  for (const sort of ["-date", "date"] as const) {
    const rows = await eventPage(reader, {}, sort, null, 10_000);
    const docs = (await eventDocPage(reader, {}, sort, null, 10_000)).page;
    expect(docs).not.toBeNull();
    expect(docs!.rows).toBe(rows.length);
    expect(Buffer.from(docs!.items.base64, "base64").toString("utf8")).toBe(rows.map((r) => serializeItem(represent(r))).join(","));
  }
}

describe("events' ready list items (event_docs)", () => {
  it("are byte for byte the items the representation writes, after an import", async () => {
    const [row] = await reader.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM event_docs`);
    expect(row!.n).toBeGreaterThan(0);
    await expectItemsAsRepresented();
  });

  it("come with the count of their list, read in the same statement when the rollups or an official's links know it", async () => {
    const filters: EventFilters[] = [{}, { countries: ["CU"] }, { countries: ["CU", "CN"] }, { types: ["visit"], from: "2024-01-01" }, { q: "cuba" }];
    for (const f of filters) {
      const page = await eventDocPage(reader, f, "-date", null, 2);
      expect(page.count, JSON.stringify(f)).toEqual(await countEvents(reader, f));
      expect(page.page!.rows).toBe(Math.min(3, page.count.count));
    }
    // An official alone is counted exactly from its links, in the page's own statement.
    const [official] = await reader.query<{ id: number }>(sql`SELECT official_id AS id FROM event_participants GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`);
    const [events] = await reader.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM events WHERE official_ids @> ARRAY[${official!.id}]::int[]`);
    let statements = 0;
    const counting: Reader = { query: (q) => (statements++, reader.query(q)), close: async () => {} };
    const page = await eventDocPage(counting, { official: official!.id, countries: [] }, "date", null, 1);
    expect(page.count).toEqual({ count: events!.n, estimated: false });
    expect(page.page!.rows).toBe(Math.min(2, events!.n)); // the page and the row that tells another follows
    expect(statements).toBe(1);
  });

  it("follow an article imported again with new text, and one whose title changed", async () => {
    const file = fs.readdirSync(dir).sort()[1]!;
    const text = fs.readFileSync(path.join(dir, file), "utf8");
    fs.writeFileSync(path.join(dir, file), text.slice(0, Math.floor((text.length * 2) / 3)));
    expect((await importPaths(db.prisma, [dir])).updated).toBe(1);
    await expectItemsAsRepresented();
    await db.prisma.$executeRaw`UPDATE articles SET title = 'Tiêu đề "mới"' || E'\n' || title WHERE id = (SELECT min(article_id) FROM event_sources)`;
    await expectItemsAsRepresented();
  });

  it("follow an official renamed, a country and a ministry renamed", async () => {
    await db.prisma.$executeRaw`UPDATE officials SET name = name || ' (đổi tên)' WHERE id = (SELECT official_id FROM event_participants ORDER BY event_id LIMIT 1)`;
    await db.prisma.$executeRaw`UPDATE countries SET name_en = 'Cuba (Republic of)' WHERE code = 'CU'`;
    await db.prisma.$executeRaw`UPDATE ministries SET name_en = NULL WHERE id = (SELECT ministry_id FROM event_ministries LIMIT 1)`;
    await expectItemsAsRepresented();
  });

  it("follow two events merged into one in a transaction, and an agreement moved", async () => {
    const [pair] = await reader.query<{ keep: number; gone: number }>(sql`SELECT min(id) AS keep, max(id) AS gone FROM events`);
    await db.prisma.$transaction([
      db.prisma.$executeRaw`INSERT INTO event_sources (event_id, article_id, sentence, facts)
        SELECT ${pair!.keep}, article_id, sentence, facts FROM event_sources WHERE event_id = ${pair!.gone} ON CONFLICT DO NOTHING`,
      db.prisma.$executeRaw`INSERT INTO event_participants (event_id, official_id, role)
        SELECT ${pair!.keep}, official_id, role FROM event_participants WHERE event_id = ${pair!.gone} ON CONFLICT DO NOTHING`,
      db.prisma.$executeRaw`UPDATE agreements SET event_id = ${pair!.keep} WHERE event_id = ${pair!.gone}`,
      db.prisma.$executeRaw`DELETE FROM events WHERE id = ${pair!.gone}`,
    ]);
    await db.prisma.$executeRaw`UPDATE agreements SET title = title || ' (bản sửa)', event_id = ${pair!.keep} WHERE id = (SELECT max(id) FROM agreements)`;
    await expectItemsAsRepresented();
    const [gone] = await reader.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM event_docs WHERE event_id = ${pair!.gone}`);
    expect(gone!.n).toBe(0);
  });

  it("follow, for agreements, their event's summary edited, a party and a source gone, and an agreement deleted", async () => {
    const [a] = await reader.query<{ id: number; event_id: number }>(sql`SELECT id, event_id FROM agreements WHERE event_id IS NOT NULL ORDER BY id LIMIT 1`);
    await db.prisma.$executeRaw`UPDATE events SET summary = summary || ' (cập nhật)' WHERE id = ${a!.event_id}`;
    await expectAgreementItemsAsRepresented();
    const [doc] = await reader.query<{ list_json: string }>(sql`SELECT list_json FROM agreement_docs WHERE agreement_id = ${a!.id}`);
    expect(doc!.list_json).toContain("(cập nhật)");
    await db.prisma.$executeRaw`DELETE FROM agreement_parties WHERE agreement_id = ${a!.id} AND country_code = (SELECT max(country_code) FROM agreement_parties WHERE agreement_id = ${a!.id})`;
    await db.prisma.$executeRaw`DELETE FROM agreement_sources WHERE agreement_id = ${a!.id} AND article_id = (SELECT max(article_id) FROM agreement_sources WHERE agreement_id = ${a!.id})`;
    await expectAgreementItemsAsRepresented();
    await db.prisma.$executeRaw`DELETE FROM agreements WHERE id = ${a!.id}`;
    await expectAgreementItemsAsRepresented();
    const [gone] = await reader.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM agreement_docs WHERE agreement_id = ${a!.id}`);
    expect(gone!.n).toBe(0);
  });
});

describe("the rewrite of ready items at commit", () => {
  /** Runs `work` in one transaction on a connection of its own. */
  async function inTransaction(work: (c: pg.Client) => Promise<void>) {
    const c = new pg.Client({ connectionString: db.url });
    await c.connect();
    try {
      await c.query("BEGIN");
      await work(c);
      await c.query("COMMIT");
    } finally {
      await c.end();
    }
  }
  const item = async (id: number) => (await reader.query<{ list_json: string }>(sql`SELECT list_json FROM event_docs WHERE event_id = ${id}`))[0]!.list_json;

  it("follows a transaction whose first write was undone by a rollback to a savepoint, and leaves nothing filed", async () => {
    const [pair] = await reader.query<{ a: number; b: number }>(sql`SELECT min(id) AS a, max(id) AS b FROM events`);
    const before = await item(pair!.a);
    await inTransaction(async (c) => {
      await c.query("SAVEPOINT s");
      await c.query("UPDATE events SET summary = summary || ' (bỏ)' WHERE id = $1", [pair!.a]);
      await c.query("ROLLBACK TO SAVEPOINT s");
      await c.query("UPDATE events SET summary = summary || ' (giữ)' WHERE id = $1", [pair!.b]);
      // A write whose items are all filed already, after a savepoint: the rewrite at commit still comes.
      await c.query("SAVEPOINT t");
      await c.query("UPDATE events SET place = place WHERE id = $1", [pair!.b]);
      await c.query("RELEASE SAVEPOINT t");
    });
    expect(await item(pair!.a)).toBe(before);
    expect(await item(pair!.b)).toContain("(giữ)");
    await expectItemsAsRepresented();
    const [left] = await reader.query<{ stale: number; pending: number }>(
      sql`SELECT (SELECT count(*)::int FROM docs_stale) AS stale, (SELECT count(*)::int FROM docs_pending) AS pending`,
    );
    expect(left).toEqual({ stale: 0, pending: 0 });
  });

  it("follows two writers committing edits of the same event and agreement at once", async () => {
    const [a] = await reader.query<{ id: number; event_id: number }>(sql`SELECT id, event_id FROM agreements WHERE event_id IS NOT NULL ORDER BY id DESC LIMIT 1`);
    await twoWriters(async (first, second) => {
      await first.query("UPDATE events SET summary = summary || ' (một)' WHERE id = $1", [a!.event_id]);
      await second.query("UPDATE agreements SET title = title || ' (hai)' WHERE id = $1", [a!.id]);
      await second.query("UPDATE articles SET title = coalesce(title, '') || ' (hai)' WHERE id = (SELECT min(article_id) FROM event_sources WHERE event_id = $1)", [a!.event_id]);
    });
    expect(await item(a!.event_id)).toMatch(/\(một\).*\(hai\).*\(hai\)/);
    await expectItemsAsRepresented();
  });
});

describe("the words of events' and agreements' texts", () => {
  const found = async (word: string, kind: "event" | "agreement") =>
    (await reader.query<SearchRow>(searchSql(word, [kind], 100, undefined, { similar: false }))).map((h) => h.num_id);

  it("hold every word after an import, and the new words of texts written since, two writers at once included", async () => {
    expect(await searchTermsMissing(reader)).toBe(0);
    const [a] = await reader.query<{ id: number; event_id: number }>(sql`SELECT id, event_id FROM agreements WHERE event_id IS NOT NULL ORDER BY id LIMIT 1`);
    const [other] = await reader.query<{ id: number }>(sql`SELECT max(id) AS id FROM events WHERE id <> ${a!.event_id}`);
    // Words no text held: a search finds nothing, and the words' table says so before any text is read.
    for (const word of ["zokhuat", "vrelinka"]) {
      expect(await found(word, "event")).toEqual([]);
      expect(await reader.query(sql`SELECT 1 FROM event_words WHERE word LIKE ${`%${word}%`}`)).toEqual([]);
    }
    await twoWriters(async (first, second) => {
      await first.query("UPDATE events SET search_text = search_text || ' Zôkhuất-Vrelinka' WHERE id = $1", [a!.event_id]);
      await second.query("UPDATE events SET search_text = search_text || ' VRELINKA Zôkhuất' WHERE id = $1", [other!.id]);
      await second.query("UPDATE agreements SET search_text = search_text || ' vrelinka' WHERE id = $1", [a!.id]);
    });
    expect(await searchTermsMissing(reader)).toBe(0);
    expect(await wordFirstsDrift(reader)).toBe(0);
    expect((await found("zokhuat", "event")).sort()).toEqual([a!.event_id, other!.id].sort());
    expect((await found("relink", "event")).sort()).toEqual([a!.event_id, other!.id].sort());
    expect(await found("vrelinka", "agreement")).toEqual([a!.id]);
    // A word left by a text that no longer has it only sends the search on to the texts.
    await db.prisma.$executeRaw`UPDATE events SET search_text = replace(search_text, ' VRELINKA Zôkhuất', '') WHERE id = ${other!.id}`;
    expect(await found("zokhuat", "event")).toEqual([a!.event_id]);
    expect(await wordFirstsDrift(reader)).toBe(0);
  });
});

describe("whether a term holds a text (hoptac_terms_hold)", () => {
  it("is answered as a plain lookup answers it, by every call of a session, once its plans are kept too", async () => {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      const tables = [["event_words", "word"], ["agreement_words", "word"], ["official_names", "folded"]] as const;
      // Parts of terms the tables hold, words none holds, and LIKE's marks, escaped as the API escapes them.
      const patterns = ["%an%", "%ninh%", "%cong an%", "%zqxv%", "%an\\_ninh%", "%100\\%%", "%\\\\%", "%uoc%", "%lam%", "%inh%"];
      let held = 0;
      for (const round of [1, 2, 3])
        for (const [table, column] of tables)
          for (const pattern of patterns) {
            const { rows: [plain] } = await client.query(`SELECT EXISTS (SELECT 1 FROM ${table} WHERE ${column} LIKE $1) AS v`, [pattern]);
            const { rows: [asked] } = await client.query("SELECT hoptac_terms_hold($1::regclass, $2) AS v", [table, pattern]);
            expect(asked.v, `${table} ${pattern}, round ${round}`).toBe(plain.v);
            if (plain.v) held++;
          }
      expect(held).toBeGreaterThan(15);
    } finally {
      await client.end();
    }
  });
});

describe("the officials' names", () => {
  /** The officials most similar to the query, by testing every official's name. */
  const plain = (q: string, limit: number) =>
    reader.query<{ id: number; score: number }>(sql`SELECT o.id, round(word_similarity(hoptac_fold(${q}), o.search_folded)::numeric, 3)::float8 AS score
      FROM officials o WHERE o.search_folded %> hoptac_fold(${q}) AND strpos(o.search_folded, hoptac_fold(${q})) = 0
      ORDER BY word_similarity(hoptac_fold(${q}), o.search_folded) DESC, length(o.name), o.id LIMIT ${limit}`);
  const similar = async (q: string, limit: number, since?: Date) =>
    (await reader.query<SearchRow>(searchSql(q, ["official"], limit, since, { similar: true, contained: [] }))).map((h) => ({ id: h.num_id, score: h.score }));

  it("give the officials most similar to a query as testing every official does, shared names, new ones and two writers at once included", async () => {
    expect(await searchTermsMissing(reader)).toBe(0);
    // Officials who share a name (after folding), written by two writers at once.
    const add = (c: pg.Client, key: string, name: string) => c.query("INSERT INTO officials (key, name, search_text) VALUES ($1, $2, $2)", [key, name]);
    await twoWriters(async (first, second) => {
      await add(first, "--:nguyen van an 1", "Nguyễn Văn Ân");
      await add(second, "--:nguyen van an 2", "Nguyễn Văn An");
      await add(second, "--:nguyen van anh", "Nguyễn Văn Anh");
      await add(first, "CU:nguyen van an", "NGUYỄN VĂN ÁN");
      await add(first, "--:nguyen van anh 2", "Nguyễn Văn Anh");
    });
    expect(await searchTermsMissing(reader)).toBe(0);
    let ties = 0;
    for (const q of ["nguyen van a", "nguyen van", "ngyen van an", "Lazaro Alvares", "quach thanh con", "to lamm", "tran quoc", "van an", "zzzz"]) {
      for (const limit of [1, 2, 3, 4, 5, 20, 100]) {
        const want = await plain(q, limit);
        expect(await similar(q, limit), `${q}, limit ${limit}`).toEqual(want);
        expect(await similar(q, limit, new Date(0)), `${q}, limit ${limit}, updated since`).toEqual(want);
        if (want.length > 1 && want.at(-1)!.score === want.at(-2)!.score) ties++;
      }
    }
    expect(ties).toBeGreaterThan(3);
    // A name whose officials were all renamed stays, and finds none of them.
    await db.prisma.$executeRaw`UPDATE officials SET name = 'Nguyễn Văn Ấn', search_text = 'Nguyễn Văn Ấn' WHERE key LIKE '%:nguyen van anh%'`;
    expect(await reader.query(sql`SELECT 1 FROM official_names WHERE folded = 'nguyen van anh'`)).toHaveLength(1);
    expect((await similar("nguyen van anh", 100)).map((h) => h.id)).toEqual((await plain("nguyen van anh", 100)).map((h) => h.id));
    expect(await searchTermsMissing(reader)).toBe(0);
  });
});

describe("officials' counts of events and mentions (official_counts)", () => {
  const counts = async (id: number) =>
    (await reader.query<{ events: number; mentions: number }>(sql`SELECT
      (SELECT count(*)::int FROM event_participants WHERE official_id = ${id}) AS events,
      (SELECT count(*)::int FROM official_mentions WHERE official_id = ${id}) AS mentions`))[0]!;
  const stored = async (id: number) =>
    (await reader.query<{ events: number; mentions: number }>(sql`SELECT events, mentions FROM official_counts WHERE official_id = ${id}`))[0] ?? null;

  it("hold each official's links after an import, and follow links removed, moved and added", async () => {
    const [busy] = await reader.query<{ id: number }>(sql`SELECT official_id AS id FROM event_participants GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`);
    const [other] = await reader.query<{ id: number }>(sql`SELECT id FROM officials WHERE id <> ${busy!.id} ORDER BY id LIMIT 1`);
    const before = await counts(busy!.id);
    expect(before.events).toBeGreaterThan(1);
    expect(await stored(busy!.id)).toEqual(before);

    await db.prisma.$executeRaw`DELETE FROM official_mentions WHERE official_id = ${busy!.id} AND article_id = (SELECT min(article_id) FROM official_mentions WHERE official_id = ${busy!.id})`;
    await db.prisma.$executeRaw`UPDATE event_participants SET official_id = ${other!.id} WHERE official_id = ${busy!.id}
      AND event_id = (SELECT min(event_id) FROM event_participants p WHERE p.official_id = ${busy!.id}
        AND NOT EXISTS (SELECT 1 FROM event_participants q WHERE q.event_id = p.event_id AND q.official_id = ${other!.id}))`;
    await db.prisma.$executeRaw`UPDATE event_participants SET role = 'host' WHERE official_id = ${busy!.id}`;
    const after = await counts(busy!.id);
    expect(after.events).toBe(before.events - 1);
    expect(await stored(busy!.id)).toEqual(after);
    expect(await stored(other!.id)).toEqual(await counts(other!.id));
    expect(await derivedDrift(reader)).toEqual({ keys: 0, rollups: 0 });
  });

  it("go with an official deleted, and start from nothing for a new one", async () => {
    const [gone] = await reader.query<{ id: number }>(sql`SELECT official_id AS id FROM official_mentions ORDER BY official_id LIMIT 1`);
    await db.prisma.$executeRaw`DELETE FROM officials WHERE id = ${gone!.id}`;
    expect(await stored(gone!.id)).toBeNull();
    const [fresh] = await db.prisma.$queryRaw<{ id: number }[]>`INSERT INTO officials (key, name, search_text) VALUES ('--:nguoi moi', 'Người Mới', 'Người Mới') RETURNING id`;
    expect(await stored(fresh!.id)).toBeNull();
    const [event] = await reader.query<{ id: number }>(sql`SELECT min(id) AS id FROM events`);
    await db.prisma.$executeRaw`INSERT INTO event_participants (event_id, official_id, role) VALUES (${event!.id}, ${fresh!.id}, 'attendee')`;
    expect(await stored(fresh!.id)).toEqual({ events: 1, mentions: 0 });
    expect(await derivedDrift(reader)).toEqual({ keys: 0, rollups: 0 });
  });
});
