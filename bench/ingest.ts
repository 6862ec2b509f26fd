// npm run bench:ingest [-- --kb 150 --runs 3]: how much ingesting one long
// article holds up the server. While POST /v1/articles ingests an article of
// the given size (extraction in the worker pool), /health is asked again and
// again on a keep-alive connection; then the same with extraction inline on
// the event loop, as a baseline. Prints the ingest time and /health's
// latencies (medians over the runs) and the ratio of the worst waits.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { parseArgs } from "node:util";
import { pino } from "pino";
import { buildApp } from "../src/api/app.ts";
import { loadConfig } from "../src/config/env.ts";
import { createPrisma } from "../src/db/client.ts";
import { startScratchPostgres } from "../src/db/scratch.ts";
import { importRecord } from "../src/import/run.ts";
import { longArticleText, SHORT_TEXT } from "../tests/helpers/articles.ts";

const { values } = parseArgs({ options: { kb: { type: "string", default: "150" }, runs: { type: "string", default: "3" } } });
const chars = Number(values.kb) * 1000;
const runs = Number(values.runs);
const KEY = "bench-ingest-key-0123456789";

const pg = await startScratchPostgres(pino({ level: "warn" }));
const prisma = createPrisma(await pg.createDatabase("bench_ingest"));
const app = await buildApp({ config: loadConfig({ LOG_LEVEL: "silent", API_KEY: KEY, RATE_LIMIT_MAX: "1000000" }), prisma });
// The baseline: the same ingest with extraction on the event loop.
app.post("/bench/inline", async (request) => ({ facts: (await importRecord(prisma, request.body)).facts }));
await app.listen({ host: "127.0.0.1", port: 0 });
const port = (app.server.address() as AddressInfo).port;
const agent = new http.Agent({ keepAlive: true });

function call(method: string, path: string, body?: unknown): Promise<number> {
  const started = performance.now();
  const data = body === undefined ? undefined : JSON.stringify(body);
  const headers = data === undefined ? {} : { "content-type": "application/json", authorization: `Bearer ${KEY}` };
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, method, path, agent, headers }, (res) => {
      res.resume();
      res.on("end", () => (res.statusCode! < 300 ? resolve(performance.now() - started) : reject(new Error(`${path}: ${res.statusCode}`))));
    });
    req.on("error", reject);
    req.end(data);
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const at = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

async function once(path: string, n: number) {
  let done = false;
  const latencies: number[] = [];
  const ingest = call("POST", path, { url: `https://example.org/bench/${path.slice(1).replace("/", "-")}/${n}`, text: longArticleText(chars) }).finally(() => (done = true));
  while (!done) {
    latencies.push(await call("GET", "/health"));
    await new Promise((r) => setTimeout(r, 5));
  }
  const ms = await ingest;
  latencies.sort((a, b) => a - b);
  return { ms, p50: at(latencies, 0.5), p99: at(latencies, 0.99), max: latencies.at(-1)! };
}

// A warm pool thread, as on a server that has ingested before.
await call("POST", "/v1/articles", { url: "https://example.org/bench/warm", text: SHORT_TEXT });
const results: Record<string, Awaited<ReturnType<typeof once>>[]> = { pool: [], inline: [] };
for (let n = 0; n < runs; n++) {
  results.pool!.push(await once("/v1/articles", n));
  results.inline!.push(await once("/bench/inline", n));
}
const fmt = (x: number) => `${x.toFixed(1)} ms`;
console.log(`article of ${chars} characters, ${runs} runs each, medians:`);
for (const [mode, rs] of Object.entries(results)) {
  console.log(
    `  ${mode.padEnd(6)} ingest ${fmt(median(rs.map((r) => r.ms)))}; /health p50 ${fmt(median(rs.map((r) => r.p50)))}, p99 ${fmt(median(rs.map((r) => r.p99)))}, max ${fmt(median(rs.map((r) => r.max)))}`,
  );
}
console.log(`  worst /health wait, inline / pool: ${(median(results.inline!.map((r) => r.max)) / median(results.pool!.map((r) => r.max))).toFixed(1)}×`);

agent.destroy();
await app.close();
await prisma.$disconnect();
await pg.stop();
