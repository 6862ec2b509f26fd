// npm run import -- <files or folders or -> [--dry-run] [--allow-skipped]
// Reads articles into the knowledge base (or, with --dry-run, prints what
// would be extracted as JSON) and prints a summary. Exit codes: 0 every input
// was read, 3 some were skipped (0 with --allow-skipped), 2 usage, 1 failure.
import { parseArgs } from "node:util";
import { extractPaths, importPaths } from "../import/run.ts";
import { runCli } from "./bootstrap.ts";

const USAGE = "usage: npm run import -- [--dry-run] [--no-progress] [--allow-skipped] <file | folder | ->…";
/** Exit code when some inputs were skipped: the others were imported, but not everything. */
const EXIT_SKIPPED = 3;

runCli(async (ctx) => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      "dry-run": { type: "boolean", default: false },
      "no-progress": { type: "boolean", default: false },
      "allow-skipped": { type: "boolean", default: false },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help || positionals.length === 0) {
    process.stderr.write(`${USAGE}\n`);
    if (!values.help) process.exitCode = 2;
    return;
  }

  if (values["dry-run"]) {
    const out: unknown[] = [];
    let skipped = 0;
    for await (const x of extractPaths(positionals, { maxChars: ctx.config.maxArticleChars })) {
      if ("reason" in x) skipped++;
      out.push("reason" in x ? { source: x.source, skipped: x.reason } : { source: x.raw.source, source_key: x.sourceKey, ...x.extraction, text: undefined });
    }
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    if (skipped > 0 && !values["allow-skipped"]) process.exitCode = EXIT_SKIPPED;
    return;
  }

  const db = await ctx.openDatabase();
  const prisma = ctx.prisma(db.url);
  // Extraction in this thread, between the store's round trips: it mostly waits for Postgres, the one writer, which
  // takes most of a core; worker threads took seconds to start and competed with Postgres for the cores.
  const s = await importPaths(prisma, positionals, { log: ctx.log, progress: !values["no-progress"], maxChars: ctx.config.maxArticleChars });
  const lines = [
    `imported ${s.imported}, updated ${s.updated}, unchanged ${s.unchanged}, skipped ${s.skipped.length}`,
    `facts: ${s.facts.events} events, ${s.facts.officials} official mentions, ${s.facts.agreements} agreements, ${s.facts.countries} country and ${s.facts.ministries} ministry mentions`,
    `${s.seconds.toFixed(1)} s, ${s.articlesPerSecond.toFixed(1)} articles/s`,
    ...s.skipped.map((k) => `skipped ${k.file}: ${k.reason}`),
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
  if (s.skipped.length > 0 && !values["allow-skipped"]) process.exitCode = EXIT_SKIPPED;
});
