// A page of events chooses between walking the date index and reading the
// rows of a filter through its own index from what the data says, not from
// the planner's estimate (which a fresh ANALYZE can swing either way): an
// official's kept count, and for a text the newest events walked first, then
// the sample of one event in sixteen. Each test reads the executed plan of the
// page's statement on the seeds and checks which indexes were read; so do
// the searches for names.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventDocBodySql, eventDocPage, exactCountSql, type EventFilters } from "../../src/api/query/events.ts";
import { officialPage } from "../../src/api/query/officials.ts";
import { searchSql, SEARCH_KINDS, type SearchRow } from "../../src/api/query/search.ts";
import { knownWay, type PageWay } from "../../src/api/query/page-ways.ts";
import type { CursorPosition } from "../../src/api/query/cursor.ts";
import type { PageBodyRow } from "../../src/api/query/page-body.ts";
import { isSamePlan, type Sql } from "../../src/api/query/sql.ts";
import { poolReader, type Reader } from "../../src/db/reader.ts";
import { importPaths } from "../../src/import/run.ts";
import { createTestDatabase, queryOnce, type TestDatabase } from "../helpers/db.ts";

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase("page_plans");
  await importPaths(db.prisma, ["data/seeds"]);
  await queryOnce(db.url, "ANALYZE");
});

afterAll(async () => {
  await db?.drop();
});

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Subplan Name"?: string;
  "Actual Loops": number;
  Plans?: PlanNode[];
}

/** The indexes the newest-first page of `f` (limit rows) read when run, each with how many times it was scanned. */
async function indexesRead(f: EventFilters, limit: number): Promise<Map<string, number>> {
  return indexesOf(eventDocBodySql(f, "-date", null, limit, exactCountSql(f)));
}

/**
 * The indexes a statement read when run, each with how many times it was
 * scanned; with `within`, only those read inside the subplans so named (a
 * CTE's: "CTE head").
 */
async function indexesOf(q: Sql, settings: string[] = [], within?: string): Promise<Map<string, number>> {
  // Sequential scans off, as on a large knowledge base where they never pay: the
  // planner then chooses between the indexes as it would there.
  const plan = await executedPlan(q, ["enable_seqscan = off", ...settings]);
  const read = new Map<string, number>();
  const visit = (node: PlanNode, inside: boolean) => {
    const counted = inside || node["Subplan Name"] === within;
    if (node["Index Name"] && counted) read.set(node["Index Name"], (read.get(node["Index Name"]) ?? 0) + node["Actual Loops"]);
    node.Plans?.forEach((child) => visit(child, counted));
  };
  visit(plan, within === undefined);
  return read;
}

/** The plan of a statement as it ran, with these settings. */
async function executedPlan(q: Sql, settings: string[] = []): Promise<PlanNode> {
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    for (const setting of settings) await client.query(`SET ${setting}`);
    const [row] = (await client.query<{ "QUERY PLAN": [{ Plan: PlanNode }] }>(`EXPLAIN (ANALYZE, FORMAT JSON) ${q.text}`, q.values as unknown[])).rows;
    return row!["QUERY PLAN"][0].Plan;
  } finally {
    await client.end();
  }
}

/** Every node of a plan. */
function nodesOf(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodesOf)];
}

/** The ids of the events of `f`, newest first, as a plain statement sorts them. */
async function plainIds(where: string, params: unknown[]): Promise<number[]> {
  const rows = await queryOnce<{ id: number }>(
    db.url,
    `SELECT id FROM events e WHERE ${where} ORDER BY coalesce(span_from, '-infinity'::date) DESC, id DESC`,
    params,
  );
  return rows.map((r) => r.id);
}

/** The ids of the first page of `f` (limit rows). */
async function pageIds(f: EventFilters, limit: number): Promise<number[]> {
  const q = eventDocBodySql(f, "-date", null, limit, exactCountSql(f));
  const [row] = await queryOnce<{ items: string }>(db.url, q.text, q.values);
  const items = JSON.parse(`[${Buffer.from(row!.items, "base64").toString("utf8")}]`) as { id: number }[];
  return items.map((e) => e.id);
}

