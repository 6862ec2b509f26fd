// Each word's shortest events (migration word_firsts): a search for one word
// takes its first hits from the lists of the words that contain it when they
// tell, and finds what a walk of every event in label order finds, after
// writes that grow a list past its size, shorten texts and delete events.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { searchSql, type SearchRow } from "../../src/api/query/search.ts";
import { sql } from "../../src/api/query/sql.ts";
import { wordFirstsDrift } from "../../src/db/derived.ts";
import { primaryReader, type Reader } from "../../src/db/reader.ts";
import { loadGazetteer } from "../../src/extraction/gazetteer.ts";
import { synthesize } from "../../src/synth/generate.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/db.ts";

let db: TestDatabase;
let reader: Reader;

beforeAll(async () => {
  db = await createTestDatabase("word_firsts");
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    await client.query("BEGIN");
    await synthesize(client, loadGazetteer(), { events: 1500, seed: 3, chunk: 700 });
    await client.query("COMMIT");
  } finally {
    await client.end();
  }
  reader = primaryReader(db.prisma);
});
afterAll(async () => {
  await db?.drop();
});

/** Every event holding the text, shortest summary first, then id: what the search's events must begin with. */
async function walked(text: string, limit: number): Promise<number[]> {
  const rows = await reader.query<{ id: number }>(sql`SELECT id FROM events WHERE search_folded LIKE ${`%${text}%`} ORDER BY length(summary), id LIMIT ${limit}`);
  return rows.map((r) => r.id);
}

async function searched(text: string, limit: number): Promise<number[]> {
  return (await reader.query<SearchRow>(searchSql(text, ["event"], limit, undefined, { similar: false }))).map((h) => Number(h.num_id));
}

async function told(text: string, limit: number): Promise<boolean> {
  const [row] = await reader.query<{ told: boolean }>(sql`SELECT bool_or(answered) AS told FROM hoptac_event_firsts(${`%${text}%`}, ${limit})`);
  return row!.told;
}

/** Words of every frequency, and parts of them that several words contain. */
async function texts(): Promise<string[]> {
  const rows = await reader.query<{ word: string }>(sql`SELECT word FROM (
      SELECT x AS word, count(*) AS n FROM events e, unnest(string_to_array(e.search_folded, ' ')) x WHERE length(x) >= 3 GROUP BY x
    ) w ORDER BY n DESC, word`);
  const words = rows.map((r) => r.word);
  const picked = words.filter((_, i) => i % Math.max(1, Math.floor(words.length / 30)) === 0);
  return [...picked, ...picked.slice(0, 10).map((w) => w.slice(1, 4)), "zzqx"];
}

async function expectSearchesAsWalks(): Promise<{ told: number; untold: number }> {
  let [yes, no] = [0, 0];
  for (const text of await texts()) {
    for (const limit of [1, 20, 100]) {
      expect(await searched(text, limit), `${text} ×${limit}`).toEqual(await walked(text, limit));
      if (await told(text, limit)) yes++;
      else no++;
    }
  }
  return { told: yes, untold: no };
}

describe("the words' lists of their shortest events", () => {
  it("give a search for one word the hits a walk of every event gives, and tell when they can", async () => {
    expect(await wordFirstsDrift(reader)).toBe(0);
    const { told: yes, untold: no } = await expectSearchesAsWalks();
    // Both ways are taken: lists that tell, and hits past a list's reach, walked.
    expect(yes).toBeGreaterThan(0);
    expect(no).toBeGreaterThan(0);
  });

  it("stay whole through writes: texts shortened past a list's size, texts changed, events deleted", async () => {
    // A word whose list is cut at its size, and whose first three letters another word holds too.
    const [{ word }] = (await reader.query<{ word: string }>(sql`SELECT r.word FROM event_word_reach r
      WHERE r.reach BETWEEN 60 AND 2147483646 AND length(r.word) BETWEEN 4 AND 8 AND EXISTS (SELECT 1 FROM event_words x WHERE x.word <> r.word AND x.word LIKE '%' || left(r.word, 3) || '%')
      ORDER BY r.word LIMIT 1`)) as [{ word: string }];
    const [before] = await reader.query<{ reach: number; n: number }>(sql`SELECT r.reach, (SELECT count(*)::int FROM event_word_firsts f WHERE f.word = r.word) AS n FROM event_word_reach r WHERE r.word = ${word}`);
    // 250 events get a short summary holding the word: its list grows past 200 and is cut back, its reach lowered.
    // (Of 40 lengths under its reach, so that a cut keeps about 100 of them, not a run of ties.)
    await db.prisma.$executeRawUnsafe(
      `UPDATE events e SET summary = 'Ngắn ' || $1 || ' ' || repeat('a', 1 + (k.n % 40)::int), search_text = e.search_text || ' ' || $1
       FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM events WHERE search_folded NOT LIKE '%' || $1 || '%' ORDER BY id LIMIT 250) k
       WHERE e.id = k.id`,
      word,
    );
    const [after] = await reader.query<{ reach: number; n: number }>(sql`SELECT r.reach, (SELECT count(*)::int FROM event_word_firsts f WHERE f.word = r.word) AS n FROM event_word_reach r WHERE r.word = ${word}`);
    expect(after!.reach).toBeLessThan(before!.reach);
    expect(after!.n).toBeLessThanOrEqual(200 + 250);
    expect(await wordFirstsDrift(reader)).toBe(0);
    await db.prisma.$executeRawUnsafe(`UPDATE events SET summary = summary || ' tiếp theo dài thêm' WHERE id % 7 = 0`);
    // Most of the word's list deleted: it is whole up to its reach with fewer entries than a search may ask for, so a
    // text that other words contain as well has hits past that reach, which the list no longer tells.
    await db.prisma.$executeRawUnsafe(`DELETE FROM events WHERE id IN (SELECT event_id FROM event_word_firsts WHERE word = $1 ORDER BY len, event_id LIMIT 90)`, word);
    expect(await wordFirstsDrift(reader)).toBe(0);
    await expectSearchesAsWalks();
    const shared = word.slice(0, 3);
    for (const text of [word, shared]) {
      for (const limit of [20, 100]) expect(await searched(text, limit), `${text} ×${limit}`).toEqual(await walked(text, limit));
    }
  });
});
