// npm run bench:api [-- --events 1000000 --seed 1 | --articles 100] [--seconds 5 --connections 10 --runs 3 --load wrk|autocannon]:
// the API's queries under load (wrk, else autocannon: http-load.ts, against
// `npm run serve` in its own process) against the same SQL run directly with pg at the same concurrency
// (each statement named and planned as the API's reader plans it),
// so that the API's overhead reads as a ratio. The SQL of each request is
// captured by running it in-process through a recording reader (twice: the second's). With
// --runs N each query is measured N times (API and pg in turn) and the table
// gives the medians. --floor also measures a bare node:http server running the
// same statements (http-floor.ts), in turn with them: floor/pg is what HTTP on
// this machine leaves of the SQL's rate, API/floor what the API keeps of that.
//
// --events N: a synthetic knowledge base of N events (npm run synth), kept in
// an embedded Postgres under .data/bench (BENCH_PGDATA) and made once per size
// and seed, then reused. Else DATABASE_URL when set (the seeds imported into
// it), else a throwaway embedded Postgres with the seed articles repeated,
// their years shifted (--articles). --api-dir serves the API from another
// checkout (an older version, as the baseline) without comparing its SQL.
// API_PROCESSES=N in the environment serves it as N processes; its CPU time
// and memory are then those of all of them.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { pino } from "pino";
import { createPrisma } from "../src/db/client.ts";
import { startEmbeddedPostgres, type EmbeddedServer } from "../src/db/embedded.ts";
import { migrate } from "../src/db/migrate.ts";
import { poolReader, READ_SESSION, type Reader } from "../src/db/reader.ts";
import { freePort, startScratchPostgres, type ScratchPostgres } from "../src/db/scratch.ts";
import { loadGazetteer } from "../src/extraction/gazetteer.ts";
import { importPaths } from "../src/import/run.ts";
import { synthesize } from "../src/synth/generate.ts";
import { readArticles, shiftedCorpus } from "./corpus.ts";
import { httpLoad, wrkInstalled, type LoadGenerator, type LoadResult } from "./http-load.ts";
import { requestStatements } from "./request-statements.ts";

const { values } = parseArgs({
  options: {
    events: { type: "string" },
    seed: { type: "string", default: "1" },
    articles: { type: "string", default: "100" },
    seconds: { type: "string", default: "5" },
    connections: { type: "string", default: "10" },
    runs: { type: "string", default: "1" },
    only: { type: "string" },
    // Another checkout of hoptac to serve the API from (an older version as the baseline); its SQL is not compared.
    "api-dir": { type: "string" },
    // The HTTP load generator: wrk when installed, else autocannon (http-load.ts).
    load: { type: "string" },
    // A folder for the API process's CPU profile (node --cpu-prof), written when it stops.
    profile: { type: "string" },
    // Also measure the bare HTTP server's floor (http-floor.ts).
    floor: { type: "boolean", default: false },
  },
});
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const runs = Math.max(1, Number(values.runs));
const load = (values.load ?? (wrkInstalled() ? "wrk" : "autocannon")) as LoadGenerator;
if (load !== "wrk" && load !== "autocannon") throw new Error(`--load ${load}: wrk or autocannon`);
const SEEDS = "data/seeds";
const log = pino({ level: "warn" });

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : Number.NaN;
}

/** `connections` loops each running `op` back to back for the duration; ops/s and latency percentiles in ms. */
async function loop(op: () => Promise<unknown>): Promise<{ rate: number; p50: number; p99: number; cpu: number }> {
  const latencies: number[] = [];
  const cpu = process.cpuUsage();
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
  const used = process.cpuUsage(cpu);
  latencies.sort((a, b) => a - b);
  return { rate: latencies.length / elapsed, p50: percentile(latencies, 50), p99: percentile(latencies, 99), cpu: (used.user + used.system) / 1000 / latencies.length };
}

/**
 * The node arguments of a checkout's `npm run serve` (`exec node <these>`), so
 * that the API runs here as it is served; an older checkout's script that is
 * not `node …` is run as `--import tsx src/cli/serve.ts`.
 */
