-- The supervisor's board at a million complaints (issue #16 item 2): the settled clocks of each
-- complaint in complaint_facts, for the on-time rate of a scoped reader.
--
-- The board's weekly on-time trend counts the clocks settled in its weeks (board.repository.ts
-- onTimeByWeek; clock_settled_at of 0031). A reader of every complaint reads them from
-- complaint_clocks_settled_idx alone. A scoped reader (the supervisor of one department) sees a
-- tenth of them, but the query checked the scope of every complaint behind them: about 50,000
-- probes of complaint_facts at 7 us each (390-570 ms at 1,000,000 complaints, bench/RESULTS.md).
--
-- Now each facts row carries its complaint's settled clocks: settled_at (when, as clock_settled_at)
-- and settled_late (late or on time), in the same order, and last_settled_at, the latest of them.
-- A complaint with a clock settled in the chart's weeks has last_settled_at in them, so the
-- complaints in scope with last_settled_at in the weeks, unnested, are exactly the clocks to count
-- (no estimate); complaint_facts_settled_idx covers the scope columns and both arrays, so a scoped
-- reader's trend comes from that index alone.
--
-- The values are kept like every other fact: complaint_facts_refresh (0014's, with the new
-- columns) computes them in the same transaction as the clock change.

ALTER TABLE complaint_facts
  ADD COLUMN last_settled_at timestamptz,
  ADD COLUMN settled_at timestamptz[] NOT NULL DEFAULT '{}',
  ADD COLUMN settled_late boolean[] NOT NULL DEFAULT '{}';

-- Recomputes the facts of the given complaints from their state row, clocks, records and events.
CREATE OR REPLACE FUNCTION complaint_facts_refresh(ids uuid[]) RETURNS void LANGUAGE sql SET jit = off AS $$
  INSERT INTO complaint_facts AS f (
    id, number, created_by, assignee, tracker, received_at, received_on, closed_at, closed_on, status, level, channel,
    business_line, sector, category, product, causes, branch_id, department_ids, outcome, customer_group, imported,
    urgent, major, risk_flags, reopen_count, surveyed, satisfied, amount, compensation_proposed, compensation_paid,
    policy_clock, policy_due_at, policy_met_at, policy_breached, regulatory_due_at, regulatory_met_at, regulatory_breached,
    decided_at, handling_days, last_settled_at, settled_at, settled_late, refreshed_at, refreshed_xid)
  SELECT
    c.id, c.number, c.created_by, c.assignee, c.tracker,
    c.received_at, (c.received_at AT TIME ZONE s.time_zone)::date,
    c.closed_at, (c.closed_at AT TIME ZONE s.time_zone)::date,
    c.status, c.level, c.channel, c.business_line,
    (SELECT e ->> 'sector' FROM policy_versions pv, jsonb_array_elements(pv.document -> 'taxonomies' -> 'businessLines') e
      WHERE pv.version = c.policy_version AND e ->> 'code' = c.business_line LIMIT 1),
    c.category, c.product,
    COALESCE((SELECT ARRAY(SELECT jsonb_array_elements_text(r.data -> 'causes')) FROM complaint_records r
      WHERE r.complaint_id = c.id AND r.kind = 'analysis' ORDER BY r.created_at DESC, r.id DESC LIMIT 1), '{}'),
    c.branch_id, c.department_ids, c.outcome, c.customer_group,
    EXISTS (SELECT 1 FROM complaint_events ev WHERE ev.complaint_id = c.id AND ev.type = 'complaint_imported'),
    c.urgent, c.major, c.risk_flags, GREATEST(c.round - 1, 0),
    sv.id IS NOT NULL, (sv.data ->> 'satisfied')::boolean,
    c.amount,
    COALESCE((SELECT sum((r.data ->> 'amount')::numeric) FROM complaint_records r
      WHERE r.complaint_id = c.id AND r.kind = 'compensation' AND r.status IN ('proposed', 'approved')), 0),
    COALESCE((SELECT sum((r.data ->> 'amount')::numeric) FROM complaint_records r
      WHERE r.complaint_id = c.id AND r.kind = 'compensation' AND r.status = 'approved' AND r.data -> 'payment' ->> 'status' = 'paid'), 0),
    pk.kind, pk.due_at, pk.met_at, pk.breached,
    rk.due_at, rk.met_at, rk.breached,
    COALESCE(rk.met_at, c.closed_at),
    CASE WHEN c.closed_at IS NOT NULL THEN round((EXTRACT(EPOCH FROM c.closed_at - c.received_at) / 86400)::numeric, 4) END,
    st.last_at, COALESCE(st.ats, '{}'), COALESCE(st.lates, '{}'),
    now(), pg_current_xact_id()
  FROM complaints c
  CROSS JOIN statistics_settings s
  LEFT JOIN LATERAL (
    SELECT r.id, r.data FROM complaint_records r
    WHERE r.complaint_id = c.id AND r.kind = 'survey' ORDER BY r.created_at DESC, r.id DESC LIMIT 1
  ) sv ON true
  -- the level's result clock: its latest run that was not cancelled (a regrade or a restart cancels the old one)
  LEFT JOIN LATERAL (
    SELECT k.kind, k.due_at, k.met_at, (k.status = 'breached' OR k.breached_at IS NOT NULL) AS breached
    FROM complaint_clocks k
    WHERE k.complaint_id = c.id AND k.status <> 'cancelled'
      AND k.kind = CASE c.level WHEN 1 THEN 'l1_result' WHEN 2 THEN 'l2_result' ELSE 'l3_answer' END
    ORDER BY k.round DESC, k.created_at DESC LIMIT 1
  ) pk ON true
  LEFT JOIN LATERAL (
    SELECT k.due_at, k.met_at, (k.status = 'breached' OR k.breached_at IS NOT NULL) AS breached
    FROM complaint_clocks k
    WHERE k.complaint_id = c.id AND k.status <> 'cancelled' AND k.kind = 'regulatory'
    ORDER BY k.round DESC, k.created_at DESC LIMIT 1
  ) rk ON true
  -- the settled clocks (on-time rate): when each was settled and whether it was late
  LEFT JOIN LATERAL (
    SELECT max(s.at) AS last_at, array_agg(s.at ORDER BY s.at, s.id) AS ats, array_agg(s.late ORDER BY s.at, s.id) AS lates
    FROM (
      SELECT k.id, clock_settled_at(k.status, k.due_at, k.met_at, k.breached_at) AS at,
             COALESCE(k.breached_at IS NOT NULL OR (k.status = 'met' AND k.met_at > k.due_at), false) AS late
      FROM complaint_clocks k
      WHERE k.complaint_id = c.id AND (k.breached_at IS NOT NULL OR (k.status = 'met' AND k.met_at IS NOT NULL))
    ) s
  ) st ON true
  WHERE c.id = ANY (ids)
  ON CONFLICT (id) DO UPDATE SET
    number = EXCLUDED.number, created_by = EXCLUDED.created_by, assignee = EXCLUDED.assignee, tracker = EXCLUDED.tracker,
    received_at = EXCLUDED.received_at, received_on = EXCLUDED.received_on, closed_at = EXCLUDED.closed_at,
    closed_on = EXCLUDED.closed_on, status = EXCLUDED.status, level = EXCLUDED.level, channel = EXCLUDED.channel,
    business_line = EXCLUDED.business_line, sector = EXCLUDED.sector, category = EXCLUDED.category, product = EXCLUDED.product,
    causes = EXCLUDED.causes, branch_id = EXCLUDED.branch_id, department_ids = EXCLUDED.department_ids,
    outcome = EXCLUDED.outcome, customer_group = EXCLUDED.customer_group, imported = EXCLUDED.imported,
    urgent = EXCLUDED.urgent, major = EXCLUDED.major, risk_flags = EXCLUDED.risk_flags, reopen_count = EXCLUDED.reopen_count,
    surveyed = EXCLUDED.surveyed, satisfied = EXCLUDED.satisfied, amount = EXCLUDED.amount,
    compensation_proposed = EXCLUDED.compensation_proposed, compensation_paid = EXCLUDED.compensation_paid,
    policy_clock = EXCLUDED.policy_clock, policy_due_at = EXCLUDED.policy_due_at, policy_met_at = EXCLUDED.policy_met_at,
    policy_breached = EXCLUDED.policy_breached, regulatory_due_at = EXCLUDED.regulatory_due_at,
    regulatory_met_at = EXCLUDED.regulatory_met_at, regulatory_breached = EXCLUDED.regulatory_breached,
    decided_at = EXCLUDED.decided_at, handling_days = EXCLUDED.handling_days, last_settled_at = EXCLUDED.last_settled_at,
    settled_at = EXCLUDED.settled_at, settled_late = EXCLUDED.settled_late,
    refreshed_at = EXCLUDED.refreshed_at, refreshed_xid = EXCLUDED.refreshed_xid
