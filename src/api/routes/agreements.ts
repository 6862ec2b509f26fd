import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { z } from "zod";
import { notFound, problemResponses } from "../problem.ts";
import { countMeta, countRows } from "../query/count.ts";
import { pick, selectParam, sendSelected } from "../query/select.ts";
import { changedSince } from "../query/changes.ts";
import { decodeCursor, paginate } from "../query/cursor.ts";
import { countryJson, ministryJson, orNull, sourceJson, unitJson } from "../query/json.ts";
import { after, dateSortKey, direction, foldedContains, isDateKey, join, sql, where, type Sql } from "../query/sql.ts";
import {
  AgreementTypeParam, CountryCode, Cursor, dateRange, Id, IdParams, Limit, PartialDate, queryObject, repeatable, SearchText, Sort, UpdatedSince,
} from "../schemas/params.ts";
import { AgreementDetailSchema, AgreementSchema, listOf } from "../schemas/resources.ts";
import { AGREEMENT_TYPE_LABELS, AGREEMENT_TYPES, type AgreementTypeCode } from "./labels.ts";

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

function columns(evidence: boolean): Sql {
  return sql`a.id, a.type::text AS type, a.title, a.signed, a.signed_precision::text AS signed_precision,
    coalesce((SELECT json_agg(json_build_object('country', ${countryJson("c")}, 'ministry', ${orNull("mi", ministryJson("mi"))}, 'unit', ${orNull("u", unitJson("u"))}) ORDER BY c.code)
      FROM agreement_parties ap JOIN countries c ON c.code = ap.country_code
      LEFT JOIN ministries mi ON mi.id = ap.ministry_id LEFT JOIN units u ON u.id = ap.unit_id
      WHERE ap.agreement_id = a.id), '[]'::json) AS parties,
    (SELECT json_build_object('id', e.id, 'type', e.type, 'start', e.start, 'summary', e.summary) FROM events e WHERE e.id = a.event_id) AS event,
    coalesce((SELECT json_agg(${sourceJson("ar", evidence ? "s" : undefined)} ORDER BY ar.id)
      FROM agreement_sources s JOIN articles ar ON ar.id = s.article_id WHERE s.agreement_id = a.id), '[]'::json) AS sources`;
}

type AgreementRow = Omit<z.infer<typeof AgreementDetailSchema>, "type_label">;

function represent<R extends { type: AgreementTypeCode }>(row: R) {
  const { sort_key: _, ...rest } = row as R & { sort_key?: unknown };
  return { ...rest, type_label: AGREEMENT_TYPE_LABELS[row.type] };
}

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
        response: { 200: listOf(AgreementSchema).meta({ id: "AgreementList" }), ...problemResponses(400) },
      },
    },
    async (request, reply) => {
      sendSelected(reply, request.query.select);
      const { country, ministry, type, q, sort, limit, cursor } = request.query;
      const range = dateRange(request.query.from, request.query.to);
      const conditions: Sql[] = [];
      for (const code of new Set(country ?? [])) {
        conditions.push(sql`EXISTS (SELECT 1 FROM agreement_parties ap WHERE ap.agreement_id = a.id AND ap.country_code = ${code})`);
      }
      if (ministry !== undefined) {
        conditions.push(sql`EXISTS (SELECT 1 FROM agreement_parties ap WHERE ap.agreement_id = a.id AND ap.ministry_id = ${ministry})`);
      }
      if (type?.length) conditions.push(sql`a.type IN (${join(type.map((t) => sql`${t}::agreement_type`))})`);
      if (range.from !== undefined) conditions.push(sql`a.signed_to >= ${range.from}::date`);
      if (range.to !== undefined) conditions.push(sql`a.signed_from <= ${range.to}::date`);
      if (q !== undefined) conditions.push(foldedContains(sql`hoptac_fold(a.search_text)`, q));
      if (request.query.updated_since !== undefined) conditions.push(changedSince("agreement", sql`a.id`, request.query.updated_since));
      const counting = countRows(app.db, sql`FROM agreements a ${where(conditions)}`);

      const desc = sort === "-date";
      const key = dateSortKey(sql`a.signed_from`, desc);
      const position = cursor === undefined ? null : decodeCursor(cursor, "agreements", sort, isDateKey);
      if (position) conditions.push(after(key, sql`a.id`, { key: sql`${position.key}::date`, id: position.id }, desc));
      const [rows, total] = await Promise.all([
        app.db.query<(AgreementRow & { sort_key: string })>(sql`
          SELECT ${columns(false)}, ${key}::text AS sort_key FROM agreements a ${where(conditions)}
          ORDER BY ${key} ${direction(desc)}, a.id ${direction(desc)} LIMIT ${limit + 1}`),
        counting,
      ]);
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
      const [row] = await app.db.query<AgreementRow>(sql`SELECT ${columns(true)} FROM agreements a WHERE a.id = ${request.params.id}`);
      if (!row) throw notFound(`There is no agreement ${request.params.id}.`);
      return represent(row);
    },
  );
};


