// npm run bench:api [-- --articles 100 --seconds 5 --connections 10]: the
// API's main queries under load (autocannon against `npm run serve` in its own
// process) against the same SQL run directly with pg at the same concurrency,
// so that the API's overhead reads as a ratio. The database is DATABASE_URL
// when set (the seeds are imported into it), else a throwaway embedded
// Postgres filled with the seed articles repeated with their years shifted.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { pino } from "pino";
import { eventCountSql, eventPageSql, type EventFilters } from "../src/api/query/events.ts";
import type { Sql } from "../src/api/query/sql.ts";
import { officialDetailSql } from "../src/api/routes/officials.ts";
import { searchSql } from "../src/api/routes/search.ts";
import { createPrisma } from "../src/db/client.ts";
import { migrate } from "../src/db/migrate.ts";
import { freePort, startScratchPostgres, type ScratchPostgres } from "../src/db/scratch.ts";
import { importPaths } from "../src/import/run.ts";
import { readArticles, shiftedCorpus } from "./corpus.ts";

interface AutocannonResult {
  requests: { average: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}
type Autocannon = (options: { url: string; connections: number; duration: number; pipelining?: number }) => Promise<AutocannonResult>;
const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

const { values } = parseArgs({
  options: {
    articles: { type: "string", default: "100" },
    seconds: { type: "string", default: "5" },
    connections: { type: "string", default: "10" },
  },
});
const articles = Number(values.articles);
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const SEEDS = "data/seeds";
const log = pino({ level: "warn" });

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : Number.NaN;
}

/** `connections` loops each running `op` back to back for the duration; ops/s and latency percentiles in ms. */
async function loop(op: () => Promise<unknown>): Promise<{ rate: number; p50: number; p99: number }> {
  const latencies: number[] = [];
  const end = performance.now() + seconds * 1000;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < end) {
        const t = performance.now();
        await op();
        latencies.push(performance.now() - t);
      }
    }),
  );
  const elapsed = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  return { rate: latencies.length / elapsed, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

async function startApi(databaseUrl: string): Promise<{ url: string; child: ChildProcess }> {
  const tsx = path.resolve("node_modules/.bin/tsx");
  const port = String(await freePort());
  const child = spawn(tsx, ["src/cli/serve.ts"], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: port, HOST: "127.0.0.1", LOG_LEVEL: "warn", RATE_LIMIT_MAX: "1000000000", API_KEY: "" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const match = /serving (http:\/\/\S+)/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.once("exit", (code) => reject(new Error(`the API exited (${code}) before it listened`)));
  });
  return { url, child };
}

let scratch: ScratchPostgres | undefined;
let pool: pg.Pool | undefined;
let api: ChildProcess | undefined;
let corpusDir: string | undefined;
try {
  console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
  let databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl) {
    await migrate(databaseUrl, { log });
    console.log("database: DATABASE_URL, with the seed articles imported");
  } else {
    scratch = await startScratchPostgres(log);
    databaseUrl = await scratch.createDatabase("bench_api");
    console.log(`database: throwaway embedded PostgreSQL, ${articles} articles (the seeds repeated, years shifted)`);
  }
  const prisma = createPrisma(databaseUrl);
  corpusDir = process.env.DATABASE_URL ? undefined : shiftedCorpus(readArticles([SEEDS]), articles).dir;
  const t = performance.now();
  const summary = await importPaths(prisma, [corpusDir ?? SEEDS]);
  await prisma.$disconnect();
  pool = new pg.Pool({ connectionString: databaseUrl, max: connections });
  pool.on("error", (err) => console.error(`pg: ${err.message}`));
  const db = pool;
  // Statistics for the fresh tables, as autovacuum would gather them soon after an import.
  await db.query("ANALYZE");
  const sizes = (
    await db.query<{ events: number; officials: number; agreements: number }>(
      "SELECT (SELECT count(*) FROM events)::int AS events, (SELECT count(*) FROM officials)::int AS officials, (SELECT count(*) FROM agreements)::int AS agreements",
    )
  ).rows[0]!;
  console.log(
    `imported ${summary.imported} articles in ${((performance.now() - t) / 1000).toFixed(1)} s: ${sizes.events} events, ${sizes.officials} officials, ${sizes.agreements} agreements`,
  );
  const toLam = (await db.query<{ id: number }>("SELECT id FROM officials WHERE name = 'Tô Lâm' ORDER BY id LIMIT 1")).rows[0]?.id;
  if (toLam === undefined) throw new Error("Tô Lâm is not in the knowledge base");

  const run = (sql: Sql) => db.query(sql.text, sql.values);
  const events = (filters: EventFilters) => () => Promise.all([run(eventPageSql(filters, "-date", null, 50)), run(eventCountSql(filters))]);
  const cases: { name: string; path: string; direct: () => Promise<unknown> }[] = [
    { name: "events of Cuba", path: "/v1/events?country=CU", direct: events({ countries: ["CU"] }) },
    { name: "events, text 'to lam'", path: "/v1/events?q=to%20lam", direct: events({ q: "to lam" }) },
    { name: "official with timeline", path: `/v1/officials/${toLam}`, direct: () => run(officialDetailSql(toLam)) },
    { name: "search 'to lam'", path: "/v1/search?q=to%20lam", direct: () => run(searchSql("to lam", ["official", "ministry", "country", "event", "agreement"], 20)) },
  ];

  const started = await startApi(databaseUrl);
  api = started.child;
  console.log(`API: ${started.url} (npm run serve in its own process); ${connections} connections, ${seconds} s per run\n`);

  const rows: string[][] = [];
  for (const c of cases) {
    for (let i = 0; i < 50; i++) await c.direct(); // warm up both paths
    await autocannon({ url: started.url + c.path, connections, duration: 1 });
    const http = await autocannon({ url: started.url + c.path, connections, duration: seconds });
    if (http.non2xx || http.errors || http.timeouts) throw new Error(`${c.path}: ${http.non2xx} non-2xx, ${http.errors} errors, ${http.timeouts} timeouts`);
    const direct = await loop(c.direct);
    rows.push([
      c.name,
      http.requests.average.toFixed(0),
      http.latency.p50.toFixed(1),
      http.latency.p99.toFixed(1),
      direct.rate.toFixed(0),
      direct.p50.toFixed(1),
      direct.p99.toFixed(1),
      (direct.rate / http.requests.average).toFixed(2),
    ]);
    console.log(`${c.path}: done`);
  }
  const header = ["query", "API req/s", "p50 ms", "p99 ms", "pg q/s", "p50 ms", "p99 ms", "pg/API"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  console.log(`\n${line(header)}\n${line(widths.map((w) => "-".repeat(w)))}`);
  for (const r of rows) console.log(line(r));
  console.log("\npg/API: how many times more requests per second the same SQL serves without the API (HTTP, validation, JSON).");
} finally {
  if (api && api.exitCode === null) {
    const exited = new Promise((resolve) => api!.once("exit", resolve));
    api.kill("SIGTERM");
    await exited;
  }
  await pool?.end();
  if (corpusDir) fs.rmSync(corpusDir, { recursive: true, force: true });
  await scratch?.stop();
}
