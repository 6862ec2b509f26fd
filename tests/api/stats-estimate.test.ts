// /v1/stats with a q= text that many events match: counted over the sample
// of one event in SAMPLE_EVERY and scaled, and marked approximate; exact when
// few match or when asked for.
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "../../src/api/query/sql.ts";
import { SAMPLE_EVERY } from "../../src/api/query/sample.ts";
import { eventStats, eventTotalSql, liveStatsSql, STATS_GROUPS } from "../../src/api/query/stats.ts";
import { primaryReader, type Reader } from "../../src/db/reader.ts";
import { getJson, seededKb, type Kb } from "./kb.ts";

let kb: Kb;
let reader: Reader;
const q = "nam";

beforeAll(async () => {
  kb = await seededKb("stats_estimate");
  reader = primaryReader(kb.db.prisma);
});

afterAll(async () => kb?.close());

const matching = sql`search_folded LIKE '%' || hoptac_fold(${q}) || '%'`;

describe("stats of a text many events contain", () => {
  it("are the sample's counts scaled up, marked approximate, when more match than the bound", async () => {
    const [sample] = await reader.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM events WHERE ${matching} AND id % ${SAMPLE_EVERY} = 0`);
    expect(sample!.n).toBeGreaterThan(0);
    const byType = await reader.query<{ key: string; count: number }>(
      sql`SELECT type::text AS key, (count(*) * ${SAMPLE_EVERY})::int AS count FROM events WHERE ${matching} AND id % ${SAMPLE_EVERY} = 0 GROUP BY 1 ORDER BY 2 DESC, 1`,
    );
    const estimate = await eventStats(reader, "type", { q }, { exactUpTo: 0 });
    expect(estimate.approximation).toEqual({ method: "sample", fraction: 1 / SAMPLE_EVERY, sample_matches: sample!.n });
    expect(estimate.total).toBe(sample!.n * SAMPLE_EVERY);
    expect(estimate.rows.map((r) => ({ key: r.key, count: r.count }))).toEqual(byType);
    expect(estimate.rows[0]!.name_en).toEqual(expect.any(String));

    for (const group of STATS_GROUPS) {
      const exact = await eventStats(reader, group, { q }, { exactUpTo: 0, exact: true });
      expect(exact.approximation).toBeUndefined();
      expect(exact.rows.map((r) => r.count)).toEqual((await reader.query<{ count: number }>(liveStatsSql(group, { q }))).map((r) => r.count));
    }
  });

  it("are exact when few events match, for every group, with every matching event in the total", async () => {
    // Texts of the events without a topic or a ministry, whose total no group row holds.
    const keyless = await reader.query<{ w: string }>(
      sql`SELECT split_part(search_folded, ' ', 1) || ' ' || split_part(search_folded, ' ', 2) AS w FROM events
        WHERE cardinality(topics) = 0 OR cardinality(ministry_ids) = 0 ORDER BY id LIMIT 3`,
    );
    let ungrouped = 0;
    for (const text of [q, "to lam", "cuba", "zz yy", ...keyless.map((r) => r.w)]) {
      const [total] = await reader.query<{ count: number }>(eventTotalSql({ q: text }));
      for (const group of STATS_GROUPS) {
        const stats = await eventStats(reader, group, { q: text });
        expect(stats.approximation, `${text} by ${group}`).toBeUndefined();
        expect(stats.total, `${text} by ${group}`).toBe(total!.count);
        const live = await reader.query<{ key: string; count: number }>(liveStatsSql(group, { q: text }));
        expect(stats.rows.map((r) => ({ key: r.key, count: r.count })), `${text} by ${group}`).toEqual(live.map((r) => ({ key: r.key, count: r.count })));
        if (total!.count > stats.rows.reduce((a, r) => a + r.count, 0)) ungrouped++;
      }
    }
    expect(ungrouped).toBeGreaterThan(0);
  });

  it("are exact over HTTP when few events match, with the same total as the events list", async () => {
    const stats = await getJson<{ data: { key: string; count: number }[]; meta: Record<string, unknown> }>(kb.app, `/v1/stats?group_by=type&q=${encodeURIComponent(q)}`);
    expect(stats.meta.approximate).toBeUndefined();
    expect(stats.meta.approximation).toBeUndefined();
    const events = await getJson<{ meta: { count: number } }>(kb.app, `/v1/events?q=${encodeURIComponent(q)}&limit=1`);
    expect(stats.meta.total).toBe(events.meta.count);
    expect(stats.data.reduce((a, g) => a + g.count, 0)).toBe(events.meta.count);
    const exact = await getJson<{ meta: Record<string, unknown> }>(kb.app, `/v1/stats?group_by=type&exact=true&q=${encodeURIComponent(q)}`);
    expect(exact.meta).toEqual(stats.meta);
    expect((await request(kb.app.server).get("/v1/stats?group_by=type&exact=yes")).status).toBe(400);
  });
});
