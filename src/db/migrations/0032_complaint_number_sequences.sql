-- #16 item 3: complaint numbers without contention. Until now each registration took the day's
-- number by updating one row of complaint_number_counters, whose lock it held until its COMMIT: all
-- registrations of a day queued behind each other for the rest of their transactions. Now each day
-- has its own sequence (complaint_number_YYYYMMDD): nextval takes no lock that lasts, so concurrent
-- registrations never wait for each other. Numbers stay unique and increasing per day (in the order
-- they are taken); a registration that fails after taking its number leaves that number unused
-- (docs/architecture.md, "Complaint numbers").
--
-- The day's sequence is created by its first registration: under a self-conflicting lock on
-- complaint_number_counters (taken only then, once a day), which also makes the waiting ones see the
-- sequence once its creator commits. It starts after the day's counter row, if the day began before
-- this migration. Sequences of days before yesterday are dropped then too.
CREATE FUNCTION complaint_number_next(p_day date) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
  seq text := 'complaint_number_' || to_char(p_day, 'YYYYMMDD');
  start_at bigint;
  old record;
BEGIN
  IF to_regclass(seq) IS NULL THEN
    LOCK TABLE complaint_number_counters IN SHARE ROW EXCLUSIVE MODE;
    IF to_regclass(seq) IS NULL THEN
      SELECT coalesce(max(last), 0) + 1 INTO start_at FROM complaint_number_counters WHERE day = p_day;
      EXECUTE format('CREATE SEQUENCE %I AS integer START WITH %s', seq, start_at);
      FOR old IN
        SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = current_schema() AND c.relkind = 'S' AND c.relname ~ '^complaint_number_[0-9]{8}$'
          AND c.relname < 'complaint_number_' || to_char(p_day - 1, 'YYYYMMDD')
      LOOP
        EXECUTE format('DROP SEQUENCE IF EXISTS %I', old.relname);
      END LOOP;
    END IF;
  END IF;
  RETURN nextval(seq::regclass)::integer;
END $$;
