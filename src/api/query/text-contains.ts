// The text filters of events, agreements and officials: the stored folded text
// (search_folded) contains the query, ignoring case and diacritics.
//
// search_folded's trigram index takes each word apart: "nguyen van an" is the
// trigrams of "nguyen", "van" and "an", and at a million events thousands
// hold all of them without the phrase, each read from the table to be
// rejected. A text of several words is looked up instead by keys that cross
// its words, which few rows hold without the phrase (migration
// 20261222100000_cross_keys): each inner word whole between the ends of its
// neighbours ("luyen hong chinh" by a word ending "yen", then "hong", then
// one starting "ch"), or, for a text without one, the pairs of adjacent
// words (a word ending "van", then one starting "an"; "to lam", whose first
// word may be cut, by a word ending "to", then one starting "la"). Any text
// that contains the query holds those keys, so the index only narrows the
// rows down; the query is then tested as it is.
//
// Each test reads the query from a Needle: by default its folded forms are
// written from the bound text and folded when the statement is planned, so
// that the plan is made for this text (which index, for how many rows); a kept
// needle (keptNeedle) is read once per execution from the statement's `needle`
// row, so that one plan serves every text.
import { escapeLike, normalizeQuery, raw, sql, type Sql } from "./sql.ts";

/** The searched text as a statement spells it. */
export interface Needle {
  /** The text, whitespace collapsed. */
  text: string;
  /** Its folded form, as search_folded holds texts. */
  folded: Sql;
  /** `%…%` around the folded text with LIKE's special characters escaped: the pattern the trigram indexes serve. */
  pattern: Sql;
  /**
   * A kept needle's lookups of a phrase: its keys across words, NULL when
   * it has none, and its pattern, NULL when it has keys. An index scan for a
   * NULL key reads nothing, so only the one that applies reads its index.
   */
  kept?: { keys: Sql; keyless: Sql };
}

/** The text's needle, folded when the statement is planned. */
export function needleOf(q: string | Needle): Needle {
  if (typeof q !== "string") return q;
  const text = normalizeQuery(q);
  return { text, folded: sql`hoptac_fold(${text})`, pattern: sql`'%' || hoptac_fold(${escapeLike(text)}) || '%'` };
}

/**
 * The text's needle read from the statement's `needle` row, and that row's
 * CTE (`needle AS MATERIALIZED (…)`, to put in the statement's WITH): the
 * text is folded once per execution, and nothing in the plan depends on it.
 */
export function keptNeedle(q: string): { needle: Needle; cte: Sql } {
  const { text, folded, pattern } = needleOf(q);
  const cte = sql`needle AS MATERIALIZED (
      SELECT f AS folded, p AS pattern, CASE WHEN cardinality(k) > 0 THEN k END AS keys, CASE WHEN cardinality(k) = 0 THEN p END AS keyless
      FROM (SELECT f, p, hoptac_phrase_cross_keys(f) AS k FROM (SELECT ${folded} AS f, ${pattern} AS p) x) y)`;
  const column = (name: string) => raw(`(SELECT ${name} FROM needle)`);
  return { needle: { text, folded: column("folded"), pattern: column("pattern"), kept: { keys: column("keys"), keyless: column("keyless") } }, cte };
}

/**
 * `folded` (an expression already under hoptac_fold, as its trigram index has it)
 * contains the text, ignoring case and diacritics.
 */
export function foldedContains(folded: Sql, q: string | Needle): Sql {
  return sql`${folded} LIKE ${needleOf(q).pattern}`;
}

/**
 * Whether a statement can keep one plan for any text like this one (a kept
 * needle): one with a word of three letters or more, whose trigram lookups
 * then have a trigram to look up. A shorter text is planned for itself: a
 * trigram index would be read whole for it.
 */
export function keepsNeedle(q: string): boolean {
  return /\S{3}/.test(normalizeQuery(q));
}

/**
 * Whether the text is one word under three letters ("vu", "ly"): it holds no
 * trigram, so that no index finds its rows, and a trigram index would be
 * read whole for it.
 */
export function isShortWord(q: string): boolean {
  const text = normalizeQuery(q);
  return text.length < 3 && !/\s/.test(text);
}

/** Whether the text has several words, looked up by keys across them (else by the per-word index). */
export function isPhrase(q: string): boolean {
  return normalizeQuery(q).includes(" ");
}

