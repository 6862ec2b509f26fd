// The OS user the embedded Postgres runs as. Postgres refuses to run as root,
// so when hoptac is root the server runs as `postgres` (created if missing),
// and everything it touches must be reachable by that user.
import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";

const exec = promisify(execFile);
export const POSTGRES_OS_USER = "postgres";

export interface OsUser {
  uid: number;
  gid: number;
}

export function isRoot(): boolean {
  return process.getuid?.() === 0;
}

async function ids(): Promise<OsUser | undefined> {
  try {
    const [uid, gid] = await Promise.all([exec("id", ["-u", POSTGRES_OS_USER]), exec("id", ["-g", POSTGRES_OS_USER])]);
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  } catch {
    return undefined;
  }
}

/** The `postgres` OS user, created (as a system user) when missing. */
export async function postgresOsUser(): Promise<OsUser> {
  const found = await ids();
  if (found) return found;
  try {
    await exec("groupadd", ["--system", POSTGRES_OS_USER]).catch(() => undefined);
    await exec("useradd", ["--system", "--gid", POSTGRES_OS_USER, "--no-create-home", "--shell", "/usr/sbin/nologin", POSTGRES_OS_USER]);
  } catch (err) {
    throw new Error(`could not create the "${POSTGRES_OS_USER}" OS user: ${(err as Error).message.split("\n")[0]}`);
  }
  const created = await ids();
  if (!created) throw new Error(`the "${POSTGRES_OS_USER}" OS user was created but cannot be found`);
  return created;
}

/** Whether `user` may search (x) or write (w) `target`, every folder on the way included: asked of the OS as that user. */
export async function canReach(user: OsUser, target: string, mode: "x" | "w"): Promise<boolean> {
  try {
    await exec("test", [`-${mode}`, target], { uid: user.uid, gid: user.gid });
    return true;
  } catch {
    return false;
  }
}

/** The deepest folder of `target`'s path that exists (target itself when it does). */
export async function nearestExisting(target: string): Promise<string> {
  let dir = path.resolve(target);
  for (;;) {
    if (await fs.stat(dir).then((s) => s.isDirectory(), () => false)) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return dir;
    dir = parent;
  }
}

/** The first folder on the way to `target` that `user` cannot enter, for messages. */
export async function firstBlocked(user: OsUser, target: string): Promise<{ dir: string; mode: string } | undefined> {
  const parts = path.resolve(target).split(path.sep).filter(Boolean);
  let dir: string = path.sep;
  for (const part of parts) {
    dir = path.join(dir, part);
    const st = await fs.stat(dir).catch(() => undefined);
    if (!st?.isDirectory()) return undefined;
    if (!(await canReach(user, dir, "x"))) return { dir, mode: (st.mode & 0o777).toString(8) };
  }
  return undefined;
}
