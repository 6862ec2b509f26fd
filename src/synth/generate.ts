// A synthetic knowledge base of any size, shaped like the real one, for
// benchmarks at scale: Việt Nam in nearly every event, a few partner
// countries in most and a long tail; 2–3 countries, 2–4 officials, 1–2
// ministries and 1–2 source articles per event; 20 years of dates at every
// precision and some unknown years; Vietnamese names and summaries; an
// agreement on about one event in twenty. Everything is written by SQL inside
// Postgres (INSERT … SELECT over generate_series) into the same tables the
// importer writes, through the same triggers that keep the derived columns
// and rollups. The same seed and size give the same knowledge base: every
// random choice is a hash of (seed, row, purpose), never random().
import fs from "node:fs";
import type pg from "pg";
import type { Gazetteer } from "../extraction/gazetteer.ts";

export interface SynthOptions {
  events: number;
  seed: number;
  /** Events written per statement (the triggers see one chunk at a time). */
  chunk?: number;
  onStep?: (step: string) => void;
  /** Called after each statement with its time in ms. */
  onStatement?: (ms: number, sql: string) => void;
}

interface Vocabulary {
  surnames: string[];
  partners_first: string[];
  middle_names: string[];
  given_names: string[];
  foreign_given: string[];
  foreign_family: string[];
  vietnamese_places: string[];
  summaries: Record<string, string[]>;
  agreement_titles: string[];
}

export function loadVocabulary(file = new URL("../../data/synth/vocabulary.json", import.meta.url)): Vocabulary {
  const own = JSON.parse(fs.readFileSync(file, "utf8")) as Omit<Vocabulary, "surnames">;
  // Surnames as written (the gazetteer's loaded form is folded).
  const surnames = JSON.parse(fs.readFileSync(new URL("../../data/gazetteer/surnames.json", import.meta.url), "utf8")) as { surnames: string[] };
  return { ...own, surnames: surnames.surnames };
}

/** Event types and their shares. */
const TYPE_WEIGHTS: [string, number][] = [
  ["visit", 20], ["talks", 25], ["reception", 25], ["conference", 10], ["signing", 5], ["ceremony", 5], ["award", 4], ["other", 6],
];

/** A literal for SQL text (only our own data and the gazetteer go through it). */
const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
const textArray = (xs: string[]) => `ARRAY[${xs.map(lit).join(",")}]::text[]`;

/** What the synthetic knowledge base holds for a number of events. */
export function synthSizes(events: number) {
  return { events, articles: Math.max(1, Math.ceil(events / 5)), officials: Math.max(40, Math.ceil(events / 20)) };
}

