import type { z } from "zod";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { sendList } from "../list-bytes.ts";
import { pageBytes } from "../query/page-body.ts";
import { notFound, problemResponses } from "../problem.ts";
import { countMeta } from "../query/count.ts";
import { pick, selectParam, sendSelected } from "../query/select.ts";
import { decodeCursor, paginate } from "../query/cursor.ts";
import { agreementById, agreementDocPage, agreementPage, countAgreements, represent } from "../query/agreements.ts";
import { isDateKey } from "../query/sql.ts";
import {
  AgreementTypeParam, CountryCode, Cursor, dateRange, Id, IdParams, Limit, PartialDate, queryObject, repeatable, SearchText, Sort, UpdatedSince,
} from "../schemas/params.ts";
import { AgreementDetailSchema, AgreementSchema, listOf } from "../schemas/resources.ts";
import { AGREEMENT_TYPES } from "./labels.ts";

const AgreementListQuery = queryObject({
  country: repeatable(CountryCode)
    .optional()
    .describe("ISO country code of a party, case-insensitive; repeat it for agreements between all the given countries.")
    .meta({ example: ["RU"] }),
  ministry: Id.optional().describe("A ministry's id: agreements it is party to."),
  type: repeatable(AgreementTypeParam)
    .optional()
    .describe(`Agreement type; repeat it for any of several. One of ${AGREEMENT_TYPES.join(", ")}.`)
    .meta({ example: ["mou"] }),
  from: PartialDate.optional().describe("Agreements whose signing date overlaps the period from this date on (YYYY, YYYY-MM or YYYY-MM-DD); undated ones never match.").meta({ example: "2023" }),
  to: PartialDate.optional().describe("Agreements whose signing date overlaps the period up to the end of this date."),
  q: SearchText.optional().describe("Text in the title or parties, ignoring case and diacritics.").meta({ example: "an ninh mang" }),
  sort: Sort,
  updated_since: UpdatedSince,
  limit: Limit(200, 50),
  cursor: Cursor.optional(),
  select: selectParam(Object.keys(AgreementSchema.shape)),
});

const AgreementListSchema = listOf(AgreementSchema).meta({ id: "AgreementList" });
type AgreementList = z.infer<typeof AgreementListSchema>;

export const agreementRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/agreements",
    {
      schema: {
        tags: ["agreements"],
        summary: "List agreements",
        description:
          "Agreements, memoranda, minutes and plans, filtered by party country or ministry, type, signing date and text; newest first unless sort=date. " +
          "Repeated country values mean agreements with all of them as parties.",
        querystring: AgreementListQuery,
        response: { 200: AgreementListSchema, ...problemResponses(400) },
      },
    },
    async (request, reply) => {
      sendSelected(reply, request.query.select);
      const { country, ministry, type, q, sort, limit, cursor } = request.query;
      const range = dateRange(request.query.from, request.query.to);
      const filters = { countries: country, ministry, types: type, from: range.from, to: range.to, q, updatedSince: request.query.updated_since };
      const position = cursor === undefined ? null : decodeCursor(cursor, "agreements", sort, isDateKey);
      const counted = countAgreements(app.db, filters);
      counted.catch(() => {}); // awaited below; a failure must not go unhandled meanwhile
      if (!request.query.select) {
        const docs = await agreementDocPage(app.db, filters, sort === "-date", position, limit);
        if (docs) {
          return sendList<AgreementList>(reply, pageBytes(docs, limit, "agreements", sort, await counted));
        }
      }
      const [rows, total] = await Promise.all([agreementPage(app.db, filters, sort === "-date", position, limit), counted]);
      const page = paginate(rows, limit, "agreements", sort, (r) => ({ key: r.sort_key, id: r.id }));
      return { data: page.rows.map((r) => pick(represent(r), request.query.select)), meta: { ...countMeta(total), next_cursor: page.next } };
    },
  );

  app.get(
    "/agreements/:id",
    {
      schema: {
        tags: ["agreements"],
        summary: "One agreement, with its parties, event and the evidence from each source",
        params: IdParams,
        response: { 200: AgreementDetailSchema, ...problemResponses(400, 404) },
      },
    },
    async (request) => {
      const agreement = await agreementById(app.db, request.params.id);
      if (!agreement) throw notFound(`There is no agreement ${request.params.id}.`);
      return agreement;
    },
  );
};