/** Replaces the planner's statistics of a column of events (as a skewed sample of ANALYZE could leave them). */
async function mislead(column: string, stats: Record<string, string>): Promise<void> {
  const args = Object.entries(stats).flatMap(([k, v]) => [`'${k}'`, v]);
  await queryOnce(db.url, `SELECT pg_restore_attribute_stats('schemaname', 'public', 'relname', 'events', 'attname', '${column}',
    'inherited', false, ${args.join(", ")})`);
}

/** The seeds' `n` commonest words (of 4 letters or more) among the events' folded texts, commonest first. */
async function commonestWords(n: number): Promise<string[]> {
  const rows = await queryOnce<{ word: string }>(
    db.url,
    `SELECT w AS word FROM (SELECT w, count(DISTINCT id) n FROM events, regexp_split_to_table(search_folded, '\\s+') w
       WHERE length(w) >= 4 GROUP BY w) c ORDER BY n DESC, w LIMIT $1`,
    [n],
  );
  return rows.map((r) => r.word);
}

/** A word (of 6 letters or more) that one event's folded text holds. */
async function wordOfOneEvent(): Promise<string> {
  const [row] = await queryOnce<{ word: string }>(
    db.url,
    `SELECT w AS word FROM events, regexp_split_to_table(search_folded, '\\s+') w WHERE length(w) >= 6
     GROUP BY w HAVING count(DISTINCT id) = 1 ORDER BY w LIMIT 1`,
  );
  return row!.word;
}

/** The topic fewest events have (at least one). */
async function rarestTopic(): Promise<string> {
  const [row] = await queryOnce<{ key: string }>(
    db.url,
    "SELECT key FROM event_rollup_totals WHERE scope = '' AND dim = 'topic' AND events > 0 ORDER BY events, key LIMIT 1",
  );
  return row!.key;
}

/**
 * With the planner told that half the events hold `value` in the array
 * `column` (walking the date index would look cheap), the first page of `f`
 * reads no date index, and its pages give the events `where` ($1 the value)
 * gives.
 */
async function expectReadWhole(f: EventFilters, column: string, value: string | number, where: string): Promise<void> {
  await mislead(column, { most_common_elems: `'{${value}}'::text`, most_common_elem_freqs: "'{0.5,0.5,0.5,0}'::real[]" });
  const read = await indexesRead(f, 1);
  expect(read.get("events_date_desc_idx") ?? 0).toBe(0);
  expect(await pageIds(f, 50)).toEqual(await plainIds(where, [value]));
}

describe("a page of an official's events", () => {
  it("is read through the official's index, never by walking the date index, when the official has few events", async () => {
    const [rare] = await queryOnce<{ id: number; events: number }>(
      db.url,
      "SELECT official_id AS id, events FROM official_counts WHERE events > 0 ORDER BY events, official_id LIMIT 1",
    );
    await expectReadWhole({ official: rare!.id }, "official_ids", rare!.id, "e.official_ids @> ARRAY[$1]::int[]");
  });
});

