// npm start: the database (embedded unless DATABASE_URL), migrations, the
// bundled seed articles, then the API.
import fs from "node:fs";
import { importPaths } from "../import/run.ts";
import { runCli } from "./bootstrap.ts";

runCli(async (ctx) => {
  const { config, log } = ctx;
  const db = await ctx.openDatabase();
  const prisma = ctx.prisma(db.url);

  if (!config.importOnStart) {
    log.info("IMPORT_ON_START is false: not importing the seed articles");
  } else if (!fs.existsSync(config.seedDir)) {
    log.warn({ seedDir: config.seedDir }, "SEED_DIR does not exist: nothing to import");
  } else {
    const summary = await importPaths(prisma, [config.seedDir], { log, maxChars: config.maxArticleChars });
    log.info(
      { seedDir: config.seedDir, imported: summary.imported, updated: summary.updated, unchanged: summary.unchanged, skipped: summary.skipped.length },
      "imported the seed articles",
    );
  }

  const { url } = await ctx.serve(prisma, db.url);
  process.stdout.write(`hoptac is serving ${url} — API docs at ${url}/docs\n`);
  return "keep-running";
});
