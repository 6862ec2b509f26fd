// One activity reported by several outlets becomes one event with several
// sources; different activities that look alike stay apart. The articles in
// tests/fixtures/meetings are written for the project in the outlets' style:
// one reports talks with a date, another the same meeting as a reception with
// no date of its own, a third the Prime Minister receiving the same guest that day.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importPaths } from "../../src/import/run.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/db.ts";

const FIXTURES = "tests/fixtures/meetings";

describe("reports of one meeting across outlets", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase("import_meetings");
    const s = await importPaths(db.prisma, [FIXTURES]);
    expect(s.imported).toBe(3);
  });
  afterAll(async () => db.drop());

  const eventsOf = (file: string) =>
    db.prisma.event.findMany({
      where: { sources: { some: { article: { file } } } },
      include: { sources: { include: { article: true } }, participants: { include: { official: true } } },
      orderBy: { id: "asc" },
    });
  const files = (e: { sources: { article: { file: string | null } }[] }) => e.sources.map((s) => s.article.file).sort();

  it("makes one event of talks with a date and a reception without one, on the stated day", async () => {
    const [meeting, ...others] = (await eventsOf("talks-dated.txt")).filter((e) => e.type !== "visit");
    expect(others).toEqual([]);
    expect(files(meeting!)).toEqual(["reception-undated.txt", "talks-dated.txt"]);
    expect(meeting!.start).toBe("2031-05-12");
    expect(meeting!.dateReason).toBe("stated");
    expect(meeting!.participants.map((p) => p.official.name).sort()).toEqual(["Sounthone Keomany", "Đỗ Minh Khang"]);
  });

  it("keeps the Prime Minister's reception of the same guest that day apart", async () => {
    const [premier] = (await eventsOf("premier-reception.txt")).filter((e) => e.type === "reception");
    expect(files(premier!)).toEqual(["premier-reception.txt"]);
    expect(premier!.participants.map((p) => p.official.name).sort()).toEqual(["Lê Quang Vinh", "Sounthone Keomany"]);
  });

  it("makes one visit of the three reports", async () => {
    const visits = await db.prisma.event.findMany({ where: { type: "visit" }, include: { sources: { include: { article: true } } } });
    expect(visits.map(files)).toEqual([["premier-reception.txt", "reception-undated.txt", "talks-dated.txt"]]);
  });
});

describe("reports of one meeting imported at the same time", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase("import_meetings_concurrent");
  });
  afterAll(async () => db.drop());

  it("resolves each import against the others: no official or event twice", async () => {
    const files = ["talks-dated.txt", "reception-undated.txt", "premier-reception.txt"].map((f) => path.join(FIXTURES, f));
    const runs = await Promise.all([...files, ...files].map((f) => importPaths(db.prisma, [f])));
    expect(runs.reduce((n, r) => n + r.imported, 0)).toBe(3);
    const officials = await db.prisma.official.findMany({ select: { name: true }, orderBy: { name: "asc" } });
    expect(officials.map((o) => o.name)).toEqual(["Lê Quang Vinh", "Sounthone Keomany", "Đỗ Minh Khang"]);
    const events = await db.prisma.event.findMany({ include: { sources: true } });
    // The meeting (two reports, talks or reception after the first stored), the Prime Minister's reception, the visit (three reports).
    const kind = (t: string) => (t === "visit" ? "visit" : "meeting");
    expect(events.map((e) => `${kind(e.type)}:${e.sources.length}`).sort()).toEqual(["meeting:1", "meeting:2", "visit:3"]);
  });
});
