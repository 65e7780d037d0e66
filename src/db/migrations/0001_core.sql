-- Core: policy versions, working-day calendar, complaint ledger, events (hash chain), clocks,
-- links, idempotency, outbox. Issue #2.

CREATE TABLE policy_versions (
  version     integer PRIMARY KEY,
  document    jsonb NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  created_by  text NOT NULL,
  reason      text
);

CREATE TABLE calendar_years (
  year        integer PRIMARY KEY CHECK (year BETWEEN 1900 AND 2200),
  confirmed   boolean NOT NULL,
  source      text NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT now(),
  updated_by  text NOT NULL
);

CREATE TABLE calendar_days (
  date        date PRIMARY KEY,
  kind        text NOT NULL CHECK (kind IN ('holiday', 'workday')),
  name        text NOT NULL DEFAULT '',
  updated_at  timestamptz NOT NULL DEFAULT now(),
  updated_by  text NOT NULL
);

-- Bumped in the same transaction as every calendar write, so each instance can cache the calendar.
CREATE TABLE calendar_revision (
  id        boolean PRIMARY KEY DEFAULT true CHECK (id),
  revision  bigint NOT NULL
);
INSERT INTO calendar_revision (id, revision) VALUES (true, 0);

CREATE TABLE complaint_number_counters (
  day   date PRIMARY KEY,
  last  integer NOT NULL
);

CREATE TABLE complaints (
  id                   uuid PRIMARY KEY,
  number               text NOT NULL UNIQUE,
  status               text NOT NULL,
  channel              text NOT NULL,
  business_line        text NOT NULL,
  category             text NOT NULL,
  product              text,
  description          text NOT NULL,
  requested_remedy     text,
  amount               numeric(14, 2) CHECK (amount IS NULL OR amount >= 0),
  received_at          timestamptz NOT NULL,
  registered_at        timestamptz NOT NULL,
  urgent               boolean NOT NULL,
  risk_flags           text[] NOT NULL DEFAULT '{}',
  branch               text,
  subject_party        text,
  call_reference       text,
  joint_complainants   integer NOT NULL DEFAULT 1 CHECK (joint_complainants >= 1),
  complainant_name     text NOT NULL,
  complainant_phone    text,
  complainant_email    text,
  complainant_address  text,
  complainant_id_type  text,
  complainant_id_number text,
  complainant_account  text,
  contact_keys         text[] NOT NULL DEFAULT '{}',
  proposed_level       smallint NOT NULL CHECK (proposed_level BETWEEN 1 AND 3),
  level                smallint NOT NULL CHECK (level BETWEEN 1 AND 3),
  level_confirmed      boolean NOT NULL DEFAULT false,
  grading_reasons      jsonb NOT NULL,
  major                boolean NOT NULL DEFAULT false,
  policy_version       integer NOT NULL REFERENCES policy_versions (version),
  search_text          text NOT NULL,
  created_by           text NOT NULL,
  updated_at           timestamptz NOT NULL,
  row_version          integer NOT NULL DEFAULT 1
);
CREATE INDEX complaints_received_idx ON complaints (received_at DESC, id DESC);
CREATE INDEX complaints_registered_idx ON complaints (registered_at DESC, id DESC);
CREATE INDEX complaints_status_idx ON complaints (status);
CREATE INDEX complaints_level_idx ON complaints (level);
CREATE INDEX complaints_channel_idx ON complaints (channel);
CREATE INDEX complaints_line_category_idx ON complaints (business_line, category, received_at);
CREATE INDEX complaints_branch_idx ON complaints (branch);
CREATE INDEX complaints_contact_keys_idx ON complaints USING gin (contact_keys);

CREATE TABLE complaint_events (
  id            bigserial PRIMARY KEY,
  complaint_id  uuid NOT NULL REFERENCES complaints (id),
  seq           integer NOT NULL,
  type          text NOT NULL,
  actor         text NOT NULL,
  occurred_at   timestamptz NOT NULL,
  reason        text,
  payload       jsonb NOT NULL,
  prev_hash     text NOT NULL,
  hash          text NOT NULL,
  UNIQUE (complaint_id, seq)
);

-- R-A4: the record is append-only, enforced by the database itself.
CREATE FUNCTION complaint_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'complaint_events is append-only (% refused)', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER complaint_events_no_update BEFORE UPDATE OR DELETE ON complaint_events
  FOR EACH ROW EXECUTE FUNCTION complaint_events_append_only();
CREATE TRIGGER complaint_events_no_truncate BEFORE TRUNCATE ON complaint_events
  FOR EACH STATEMENT EXECUTE FUNCTION complaint_events_append_only();

CREATE TABLE complaint_clocks (
  id                  uuid PRIMARY KEY,
  complaint_id        uuid NOT NULL REFERENCES complaints (id),
  kind                text NOT NULL,
  amount              numeric NOT NULL,
  unit                text NOT NULL,
  started_at          timestamptz NOT NULL,
  due_at              timestamptz,
  warn_at             timestamptz[] NOT NULL DEFAULT '{}',
  status              text NOT NULL CHECK (status IN ('running', 'paused', 'met', 'breached', 'cancelled')),
  met_at              timestamptz,
  breached_at         timestamptz,
  cancelled_at        timestamptz,
  pauses              jsonb NOT NULL DEFAULT '[]',
  calendar_confirmed  boolean NOT NULL,
  policy_version      integer NOT NULL REFERENCES policy_versions (version),
  created_at          timestamptz NOT NULL
);
CREATE INDEX complaint_clocks_due_idx ON complaint_clocks (due_at) WHERE status = 'running';
CREATE INDEX complaint_clocks_complaint_idx ON complaint_clocks (complaint_id);

CREATE TABLE complaint_links (
  complaint_id  uuid NOT NULL REFERENCES complaints (id),
  related_id    uuid NOT NULL REFERENCES complaints (id),
  kind          text NOT NULL,
  details       jsonb NOT NULL DEFAULT '{}',
  created_at    timestamptz NOT NULL,
  PRIMARY KEY (complaint_id, related_id, kind),
  CHECK (complaint_id <> related_id)
);
CREATE INDEX complaint_links_related_idx ON complaint_links (related_id);

CREATE TABLE idempotency_keys (
  scope            text NOT NULL,
  key              text NOT NULL,
  request_hash     text NOT NULL,
  response_status  integer,
  response_body    jsonb,
  created_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (scope, key)
);

CREATE TABLE outbox (
  id               bigserial PRIMARY KEY,
  topic            text NOT NULL,
  payload          jsonb NOT NULL,
  idempotency_key  text NOT NULL UNIQUE,
  created_at       timestamptz NOT NULL,
  available_at     timestamptz NOT NULL,
  attempts         integer NOT NULL DEFAULT 0,
  last_error       text,
  delivered_at     timestamptz
);
CREATE INDEX outbox_pending_idx ON outbox (available_at) WHERE delivered_at IS NULL;
