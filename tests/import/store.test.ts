// The importer end to end on a real embedded Postgres: seeds and the project's
// own fixture articles in, rows out; merging across articles, idempotence, updates,
// broken inputs and the transaction boundary.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatDate } from "../../src/dates/value.ts";
import { buildDump } from "../../src/db/dump.ts";
import { importPaths, importRecord, InputError, publishedHint } from "../../src/import/run.ts";
import { longArticleText } from "../helpers/articles.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/db.ts";

const SEEDS = "data/seeds";
const FIXTURES = "tests/fixtures/articles";

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "hoptac-import-"));
}

async function tableCounts(db: TestDatabase): Promise<Record<string, number>> {
  const rows = await db.prisma.$queryRaw<{ t: string; n: bigint }[]>`
    SELECT 'articles' t, count(*) n FROM articles UNION ALL SELECT 'officials', count(*) FROM officials
    UNION ALL SELECT 'official_mentions', count(*) FROM official_mentions UNION ALL SELECT 'events', count(*) FROM events
    UNION ALL SELECT 'event_sources', count(*) FROM event_sources UNION ALL SELECT 'event_participants', count(*) FROM event_participants
    UNION ALL SELECT 'agreements', count(*) FROM agreements UNION ALL SELECT 'ministries', count(*) FROM ministries
    UNION ALL SELECT 'article_countries', count(*) FROM article_countries`;
  return Object.fromEntries(rows.map((r) => [r.t, Number(r.n)]));
}

describe("importing the seeds", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase("import_seeds");
  });
  afterAll(async () => db.drop());

  it("writes articles, officials, events and agreements with their evidence", async () => {
    const s = await importPaths(db.prisma, [SEEDS]);
    expect(s).toMatchObject({ imported: 5, updated: 0, unchanged: 0, skipped: [] });
    expect(s.facts.events).toBeGreaterThan(10);

    const toLam = await db.prisma.official.findFirst({ where: { name: "Tô Lâm" }, include: { mentions: true } });
    expect(toLam?.countryCode).toBe("VN");
    // One person across the seeds, with what each article says of him at its date.
    expect(toLam!.mentions.length).toBeGreaterThanOrEqual(2);
    expect(toLam!.mentions.some((m) => m.rank === "Đại tướng")).toBe(true);

    const cuba = await db.prisma.event.findMany({ where: { countries: { some: { countryCode: "CU" } } }, include: { sources: true } });
    expect(cuba.length).toBeGreaterThan(0);
    for (const e of cuba) expect(e.sources.every((src) => src.sentence.length > 20)).toBe(true);

    const mps = await db.prisma.ministry.findUnique({ where: { code: "VN-MPS" } });
    expect(mps).toMatchObject({ nameVi: "Bộ Công an", nameEn: "Ministry of Public Security" });

    const agreements = await db.prisma.agreement.findMany({ include: { parties: true, sources: true } });
    expect(agreements.length).toBeGreaterThan(0);
    for (const a of agreements) {
      expect(a.parties.map((p) => p.countryCode)).toContain("VN");
      expect(a.sources.length).toBeGreaterThan(0);
    }
  });

  it("changes nothing when the same articles are imported again", async () => {
    const before = await tableCounts(db);
    const s = await importPaths(db.prisma, [SEEDS]);
    expect(s).toMatchObject({ imported: 0, updated: 0, unchanged: 5 });
    expect(await tableCounts(db)).toEqual(before);
  });

  it("treats another tone-mark style, NFD, BOM and CRLF as the same content", async () => {
    const dir = tempDir();
    const name = "000_5d531d129e3fa79b.txt";
    const text = fs.readFileSync(path.join(SEEDS, name), "utf8");
    const variant = `\uFEFF${text.replace(/Hòa/g, "Hoà").normalize("NFD").replace(/\n/g, "\r\n")}`;
    fs.writeFileSync(path.join(dir, name), variant);
    const s = await importPaths(db.prisma, [dir]);
    expect(s).toMatchObject({ imported: 0, updated: 0, unchanged: 1 });
  });

  it("dumps the knowledge base in the scorer's shape", async () => {
    const dump = await buildDump(db.prisma);
    expect(dump.articles).toHaveLength(5);
    const ids = (xs: unknown[]) => new Set(xs.map((x) => (x as { id: string }).id));
    const articles = ids(dump.articles);
    const officials = ids(dump.officials);
    const ministries = ids(dump.ministries);
    for (const key of ["articles", "officials", "ministries", "events", "agreements"] as const) {
      expect(ids(dump[key]).size).toBe(dump[key].length);
    }
    for (const a of dump.articles as { file: string; published_at: string | null }[]) {
      expect(a.file).toMatch(/\.txt$/);
      if (a.published_at) expect(a.published_at).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
    }
    for (const e of dump.events as { type: string; start: string | null; countries: string[]; officials: string[]; ministries: string[]; articles: string[] }[]) {
      expect(["visit", "talks", "reception", "conference", "signing", "ceremony", "award", "other"]).toContain(e.type);
      if (e.start) expect(e.start).toMatch(/^(\d{4}|--\d{2})(-\d{2}){0,2}$/);
      expect(e.articles.length).toBeGreaterThan(0);
      for (const a of e.articles) expect(articles.has(a)).toBe(true);
      for (const o of e.officials) expect(officials.has(o)).toBe(true);
      for (const m of e.ministries) expect(ministries.has(m)).toBe(true);
      for (const c of e.countries) expect(c).toMatch(/^[A-Z]{2}$/);
    }
    // Besides the scorer's fields: which parts of each date were inferred, and from what.
    const dated = dump.events as { date_reason: string | null; date_parts: { stated: string[]; inferred: { part: string; from: string }[] } }[];
    expect(dated.find((e) => e.date_reason === "publication month")?.date_parts.inferred).toEqual([
      { part: "year", from: "the publication date" },
      { part: "month", from: "the publication date" },
    ]);
    for (const m of dump.mentions as { article: string; officials: string[] }[]) {
      expect(articles.has(m.article)).toBe(true);
      for (const o of m.officials) expect(officials.has(o)).toBe(true);
    }
  });
});

