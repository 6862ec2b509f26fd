// GET /officials: a first page counts its matches in the same statement while
// they are few (up to the exact-count limit), else estimates them; its items
// are the JSON Postgres writes, sent as it is. Over the seeds and two thousand
// officials added by name, so that a name search finds more than the limit.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXACT_COUNT_LIMIT } from "../../src/api/query/count.ts";
import { queryOnce } from "../helpers/db.ts";
import { allPages, getJson, seededKb, type Kb, type List } from "./kb.ts";

interface Official {
  id: number;
  name: string;
  country: { code: string } | null;
  aliases: string[];
  name_en: string | null;
  name_native: string | null;
  event_count: number;
  mention_count: number;
  latest: { rank: string | null; offices: string[]; ministry: { id: number } | null; observed_on: string | null } | null;
}
interface Detail extends Omit<Official, "latest"> {
  recent_mentions: { rank: string | null; offices: string[]; ministry: { id: number } | null; observed_on: string | null }[];
}

let kb: Kb;

/** `count` officials named `<family> <n>`, n from 1, Vietnamese and without articles. */
async function addOfficials(family: string, count: number): Promise<void> {
  await queryOnce(
    kb.db.url,
    `INSERT INTO officials (key, name, country_code, search_text)
     SELECT 'VN:' || lower($1) || ' ' || n, $1 || ' ' || n, 'VN', $1 || ' ' || n FROM generate_series(1, $2::int) n`,
    [family, count],
  );
}

/** The ids of the officials whose name contains `text` (as written), in the list's order. */
async function idsByName(text: string): Promise<number[]> {
  const rows = await queryOnce<{ id: number }>(kb.db.url, "SELECT id FROM officials WHERE name LIKE '%' || $1 || '%' ORDER BY name, id", [text]);
  return rows.map((r) => r.id);
}

beforeAll(async () => {
  kb = await seededKb("api_official_list");
  await addOfficials("Trần Minh Khoa", EXACT_COUNT_LIMIT + 1);
  await addOfficials("Lê Hữu Phúc", EXACT_COUNT_LIMIT);
  await queryOnce(kb.db.url, "ANALYZE officials");
});

afterAll(async () => {
  await kb?.close();
});

describe("GET /officials", () => {
  it("counts up to the limit exactly and pages through every match in name order", async () => {
    const first = await getJson<List<Official>>(kb.app, "/v1/officials?q=le%20huu%20phuc&limit=200");
    expect(first.meta).toEqual({ count: EXACT_COUNT_LIMIT, next_cursor: expect.any(String) });
    const { items } = await allPages<Official>(kb.app, "/v1/officials?q=le%20huu%20phuc&limit=200");
    expect(items.map((o) => o.id)).toEqual(await idsByName("Lê Hữu Phúc"));

    const few = await getJson<List<Official>>(kb.app, "/v1/officials?q=ph%C3%BAc%2012");
    const ids = await idsByName("Phúc 12"); // 12 and 120 to 129
    expect(few.meta).toEqual({ count: ids.length, next_cursor: null });
    expect(few.data.map((o) => o.id)).toEqual(ids);
  });

  it("estimates more matches than the limit, and says so, with the same first page", async () => {
    const many = await getJson<List<Official>>(kb.app, "/v1/officials?q=tran%20minh%20khoa");
    expect(many.meta.count_estimated).toBe(true);
    expect(many.meta.count).toBeGreaterThan(EXACT_COUNT_LIMIT);
    expect(many.data.map((o) => o.id)).toEqual((await idsByName("Trần Minh Khoa")).slice(0, 50));

    const none = await getJson<List<Official>>(kb.app, "/v1/officials?q=zzzz");
    expect(none).toEqual({ data: [], meta: { count: 0, next_cursor: null } });
  });

  it("gives each official as their own page does, and only the fields selected", async () => {
    const { items: listed } = await allPages<Official>(kb.app, "/v1/officials?limit=200");
    const withMentions = listed.filter((o) => o.mention_count > 0);
    expect(withMentions.length).toBeGreaterThan(2);
    for (const item of [...withMentions, listed.at(-1)!]) {
      const { recent_mentions, mentions_href: _m, events_href: _e, ...fields } = await getJson<Detail & { mentions_href: string; events_href: string }>(
        kb.app,
        `/v1/officials/${item.id}`,
      );
      const latest = recent_mentions[0] ? { rank: recent_mentions[0].rank, offices: recent_mentions[0].offices, ministry: recent_mentions[0].ministry, observed_on: recent_mentions[0].observed_on } : null;
      // The same fields in the same order.
      expect(JSON.stringify(item)).toBe(JSON.stringify({ ...fields, latest }));
    }
    const selected = await getJson<List<Partial<Official>>>(kb.app, "/v1/officials?q=to%20lam&select=name,latest");
    expect(selected.data.length).toBeGreaterThan(0);
    for (const o of selected.data) expect(Object.keys(o)).toEqual(["name", "latest"]);
  });
});
