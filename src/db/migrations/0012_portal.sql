-- Online submission and tracking for the public portal and the company's app (issue #12 item 1):
-- one-time codes that verify a phone number or e-mail address, the short sessions they open, and
-- request counters shared by every app instance.

-- A one-time code sent to a contact. Only its keyed hash is kept (HMAC-SHA256 with the server's
-- hash key over the row id and the code); the contact is encrypted (enc:v1, like ID numbers) and
-- found by its keyed hash. A tracking code for a number and contact that do not match is a decoy:
-- the same row without a complaint, never sent, so both cases answer alike.
CREATE TABLE portal_codes (
  id            uuid PRIMARY KEY,
  purpose       text NOT NULL CHECK (purpose IN ('submit', 'track')),
  contact_kind  text NOT NULL CHECK (contact_kind IN ('phone', 'email')),
  contact_hash  text NOT NULL,
  contact       text NOT NULL,
  -- tracking: the number as typed (normalised), and the complaint when number and contact match
  number        text NOT NULL DEFAULT '',
  complaint_id  uuid REFERENCES complaints (id),
  code_hash     text NOT NULL,
  attempts      integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  max_attempts  integer NOT NULL CHECK (max_attempts > 0),
  created_at    timestamptz NOT NULL,
  expires_at    timestamptz NOT NULL,
  -- a right code opens one session; a newer code for the same contact and purpose replaces this one
  used_at       timestamptz,
  superseded_at timestamptz
);
CREATE INDEX portal_codes_subject_idx ON portal_codes (purpose, contact_hash, number, created_at DESC);
-- spent codes and sessions are removed a day after they expire, a few at a time (portal service)
CREATE INDEX portal_codes_expires_idx ON portal_codes (expires_at);

-- What a right code opens: a bearer token (only its SHA-256 is kept) for 30 minutes, bound to the
-- purpose and the contact (submit) or to one complaint (track). A submit session that registered a
-- complaint may also track that complaint.
CREATE TABLE portal_sessions (
  id            uuid PRIMARY KEY,
  token_hash    text NOT NULL UNIQUE,
  purpose       text NOT NULL CHECK (purpose IN ('submit', 'track')),
  contact_kind  text NOT NULL CHECK (contact_kind IN ('phone', 'email')),
  contact_hash  text NOT NULL,
  contact       text NOT NULL,
  complaint_id  uuid REFERENCES complaints (id),
  code_id       uuid REFERENCES portal_codes (id) ON DELETE SET NULL,
  created_at    timestamptz NOT NULL,
  expires_at    timestamptz NOT NULL,
  CHECK (purpose = 'submit' OR complaint_id IS NOT NULL)
);
CREATE INDEX portal_sessions_expires_idx ON portal_sessions (expires_at);

-- Fixed-window request counters (per client address, per contact, overall), shared by every app
-- instance: INSERT … ON CONFLICT DO UPDATE … RETURNING counts atomically. Expired windows are
-- removed a few at a time whenever a new window starts.
CREATE TABLE rate_limit_counters (
  key           text NOT NULL,
  window_start  timestamptz NOT NULL,
  hits          integer NOT NULL CHECK (hits > 0),
  expires_at    timestamptz NOT NULL,
  PRIMARY KEY (key, window_start)
);
CREATE INDEX rate_limit_counters_expires_idx ON rate_limit_counters (expires_at);

-- A verification code goes to a contact that belongs to no complaint yet: the message's recipient
-- is the code row (recipient_kind 'contact', recipient_ref = portal_codes.id), its address resolved
-- when it is sent, like every other message.
ALTER TABLE messages DROP CONSTRAINT messages_recipient_kind_check;
ALTER TABLE messages ADD CONSTRAINT messages_recipient_kind_check
  CHECK (recipient_kind IN ('user', 'complainant', 'webhook', 'contact'));