/** `column` (an event's, agreement's or official's search_folded) contains the text. */
export function textContains(column: Sql, q: string | Needle): Sql {
  const needle = needleOf(q);
  if (needle.kept && isPhrase(needle.text)) throw new Error("a kept needle of several words is read through textLookups");
  return isPhrase(needle.text) ? byCrossKeys(column, needle) : foldedContains(column, needle);
}

/**
 * The tables of the words of events' and agreements' texts, and of officials'
 * distinct folded names (migration 20261216100000_search_terms), each looked
 * up by hoptac_terms_hold (migration 20261219100100_terms_hold_kept_plans),
 * by the column that holds their terms.
 */
const TERM = { event_words: "word", agreement_words: "word", official_names: "folded" } as const;
export type WordsTable = keyof typeof TERM;

/**
 * Whether a word of the kind's texts holds the text, or nothing to test: a
 * condition on no row, which Postgres tests once, before it reads any. A
 * text without a space that a row contains lies within one of the row's
 * words (runs of characters between spaces), so when no word holds it no row
 * does (a typo: at 1 M synthetic events, "hanoi" read 15–19 ms of the
 * events' trigram lists to find nothing; their words are 768). A text of
 * several words is left to its keys across words. A word under three
 * letters has no trigram to look up: the terms are read in turn until one
 * holds it, the first few for a common pair of letters, all of them (far
 * fewer than the rows, which no index would find either) for one that no
 * text holds. An official's whole text is one of official_names, which
 * holds the same of any text.
 */
export function heldInWords(words: WordsTable, q: string | Needle): Sql | undefined {
  const needle = needleOf(q);
  if (isPhrase(needle.text)) return undefined;
  if (isShortWord(needle.text)) return sql`EXISTS (SELECT 1 FROM ${raw(`${words} t WHERE t.${TERM[words]}`)} LIKE ${needle.pattern})`;
  // Folding could in principle bring a space in; such a text is read as before.
  // Asked of a function whose lookups read the terms' trigram index whatever the pattern, so that a statement planned
  // once for any text (a kept needle) does not scan every term.
  return sql`(strpos(${needle.folded}, ' ') > 0 OR hoptac_terms_hold(${raw(`'${words}'`)}, ${needle.pattern}))`;
}

/**
 * `column` contains the text, tested on rows already read (a walk of another
 * index): none of the lookups' keys, which would be computed for each row.
 */
export function textTest(column: Sql, q: string | Needle): Sql {
  return sql`strpos(${column}, ${needleOf(q).folded}) <> 0`;
}

/**
 * The text tested as it is (textTest), which no index serves, so that the
 * planner never reads the per-word index beside the keys' (for such a
 * phrase that scan alone costs what is saved); it expects `<> 0` of nearly
 * every row, so that its estimate of the rows is the other index's. The rows
 * are found by their keys across words, or else, for a text with no key (its
 * first or last word of one letter, "a lam", "to l"), by the per-word index:
 * which of the two is settled when the statement is planned for its values
 * (the keys of a constant are a constant), so that only one index is read.
 */
function byCrossKeys(column: Sql, needle: Needle): Sql {
  const keys = sql`hoptac_phrase_cross_keys(${needle.folded})`;
  return sql`(${textTest(column, needle)} AND ((cardinality(${keys}) > 0 AND hoptac_cross_keys(${column}) @> ${keys})
    OR (cardinality(${keys}) = 0 AND ${foldedContains(column, needle)})))`;
}

/**
 * The ways to read the rows whose `column` contains the text, each a whole
 * condition: textContains's, one; for a kept needle of several words, one
 * by its keys across words and one by its pattern, each behind a test of
 * the needle that Postgres makes once, before it reads a row, so that only
 * one of them reads its index (a plan kept for any text cannot choose
 * between them, and one condition with both would compute each row's keys
 * to test it).
 */
export function textLookups(column: Sql, q: string | Needle): Sql[] {
  const needle = needleOf(q);
  if (!needle.kept || !isPhrase(needle.text)) return [textContains(column, needle)];
  const { keys, keyless } = needle.kept;
  return [
    sql`${keys} IS NOT NULL AND ${textTest(column, needle)} AND hoptac_cross_keys(${column}) @> ${keys}`,
    sql`${keyless} IS NOT NULL AND ${textTest(column, needle)} AND ${column} LIKE ${keyless}`,
  ];
}
