-- Statistics at scale (issue #13, bench/statistics.bench.ts, bench/RESULTS.md): a month's statistics
-- read one month of complaint_facts through complaint_facts_received_idx, and their cost is the heap
-- pages those rows lie on. At 1,000,000 complaints a month (33,000 rows) read 25,000 pages when
-- the rows lay in random order of receipt, and 2,500 when they lay in order of receipt: 4-5x faster
-- for every monthly call. Intake writes facts in order of receipt; later writes to a complaint
-- (assignment, records, clocks) rewrite its row. With free space left on each page, an update that
-- changes no indexed column stays on the same page (a HOT update) instead of moving the row to the
-- end of the table, so the table keeps its order of receipt. Applies to pages written from now on.
ALTER TABLE complaint_facts SET (fillfactor = 85);