describe("a page of a rare filter's events", () => {
  it("is read through the filter's own index when the rollups count few events, whatever the planner expects", async () => {
    const topic = await rarestTopic();
    await expectReadWhole({ topic }, "topics", topic, "e.topics @> ARRAY[$1]::text[]");
    // A topic no event has: nothing to walk for.
    expect((await indexesRead({ topic: "no_such_topic", types: ["talks"] }, 1)).get("events_date_desc_idx") ?? 0).toBe(0);
  });

  it("is planned one way only once a page of the same filters has told which way it read", async () => {
    const pool = poolReader([db.url], { poolSize: 1 });
    const texts: string[] = [];
    const reader: Reader = { query: (q) => (texts.push(q.text), pool.query(q)), close: () => pool.close() };
    const lastPage = () => texts.filter((t) => t.includes("list_json")).at(-1)!;
    try {
      const ids = async (f: EventFilters) => {
        const { page } = await eventDocPage(reader, f, "-date", null, 50);
        return (JSON.parse(`[${Buffer.from(page!.items.base64, "base64").toString("utf8")}]`) as { id: number }[]).map((e) => e.id);
      };
      const rare = await rarestTopic();
      const expected = await plainIds("e.topics @> ARRAY[$1]::text[]", [rare]);
      // The seeds' commonest word (a text walked for) and a word of one event (read whole).
      const [common] = await commonestWords(1);
      const once = await wordOfOneEvent();
      for (const f of [{ topic: rare }, { countries: ["VN"] }, { q: common! }, { q: once }]) {
        const first = await ids(f);
        const chosen = lastPage();
        const again = await ids(f);
        expect(again, JSON.stringify(f)).toEqual(first);
        // The first statement chose between both ways; the next one is written one way.
        expect(chosen).toContain("'whole'::text");
        expect(lastPage(), JSON.stringify(f)).not.toContain("'whole'::text");
        expect(lastPage()).not.toContain("'walk'::text");
      }
      expect(await ids({ topic: rare })).toEqual(expected.slice(0, 50));
      // A first page that finds nothing reads whole from then on: no event holds the text.
      for (const q of ["qzxw", "qzxw vyk"]) {
        expect(await ids({ q })).toEqual([]);
        expect(lastPage()).toContain("'whole'::text");
        expect(knownWay(reader, { q }, "-date")).toBe("whole");
        expect(await ids({ q })).toEqual([]);
        expect(lastPage()).not.toContain("'walk'::text");
      }
      // A text's first page that holds every match is its count: no estimate is asked.
      expect(texts.filter((t) => t.startsWith("EXPLAIN")).length).toBe(0);
      // A first page read whole says how many match: no estimate either, whatever its limit.
      await eventDocPage(reader, { q: common! }, "-date", null, 1);
      expect(texts.filter((t) => t.startsWith("EXPLAIN")).length).toBe(0);
      // Else (a page of a reader that walked for it) a text's count asks the planner's estimate once a minute.
      const walkedTexts: string[] = [];
      const other = poolReader([db.url], { poolSize: 1 });
      const walker: Reader = { query: (q) => (walkedTexts.push(q.text), other.query(q)), close: () => other.close() };
      try {
        for (let i = 0; i < 2; i++) await eventDocPage(walker, { q: common! }, "-date", null, 1);
      } finally {
        await walker.close();
      }
      expect(walkedTexts.filter((t) => t.includes("list_json")).at(-1)).toContain("'walk'::text");
      expect(walkedTexts.filter((t) => t.startsWith("EXPLAIN")).length).toBe(1);
      // A later page that finds nothing says nothing of the first.
      const past = await eventDocPage(reader, { q: "hợp tác" }, "-date", { key: "1000-01-01", id: 0 }, 50);
      expect(past.page!.rows).toBe(0);
      expect(knownWay(reader, { q: "hợp tác" }, "-date")).toBe("either");
    } finally {
      await reader.close();
    }
  });
});

