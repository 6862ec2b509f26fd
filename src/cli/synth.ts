// npm run synth -- --events 1000000 [--seed 1] [--verbose]: a synthetic knowledge base
// of that many events (see src/synth/generate.ts) in DATABASE_URL, which must
// hold no articles yet; migrated first. Without DATABASE_URL, into the
// embedded Postgres (PGDATA_DIR).
import { parseArgs } from "node:util";
import pg from "pg";
import { loadGazetteer } from "../extraction/gazetteer.ts";
import { synthesize } from "../synth/generate.ts";
import { runCli } from "./bootstrap.ts";

runCli(async (ctx) => {
  const { values } = parseArgs({ options: { events: { type: "string", default: "1000000" }, seed: { type: "string", default: "1" }, verbose: { type: "boolean", default: false } } });
  const events = Number(values.events);
  const seed = Number(values.seed);
  if (!Number.isInteger(events) || events < 1) throw new Error("--events must be a positive whole number");
  if (!Number.isInteger(seed) || seed < 0 || seed > 1_000_000) throw new Error("--seed must be a whole number from 0 to 1000000");
  const db = await ctx.openDatabase();
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  ctx.onClose(() => client.end());
  const started = performance.now();
  await client.query("BEGIN");
  await synthesize(client, loadGazetteer(), { events, seed, onStep: (s) => process.stdout.write(`${((performance.now() - started) / 1000).toFixed(0).padStart(5)} s  ${s}\n`),
    onStatement: values.verbose ? (ms, sql) => process.stdout.write(`        ${ms.toFixed(0)} ms: ${sql.slice(0, 100).replace(/\s+/g, " ")}\n`) : undefined,
  });
  await client.query("COMMIT");
  await client.query("ANALYZE");
  process.stdout.write(`synthesized ${events} events (seed ${seed}) in ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
});
