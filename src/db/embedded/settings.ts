// The settings hoptac gives the server it runs, for a knowledge base that
// outgrows Postgres's stock defaults (128 MB of buffers, a checkpoint every
// 1 GB of WAL or 5 minutes): an archive import writes gigabytes, and each
// checkpoint makes the next change of every page write the whole page to
// the WAL again. All of them keep the server durable; callers may override
// any (a throwaway server turns fsync off).
import os from "node:os";

const MiB = 2 ** 20;

/** shared_buffers: a sixteenth of the machine's memory, between Postgres's 128 MB and 1 GB. */
export function sharedBuffersMb(totalMemory = os.totalmem()): number {
  return Math.round(Math.min(1024, Math.max(128, totalMemory / 16 / MiB)));
}

/** `postgres` flags (-c name=value pairs). */
export function serverSettings(totalMemory = os.totalmem()): string[] {
  const settings: Record<string, string> = {
    shared_buffers: `${sharedBuffersMb(totalMemory)}MB`,
    // Checkpoints by time rather than by volume during an import, and fewer of them.
    max_wal_size: "4GB",
    checkpoint_timeout: "15min",
  };
  return Object.entries(settings).flatMap(([k, v]) => ["-c", `${k}=${v}`]);
}

/**
 * glibc's malloc settings for the server's processes, unless the environment
 * already has GLIBC_TUNABLES. By default a backend hands the top of its heap
 * back to the kernel whenever more than 128 kB of it is free, and takes
 * blocks from 128 kB up straight from the kernel: a list page's ready JSON
 * (tens of kB, copied and encoded a few times) is then freed to the kernel
 * and faulted in again on every request, a third of the server's CPU time
 * for such a page on a virtual machine. Kept up to 4 MB free and mapped apart
 * from 1 MB up, each backend reuses its own memory instead.
 */
export function serverEnvironment(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  if (env.GLIBC_TUNABLES !== undefined) return {};
  return { GLIBC_TUNABLES: `glibc.malloc.trim_threshold=${4 * MiB}:glibc.malloc.mmap_threshold=${1 * MiB}` };
}
