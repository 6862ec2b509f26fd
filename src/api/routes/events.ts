import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { sendList } from "../list-bytes.ts";
import { notFound, problemResponses } from "../problem.ts";
import { sendSelected } from "../query/select.ts";
import { eventById } from "../query/events.ts";
import { IdParams } from "../schemas/params.ts";
import { EventDetailSchema } from "../schemas/resources.ts";
import { EventListSchema, EventSearchQuery, listEvents } from "./event-list.ts";

export const eventRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/events",
    {
      schema: {
        tags: ["events"],
        summary: "List events",
        description:
          "Events filtered by country, official, ministry, type, topic, date range and text, newest first unless sort=date. " +
          "Filters combine with AND; repeated country values mean events involving all of them, repeated type values any of them. " +
          "An event matches a date range when the whole span its dates allow overlaps the range, whatever their precision (an event dated 2024-05 matches from=2024-05-20); " +
          "events whose year is unknown (--05-15) never match a range. Pages follow meta.next_cursor.",
        querystring: EventSearchQuery,
        response: { 200: EventListSchema, ...problemResponses(400) },
      },
    },
    async (request, reply) => {
      sendSelected(reply, request.query.select);
      return sendList(reply, await listEvents(app.db, request.query));
    },
  );

  app.get(
    "/events/:id",
    {
      schema: {
        tags: ["events"],
        summary: "One event, with the evidence sentence from each source",
        params: IdParams,
        response: { 200: EventDetailSchema, ...problemResponses(400, 404) },
      },
    },
    async (request) => {
      const event = await eventById(app.db, request.params.id);
      if (!event) throw notFound(`There is no event ${request.params.id}.`);
      return event;
    },
  );
};