describe("a page of the events containing a text", () => {
  it("is read by walking the newest events when the text is common, the text indexes never read", async () => {
    // The seeds' commonest word among the events' texts.
    const [common] = await commonestWords(1);
    // The planner told that no value of the column contains it (a histogram whose values all miss it):
    // reading it through the text index would look cheap.
    const bounds = Array.from({ length: 101 }, (_, i) => `zz${String(i).padStart(3, "0")}`);
    await mislead("search_folded", { null_frac: "0::real", n_distinct: "-1::real", histogram_bounds: `'{${bounds.join(",")}}'::text` });
    const read = await indexesRead({ q: common! }, 1);
    expect(read.get("events_search_folded_trgm_idx") ?? 0).toBe(0);
    expect(read.get("events_text_sample_idx") ?? 0).toBe(0);
  });

  it("of two words or more is looked up by its keys across words, the trigram indexes never read", async () => {
    // Common words in an order no event holds: many events hold every trigram of each word, none the phrase.
    const [a, b, c] = await commonestWords(3);
    const absent = async (phrases: string[]) => {
      for (const p of phrases) if (!(await plainIds("strpos(e.search_folded, $1) > 0", [p])).length) return p;
      throw new Error(`every event text holds one of ${phrases.join(", ")}`);
    };
    // Two words; two whose first has two letters (it may be the end of a longer word); three.
    const phrases = [
      await absent([`${b} ${a}`, `${a} ${b}`, `${c} ${a}`]),
      await absent([`${b!.slice(-2)} ${a}`, `${c!.slice(-2)} ${a}`, `${a!.slice(-2)} ${b}`]),
      await absent([`${c} ${b} ${a}`, `${b} ${a} ${b}`, `${a} ${c} ${b} ${a}`]),
    ];
    for (const phrase of phrases) {
      const read = await indexesRead({ q: phrase }, 1);
      expect((read.get("events_cross_keys_idx") ?? 0) + (read.get("events_cross_keys_sample_idx") ?? 0), phrase).toBeGreaterThan(0);
      for (const trigrams of ["events_search_folded_trgm_idx", "events_text_sample_idx"]) expect(read.get(trigrams) ?? 0, `${phrase}: ${trigrams}`).toBe(0);
    }
  });

  it("of two words or more has keys (of three or more, its inner words' keys) that every text containing it holds, however its first and last words are cut", async () => {
    // Every run of characters of the events' texts (from each offset, of several lengths), and made-up
    // texts with words of one letter, of more than 100, and runs of spaces.
    const made = ["a b c d", "to lam va to la", "x " + "y".repeat(150) + " z " + "w".repeat(120) + " q", "an  ninh  va trat tu", " dau cach o dau", "o cuoi  "];
    const [row] = await queryOnce<{ phrases: number; keyed: number; missed: number; longer: number; inner: number }>(
      db.url,
      `WITH texts AS (SELECT search_folded AS t FROM events UNION ALL SELECT unnest($1::text[])),
         phrases AS (SELECT t, substr(t, s, n) AS p FROM texts, generate_series(1, length(t)) s, generate_series(5, 45, 4) n),
         keyed AS (SELECT t, p, hoptac_phrase_cross_keys(p) AS k FROM phrases WHERE p LIKE '% %')
       SELECT count(*)::int AS phrases, count(*) FILTER (WHERE cardinality(k) > 0)::int AS keyed,
         count(*) FILTER (WHERE NOT hoptac_cross_keys(t) @> k)::int AS missed, count(*) FILTER (WHERE p LIKE '% % %')::int AS longer,
         count(*) FILTER (WHERE k[1] LIKE '%>%>%')::int AS inner
       FROM keyed`,
      [made],
    );
    expect(row!.keyed).toBeGreaterThan(row!.phrases / 2);
    expect(row!.missed).toBe(0);
    // Three words or more: mostly by their inner words' keys ("yen>hong>ch").
    expect(row!.inner).toBeGreaterThan(row!.longer / 2);
  });

  it("of several words gives the events a plain statement gives: across punctuation, spaces, case and diacritics", async () => {
    // Runs of two and three words from the events' texts ("ha noi | hoi dam" crosses the fields' separators), and summaries' first words as written.
    const rows = await queryOnce<{ two: string; three: string; written: string }>(
      db.url,
      `SELECT (regexp_match(search_folded, '\\S+ \\S+$'))[1] AS two, (regexp_match(search_folded, '\\S+ \\| \\S+'))[1] AS three,
         (regexp_match(summary, '^\\S+ \\S+ \\S+'))[1] AS written
       FROM events ORDER BY id LIMIT 4`,
    );
    // …and runs of four to six words cut inside their first and last words.
    const cut = await queryOnce<{ p: string }>(
      db.url,
      `SELECT substring(search_folded FROM s + 2 FOR n) AS p FROM (SELECT search_folded, (regexp_instr(search_folded, ' ', 1, 2)) s FROM events ORDER BY id LIMIT 4) e,
         (VALUES (18), (27), (36)) v(n) WHERE s > 0`,
    );
    const texts = [...rows.flatMap((r) => [r.two, r.three, r.written, r.written.toUpperCase().replace(/ /g, "   ")]), ...cut.map((r) => r.p)];
    texts.push("an%ninh", "an_ninh", "an ninh%", "a b", "viet  nam");
    let found = 0;
    for (const text of texts) {
      const all = await plainIds("e.search_folded LIKE '%' || hoptac_fold($1) || '%'", [text.trim().replace(/\s+/g, " ").replace(/[\\%_]/g, (c) => `\\${c}`)]);
      if (all.length) found++;
      for (const limit of [1, 2, 50]) expect(await pageIds({ q: text }, limit), `${text} limit ${limit}`).toEqual(all.slice(0, limit));
    }
    expect(found).toBeGreaterThan(10);
  });

  it("gives the events a plain statement gives, whichever way it reads them", async () => {
    for (const word of [...(await commonestWords(3)), await wordOfOneEvent()]) {
      const all = await plainIds("e.search_folded LIKE '%' || $1 || '%'", [word]);
      for (const limit of [1, 2, 50]) expect(await pageIds({ q: word }, limit), `${word} limit ${limit}`).toEqual(all.slice(0, limit));
    }
  });
});