describe("the same people and activities across articles", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase("import_merge");
    const s = await importPaths(db.prisma, [FIXTURES]);
    expect(s.imported).toBe(6);
  });
  afterAll(async () => db.drop());

  const eventsOf = (file: string) =>
    db.prisma.event.findMany({ where: { sources: { some: { article: { file } } } }, include: { sources: { include: { article: true } } } });

  it("makes one official of spelling variants and misspellings", async () => {
    // visit-day and visit-span write Patrushev's name in two word orders.
    const patrushev = await db.prisma.official.findMany({ where: { countryCode: "RU", name: { contains: "Patrushev" } }, include: { mentions: { include: { article: true } } } });
    expect(patrushev).toHaveLength(1);
    expect(patrushev[0]!.mentions.map((m) => m.article.file).sort()).toEqual(["visit-day.txt", "visit-span.txt"]);
    // interpol-misspelled misspells "Trần Đại Quang" once; the same office makes him the same man.
    const president = await db.prisma.official.findMany({ where: { countryCode: "VN", name: { startsWith: "Trần Đại Qua" } } });
    expect(president).toHaveLength(1);
    expect(president[0]!.aliases).toContain("Trần Đại Quan");
  });

  it("makes one event of two reports, with both articles as sources", async () => {
    const dated = await eventsOf("us-visit-dated.txt");
    const undated = await eventsOf("us-visit-undated.txt");
    const shared = dated.filter((e) => undated.some((x) => x.id === e.id));
    expect(shared.map((e) => e.type).sort()).toEqual(["reception", "visit"]);
    // us-visit-undated gives no year ("Sáng 30.10"); us-visit-dated does, and the merged event keeps it.
    for (const e of shared) {
      expect(e.start).toBe("2020-10-30");
      expect(e.spanFrom?.toISOString().slice(0, 10)).toBe("2020-10-30");
      expect(e.sources.map((s) => s.article.file).sort()).toEqual(["us-visit-dated.txt", "us-visit-undated.txt"]);
    }
    const day = await eventsOf("visit-day.txt");
    const span = await eventsOf("visit-span.txt");
    const visit = day.find((e) => e.type === "visit" && span.some((x) => x.id === e.id));
    // The visit's span from visit-span ("15-17/3") holds visit-day's day.
    expect(visit).toMatchObject({ start: "2021-03-15", end: "2021-03-17" });
  });

  it("keeps different activities apart", async () => {
    const interpol = await eventsOf("interpol-reception.txt");
    const dated = await eventsOf("us-visit-dated.txt");
    expect(interpol.some((e) => dated.some((x) => x.id === e.id))).toBe(false);
    const visits = await db.prisma.event.findMany({ where: { type: "visit", countries: { some: { countryCode: "US" } } } });
    expect(visits).toHaveLength(1);
  });

  it("replaces only its own facts when an article changes", async () => {
    const dir = tempDir();
    const text = fs.readFileSync(path.join(FIXTURES, "us-visit-undated.txt"), "utf8");
    // Keep the first paragraph only: the reception is still reported, the rest is gone.
    fs.writeFileSync(path.join(dir, "us-visit-undated.txt"), `${text.split("\n")[0]}\n`);
    const before = await eventsOf("us-visit-dated.txt");
    const s = await importPaths(db.prisma, [dir]);
    expect(s).toMatchObject({ imported: 0, updated: 1, unchanged: 0 });
    const after = await eventsOf("us-visit-dated.txt");
    // us-visit-dated's events are all still there, with it as a source.
    expect(after.map((e) => e.id).sort()).toEqual(before.map((e) => e.id).sort());
    const articles = await db.prisma.article.count();
    expect(articles).toBe(6);
    // The original content comes back as an update and the merged events again have two sources.
    const again = await importPaths(db.prisma, [path.join(FIXTURES, "us-visit-undated.txt")]);
    expect(again.updated).toBe(1);
    const reception = (await eventsOf("us-visit-undated.txt")).find((e) => e.type === "reception");
    expect(reception?.sources.map((x) => x.article.file).sort()).toEqual(["us-visit-dated.txt", "us-visit-undated.txt"]);
  });

  it("removes what only an updated article said", async () => {
    const dir = tempDir();
    fs.copyFileSync(path.join(SEEDS, "004_5c8efeb278a496af.txt"), path.join(dir, "extra.txt"));
    await importPaths(db.prisma, [dir]);
    const events = await eventsOf("extra.txt");
    expect(events.length).toBeGreaterThan(0);
    // The same file now holds another article (interpol-reception's text): its old events go, unless shared.
    fs.copyFileSync(path.join(FIXTURES, "interpol-reception.txt"), path.join(dir, "extra.txt"));
    const s = await importPaths(db.prisma, [dir]);
    expect(s.updated).toBe(1);
    const left = await db.prisma.event.findMany({ where: { id: { in: events.map((e) => e.id) } } });
    expect(left).toHaveLength(0);
  });
});

