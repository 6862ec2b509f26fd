// Keeps the embedded Postgres running: when its process dies, the death is
// logged with Postgres's last words and the server is started again (with a
// growing pause while starting fails). A server started by hand on the same
// data folder (pg_ctl restart) is watched the same way, and stopped with
// hoptac: stop() ends whatever server holds the data folder, and says
// "stopped" only once its process is gone.
import type { Logger } from "pino";
import { isAlive, recordedPostmaster, startPostmaster, stopPid, type PostmasterOptions, type Running } from "./postmaster.ts";

const FIRST_PAUSE_MS = 100;
const LONGEST_PAUSE_MS = 5_000;
const WATCH_INTERVAL_MS = 250;

type Serving = { kind: "child"; running: Running } | { kind: "adopted"; pid: number };

export class Supervisor {
  private serving: Serving | null = null;
  private stopping: Promise<void> | null = null;
  private restarting = false;
  private watch: NodeJS.Timeout | undefined;
  /** Postgres's latest lines, for the log when it dies or fails to start. */
  readonly recent: string[] = [];
  /** How many times the server was started again after dying. */
  restarts = 0;

  constructor(
    private readonly options: Omit<PostmasterOptions, "onLine">,
    private readonly log: Logger,
  ) {}

  private onLine = (line: string) => {
    this.recent.push(line);
    if (this.recent.length > 30) this.recent.shift();
    this.log.debug({ postgres: line }, "embedded postgres");
  };

  /** The process id of the server now serving the data folder, if any. */
  get pid(): number | null {
    if (!this.serving) return null;
    return this.serving.kind === "child" ? this.serving.running.pid : this.serving.pid;
  }

  /** Starts the server (rejects when it cannot) and watches it from then on. */
  async start(): Promise<void> {
    this.follow(await startPostmaster({ ...this.options, onLine: this.onLine }));
  }

  private follow(running: Running): void {
    this.serving = { kind: "child", running };
    void running.exited.then(({ code, signal }) => {
      if (this.serving?.kind === "child" && this.serving.running === running) this.died(`${signal ?? `exit code ${code}`}`);
    });
  }

  private adopt(pid: number): void {
    this.serving = { kind: "adopted", pid };
    this.log.warn({ pid, dataDir: this.options.dataDir }, "a Postgres server started outside hoptac now serves the data folder; hoptac watches it and stops it on exit");
    clearInterval(this.watch);
    this.watch = setInterval(() => {
      if (!isAlive(pid) && this.serving?.kind === "adopted" && this.serving.pid === pid) {
        clearInterval(this.watch);
        this.died("its process is gone");
      }
    }, WATCH_INTERVAL_MS);
    this.watch.unref();
  }

  private died(how: string): void {
    this.serving = null;
    if (this.stopping || this.restarting) return;
    this.log.error({ how, lastMessages: this.recent.slice(-5) }, "the embedded Postgres died; starting it again");
    void this.restart();
  }

  private async restart(): Promise<void> {
    this.restarting = true;
    let pause = FIRST_PAUSE_MS;
    try {
      while (!this.stopping) {
        // After a hard kill, its last backends may hold the data folder for a moment.
        await new Promise((r) => setTimeout(r, pause));
        if (this.stopping) return;
        const other = await recordedPostmaster(this.options.dataDir);
        if (other) {
          this.adopt(other.pid);
          return;
        }
        try {
          const running = await startPostmaster({ ...this.options, onLine: this.onLine });
          if (this.stopping) {
            await stopPid(running.pid, running.exited);
            return;
          }
          this.restarts++;
          this.follow(running);
          this.log.info({ pid: running.pid, restarts: this.restarts }, "the embedded Postgres is running again");
          return;
        } catch (err) {
          this.log.warn({ err: (err as Error).message, lastMessages: this.recent.slice(-3), retryInMs: pause * 2 }, "the embedded Postgres did not start again yet");
          pause = Math.min(pause * 2, LONGEST_PAUSE_MS);
        }
      }
    } finally {
      this.restarting = false;
    }
  }

  /** Stops whichever server serves the data folder and waits until its process is gone. */
  stop(): Promise<void> {
    this.stopping ??= (async () => {
      clearInterval(this.watch);
      while (this.restarting) await new Promise((r) => setTimeout(r, 20));
      const serving = this.serving;
      if (serving?.kind === "child") await stopPid(serving.running.pid, serving.running.exited);
      else if (serving?.kind === "adopted") await stopPid(serving.pid);
      // One started by hand since, unknown to us.
      const other = await recordedPostmaster(this.options.dataDir);
      if (other) await stopPid(other.pid);
      this.serving = null;
    })();
    return this.stopping;
  }

  /** For a process about to exit without stop(): ask the server for a fast shutdown, without waiting. */
  signalStop(): void {
    const pid = this.pid;
    if (pid !== null) {
      try {
        process.kill(pid, "SIGINT");
      } catch {
        // already gone
      }
    }
  }
}
