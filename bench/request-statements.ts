// The SQL each request of the API runs, read by running the request
// in-process through a recording reader: the second time, as the API runs it
// under load (a first page can also tell the pages after it how to read
// theirs: page-ways.ts).
import { buildApp } from "../src/api/app.ts";
import type { Sql } from "../src/api/query/sql.ts";
import { loadConfig } from "../src/config/env.ts";
import { createPrisma } from "../src/db/client.ts";
import type { Reader } from "../src/db/reader.ts";

/** Each path's statements, in the order the API runs them, run through `reader`. */
export async function requestStatements(databaseUrl: string, reader: Reader, paths: string[]): Promise<Map<string, Sql[]>> {
  const prisma = createPrisma(databaseUrl);
  const statements = new Map<string, Sql[]>();
  try {
    for (const path of paths) {
      const queries: Sql[] = [];
      const recording: Reader = { query: (q) => (queries.push(q), reader.query(q)), close: () => reader.close() };
      const app = await buildApp({ config: loadConfig({ LOG_LEVEL: "silent", RATE_LIMIT_MAX: "1000000000" }), prisma, reader: recording });
      await app.inject({ method: "GET", url: path });
      queries.length = 0;
      const res = await app.inject({ method: "GET", url: path });
      await app.close();
      if (res.statusCode !== 200) throw new Error(`${path}: ${res.statusCode} ${res.body.slice(0, 300)}`);
      statements.set(path, queries);
    }
  } finally {
    await prisma.$disconnect();
  }
  return statements;
}
