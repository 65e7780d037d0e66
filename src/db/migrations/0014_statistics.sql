-- Statistics (issue #13, R-F1/R-F2): the complainant's customer group, and complaint_facts, one row
-- per complaint with everything statistics count, kept current in the same transaction as every
-- write that changes a complaint, its clocks or its records.
--
-- How it stays current: deferred constraint triggers on complaints, complaint_clocks and
-- complaint_records queue the complaint; at COMMIT, after every statement of the transaction
-- (state row, clocks, records, events) has run, complaint_facts_refresh recomputes its row. The
-- first firing for a complaint in a transaction writes refreshed_xid; later firings for the same
-- complaint in the same transaction see it and do nothing. So no use case has to remember to
-- call anything, and the facts cannot be computed from a half-written step. The backfill below
-- runs the same function, so a fresh projection and a live one are the same SQL.
-- Bulk loaders (bench, large imports) may SET session_replication_role = replica (the triggers
-- then do not fire) and call complaint_facts_refresh_all() once at the end.

ALTER TABLE complaints ADD COLUMN customer_group text;

-- The company's time zone, for the local dates of facts (received_on, closed_on). The server
-- writes its configured zone at start (statistics.repository.ts syncFactsTimeZone) and recomputes
-- the dates if it changed.
CREATE TABLE statistics_settings (
  id         boolean PRIMARY KEY DEFAULT true CHECK (id),
  time_zone  text NOT NULL
);
INSERT INTO statistics_settings (id, time_zone) VALUES (true, 'Asia/Shanghai');

CREATE TABLE complaint_facts (
  id                     uuid PRIMARY KEY REFERENCES complaints (id),
  number                 text NOT NULL,
  created_by             text NOT NULL,
  assignee               text,
  tracker                text,
  received_at            timestamptz NOT NULL,
  received_on            date NOT NULL,
  closed_at              timestamptz,
  closed_on              date,
  status                 text NOT NULL,
  level                  smallint NOT NULL,
  channel                text NOT NULL,
  business_line          text NOT NULL,
  sector                 text,
  category               text NOT NULL,
  product                text,
  causes                 text[] NOT NULL DEFAULT '{}',
  branch_id              uuid,
  department_ids         uuid[] NOT NULL DEFAULT '{}',
  outcome                text,
  customer_group         text,
  imported               boolean NOT NULL DEFAULT false,
  urgent                 boolean NOT NULL,
  major                  boolean NOT NULL,
  risk_flags             text[] NOT NULL DEFAULT '{}',
  reopen_count           integer NOT NULL DEFAULT 0,
  surveyed               boolean NOT NULL DEFAULT false,
  satisfied              boolean,
  amount                 numeric(14, 2),
  compensation_proposed  numeric(14, 2) NOT NULL DEFAULT 0,
  compensation_paid      numeric(14, 2) NOT NULL DEFAULT 0,
  policy_clock           text,
  policy_due_at          timestamptz,
  policy_met_at          timestamptz,
  policy_breached        boolean,
  regulatory_due_at      timestamptz,
  regulatory_met_at      timestamptz,
  regulatory_breached    boolean,
  decided_at             timestamptz,
  handling_days          numeric(10, 4),
  refreshed_at           timestamptz NOT NULL DEFAULT now(),
  refreshed_xid          xid8
);

-- A monthly call reads one month of received_on and one of closed_on; open at the period's end reads
-- the complaints not closed by then (few for recent periods) through the expression index.
CREATE INDEX complaint_facts_received_idx ON complaint_facts (received_on, level);
CREATE INDEX complaint_facts_closed_idx ON complaint_facts (closed_on) WHERE closed_on IS NOT NULL;
CREATE INDEX complaint_facts_open_idx ON complaint_facts ((COALESCE(closed_on, DATE '9999-12-31')), received_on);
CREATE INDEX complaint_facts_branch_idx ON complaint_facts (branch_id, received_on);
CREATE INDEX complaint_facts_departments_idx ON complaint_facts USING gin (department_ids);
CREATE INDEX complaint_facts_causes_idx ON complaint_facts USING gin (causes);
CREATE INDEX complaint_facts_line_category_idx ON complaint_facts (business_line, category, received_on);
CREATE INDEX complaint_facts_product_idx ON complaint_facts (product, received_on) WHERE product IS NOT NULL;

-- Recomputes the facts of the given complaints from their state row, clocks, records and events.
CREATE FUNCTION complaint_facts_refresh(ids uuid[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO complaint_facts AS f (
    id, number, created_by, assignee, tracker, received_at, received_on, closed_at, closed_on, status, level, channel,
    business_line, sector, category, product, causes, branch_id, department_ids, outcome, customer_group, imported,
    urgent, major, risk_flags, reopen_count, surveyed, satisfied, amount, compensation_proposed, compensation_paid,
    policy_clock, policy_due_at, policy_met_at, policy_breached, regulatory_due_at, regulatory_met_at, regulatory_breached,
    decided_at, handling_days, refreshed_at, refreshed_xid)
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
    decided_at = EXCLUDED.decided_at, handling_days = EXCLUDED.handling_days,
    refreshed_at = EXCLUDED.refreshed_at, refreshed_xid = EXCLUDED.refreshed_xid
$$;

-- Every complaint, in batches of ids (bulk loads, a changed time zone).
CREATE FUNCTION complaint_facts_refresh_all() RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
  batch uuid[];
  after uuid := '00000000-0000-0000-0000-000000000000';
  total bigint := 0;
BEGIN
  LOOP
    SELECT array_agg(id ORDER BY id) INTO batch FROM (SELECT id FROM complaints WHERE id > after ORDER BY id LIMIT 10000) b;
    EXIT WHEN batch IS NULL;
    PERFORM complaint_facts_refresh(batch);
    total := total + cardinality(batch);
    after := batch[cardinality(batch)];
  END LOOP;
  RETURN total;
END
$$;

-- The deferred trigger: the complaint of the changed row, once per transaction, at commit.
CREATE FUNCTION complaint_facts_touch() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  cid uuid;
BEGIN
  IF TG_TABLE_NAME = 'complaints' THEN cid := NEW.id; ELSE cid := NEW.complaint_id; END IF;
  IF NOT EXISTS (SELECT 1 FROM complaint_facts WHERE id = cid AND refreshed_xid = pg_current_xact_id()) THEN
    PERFORM complaint_facts_refresh(ARRAY[cid]);
  END IF;
  RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER complaints_facts AFTER INSERT OR UPDATE ON complaints
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION complaint_facts_touch();
CREATE CONSTRAINT TRIGGER complaint_clocks_facts AFTER INSERT OR UPDATE ON complaint_clocks
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION complaint_facts_touch();
CREATE CONSTRAINT TRIGGER complaint_records_facts AFTER INSERT OR UPDATE ON complaint_records
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION complaint_facts_touch();
-- an imported complaint is marked by its complaint_imported event
CREATE CONSTRAINT TRIGGER complaint_events_facts AFTER INSERT ON complaint_events
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW.type = 'complaint_imported') EXECUTE FUNCTION complaint_facts_touch();

-- the backfill
SELECT complaint_facts_refresh_all();
