// Compares the Prisma client's data model with a migrated database, so that a
// schema.prisma that disagrees with prisma/migrations is caught.
import path from "node:path";
import pg from "pg";
import ts from "typescript";
import * as Enums from "../../src/db/generated/enums.ts";
import type { PrismaClient } from "../../src/db/client.ts";

export interface FieldSpec {
  name: string;
  column: string;
  kind: "scalar" | "enum";
  /** Prisma's type: String, Int, DateTime, … or the enum's name. */
  type: string;
  isList: boolean;
  /** undefined when the client's types could not tell. */
  nullable: boolean | undefined;
}

export interface ModelSpec {
  name: string;
  table: string;
  fields: FieldSpec[];
}

export interface DbColumn {
  dataType: string;
  udtName: string;
  nullable: boolean;
}

export interface DbSnapshot {
  tables: Map<string, Map<string, DbColumn>>;
  enums: Map<string, string[]>;
}

interface RuntimeField {
  name: string;
  kind: "scalar" | "enum" | "object";
  type: string;
  dbName?: string;
}

/** The client's runtime data model (names, kinds, database names) for every model. */
export function runtimeModels(prisma: PrismaClient): ModelSpec[] {
  const model = (prisma as unknown as { _runtimeDataModel: { models: Record<string, { dbName: string | null; fields: RuntimeField[] }> } })
    ._runtimeDataModel;
  const shapes = clientFieldShapes(Object.keys(model.models));
  return Object.entries(model.models).map(([name, m]) => ({
    name,
    table: m.dbName ?? name,
    fields: m.fields
      .filter((f): f is RuntimeField & { kind: "scalar" | "enum" } => f.kind !== "object")
      .map((f) => {
        const shape = shapes.get(name)?.get(f.name);
        return {
          name: f.name,
          column: f.dbName ?? f.name,
          kind: f.kind,
          type: f.type,
          isList: shape?.isList ?? false,
          nullable: shape?.nullable,
        };
      }),
  }));
}

/** The client's enums and their values. */
export function clientEnums(): Map<string, string[]> {
  return new Map(
    Object.entries(Enums)
      .filter(([, v]) => typeof v === "object" && v !== null)
      .map(([name, values]) => [name, Object.values(values as Record<string, string>)]),
  );
}

/**
 * The runtime data model does not say which fields are optional or lists; the
 * generated model types do (`title: string | null`, `aliases: string[]`).
 */
function clientFieldShapes(models: string[]): Map<string, Map<string, { nullable: boolean; isList: boolean }>> {
  const entry = path.resolve("src/db/generated/client.ts");
  const program = ts.createProgram([entry], {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2023,
    allowImportingTsExtensions: true,
    noEmit: true,
    strict: true,
    skipLibCheck: true,
    types: [],
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(entry);
  const moduleSymbol = source && checker.getSymbolAtLocation(source);
  const exports = moduleSymbol ? checker.getExportsOfModule(moduleSymbol) : [];
  const result = new Map<string, Map<string, { nullable: boolean; isList: boolean }>>();
  for (const name of models) {
    const symbol = exports.find((s) => s.name === name);
    if (!symbol || !source) continue;
    const type = checker.getDeclaredTypeOfSymbol(symbol);
    const fields = new Map<string, { nullable: boolean; isList: boolean }>();
    for (const prop of checker.getPropertiesOfType(type)) {
      const propType = checker.getTypeOfSymbolAtLocation(prop, source);
      const parts = propType.isUnion() ? propType.types : [propType];
      // JsonValue admits null itself: a required Json field reads "JsonValue", an optional one "JsonValue | null".
      const text = checker.typeToString(propType, undefined, ts.TypeFormatFlags.NoTruncation);
      const nullable = /JsonValue/.test(text) ? /\|\s*null\b/.test(text) : parts.some((t) => (t.flags & ts.TypeFlags.Null) !== 0);
      const isList = parts.some((t) => checker.isArrayType(t));
      fields.set(prop.name, { nullable, isList });
    }
    result.set(name, fields);
  }
  return result;
}

export async function readDatabase(url: string, schema = "public"): Promise<DbSnapshot> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const columns = await client.query<{ table_name: string; column_name: string; data_type: string; udt_name: string; is_nullable: string }>(
      // Tables only: views, like functions, are the migrations' own.
      `SELECT c.table_name, c.column_name, c.data_type, c.udt_name, c.is_nullable
       FROM information_schema.columns c JOIN information_schema.tables t USING (table_schema, table_name)
       WHERE c.table_schema = $1 AND t.table_type = 'BASE TABLE'`,
      [schema],
    );
    const enums = await client.query<{ name: string; labels: string[] }>(
      `SELECT t.typname AS name, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[] AS labels
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
       WHERE n.nspname = $1 GROUP BY t.typname`,
      [schema],
    );
    const tables = new Map<string, Map<string, DbColumn>>();
    for (const c of columns.rows) {
      if (!tables.has(c.table_name)) tables.set(c.table_name, new Map());
      tables.get(c.table_name)!.set(c.column_name, { dataType: c.data_type, udtName: c.udt_name, nullable: c.is_nullable === "YES" });
    }
    return { tables, enums: new Map(enums.rows.map((e) => [e.name, e.labels])) };
  } finally {
    await client.end();
  }
}

