// `npm run serve` with API_PROCESSES above 1: one primary process opens the
// database (migrations, or the embedded server) and forks that many workers,
// each a whole API with its own connections, all listening on the one port
// (node:cluster hands each new connection to a worker in turn). The API keeps
// no state between requests, so any worker answers any request; only the
// rate limit is counted per process. A worker that dies is replaced; on a
// stop signal the primary stops the workers, each finishing its requests,
// then the database.
import cluster, { type Worker } from "node:cluster";
import type { CliContext } from "./bootstrap.ts";

/** A worker that dies sooner than this after it started is not replaced: it would only die again. */
const MIN_LIFETIME_MS = 5_000;

export const isWorker = cluster.isWorker;

/**
 * In the primary: forks `count` workers serving the API on `databaseUrl` and
 * resolves when all of them listen; they are stopped on close.
 */
export async function forkWorkers(ctx: CliContext, count: number, databaseUrl: string): Promise<void> {
  const { log } = ctx;
  let stopping = false;
  const started = new Map<Worker, number>();
  const fork = () => {
    // The workers read DATABASE_URL; with the embedded server it is the primary's.
    const worker = cluster.fork({ DATABASE_URL: databaseUrl });
    started.set(worker, Date.now());
    return worker;
  };
  const exited = (worker: Worker) =>
    new Promise<void>((resolve) => (worker.isDead() ? resolve() : worker.once("exit", () => resolve())));

  ctx.onClose(async () => {
    stopping = true;
    const workers = [...started.keys()];
    // SIGTERM: each worker closes the way a single process does, finishing the requests it holds.
    for (const w of workers) if (!w.isDead()) w.process.kill("SIGTERM");
    await Promise.all(workers.map(exited));
  });

  const first = Array.from({ length: count }, fork);
  await Promise.all(
    first.map(
      (worker) =>
        new Promise<void>((resolve, reject) => {
          const onExit = (code: number | null) => reject(new Error(`an API process exited (${code}) before it listened`));
          worker.once("exit", onExit);
          worker.once("listening", () => {
            worker.off("exit", onExit);
            resolve();
          });
        }),
    ),
  );

  cluster.on("exit", (worker, code, signal) => {
    const lived = Date.now() - (started.get(worker) ?? 0);
    started.delete(worker);
    if (stopping) return;
    if (lived < MIN_LIFETIME_MS) {
      log.error({ pid: worker.process.pid, code, signal }, "an API process died right after it started; not replacing it");
      return;
    }
    log.error({ pid: worker.process.pid, code, signal }, "an API process died; starting another");
    fork();
  });
}

/** In a worker: stop as a stop signal would when the primary is gone (its channel closed). */
export function stopWithPrimary(): void {
  process.once("disconnect", () => process.kill(process.pid, "SIGTERM"));
}
