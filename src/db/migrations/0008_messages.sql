-- Messages leave the system (issue #11): outbox delivery by e-mail, SMS and webhooks, each message
-- with its status; the development mailbox; webhook subscriptions; editable message templates;
-- staff contact details and notice preferences. The job runner's own tables (pg-boss, schema
-- pgboss) are installed by src/jobs/job-runner.install.ts after these files.

-- The outbox row is handed to its channels once ("dispatched"): each channel's message then has
-- its own status. Rows written before delivery existed are marked dispatched: nothing written
-- then is sent now (a months-old acknowledgment would only confuse its reader).
ALTER TABLE outbox RENAME COLUMN delivered_at TO dispatched_at;
UPDATE outbox SET dispatched_at = created_at WHERE dispatched_at IS NULL;

CREATE TABLE messages (
  id               uuid PRIMARY KEY,
  outbox_id        bigint REFERENCES outbox (id),
  -- stable across every attempt and resend: receivers dedupe by it
  idempotency_key  text NOT NULL UNIQUE,
  channel          text NOT NULL CHECK (channel IN ('email', 'sms', 'webhook')),
  purpose          text NOT NULL,
  -- who it goes to, resolved to an address only when sent (no copy of personal data here)
  recipient_kind   text NOT NULL CHECK (recipient_kind IN ('user', 'complainant', 'webhook')),
  recipient_ref    text NOT NULL,
  -- what the log shows: a masked address, a user name, a webhook's name
  recipient_label  text NOT NULL,
  complaint_id     uuid REFERENCES complaints (id),
  template         text NOT NULL,
  params           jsonb NOT NULL,
  locale           text NOT NULL DEFAULT 'zh-CN' CHECK (locale IN ('zh-CN', 'en-US')),
  status           text NOT NULL CHECK (status IN ('queued', 'sent', 'delivered', 'failed', 'dead')),
  attempts         integer NOT NULL DEFAULT 0,
  last_error       text,
  provider         text,
  provider_id      text,
  -- what was sent, rendered at the last attempt: the proof
  subject          text,
  body             text,
  segments         integer,
  created_at       timestamptz NOT NULL,
  updated_at       timestamptz NOT NULL,
  sent_at          timestamptz,
  delivered_at     timestamptz,
  dead_at          timestamptz,
  resent_at        timestamptz,
  resent_by        text
);
CREATE INDEX messages_log_idx ON messages (created_at DESC, id DESC);
CREATE INDEX messages_complaint_idx ON messages (complaint_id, created_at DESC) WHERE complaint_id IS NOT NULL;
CREATE INDEX messages_status_idx ON messages (status, created_at DESC);
CREATE INDEX messages_provider_idx ON messages (provider, provider_id) WHERE provider_id IS NOT NULL;

-- the development adapter's mailbox: what would have been sent when no SMTP server or SMS gateway is configured
CREATE TABLE development_messages (
  id               bigserial PRIMARY KEY,
  message_id       uuid NOT NULL REFERENCES messages (id),
  channel          text NOT NULL CHECK (channel IN ('email', 'sms')),
  recipient        text NOT NULL,
  subject          text,
  body             text NOT NULL,
  html             text,
  idempotency_key  text NOT NULL,
  created_at       timestamptz NOT NULL
);
CREATE INDEX development_messages_created_idx ON development_messages (created_at DESC, id DESC);

CREATE TABLE webhook_subscriptions (
  id           uuid PRIMARY KEY,
  name         text NOT NULL,
  url          text NOT NULL,
  event_types  text[] NOT NULL,
  -- the signing secret, encrypted like other secrets at rest (pii-crypto)
  secret       text NOT NULL,
  active       boolean NOT NULL DEFAULT true,
  created_at   timestamptz NOT NULL,
  created_by   text NOT NULL,
  updated_at   timestamptz NOT NULL
);

CREATE INDEX webhook_subscriptions_types_idx ON webhook_subscriptions USING gin (event_types) WHERE active;

-- administrators' versions of a message template; without one the built-in text applies
CREATE TABLE message_template_versions (
  template    text NOT NULL,
  locale      text NOT NULL CHECK (locale IN ('zh-CN', 'en-US')),
  version     integer NOT NULL CHECK (version > 0),
  subject     text,
  body        text NOT NULL,
  created_at  timestamptz NOT NULL,
  created_by  text NOT NULL,
  reason      text,
  PRIMARY KEY (template, locale, version)
);

-- staff: a mobile phone besides the e-mail address, and per kind of notice how they are told
ALTER TABLE users
  ADD COLUMN mobile text,
  ADD COLUMN locale text NOT NULL DEFAULT 'zh-CN' CHECK (locale IN ('zh-CN', 'en-US')),
  ADD COLUMN notice_channels jsonb NOT NULL DEFAULT '{}'::jsonb,
  ADD COLUMN quiet_hours jsonb,
  ADD COLUMN digest_sent_through timestamptz;

-- a message to the customer that could not be delivered is a tracked exception for the agent (#11 item 7)
ALTER TABLE complaint_exceptions DROP CONSTRAINT complaint_exceptions_kind_check;
ALTER TABLE complaint_exceptions ADD CONSTRAINT complaint_exceptions_kind_check
  CHECK (kind IN ('breach', 'dissatisfied', 'stalled', 'message_failed'));
