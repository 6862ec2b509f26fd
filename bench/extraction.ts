// npm run bench:extraction [-- --articles 1000] [--rounds 5]: extraction alone,
// in this one thread, on the real corpora read in place (../shared/corpus/dev
// and raw) and on a corpus generated from a seed. Prints MB of article text
// per second of CPU time (per core) for each: the median of the rounds, each
// round reading the set over and over for at least a second and a half, after
// a warm-up of every set for at least WARM_S CPU seconds (the rate through an
// archive's import, whose workers run for minutes).
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
const ROUND_S = 1.5;
// V8 compiles and optimizes the extraction's hundreds of functions over its
// first few thousand articles: a single pass of the corpus' 266 left the
// first round at half the rate of the next ones.
const WARM_S = 4;

/** Articles with the folder each was read from (its source key is relative to it). */
type Sample = { root: string; article: RawArticle }[];

async function load(dirs: string[]): Promise<Sample> {
  const out: Sample = [];
  for (const root of dirs) for await (const r of readInputs([root])) if (!isSkipped(r)) out.push({ root, article: r });
  return out;
}

function extractAll(sample: Sample): void {
  for (const { root, article } of sample) {
    try {
      extractArticle(article, root);
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
    }
  }
}

const cpuSeconds = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, Node ${process.version}`);
const generated = generateCorpus(Number(values.articles), Number(values.seed));
try {
  const sets: [string, Sample][] = [];
  const corpora = ["dev", "raw"].map((c) => path.join(SHARED, c)).filter((dir) => fs.existsSync(dir));
  if (corpora.length) sets.push([`corpus/{${corpora.map((c) => path.basename(c)).join(",")}}`, await load(corpora)]);
  sets.push([`generated (${values.articles}, seed ${values.seed})`, await load([generated.dir])]);
  // Warm-up: gazetteer, caches, JIT.
  const warm = process.cpuUsage();
  do {
    for (const [, sample] of sets) extractAll(sample);
  } while (cpuSeconds(warm) < WARM_S);

  for (const [name, sample] of sets) {
    const mb = sample.reduce((s, a) => s + Buffer.byteLength(a.article.text), 0) / 1e6;
    const rates: number[] = [];
    for (let r = 0; r < rounds; r++) {
      const cpu = process.cpuUsage();
      let passes = 0;
      do {
        extractAll(sample);
        passes++;
      } while (cpuSeconds(cpu) < ROUND_S);
      rates.push((mb * passes) / cpuSeconds(cpu));
    }
    const m = median(rates);
    console.log(
      `${name.padEnd(32)} ${m.toFixed(2)} MB/s per core (median of ${rounds}: ${rates.map((x) => x.toFixed(2)).join(" ")}; ${sample.length} articles, ${mb.toFixed(2)} MB; ${((sample.length / mb) * m).toFixed(0)} articles/s)`,
    );
  }
} finally {
  fs.rmSync(generated.dir, { recursive: true, force: true });
}
