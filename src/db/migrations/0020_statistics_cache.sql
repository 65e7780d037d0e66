-- The statistics cache (issue #13, speed at 1,000,000 complaints; docs/architecture.md "Statistics
-- cache"). A 12-month chart reads a third of complaint_facts per statement (375,000 rows, 2-7 s);
-- but a month that has ended changes only when one of its complaints changes. So the figures of an
-- ended month (and of any range that has ended) are kept, with the snapshot they were computed in,
-- and used only while no complaint of their months changed after that snapshot: exact, never stale.

-- Which months a change to complaint_facts touches: every month from the complaint's receipt to its
-- closing (or now), before and after the change. That covers the months it is counted in as
-- received, as closed, and as open at a month's end. Written by the trigger below, append-only (no
-- row is updated, so writers never wait on each other); only months before the database clock's
-- current month are recorded, since only they are cached (readers cache a month two days after it
-- ended, by the same clock). `xid` is the writing transaction: a cached entry whose snapshot does
-- not see it was computed without the change.
CREATE TABLE statistics_month_changes (
  month date NOT NULL,
  xid   xid8 NOT NULL DEFAULT pg_current_xact_id()
);
CREATE INDEX statistics_month_changes_month_idx ON statistics_month_changes (month);

-- Pruning a month's change rows (job statistics.cache.prune) drops the entries that missed them; an
-- entry computed in a snapshot older than the prune could still miss a pruned change, so it is
-- stored only if its snapshot's xmin is at or after the prune's xmax (every pruned change visible to
-- it). A prune holds the month's advisory lock exclusively, storing an entry holds it shared.
CREATE TABLE statistics_month_prunes (
  month date PRIMARY KEY,
  pruned_xmax xid8 NOT NULL
);

CREATE TABLE statistics_cache (
  key         text PRIMARY KEY,
  -- the months the figures depend on (first days)
  months      date[] NOT NULL,
  snapshot    pg_snapshot NOT NULL,
  -- figures counting "open and overdue now" hold from the instant they were computed for until the
  -- next due time of an open complaint among them passes
  valid_from  timestamptz,
  valid_until timestamptz,
  rows        jsonb NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX statistics_cache_months_idx ON statistics_cache USING gin (months);

CREATE FUNCTION statistics_month_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  tz text;
  cur date;
  lo date;
  hi date;
BEGIN
  -- the refresh rewrites the row even when nothing changed: only a real change counts
  IF TG_OP = 'UPDATE' AND (to_jsonb(OLD) - 'refreshed_at' - 'refreshed_xid') = (to_jsonb(NEW) - 'refreshed_at' - 'refreshed_xid') THEN
    RETURN NULL;
  END IF;
  SELECT time_zone INTO tz FROM statistics_settings;
  cur := date_trunc('month', now() AT TIME ZONE COALESCE(tz, 'Asia/Shanghai'))::date;
  IF TG_OP = 'INSERT' THEN
    lo := NEW.received_on; hi := COALESCE(NEW.closed_on, cur);
  ELSIF TG_OP = 'DELETE' THEN
    lo := OLD.received_on; hi := COALESCE(OLD.closed_on, cur);
  ELSE
    lo := LEAST(OLD.received_on, NEW.received_on);
    hi := GREATEST(COALESCE(OLD.closed_on, cur), COALESCE(NEW.closed_on, cur));
  END IF;
  lo := date_trunc('month', lo)::date;
  hi := LEAST(date_trunc('month', hi)::date, (cur - interval '1 month')::date);
  IF lo <= hi THEN
    INSERT INTO statistics_month_changes (month)
      SELECT m::date FROM generate_series(lo, hi, interval '1 month') AS m;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER complaint_facts_months AFTER INSERT OR UPDATE OR DELETE ON complaint_facts
  FOR EACH ROW EXECUTE FUNCTION statistics_month_changed();
