// npm run export -- [--out kb.json]: the whole knowledge base as one JSON
// document (../shared/eval/DUMP.md's format), to a file or stdout. GET /v1/dump
// serves the same document.
import { createWriteStream } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { parseArgs } from "node:util";
import { buildDump, dumpJson } from "../db/dump.ts";
import { runCli } from "./bootstrap.ts";

runCli(async (ctx) => {
  const { values } = parseArgs({ options: { out: { type: "string", short: "o" } } });
  const db = await ctx.openDatabase();
  const dump = await buildDump(ctx.prisma(db.url));
  await pipeline(Readable.from(dumpJson(dump)), values.out ? createWriteStream(values.out) : process.stdout);
  if (values.out) {
    process.stderr.write(`wrote ${values.out}: ${dump.articles.length} articles, ${dump.events.length} events, ${dump.officials.length} officials, ${dump.agreements.length} agreements\n`);
  }
});
