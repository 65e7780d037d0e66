-- complaint_facts refreshed once per transaction for every complaint it touched (issue #16: intake,
-- sweeper catch-up and every workflow step).
--
-- Before: the deferred row triggers of 0014 called complaint_facts_refresh(ARRAY[id]) once per
-- complaint at COMMIT. The refresh is one large SQL statement that PostgreSQL parses and plans on
-- every call (about 5 ms), so a sweeper batch touching 130 complaints spent 0.7 s in its COMMIT and
-- a registration 4-5 ms; one call for the 130 takes 13 ms (bench/RESULTS.md).
--
-- Now: statement-level AFTER triggers (immediate, with transition tables, one INSERT per statement)
-- queue the complaint ids of the transaction in complaint_facts_pending; the deferred row triggers
-- stay (a constraint trigger is the only thing that runs at COMMIT after every statement), and the
-- first of them to fire refreshes every queued complaint in one call and empties the queue; the
-- others find it empty. The facts still cannot be computed from a half-written step, and no use
-- case has to call anything. Rows queued in a rolled-back transaction or savepoint vanish with it.
-- UNLOGGED: the queue never outlives its transaction, so it needs no WAL (and is empty after a crash).
CREATE UNLOGGED TABLE complaint_facts_pending (
  xid  xid8 NOT NULL,
  id   uuid NOT NULL,
  PRIMARY KEY (xid, id)
);

CREATE FUNCTION complaint_facts_queue() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'complaints' THEN
    INSERT INTO complaint_facts_pending (xid, id) SELECT DISTINCT pg_current_xact_id(), n.id FROM changed n
      ON CONFLICT DO NOTHING;
  ELSIF TG_TABLE_NAME = 'complaint_events' THEN
    -- an imported complaint is marked by its complaint_imported event (as 0014's WHEN clause)
    INSERT INTO complaint_facts_pending (xid, id)
      SELECT DISTINCT pg_current_xact_id(), n.complaint_id FROM changed n WHERE n.type = 'complaint_imported'
      ON CONFLICT DO NOTHING;
  ELSE
    INSERT INTO complaint_facts_pending (xid, id) SELECT DISTINCT pg_current_xact_id(), n.complaint_id FROM changed n
      ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END
$$;

-- transition tables need one trigger per event
CREATE TRIGGER complaints_facts_queue_ins AFTER INSERT ON complaints
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION complaint_facts_queue();
CREATE TRIGGER complaints_facts_queue_upd AFTER UPDATE ON complaints
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION complaint_facts_queue();
CREATE TRIGGER complaint_clocks_facts_queue_ins AFTER INSERT ON complaint_clocks
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION complaint_facts_queue();
CREATE TRIGGER complaint_clocks_facts_queue_upd AFTER UPDATE ON complaint_clocks
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION complaint_facts_queue();
CREATE TRIGGER complaint_records_facts_queue_ins AFTER INSERT ON complaint_records
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION complaint_facts_queue();
CREATE TRIGGER complaint_records_facts_queue_upd AFTER UPDATE ON complaint_records
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION complaint_facts_queue();
CREATE TRIGGER complaint_events_facts_queue_ins AFTER INSERT ON complaint_events
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION complaint_facts_queue();

-- the deferred firing: the whole queue of this transaction in one refresh (0014's triggers call it)
CREATE OR REPLACE FUNCTION complaint_facts_touch() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  queued uuid[];
BEGIN
  WITH taken AS (
    DELETE FROM complaint_facts_pending WHERE xid = pg_current_xact_id() RETURNING id
  )
  SELECT array_agg(id ORDER BY id) INTO queued FROM taken;
  IF queued IS NOT NULL THEN
    PERFORM complaint_facts_refresh(queued);
  END IF;
  RETURN NULL;
END
$$;
