// Reads go to DATABASE_READ_URL and writes to DATABASE_URL. The "replica" here
// is a copy of the primary's database, reached through a role that may only
// read: what the API answers comes from the copy (a change made on the
// primary alone does not show), an article posted lands on the primary, and
// nothing the API does tries to write through the read connection.
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/api/app.ts";
import { sql } from "../../src/api/query/sql.ts";
import { loadConfig } from "../../src/config/env.ts";
import { createPrisma } from "../../src/db/client.ts";
import { readerFor, type Reader } from "../../src/db/reader.ts";
import { importPaths } from "../../src/import/run.ts";
import { adminQuery, createTestDatabase, databaseUrl, type TestDatabase } from "../helpers/db.ts";
import type { FastifyInstance } from "fastify";

const API_KEY = "read-split-test-key-0123";
let primary: TestDatabase;
let replicaName: string;
let role: string;
let reader: Reader;
let app: FastifyInstance;

beforeAll(async () => {
  primary = await createTestDatabase("split_primary");
  await importPaths(primary.prisma, ["data/seeds"]);
  await primary.prisma.$disconnect();
  // The standby: the same data, then the primary moves on alone.
  replicaName = `${primary.name}_replica`;
  await adminQuery(`CREATE DATABASE "${replicaName}" TEMPLATE "${primary.name}"`);
  role = `reader_${primary.name}`.slice(0, 60);
  await adminQuery(`CREATE ROLE "${role}" LOGIN PASSWORD 'reader'`);
  const grant = createPrisma(databaseUrl(replicaName));
  await grant.$executeRawUnsafe(`GRANT SELECT ON ALL TABLES IN SCHEMA public TO "${role}"`);
  await grant.$executeRawUnsafe(`ALTER ROLE "${role}" SET default_transaction_read_only = on`);
  await grant.$disconnect();
  await primary.prisma.$executeRaw`UPDATE countries SET name_en = 'Cuba (primary only)' WHERE code = 'CU'`;

  const replicaUrl = new URL(databaseUrl(replicaName));
  replicaUrl.username = role;
  replicaUrl.password = "reader";
  const config = loadConfig({ LOG_LEVEL: "silent", RATE_LIMIT_MAX: "100000", API_KEY, DATABASE_READ_URL: replicaUrl.toString() });
  reader = readerFor(config, primary.url);
  app = await buildApp({ config, prisma: primary.prisma, reader });
  await app.ready();
});

afterAll(async () => {
  await app?.close();
  await reader?.close();
  await adminQuery(`DROP DATABASE IF EXISTS "${replicaName}" WITH (FORCE)`);
  await adminQuery(`DROP ROLE IF EXISTS "${role}"`);
  await primary?.drop();
});

describe("DATABASE_READ_URL", () => {
  it("serves every read from the read URL", async () => {
    const cu = await request(app.server).get("/v1/countries/CU").expect(200);
    expect(cu.body.name_en).toBe("Cuba");
    const events = await request(app.server).get("/v1/events?country=CU").expect(200);
    expect(events.body.data.length).toBeGreaterThan(0);
    for (const path of ["/v1/search?q=cuba", "/v1/stats?group_by=country", "/v1/officials?q=lam", "/v1/agreements", "/v1/articles", "/v1/countries/CU/timeline"]) {
      await request(app.server).get(path).expect(200);
    }
  });

  it("refuses writes on the read URL, and the API writes on DATABASE_URL", async () => {
    await expect(reader.query(sql`UPDATE countries SET name_en = 'x' WHERE code = 'CU'`)).rejects.toThrow(/read-only/);
    const posted = await request(app.server)
      .post("/v1/articles")
      .set("authorization", `Bearer ${API_KEY}`)
      .send({
        url: "https://example.org/tin/hop-tac-doc-lap",
        published_at: "2025-09-02",
        text: "Ngày 1/9, tại Hà Nội, Đại tướng Lương Tam Quang, Bộ trưởng Bộ Công an đã tiếp Thượng tướng Lázaro Alberto Álvarez Casas, Bộ trưởng Bộ Nội vụ Cuba.",
      })
      .expect(201);
    // The answer reads what was just written, from the primary.
    expect(posted.body.article.id).toBe(posted.body.article_id);
    const onPrimary = await primary.prisma.article.count({ where: { url: "https://example.org/tin/hop-tac-doc-lap" } });
    expect(onPrimary).toBe(1);
    // The copy never saw it: the replica here does not replicate.
    await request(app.server).get(`/v1/articles/${posted.body.article_id}`).expect(404);
  });
});
