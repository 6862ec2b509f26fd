// The text filters of events and agreements: the stored folded text
// (search_folded) contains the query, ignoring case and diacritics.
//
// search_folded's trigram index takes each word apart: "nguyen van an" is the
// trigrams of "nguyen", "van" and "an", and at a million events thousands
// hold all of them without the phrase, each read from the table to be
// rejected. A text of several words is looked up instead by keys that cross
// its words, which few rows hold without the phrase:
// - three words or more: the pairs of adjacent words (migration
//   20261211100000_word_pairs: a word ending "van", then one starting "an");
// - an event's text of two words, where both words may be cut (the text
//   "to lam" is in "tto lamb"): the index of the text with its spaces taken
//   out ("tolam", migration 20261210100000_event_text_across_words).
// Any text that contains the query holds those keys, so an index only narrows
// the rows down; the query is then tested as it is.
import { escapeLike, foldedContains, normalizeQuery, sql, type Sql } from "./sql.ts";

/** `column` (an event's search_folded) contains the text. */
export function eventTextContains(column: Sql, q: string): Sql {
  const text = normalizeQuery(q);
  // One word, or too short to have a trigram without its spaces: the per-word index.
  if (!text.includes(" ") || text.replace(/ /g, "").length < 3) return foldedContains(column, text);
  const joined = sql`replace(${column}, ' ', '') LIKE '%' || replace(hoptac_fold(${escapeLike(text)}), ' ', '') || '%'`;
  return byWordPairs(column, text, joined);
}

/** `column` (an agreement's search_folded) contains the text. */
export function agreementTextContains(column: Sql, q: string): Sql {
  const text = normalizeQuery(q);
  if (!text.includes(" ")) return foldedContains(column, text);
  return byWordPairs(column, text, foldedContains(column, text));
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
 * planner never reads the per-word index beside the others (for such a phrase
 * that scan alone costs what is saved); it expects `<> 0` of nearly every
 * row, so that its estimate of the rows is the other index's. The rows are
 * found by their pairs of words, or else by `otherwise`: which of the two is
 * settled when the statement is planned for its values (the keys of a
 * constant are a constant), so that only one index is read. A text gives no
 * key when it has fewer than three words, or three whose first has fewer than
 * three letters and whose last has one (hoptac_phrase_pairs).
 */
function byWordPairs(column: Sql, text: string, otherwise: Sql): Sql {
  const keys = sql`hoptac_phrase_pairs(hoptac_fold(${text}))`;
  return sql`(${textTest(column, text)} AND ((cardinality(${keys}) > 0 AND hoptac_word_pairs(${column}) @> ${keys})
    OR (cardinality(${keys}) = 0 AND ${otherwise})))`;
}
