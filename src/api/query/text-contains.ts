// The text filters of events, agreements and officials: the stored folded text
// (search_folded) contains the query, ignoring case and diacritics.
//
// search_folded's trigram index takes each word apart: "nguyen van an" is the
// trigrams of "nguyen", "van" and "an", and at a million events thousands
// hold all of them without the phrase, each read from the table to be
// rejected. A text of several words is looked up instead by keys that cross
// its words, which few rows hold without the phrase: the pairs of adjacent
// words (migration 20261212100000_pair_keys: a word ending "van", then one
// starting "an"; "to lam", whose first word may be cut, by a word ending
// "to", then one starting "la"). Any text that contains the query holds
// those keys, so the index only narrows the rows down; the query is then
// tested as it is.
import { foldedContains, normalizeQuery, raw, sql, type Sql } from "./sql.ts";

/** Whether the text has several words, looked up by their pairs (else by the per-word index). */
export function isPhrase(q: string): boolean {
  return normalizeQuery(q).includes(" ");
}

/** `column` (an event's, agreement's or official's search_folded) contains the text. */
export function textContains(column: Sql, q: string): Sql {
  const text = normalizeQuery(q);
  return isPhrase(text) ? byPairKeys(column, text) : foldedContains(column, text);
}

/** The tables of the words of events' and agreements' texts (migration 20261216100000_search_terms). */
export type WordsTable = "event_words" | "agreement_words";

/**
 * Whether a word of the kind's texts holds the text, or nothing to test: a
 * condition on no row, which Postgres tests once, before it reads any. A
 * text without a space that a row contains lies within one of the row's
 * words (runs of characters between spaces), so when no word holds it no row
 * does (a typo: at 1 M synthetic events, "hanoi" read 15–19 ms of the
 * events' trigram lists to find nothing; their words are 768). A text of
 * several words is left to its pair keys, and one shorter than a trigram to
 * the rows, since the words' index would be read whole for it.
 */
export function heldInWords(words: WordsTable, q: string): Sql | undefined {
  const text = normalizeQuery(q);
  if (text.length < 3 || /\s/.test(text)) return undefined;
  // Folding could in principle bring a space in; such a text is read as before.
  return sql`(strpos(hoptac_fold(${text}), ' ') > 0 OR EXISTS (SELECT 1 FROM ${raw(words)} x WHERE ${foldedContains(sql`x.word`, text)}))`;
}

/**
 * `column` contains the text, tested on rows already read (a walk of another
 * index): none of the lookups' keys, which would be computed for each row.
 */
export function textTest(column: Sql, q: string): Sql {
  return sql`strpos(${column}, hoptac_fold(${normalizeQuery(q)})) <> 0`;
}

/**
 * The text tested as it is (textTest), which no index serves, so that the
 * planner never reads the per-word index beside the pairs' (for such a
 * phrase that scan alone costs what is saved); it expects `<> 0` of nearly
 * every row, so that its estimate of the rows is the other index's. The rows
 * are found by their pairs of words, or else, for a text with no key (its
 * first or last word of one letter, "a lam", "to l"), by the per-word index:
 * which of the two is settled when the statement is planned for its values
 * (the keys of a constant are a constant), so that only one index is read.
 */
function byPairKeys(column: Sql, text: string): Sql {
  const keys = sql`hoptac_phrase_keys(hoptac_fold(${text}))`;
  return sql`(${textTest(column, text)} AND ((cardinality(${keys}) > 0 AND hoptac_pair_keys(${column}) @> ${keys})
    OR (cardinality(${keys}) = 0 AND ${foldedContains(column, text)})))`;
}
