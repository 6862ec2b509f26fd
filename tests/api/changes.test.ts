// The change feed and updated_since over a real database: what an import
// creates, what an article's update changes and deletes, and a deletion made
// by hand in SQL, all read back from the log the database's triggers keep.
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importRecord } from "../../src/import/run.ts";
import { allPages, expectProblemShape, getJson, seededKb, type Event, type Kb, type List } from "./kb.ts";

interface Change {
  type: string;
  id: number | string;
  action: "created" | "updated" | "deleted";
  at: string;
  href: string | null;
}

let kb: Kb;

beforeAll(async () => {
  kb = await seededKb("api_changes");
});

afterAll(async () => {
  await kb?.close();
});

const TALKS = "Ngày 15/8/2025, tại Hà Nội, Đại tướng Lương Tam Quang, Bộ trưởng Bộ Công an đã hội đàm với Thượng tướng Lázaro Alberto Álvarez Casas, Bộ trưởng Bộ Nội vụ Cuba.";
const SIGNING =
  "Ngày 20/9/2025, tại La Habana, Thứ trưởng Bộ Công an Lê Quốc Hùng và Thứ trưởng Bộ Nội vụ Cuba đã ký Kế hoạch hợp tác phòng, chống tội phạm giai đoạn 2025-2027.";
const record = (...paragraphs: string[]) => ({
  url: "https://example.org/tin/nhat-ky-thay-doi",
  title: "Hợp tác giữa Bộ Công an Việt Nam và Bộ Nội vụ Cuba",
  published_at: "2025-09-21",
  text: ["Hợp tác giữa Bộ Công an Việt Nam và Bộ Nội vụ Cuba", ...paragraphs].join("\n\n"),
});

/** The database's clock: changes are stamped with it. */
async function dbNow(): Promise<string> {
  const [row] = await kb.db.prisma.$queryRaw<{ now: Date }[]>`SELECT clock_timestamp() AS now`;
  return row!.now.toISOString();
}

async function changes(query: string): Promise<Change[]> {
  return (await allPages<Change>(kb.app, `/v1/changes?${query}`)).items;
}

async function articleEvents(articleId: number): Promise<number[]> {
  const article = await getJson<{ events: { id: number }[] }>(kb.app, `/v1/articles/${articleId}`);
  return article.events.map((e) => e.id);
}

describe("GET /v1/changes", () => {
  it("lists every record of a fresh import as created, in pages that follow the log", async () => {
    const all = await changes("limit=7");
    const events = await allPages<Event>(kb.app, "/v1/events?limit=200");
    const articles = await allPages<{ id: number }>(kb.app, "/v1/articles?limit=200");
    const created = (type: string) => all.filter((c) => c.type === type && c.action === "created").map((c) => c.id).sort((a, b) => Number(a) - Number(b));
    expect(created("event")).toEqual(events.items.map((e) => e.id).sort((a, b) => a - b));
    expect(created("article")).toEqual(articles.items.map((a) => a.id).sort((a, b) => a - b));
    expect(created("country")).toContain("CU");
    expect(all.every((c) => c.action === "created" && c.href !== null)).toBe(true);
    expect(new Set(all.map((c) => `${c.type}/${c.id}`)).size).toBe(all.length);
    const one = (await getJson<List<Change>>(kb.app, "/v1/changes?type=event&limit=1000")).data;
    expect(one.map((c) => c.id)).toEqual(all.filter((c) => c.type === "event").map((c) => c.id));
  });

  it("shows an event deleted when an article's update removes it, and what the update changed", async () => {
    const first = await importRecord(kb.db.prisma, record(TALKS, SIGNING));
    const before = await articleEvents(first.articleId);
    expect(before.length).toBeGreaterThanOrEqual(2);
    const since = await dbNow();
    const second = await importRecord(kb.db.prisma, record(TALKS));
    expect(second).toMatchObject({ status: "updated", articleId: first.articleId });
    const after = await articleEvents(first.articleId);
    const gone = before.filter((id) => !after.includes(id));
    expect(gone.length).toBeGreaterThan(0);
    for (const id of gone) expect((await request(kb.app.server).get(`/v1/events/${id}`)).status).toBe(404);

    const feed = await changes(`since=${encodeURIComponent(since)}`);
    for (const id of gone) expect(feed).toContainEqual({ type: "event", id, action: "deleted", at: expect.any(String), href: null });
    expect(feed).toContainEqual(expect.objectContaining({ type: "article", id: first.articleId, action: "updated", href: `/v1/articles/${first.articleId}` }));
    for (const c of feed) expect(Date.parse(c.at)).toBeGreaterThanOrEqual(Date.parse(since));
    // The seeds' own records did not change.
    const seeded = await allPages<Event>(kb.app, "/v1/events?limit=200");
    const touched = new Set(feed.filter((c) => c.type === "event").map((c) => c.id));
    expect(seeded.items.filter((e) => !touched.has(e.id)).length).toBeGreaterThan(5);

    // updated_since on the lists gives exactly the records the feed calls created or updated.
    const events = await allPages<Event>(kb.app, `/v1/events?updated_since=${encodeURIComponent(since)}`);
    expect(events.items.map((e) => e.id).sort()).toEqual(feed.filter((c) => c.type === "event" && c.action !== "deleted").map((c) => c.id).sort());
    const articles = await getJson<List<{ id: number }>>(kb.app, `/v1/articles?updated_since=${encodeURIComponent(since)}`);
    expect(articles.data.map((a) => a.id)).toEqual([first.articleId]);
    const hits = await getJson<List<{ type: string; id: number }>>(kb.app, `/v1/search?q=cuba&type=event&limit=100&updated_since=${encodeURIComponent(since)}`);
    const allHits = await getJson<List<{ type: string; id: number }>>(kb.app, "/v1/search?q=cuba&type=event&limit=100");
    const changed = new Set(feed.filter((c) => c.type === "event" && c.action !== "deleted").map((c) => c.id));
    expect(hits.data.map((h) => h.id)).toEqual(allHits.data.filter((h) => changed.has(h.id)).map((h) => h.id));
    expect(hits.data.length).toBeGreaterThan(0);
    expect(allHits.data.length).toBeGreaterThan(hits.data.length);

    // Importing the same version again changes nothing.
    const later = await dbNow();
    await importRecord(kb.db.prisma, record(TALKS));
    expect(await changes(`since=${encodeURIComponent(later)}`)).toEqual([]);
  });

  it("records what any writer does, SQL by hand included", async () => {
    const since = await dbNow();
    const [victim] = await kb.db.prisma.$queryRaw<{ id: number }[]>`SELECT id FROM agreements ORDER BY id LIMIT 1`;
    await kb.db.prisma.$executeRaw`DELETE FROM agreements WHERE id = ${victim!.id}`;
    const feed = await changes(`since=${encodeURIComponent(since)}&type=agreement&type=event`);
    expect(feed).toEqual([{ type: "agreement", id: victim!.id, action: "deleted", at: expect.any(String), href: null }]);
  });

  it("answers in CSV too, and refuses a bad time or type", async () => {
    const res = await request(kb.app.server).get("/v1/changes?type=article&format=csv");
    expect(res.status).toBe(200);
    expect(res.text.split("\r\n")[0]).toBe("type,id,action,at,href");
    expectProblemShape(await request(kb.app.server).get("/v1/changes?since=yesterday"), 400);
    expectProblemShape(await request(kb.app.server).get("/v1/changes?type=person"), 400);
    expectProblemShape(await request(kb.app.server).get("/v1/events?updated_since=2025-13-01"), 400);
  });
});
