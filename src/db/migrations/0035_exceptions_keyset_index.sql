-- The exception list's keyset order (raised_at DESC, id DESC) from the index alone (issue #16).
-- complaint_exceptions_open_idx (status, raised_at DESC) could not order ties on raised_at by id,
-- and a sweep after an outage raises thousands of exceptions at the same instant: the board's
-- "open exceptions" list then fetched and sorted all of them (95 ms for 6,344 at 1,000,000
-- complaints; 2 ms with this index, bench/RESULTS.md). It replaces the old index, which it covers.
CREATE INDEX IF NOT EXISTS complaint_exceptions_status_raised_id_idx ON complaint_exceptions (status, raised_at DESC, id DESC);
DROP INDEX IF EXISTS complaint_exceptions_open_idx;
