// Responses are written by fast-json-stringify from each route's zod schema
// turned into JSON Schema once, at startup: several times cheaper per request
// than encoding through zod and then JSON.stringify, with the same output (the
// schema's fields in its order, unknown ones left out). A schema JSON Schema
// cannot express (a transform, a date) keeps zod's serializer.
import type { FastifySerializerCompiler } from "fastify";
import fastJson from "fast-json-stringify";
import { serializerCompiler as zodSerializer } from "fastify-type-provider-zod";
import { z } from "zod";

type Compiler = FastifySerializerCompiler<unknown>;

export const serializerCompiler: Compiler = (route) => {
  if (route.schema instanceof z.ZodType) {
    let json: object | undefined;
    try {
      json = z.toJSONSchema(route.schema, { io: "output", target: "draft-7", unrepresentable: "throw" });
    } catch {
      // Not expressible: zod encodes it.
    }
    if (json) return fastJson(json as Parameters<typeof fastJson>[0]);
  }
  return (zodSerializer as Compiler)(route);
};
