-- After 0036's backfill: complaint_facts rewritten in order of receipt, and the index of the scoped
-- on-time trend (issue #16).
--
-- The backfill's UPDATE left every row's new version wherever its join put it, scattering a month's
-- facts over the whole table, while statistics and the board's received-per-day read a month's facts
-- from adjacent pages (0019; at 1,000,000 complaints received-per-day went from 20 to 700 ms).
-- CLUSTER rewrites the table in the order of complaint_facts_received_idx (about 15 s at 1,000,000).
-- It runs in its own migration because in the backfill's transaction it would copy the old row
-- versions too (deleted by its own, uncommitted transaction) and leave the table twice its size.
CLUSTER complaint_facts USING complaint_facts_received_idx;

-- The complaints whose clocks can count in the chart's weeks, with the scope columns of
-- complaint-scope.ts and the settled clocks, so that a scoped reader's trend reads this index alone;
-- with the id, a scoped reader's recent breaches (settled too) find their complaints here.
CREATE INDEX complaint_facts_settled_idx ON complaint_facts (last_settled_at)
  INCLUDE (id, branch_id, department_ids, created_by, assignee, tracker, settled_at, settled_late)
  WHERE last_settled_at IS NOT NULL;
