// npm run eval [-- <corpus folder>…]: imports each corpus (a folder of
// articles with its gold.json) into a fresh throwaway database, exports the
// dump and scores it with ../shared/eval/score.mjs. Defaults to the seeds and
// dev corpora.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { buildDump } from "../db/dump.ts";
import { startScratchPostgres } from "../db/scratch.ts";
import { importPaths } from "../import/run.ts";
import { runCli } from "./bootstrap.ts";

const SHARED = path.resolve("../shared");

runCli(async (ctx) => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      scorer: { type: "string", default: path.join(SHARED, "eval/score.mjs") },
      verbose: { type: "boolean", default: false },
      /** Keeps each corpus's dump in this folder (dump_<corpus>.json). */
      out: { type: "string" },
    },
  });
  const corpora = positionals.length ? positionals : ["corpus/seeds", "corpus/dev"].map((c) => path.join(SHARED, c));
  const scorer = path.resolve(values.scorer);
  if (!existsSync(scorer)) throw new Error(`scorer not found: ${scorer} (pass --scorer <path to score.mjs>)`);
  for (const c of corpora) {
    if (!existsSync(path.join(c, "gold.json"))) throw new Error(`${c} has no gold.json: not a corpus to score`);
  }

  // Only warnings and errors: the scores are the output.
  const log = ctx.log.child({}, { level: process.env.LOG_LEVEL ?? "warn" });
  const pg = await startScratchPostgres(log);
  ctx.onClose(() => pg.stop());
  let out = values.out;
  if (out) await mkdir(out, { recursive: true });
  else {
    const tmp = await mkdtemp(path.join(os.tmpdir(), "hoptac-eval-"));
    ctx.onClose(() => rm(tmp, { recursive: true, force: true }));
    out = tmp;
  }

  let failed = false;
  for (const [i, corpus] of corpora.entries()) {
    const prisma = ctx.prisma(await pg.createDatabase(`eval_${i}`));
    const s = await importPaths(prisma, [corpus], { log });
    const dumpFile = path.join(out, `dump_${path.basename(path.resolve(corpus))}.json`);
    await writeFile(dumpFile, JSON.stringify(await buildDump(prisma)));
    process.stdout.write(`\n== ${corpus}: ${s.imported} articles imported, ${s.skipped.length} skipped, ${s.articlesPerSecond.toFixed(1)} articles/s\n`);
    for (const k of s.skipped) process.stdout.write(`skipped ${k.file}: ${k.reason}\n`);
    const r = spawnSync(process.execPath, [scorer, "--gold", path.join(corpus, "gold.json"), "--dump", dumpFile, ...(values.verbose ? ["--verbose"] : [])], { encoding: "utf8" });
    process.stdout.write(r.stdout);
    if (r.status !== 0) {
      failed = true;
      process.stderr.write(r.stderr);
    }
  }
  if (failed) process.exitCode = 1;
});
