// The hoptac API's types, generated from its OpenAPI document by `npm run client:generate`; do not edit.

export type paths = {
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process is up */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: the database answers a query */
        get: operations["getReady"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List events
         * @description Events filtered by country, official, ministry, type, topic, date range and text, newest first unless sort=date. Filters combine with AND; repeated country values mean events involving all of them, repeated type values any of them. An event matches a date range when the whole span its dates allow overlaps the range, whatever their precision (an event dated 2024-05 matches from=2024-05-20); events whose year is unknown (--05-15) never match a range. Pages follow meta.next_cursor.
         */
        get: operations["listEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One event, with the evidence sentence from each source */
        get: operations["getEvent"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/officials": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List officials
         * @description Officials by name, country or ministry, in name order.
         */
        get: operations["listOfficials"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/officials/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One official, with their latest mentions
         * @description The official, their latest ranks and offices as articles report them, and the paths of all their mentions and events.
         */
        get: operations["getOfficial"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/officials/{id}/mentions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What each article says of an official's rank and offices
         * @description Every mention of the official, a page at a time: the rank, offices, ministry and unit one article gives them at its date, with the sentence and the article. sort=date reads it as the timeline of their career; ties of a date by article. meta.count is exact. Pages follow meta.next_cursor.
         */
        get: operations["listOfficialMentions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/officials/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The events an official took part in
         * @description The same list and filters as GET /v1/events, for one official.
         */
        get: operations["listOfficialEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/countries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List countries
         * @description Every ISO country with its Vietnamese and English names and how much the knowledge base holds about it, by code.
         */
        get: operations["listCountries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/countries/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One country, with its names and counts */
        get: operations["getCountry"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/countries/{code}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The events a country took part in
         * @description The same list and filters as GET /v1/events, for events involving this country (and any country= given as well).
         */
        get: operations["listCountryEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/countries/{code}/timeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A country's events per year and type, for charts
         * @description Counts of the events involving the country, per year and type; the /v1/events filters narrow them down.
         */
        get: operations["listCountryTimeline"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/ministries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List ministries and agencies
         * @description Ministries and agencies the articles name, by code (country first).
         */
        get: operations["listMinistries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/ministries/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One ministry, with its units, officials and recent events */
        get: operations["getMinistry"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agreements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List agreements
         * @description Agreements, memoranda, minutes and plans, filtered by party country or ministry, type, signing date and text; newest first unless sort=date. Repeated country values mean agreements with all of them as parties.
         */
        get: operations["listAgreements"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agreements/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One agreement, with its parties, event and the evidence from each source */
        get: operations["getAgreement"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/articles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List articles
         * @description The imported articles, newest publication first (undated ones last), with how many facts each gave.
         */
        get: operations["listArticles"];
        put?: never;
        /**
         * Ingest one article and return what was extracted
         * @description Reads the article, extracts its facts and stores them, exactly as the importer does with a file. Idempotent: an article is identified by its URL (else by its content), and posting it again unchanged does nothing (200). An article longer than the server's MAX_ARTICLE_CHARS (200,000 characters of text by default; 10 times that of html) is refused with 413. Needs the API key (Authorization: Bearer <key> or X-API-Key).
         */
        post: operations["createArticle"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/articles/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One article: metadata, text, and every fact read from it with its evidence */
        get: operations["getArticle"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search officials, ministries, countries, events and agreements
         * @description One box across the knowledge base, best matches first. Case, diacritics and đ are ignored; small typos in the name of an official, ministry or country are tolerated (pg_trgm word similarity); events and agreements are found by the text they contain.
         */
        get: operations["search"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Event counts by country, type, year, topic or ministry, for dashboards
         * @description Counts the events that match the same filters as GET /v1/events, grouped as group_by says; the largest groups first (years in order). Exact, except for a q= text that many events match: then estimated from a sample and marked by meta.approximate (exact=true counts them all).
         */
        get: operations["listStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/dump": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The whole knowledge base as one JSON document, streamed
         * @description One consistent snapshot of the database, sent record by record. For mirroring, take it once and then follow GET /v1/changes.
         */
        get: operations["getDump"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/changes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Records created, updated and deleted since a time, to keep a copy in step
         * @description One entry per article, event, agreement, official, ministry or country that changed at or after `since`, in the order of their latest change, deletions included. A change to an event's participants, countries, ministries or sources, an agreement's parties or sources, an official's mentions or a ministry's units counts as a change of that record. Take GET /v1/dump once, then follow this feed.
         */
        get: operations["listChanges"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
};
export type webhooks = Record<string, never>;
export type components = {
    schemas: {
        /** @description An error, as RFC 9457 problem details (application/problem+json). */
        Problem: {
            /** @description A URI identifying the problem type; "about:blank" when the HTTP status says it all. */
            type: string;
            title: string;
            status: number;
            detail?: string;
            instance?: string;
            requestId?: string;
            errors?: {
                /** @enum {string} */
                in: "path" | "query" | "header" | "body";
                name: string;
                message: string;
            }[];
        } & {
            [key: string]: unknown;
        };
        /**
         * @description How much of a date is known. A day may still lack its year (--05-15).
         * @enum {string}
         */
        DatePrecision: "year" | "month" | "day";
        /**
         * @description A display label in Vietnamese and English.
         * @example {
         *       "vi": "Chuyến thăm",
         *       "en": "Visit"
         *     }
         */
        Label: {
            vi: string;
            en: string;
        };
        /**
         * @description The kind of event.
         * @enum {string}
         */
        EventType: "visit" | "talks" | "reception" | "conference" | "signing" | "ceremony" | "award" | "other";
        /**
         * @description The kind of signed document.
         * @enum {string}
         */
        AgreementType: "mou" | "agreement" | "minutes" | "plan" | "other";
        /**
         * @example {
         *       "code": "CU",
         *       "name_vi": "Cuba",
         *       "name_en": "Cuba"
         *     }
         */
        CountryRef: {
            /** @description ISO 3166-1 alpha-2 code. */
            code: string;
            name_vi: string;
            name_en: string;
        };
        /**
         * @example {
         *       "id": 1,
         *       "code": "VN-MPS",
         *       "name_vi": "Bộ Công an",
         *       "name_en": "Ministry of Public Security",
         *       "country": "VN"
         *     }
         */
        MinistryRef: {
            id: number;
            /** @description Stable code such as "VN-MPS". */
            code: string;
            name_vi: string;
            name_en: string | null;
            /** @description ISO code of its country. */
            country: string;
        };
        /** @description A unit below a ministry (Tổng cục, Cục, Vụ…). */
        UnitRef: {
            id: number;
            code: string;
            name_vi: string;
            name_en: string | null;
        };
        /**
         * @example {
         *       "id": 1,
         *       "name": "Tô Lâm",
         *       "country": "VN"
         *     }
         */
        OfficialRef: {
            id: number;
            name: string;
            country: string | null;
        };
        Participant: {
            id: number;
            name: string;
            country: string | null;
            /**
             * @description The official's part in the event.
             * @enum {string}
             */
            role: "host" | "head_of_delegation" | "attendee";
        };
        /** @description An article that reports the fact. */
        Source: {
            article_id: number;
            title: string | null;
            url: string | null;
            /** @description Partial ISO date of publication, when known. */
            published_at: string | null;
        };
        /** @description An article that reports the fact, with the sentence that says so. */
        Evidence: {
            article_id: number;
            title: string | null;
            url: string | null;
            /** @description Partial ISO date of publication, when known. */
            published_at: string | null;
            /** @description The sentence of the article the fact was read from. */
            sentence: string;
        };
        /** @description Which parts of the event's start date the text stated, and which were inferred and from what. */
        DateParts: {
            /** @description The parts of `start` the article wrote for this activity. */
            stated: ("year" | "month" | "day")[];
            /** @description The parts of `start` read from elsewhere: a year taken from the publication date is inferred, not stated. */
            inferred: {
                /** @enum {string} */
                part: "year" | "month" | "day";
                /** @description Where it was taken from ("the publication date", "another report"…). */
                from: string;
            }[];
        };
        /** @description A visit, talks, conference or other activity, with who took part and the articles that report it. */
        Event: {
            id: number;
            type: components["schemas"]["EventType"];
            type_label: components["schemas"]["Label"];
            /** @description Partial ISO date: YYYY-MM-DD, YYYY-MM, YYYY, or --MM-DD when the year is unknown. */
            start: string | null;
            start_precision: components["schemas"]["DatePrecision"] | null;
            /** @description Partial ISO end date, for events over several days. */
            end: string | null;
            end_precision: components["schemas"]["DatePrecision"] | null;
            /** @description First day the dates allow (YYYY-MM-DD); null when no year is known. */
            span_from: string | null;
            /** @description Last day the dates allow (YYYY-MM-DD); null when no year is known. */
            span_to: string | null;
            place: string | null;
            summary: string;
            countries: components["schemas"]["CountryRef"][];
            officials: components["schemas"]["Participant"][];
            ministries: components["schemas"]["MinistryRef"][];
            agreements: {
                id: number;
                type: components["schemas"]["AgreementType"];
                title: string;
            }[];
            /** @description Topic codes (GET /v1/stats?group_by=topic lists them with labels). */
            topics: string[];
            sources: components["schemas"]["Source"][];
        };
        /** @description An event with the evidence sentence from each source. */
        EventDetail: {
            id: number;
            type: components["schemas"]["EventType"];
            type_label: components["schemas"]["Label"];
            /** @description Partial ISO date: YYYY-MM-DD, YYYY-MM, YYYY, or --MM-DD when the year is unknown. */
            start: string | null;
            start_precision: components["schemas"]["DatePrecision"] | null;
            /** @description Partial ISO end date, for events over several days. */
            end: string | null;
            end_precision: components["schemas"]["DatePrecision"] | null;
            /** @description First day the dates allow (YYYY-MM-DD); null when no year is known. */
            span_from: string | null;
            /** @description Last day the dates allow (YYYY-MM-DD); null when no year is known. */
            span_to: string | null;
            place: string | null;
            summary: string;
            countries: components["schemas"]["CountryRef"][];
            officials: components["schemas"]["Participant"][];
            ministries: components["schemas"]["MinistryRef"][];
            agreements: {
                id: number;
                type: components["schemas"]["AgreementType"];
                title: string;
            }[];
            /** @description Topic codes (GET /v1/stats?group_by=topic lists them with labels). */
            topics: string[];
            /** @description Why the date was read this way ("stated", "stated day and month; year from the publication date"…). */
            date_reason: string | null;
            date_parts: components["schemas"]["DateParts"];
            /** @description The recurring mechanism the event belongs to, when the text names one. */
            mechanism: string | null;
            /** @description Which session of that mechanism (8 for the 8th conference). */
            ordinal: number | null;
            sources: components["schemas"]["Evidence"][];
        };
        /** @description A party to an agreement: a country, and its ministry or unit where the text names one. */
        AgreementParty: {
            country: components["schemas"]["CountryRef"];
            ministry: components["schemas"]["MinistryRef"] | null;
            unit: components["schemas"]["UnitRef"] | null;
        };
        Agreement: {
            id: number;
            type: components["schemas"]["AgreementType"];
            type_label: components["schemas"]["Label"];
            title: string;
            /** @description Partial ISO date of signing, when known. */
            signed: string | null;
            signed_precision: components["schemas"]["DatePrecision"] | null;
            parties: components["schemas"]["AgreementParty"][];
            /** @description The event at which it was signed, when known. */
            event: {
                id: number;
                type: components["schemas"]["EventType"];
                start: string | null;
                summary: string;
            } | null;
            sources: components["schemas"]["Source"][];
        };
        AgreementDetail: {
            id: number;
            type: components["schemas"]["AgreementType"];
            type_label: components["schemas"]["Label"];
            title: string;
            /** @description Partial ISO date of signing, when known. */
            signed: string | null;
            signed_precision: components["schemas"]["DatePrecision"] | null;
            parties: components["schemas"]["AgreementParty"][];
            /** @description The event at which it was signed, when known. */
            event: {
                id: number;
                type: components["schemas"]["EventType"];
                start: string | null;
                summary: string;
            } | null;
            sources: components["schemas"]["Evidence"][];
        };
        AgreementList: {
            data: components["schemas"]["Agreement"][];
            meta: {
                /** @description How many results match, over all pages: exact whenever a rollup knows it, and up to 1000 when the planner expects no more; else the planner's estimate, and count_estimated is true. */
                count: number;
                /**
                 * @description Present (true) when count is an estimate.
                 * @constant
                 */
                count_estimated?: true;
                /** @description Pass as ?cursor= for the next page; null on the last page. */
                next_cursor: string | null;
            };
        };
        /**
         * @example {
         *       "type": "event",
         *       "id": 12,
         *       "action": "updated",
         *       "at": "2026-11-30T08:15:02.125Z",
         *       "href": "/v1/events/12"
         *     }
         */
        Change: {
            /**
             * @description What kind of record changed.
             * @enum {string}
             */
            type: "article" | "event" | "agreement" | "official" | "ministry" | "country";
            /** @description Its id: a number, or the ISO code for a country. */
            id: number | string;
            /**
             * @description deleted: it no longer exists; created: it was created since `since` (and may have changed again); updated: it changed.
             * @enum {string}
             */
            action: "created" | "updated" | "deleted";
            /** @description Its latest change (ISO 8601, the time of the transaction that made it). */
            at: string;
            /** @description The API path of the record as it is now; null when deleted. */
            href: string | null;
        };
        /** @description An imported news article: the provenance of every fact. */
        Article: {
            id: number;
            /** @description The article's identity across re-imports: its URL, else its file name. */
            source_key: string;
            file: string | null;
            url: string | null;
            outlet: string | null;
            title: string | null;
            /** @description Partial ISO date of publication: YYYY-MM-DD, YYYY-MM or YYYY. */
            published_at: string | null;
            published_precision: components["schemas"]["DatePrecision"] | null;
            /** @description When it was first imported (ISO 8601). */
            imported_at: string;
            /** @description When it last changed (ISO 8601). */
            updated_at: string;
            counts: {
                officials: number;
                events: number;
                agreements: number;
                countries: number;
                ministries: number;
            };
        };
        /** @description What the article says of one official: name, rank, offices, with the sentence. */
        OfficialMention: {
            official: components["schemas"]["OfficialRef"];
            name_as_written: string;
            rank: string | null;
            rank_code: string | null;
            offices: string[];
            ministry: components["schemas"]["MinistryRef"] | null;
            unit: components["schemas"]["UnitRef"] | null;
            observed_on: string | null;
            sentence: string;
        };
        ArticleEvent: {
            id: number;
            type: components["schemas"]["EventType"];
            type_label: components["schemas"]["Label"];
            start: string | null;
            start_precision: components["schemas"]["DatePrecision"] | null;
            end: string | null;
            place: string | null;
            summary: string;
            /** @description The sentence of this article the event was read from. */
            sentence: string;
        };
        ArticleAgreement: {
            id: number;
            type: components["schemas"]["AgreementType"];
            type_label: components["schemas"]["Label"];
            title: string;
            signed: string | null;
            /** @description The sentence of this article the agreement was read from. */
            sentence: string;
        };
        /** @description An article's metadata and every fact read from it. */
        ArticleFacts: {
            id: number;
            /** @description The article's identity across re-imports: its URL, else its file name. */
            source_key: string;
            file: string | null;
            url: string | null;
            outlet: string | null;
            title: string | null;
            /** @description Partial ISO date of publication: YYYY-MM-DD, YYYY-MM or YYYY. */
            published_at: string | null;
            published_precision: components["schemas"]["DatePrecision"] | null;
            /** @description When it was first imported (ISO 8601). */
            imported_at: string;
            /** @description When it last changed (ISO 8601). */
            updated_at: string;
            counts: {
                officials: number;
                events: number;
                agreements: number;
                countries: number;
                ministries: number;
            };
            /** @description Countries the article names as parties. */
            countries: components["schemas"]["CountryRef"][];
            ministries: components["schemas"]["MinistryRef"][];
            officials: components["schemas"]["OfficialMention"][];
            events: components["schemas"]["ArticleEvent"][];
            agreements: components["schemas"]["ArticleAgreement"][];
        };
        /** @description An article's metadata, text, and every fact read from it with its evidence. */
        ArticleDetail: {
            id: number;
            /** @description The article's identity across re-imports: its URL, else its file name. */
            source_key: string;
            file: string | null;
            url: string | null;
            outlet: string | null;
            title: string | null;
            /** @description Partial ISO date of publication: YYYY-MM-DD, YYYY-MM or YYYY. */
            published_at: string | null;
            published_precision: components["schemas"]["DatePrecision"] | null;
            /** @description When it was first imported (ISO 8601). */
            imported_at: string;
            /** @description When it last changed (ISO 8601). */
            updated_at: string;
            counts: {
                officials: number;
                events: number;
                agreements: number;
                countries: number;
                ministries: number;
            };
            /** @description The article body, without the site's chrome. */
            text: string;
            /** @description Countries the article names as parties. */
            countries: components["schemas"]["CountryRef"][];
            ministries: components["schemas"]["MinistryRef"][];
            officials: components["schemas"]["OfficialMention"][];
            events: components["schemas"]["ArticleEvent"][];
            agreements: components["schemas"]["ArticleAgreement"][];
        };
        ArticleList: {
            data: components["schemas"]["Article"][];
            meta: {
                /** @description How many results match, over all pages: exact whenever a rollup knows it, and up to 1000 when the planner expects no more; else the planner's estimate, and count_estimated is true. */
                count: number;
                /**
                 * @description Present (true) when count is an estimate.
                 * @constant
                 */
                count_estimated?: true;
                /** @description Pass as ?cursor= for the next page; null on the last page. */
                next_cursor: string | null;
            };
        };
        IngestResult: {
            /**
             * @description imported: new; updated: its content changed since the last import; unchanged: nothing to do.
             * @enum {string}
             */
            status: "imported" | "updated" | "unchanged";
            article_id: number;
            source_key: string;
            /** @description How many facts were read from the article. */
            facts: {
                officials: number;
                events: number;
                agreements: number;
                countries: number;
                ministries: number;
            };
            /** @description The article as stored, with every fact read from it (GET /v1/articles/{id} adds the text). */
            article: components["schemas"]["ArticleFacts"];
        };
        /** @description A page of events. */
        EventList: {
            data: components["schemas"]["Event"][];
            meta: {
                /** @description How many results match, over all pages: exact whenever a rollup knows it, and up to 1000 when the planner expects no more; else the planner's estimate, and count_estimated is true. */
                count: number;
                /**
                 * @description Present (true) when count is an estimate.
                 * @constant
                 */
                count_estimated?: true;
                /** @description Pass as ?cursor= for the next page; null on the last page. */
                next_cursor: string | null;
            };
        };
        /** @description How many events involve the country, officials and ministries belong to it, agreements it is party to and articles name it. */
        CountryCounts: {
            events: number;
            officials: number;
            ministries: number;
            agreements: number;
            articles: number;
        };
        /**
         * @example {
         *       "code": "CU",
         *       "name_vi": "Cuba",
         *       "name_en": "Cuba",
         *       "aliases": [
         *         "Cộng hòa Cuba"
         *       ],
         *       "counts": {
         *         "events": 8,
         *         "officials": 2,
         *         "ministries": 1,
         *         "agreements": 1,
         *         "articles": 2
         *       }
         *     }
         */
        Country: {
            /** @description ISO 3166-1 alpha-2 code. */
            code: string;
            name_vi: string;
            name_en: string;
            /** @description Other names the Vietnamese press uses. */
            aliases: string[];
            counts: components["schemas"]["CountryCounts"];
        };
        /** @description Events in one year (the year their span starts), by type; years without events are included as zeros. */
        TimelineYear: {
            year: number;
            total: number;
            by_type: {
                visit: number;
                talks: number;
                reception: number;
                conference: number;
                signing: number;
                ceremony: number;
                award: number;
                other: number;
            };
        };
        CountryTimeline: {
            data: components["schemas"]["TimelineYear"][];
            meta: {
                /** @description How many years. */
                count: number;
                next_cursor: null;
                /** @description Events involving the country whose year is unknown, left out of the years. */
                undated: number;
                /** @description The event types, in by_type's order. */
                types: components["schemas"]["EventType"][];
            };
        };
        /** @description The whole knowledge base as one document, the one `npm run export` writes: articles, countries, officials with their timelines, ministries, units, events and agreements with their evidence, and what each article mentions. Ids are prefixed strings (a12, o3, m1, u2, e7, g4). */
        Dump: {
            /** @description When the snapshot was taken (ISO 8601). */
            generated_at: string;
            articles: ({
                id: string;
            } & {
                [key: string]: unknown;
            })[];
            countries: ({
                code: string;
            } & {
                [key: string]: unknown;
            })[];
            officials: ({
                id: string;
            } & {
                [key: string]: unknown;
            })[];
            ministries: ({
                id: string;
            } & {
                [key: string]: unknown;
            })[];
            units: ({
                id: string;
            } & {
                [key: string]: unknown;
            })[];
            events: ({
                id: string;
            } & {
                [key: string]: unknown;
            })[];
            agreements: ({
                id: string;
            } & {
                [key: string]: unknown;
            })[];
            mentions: ({
                article: string;
            } & {
                [key: string]: unknown;
            })[];
        } & {
            [key: string]: unknown;
        };
        /** @description A ministry or agency of one country. */
        Ministry: {
            id: number;
            /** @description Stable code such as "VN-MPS". */
            code: string;
            name_vi: string;
            name_en: string | null;
            /** @description "ministry" or "agency". */
            kind: string;
            aliases: string[];
            country: components["schemas"]["CountryRef"];
            /** @description Events it took part in, officials seen in it, agreements it is party to, its units, and articles that name it. */
            counts: {
                events: number;
                officials: number;
                agreements: number;
                units: number;
                articles: number;
            };
        };
        /** @description An official some article places in the ministry, with the most recent such description. */
        MinistryOfficial: {
            id: number;
            name: string;
            country: string | null;
            rank: string | null;
            offices: string[];
            unit: components["schemas"]["UnitRef"] | null;
            observed_on: string | null;
        };
        /** @description A ministry with its units, the officials seen in it, and its recent events. */
        MinistryDetail: {
            id: number;
            /** @description Stable code such as "VN-MPS". */
            code: string;
            name_vi: string;
            name_en: string | null;
            /** @description "ministry" or "agency". */
            kind: string;
            aliases: string[];
            country: components["schemas"]["CountryRef"];
            /** @description Events it took part in, officials seen in it, agreements it is party to, its units, and articles that name it. */
            counts: {
                events: number;
                officials: number;
                agreements: number;
                units: number;
                articles: number;
            };
            units: {
                id: number;
                code: string;
                name_vi: string;
                name_en: string | null;
                aliases: string[];
            }[];
            officials: components["schemas"]["MinistryOfficial"][];
            /** @description Its 10 most recent events; GET /v1/events?ministry={id} lists them all. */
            recent_events: components["schemas"]["Event"][];
        };
        /**
         * @example {
         *       "id": 1,
         *       "name": "Tô Lâm",
         *       "country": {
         *         "code": "VN",
         *         "name_vi": "Việt Nam",
         *         "name_en": "Viet Nam"
         *       },
         *       "name_en": "To Lam",
         *       "name_native": null,
         *       "aliases": [
         *         "To Lam"
         *       ],
         *       "event_count": 12,
         *       "mention_count": 4,
         *       "latest": null
         *     }
         */
        Official: {
            id: number;
            /** @description The name as Vietnamese media write it. */
            name: string;
            /** @description The official's country, when known. */
            country: components["schemas"]["CountryRef"] | null;
            name_en: string | null;
            /** @description The name in its own script or spelling, when known. */
            name_native: string | null;
            aliases: string[];
            event_count: number;
            /** @description How many articles describe the official. */
            mention_count: number;
            /** @description Rank and offices from the most recent article that describes the official. */
            latest: {
                rank: string | null;
                offices: string[];
                ministry: components["schemas"]["MinistryRef"] | null;
                observed_on: string | null;
            } | null;
        };
        /** @description What one article says of the official's rank and offices, at its date. */
        Mention: {
            /** @description Partial ISO date the observation holds at; null when the article gives none. */
            observed_on: string | null;
            name_as_written: string;
            /** @description Rank as written ("Đại tướng"). */
            rank: string | null;
            /** @description Rank code ("general", "colonel_general"…). */
            rank_code: string | null;
            offices: string[];
            ministry: components["schemas"]["MinistryRef"] | null;
            unit: components["schemas"]["UnitRef"] | null;
            /** @description The sentence that says so. */
            sentence: string;
            source: components["schemas"]["Source"];
        };
        /** @description An official with their latest mentions, and the paths of all their mentions and events. */
        OfficialDetail: {
            id: number;
            /** @description The name as Vietnamese media write it. */
            name: string;
            /** @description The official's country, when known. */
            country: components["schemas"]["CountryRef"] | null;
            name_en: string | null;
            /** @description The name in its own script or spelling, when known. */
            name_native: string | null;
            aliases: string[];
            event_count: number;
            /** @description How many articles describe the official. */
            mention_count: number;
            /** @description The latest 5 mentions, newest first (undated ones last): the first items of mentions_href, which pages through all mention_count of them. */
            recent_mentions: components["schemas"]["Mention"][];
            /** @description The API path of every mention of the official, a page at a time, oldest or newest first: the timeline of their ranks and offices. */
            mentions_href: string;
            /** @description The API path of the events the official took part in. */
            events_href: string;
        };
        /** @description A page of an official's mentions. */
        MentionList: {
            data: components["schemas"]["Mention"][];
            meta: {
                /** @description How many results match, over all pages: exact whenever a rollup knows it, and up to 1000 when the planner expects no more; else the planner's estimate, and count_estimated is true. */
                count: number;
                /**
                 * @description Present (true) when count is an estimate.
                 * @constant
                 */
                count_estimated?: true;
                /** @description Pass as ?cursor= for the next page; null on the last page. */
                next_cursor: string | null;
            };
        };
        OfficialList: {
            data: components["schemas"]["Official"][];
            meta: {
                /** @description How many results match, over all pages: exact whenever a rollup knows it, and up to 1000 when the planner expects no more; else the planner's estimate, and count_estimated is true. */
                count: number;
                /**
                 * @description Present (true) when count is an estimate.
                 * @constant
                 */
                count_estimated?: true;
                /** @description Pass as ?cursor= for the next page; null on the last page. */
                next_cursor: string | null;
            };
        };
        /**
         * @example {
         *       "type": "official",
         *       "id": 1,
         *       "label": "Tô Lâm",
         *       "detail": "Việt Nam",
         *       "score": 1,
         *       "href": "/v1/officials/1"
         *     }
         */
        SearchHit: {
            /**
             * @description What kind of thing matched.
             * @enum {string}
             */
            type: "official" | "ministry" | "country" | "event" | "agreement";
            /** @description Its id: a number, or the ISO code for a country. */
            id: number | string;
            /** @description Its name, title or summary. */
            label: string;
            /** @description A few words to tell similar hits apart. */
            detail: string | null;
            /** @description 1 when the text contains the query (ignoring case and diacritics), else (officials, ministries and countries) the trigram word similarity of the query to the name, 0 to 1. */
            score: number;
            /** @description The API path of the full resource. */
            href: string;
        };
        SearchResults: {
            data: components["schemas"]["SearchHit"][];
            meta: {
                /** @description How many hits are returned (the best ones, up to limit). */
                count: number;
                next_cursor: null;
            };
        };
        /**
         * @example {
         *       "key": "CU",
         *       "name_vi": "Cuba",
         *       "name_en": "Cuba",
         *       "country": "CU",
         *       "count": 8
         *     }
         */
        StatsGroup: {
            /** @description The group, as the /v1/events filter of the same name takes it: country code, event type, year, topic code or ministry id; null for events whose year is unknown. */
            key: string | null;
            name_vi: string | null;
            name_en: string | null;
            /** @description ISO code of the group's country, for country and ministry groups. */
            country: string | null;
            /** @description Events in the group. */
            count: number;
        };
        Stats: {
            data: components["schemas"]["StatsGroup"][];
            meta: {
                /** @description How many groups. */
                count: number;
                next_cursor: null;
                /** @enum {string} */
                group_by: "country" | "type" | "year" | "topic" | "ministry";
                /** @description Events matching the filters. */
                total: number;
                /**
                 * @description Present (true) only when the counts and total are estimates: a q= text that many events match, counted over a sample (see exact).
                 * @constant
                 */
                approximate?: true;
                /** @description How the estimate was made, with approximate. */
                approximation?: {
                    /**
                     * @description Counted over a fixed sample of the events (those whose id is a multiple of 1/fraction), each count multiplied by 1/fraction.
                     * @constant
                     */
                    method: "sample";
                    /** @description The share of the events in the sample. */
                    fraction: number;
                    /** @description The sample's events that matched the filters. */
                    sample_matches: number;
                };
            };
        };
        CountryList: {
            data: components["schemas"]["Country"][];
            meta: {
                /** @description How many results match, over all pages: exact whenever a rollup knows it, and up to 1000 when the planner expects no more; else the planner's estimate, and count_estimated is true. */
                count: number;
                /**
                 * @description Present (true) when count is an estimate.
                 * @constant
                 */
                count_estimated?: true;
                /** @description Pass as ?cursor= for the next page; null on the last page. */
                next_cursor: string | null;
            };
        };
        MinistryList: {
            data: components["schemas"]["Ministry"][];
            meta: {
                /** @description How many results match, over all pages: exact whenever a rollup knows it, and up to 1000 when the planner expects no more; else the planner's estimate, and count_estimated is true. */
                count: number;
                /**
                 * @description Present (true) when count is an estimate.
                 * @constant
                 */
                count_estimated?: true;
                /** @description Pass as ?cursor= for the next page; null on the last page. */
                next_cursor: string | null;
            };
        };
        ChangeList: {
            data: components["schemas"]["Change"][];
            meta: {
                /** @description How many results match, over all pages: exact whenever a rollup knows it, and up to 1000 when the planner expects no more; else the planner's estimate, and count_estimated is true. */
                count: number;
                /**
                 * @description Present (true) when count is an estimate.
                 * @constant
                 */
                count_estimated?: true;
                /** @description Pass as ?cursor= for the next page; null on the last page. */
                next_cursor: string | null;
            };
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: {
        /** @description Requests allowed per window (RATE_LIMIT_MAX). */
        "X-RateLimit-Limit": number;
        /** @description Requests left in the current window. */
        "X-RateLimit-Remaining": number;
        /** @description Seconds until the window resets. */
        "X-RateLimit-Reset": number;
        /** @description Seconds to wait before trying again. */
        "Retry-After": number;
    };
    pathItems: never;
};
export type $defs = Record<string, never>;
export interface operations {
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ok";
                        /** @description Seconds since the process started. */
                        uptime: number;
                    };
                };
            };
        };
    };
    getReady: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ready";
                    };
                };
            };
            /** @description The service cannot answer: writes are disabled (no API_KEY) or the database is unreachable. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listEvents: {
        parameters: {
            query?: {
                /** @description ISO country code, case-insensitive; repeat it for events involving all the given countries (country=CU&country=VN). */
                country?: string[];
                /** @description An official's id: events they took part in. */
                official?: number;
                /** @description A ministry's id: events it took part in. */
                ministry?: number;
                /** @description Event type; repeat it for any of several (type=visit&type=talks). One of visit, talks, reception, conference, signing, ceremony, award, other. */
                type?: ("visit" | "talks" | "reception" | "conference" | "signing" | "ceremony" | "award" | "other")[];
                /** @description Topic code, such as cyber_security or drugs. */
                topic?: string;
                /** @description Events whose dates overlap the period from this date on: YYYY, YYYY-MM or YYYY-MM-DD (from=2024 means from 1 January 2024). Events whose year is unknown never match a date range. */
                from?: string;
                /** @description Events whose dates overlap the period up to the end of this date: YYYY, YYYY-MM or YYYY-MM-DD (to=2024-05 means to 31 May 2024). */
                to?: string;
                /** @description Text in the event (summary, place, participants…), ignoring case and diacritics: "to lam" finds "Tô Lâm". */
                q?: string;
                /** @description Only records created or changed at or after this time (ISO 8601, UTC unless an offset is given; a date means its midnight). A change to a record's parts (an event's participants or sources…) counts. GET /v1/changes also lists deletions. */
                updated_since?: string;
                /** @description date: oldest first; -date: newest first (the default). Undated rows come last either way. */
                sort?: "date" | "-date";
                /** @description Page size, 1 to 200 (default 50). */
                limit?: number;
                /** @description Opaque cursor from a previous page's meta.next_cursor; omit for the first page. */
                cursor?: string;
                /** @description Only these fields of each item, comma-separated (id, type, type_label, start, start_precision, end, end_precision, span_from, span_to, place, summary, countries, officials, ministries, agreements, topics, sources); all of them when absent. */
                select?: string;
                /** @description json (the default): one page, as {data, meta}. csv or ndjson: every item from cursor on, streamed without paging (at most limit when limit is given); the same as Accept: text/csv or application/x-ndjson. */
                format?: "json" | "csv" | "ndjson";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of events. */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventList"];
                    "text/csv": string;
                    "application/x-ndjson": components["schemas"]["Event"];
                };
            };
            /** @description A parameter is invalid: `errors` lists each one, with where it is and why. */
            400: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this client; retry after the Retry-After header's seconds. */
            429: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service cannot answer: writes are disabled (no API_KEY) or the database is unreachable. */
            503: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getEvent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The numeric id. */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An event with the evidence sentence from each source. */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventDetail"];
                };
            };
            /** @description A parameter is invalid: `errors` lists each one, with where it is and why. */
            400: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description There is no such resource. */
            404: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this client; retry after the Retry-After header's seconds. */
            429: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service cannot answer: writes are disabled (no API_KEY) or the database is unreachable. */
            503: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listOfficials: {
        parameters: {
            query?: {
                /** @description Name or alias, ignoring case and diacritics ("to lam" finds "Tô Lâm"). */
                q?: string;
                /** @description Officials of this country (ISO code). */
                country?: string;
                /** @description Officials some article places in this ministry (its id). */
                ministry?: number;
                /** @description Only records created or changed at or after this time (ISO 8601, UTC unless an offset is given; a date means its midnight). A change to a record's parts (an event's participants or sources…) counts. GET /v1/changes also lists deletions. */
                updated_since?: string;
                /** @description Page size, 1 to 200 (default 50). */
                limit?: number;
                /** @description Opaque cursor from a previous page's meta.next_cursor; omit for the first page. */
                cursor?: string;
                /** @description Only these fields of each item, comma-separated (id, name, country, name_en, name_native, aliases, event_count, mention_count, latest); all of them when absent. */
                select?: string;
                /** @description json (the default): one page, as {data, meta}. csv or ndjson: every item from cursor on, streamed without paging (at most limit when limit is given); the same as Accept: text/csv or application/x-ndjson. */
                format?: "json" | "csv" | "ndjson";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OfficialList"];
                    "text/csv": string;
                    "application/x-ndjson": components["schemas"]["Official"];
                };
            };
            /** @description A parameter is invalid: `errors` lists each one, with where it is and why. */
            400: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this client; retry after the Retry-After header's seconds. */
            429: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service cannot answer: writes are disabled (no API_KEY) or the database is unreachable. */
            503: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getOfficial: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The numeric id. */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An official with their latest mentions, and the paths of all their mentions and events. */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OfficialDetail"];
                };
            };
            /** @description A parameter is invalid: `errors` lists each one, with where it is and why. */
            400: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description There is no such resource. */
            404: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this client; retry after the Retry-After header's seconds. */
            429: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service cannot answer: writes are disabled (no API_KEY) or the database is unreachable. */
            503: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listOfficialMentions: {
        parameters: {
            query?: {
                /** @description date: oldest first, for the timeline of ranks and offices; -date: newest first (the default). Undated mentions come last either way. */
                sort?: "date" | "-date";
                /** @description Page size, 1 to 200 (default 50). */
                limit?: number;
                /** @description Opaque cursor from a previous page's meta.next_cursor; omit for the first page. */
                cursor?: string;
                /** @description json (the default): one page, as {data, meta}. csv or ndjson: every item from cursor on, streamed without paging (at most limit when limit is given); the same as Accept: text/csv or application/x-ndjson. */
                format?: "json" | "csv" | "ndjson";
            };
            header?: never;
            path: {
                /** @description The numeric id. */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of an official's mentions. */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MentionList"];
                    "text/csv": string;
                    "application/x-ndjson": components["schemas"]["Mention"];
                };
            };
            /** @description A parameter is invalid: `errors` lists each one, with where it is and why. */
            400: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description There is no such resource. */
            404: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this client; retry after the Retry-After header's seconds. */
            429: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service cannot answer: writes are disabled (no API_KEY) or the database is unreachable. */
            503: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listOfficialEvents: {
        parameters: {
            query?: {
                /** @description ISO country code, case-insensitive; repeat it for events involving all the given countries (country=CU&country=VN). */
                country?: string[];
                /** @description A ministry's id: events it took part in. */
                ministry?: number;
                /** @description Event type; repeat it for any of several (type=visit&type=talks). One of visit, talks, reception, conference, signing, ceremony, award, other. */
                type?: ("visit" | "talks" | "reception" | "conference" | "signing" | "ceremony" | "award" | "other")[];
                /** @description Topic code, such as cyber_security or drugs. */
                topic?: string;
                /** @description Events whose dates overlap the period from this date on: YYYY, YYYY-MM or YYYY-MM-DD (from=2024 means from 1 January 2024). Events whose year is unknown never match a date range. */
                from?: string;
                /** @description Events whose dates overlap the period up to the end of this date: YYYY, YYYY-MM or YYYY-MM-DD (to=2024-05 means to 31 May 2024). */
                to?: string;
                /** @description Text in the event (summary, place, participants…), ignoring case and diacritics: "to lam" finds "Tô Lâm". */
                q?: string;
                /** @description Only records created or changed at or after this time (ISO 8601, UTC unless an offset is given; a date means its midnight). A change to a record's parts (an event's participants or sources…) counts. GET /v1/changes also lists deletions. */
                updated_since?: string;
                /** @description date: oldest first; -date: newest first (the default). Undated rows come last either way. */
                sort?: "date" | "-date";
                /** @description Page size, 1 to 200 (default 50). */
                limit?: number;
                /** @description Opaque cursor from a previous page's meta.next_cursor; omit for the first page. */
                cursor?: string;
                /** @description Only these fields of each item, comma-separated (id, type, type_label, start, start_precision, end, end_precision, span_from, span_to, place, summary, countries, officials, ministries, agreements, topics, sources); all of them when absent. */
                select?: string;
                /** @description json (the default): one page, as {data, meta}. csv or ndjson: every item from cursor on, streamed without paging (at most limit when limit is given); the same as Accept: text/csv or application/x-ndjson. */
                format?: "json" | "csv" | "ndjson";
            };
            header?: never;
            path: {
                /** @description The numeric id. */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of events. */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventList"];
                    "text/csv": string;
                    "application/x-ndjson": components["schemas"]["Event"];
                };
            };
            /** @description A parameter is invalid: `errors` lists each one, with where it is and why. */
            400: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description There is no such resource. */
            404: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this client; retry after the Retry-After header's seconds. */
            429: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service cannot answer: writes are disabled (no API_KEY) or the database is unreachable. */
            503: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listCountries: {
        parameters: {
            query?: {
                /** @description Name in Vietnamese or English, ignoring case and diacritics. */
                q?: string;
                /** @description true: only countries the knowledge base has facts about (events, officials, ministries, agreements or articles). */
                involved?: "true" | "false";
                /** @description Only records created or changed at or after this time (ISO 8601, UTC unless an offset is given; a date means its midnight). A change to a record's parts (an event's participants or sources…) counts. GET /v1/changes also lists deletions. */
                updated_since?: string;
                /** @description Page size, 1 to 250 (default 250). */
                limit?: number;
                /** @description Opaque cursor from a previous page's meta.next_cursor; omit for the first page. */
                cursor?: string;
                /** @description json (the default): one page, as {data, meta}. csv or ndjson: every item from cursor on, streamed without paging (at most limit when limit is given); the same as Accept: text/csv or application/x-ndjson. */
                format?: "json" | "csv" | "ndjson";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CountryList"];
                    "text/csv": string;
                    "application/x-ndjson": components["schemas"]["Country"];
                };
            };
            /** @description A parameter is invalid: `errors` lists each one, with where it is and why. */
            400: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this client; retry after the Retry-After header's seconds. */
            429: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service cannot answer: writes are disabled (no API_KEY) or the database is unreachable. */
            503: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCountry: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description ISO 3166-1 alpha-2 code, in either case. */
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Country"];
                };
            };
            /** @description A parameter is invalid: `errors` lists each one, with where it is and why. */
            400: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description There is no such resource. */
            404: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this client; retry after the Retry-After header's seconds. */
            429: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service cannot answer: writes are disabled (no API_KEY) or the database is unreachable. */
            503: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listCountryEvents: {
        parameters: {
            query?: {
                /** @description ISO country code, case-insensitive; repeat it for events involving all the given countries (country=CU&country=VN). */
                country?: string[];
                /** @description An official's id: events they took part in. */
                official?: number;
                /** @description A ministry's id: events it took part in. */
                ministry?: number;
                /** @description Event type; repeat it for any of several (type=visit&type=talks). One of visit, talks, reception, conference, signing, ceremony, award, other. */
                type?: ("visit" | "talks" | "reception" | "conference" | "signing" | "ceremony" | "award" | "other")[];
                /** @description Topic code, such as cyber_security or drugs. */
                topic?: string;
                /** @description Events whose dates overlap the period from this date on: YYYY, YYYY-MM or YYYY-MM-DD (from=2024 means from 1 January 2024). Events whose year is unknown never match a date range. */
                from?: string;
                /** @description Events whose dates overlap the period up to the end of this date: YYYY, YYYY-MM or YYYY-MM-DD (to=2024-05 means to 31 May 2024). */
                to?: string;
                /** @description Text in the event (summary, place, participants…), ignoring case and diacritics: "to lam" finds "Tô Lâm". */
                q?: string;
                /** @description Only records created or changed at or after this time (ISO 8601, UTC unless an offset is given; a date means its midnight). A change to a record's parts (an event's participants or sources…) counts. GET /v1/changes also lists deletions. */
                updated_since?: string;
                /** @description date: oldest first; -date: newest first (the default). Undated rows come last either way. */
                sort?: "date" | "-date";
                /** @description Page size, 1 to 200 (default 50). */
                limit?: number;
                /** @description Opaque cursor from a previous page's meta.next_cursor; omit for the first page. */
                cursor?: string;
                /** @description Only these fields of each item, comma-separated (id, type, type_label, start, start_precision, end, end_precision, span_from, span_to, place, summary, countries, officials, ministries, agreements, topics, sources); all of them when absent. */
                select?: string;
                /** @description json (the default): one page, as {data, meta}. csv or ndjson: every item from cursor on, streamed without paging (at most limit when limit is given); the same as Accept: text/csv or application/x-ndjson. */
                format?: "json" | "csv" | "ndjson";
            };
            header?: never;
            path: {
                /** @description ISO 3166-1 alpha-2 code, in either case. */
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of events. */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventList"];
                    "text/csv": string;
                    "application/x-ndjson": components["schemas"]["Event"];
                };
            };
            /** @description A parameter is invalid: `errors` lists each one, with where it is and why. */
            400: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description There is no such resource. */
            404: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this client; retry after the Retry-After header's seconds. */
            429: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service cannot answer: writes are disabled (no API_KEY) or the database is unreachable. */
            503: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listCountryTimeline: {
        parameters: {
            query?: {
                /** @description ISO country code, case-insensitive; repeat it for events involving all the given countries (country=CU&country=VN). */
                country?: string[];
                /** @description An official's id: events they took part in. */
                official?: number;
                /** @description A ministry's id: events it took part in. */
                ministry?: number;
                /** @description Event type; repeat it for any of several (type=visit&type=talks). One of visit, talks, reception, conference, signing, ceremony, award, other. */
                type?: ("visit" | "talks" | "reception" | "conference" | "signing" | "ceremony" | "award" | "other")[];
                /** @description Topic code, such as cyber_security or drugs. */
                topic?: string;
                /** @description Events whose dates overlap the period from this date on: YYYY, YYYY-MM or YYYY-MM-DD (from=2024 means from 1 January 2024). Events whose year is unknown never match a date range. */
                from?: string;
                /** @description Events whose dates overlap the period up to the end of this date: YYYY, YYYY-MM or YYYY-MM-DD (to=2024-05 means to 31 May 2024). */
                to?: string;
                /** @description Text in the event (summary, place, participants…), ignoring case and diacritics: "to lam" finds "Tô Lâm". */
                q?: string;
                /** @description Only records created or changed at or after this time (ISO 8601, UTC unless an offset is given; a date means its midnight). A change to a record's parts (an event's participants or sources…) counts. GET /v1/changes also lists deletions. */
                updated_since?: string;
                /** @description json (the default): one page, as {data, meta}. csv or ndjson: every item from cursor on, streamed without paging (at most limit when limit is given); the same as Accept: text/csv or application/x-ndjson. */
                format?: "json" | "csv" | "ndjson";
            };
            header?: never;
            path: {
                /** @description ISO 3166-1 alpha-2 code, in either case. */
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CountryTimeline"];
                    "text/csv": string;
                    "application/x-ndjson": components["schemas"]["TimelineYear"];
                };
            };
            /** @description A parameter is invalid: `errors` lists each one, with where it is and why. */
            400: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description There is no such resource. */
            404: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this client; retry after the Retry-After header's seconds. */
            429: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service cannot answer: writes are disabled (no API_KEY) or the database is unreachable. */
            503: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listMinistries: {
        parameters: {
            query?: {
                /** @description Ministries of this country (ISO code). */
                country?: string;
                /** @description Name in Vietnamese or English, ignoring case and diacritics. */
                q?: string;
                /** @description Only records created or changed at or after this time (ISO 8601, UTC unless an offset is given; a date means its midnight). A change to a record's parts (an event's participants or sources…) counts. GET /v1/changes also lists deletions. */
                updated_since?: string;
                /** @description Page size, 1 to 200 (default 50). */
                limit?: number;
                /** @description Opaque cursor from a previous page's meta.next_cursor; omit for the first page. */
                cursor?: string;
                /** @description json (the default): one page, as {data, meta}. csv or ndjson: every item from cursor on, streamed without paging (at most limit when limit is given); the same as Accept: text/csv or application/x-ndjson. */
                format?: "json" | "csv" | "ndjson";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MinistryList"];
                    "text/csv": string;
                    "application/x-ndjson": components["schemas"]["Ministry"];
                };
            };
            /** @description A parameter is invalid: `errors` lists each one, with where it is and why. */
            400: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this client; retry after the Retry-After header's seconds. */
            429: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service cannot answer: writes are disabled (no API_KEY) or the database is unreachable. */
            503: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMinistry: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The numeric id. */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A ministry with its units, the officials seen in it, and its recent events. */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MinistryDetail"];
                };
            };
            /** @description A parameter is invalid: `errors` lists each one, with where it is and why. */
            400: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description There is no such resource. */
            404: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this client; retry after the Retry-After header's seconds. */
            429: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service cannot answer: writes are disabled (no API_KEY) or the database is unreachable. */
            503: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listAgreements: {
        parameters: {
            query?: {
                /** @description ISO country code of a party, case-insensitive; repeat it for agreements between all the given countries. */
                country?: string[];
                /** @description A ministry's id: agreements it is party to. */
                ministry?: number;
                /** @description Agreement type; repeat it for any of several. One of mou, agreement, minutes, plan, other. */
                type?: ("mou" | "agreement" | "minutes" | "plan" | "other")[];
                /** @description Agreements whose signing date overlaps the period from this date on (YYYY, YYYY-MM or YYYY-MM-DD); undated ones never match. */
                from?: string;
                /** @description Agreements whose signing date overlaps the period up to the end of this date. */
                to?: string;
                /** @description Text in the title or parties, ignoring case and diacritics. */
                q?: string;
                /** @description date: oldest first; -date: newest first (the default). Undated rows come last either way. */
                sort?: "date" | "-date";
                /** @description Only records created or changed at or after this time (ISO 8601, UTC unless an offset is given; a date means its midnight). A change to a record's parts (an event's participants or sources…) counts. GET /v1/changes also lists deletions. */
                updated_since?: string;
                /** @description Page size, 1 to 200 (default 50). */
                limit?: number;
                /** @description Opaque cursor from a previous page's meta.next_cursor; omit for the first page. */
                cursor?: string;
                /** @description Only these fields of each item, comma-separated (id, type, type_label, title, signed, signed_precision, parties, event, sources); all of them when absent. */
                select?: string;
                /** @description json (the default): one page, as {data, meta}. csv or ndjson: every item from cursor on, streamed without paging (at most limit when limit is given); the same as Accept: text/csv or application/x-ndjson. */
                format?: "json" | "csv" | "ndjson";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgreementList"];
                    "text/csv": string;
                    "application/x-ndjson": components["schemas"]["Agreement"];
                };
            };
            /** @description A parameter is invalid: `errors` lists each one, with where it is and why. */
            400: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this client; retry after the Retry-After header's seconds. */
            429: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service cannot answer: writes are disabled (no API_KEY) or the database is unreachable. */
            503: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getAgreement: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The numeric id. */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgreementDetail"];
                };
            };
            /** @description A parameter is invalid: `errors` lists each one, with where it is and why. */
            400: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description There is no such resource. */
            404: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this client; retry after the Retry-After header's seconds. */
            429: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service cannot answer: writes are disabled (no API_KEY) or the database is unreachable. */
            503: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listArticles: {
        parameters: {
            query?: {
                /** @description Articles naming all these countries as parties (ISO codes). */
                country?: string[];
                /** @description Articles naming this ministry (its id). */
                ministry?: number;
                /** @description Articles describing this official (their id). */
                official?: number;
                /** @description Only records created or changed at or after this time (ISO 8601, UTC unless an offset is given; a date means its midnight). A change to a record's parts (an event's participants or sources…) counts. GET /v1/changes also lists deletions. */
                updated_since?: string;
                /** @description Page size, 1 to 200 (default 50). */
                limit?: number;
                /** @description Opaque cursor from a previous page's meta.next_cursor; omit for the first page. */
                cursor?: string;
                /** @description Only these fields of each item, comma-separated (id, source_key, file, url, outlet, title, published_at, published_precision, imported_at, updated_at, counts); all of them when absent. */
                select?: string;
                /** @description json (the default): one page, as {data, meta}. csv or ndjson: every item from cursor on, streamed without paging (at most limit when limit is given); the same as Accept: text/csv or application/x-ndjson. */
                format?: "json" | "csv" | "ndjson";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ArticleList"];
                    "text/csv": string;
                    "application/x-ndjson": components["schemas"]["Article"];
                };
            };
            /** @description A parameter is invalid: `errors` lists each one, with where it is and why. */
            400: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this client; retry after the Retry-After header's seconds. */
            429: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service cannot answer: writes are disabled (no API_KEY) or the database is unreachable. */
            503: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createArticle: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description One article in the importer's JSON record form. Fields other than these are ignored. */
        requestBody: {
            content: {
                "application/json": {
                    /** @description The article's http(s) URL: its identity, so that posting it again updates it instead of adding a copy. */
                    url?: string | null;
                    title?: string | null;
                    /** @description Publication date: ISO (2024-06-04, or a timestamp) or as the page prints it (04/06/2024). */
                    published_at?: string | null;
                    /** @description The article as plain text, paragraphs separated by blank lines. Give text or html. */
                    text?: string | null;
                    /** @description The page's HTML, read when there is no text; its meta tags fill the fields the record leaves out. */
                    html?: string | null;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IngestResult"];
                };
            };
            /** @description Created */
            201: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IngestResult"];
                };
            };
            /** @description A parameter is invalid: `errors` lists each one, with where it is and why. */
            400: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The API key is missing or wrong. */
            401: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A conflicting request was being handled at the same moment; send it again. */
            409: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the server's BODY_LIMIT. */
            413: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not JSON. */
            415: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request is well formed but cannot be used: `detail` says why. */
            422: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this client; retry after the Retry-After header's seconds. */
            429: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service cannot answer: writes are disabled (no API_KEY) or the database is unreachable. */
            503: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getArticle: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The numeric id. */
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An article's metadata, text, and every fact read from it with its evidence. */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ArticleDetail"];
                };
            };
            /** @description A parameter is invalid: `errors` lists each one, with where it is and why. */
            400: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description There is no such resource. */
            404: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this client; retry after the Retry-After header's seconds. */
            429: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service cannot answer: writes are disabled (no API_KEY) or the database is unreachable. */
            503: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    search: {
        parameters: {
            query: {
                /** @description What to look for, ignoring case and diacritics and tolerating typos ("to lam", "Lazaro Alvares"). */
                q: string;
                /** @description Only these kinds of results; repeat it for several. One of official, ministry, country, event, agreement. */
                type?: ("official" | "ministry" | "country" | "event" | "agreement")[];
                /** @description Page size, 1 to 100 (default 20). */
                limit?: number;
                /** @description Only records created or changed at or after this time (ISO 8601, UTC unless an offset is given; a date means its midnight). A change to a record's parts (an event's participants or sources…) counts. GET /v1/changes also lists deletions. */
                updated_since?: string;
                /** @description json (the default): one page, as {data, meta}. csv or ndjson: every item from cursor on, streamed without paging (at most limit when limit is given); the same as Accept: text/csv or application/x-ndjson. */
                format?: "json" | "csv" | "ndjson";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SearchResults"];
                    "text/csv": string;
                    "application/x-ndjson": components["schemas"]["SearchHit"];
                };
            };
            /** @description A parameter is invalid: `errors` lists each one, with where it is and why. */
            400: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this client; retry after the Retry-After header's seconds. */
            429: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service cannot answer: writes are disabled (no API_KEY) or the database is unreachable. */
            503: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listStats: {
        parameters: {
            query: {
                /** @description What to count events by. An event counts once for each of its countries, topics and ministries. */
                group_by: "country" | "type" | "year" | "topic" | "ministry";
                /** @description ISO country code, case-insensitive; repeat it for events involving all the given countries (country=CU&country=VN). */
                country?: string[];
                /** @description An official's id: events they took part in. */
                official?: number;
                /** @description A ministry's id: events it took part in. */
                ministry?: number;
                /** @description Event type; repeat it for any of several (type=visit&type=talks). One of visit, talks, reception, conference, signing, ceremony, award, other. */
                type?: ("visit" | "talks" | "reception" | "conference" | "signing" | "ceremony" | "award" | "other")[];
                /** @description Topic code, such as cyber_security or drugs. */
                topic?: string;
                /** @description Events whose dates overlap the period from this date on: YYYY, YYYY-MM or YYYY-MM-DD (from=2024 means from 1 January 2024). Events whose year is unknown never match a date range. */
                from?: string;
                /** @description Events whose dates overlap the period up to the end of this date: YYYY, YYYY-MM or YYYY-MM-DD (to=2024-05 means to 31 May 2024). */
                to?: string;
                /** @description Text in the event (summary, place, participants…), ignoring case and diacritics: "to lam" finds "Tô Lâm". */
                q?: string;
                /** @description Only records created or changed at or after this time (ISO 8601, UTC unless an offset is given; a date means its midnight). A change to a record's parts (an event's participants or sources…) counts. GET /v1/changes also lists deletions. */
                updated_since?: string;
                /** @description With q: count every matching event even when many match. Without it, when the text matches more than 2000 events (as a sample says), the counts are estimated from one event in 16 and meta.approximate is true. */
                exact?: "true" | "false";
                /** @description json (the default): one page, as {data, meta}. csv or ndjson: every item from cursor on, streamed without paging (at most limit when limit is given); the same as Accept: text/csv or application/x-ndjson. */
                format?: "json" | "csv" | "ndjson";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Stats"];
                    "text/csv": string;
                    "application/x-ndjson": components["schemas"]["StatsGroup"];
                };
            };
            /** @description A parameter is invalid: `errors` lists each one, with where it is and why. */
            400: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this client; retry after the Retry-After header's seconds. */
            429: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service cannot answer: writes are disabled (no API_KEY) or the database is unreachable. */
            503: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getDump: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The whole knowledge base as one document, the one `npm run export` writes: articles, countries, officials with their timelines, ministries, units, events and agreements with their evidence, and what each article mentions. Ids are prefixed strings (a12, o3, m1, u2, e7, g4). */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Dump"];
                };
            };
            /** @description Too many requests from this client; retry after the Retry-After header's seconds. */
            429: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service cannot answer: writes are disabled (no API_KEY) or the database is unreachable. */
            503: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listChanges: {
        parameters: {
            query?: {
                /** @description Changes at or after this time (ISO 8601: 2026-11-30T08:00:00Z, or a date). Omitted: every record ever created, deleted ones included. To keep a copy in step, pass the latest `at` you have seen: changes at that very time come again, none are missed. */
                since?: string;
                /** @description Only these kinds of records; repeat it for several. One of article, event, agreement, official, ministry, country. */
                type?: ("article" | "event" | "agreement" | "official" | "ministry" | "country")[];
                /** @description Page size, 1 to 1000 (default 100). */
                limit?: number;
                /** @description Opaque cursor from a previous page's meta.next_cursor; omit for the first page. */
                cursor?: string;
                /** @description json (the default): one page, as {data, meta}. csv or ndjson: every item from cursor on, streamed without paging (at most limit when limit is given); the same as Accept: text/csv or application/x-ndjson. */
                format?: "json" | "csv" | "ndjson";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChangeList"];
                    "text/csv": string;
                    "application/x-ndjson": components["schemas"]["Change"];
                };
            };
            /** @description A parameter is invalid: `errors` lists each one, with where it is and why. */
            400: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this client; retry after the Retry-After header's seconds. */
            429: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Retry-After": components["headers"]["Retry-After"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The service cannot answer: writes are disabled (no API_KEY) or the database is unreachable. */
            503: {
                headers: {
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
}