$$;

-- The statistics cache ignores the new columns, which no statistic reads (0020's trigger with three
-- more keys left out of the comparison).
CREATE OR REPLACE FUNCTION statistics_month_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  tz text;
  cur date;
  lo date;
  hi date;
BEGIN
  -- the refresh rewrites the row even when nothing changed: only a real change counts
  IF TG_OP = 'UPDATE' AND (to_jsonb(OLD) - ARRAY['refreshed_at', 'refreshed_xid', 'last_settled_at', 'settled_at', 'settled_late'])
                        = (to_jsonb(NEW) - ARRAY['refreshed_at', 'refreshed_xid', 'last_settled_at', 'settled_at', 'settled_late']) THEN
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

-- The backfill, one pass over the settled clocks (about 90 s at 1,000,000 complaints on two cores).
-- The months trigger would find nothing to mark, so it is off for it. 0037 then rewrites the table
-- in order of receipt and builds the index.
ALTER TABLE complaint_facts DISABLE TRIGGER complaint_facts_months;
UPDATE complaint_facts f SET last_settled_at = s.last_at, settled_at = s.ats, settled_late = s.lates
FROM (
  SELECT k.complaint_id, max(clock_settled_at(k.status, k.due_at, k.met_at, k.breached_at)) AS last_at,
         array_agg(clock_settled_at(k.status, k.due_at, k.met_at, k.breached_at) ORDER BY clock_settled_at(k.status, k.due_at, k.met_at, k.breached_at), k.id) AS ats,
         array_agg(COALESCE(k.breached_at IS NOT NULL OR (k.status = 'met' AND k.met_at > k.due_at), false)
           ORDER BY clock_settled_at(k.status, k.due_at, k.met_at, k.breached_at), k.id) AS lates
  FROM complaint_clocks k
  WHERE k.breached_at IS NOT NULL OR (k.status = 'met' AND k.met_at IS NOT NULL)
  GROUP BY k.complaint_id
) s
WHERE f.id = s.complaint_id;
ALTER TABLE complaint_facts ENABLE TRIGGER complaint_facts_months;