describe("a page of a text read a way chosen before", () => {
  it("is read by a plan the connection keeps for any text, with the events a plain statement gives", async () => {
    // As the API's reader runs it: named, on a connection that plans a statement once (samePlan).
    const client = new pg.Client({ connectionString: db.url, options: "-c plan_cache_mode=force_generic_plan" });
    await client.connect();
    try {
      const [a, b] = await commonestWords(2);
      const phrases = await queryOnce<{ two: string; three: string; inner: string }>(
        db.url,
        `SELECT (regexp_match(search_folded, '\\S+ \\S+$'))[1] AS two, (regexp_match(search_folded, '^\\S+ \\S+ \\S+'))[1] AS three,
           (regexp_match(search_folded, '\\S{3,} \\S+ \\S{2,}'))[1] AS inner FROM events ORDER BY id LIMIT 1`,
      );
      // Common words, a word of one event, phrases with pair keys, with an inner word's and without (a last word of one
      // letter), LIKE's marks, none.
      const { two, three, inner } = phrases[0]!;
      const texts = [a!, b!, await wordOfOneEvent(), two, three, inner, `${b} ${a}`, `${a} x`, `${b} ${a} x`, "an%ninh", "an_ninh", "qzxw", "qzxw vyk"];
      const names = new Map<string, string>();
      const named = (text: string) => names.get(text) ?? (names.set(text, `p${names.size}`), names.get(text)!);
      let found = 0;
      for (const text of texts) {
        const all = await plainIds("e.search_folded LIKE '%' || hoptac_fold($1) || '%'", [text.replace(/[\\%_]/g, (c) => `\\${c}`)]);
        if (all.length) found++;
        for (const way of ["walk", "whole"] as const)
          for (const limit of [1, 50]) {
            // The first page, then the one after it.
            let position: CursorPosition | null = null;
            for (const start of [0, limit]) {
              const q = eventDocBodySql({ q: text }, "-date", position, limit, null, way);
              expect(isSamePlan(q), text).toBe(true);
              const [row] = (await client.query<PageBodyRow>({ name: named(q.text), text: q.text, values: q.values as unknown[] })).rows;
              const ids = (JSON.parse(`[${Buffer.from(row!.items, "base64").toString("utf8")}]`) as { id: number }[]).map((e) => e.id);
              expect(ids, `${text} ${way} ${limit} from ${start}`).toEqual(all.slice(start, start + limit));
              position = { key: row!.last_key, id: row!.last_id! };
            }
          }
      }
      expect(found).toBeGreaterThan(4);
      // A statement text per way for a word and for a phrase, first pages and those after them, each planned once: no plan made for a text's values.
      const plans = (await client.query<{ custom_plans: string }>("SELECT custom_plans FROM pg_prepared_statements")).rows;
      expect(plans.length).toBe(8);
      expect(plans.every((p) => p.custom_plans === "0")).toBe(true);
    } finally {
      await client.end();
    }
    // Planned for its values: the statement that chooses the way, oldest first, with another filter, a text under three letters.
    const planned: [EventFilters, "date" | "-date", PageWay][] = [
      [{ q: "cuba" }, "-date", "either"],
      [{ q: "cuba" }, "date", "walk"],
      [{ q: "cuba", countries: ["CU"] }, "-date", "walk"],
      [{ q: "cuba", updatedSince: new Date(0) }, "-date", "whole"],
      [{ q: "an" }, "-date", "whole"],
    ];
    for (const [f, sort, way] of planned)
      expect(isSamePlan(eventDocBodySql(f, sort, null, 50, null, way)), JSON.stringify(f)).toBe(false);
  });
});

describe("a text's first page read whole", () => {
  it("says how many events match, as a plain count does; read by walking, it does not", async () => {
    for (const word of await commonestWords(3)) {
      const [plain] = await queryOnce<{ n: number }>(db.url, "SELECT count(*)::int AS n FROM events e WHERE strpos(e.search_folded, $1) > 0", [word]);
      for (const limit of [1, 2]) {
        const whole = eventDocBodySql({ q: word }, "-date", null, limit, null, "whole");
        const [read] = await queryOnce<{ matched: number | null; rows: number }>(db.url, whole.text, whole.values);
        expect(read!.rows, word).toBe(Math.min(limit + 1, plain!.n));
        expect(read!.matched, `${word} limit ${limit}`).toBe(plain!.n);
        const walk = eventDocBodySql({ q: word }, "-date", null, limit, null, "walk");
        const [walked] = await queryOnce<{ matched: number | null }>(db.url, walk.text, walk.values);
        expect(walked!.matched, word).toBeNull();
      }
    }
  });
});

