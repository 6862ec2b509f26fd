// POST /v1/articles: the API key, idempotent ingest, and what comes back.
import fs from "node:fs";
import type { FastifyInstance } from "fastify";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/api/app.ts";
import { loadConfig } from "../../src/config/env.ts";
import { longArticleText } from "../helpers/articles.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/db.ts";
import { expectProblemShape, getJson, type Event, type List } from "./kb.ts";

const API_KEY = "ingest-test-key-0123456789";
const TEXT = [
  "Việt Nam và Cuba bàn thêm về phòng, chống tội phạm mạng",
  "Ngày 15/8/2025, tại Hà Nội, Đại tướng Lương Tam Quang, Ủy viên Bộ Chính trị, Bộ trưởng Bộ Công an đã hội đàm với Thượng tướng Lázaro Alberto Álvarez Casas, Bộ trưởng Bộ Nội vụ Cuba.",
  "Hai bên nhất trí tăng cường hợp tác trong lĩnh vực phòng, chống tội phạm công nghệ cao và an ninh mạng.",
].join("\n\n");
const RECORD = { url: "https://example.org/tin/hop-tac-cuba", title: "Việt Nam và Cuba bàn thêm về phòng, chống tội phạm mạng", published_at: "2025-08-16", text: TEXT };

let db: TestDatabase;
let app: FastifyInstance;

function appWith(env: NodeJS.ProcessEnv): Promise<FastifyInstance> {
  return buildApp({ config: loadConfig({ LOG_LEVEL: "silent", ...env }), prisma: db.prisma });
}

beforeAll(async () => {
  db = await createTestDatabase("api_ingest");
  app = await appWith({ API_KEY });
  await app.ready();
});

afterAll(async () => {
  await app?.close();
  await db?.drop();
});

const post = (target: FastifyInstance = app) => request(target.server).post("/v1/articles");