describe("history does not matter", () => {
  let db: TestDatabase;
  let fresh: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase("import_history");
    fresh = await createTestDatabase("import_fresh");
  });
  afterAll(async () => {
    await db.drop();
    await fresh.drop();
  });

  const officials = async (t: TestDatabase) =>
    (await t.prisma.official.findMany({ orderBy: { name: "asc" }, select: { name: true, aliases: true, countryCode: true } })).map((o) => ({ ...o, aliases: [...o.aliases].sort() }));
  const events = async (t: TestDatabase) =>
    (await t.prisma.event.findMany({ include: { sources: { include: { article: true } } } }))
      .map((e) => `${e.type} ${e.start} ${e.end} ${e.place} ${e.summary} ${e.sources.map((x) => x.article.file).sort().join("+")}`)
      .sort();

  it("an article corrected after others were imported gives what importing the final files gives", async () => {
    const dir = tempDir();
    for (const f of ["us-visit-dated.txt", "us-visit-undated.txt"]) fs.copyFileSync(path.join(FIXTURES, f), path.join(dir, f));
    const dated = fs.readFileSync(path.join(FIXTURES, "us-visit-dated.txt"), "utf8");
    // us-visit-dated first misspells the Secretary of State, then is corrected.
    fs.writeFileSync(path.join(dir, "us-visit-dated.txt"), dated.replaceAll("Mike Pompeo", "Mike Pompeio"));
    await importPaths(db.prisma, [dir]);
    expect((await officials(db)).some((o) => o.name === "Mike Pompeio" || o.aliases.includes("Mike Pompeio"))).toBe(true);
    fs.writeFileSync(path.join(dir, "us-visit-dated.txt"), dated);
    expect((await importPaths(db.prisma, [dir])).updated).toBe(1);

    const final = tempDir();
    for (const f of ["us-visit-dated.txt", "us-visit-undated.txt"]) fs.copyFileSync(path.join(FIXTURES, f), path.join(final, f));
    await importPaths(fresh.prisma, [final]);
    expect(await officials(db)).toEqual(await officials(fresh));
    expect(await events(db)).toEqual(await events(fresh));
  });

  it("tells apart files of the same name in different folders", async () => {
    const dir = tempDir();
    for (const [sub, f] of [["2023", "us-visit-dated.txt"], ["2024", "interpol-reception.txt"]] as const) {
      fs.mkdirSync(path.join(dir, sub));
      fs.copyFileSync(path.join(FIXTURES, f), path.join(dir, sub, "bai.txt"));
    }
    const s = await importPaths(db.prisma, [dir]);
    expect(s).toMatchObject({ imported: 2, updated: 0 });
    const keys = (await db.prisma.article.findMany({ where: { file: "bai.txt" }, select: { sourceKey: true } })).map((a) => a.sourceKey).sort();
    expect(keys).toEqual(["2023/bai.txt", "2024/bai.txt"]);
  });
});