describe("a search's events", () => {
  it("are walked by label or not as the small sample says, the lists' larger sample never read", async () => {
    const read = await indexesOf(searchSql("to lam", ["event"], 20, undefined, { similar: false }));
    const small = (read.get("events_text_small_sample_idx") ?? 0) + (read.get("events_cross_keys_small_sample_idx") ?? 0);
    expect(small).toBeGreaterThan(0);
    for (const sample of ["events_text_sample_idx", "events_cross_keys_sample_idx"]) expect(read.get(sample) ?? 0, sample).toBe(0);
  });

  it("of one word come from its words' lists of their shortest events when those tell: no walk, no sample", async () => {
    const [word] = await commonestWords(1);
    const read = await indexesOf(searchSql(word!, ["event"], 20, undefined, { similar: false }));
    for (const index of ["events_search_label_idx", "events_text_small_sample_idx", "events_text_sample_idx", "events_search_folded_trgm_idx"]) {
      expect(read.get(index) ?? 0, `${word}: ${index}`).toBe(0);
    }
  });
});

describe("a search's officials and agreements", () => {
  it("are walked by label only when their samples say many hold the text: a name's are read through its index", async () => {
    for (const [kind, table] of [["official", "officials"], ["agreement", "agreements"]] as const) {
      for (const q of ["to lam", "bo cong an"]) {
        const statement = searchSql(q, [kind], 20, undefined, { similar: false });
        // The first walk is the CTE "head"; the hits past it may read the same index, in any order.
        const read = await indexesOf(statement, [], "CTE head");
        const sample = (read.get(`${table}_text_sample_idx`) ?? 0) + (read.get(`${table}_cross_keys_sample_idx`) ?? 0);
        expect(sample, `${kind}: ${q}`).toBeGreaterThan(0);
        expect(read.get(`${table}_search_label_idx`) ?? 0, `${kind}: ${q}`).toBe(0);
      }
    }
  });
});

describe("a search's kinds", () => {
  it("are read in turn, each only when those before it give fewer hits than asked for", async () => {
    // Among hits of equal score countries come first, then officials, ministries, agreements and events.
    const after = ["officials", "ministries", "agreements", "events"];
    const readAfter = async (limit: number) => {
      const statement = searchSql("an", SEARCH_KINDS, limit, undefined, { similar: false });
      const run = nodesOf(await executedPlan(statement)).filter((n) => n["Actual Loops"] > 0);
      // A table, or an index named after its table ("agreements_search_label_idx").
      const tables = run.flatMap((n) => [n["Relation Name"], n["Index Name"]?.split("_")[0]]);
      const hits = await queryOnce<SearchRow>(db.url, statement.text, statement.values as unknown[]);
      return { read: after.filter((t) => tables.includes(t)), types: new Set(hits.map((h) => h.type)) };
    };
    // The seeds' countries holding "an" ("Anh", "Đức · Germany", …) are more than 3.
    const few = await readAfter(3);
    expect([...few.types]).toEqual(["country"]);
    expect(few.read).toEqual([]);
    const many = await readAfter(100);
    expect(many.types.size).toBeGreaterThan(1);
    expect(many.read.length).toBeGreaterThan(0);
  });
});

describe("a search's officials and ministries", () => {
  it("name their countries through a join, never scanning the countries once per hit", async () => {
    // Vương Tiểu Hồng and Vương Xuân Ninh: both hold "vuong", both are similar to "vuong hong" without holding it.
    const hits = searchSql("vuong", ["official", "ministry"], 20, undefined, { similar: false });
    const similar = searchSql("vuong hong", ["official", "ministry"], 20, undefined, { similar: true, contained: [] });
    for (const statement of [hits, similar]) {
      const rows = await queryOnce<SearchRow>(db.url, statement.text, statement.values as unknown[]);
      expect(rows.filter((r) => r.type === "official").length).toBeGreaterThan(1);
      const scans = nodesOf(await executedPlan(statement)).filter((n) => n["Relation Name"] === "countries" && n["Node Type"] === "Seq Scan");
      expect(scans.map((n) => n["Actual Loops"]).filter((loops) => loops > 1)).toEqual([]);
    }
  });
});

