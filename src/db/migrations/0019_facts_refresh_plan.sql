-- complaint_facts_refresh without JIT, and the backfill in order of receipt (issue #13).
--
-- JIT: the refresh runs at COMMIT of every transaction that touches a complaint. Its estimated cost
-- passes jit_above_cost / jit_optimize_above_cost on a server built with LLVM (Debian's PostgreSQL
-- 15, most managed services): the planner cannot know that `id = ANY (ids)` names one or a few rows
-- of a fresh table. Compiling and optimising the plan took 700-950 ms per COMMIT on PostgreSQL 15
-- for a statement that runs in under 1 ms; with three delivery instances a job outlived its lease
-- and the SMS went out twice. The app's own connections turn JIT off too (src/db/database.ts);
-- this setting covers every other client (psql, the import CLI, a replica's tools).
ALTER FUNCTION complaint_facts_refresh(uuid[]) SET jit = off;

-- The backfill (bulk loads, a changed time zone) walks complaints in order of receipt, so the facts
-- rows lie on disk as live intake writes them: a month's statistics then read a few thousand
-- adjacent pages instead of one page per row (3-5x faster monthly calls at 1,000,000 complaints,
-- bench/RESULTS.md). complaints_received_idx (received_at DESC, id DESC) serves the keyset walk.
CREATE OR REPLACE FUNCTION complaint_facts_refresh_all() RETURNS bigint LANGUAGE plpgsql SET jit = off AS $$
DECLARE
  batch uuid[];
  last_at timestamptz := '-infinity';
  last_id uuid := '00000000-0000-0000-0000-000000000000';
  total bigint := 0;
BEGIN
  LOOP
    SELECT array_agg(id ORDER BY received_at, id) INTO batch FROM (
      SELECT id, received_at FROM complaints WHERE (received_at, id) > (last_at, last_id) ORDER BY received_at, id LIMIT 10000) b;
    EXIT WHEN batch IS NULL;
    PERFORM complaint_facts_refresh(batch);
    total := total + cardinality(batch);
    last_id := batch[cardinality(batch)];
    SELECT received_at INTO last_at FROM complaints WHERE id = last_id;
  END LOOP;
  RETURN total;
END
$$;
