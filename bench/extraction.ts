// npm run bench:extraction [-- --articles 1000] [--rounds 5]: extraction alone,
// in this one thread, on the real corpora read in place (../shared/corpus/dev
// and raw) and on a corpus generated from a seed. Prints MB of article text
// per second of CPU time (per core) for each, the median of the rounds.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { extractArticle, InputError } from "../src/import/extract.ts";
import { isSkipped, readInputs } from "../src/import/readers.ts";
import type { RawArticle } from "../src/import/types.ts";
import { generateCorpus } from "./generated-corpus.ts";

const { values } = parseArgs({
  options: { articles: { type: "string", default: "1000" }, rounds: { type: "string", default: "5" }, seed: { type: "string", default: "20261201" } },
});
const rounds = Math.max(1, Number(values.rounds));
const SHARED = path.resolve(import.meta.dirname, "../../shared/corpus");

async function load(dir: string): Promise<{ root: string; articles: RawArticle[] }> {
  const articles: RawArticle[] = [];
  for await (const r of readInputs([dir])) if (!isSkipped(r)) articles.push(r);
  return { root: dir, articles };
}

function extractAll(set: { root: string; articles: RawArticle[] }): void {
  for (const a of set.articles) {
    try {
      extractArticle(a, set.root);
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
    }
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, Node ${process.version}`);
const generated = generateCorpus(Number(values.articles), Number(values.seed));
try {
  const sets: [string, { root: string; articles: RawArticle[] }][] = [];
  for (const name of ["dev", "raw"]) {
    const dir = path.join(SHARED, name);
    if (fs.existsSync(dir)) sets.push([`corpus/${name}`, await load(dir)]);
  }
  sets.push([`generated (${values.articles}, seed ${values.seed})`, await load(generated.dir)]);
  for (const [, set] of sets) extractAll(set); // warm-up: gazetteer, caches, JIT

  for (const [name, set] of sets) {
    const mb = set.articles.reduce((s, a) => s + Buffer.byteLength(a.text), 0) / 1e6;
    const rates: number[] = [];
    for (let r = 0; r < rounds; r++) {
      const cpu = process.cpuUsage();
      extractAll(set);
      const used = process.cpuUsage(cpu);
      rates.push(mb / ((used.user + used.system) / 1e6));
    }
    const m = median(rates);
    console.log(`${name.padEnd(32)} ${m.toFixed(2)} MB/s per core (median of ${rounds}; ${set.articles.length} articles, ${mb.toFixed(2)} MB; ${((set.articles.length / mb) * m).toFixed(0)} articles/s)`);
  }
} finally {
  fs.rmSync(generated.dir, { recursive: true, force: true });
}