export async function synthesize(client: pg.ClientBase, g: Gazetteer, options: SynthOptions): Promise<void> {
  const { events, seed } = options;
  const chunk = options.chunk ?? 100_000;
  const sizes = synthSizes(events);
  const v = loadVocabulary();
  const step = options.onStep ?? (() => {});
  const q = async (text: string) => {
    const t = performance.now();
    const res = await client.query(text);
    options.onStatement?.(performance.now() - t, text);
    return res;
  };
  // A uniform number in [0, 1) for row `i` and purpose `salt`.
  const r = (i: string, salt: number) => `(((hashint8extended((${i})::bigint, ${seed * 1000 + salt}) >> 11) & 4503599627370495)::float8 / 4503599627370496.0)`;
  const pick = (arr: string, i: string, salt: number, power = 1) => `(${arr})[1 + floor(cardinality(${arr}) * power(${r(i, salt)}, ${power}))::int]`;

  const have = await client.query<{ n: number }>("SELECT count(*)::int AS n FROM articles");
  if (have.rows[0]!.n > 0) throw new Error("the database already holds articles; synthesize into an empty one");

  await q("SET LOCAL synchronous_commit = off");
  // Events' and agreements' list items are written once at the end, in one statement each, rather than by the triggers chunk after chunk.
  await q("SET LOCAL hoptac.event_docs_written = on");
  await q("SET LOCAL hoptac.agreement_docs_written = on");
  step("reference data");
  const countries = [...g.countries.values()];
  await q(`INSERT INTO countries (code, name_vi, name_en, aliases) VALUES ${countries
    .map((c) => `(${lit(c.code)}, ${lit(c.vi)}, ${lit(c.en)}, ${textArray(c.aliases)})`)
    .join(",")} ON CONFLICT (code) DO NOTHING`);
  // Partners in order of how often they appear: the usual ones first, then the rest.
  const partners = [...new Set([...v.partners_first.filter((c) => g.countries.has(c)), ...countries.map((c) => c.code).sort()])].filter((c) => c !== "VN");
  await q(`CREATE TEMP TABLE s_partner ON COMMIT DROP AS
    SELECT ord::int AS ord, code FROM unnest(${textArray(partners)}) WITH ORDINALITY AS p(code, ord)`);
  const ministries = g.ministries.filter((m) => g.countries.has(m.country));
  await q(`INSERT INTO ministries (id, code, country_code, name_vi, name_en, aliases, kind) VALUES ${ministries
    .map((m, i) => `(${i + 1}, ${lit(m.code)}, ${lit(m.country)}, ${lit(m.vi)}, ${m.en ? lit(m.en) : "NULL"}, ${textArray(m.aliases)}, ${lit(m.kind)})`)
    .join(",")}`);
  await q("SELECT setval(pg_get_serial_sequence('ministries', 'id'), (SELECT max(id) FROM ministries))");
  // Each country's ministries as an array; Việt Nam's public security first.
  await q(`CREATE TEMP TABLE s_ministries ON COMMIT DROP AS
    SELECT country_code AS code, array_agg(id ORDER BY (code = 'VN-MPS') DESC, id) AS ids FROM ministries GROUP BY country_code`);
  const topics = g.topics.map((t) => t.topic);
  await q(`CREATE TEMP TABLE s_topic ON COMMIT DROP AS SELECT ord::int AS ord, code, vi FROM unnest(${textArray(topics.map((t) => t.code))}, ${textArray(
    topics.map((t) => t.vi.toLowerCase()),
  )}) WITH ORDINALITY AS t(code, vi, ord)`);

  step(`${sizes.officials} officials`);
  const surnames = textArray(v.surnames);
  // Half are Vietnamese; the others follow the partners' shares. Ids are grouped by country.
  await q(`CREATE TEMP TABLE s_official ON COMMIT DROP AS
    WITH k AS (SELECT k, CASE WHEN ${r("k", 1)} < 0.5 THEN 'VN' ELSE (SELECT code FROM s_partner WHERE ord = 1 + floor(${partners.length} * power(${r("k", 2)}, 5))::int) END AS country
               FROM generate_series(1, ${sizes.officials}) k)
    SELECT row_number() OVER (ORDER BY country <> 'VN', (SELECT ord FROM s_partner p WHERE p.code = k.country), k)::int AS id, k, country,
      CASE WHEN country = 'VN' THEN ${pick(surnames, "k", 3, 2)} || ' ' || ${pick(textArray(v.middle_names), "k", 4)} || ' ' || ${pick(textArray(v.given_names), "k", 5)}
           ELSE ${pick(textArray(v.foreign_given), "k", 6)} || ' ' || ${pick(textArray(v.foreign_family), "k", 7)} END AS name
    FROM k`);
  await q(`INSERT INTO officials (id, key, name, country_code, search_text)
    SELECT id, 'synth:' || k, name, country, name FROM s_official ORDER BY id`);
  await q("SELECT setval(pg_get_serial_sequence('officials', 'id'), (SELECT max(id) FROM officials))");
  await q(`CREATE TEMP TABLE s_country_officials ON COMMIT DROP AS SELECT country AS code, min(id) AS first, count(*)::int AS n FROM s_official GROUP BY country`);

  step(`${events} events (staged)`);
  const typeCases = (() => {
    const total = TYPE_WEIGHTS.reduce((a, [, w]) => a + w, 0);
    let acc = 0;
    return `CASE ${TYPE_WEIGHTS.map(([t, w]) => {
      acc += w;
      return `WHEN ${r("i", 10)} < ${acc / total} THEN '${t}'`;
    }).join(" ")} END`;
  })();
  // One row per event with every choice made; dates first.
  await q(`CREATE TEMP TABLE s_event ON COMMIT DROP AS
    SELECT i, ${typeCases}::event_type AS type,
      2006 + floor(20 * power(${r("i", 11)}, 0.8))::int AS y, 1 + floor(12 * ${r("i", 12)})::int AS m, 1 + floor(28 * ${r("i", 13)})::int AS d,
      CASE WHEN ${r("i", 14)} < 0.04 THEN 'unknown' WHEN ${r("i", 14)} < 0.12 THEN 'year' WHEN ${r("i", 14)} < 0.27 THEN 'month' ELSE 'day' END AS precision,
      CASE WHEN ${r("i", 15)} < 0.1 THEN 1 + floor(4 * ${r("i", 16)})::int ELSE 0 END AS days,
      ${r("i", 17)} < 0.95 AS vn,
      CASE WHEN ${r("i", 18)} < 0.04 THEN 0 WHEN ${r("i", 18)} < 0.65 THEN 1 ELSE 2 END AS partners,
      1 + floor(${partners.length} * power(${r("i", 19)}, 5))::int AS p1,
      1 + floor(${partners.length} * power(${r("i", 20)}, 5))::int AS p2,
      CASE WHEN ${r("i", 21)} < 0.3 THEN 0 WHEN ${r("i", 21)} < 0.75 THEN 1 WHEN ${r("i", 21)} < 0.95 THEN 2 ELSE 3 END AS ntopics,
      1 + (i - 1) / 5 AS article,
      CASE WHEN ${r("i", 22)} < 0.3 THEN least(${sizes.articles}, 1 + (i - 1) / 5 + 1 + floor(20 * ${r("i", 23)})::int) END AS article2
    FROM generate_series(1, ${events}) i`);
  // Dates as the importer stores them: partial ISO text, precision, and the span.
  await q(`CREATE TEMP TABLE s_date ON COMMIT DROP AS
    SELECT i, CASE precision WHEN 'unknown' THEN '--' || lpad(m::text, 2, '0') || '-' || lpad(d::text, 2, '0')
                             WHEN 'year' THEN y::text WHEN 'month' THEN y || '-' || lpad(m::text, 2, '0')
                             ELSE to_char(make_date(y, m, d), 'YYYY-MM-DD') END AS start,
      CASE precision WHEN 'year' THEN 'year' WHEN 'month' THEN 'month' ELSE 'day' END::date_precision AS start_precision,
      CASE WHEN precision = 'day' AND days > 0 THEN to_char(make_date(y, m, d) + days, 'YYYY-MM-DD') END AS "end",
      CASE precision WHEN 'unknown' THEN NULL WHEN 'year' THEN make_date(y, 1, 1) WHEN 'month' THEN make_date(y, m, 1) ELSE make_date(y, m, d) END AS span_from,
      CASE precision WHEN 'unknown' THEN NULL WHEN 'year' THEN make_date(y, 12, 31) WHEN 'month' THEN (make_date(y, m, 1) + interval '1 month' - interval '1 day')::date
                     ELSE make_date(y, m, d) + days END AS span_to
    FROM s_event`);
  // Countries: Việt Nam in nearly all, one or two partners in most (at least one when Việt Nam is absent).
  await q(`CREATE TEMP TABLE s_ec ON COMMIT DROP AS
    SELECT DISTINCT i AS event_id, code FROM (
      SELECT i, 'VN' AS code FROM s_event WHERE vn
      UNION ALL SELECT e.i, p.code FROM s_event e JOIN s_partner p ON p.ord = e.p1 WHERE e.partners >= 1 OR NOT e.vn
      UNION ALL SELECT e.i, p.code FROM s_event e JOIN s_partner p ON p.ord = e.p2 WHERE e.partners >= 2) x`);
  // Officials: one or two Vietnamese (a few appear very often), one from each partner that has any.
  await q(`CREATE TEMP TABLE s_ep ON COMMIT DROP AS
    SELECT DISTINCT ON (event_id, official_id) event_id, official_id, role FROM (
      SELECT e.i AS event_id, c.first + floor(c.n * power(${r("e.i", 30)}, 2.5))::int AS official_id,
             (CASE WHEN e.type IN ('reception', 'talks', 'visit') THEN 'host' ELSE 'head_of_delegation' END)::participant_role AS role, 1 AS o
      FROM s_event e JOIN s_country_officials c ON c.code = 'VN' WHERE e.vn
      UNION ALL SELECT e.i, c.first + floor(c.n * power(${r("e.i", 31)}, 1.5))::int, 'attendee', 2
      FROM s_event e JOIN s_country_officials c ON c.code = 'VN' WHERE e.vn AND ${r("e.i", 32)} < 0.6
      UNION ALL SELECT ec.event_id, c.first + floor(c.n * power(${r("ec.event_id * 7 + ascii(ec.code)", 33)}, 2))::int, 'head_of_delegation', 3
      FROM s_ec ec JOIN s_country_officials c ON c.code = ec.code WHERE ec.code <> 'VN'
      UNION ALL SELECT ec.event_id, c.first + floor(c.n * ${r("ec.event_id * 11 + ascii(ec.code)", 34)})::int, 'attendee', 4
      FROM s_ec ec JOIN s_country_officials c ON c.code = ec.code WHERE ec.code <> 'VN' AND ${r("ec.event_id", 35)} < 0.3) x
    ORDER BY event_id, official_id, o`);
  // Ministries: Việt Nam's public security in most, a partner's ministry in many.
  await q(`CREATE TEMP TABLE s_em ON COMMIT DROP AS
    SELECT DISTINCT event_id, ministry_id FROM (
      SELECT e.i AS event_id, m.ids[1] AS ministry_id FROM s_event e JOIN s_ministries m ON m.code = 'VN' WHERE e.vn AND ${r("e.i", 40)} < 0.9
      UNION ALL SELECT e.i, ${pick("m.ids", "e.i", 41, 2)} FROM s_event e JOIN s_ministries m ON m.code = 'VN' WHERE e.vn AND ${r("e.i", 42)} < 0.15
      UNION ALL SELECT ec.event_id, ${pick("m.ids", "ec.event_id", 43, 2)} FROM s_ec ec JOIN s_ministries m ON m.code = ec.code
      WHERE ec.code <> 'VN' AND ${r("ec.event_id", 44)} < 0.6) x WHERE ministry_id IS NOT NULL`);
  await q(`CREATE TEMP TABLE s_et ON COMMIT DROP AS
    SELECT DISTINCT e.i AS event_id, t.code, t.vi, t.ord FROM s_event e CROSS JOIN LATERAL generate_series(1, e.ntopics) n
    JOIN s_topic t ON t.ord = 1 + floor((SELECT count(*) FROM s_topic) * power(${r("e.i * 4 + n", 50)}, 2))::int`);
  for (const t of ["s_ec", "s_ep", "s_em", "s_et"]) await q(`CREATE INDEX ON ${t} (event_id)`);
  await q(`CREATE INDEX ON s_event (i)`);
  await q(`CREATE INDEX ON s_date (i)`);
  await q("ANALYZE s_event; ANALYZE s_date; ANALYZE s_ec; ANALYZE s_ep; ANALYZE s_em; ANALYZE s_et");

  // The summary and search text, as the importer composes them.
  const templates = Object.entries(v.summaries).map(([type, list]) => `WHEN '${type}' THEN (${textArray(list)})[1 + floor(${list.length} * ${r("e.i", 60)})::int]`);
  const places = textArray(v.vietnamese_places);
  const typeLabels = [...g.eventTypes.values()];
  await q(`CREATE TEMP TABLE s_people ON COMMIT DROP AS
    SELECT ep.event_id, (array_agg(o.name ORDER BY ep.role, o.id) FILTER (WHERE o.country = 'VN'))[1] AS a,
      (array_agg(o.name ORDER BY ep.role, o.id) FILTER (WHERE o.country <> 'VN'))[1] AS b, array_agg(o.name ORDER BY o.id) AS names
    FROM s_ep ep JOIN s_official o ON o.id = ep.official_id GROUP BY ep.event_id`);
  await q(`CREATE TEMP TABLE s_places ON COMMIT DROP AS
    SELECT ec.event_id, (array_agg(c.name_vi ORDER BY c.code) FILTER (WHERE c.code <> 'VN'))[1] AS country,
      array_agg(c.name_vi || ' | ' || c.name_en ORDER BY c.code) AS country_names
    FROM s_ec ec JOIN countries c ON c.code = ec.code GROUP BY ec.event_id`);
  await q(`CREATE TEMP TABLE s_topics ON COMMIT DROP AS
    SELECT event_id, (array_agg(vi ORDER BY ord))[1] AS topic, array_agg(code ORDER BY ord) AS topics FROM s_et GROUP BY event_id`);
  await q(`CREATE TEMP TABLE s_text ON COMMIT DROP AS
    SELECT e.i, x.place, replace(replace(replace(replace(replace(CASE e.type ${templates.join(" ")} END,
        '{a}', coalesce('Bộ trưởng ' || p.a, 'Bộ Công an')), '{b}', coalesce(p.b, 'đoàn đại biểu')), '{country}', coalesce(c.country, 'các nước')),
        '{topic}', coalesce(t.topic, 'an ninh, trật tự')), '{place}', coalesce(x.place, 'Hà Nội')) AS summary,
      p.names, c.country_names, t.topics
    FROM s_event e LEFT JOIN s_people p ON p.event_id = e.i LEFT JOIN s_places c ON c.event_id = e.i LEFT JOIN s_topics t ON t.event_id = e.i
    CROSS JOIN LATERAL (SELECT CASE WHEN e.vn AND ${r("e.i", 61)} < 0.6 THEN ${pick(places, "e.i", 62, 2)} END AS place) x`);
  await q("CREATE INDEX ON s_text (i)");

  // Secondary indexes are built once after the load, not row by row (as a bulk load should).
  const indexes = (
    await client.query<{ def: string; name: string }>(`SELECT indexdef AS def, indexname AS name FROM pg_indexes i
      WHERE schemaname = current_schema() AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)
      AND tablename IN ('events', 'event_countries', 'event_participants', 'event_ministries', 'event_sources', 'articles', 'official_mentions',
                        'article_countries', 'article_ministries', 'agreements', 'agreement_parties', 'agreement_sources')`)
  ).rows;
  for (const i of indexes) await q(`DROP INDEX "${i.name}"`);

  step(`${sizes.articles} articles`);
  await q(`INSERT INTO articles (id, source_key, url, outlet, title, published_at, published_precision, text, content_hash, imported_at, updated_at)
    SELECT a, 'https://synth.example/' || ${seed} || '/' || a, 'https://synth.example/' || ${seed} || '/' || a, 'synth.example',
      t.summary, to_char(coalesce(d.span_from, make_date(2006 + floor(20 * ${r("a", 70)})::int, 1, 1)) + floor(3 * ${r("a", 71)})::int, 'YYYY-MM-DD'), 'day',
      t.summary || E'\\n\\n' || b.body,
      md5(${seed} || ':' || a), '2026-01-01', '2026-01-01'
    FROM generate_series(1, ${sizes.articles}) a JOIN s_text t ON t.i = (a - 1) * 5 + 1 JOIN s_date d ON d.i = t.i
    JOIN (SELECT 1 + (i - 1) / 5 AS article, string_agg(summary || '.', ' ' ORDER BY i) AS body FROM s_text GROUP BY 1) b ON b.article = a`);
  await q("SELECT setval(pg_get_serial_sequence('articles', 'id'), (SELECT max(id) FROM articles))");

  const labelCase = (lang: "vi" | "en") => `CASE e.type ${typeLabels.map((l) => `WHEN '${l.type}' THEN ${lit(l[lang])}`).join(" ")} END`;
  for (let lo = 1; lo <= events; lo += chunk) {
    const hi = Math.min(events, lo + chunk - 1);
    step(`events ${lo}–${hi}`);
    const range = (col: string) => `${col} BETWEEN ${lo} AND ${hi}`;
    await q(`INSERT INTO events (id, type, start, start_precision, "end", end_precision, span_from, span_to, date_reason, place, summary, topics,
        search_text, created_at, updated_at, country_codes, ministry_ids, official_ids)
      SELECT e.i, e.type, d.start, d.start_precision, d."end", CASE WHEN d."end" IS NOT NULL THEN 'day'::date_precision END, d.span_from, d.span_to,
        'stated', t.place, t.summary, coalesce(t.topics, ARRAY[]::text[]),
        concat_ws(' | ', t.summary, t.place, ${labelCase("vi")}, ${labelCase("en")}, array_to_string(t.names, ' | '), array_to_string(t.country_names, ' | ')),
        '2026-01-01', '2026-01-01',
        coalesce((SELECT array_agg(code::text ORDER BY code) FROM s_ec WHERE event_id = e.i), ARRAY[]::text[]),
        coalesce((SELECT array_agg(ministry_id ORDER BY ministry_id) FROM s_em WHERE event_id = e.i), ARRAY[]::int[]),
        coalesce((SELECT array_agg(official_id ORDER BY official_id) FROM s_ep WHERE event_id = e.i), ARRAY[]::int[])
      FROM s_event e JOIN s_date d ON d.i = e.i JOIN s_text t ON t.i = e.i WHERE ${range("e.i")}`);
    await q(`INSERT INTO event_countries (event_id, country_code) SELECT event_id, code FROM s_ec WHERE ${range("event_id")}`);
    await q(`INSERT INTO event_participants (event_id, official_id, role) SELECT event_id, official_id, role FROM s_ep WHERE ${range("event_id")}`);
    await q(`INSERT INTO event_ministries (event_id, ministry_id) SELECT event_id, ministry_id FROM s_em WHERE ${range("event_id")}`);
    await q(`INSERT INTO event_sources (event_id, article_id, sentence)
      SELECT e.i, a, t.summary || '.' FROM s_event e JOIN s_text t ON t.i = e.i CROSS JOIN LATERAL (VALUES (e.article), (e.article2)) s(a)
      WHERE ${range("e.i")} AND a IS NOT NULL GROUP BY e.i, a, t.summary`);
    // The chunk's rollup changes, into the cells (reads would add them up otherwise).
    await q("SELECT hoptac_fold_rollups(2147483647)");
  }
  await q("SELECT setval(pg_get_serial_sequence('events', 'id'), (SELECT max(id) FROM events))");

  step("mentions and article facts");
  await q(`INSERT INTO official_mentions (official_id, article_id, name_as_written, rank, offices, ministry_id, observed_on, observed_from, sentence)
    SELECT DISTINCT ON (ep.official_id, e.article) ep.official_id, e.article, o.name,
      CASE WHEN o.country = 'VN' THEN 'Thượng tướng' END, ARRAY[]::text[],
      CASE WHEN o.country = 'VN' THEN (SELECT ids[1] FROM s_ministries WHERE code = 'VN') END,
      a.published_at, a.published_at::date, t.summary || '.'
    FROM s_ep ep JOIN s_event e ON e.i = ep.event_id JOIN s_official o ON o.id = ep.official_id
    JOIN articles a ON a.id = e.article JOIN s_text t ON t.i = e.i
    ORDER BY ep.official_id, e.article, e.i`);
  await q(`INSERT INTO article_countries (article_id, country_code) SELECT DISTINCT e.article, ec.code FROM s_event e JOIN s_ec ec ON ec.event_id = e.i`);
  await q(`INSERT INTO article_ministries (article_id, ministry_id) SELECT DISTINCT e.article, em.ministry_id FROM s_event e JOIN s_em em ON em.event_id = e.i`);

  step("agreements");
  const agreementTypes = [...g.agreementTypeInfo.entries()].map(([code, l]) => ({ code, vi: l.vi }));
  const agreementTitles = textArray(v.agreement_titles);
  await q(`CREATE TEMP TABLE s_agreement ON COMMIT DROP AS
    SELECT row_number() OVER (ORDER BY e.i)::int AS id, e.i AS event_id,
      (${textArray(agreementTypes.map((a) => a.code))})[1 + floor(${agreementTypes.length} * ${r("e.i", 80)})::int] AS type,
      replace(replace(replace((${agreementTitles})[1 + floor(${v.agreement_titles.length} * ${r("e.i", 81)})::int],
        '{type}', (${textArray(agreementTypes.map((a) => a.vi))})[1 + floor(${agreementTypes.length} * ${r("e.i", 80)})::int]),
        '{topic}', coalesce((SELECT t.vi FROM s_et t WHERE t.event_id = e.i ORDER BY t.ord LIMIT 1), 'phòng, chống tội phạm')),
        '{country}', coalesce((SELECT c.name_vi FROM s_ec ec JOIN countries c ON c.code = ec.code WHERE ec.event_id = e.i AND ec.code <> 'VN' ORDER BY ec.code LIMIT 1), 'các nước')) AS title
    FROM s_event e WHERE ${r("e.i", 79)} < 0.05`);
  await q(`INSERT INTO agreements (id, type, title, title_key, signed, signed_precision, signed_from, signed_to, event_id, search_text, created_at)
    SELECT a.id, a.type::agreement_type, a.title, lower(a.title), CASE WHEN d.span_from IS NOT NULL THEN d.start END,
      CASE WHEN d.span_from IS NOT NULL THEN d.start_precision END, d.span_from, d.span_to, a.event_id,
      concat_ws(' | ', a.title, array_to_string(t.country_names, ' | ')), '2026-01-01'
    FROM s_agreement a JOIN s_date d ON d.i = a.event_id JOIN s_text t ON t.i = a.event_id`);
  await q("SELECT setval(pg_get_serial_sequence('agreements', 'id'), greatest(1, (SELECT max(id) FROM agreements)))");
  await q(`INSERT INTO agreement_parties (agreement_id, country_code, ministry_id)
    SELECT a.id, ec.code, (SELECT min(em.ministry_id) FROM s_em em JOIN ministries m ON m.id = em.ministry_id WHERE em.event_id = a.event_id AND m.country_code = ec.code)
    FROM s_agreement a JOIN s_ec ec ON ec.event_id = a.event_id`);
  await q(`INSERT INTO agreement_sources (agreement_id, article_id, sentence) SELECT a.id, s.article_id, s.sentence FROM s_agreement a JOIN event_sources s ON s.event_id = a.event_id`);

  step(`${indexes.length} indexes`);
  await q("SET LOCAL maintenance_work_mem = '512MB'");
  for (const i of indexes) await q(i.def);

  step("events' list items and words");
  await q("SELECT hoptac_write_event_docs(NULL)");
  await q("SELECT hoptac_note_terms('event', NULL)");
  await q("SET LOCAL hoptac.event_docs_written = off");
  step("agreements' list items and words");
  await q("SELECT hoptac_write_agreement_docs(NULL)");
  await q("SELECT hoptac_note_terms('agreement', NULL)");
  await q("SET LOCAL hoptac.agreement_docs_written = off");

  // The rollup trigger lists officials with many events only for writes that touch few officials.
  step("officials with many events in the rollups");
  await q("SELECT hoptac_roll_officials(1000)");
}
