-- Inspections (issue #14 item 1, R-E4): checklists (versioned, frozen once used), inspection plans
-- with sampling rules as data, sampling runs (seed recorded, manual changes only with a reason),
-- sampled complaints scored against the checklist, findings, rectification requests on a clock.
--
-- For the KPIs (#14 item 5):
--   inspection_score: inspection_items.score (0-100, one decimal; NULL while unscored or when no
--     item applies), scored_at, and who the score belongs to, copied from the complaint when it was
--     sampled: department_ids (the complaint's handling departments) and handler (the complaint's
--     assignee username, NULL when none). Only rows with removed_at IS NULL count.
--   rectification_on_time_rate: rectification_requests.department_id (the addressed department,
--     NULL when addressed to a person only), addressee (username, NULL when to a department),
--     first_due_at (the deadline first set), due_at (the current one, moved when an answer is
--     rejected), answered_at (the first answer), verified_at (closing), breached_at, status
--     ('open', 'answered', 'verified', 'cancelled'). On time: answered_at <= first_due_at.

CREATE TABLE inspection_checklists (
  id           uuid PRIMARY KEY,
  name         text NOT NULL,
  description  text NOT NULL DEFAULT '',
  active       boolean NOT NULL DEFAULT true,
  -- the version an edit changes or, when it is frozen, the one it supersedes
  current_version integer NOT NULL DEFAULT 1,
  created_at   timestamptz NOT NULL,
  created_by   text NOT NULL,
  updated_at   timestamptz NOT NULL,
  updated_by   text NOT NULL
);

-- A version's items ([{code, text, weight}]); frozen when a plan first uses it, never changed after.
CREATE TABLE inspection_checklist_versions (
  checklist_id  uuid NOT NULL REFERENCES inspection_checklists (id),
  version       integer NOT NULL,
  items         jsonb NOT NULL,
  frozen_at     timestamptz,
  created_at    timestamptz NOT NULL,
  created_by    text NOT NULL,
  PRIMARY KEY (checklist_id, version)
);

CREATE TABLE inspection_plans (
  id                 uuid PRIMARY KEY,
  title              text NOT NULL,
  period_from        date NOT NULL,
  period_to          date NOT NULL CHECK (period_to >= period_from),
  -- empty: every department
  department_ids     uuid[] NOT NULL DEFAULT '{}',
  -- [{kind:'share', percent, minimum, per:'department'|'department_month', population:'closed'}
  --  | {kind:'all', population:'level1'|'reopened'}]
  rules              jsonb NOT NULL,
  checklist_id       uuid NOT NULL,
  checklist_version  integer NOT NULL,
  status             text NOT NULL CHECK (status IN ('planned', 'in_progress', 'completed')),
  summary            text,
  created_at         timestamptz NOT NULL,
  created_by         text NOT NULL,
  updated_at         timestamptz NOT NULL,
  completed_at       timestamptz,
  completed_by       text,
  FOREIGN KEY (checklist_id, checklist_version) REFERENCES inspection_checklist_versions (checklist_id, version)
);
CREATE INDEX inspection_plans_period_idx ON inspection_plans (period_from DESC);

-- One draw of a plan's sample. A redraw is a new run with a new seed; the latest run is current.
CREATE TABLE inspection_sampling_runs (
  id               uuid PRIMARY KEY,
  plan_id          uuid NOT NULL REFERENCES inspection_plans (id),
  seq              integer NOT NULL,
  seed             bigint NOT NULL CHECK (seed BETWEEN 0 AND 4294967295),
  rules            jsonb NOT NULL,
  population_size  integer NOT NULL,
  -- the population as drawn from ([{id, number, level, departmentIds, reopened, closedMonth}] in
  -- complaint-number order): the draw is repeated from it and the seed, whatever changed since
  population       jsonb NOT NULL,
  drawn_ids        uuid[] NOT NULL,
  drawn_at         timestamptz NOT NULL,
  drawn_by         text NOT NULL,
  UNIQUE (plan_id, seq)
);

-- The plan's sampled complaints: drawn by the current run, or added by hand (with a reason).
-- Removing one keeps the row with removed_at and the reason.
CREATE TABLE inspection_items (
  id              uuid PRIMARY KEY,
  plan_id         uuid NOT NULL REFERENCES inspection_plans (id),
  run_id          uuid REFERENCES inspection_sampling_runs (id),
  complaint_id    uuid NOT NULL REFERENCES complaints (id),
  source          text NOT NULL CHECK (source IN ('drawn', 'manual')),
  reasons         jsonb NOT NULL DEFAULT '[]',
  manual_reason   text,
  department_ids  uuid[] NOT NULL DEFAULT '{}',
  handler         text,
  answers         jsonb NOT NULL DEFAULT '[]',
  score           numeric(4, 1),
  scored_at       timestamptz,
  scored_by       text,
  added_at        timestamptz NOT NULL,
  added_by        text NOT NULL,
  removed_at      timestamptz,
  removed_by      text,
  removed_reason  text,
  CHECK (source = 'drawn' OR manual_reason IS NOT NULL),
  CHECK (removed_at IS NULL OR removed_reason IS NOT NULL)
);
CREATE UNIQUE INDEX inspection_items_current_idx ON inspection_items (plan_id, complaint_id) WHERE removed_at IS NULL;
CREATE INDEX inspection_items_complaint_idx ON inspection_items (complaint_id);
CREATE INDEX inspection_items_scored_idx ON inspection_items (scored_at) WHERE removed_at IS NULL;

CREATE TABLE inspection_findings (
  id             uuid PRIMARY KEY,
  plan_id        uuid REFERENCES inspection_plans (id),
  item_id        uuid REFERENCES inspection_items (id),
  complaint_id   uuid REFERENCES complaints (id),
  department_id  uuid REFERENCES org_units (id),
  person         text,
  severity       text NOT NULL CHECK (severity IN ('minor', 'major', 'critical')),
  text           text NOT NULL,
  -- the inspected's answer to the finding
  answer         text,
  answered_at    timestamptz,
  answered_by    text,
  created_at     timestamptz NOT NULL,
  created_by     text NOT NULL
);
CREATE INDEX inspection_findings_plan_idx ON inspection_findings (plan_id);
CREATE INDEX inspection_findings_department_idx ON inspection_findings (department_id, created_at);
CREATE INDEX inspection_findings_person_idx ON inspection_findings (person, created_at);

CREATE TABLE rectification_requests (
  id               uuid PRIMARY KEY,
  plan_id          uuid REFERENCES inspection_plans (id),
  finding_id       uuid REFERENCES inspection_findings (id),
  complaint_id     uuid REFERENCES complaints (id),
  department_id    uuid REFERENCES org_units (id),
  addressee        text,
  text             text NOT NULL,
  status           text NOT NULL CHECK (status IN ('open', 'answered', 'verified', 'cancelled')),
  working_days     integer NOT NULL,
  started_at       timestamptz NOT NULL,
  first_due_at     timestamptz,
  -- the clock (swept by the clock sweeper with sweepClock)
  clock_status     text NOT NULL CHECK (clock_status IN ('running', 'met', 'breached', 'cancelled')),
  due_at           timestamptz,
  warn_at          timestamptz[] NOT NULL DEFAULT '{}',
  warnings_sent    integer NOT NULL DEFAULT 0,
  escalation_step  integer NOT NULL DEFAULT 0,
  breached_at      timestamptz,
  next_check_at    timestamptz,
  policy_version   integer NOT NULL REFERENCES policy_versions (version),
  -- the latest answer and verdict; every step is in rectification_events
  answer           text,
  answered_at      timestamptz,
  answered_by      text,
  last_answered_at timestamptz,
  verified_at      timestamptz,
  verified_by      text,
  verdict_note     text,
  rounds           integer NOT NULL DEFAULT 1,
  created_at       timestamptz NOT NULL,
  created_by       text NOT NULL,
  updated_at       timestamptz NOT NULL,
  CHECK (department_id IS NOT NULL OR addressee IS NOT NULL)
);
CREATE INDEX rectification_requests_next_check_idx ON rectification_requests (next_check_at) WHERE next_check_at IS NOT NULL;
CREATE INDEX rectification_requests_department_idx ON rectification_requests (department_id, created_at);
CREATE INDEX rectification_requests_addressee_idx ON rectification_requests (addressee, created_at);
CREATE INDEX rectification_requests_plan_idx ON rectification_requests (plan_id);

-- What happened to a request, append-only: issued, answered, rejected, verified, warning, breach, escalation.
CREATE TABLE rectification_events (
  id          bigserial PRIMARY KEY,
  request_id  uuid NOT NULL REFERENCES rectification_requests (id),
  type        text NOT NULL,
  actor       text NOT NULL,
  occurred_at timestamptz NOT NULL,
  details     jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX rectification_events_request_idx ON rectification_events (request_id, id);
CREATE TRIGGER rectification_events_no_update BEFORE UPDATE OR DELETE ON rectification_events
  FOR EACH ROW EXECUTE FUNCTION append_only();
