// CSV and NDJSON on every list, and the streamed dump, over the seed articles.
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDump, dumpJson } from "../../src/db/dump.ts";
import { allPages, expectProblemShape, getJson, seededKb, type Event, type Kb, type List } from "./kb.ts";

let kb: Kb;

beforeAll(async () => {
  kb = await seededKb("api_formats");
});

afterAll(async () => {
  await kb?.close();
});

/** RFC 4180 CSV into rows of fields. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += c;
  }
  if (field || row.length) throw new Error("CSV does not end with CRLF");
  return rows;
}

function records(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  for (const r of rows) expect(r.length).toBe(header!.length);
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!])));
}

const get = (path: string, accept?: string) => {
  const req = request(kb.app.server).get(path);
  return accept ? req.set("accept", accept) : req;
};

describe("CSV", () => {
  it("gives every event of a filter, nested lists in dotted columns joined with ' | '", async () => {
    const json = await allPages<Event>(kb.app, "/v1/events?country=CU&limit=3");
    expect(json.items.length).toBeGreaterThan(3);
    const res = await get("/v1/events?country=CU&format=csv");
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe("text/csv; charset=utf-8; header=present");
    const rows = records(res.text);
    expect(parseCsv(res.text)[0]).toEqual(expect.arrayContaining(["id", "type", "type_label.en", "start", "countries.code", "officials.name", "officials.role", "sources.article_id", "topics"]));
    expect(rows.map((r) => Number(r.id))).toEqual(json.items.map((e) => e.id));
    for (const [i, e] of json.items.entries()) {
      const r = rows[i]!;
      expect(r.type).toBe(e.type);
      expect(r["type_label.vi"]).toBe(e.type_label.vi);
      expect(r.start).toBe(e.start ?? "");
      expect(r["countries.code"]).toBe(e.countries.map((c) => c.code).join(" | "));
      expect(r["officials.name"]).toBe(e.officials.map((o) => o.name).join(" | "));
      expect(r["officials.role"]).toBe(e.officials.map((o) => o.role).join(" | "));
      expect(r.topics).toBe(e.topics.join(" | "));
      expect(r.summary).toBe(e.summary);
    }
  });

  it("is chosen by Accept: text/csv too, and an explicit limit caps the rows", async () => {
    const res = await get("/v1/events?limit=2", "text/csv");
    expect(res.status).toBe(200);
    expect(res.headers.vary).toMatch(/accept/i);
    expect(records(res.text)).toHaveLength(2);
    const json = await get("/v1/events?limit=2", "text/csv;q=0.5, application/json");
    expect(json.headers["content-type"]).toMatch(/^application\/json/);
  });

  it("keeps the columns of lists whose items have null parts aligned (agreement parties without a ministry)", async () => {
    const agreements = await getJson<List<{ id: number; parties: { country: { code: string }; ministry: { code: string } | null }[] }>>(kb.app, "/v1/agreements");
    const rows = records((await get("/v1/agreements?format=csv")).text);
    expect(rows).toHaveLength(agreements.data.length);
    for (const [i, a] of agreements.data.entries()) {
      expect(rows[i]!["parties.country.code"]).toBe(a.parties.map((p) => p.country.code).join(" | "));
      expect(rows[i]!["parties.ministry.code"]).toBe(a.parties.map((p) => p.ministry?.code ?? "").join(" | "));
    }
  });

  it("flattens stats and a country's timeline into plain tables", async () => {
    const stats = records((await get("/v1/stats?group_by=country&format=csv")).text);
    const json = await getJson<List<{ key: string; count: number }>>(kb.app, "/v1/stats?group_by=country");
    expect(stats.map((r) => [r.key, Number(r.count)])).toEqual(json.data.map((g) => [g.key, g.count]));
    const timeline = parseCsv((await get("/v1/countries/CU/timeline?format=csv")).text);
    expect(timeline[0]).toEqual(["year", "total", "by_type.visit", "by_type.talks", "by_type.reception", "by_type.conference", "by_type.signing", "by_type.ceremony", "by_type.award", "by_type.other"]);
  });
});

describe("NDJSON", () => {
  it("streams a whole list over several internal pages, item for item as the JSON pages give them", async () => {
    const json = await allPages<{ code: string }>(kb.app, "/v1/countries?limit=250");
    expect(json.items.length).toBeGreaterThan(200);
    const res = await get("/v1/countries", "application/x-ndjson");
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe("application/x-ndjson; charset=utf-8");
    expect(res.text.endsWith("\n")).toBe(true);
    const lines = res.text.trimEnd().split("\n").map((l) => JSON.parse(l) as unknown);
    expect(lines).toEqual(json.items);
  });

  it("continues from a cursor and leaves out the rows' internal fields", async () => {
    const first = await getJson<List<{ id: number }>>(kb.app, "/v1/officials?limit=3");
    const rest = await allPages<{ id: number }>(kb.app, "/v1/officials?limit=3", first.meta.next_cursor);
    const res = await get(`/v1/officials?format=ndjson&cursor=${first.meta.next_cursor}`);
    const lines = res.text.trimEnd().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toEqual(rest.items);
    expect(lines.every((l) => !("sort_key" in l))).toBe(true);
  });

  it("answers bad parameters with a problem before streaming anything", async () => {
    expectProblemShape(await get("/v1/events?format=xml"), 400);
    expectProblemShape(await get("/v1/events?format=csv&cursor=nonsense"), 400);
    expectProblemShape(await get("/v1/events?type=parade", "application/x-ndjson"), 400);
  });
});

describe("GET /v1/dump", () => {
  it("streams the export document: the database's dump, byte for byte as npm run export writes it", async () => {
    const res = await get("/v1/dump");
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^application\/json/);
    expect(res.headers["cache-control"]).toBe("no-store");
    const served = JSON.parse(res.text) as { generated_at: string };
    const expected = await buildDump(kb.db.prisma);
    expect(res.text).toBe([...dumpJson({ ...expected, generated_at: served.generated_at })].join(""));
    expect(served).toEqual(JSON.parse(JSON.stringify({ ...expected, generated_at: served.generated_at })));
    expect(expected.events.length).toBeGreaterThan(10);
  });

  it("writes the same bytes as JSON.stringify with two spaces", async () => {
    const dump = await buildDump(kb.db.prisma);
    expect([...dumpJson(dump)].join("")).toBe(`${JSON.stringify(dump, null, 2)}\n`);
    const empty = { ...dump, agreements: [], units: [] };
    expect([...dumpJson(empty)].join("")).toBe(`${JSON.stringify(empty, null, 2)}\n`);
  });
});