describe("publication dates given with a record", () => {
  it("reads ISO dates, timestamps in Việt Nam's time and Vietnamese forms", () => {
    expect(formatDate(publishedHint("2024-06-04"))).toBe("2024-06-04");
    expect(formatDate(publishedHint("2024-06"))).toBe("2024-06");
    expect(formatDate(publishedHint("2024-06-03T20:30:00Z"))).toBe("2024-06-04");
    expect(formatDate(publishedHint("2024-06-04 08:00"))).toBe("2024-06-04");
    expect(formatDate(publishedHint("04/06/2024"))).toBe("2024-06-04");
    expect(formatDate(publishedHint("Thứ Ba, 04/06/2024, 08:15"))).toBe("2024-06-04");
    expect(publishedHint("hôm qua")).toBeNull();
    expect(publishedHint(null)).toBeNull();
  });
});

describe("bad inputs", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase("import_bad");
  });
  afterAll(async () => db.drop());

  it("reports a broken file with its reason and imports the others", async () => {
    const dir = tempDir();
    fs.copyFileSync(path.join(SEEDS, "000_5d531d129e3fa79b.txt"), path.join(dir, "a.txt"));
    fs.copyFileSync(path.join(SEEDS, "001_634d2d9314a48930.txt"), path.join(dir, "c.txt"));
    fs.writeFileSync(path.join(dir, "b-empty.txt"), "  \n");
    fs.writeFileSync(path.join(dir, "b-binary.txt"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]));
    fs.writeFileSync(path.join(dir, "b-english.txt"), "The minister met his counterpart in Hanoi and discussed cooperation against crime.\n");
    fs.writeFileSync(path.join(dir, "b-records.json"), JSON.stringify([{ title: "no text" }]));
    const s = await importPaths(db.prisma, [dir]);
    expect(s.imported).toBe(2);
    const reasons = Object.fromEntries(s.skipped.map((k) => [path.basename(k.file).replace(/\[\d+\]$/, ""), k.reason]));
    expect(reasons).toEqual({
      "b-empty.txt": "empty",
      "b-binary.txt": "binary file",
      "b-english.txt": "not Vietnamese text",
      "b-records.json": "record has neither text nor html",
    });
    expect(await db.prisma.article.count()).toBe(2);
  });

  it("skips an article over the size limit with the reason, unread, and imports the others", async () => {
    const dir = tempDir();
    fs.copyFileSync(path.join(SEEDS, "000_5d531d129e3fa79b.txt"), path.join(dir, "a.txt"));
    fs.writeFileSync(path.join(dir, "long.txt"), longArticleText(30_001));
    fs.writeFileSync(path.join(dir, "long.html"), `<html><body><p>${longArticleText(300_001)}</p></body></html>`);
    fs.writeFileSync(path.join(dir, "long.jsonl"), `${JSON.stringify({ url: "https://example.vn/dai", text: longArticleText(30_001) })}\n`);
    const s = await importPaths(db.prisma, [dir], { maxChars: 30_000 });
    expect(s.skipped.map((k) => [path.basename(k.file), k.reason])).toEqual([
      ["long.html", expect.stringMatching(/^too long: \d+ characters of html, more than the limit of 300000/)],
      ["long.jsonl:1", expect.stringMatching(/^line 1: too long: \d+ characters of text, more than the limit of 30000 \(MAX_ARTICLE_CHARS\)$/)],
      ["long.txt", expect.stringMatching(/^too long: \d+ characters of text/)],
    ]);
    expect(s.imported + s.unchanged).toBe(1);
  });

  it("imports a record with a lone surrogate (as U+FFFD) and skips one whose URL is not http(s)", async () => {
    const dir = tempDir();
    const text = fs.readFileSync(path.join(SEEDS, "004_5c8efeb278a496af.txt"), "utf8");
    // JSON may escape half of a surrogate pair; Postgres cannot store it.
    fs.writeFileSync(path.join(dir, "records.json"), JSON.stringify([{ url: "https://example.vn/tin/le", title: "Tin \ud800 lẻ", text }, { url: "javascript:alert(1)", text }]));
    const s = await importPaths(db.prisma, [dir]);
    expect(s.skipped).toEqual([{ file: expect.stringMatching(/records\.json\[1\]$/), reason: 'record field "url" must be an http or https address' }]);
    expect(s.imported).toBe(1);
    const stored = await db.prisma.article.findUniqueOrThrow({ where: { sourceKey: "https://example.vn/tin/le" } });
    expect(stored.title).toBe("Tin \ufffd lẻ");
  });

  it("writes an article in one transaction or not at all", async () => {
    // A real failure inside the transaction: the database refuses one agreement row.
    await db.prisma.$executeRawUnsafe(`
      CREATE FUNCTION refuse_agreement() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'agreement refused for the test'; END $$`);
    await db.prisma.$executeRawUnsafe(`CREATE TRIGGER refuse BEFORE INSERT ON agreements FOR EACH ROW EXECUTE FUNCTION refuse_agreement()`);
    try {
      const before = await tableCounts(db);
      // 003 signs agreements (its transaction fails); 002 has none and imports.
      const dir = tempDir();
      fs.copyFileSync(path.join(SEEDS, "003_566adc920445373f.txt"), path.join(dir, "003.txt"));
      fs.copyFileSync(path.join(SEEDS, "002_b60e7491f22b6e69.txt"), path.join(dir, "002.txt"));
      const s = await importPaths(db.prisma, [dir]);
      expect(s.skipped).toHaveLength(1);
      expect(s.skipped[0]!.reason).toMatch(/^could not be stored: .*agreement refused/);
      expect(await db.prisma.article.findFirst({ where: { file: "003.txt" } })).toBeNull();
      const after = await tableCounts(db);
      expect(after.articles).toBe(before.articles! + 1);
      const orphans = await db.prisma.event.count({ where: { sources: { none: {} } } });
      expect(orphans).toBe(0);
    } finally {
      await db.prisma.$executeRawUnsafe(`DROP TRIGGER refuse ON agreements`);
    }
  });

  it("ingests one record and refuses an unusable one with the reason", async () => {
    const text = fs.readFileSync(path.join(SEEDS, "004_5c8efeb278a496af.txt"), "utf8");
    const first = await importRecord(db.prisma, { url: "https://example.vn/tin/1", text });
    expect(first.status).toBe("imported");
    expect(first.extraction.events.length).toBeGreaterThan(0);
    const second = await importRecord(db.prisma, { url: "https://example.vn/tin/1", text });
    expect(second).toMatchObject({ status: "unchanged", articleId: first.articleId });
    // Control characters, a NUL among them, are dropped rather than refused by the database.
    const nul = await importRecord(db.prisma, { url: "https://example.vn/tin/2\u0000", title: "Tin\u0000", text: `${text}\u0000\u0007` });
    expect(nul.status).toBe("imported");
    await expect(importRecord(db.prisma, { url: "x", text: "" })).rejects.toThrow(InputError);
    await expect(importRecord(db.prisma, { text: "Hello world, this is not Vietnamese at all." })).rejects.toMatchObject({ reason: "not Vietnamese text" });
  });
});
