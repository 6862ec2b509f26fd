// The store's transaction: statements go straight to a node-postgres
// connection to the Prisma client's database (poolOf), composed with Prisma.sql as
// elsewhere. A batch sends hundreds of them, and Prisma's own work per
// statement would cost more than Postgres' (README, Importing articles).
import type pg from "pg";
import { Prisma } from "../../db/generated/client.ts";

type Query = TemplateStringsArray | Prisma.Sql;

const compose = (query: Query, values: unknown[]): Prisma.Sql =>
  query instanceof Prisma.Sql ? query : Prisma.sql(query, ...(values as Prisma.Sql[]));

/** The statements of one open transaction. */
export interface Tx {
  /** The rows a statement returns, typed as T (int4 columns come as numbers: cast counts and bigints with ::int). */
  $queryRaw<T = unknown[]>(query: Query, ...values: unknown[]): Promise<T>;
  /** How many rows a statement wrote. */
  $executeRaw(query: Query, ...values: unknown[]): Promise<number>;
}

class PgTx implements Tx {
  constructor(private readonly client: pg.PoolClient) {}

  async $queryRaw<T>(query: Query, ...values: unknown[]): Promise<T> {
    const q = compose(query, values);
    return (await this.client.query(q.text, q.values)).rows as T;
  }

  async $executeRaw(query: Query, ...values: unknown[]): Promise<number> {
    const q = compose(query, values);
    return (await this.client.query(q.text, q.values)).rowCount ?? 0;
  }
}

/** Runs `work` in one transaction on a connection of `pool`: committed when it returns, rolled back when it throws. */
export async function transaction<T>(pool: pg.Pool, work: (tx: Tx) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  // A connection that cannot even roll back is dropped, not given back to the pool.
  let broken: Error | undefined;
  try {
    await client.query("BEGIN");
    const out = await work(new PgTx(client));
    await client.query("COMMIT");
    return out;
  } catch (err) {
    await client.query("ROLLBACK").catch((e: unknown) => (broken = e instanceof Error ? e : new Error(String(e))));
    throw err;
  } finally {
    client.release(broken);
  }
}