/** Postgres types (udt_name) that each Prisma scalar type may be stored as. */
const STORAGE: Record<string, string[]> = {
  String: ["text", "varchar", "bpchar", "uuid", "citext", "xml", "inet"],
  Int: ["int4", "int2"],
  BigInt: ["int8"],
  Float: ["float8", "float4"],
  Decimal: ["numeric", "money"],
  Boolean: ["bool"],
  DateTime: ["timestamptz", "timestamp", "date", "time", "timetz"],
  Json: ["jsonb", "json"],
  Bytes: ["bytea"],
};

/** Every disagreement between the client's models/enums and the database; empty when they agree. */
export function compareSchema(models: ModelSpec[], enums: Map<string, string[]>, db: DbSnapshot): string[] {
  const problems: string[] = [];
  const enumTypes = new Map<string, string>(); // Prisma enum → database type, as the columns use them

  for (const model of models) {
    const table = db.tables.get(model.table);
    if (!table) {
      problems.push(`model ${model.name}: table "${model.table}" does not exist`);
      continue;
    }
    for (const field of model.fields) {
      const where = `${model.name}.${field.name} (${model.table}.${field.column})`;
      const column = table.get(field.column);
      if (!column) {
        problems.push(`${where}: column does not exist`);
        continue;
      }
      const udt = field.isList ? column.udtName.replace(/^_/, "") : column.udtName;
      if (field.isList !== (column.dataType === "ARRAY")) {
        problems.push(`${where}: ${field.isList ? "a list in Prisma but not an array column" : "an array column but not a list in Prisma"}`);
        continue;
      }
      if (field.kind === "enum") {
        if (column.dataType !== "USER-DEFINED" && !(field.isList && column.dataType === "ARRAY")) {
          problems.push(`${where}: enum ${field.type} in Prisma but ${column.dataType} in the database`);
        } else {
          enumTypes.set(field.type, udt);
        }
      } else {
        const allowed = STORAGE[field.type];
        if (allowed && !allowed.includes(udt)) problems.push(`${where}: ${field.type} in Prisma but ${udt} in the database`);
      }
      // Prisma's migrations leave list columns nullable; their emptiness is the default instead.
      if (!field.isList && field.nullable !== undefined && field.nullable !== column.nullable) {
        problems.push(`${where}: ${field.nullable ? "optional" : "required"} in Prisma but ${column.nullable ? "nullable" : "NOT NULL"} in the database`);
      }
    }
  }

  // And the other way: what the migrations create that schema.prisma does not describe.
  const modelled = new Map(models.map((m) => [m.table, new Set(m.fields.map((f) => f.column))]));
  for (const [table, columns] of db.tables) {
    if (table === "_prisma_migrations") continue;
    const fields = modelled.get(table);
    if (!fields) {
      problems.push(`table "${table}" has no model in schema.prisma`);
      continue;
    }
    for (const column of columns.keys()) {
      if (!fields.has(column)) problems.push(`column ${table}.${column} has no field in schema.prisma`);
    }
  }

  for (const [name, values] of enums) {
    const dbName =
      enumTypes.get(name) ??
      [...db.enums.entries()].find(([, labels]) => labels.length === values.length && labels.every((l, i) => l === values[i]))?.[0];
    const labels = dbName === undefined ? undefined : db.enums.get(dbName);
    if (!labels) {
      problems.push(`enum ${name}: no matching enum type in the database`);
    } else if (labels.join(",") !== values.join(",")) {
      problems.push(`enum ${name} (${dbName}): values ${values.join(", ")} in Prisma but ${labels.join(", ")} in the database`);
    }
  }
  return problems;
}
