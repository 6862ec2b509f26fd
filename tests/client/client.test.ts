// The typed client in clients/typescript against a running server over the
// seed articles, and its generated types against the current OpenAPI document.
import { readFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHoptacClient, type HoptacClient } from "../../clients/typescript/src/index.ts";
import { CLIENT_TYPES, clientTypes } from "../../scripts/client-types.ts";
import { getJson, seededKb, type Event, type Kb, type List } from "../api/kb.ts";

let kb: Kb;
let hoptac: HoptacClient;

beforeAll(async () => {
  kb = await seededKb("client_ts");
  await kb.app.listen({ port: 0, host: "127.0.0.1" });
  hoptac = createHoptacClient(`http://127.0.0.1:${(kb.app.server.address() as AddressInfo).port}`);
});

afterAll(async () => {
  await kb?.close();
});

describe("the TypeScript client", () => {
  it("has the types of the API as it is now (npm run client:generate)", async () => {
    const current = await clientTypes(kb.app.swagger());
    expect(await readFile(CLIENT_TYPES, "utf8"), "the API changed: run npm run client:generate and commit clients/typescript/src/schema.ts").toBe(current);
  });

  it("lists events with typed query parameters and follows their cursors", async () => {
    const expected = await getJson<List<Event>>(kb.app, "/v1/events?country=CU&limit=2");
    const { data, error, response } = await hoptac.GET("/v1/events", { params: { query: { country: ["CU"], limit: 2 } } });
    expect(error).toBeUndefined();
    expect(response.status).toBe(200);
    expect(data!.data).toEqual(expected.data);
    const next = await hoptac.GET("/v1/events", { params: { query: { country: ["CU"], limit: 2, cursor: data!.meta.next_cursor! } } });
    expect(next.data!.data.map((e) => e.id)).not.toContain(data!.data[0]!.id);
  });

  it("reads one record by path parameter, and hands back problems as typed errors", async () => {
    const [first] = (await getJson<List<Event>>(kb.app, "/v1/events?limit=1")).data;
    const { data } = await hoptac.GET("/v1/events/{id}", { params: { path: { id: first!.id } } });
    expect(data!.sources[0]!.sentence).toEqual(expect.any(String));
    const official = await hoptac.GET("/v1/officials/{id}", { params: { path: { id: first!.officials[0]!.id } } });
    expect(official.data!.recent_mentions.length).toBeGreaterThan(0);
    const mentions = await hoptac.GET("/v1/officials/{id}/mentions", { params: { path: { id: official.data!.id }, query: { sort: "date", limit: 1 } } });
    expect(mentions.data!.meta.count).toBe(official.data!.mention_count);

    const missing = await hoptac.GET("/v1/events/{id}", { params: { path: { id: 999_999 } } });
    expect(missing.data).toBeUndefined();
    expect(missing.error).toMatchObject({ status: 404, title: "Not Found" });
    const bad = await hoptac.GET("/v1/events", { params: { query: { from: "2024-13" } } });
    expect(bad.error!.errors![0]).toMatchObject({ in: "query", name: "from" });
  });

  it("searches and follows the change feed", async () => {
    const hits = await hoptac.GET("/v1/search", { params: { query: { q: "to lam", type: ["official"] } } });
    expect(hits.data!.data[0]).toMatchObject({ type: "official", label: "Tô Lâm" });
    const changes = await hoptac.GET("/v1/changes", { params: { query: { type: ["country"], limit: 1000 } } });
    expect(changes.data!.data.map((c) => c.id)).toContain("CU");
  });
});
