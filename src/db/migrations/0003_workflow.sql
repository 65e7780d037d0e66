-- Handling workflow (issue #4): complaint state for the lifecycle, workflow records, clock
-- sweeping state, in-app notifications, tracked exceptions, improvement actions.

ALTER TABLE complaints ADD COLUMN round integer NOT NULL DEFAULT 1;
ALTER TABLE complaints ADD COLUMN assignee text;
ALTER TABLE complaints ADD COLUMN tracker text;
ALTER TABLE complaints ADD COLUMN outcome text;
ALTER TABLE complaints ADD COLUMN closed_at timestamptz;
ALTER TABLE complaints ADD COLUMN regulatory_days integer NOT NULL DEFAULT 15;
ALTER TABLE complaints ADD COLUMN investigation_days integer NOT NULL DEFAULT 0;
ALTER TABLE complaints ADD COLUMN last_progress_at timestamptz;
ALTER TABLE complaints ADD COLUMN merged_into uuid REFERENCES complaints (id);

-- Facts with a body, one row each: meeting and plan, evidence, extension requests, findings,
-- analysis, compensation, settlement, feedback, survey, progress reports, closing.
CREATE TABLE complaint_records (
  id            uuid PRIMARY KEY,
  complaint_id  uuid NOT NULL REFERENCES complaints (id),
  kind          text NOT NULL,
  round         integer NOT NULL,
  status        text,
  data          jsonb NOT NULL,
  created_at    timestamptz NOT NULL,
  created_by    text NOT NULL,
  updated_at    timestamptz NOT NULL,
  updated_by    text NOT NULL
);
CREATE INDEX complaint_records_complaint_idx ON complaint_records (complaint_id, kind, created_at);

ALTER TABLE complaint_clocks ADD COLUMN subject_id uuid;
ALTER TABLE complaint_clocks ADD COLUMN label text;
ALTER TABLE complaint_clocks ADD COLUMN round integer NOT NULL DEFAULT 1;
ALTER TABLE complaint_clocks ADD COLUMN warnings_sent integer NOT NULL DEFAULT 0;
ALTER TABLE complaint_clocks ADD COLUMN escalation_step integer NOT NULL DEFAULT 0;
-- when the sweeper must look at this clock next (next warning, due time, next escalation step)
ALTER TABLE complaint_clocks ADD COLUMN next_check_at timestamptz;
UPDATE complaint_clocks SET next_check_at = COALESCE(warn_at[1], due_at) WHERE status = 'running';
CREATE INDEX complaint_clocks_next_check_idx ON complaint_clocks (next_check_at) WHERE next_check_at IS NOT NULL;

CREATE TABLE notifications (
  id            uuid PRIMARY KEY,
  user_id       uuid NOT NULL REFERENCES users (id),
  complaint_id  uuid REFERENCES complaints (id),
  kind          text NOT NULL,
  -- the fact that caused it: the same fact never notifies the same user twice
  source_key    text NOT NULL,
  title         text NOT NULL,
  body          jsonb NOT NULL DEFAULT '{}',
  created_at    timestamptz NOT NULL,
  read_at       timestamptz,
  UNIQUE (source_key, user_id)
);
CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC);
CREATE INDEX notifications_unread_idx ON notifications (user_id) WHERE read_at IS NULL;

CREATE TABLE complaint_exceptions (
  id            uuid PRIMARY KEY,
  complaint_id  uuid NOT NULL REFERENCES complaints (id),
  kind          text NOT NULL CHECK (kind IN ('breach', 'dissatisfied', 'stalled')),
  clock_id      uuid REFERENCES complaint_clocks (id),
  source_key    text NOT NULL UNIQUE,
  status        text NOT NULL CHECK (status IN ('open', 'resolved')),
  raised_at     timestamptz NOT NULL,
  details       jsonb NOT NULL DEFAULT '{}',
  resolved_at   timestamptz,
  resolved_by   text,
  resolution    text
);
CREATE INDEX complaint_exceptions_open_idx ON complaint_exceptions (status, raised_at DESC);
CREATE INDEX complaint_exceptions_complaint_idx ON complaint_exceptions (complaint_id);

CREATE TABLE improvement_actions (
  id             uuid PRIMARY KEY,
  complaint_id   uuid NOT NULL REFERENCES complaints (id),
  title          text NOT NULL,
  description    text NOT NULL DEFAULT '',
  owner          text NOT NULL,
  department_id  uuid REFERENCES org_units (id),
  cause_codes    text[] NOT NULL DEFAULT '{}',
  status         text NOT NULL CHECK (status IN ('open', 'done', 'verified')),
  due_at         timestamptz NOT NULL,
  created_at     timestamptz NOT NULL,
  created_by     text NOT NULL,
  done_at        timestamptz,
  done_by        text,
  done_note      text,
  verified_at    timestamptz,
  verified_by    text,
  verified_note  text,
  updated_at     timestamptz NOT NULL
);
CREATE INDEX improvement_actions_status_idx ON improvement_actions (status, due_at);
CREATE INDEX improvement_actions_complaint_idx ON improvement_actions (complaint_id);