describe("POST /v1/articles", () => {
  it("is disabled (503) on a server without API_KEY", async () => {
    const keyless = await appWith({});
    try {
      await keyless.ready();
      const res = await post(keyless).set("authorization", `Bearer ${API_KEY}`).send(RECORD);
      expect(expectProblemShape(res, 503).detail).toMatch(/API_KEY/);
    } finally {
      await keyless.close();
    }
  });

  it("asks for the key (401) before it reads the body", async () => {
    const missing = await post().send(RECORD);
    expectProblemShape(missing, 401);
    expect(missing.headers["www-authenticate"]).toMatch(/^Bearer/);
    expectProblemShape(await post().set("x-api-key", "wrong-key-0123456789").send(RECORD), 401);
    expectProblemShape(await post().set("authorization", `Bearer ${API_KEY}x`).send(RECORD), 401);
    expectProblemShape(await post().send({ text: 42 }), 401);
    expectProblemShape(await post().set("content-type", "application/json").send("{not json"), 401);
    expect((await getJson<List<unknown>>(app, "/v1/articles")).meta.count).toBe(0);
  });

  it("imports an article (201) and returns what was extracted; the same article again is 200 unchanged", async () => {
    const first = await post().set("authorization", `Bearer ${API_KEY}`).send(RECORD);
    expect(first.status).toBe(201);
    expect(first.headers["content-type"]).toMatch(/^application\/json/);
    expect(first.headers["cache-control"]).toBeUndefined();
    const body = first.body;
    expect(body).toMatchObject({
      status: "imported",
      article_id: expect.any(Number),
      source_key: RECORD.url,
      facts: { officials: expect.any(Number), events: expect.any(Number), agreements: 0, countries: 2, ministries: expect.any(Number) },
      article: { id: body.article_id, url: RECORD.url, title: RECORD.title, published_at: "2025-08-16" },
    });
    expect(first.headers.location).toBe(`/v1/articles/${body.article_id}`);
    expect(body.facts.officials).toBeGreaterThanOrEqual(2);
    expect(body.facts.events).toBeGreaterThanOrEqual(1);
    expect(body.article.countries.map((c: { code: string }) => c.code)).toEqual(["CU", "VN"]);
    expect(body.article.officials.map((m: { official: { name: string } }) => m.official.name)).toEqual(
      expect.arrayContaining(["Lương Tam Quang", "Lázaro Alberto Álvarez Casas"]),
    );
    expect(body.article.events[0]).toMatchObject({ id: expect.any(Number), sentence: expect.stringContaining("hội đàm") });
    expect(body.article).not.toHaveProperty("text");

    const again = await post().set("x-api-key", API_KEY).send(RECORD);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ status: "unchanged", article_id: body.article_id, facts: body.facts });

    // The facts are in the knowledge base.
    const events = await getJson<List<Event>>(app, "/v1/events?country=CU&q=luong%20tam%20quang");
    expect(events.meta.count).toBe(body.facts.events);
    const stored = await getJson<{ text: string }>(app, `/v1/articles/${body.article_id}`);
    expect(stored.text).toContain("Lương Tam Quang");
  });

  it("updates an article whose content changed (201 updated)", async () => {
    const changed = { ...RECORD, text: `${TEXT}\n\nHai bên cũng trao đổi về hợp tác đào tạo cán bộ.` };
    const res = await post().set("authorization", `Bearer ${API_KEY}`).send(changed);
    expect(res.status).toBe(201);
    expect(res.body.status).toBe("updated");
    expect((await getJson<List<unknown>>(app, "/v1/articles")).meta.count).toBe(1);
  });

  it("answers 422 for a record it cannot use, and 400 for a malformed one", async () => {
    const auth = { authorization: `Bearer ${API_KEY}` };
    const empty = await post().set(auth).send({ url: "https://example.org/empty", title: "Nothing" });
    expect(expectProblemShape(empty, 422).detail).toMatch(/neither text nor html/);
    const wrong = await post().set(auth).send({ text: 42, url: ["x"] });
    const problem = expectProblemShape(wrong, 400);
    expect(problem.errors!.map((e) => [e.in, e.name])).toEqual([
      ["body", "url"],
      ["body", "text"],
    ]);
    const nul = expectProblemShape(await post().set(auth).send({ ...RECORD, title: "a\u0000b" }), 400);
    expect(nul.errors).toEqual([{ in: "body", name: "title", message: expect.stringMatching(/NUL/) }]);
    expectProblemShape(await post().set(auth).set("content-type", "application/json").send("[1,"), 400);
    expectProblemShape(await post().set(auth).set("content-type", "text/plain").send("hello"), 400);
    expectProblemShape(await post().set(auth).set("content-type", "application/xml").send("<text>hello</text>"), 415);
  });

  it("stores facts from the README's example", async () => {
    const readme = fs.readFileSync(new URL("../../README.md", import.meta.url), "utf8");
    const body = /curl -X POST [^]*?-d '([^']+)'/.exec(readme)?.[1];
    expect(body).toBeDefined();
    const res = await post().set("authorization", `Bearer ${API_KEY}`).set("content-type", "application/json").send(body!);
    expect(res.status).toBe(201);
    expect(res.body.facts.events).toBeGreaterThan(0);
    expect(res.body.facts.officials).toBeGreaterThanOrEqual(2);
  });

  it("refuses an article over MAX_ARTICLE_CHARS with 413, and stores nothing of it", async () => {
    const small = await appWith({ API_KEY, MAX_ARTICLE_CHARS: "20000" });
    try {
      await small.ready();
      const before = (await getJson<List<unknown>>(small, "/v1/articles")).meta.count;
      const auth = { authorization: `Bearer ${API_KEY}` };
      const long = await post(small).set(auth).send({ url: "https://example.org/tin/dai", text: longArticleText(20_001) });
      expect(expectProblemShape(long, 413).detail).toMatch(/too long: \d+ characters of text, more than the limit of 20000 \(MAX_ARTICLE_CHARS\)/);
      const page = `<html><body><article><p>${longArticleText(200_001)}</p></article></body></html>`;
      expect(expectProblemShape(await post(small).set(auth).send({ html: page }), 413).detail).toMatch(/characters of html/);
      expect(await post(small).set(auth).send({ url: "https://example.org/tin/vua", text: longArticleText(19_000) })).toMatchObject({ status: 201 });
      expect((await getJson<List<unknown>>(small, "/v1/articles")).meta.count).toBe(before + 1);
    } finally {
      await small.close();
    }
  });
});