describe("a list of officials by name", () => {
  it("reads no official for a text that no official's name holds, and finds those that hold it", async () => {
    const pool = poolReader([db.url], { poolSize: 1 });
    try {
      for (const [q, found] of [["qz", false], ["qzxw", false], ["lam", true], ["am", true]] as const) {
        const statements: Sql[] = [];
        const reader: Reader = { query: (s) => (statements.push(s), pool.query(s)), close: () => pool.close() };
        const page = await officialPage(reader, { q }, null, 20);
        expect(page.rows.length > 0, q).toBe(found);
        for (const statement of statements) {
          const plan = await executedPlan(statement, ["enable_seqscan = off"]);
          const run = nodesOf(plan).filter((n) => n["Actual Loops"] > 0);
          const texts = run.filter((n) => n["Index Name"] === "officials_search_folded_trgm_idx" || (n["Relation Name"] === "officials" && n["Node Type"] === "Seq Scan"));
          expect(texts.length > 0, q).toBe(found);
        }
      }
    } finally {
      await pool.close();
    }
  });
});

describe("a search for a word under three letters", () => {
  it("walks the label indexes to its first hits, never a trigram index, and reads no row when no word holds it", async () => {
    // Kept, as the API's reader runs it: a plan made without the text; sequential scans off, as on a large knowledge base.
    const client = new pg.Client({ connectionString: db.url, options: "-c plan_cache_mode=force_generic_plan -c enable_seqscan=off" });
    await client.connect();
    try {
      for (const [q, found] of [["an", true], ["qz", false]] as const) {
        for (const kind of ["official", "agreement", "event"] as const) {
          const statement = searchSql(q, [kind], 5, undefined, { similar: false });
          expect(isSamePlan(statement)).toBe(true);
          const name = `${q}-${kind}`;
          await client.query({ name, text: statement.text, values: statement.values as unknown[] });
          const literal = (v: unknown) => client.escapeLiteral(Array.isArray(v) ? `{${v.map((x) => JSON.stringify(x)).join(",")}}` : String(v));
          const [row] = (await client.query<{ "QUERY PLAN": [{ Plan: PlanNode }] }>(
            `EXPLAIN (ANALYZE, FORMAT JSON) EXECUTE "${name}"(${statement.values.map(literal).join(", ")})`,
          )).rows;
          // The kind's indexes read, and its table's scans (a bitmap's index scan names no table).
          const run = nodesOf(row!["QUERY PLAN"][0].Plan).filter((n) => n["Actual Loops"] > 0);
          const read = run.flatMap((n) => (n["Index Name"]?.startsWith(`${kind}s_`) ? [n["Index Name"]] : n["Relation Name"] === `${kind}s` ? [n["Node Type"]] : []));
          expect(read.filter((name) => name.endsWith("_trgm_idx")), `${kind}: ${q}`).toEqual([]);
          if (found) expect(read, `${kind}: ${q}`).toContain(`${kind}s_search_label_idx`);
          else expect(read, `${kind}: ${q}`).toEqual([]);
        }
      }
    } finally {
      await client.end();
    }
  });
});

