import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  clientEnums,
  compareSchema,
  readDatabase,
  runtimeModels,
  type DbSnapshot,
  type ModelSpec,
} from "../helpers/schema-agreement.ts";
import { createTestDatabase, type TestDatabase } from "../helpers/db.ts";

let db: TestDatabase;
let models: ModelSpec[];
let enums: Map<string, string[]>;
let snapshot: DbSnapshot;

beforeAll(async () => {
  db = await createTestDatabase("schema");
  models = runtimeModels(db.prisma);
  enums = clientEnums();
  snapshot = await readDatabase(db.url);
});

afterAll(async () => db?.drop());

function alteredModels(change: (models: ModelSpec[]) => void): ModelSpec[] {
  const copy = structuredClone(models);
  change(copy);
  return copy;
}

function field(models: ModelSpec[], model: string, name: string) {
  const f = models.find((m) => m.name === model)?.fields.find((x) => x.name === name);
  if (!f) throw new Error(`no field ${model}.${name}`);
  return f;
}

describe("schema.prisma and prisma/migrations", () => {
  it("read the whole client model, with nullability and lists", () => {
    expect(models.map((m) => m.name)).toEqual(expect.arrayContaining(["Article", "Official", "Event", "Agreement", "Country"]));
    expect(models.length).toBeGreaterThanOrEqual(16);
    expect(models.flatMap((m) => m.fields).every((f) => f.nullable !== undefined)).toBe(true);
    expect(field(models, "Article", "title")).toMatchObject({ column: "title", nullable: true, isList: false });
    expect(field(models, "Article", "sourceKey")).toMatchObject({ column: "source_key", nullable: false });
    expect(field(models, "Country", "aliases")).toMatchObject({ isList: true });
    expect(field(models, "Event", "type")).toMatchObject({ kind: "enum", type: "EventType" });
    expect([...enums.keys()].sort()).toEqual(["AgreementType", "ChangeAction", "ChangeEntity", "DatePrecision", "EventType", "ParticipantRole"]);
  });

  it("agree: every model, scalar field and enum exists in the migrated database", () => {
    expect(compareSchema(models, enums, snapshot)).toEqual([]);
  });
});

describe("compareSchema", () => {
  it("reports a field the migrations lack", () => {
    const changed = alteredModels((m) =>
      m.find((x) => x.name === "Official")!.fields.push({ name: "nickname", column: "nickname", kind: "scalar", type: "String", isList: false, nullable: true }),
    );
    expect(compareSchema(changed, enums, snapshot)).toEqual(["Official.nickname (officials.nickname): column does not exist"]);
  });

  it("reports a model whose table is missing, and a table no model describes", () => {
    const changed = alteredModels((m) => {
      m.find((x) => x.name === "Unit")!.table = "org_units";
    });
    expect(compareSchema(changed, enums, snapshot)).toEqual(['model Unit: table "org_units" does not exist', 'table "units" has no model in schema.prisma']);
  });

  it("reports a column the models do not describe", () => {
    const changed = alteredModels((m) => {
      const event = m.find((x) => x.name === "Event")!;
      event.fields = event.fields.filter((f) => f.name !== "mechanism");
    });
    expect(compareSchema(changed, enums, snapshot)).toEqual(["column events.mechanism has no field in schema.prisma"]);
  });

  it("reports disagreeing nullability and types", () => {
    const changed = alteredModels((m) => {
      field(m, "Article", "title").nullable = false;
      field(m, "Event", "ordinal").type = "String";
      field(m, "Official", "aliases").isList = false;
    });
    expect(compareSchema(changed, enums, snapshot)).toEqual([
      "Article.title (articles.title): required in Prisma but nullable in the database",
      "Official.aliases (officials.aliases): an array column but not a list in Prisma",
      "Event.ordinal (events.ordinal): String in Prisma but int4 in the database",
    ]);
  });

  it("reports enum values the database lacks, and enums it lacks", () => {
    const changed = new Map(enums);
    changed.set("EventType", [...enums.get("EventType")!, "summit"]);
    changed.set("Clearance", ["public", "secret"]);
    expect(compareSchema(models, changed, snapshot)).toEqual([
      "enum EventType (event_type): values visit, talks, reception, conference, signing, ceremony, award, other, summit in Prisma but visit, talks, reception, conference, signing, ceremony, award, other in the database",
      "enum Clearance: no matching enum type in the database",
    ]);
  });
});
