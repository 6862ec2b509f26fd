// npm run serve: migrate the database and serve the API (no import).
import { runCli } from "./bootstrap.ts";

runCli(async (ctx) => {
  const db = await ctx.openDatabase();
  const { url } = await ctx.serve(ctx.prisma(db.url), db.url);
  process.stdout.write(`hoptac is serving ${url} — API docs at ${url}/docs\n`);
  return "keep-running";
});
