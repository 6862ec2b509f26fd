// npm run db:migrate [-- --rolled-back <migration>]: apply pending migrations
// to DATABASE_URL, or to the embedded Postgres when it is unset.
import { parseArgs } from "node:util";
import { markRolledBack, migrate } from "../db/migrate.ts";
import { runCli } from "./bootstrap.ts";

runCli(async (ctx) => {
  const { values } = parseArgs({ options: { "rolled-back": { type: "string" } } });
  const db = await ctx.connectDatabase();
  const rolledBack = values["rolled-back"];
  if (rolledBack) await markRolledBack(db.url, rolledBack, { log: ctx.log });
  const { applied } = await migrate(db.url, { log: ctx.log });
  process.stdout.write(
    applied.length === 0 ? "The database schema is up to date.\n" : `Applied ${applied.length} migration(s): ${applied.join(", ")}\n`,
  );
});
