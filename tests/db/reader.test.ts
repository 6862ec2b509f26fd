// The API's pg reader: a statement whose plan does not depend on its values
// (samePlan) is planned once on each connection, at its first run there, and
// runs on that plan whatever its values, never planned again per request. Its
// row counts are written in its text: with a LIMIT parameter its one plan
// would not know how few rows are asked for. Reads plan no parallel workers.
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/api/app.ts";
import { samePlan, sql } from "../../src/api/query/sql.ts";
import { loadConfig } from "../../src/config/env.ts";
import { poolReader, type Reader } from "../../src/db/reader.ts";
import { importPaths } from "../../src/import/run.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/db.ts";

let db: TestDatabase;
let reader: Reader;
let app: FastifyInstance;

beforeAll(async () => {
  db = await createTestDatabase("reader_plans");
  await importPaths(db.prisma, ["data/seeds"]);
  // One connection of each kind, so that every lookup lands on the same one.
  reader = poolReader([db.url], { poolSize: 1 });
  app = await buildApp({ config: loadConfig({ LOG_LEVEL: "silent", RATE_LIMIT_MAX: "100000" }), prisma: db.prisma, reader });
  await app.ready();
});

afterAll(async () => {
  await app?.close();
  await reader?.close();
  await db?.drop();
});

describe("lookups by id over pg", () => {
  it("run on one plan from the first request, their row counts written in their text", async () => {
    const [ids] = await db.prisma.$queryRaw<{ official: number; event: number; agreement: number }[]>`
      SELECT (SELECT official_id FROM official_mentions GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1) AS official,
        (SELECT min(id) FROM events) AS event, (SELECT min(id) FROM agreements) AS agreement`;
    const lookups = {
      official: [`/v1/officials/${ids!.official}`, "recent_mentions"],
      mentions: [`/v1/officials/${ids!.official}/mentions?sort=date`, "t.found, t.total"],
      event: [`/v1/events/${ids!.event}`, "FROM events e WHERE e.id ="],
      agreement: [`/v1/agreements/${ids!.agreement}`, "FROM agreements a WHERE a.id ="],
    };
    for (const [path] of Object.values(lookups)) {
      for (let i = 0; i < 10; i++) expect((await app.inject({ method: "GET", url: path })).statusCode, path).toBe(200);
    }
    const prepared = await reader.query<{ statement: string; generic_plans: number; custom_plans: number }>(
      samePlan(sql`SELECT statement, generic_plans::int, custom_plans::int FROM pg_prepared_statements`),
    );
    for (const [name, [, text]] of Object.entries(lookups)) {
      const statement = prepared.find((p) => p.statement.includes(text!));
      expect(statement, name).toBeDefined();
      expect(statement!.generic_plans, name).toBeGreaterThan(0);
      expect(statement!.custom_plans, name).toBe(0);
      expect(statement!.statement, name).not.toMatch(/LIMIT \$\d/i);
    }
  });
});

describe("read connections", () => {
  it("plan no parallel workers, on both kinds of connection", async () => {
    for (const q of [sql`SELECT current_setting('max_parallel_workers_per_gather') AS workers`, samePlan(sql`SELECT current_setting('max_parallel_workers_per_gather') AS workers`)]) {
      const [row] = await reader.query<{ workers: string }>(q);
      expect(row!.workers).toBe("0");
    }
  });
});
