// npm run export -- [--out kb.json]: the whole knowledge base as one JSON
// document (../shared/eval/DUMP.md's format), to a file or stdout.
import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { buildDump } from "../db/dump.ts";
import { runCli } from "./bootstrap.ts";

runCli(async (ctx) => {
  const { values } = parseArgs({ options: { out: { type: "string", short: "o" } } });
  const db = await ctx.openDatabase();
  const dump = await buildDump(ctx.prisma(db.url));
  const json = `${JSON.stringify(dump, null, 2)}\n`;
  if (values.out) {
    await writeFile(values.out, json);
    process.stderr.write(`wrote ${values.out}: ${dump.articles.length} articles, ${dump.events.length} events, ${dump.officials.length} officials, ${dump.agreements.length} agreements\n`);
  } else process.stdout.write(json);
});
