// npm run bench:import [-- --articles 2000]: import throughput, in articles/s,
// of the extraction alone and of the full import into a throwaway embedded
// Postgres, on a corpus made by repeating the bundled articles with their
// years shifted (so that some reports merge and most do not).
import fs from "node:fs";
import os from "node:os";
import { parseArgs } from "node:util";
import { pino } from "pino";
import { createPrisma } from "../src/db/client.ts";
import { startScratchPostgres } from "../src/db/scratch.ts";
import { ArticleReader } from "../src/extraction/assemble.ts";
import { loadGazetteer } from "../src/extraction/gazetteer.ts";
import { importPaths } from "../src/import/run.ts";
import { readArticles, shiftedCorpus } from "./corpus.ts";

const { values } = parseArgs({ options: { articles: { type: "string", default: "2000" } } });
const n = Number(values.articles);
const bases = readArticles(["data/seeds", "tests/fixtures/articles", "../shared/corpus/dev"]);
const { dir, texts } = shiftedCorpus(bases, n);
const mb = texts.reduce((s, t) => s + Buffer.byteLength(t), 0) / 1e6;
console.log(`corpus: ${n} articles (${bases.length} distinct bases, years shifted), ${mb.toFixed(1)} MB`);
console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);

const reader = new ArticleReader(loadGazetteer());
let t = performance.now();
for (const text of texts) reader.read(text);
const extractS = (performance.now() - t) / 1000;
console.log(`extraction only:        ${(n / extractS).toFixed(1)} articles/s (${extractS.toFixed(1)} s)`);

const pg = await startScratchPostgres(pino({ level: "warn" }));
try {
  const prisma = createPrisma(await pg.createDatabase("bench"));
  t = performance.now();
  const s = await importPaths(prisma, [dir]);
  const importS = (performance.now() - t) / 1000;
  console.log(`full import (Postgres): ${(n / importS).toFixed(1)} articles/s (${importS.toFixed(1)} s; ${s.imported} imported, ${s.skipped.length} skipped)`);
  const counts = await prisma.$queryRaw<{ events: bigint; officials: bigint; agreements: bigint }[]>`
    SELECT (SELECT count(*) FROM events) events, (SELECT count(*) FROM officials) officials, (SELECT count(*) FROM agreements) agreements`;
  const c = counts[0]!;
  console.log(`knowledge base: ${c.events} events, ${c.officials} officials, ${c.agreements} agreements`);
  t = performance.now();
  const again = await importPaths(prisma, [dir]);
  const againS = (performance.now() - t) / 1000;
  console.log(`re-import (unchanged):  ${(n / againS).toFixed(1)} articles/s (${again.unchanged} unchanged)`);
  console.log(`store share of import time: ${(((importS - extractS) / importS) * 100).toFixed(0)}%`);
  await prisma.$disconnect();
} finally {
  await pg.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}
