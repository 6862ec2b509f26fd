// npm run bench:import [-- --articles 10000] [--seed N]: on a corpus generated
// from a seed (bench/generated-corpus.ts), prints extraction throughput (MB of
// article text per second per core, in this thread), the full import into a
// throwaway embedded Postgres (articles/s, whole process), peak memory, the
// knowledge base's size, and the re-import rate of the unchanged articles.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { pino } from "pino";
import { createPrisma } from "../src/db/client.ts";
import { startScratchPostgres } from "../src/db/scratch.ts";
import { ArticleReader } from "../src/extraction/assemble.ts";
import { loadGazetteer } from "../src/extraction/gazetteer.ts";
import { importPaths } from "../src/import/run.ts";
import { generateCorpus } from "./generated-corpus.ts";

const { values } = parseArgs({ options: { articles: { type: "string", default: "2000" }, seed: { type: "string", default: "20261201" } } });
const n = Number(values.articles);
const corpus = generateCorpus(n, Number(values.seed));
const mb = corpus.bytes / 1e6;
console.log(`corpus: ${n} generated articles (seed ${values.seed}), ${mb.toFixed(1)} MB`);
console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);

// Extraction alone, one thread, on a sample of the corpus (at most 2,000 articles).
const files = fs.readdirSync(corpus.dir).sort().slice(0, 2000).map((f) => fs.readFileSync(path.join(corpus.dir, f), "utf8"));
const reader = new ArticleReader(loadGazetteer());
for (const text of files.slice(0, 50)) reader.read(text);
const cpu = process.cpuUsage();
for (const text of files) reader.read(text);
const extractS = process.cpuUsage(cpu).user / 1e6;
const sampleMb = files.reduce((s, t) => s + Buffer.byteLength(t), 0) / 1e6;
console.log(`extraction:             ${(sampleMb / extractS).toFixed(2)} MB/s per core (${(files.length / extractS).toFixed(0)} articles/s, ${files.length} articles)`);

const pg = await startScratchPostgres(pino({ level: "warn" }));
try {
  const prisma = createPrisma(await pg.createDatabase("bench"));
  let t = performance.now();
  const s = await importPaths(prisma, [corpus.dir], { threads: os.availableParallelism() });
  const importS = (performance.now() - t) / 1000;
  console.log(`import:                 ${(n / importS).toFixed(1)} articles/s (${importS.toFixed(1)} s; ${s.imported} imported, ${s.skipped.length} skipped)`);
  const [c] = await prisma.$queryRaw<{ events: bigint; officials: bigint; agreements: bigint; mentions: bigint; sources: bigint; size: string }[]>`
    SELECT (SELECT count(*) FROM events) events, (SELECT count(*) FROM officials) officials, (SELECT count(*) FROM agreements) agreements,
           (SELECT count(*) FROM official_mentions) mentions, (SELECT count(*) FROM event_sources) sources,
           pg_size_pretty(pg_database_size(current_database())) size`;
  console.log(`knowledge base:         ${c!.events} events (${c!.sources} reports), ${c!.officials} officials (${c!.mentions} mentions), ${c!.agreements} agreements; ${c!.size}`);
  t = performance.now();
  const again = await importPaths(prisma, [corpus.dir], { threads: os.availableParallelism() });
  const againS = (performance.now() - t) / 1000;
  console.log(`re-import (unchanged):  ${(n / againS).toFixed(0)} articles/s (${again.unchanged} unchanged)`);
  console.log(`peak RSS:               ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB (this process with its threads; Postgres apart)`);
  await prisma.$disconnect();
} finally {
  await pg.stop();
  fs.rmSync(corpus.dir, { recursive: true, force: true });
}