function serveArgs(dir: string): string[] {
  const script = (JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts.serve ?? "";
  const match = /^(?:exec )?node (.+)$/.exec(script.trim());
  return match ? match[1]!.split(/\s+/) : ["--import", "tsx", "src/cli/serve.ts"];
}

async function startApi(databaseUrl: string, dir = ".", profileDir?: string): Promise<{ url: string; child: ChildProcess }> {
  const profile = profileDir ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(profileDir)}`] : [];
  return startServer([...profile, ...serveArgs(dir)], dir, { DATABASE_URL: databaseUrl, DATABASE_READ_URL: "", LOG_LEVEL: "warn", RATE_LIMIT_MAX: "1000000000", API_KEY: "" });
}

/** SIGTERM, and its exit awaited. */
async function stop(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

/** The bare HTTP server of http-floor.ts, answering these paths. */
function startFloor(databaseUrl: string, paths: string[]): Promise<{ url: string; child: ChildProcess }> {
  return startServer(["--import", "tsx", "bench/http-floor.ts"], ".", { DATABASE_URL: databaseUrl, FLOOR_PATHS: JSON.stringify(paths) });
}

/** A node process that prints `serving <url>` once it listens on PORT. */
async function startServer(args: string[], dir: string, env: Record<string, string>): Promise<{ url: string; child: ChildProcess }> {
  const port = String(await freePort());
  const child = spawn(process.execPath, args, {
    cwd: dir,
    env: { ...process.env, ...env, PORT: port, HOST: "127.0.0.1" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const match = /serving (http:\/\/\S+)/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.once("exit", (code) => reject(new Error(`${args.at(-1)} exited (${code}) before it listened`)));
  });
  return { url, child };
}

/** A process and its descendants (the API's workers with API_PROCESSES, and their helpers); just `pid` where /proc is missing. */
function processTree(pid: number): number[] {
  const parents = new Map<number, number>();
  try {
    for (const entry of fs.readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
        parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
      } catch {
        // gone meanwhile
      }
    }
  } catch {
    return [pid];
  }
  const tree = new Set([pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [child, parent] of parents) {
      if (tree.has(parent) && !tree.has(child)) {
        tree.add(child);
        grew = true;
      }
    }
  }
  return [...tree];
}

/** Resident memory of a process and its descendants, in MiB; NaN where /proc is missing. */
function rssMiB(pid: number): number {
  try {
    let kib = 0;
    for (const p of processTree(pid)) kib += Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${p}/status`, "utf8"))?.[1] ?? 0);
    return kib / 1024;
  } catch {
    return Number.NaN;
  }
}

