-- Search that is fast for any term (issue #16 item 1; docs/architecture.md "Search").
--
-- search_bigrams(text): the overlapping two-character grams of a text, grams containing a separator
-- (whitespace, ASCII and CJK punctuation, see the class below) dropped. Not lower-cased here: the app
-- stores search_text lower-cased and lower-cases the term the same way (JS toLowerCase), so both
-- sides agree without depending on the database's locale. Mirrored by searchBigrams in
-- src/domain/complaint/search-terms.ts (the app only uses that copy to know whether a term has grams;
-- the query itself calls this function on the term too).
--
-- The ledger's free text then runs as
--   search_bigrams(search_text) @> search_bigrams($term) AND search_text LIKE $pattern
-- where the GIN index below finds the candidates and the LIKE rechecks order and adjacency.
-- COST 1000 (about what a call costs: 20-50 us) keeps the planner from choosing plans that compute
-- the grams row by row (a walk of the date index or a sequential scan filtering on it), with or
-- without statistics: the index is the only cheap way to evaluate the containment.
CREATE FUNCTION search_bigrams(t text) RETURNS text[]
  LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE COST 1000 AS $$
DECLARE
  c text[] := string_to_array(
    regexp_replace(t, '[\x01-\x2f\x3a-\x40\x5b-\x60\x7b-\x7f\u00a0-\u00bf\u2000-\u206f\u3000-\u303f\ufe30-\ufe4f\uff00-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]', ' ', 'g'),
    NULL);
  r text[] := '{}';
  i int;
BEGIN
  FOR i IN 1 .. coalesce(cardinality(c), 0) - 1 LOOP
    IF c[i] <> ' ' AND c[i + 1] <> ' ' THEN
      r := r || (c[i] || c[i + 1]);
    END IF;
  END LOOP;
  RETURN r;
END
$$;

-- GIN keeps each key once per row, so the function need not deduplicate.
CREATE INDEX complaints_search_bigrams_idx ON complaints USING gin (search_bigrams(search_text));

-- A sample of about pct percent of the complaints' pages (the same pages every time): the ledger's
-- estimated total when an exact count would read more than 10,000 matches. Inlined by the planner.
CREATE FUNCTION complaints_sample(pct real) RETURNS SETOF complaints
  LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT * FROM complaints TABLESAMPLE SYSTEM (pct) REPEATABLE (16)
$$;

-- statistics of the new expression index (its grams' frequencies) for the planner
ANALYZE complaints;
