// An event's text filter: its stored folded text (search_folded) contains the
// query, ignoring case and diacritics.
//
// search_folded's trigram index takes each word apart: "nguyen van an" is the
// trigrams of "nguyen", "van" and "an", and at a million events thousands
// hold all of them without the phrase, each read from the table to be
// rejected (0.2–0.5 s). A text of several words is looked up instead in the
// index of the text with its spaces taken out ("nguyenvanan", migration
// 20261210100000_event_text_across_words), whose trigrams across words
// ("nva", "nan") few events hold without the phrase. A text that contains the
// query contains it without spaces too, so that index only narrows the
// events down; the query is then tested as it is.
import { escapeLike, foldedContains, normalizeQuery, sql, type Sql } from "./sql.ts";

/** `column` (an event's search_folded) contains the text. */
export function eventTextContains(column: Sql, q: string): Sql {
  const text = normalizeQuery(q);
  // One word, or too short to have a trigram without its spaces: the per-word index.
  if (!text.includes(" ") || text.replace(/ /g, "").length < 3) return foldedContains(column, text);
  // The test as it is with strpos, which no index serves, so that the planner
  // never reads the per-word index beside the joined one (for such a phrase
  // that scan alone costs what is saved); and as `<> 0`, which it expects of
  // nearly every row, so that its estimate of the rows is the joined index's.
  return sql`(strpos(${column}, hoptac_fold(${text})) <> 0
    AND replace(${column}, ' ', '') LIKE '%' || replace(hoptac_fold(${escapeLike(text)}), ' ', '') || '%')`;
}