describe("a search for a name", () => {
  it("reads no official for a word that no official's name holds, and finds those that hold it", async () => {
    for (const [q, found] of [["qzxw", false], ["lam", true]] as const) {
      const statement = searchSql(q, ["official"], 20, undefined, { similar: false });
      const read = await indexesOf(statement);
      const officials = ["officials_search_label_idx", "officials_search_folded_trgm_idx"].map((name) => read.get(name) ?? 0);
      expect(officials.some((loops) => loops > 0), q).toBe(found);
      const hits = await queryOnce<{ label: string }>(db.url, statement.text, statement.values as unknown[]);
      expect(hits.length > 0, q).toBe(found);
    }
  });

  it("of two words or more finds officials by their keys across words, the trigram index never read", async () => {
    // Tô Lâm, named in the seeds; a name of two words whose first has two letters.
    const q = searchSql("to lam", ["official"], 20, undefined, { similar: false });
    // Index walks off too: on the seeds' few officials a walk of their names in order reads fewer rows.
    const read = await indexesOf(q, ["enable_indexscan = off"]);
    // Its sample's keys across words tell whether it is common (on the seeds' few officials the rest is read by their label index).
    expect((read.get("officials_cross_keys_idx") ?? 0) + (read.get("officials_cross_keys_sample_idx") ?? 0)).toBeGreaterThan(0);
    for (const trigrams of ["officials_search_folded_trgm_idx", "officials_text_sample_idx"]) expect(read.get(trigrams) ?? 0, trigrams).toBe(0);
    const hits = await queryOnce<{ label: string }>(db.url, q.text, q.values as unknown[]);
    expect(hits.map((h) => h.label)).toContain("Tô Lâm");
  });

  it("reads the hits and the similar names in statements the connection plans once, with the hits each text's own plan gives", async () => {
    // As the API's reader runs them: named, on a connection that plans a statement once (samePlan).
    const client = new pg.Client({ connectionString: db.url, options: "-c plan_cache_mode=force_generic_plan" });
    await client.connect();
    try {
      // Names, typos, common words, a phrase whose last word has one letter (no keys), LIKE's marks.
      const queries = ["Lazaro Alvares", "quach thanh con", "campuchea", "bo cong anh", "nguyen van an", "trung quoc", "to lam", "hop tacc",
        "cuba", "an ninh", "cuba a", "g an ninh v", "an_ninh", "100%", "zzzz", "an", "cu", "qz", "%"];
      // A name per statement text: a word's, a phrase's, a word's under three letters, the similar names' (and a
      // two-letter text's, which may also be a country's code).
      const names = new Map<string, string>();
      const named = (text: string) => names.get(text) ?? (names.set(text, `s${names.size}`), names.get(text)!);
      let runs = 0;
      for (const q of queries) {
        const first = searchSql(q, SEARCH_KINDS, 20, undefined, { similar: false });
        expect(isSamePlan(first), q).toBe(true);
        const kept = await client.query<SearchRow>({ name: named(first.text), text: first.text, values: first.values as unknown[] });
        runs++;
        const contained = await queryOnce<SearchRow>(db.url, first.text, first.values as unknown[]);
        expect(kept.rows, q).toEqual(contained);
        if (contained.length >= 20) continue;
        const similar = searchSql(q, SEARCH_KINDS, 20, undefined, { similar: true, contained });
        expect(isSamePlan(similar), q).toBe(true);
        const keptSimilar = await client.query({ name: named(similar.text), text: similar.text, values: similar.values as unknown[] });
        runs++;
        expect(keptSimilar.rows, q).toEqual(await queryOnce(db.url, similar.text, similar.values as unknown[]));
      }
      // Each text planned once, whatever the query: a few texts for many queries, no plan made for a query's values.
      const plans = (await client.query<{ generic_plans: string; custom_plans: string }>("SELECT generic_plans, custom_plans FROM pg_prepared_statements")).rows;
      expect(plans.length).toBe(names.size);
      expect(names.size).toBe(5);
      expect(plans.every((p) => p.custom_plans === "0")).toBe(true);
      expect(plans.reduce((n, p) => n + Number(p.generic_plans), 0)).toBe(runs);
    } finally {
      await client.end();
    }
  });

  it("plans the hits of a phrase of words under three letters for that phrase, and of a date, for that date", () => {
    for (const q of ["a b", "to l"]) expect(isSamePlan(searchSql(q, SEARCH_KINDS, 20, undefined, { similar: false })), q).toBe(false);
    for (const q of ["cuba", "an"]) expect(isSamePlan(searchSql(q, SEARCH_KINDS, 20, new Date(0), { similar: false })), q).toBe(false);
  });

  it("reads countries and ministries by their stored folded names", async () => {
    const country = searchSql("campuchia", ["country"], 20, undefined, { similar: false });
    const countries = await queryOnce<{ code: string | null }>(db.url, country.text, country.values as unknown[]);
    expect(countries.map((h) => h.code)).toEqual(["KH"]);
    const ministry = searchSql("cong an", ["ministry"], 20, undefined, { similar: false });
    const ministries = await queryOnce<{ label: string }>(db.url, ministry.text, ministry.values as unknown[]);
    expect(ministries.map((h) => h.label)).toContain("Bộ Công an");
  });
});
