// A page of events is sent as the bytes Postgres joins from the ready list
// items (event_docs); without them (an item missing) it is read from the
// rows and written by the list's schema. Both must give the same response,
// byte for byte, headers and ETag included, whichever reader serves it.
import type { FastifyInstance } from "fastify";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/api/app.ts";
import { loadConfig } from "../../src/config/env.ts";
import { poolReader, type Reader } from "../../src/db/reader.ts";
import { getJson, seededKb, type Kb, type List } from "./kb.ts";

let kb: Kb;
let pooled: { app: FastifyInstance; reader: Reader };
let paths: string[];

/** Every page of a list, following next_cursor: the path of each. */
async function pagePaths(app: FastifyInstance, path: string): Promise<string[]> {
  const out = [path];
  for (let cursor = (await getJson<List<unknown>>(app, path)).meta.next_cursor; cursor !== null; ) {
    const next = `${path}&cursor=${encodeURIComponent(cursor)}`;
    out.push(next);
    cursor = (await getJson<List<unknown>>(app, next)).meta.next_cursor;
  }
  return out;
}

/** What a client sees of a response, but for the request id, the date and the rate limit's counters. */
async function seen(app: FastifyInstance, path: string) {
  const res = await request(app.server).get(path).buffer(true).parse((r, done) => {
    const chunks: Buffer[] = [];
    r.on("data", (c: Buffer) => chunks.push(c));
    r.on("end", () => done(null, Buffer.concat(chunks)));
  });
  const { "x-request-id": _id, date: _date, "x-ratelimit-remaining": _left, "x-ratelimit-reset": _reset, ...headers } = res.headers;
  return { status: res.status, headers, body: (res.body as Buffer).toString("utf8") };
}

beforeAll(async () => {
  kb = await seededKb("api_event_pages");
  const reader = poolReader([kb.db.url], { poolSize: 2 });
  const app = await buildApp({ config: loadConfig({ LOG_LEVEL: "silent", RATE_LIMIT_MAX: "100000" }), prisma: kb.db.prisma, reader });
  await app.ready();
  pooled = { app, reader };
  const [official] = await kb.db.prisma.$queryRaw<{ id: number }[]>`SELECT official_id AS id FROM event_participants GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`;
  const lists = [
    "/v1/events?limit=2",
    "/v1/events?limit=3&sort=date",
    "/v1/events?country=CU&limit=1",
    "/v1/events?country=VN&country=CN&limit=2",
    "/v1/events?type=visit&type=talks&limit=2&sort=date",
    "/v1/events?from=2024&to=2025&limit=2",
    "/v1/events?from=2024&limit=2&sort=date",
    "/v1/events?q=to%20lam&limit=1",
    `/v1/events?official=${official!.id}&limit=1`,
    "/v1/countries/CU/events?limit=1",
    `/v1/officials/${official!.id}/events?limit=2&sort=date`,
  ];
  paths = [
    "/v1/events",
    "/v1/events?limit=200",
    "/v1/events?country=AQ",
    "/v1/events?q=%22%27%25_",
    ...(await Promise.all(lists.map((p) => pagePaths(kb.app, p)))).flat(),
  ];
});

afterAll(async () => {
  await pooled?.app.close();
  await pooled?.reader.close();
  await kb?.close();
});

describe("a page of events from the ready items", () => {
  it("is the page read from the rows, byte for byte, with the same headers and ETag, over Prisma and over pg", async () => {
    expect(paths.length).toBeGreaterThan(20);
    const ready = [];
    for (const path of paths) {
      const viaPrisma = await seen(kb.app, path);
      expect(viaPrisma.status, path).toBe(200);
      expect(await seen(pooled.app, path), path).toEqual(viaPrisma);
      ready.push(viaPrisma);
    }
    // Without the ready items every page is read from the rows.
    await kb.db.prisma.$executeRaw`DELETE FROM event_docs`;
    for (const [i, path] of paths.entries()) {
      const fromRows = await seen(kb.app, path);
      expect(fromRows, path).toEqual(ready[i]);
      expect(await seen(pooled.app, path), path).toEqual(ready[i]);
    }
  });
});
