// npm run serve: migrate the database and serve the API (no import), in one
// process or, with API_PROCESSES, in several on the one port (processes.ts).
import { runCli } from "./bootstrap.ts";
import { forkWorkers, isWorker, stopWithPrimary } from "./processes.ts";

runCli(async (ctx) => {
  const processes = ctx.config.apiProcesses;
  if (isWorker) {
    // The primary migrated the database and gave its URL.
    stopWithPrimary();
    const db = await ctx.connectDatabase();
    await ctx.serve(ctx.prisma(db.url), db.url);
    return "keep-running";
  }
  const db = await ctx.openDatabase();
  let url: string;
  if (processes > 1) {
    await forkWorkers(ctx, processes, db.url);
    url = ctx.baseUrl();
  } else {
    ({ url } = await ctx.serve(ctx.prisma(db.url), db.url));
  }
  process.stdout.write(`hoptac is serving ${url} — API docs at ${url}/docs${processes > 1 ? ` (${processes} processes)` : ""}\n`);
  return "keep-running";
});
