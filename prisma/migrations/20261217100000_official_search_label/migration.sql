-- /v1/search walks officials as it walks events and agreements: on an index
-- in the order of the hits (the name's length, then id) that carries the
-- folded name, so that its first walk tests the names on the index instead of
-- reading each official it passes. It replaces the index of the name's length
-- alone, which only search read. An index row's size is bounded: an official
-- whose name and aliases are longer (none is, in practice) is read apart. The
-- predicate is repeated literally by src/api/query/search.ts.
CREATE INDEX "officials_search_label_idx" ON "officials" ((length("name")), "id") INCLUDE ("search_folded")
  WHERE octet_length("name") + octet_length("search_folded") <= 2400;
DROP INDEX "officials_name_length_idx";
