// npm run bench:import [-- --articles 10000] [--seed N]: on a corpus generated
// from a seed (bench/generated-corpus.ts), prints the full import into a
// throwaway embedded Postgres (articles/s, whole process), peak memory, the
// knowledge base's size, the re-import rate of the unchanged articles, the
// store alone (the sample's articles extracted beforehand, then stored into an
// empty database) to tell the store's share from extraction's, and extraction
// throughput (MB of article text per second per core, in this thread).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { pino } from "pino";
import { createPrisma } from "../src/db/client.ts";
import { startScratchPostgres } from "../src/db/scratch.ts";
import { ArticleReader } from "../src/extraction/assemble.ts";
import { loadGazetteer } from "../src/extraction/gazetteer.ts";
import { derivedDrift } from "../src/db/derived.ts";
import { primaryReader } from "../src/db/reader.ts";
import { extractArticle, gazetteer } from "../src/import/extract.ts";
import { isSkipped, readInputs } from "../src/import/readers.ts";
import { BATCH, importPaths } from "../src/import/run.ts";
import { ArticleStore, type PreparedArticle } from "../src/import/store/index.ts";
import { generateCorpus } from "./generated-corpus.ts";

const { values } = parseArgs({ options: { articles: { type: "string", default: "2000" }, seed: { type: "string", default: "20261201" } } });
const n = Number(values.articles);
const corpus = generateCorpus(n, Number(values.seed));
const mb = corpus.bytes / 1e6;
console.log(`corpus: ${n} generated articles (seed ${values.seed}), ${mb.toFixed(1)} MB`);
console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);

const sample = fs.readdirSync(corpus.dir).sort().slice(0, 2000).map((f) => path.join(corpus.dir, f));

/**
 * Extraction alone, in this thread, on the sample (at most 2,000 articles): the first pass, while the code
 * is compiled and optimized, then the median of five passes more (the rate through most of an archive's
 * import), each in CPU seconds of the whole process. Measured last: run before the import, its passes cost
 * the import that follows in this process about a tenth.
 */
function measureExtraction(): void {
  const files = sample.map((f) => fs.readFileSync(f, "utf8"));
  const reader = new ArticleReader(loadGazetteer());
  const sampleMb = files.reduce((s, t) => s + Buffer.byteLength(t), 0) / 1e6;
  const extractionPass = (): number => {
    const cpu = process.cpuUsage();
    for (const text of files) reader.read(text);
    const used = process.cpuUsage(cpu);
    return sampleMb / ((used.user + used.system) / 1e6);
  };
  const firstPass = extractionPass();
  const passes = Array.from({ length: 5 }, extractionPass);
  const warm = [...passes].sort((a, b) => a - b)[2]!;
  console.log(
    `extraction:             ${warm.toFixed(2)} MB/s per core (${((files.length / sampleMb) * warm).toFixed(0)} articles/s, ${files.length} articles; ` +
      `passes ${passes.map((x) => x.toFixed(2)).join(", ")}; first pass ${firstPass.toFixed(2)})`,
  );
}

/** A logger that prints the running rate on stderr at each tenth of the corpus, for long runs. */
function progress(total: number, started: number) {
  let stored = 0;
  const step = Math.max(1, Math.ceil(total / 10));
  return pino({ level: "debug" }, {
    write(line: string) {
      if (!line.includes('"msg":"article"') || ++stored % step !== 0) return;
      const s = (performance.now() - started) / 1000;
      process.stderr.write(`  ${stored} articles stored, ${(stored / s).toFixed(1)} articles/s so far (${s.toFixed(0)} s)\n`);
    },
  });
}

const pg = await startScratchPostgres(pino({ level: "warn" }));
try {
  const prisma = createPrisma(await pg.createDatabase("bench"));
  let t = performance.now();
  const s = await importPaths(prisma, [corpus.dir], { log: progress(n, performance.now()) });
  const importS = (performance.now() - t) / 1000;
  console.log(`import:                 ${(n / importS).toFixed(1)} articles/s (${importS.toFixed(1)} s; ${s.imported} imported, ${s.skipped.length} skipped)`);
  const [c] = await prisma.$queryRaw<{ events: bigint; officials: bigint; agreements: bigint; mentions: bigint; sources: bigint; size: string }[]>`
    SELECT (SELECT count(*) FROM events) events, (SELECT count(*) FROM officials) officials, (SELECT count(*) FROM agreements) agreements,
           (SELECT count(*) FROM official_mentions) mentions, (SELECT count(*) FROM event_sources) sources,
           pg_size_pretty(pg_database_size(current_database())) size`;
  console.log(`knowledge base:         ${c!.events} events (${c!.sources} reports), ${c!.officials} officials (${c!.mentions} mentions), ${c!.agreements} agreements; ${c!.size}`);
  t = performance.now();
  const again = await importPaths(prisma, [corpus.dir]);
  const againS = (performance.now() - t) / 1000;
  console.log(`re-import (unchanged):  ${(n / againS).toFixed(0)} articles/s (${again.unchanged} unchanged)`);
  console.log(`peak RSS:               ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB (this process with its threads; Postgres apart)`);
  const drift = await derivedDrift(primaryReader(prisma));
  console.log(`derived data:           ${drift.keys} events' filter keys and ${drift.rollups} rollup cells off what the links say`);
  await prisma.$disconnect();

  // The store alone: the sample extracted first, then stored in batches as the importer does.
  const prepared: PreparedArticle[] = [];
  for await (const r of readInputs(sample)) if (!isSkipped(r)) prepared.push(extractArticle(r, corpus.dir));
  const alone = createPrisma(await pg.createDatabase("bench_store"));
  const store = new ArticleStore(alone, gazetteer());
  t = performance.now();
  let failed = 0;
  for (let i = 0; i < prepared.length; i += BATCH) failed += (await store.storeBatch(prepared.slice(i, i + BATCH))).filter((o) => "error" in o).length;
  const storeS = (performance.now() - t) / 1000;
  console.log(`store alone:            ${(prepared.length / storeS).toFixed(1)} articles/s (${prepared.length} articles extracted beforehand, ${failed} failed)`);
  await alone.$disconnect();
  measureExtraction();
} finally {
  await pg.stop();
  fs.rmSync(corpus.dir, { recursive: true, force: true });
}
