import { defineConfig } from "prisma/config";

// Used by the Prisma CLI (generate; migrate deploy for those who have its engine).
// The service itself reads DATABASE_URL through src/config and applies
// migrations with its own runner (src/db/migrate.ts).
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/hoptac" },
});