/** CPU time (user + system) a process and its descendants have used, in ms; NaN where /proc is missing. Linux counts it in ticks of 10 ms. */
function cpuMs(pid: number): number {
  try {
    let ticks = 0;
    for (const p of processTree(pid)) {
      const stat = fs.readFileSync(`/proc/${p}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    }
    return ticks * 10;
  } catch {
    return Number.NaN;
  }
}

/** The synthetic knowledge base of this size and seed, made when missing. */
async function synthDatabase(server: EmbeddedServer, events: number, seed: number): Promise<string> {
  const name = `synth_${events}_s${seed}`;
  const admin = new pg.Client({ connectionString: server.adminUrl });
  await admin.connect();
  const exists = (await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])).rowCount! > 0;
  const url = new URL(server.adminUrl);
  url.pathname = `/${name}`;
  if (!exists) {
    console.log(`making ${name} (npm run synth; once, kept in ${server.adminUrl.replace(/\/\/[^@]*@/, "//")})`);
    await admin.query(`CREATE DATABASE "${name}_new"`);
    const building = new URL(url);
    building.pathname = `/${name}_new`;
    await migrate(building.toString(), { log });
    const client = new pg.Client({ connectionString: building.toString() });
    await client.connect();
    const t = performance.now();
    await client.query("BEGIN");
    await synthesize(client, loadGazetteer(), { events, seed, onStep: (s) => console.log(`  ${((performance.now() - t) / 1000).toFixed(0).padStart(5)} s  ${s}`) });
    await client.query("COMMIT");
    await client.query("VACUUM ANALYZE");
    await client.end();
    await admin.query(`ALTER DATABASE "${name}_new" RENAME TO "${name}"`);
  }
  await admin.end();
  await migrate(url.toString(), { log });
  return url.toString();
}

interface Case {
  name: string;
  path: string;
  /** Request headers beyond the load generator's own (an Accept-Encoding, as browsers and HTTP libraries send). */
  headers?: Record<string, string>;
}

/** The queries of the issue's table, with ids and names taken from the knowledge base. */
async function synthCases(db: pg.Pool): Promise<Case[]> {
  const one = async <T>(text: string) => (await db.query<T & pg.QueryResultRow>(text)).rows[0]!;
  const mps = await one<{ id: number }>("SELECT id FROM ministries WHERE code = 'VN-MPS'");
  const official = await one<{ id: number }>("SELECT official_id AS id FROM event_participants GROUP BY 1 ORDER BY count(*) DESC LIMIT 1");
  const rare = await one<{ id: number }>("SELECT id FROM officials WHERE country_code = 'CU' ORDER BY id LIMIT 1");
  const topic = await one<{ key: string }>("SELECT key FROM event_rollups WHERE scope = '' AND dim = 'topic' GROUP BY key ORDER BY sum(events) DESC LIMIT 1 OFFSET 2");
  const event = await one<{ id: number }>("SELECT id FROM events ORDER BY id OFFSET (SELECT count(*) / 2 FROM events) LIMIT 1");
  return [
    { name: "/v1/events?limit=50", path: "/v1/events?limit=50" },
    { name: "/v1/events?limit=50, brotli", path: "/v1/events?limit=50", headers: { "accept-encoding": "gzip, deflate, br" } },
    { name: "/v1/events?limit=50, gzip", path: "/v1/events?limit=50", headers: { "accept-encoding": "gzip, deflate" } },
    { name: "events of one country", path: "/v1/events?country=CU" },
    { name: "events of two countries", path: "/v1/events?country=VN&country=CU" },
    { name: "events of one ministry", path: `/v1/events?ministry=${mps.id}` },
    { name: "events of one official", path: `/v1/events?official=${official.id}` },
    { name: "events of a rare official", path: `/v1/events?official=${rare.id}` },
    { name: "type + topic", path: `/v1/events?type=talks&topic=${topic.key}` },
    { name: "one year, newest first", path: "/v1/events?from=2020&to=2020" },
    { name: "one year, oldest first", path: "/v1/events?from=2020&to=2020&sort=date" },
    { name: "q= text", path: "/v1/events?q=cuba" },
    { name: "q= text, a name with no hit", path: "/v1/events?q=nguyen%20van%20an" },
    { name: "q= text, two common words", path: "/v1/events?q=an%20ninh" },
    { name: "q= text, a name of two words", path: "/v1/events?q=to%20lam" },
    { name: "q= text, a name of three words", path: "/v1/events?q=luyen%20hong%20chinh" },
    { name: "q= text, four common words", path: "/v1/events?q=hop%20tac%20an%20ninh" },
    { name: "/v1/search", path: "/v1/search?q=cuba" },
    { name: "/v1/search, a typo", path: "/v1/search?q=campuchea" },
    { name: "/v1/search, a name with no hit", path: "/v1/search?q=nguyen%20van%20an" },
    { name: "/v1/search, a name of two words", path: "/v1/search?q=to%20lam" },
    { name: "/v1/search, a name of three words", path: "/v1/search?q=luyen%20hong%20chinh" },
    { name: "/v1/search, a common word rare among short summaries", path: "/v1/search?q=tiep" },
    { name: "/v1/search, two letters", path: "/v1/search?q=vu" },
    { name: "/v1/officials?q=", path: "/v1/officials?q=nguyen%20van" },
    { name: "agreements of a country", path: "/v1/agreements?country=CU" },
    { name: "/v1/articles", path: "/v1/articles" },
    { name: "one event by id", path: `/v1/events/${event.id}` },
    { name: "one official by id", path: `/v1/officials/${rare.id}` },
    { name: "an official's mentions, oldest first", path: `/v1/officials/${rare.id}/mentions?sort=date` },
    { name: "/v1/stats?group_by=country", path: "/v1/stats?group_by=country" },
    { name: "stats by year for a country", path: "/v1/stats?group_by=year&country=CU" },
    { name: "stats by ministry, type + years", path: "/v1/stats?group_by=ministry&type=visit&from=2015&to=2020" },
    { name: "stats by topic, two countries", path: "/v1/stats?group_by=topic&country=VN&country=CU" },
    { name: "stats by country, one official", path: `/v1/stats?group_by=country&official=${official.id}` },
    { name: "stats by topic, one year", path: "/v1/stats?group_by=topic&from=2019&to=2019" },
    { name: "stats by country, a country + years", path: "/v1/stats?group_by=country&country=CU&from=2015&to=2020" },
    { name: "stats by type, q= text", path: "/v1/stats?group_by=type&q=cuba" },
    { name: "stats by type, q= a name with no hit", path: "/v1/stats?group_by=type&q=nguyen%20van%20an" },
    { name: "a country's timeline", path: "/v1/countries/CU/timeline" },
  ];
}

async function seedCases(db: pg.Pool): Promise<Case[]> {
  const toLam = (await db.query<{ id: number }>("SELECT id FROM officials WHERE name = 'Tô Lâm' ORDER BY id LIMIT 1")).rows[0]?.id;
  if (toLam === undefined) throw new Error("Tô Lâm is not in the knowledge base");
  return [
    { name: "events of Cuba", path: "/v1/events?country=CU" },
    { name: "events, text 'to lam'", path: "/v1/events?q=to%20lam" },
    { name: "official with timeline", path: `/v1/officials/${toLam}` },
    { name: "search 'to lam'", path: "/v1/search?q=to%20lam" },
  ];
}

let scratch: ScratchPostgres | undefined;
let server: EmbeddedServer | undefined;
let pool: pg.Pool | undefined;
let pgReader: Reader | undefined;
let api: ChildProcess | undefined;
let floor: ChildProcess | undefined;
let corpusDir: string | undefined;
let reader: Reader | undefined;
try {
  console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
  let databaseUrl: string;
  if (values.events !== undefined) {
    const events = Number(values.events);
    const seed = Number(values.seed);
    server = await startEmbeddedPostgres({
      dataDir: path.resolve(process.env.BENCH_PGDATA ?? ".data/bench"),
      port: await freePort(),
      log,
      database: "postgres",
      postgresFlags: ["-c", "shared_buffers=1GB", "-c", "max_wal_size=8GB", "-c", "synchronous_commit=off", "-c", "max_connections=200"],
    });
    databaseUrl = await synthDatabase(server, events, seed);
    console.log(`database: synthetic knowledge base of ${events} events (seed ${seed}), embedded PostgreSQL, shared_buffers 1 GB`);
  } else if (process.env.DATABASE_URL) {
    databaseUrl = process.env.DATABASE_URL;
    await migrate(databaseUrl, { log });
    const prisma = createPrisma(databaseUrl);
    await importPaths(prisma, [SEEDS]);
    await prisma.$disconnect();
    console.log("database: DATABASE_URL, with the seed articles imported");
  } else {
    scratch = await startScratchPostgres(log);
    databaseUrl = await scratch.createDatabase("bench_api");
    const articles = Number(values.articles);
    corpusDir = shiftedCorpus(readArticles([SEEDS]), articles).dir;
    const prisma = createPrisma(databaseUrl);
    await importPaths(prisma, [corpusDir]);
    await prisma.$disconnect();
    console.log(`database: throwaway embedded PostgreSQL, ${articles} articles (the seeds repeated, years shifted)`);
  }
  // The API's read settings, for the benchmark's own statements.
  pool = new pg.Pool({ connectionString: databaseUrl, max: connections, options: READ_SESSION });
  pool.on("error", (err) => console.error(`pg: ${err.message}`));
  const db = pool;
  // The same SQL over pg as the API's reader runs it: its pools of plain pg
  // connections, each statement named, planned for its values or once per
  // connection (samePlan).
  const overPgReader = poolReader([databaseUrl], { poolSize: connections, onError: (err) => console.error(`pg: ${err.message}`) });
  pgReader = overPgReader;
  await db.query("ANALYZE");
  const sizes = (
    await db.query<{ events: number; officials: number; agreements: number; articles: number }>(
      "SELECT (SELECT count(*) FROM events)::int AS events, (SELECT count(*) FROM officials)::int AS officials, (SELECT count(*) FROM agreements)::int AS agreements, (SELECT count(*) FROM articles)::int AS articles",
    )
  ).rows[0]!;
  console.log(`${sizes.events} events, ${sizes.officials} officials, ${sizes.agreements} agreements, ${sizes.articles} articles`);
  let cases = values.events !== undefined ? await synthCases(db) : await seedCases(db);
  // --only a|b: the queries whose name or path contains any of these.
  const only = values.only?.split("|");
  if (only) cases = cases.filter((c) => only.some((o) => c.name.includes(o) || c.path.includes(o)));

  reader = poolReader([databaseUrl], { poolSize: 2 });
  const sqlOf = await requestStatements(databaseUrl, reader, cases.map((c) => c.path));

  const apiDir = values["api-dir"];
  const started = await startApi(databaseUrl, apiDir, values.profile);
  api = started.child;
  console.log(`API: ${started.url} (npm run serve in its own process${apiDir ? `, from ${apiDir}` : ""}); ${load}, ${connections} connections, ${seconds} s per run, ${runs} run(s) per query (medians)`);
  const floorServer = values.floor ? await startFloor(databaseUrl, cases.map((c) => c.path)) : undefined;
  floor = floorServer?.child;
  if (floorServer) console.log(`floor: ${floorServer.url} (bench/http-floor.ts in its own process)`);
  console.log(`load average before: ${os.loadavg().map((l) => l.toFixed(2)).join(", ")}\n`);

  console.log(`API RSS at start: ${rssMiB(api.pid!).toFixed(0)} MiB`);
  const rows: string[][] = [];
  for (const c of cases) {
    const queries = sqlOf.get(c.path)!;
    // As the API runs them: the first ones side by side (a page and its count).
    const overPg = () => Promise.all(queries.map((q) => overPgReader.query(q)));
    for (let i = 0; i < 20; i++) await overPg(); // warm up both paths
    await httpLoad(load, { url: started.url + c.path, connections, seconds: 1, headers: c.headers });
    if (floorServer) await httpLoad(load, { url: floorServer.url + c.path, connections, seconds: 1, headers: c.headers });
    const https: LoadResult[] = [];
    const raws: { rate: number; p50: number; p99: number; cpu: number }[] = [];
    const apiCpu: number[] = [];
    const floors: number[] = [];
    for (let run = 0; run < runs; run++) {
      const cpuBefore = cpuMs(api.pid!);
      const http = await httpLoad(load, { url: started.url + c.path, connections, seconds, headers: c.headers });
      apiCpu.push((cpuMs(api.pid!) - cpuBefore) / http.requests);
      if (http.failures && apiDir === undefined) throw new Error(`${c.path}: ${http.failures} of ${http.requests} responses failed (non-2xx, socket errors or timeouts)`);
      https.push(http);
      if (floorServer) floors.push((await httpLoad(load, { url: floorServer.url + c.path, connections, seconds, headers: c.headers })).rate);
      raws.push(apiDir === undefined ? await loop(overPg) : { rate: Number.NaN, p50: Number.NaN, p99: Number.NaN, cpu: Number.NaN });
    }
    const http = { rate: median(https.map((h) => h.rate)), p50: median(https.map((h) => h.p50)), p99: median(https.map((h) => h.p99)), cpu: median(https.map((h) => h.cpuMsPerRequest)) };
    const raw = { rate: median(raws.map((r) => r.rate)), p50: median(raws.map((r) => r.p50)), p99: median(raws.map((r) => r.p99)), cpu: median(raws.map((r) => r.cpu)) };
    rows.push([
      c.name,
      http.rate.toFixed(0),
      http.p50.toFixed(1),
      http.p99.toFixed(1),
      raw.rate.toFixed(0),
      raw.p50.toFixed(1),
      raw.p99.toFixed(1),
      (http.rate / raw.rate).toFixed(2),
      ...(floorServer ? [median(floors).toFixed(0), (median(floors) / raw.rate).toFixed(2), (http.rate / median(floors)).toFixed(2)] : []),
      String(queries.length),
      median(apiCpu).toFixed(2),
      http.cpu.toFixed(2),
      raw.cpu.toFixed(2),
      rssMiB(api.pid!).toFixed(0),
    ]);
    console.log(`${c.path}${c.headers ? ` (${c.name})` : ""}: ${https.map((h) => `${h.rate.toFixed(0)} req/s p99 ${h.p99.toFixed(1)} ms`).join("; ")}`);
  }
  const header = ["query", "API req/s", "p50 ms", "p99 ms", "pg q/s", "p50 ms", "p99 ms", "API/pg", ...(floorServer ? ["floor req/s", "floor/pg", "API/floor"] : []), "SQL", "API CPU ms/req", "load CPU ms/req", "pg client CPU ms/q", "API RSS MiB"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(" | ")} |`;
  console.log(`\n${line(header)}\n${line(widths.map((w) => "-".repeat(w)))}`);
  for (const r of rows) console.log(line(r));
  console.log(`\nload average after: ${os.loadavg().map((l) => l.toFixed(2)).join(", ")}`);
  console.log("API/pg: the API's requests per second over the same SQL's run directly with pg, each statement named and planned as the API's reader plans it (SQL: statements per request, run side by side); floor: the requests per second of a bare node:http server running the same statements and sending their rows as JSON (--floor); API CPU: the CPU time (user + system) the API process used per request while under load, load CPU: the load generator's, pg client CPU: the benchmark's own per run of the SQL over pg; API RSS: its resident memory after the query's runs.");
} finally {
  await stop(api);
  await stop(floor);
  await reader?.close();
  await pool?.end();
  await pgReader?.close();
  if (corpusDir) fs.rmSync(corpusDir, { recursive: true, force: true });
  await scratch?.stop();
  await server?.stop();
}
