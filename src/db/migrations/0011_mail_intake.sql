-- E-mail intake (issue #12 item 2, R-B1): mailboxes that receive complaints, by the built-in SMTP
-- listener (the company's mail server forwards to it) or by IMAP polling, and every message that
-- arrived, kept raw. A message is stored first (the SMTP answer 250, or the IMAP UID advanced, only
-- once its row is committed with its `mail.ingest` job) and processed after: it becomes a complaint,
-- a correspondence item on one, is ignored (auto-replies, bounces, lists) or quarantined, never lost
-- and never blocking the others.

CREATE TABLE mailboxes (
  id                     uuid PRIMARY KEY,
  name                   text NOT NULL,
  kind                   text NOT NULL CHECK (kind IN ('smtp', 'imap')),
  -- the recipient address the SMTP listener accepts for it (lower case); IMAP mailboxes may name theirs
  address                text,
  host                   text,
  port                   integer CHECK (port BETWEEN 1 AND 65535),
  tls                    text NOT NULL DEFAULT 'implicit' CHECK (tls IN ('implicit', 'starttls', 'none')),
  username               text,
  -- encrypted with the key ring (pii-crypto), like webhook secrets: never stored or answered in clear
  password               text,
  folder                 text NOT NULL DEFAULT 'INBOX',
  interval_seconds       integer NOT NULL CHECK (interval_seconds BETWEEN 60 AND 86400),
  stall_minutes          integer NOT NULL CHECK (stall_minutes BETWEEN 5 AND 10080),
  enabled                boolean NOT NULL,
  default_business_line  text,
  default_category       text,
  -- IMAP: the folder's UIDVALIDITY and the highest UID stored; a new UIDVALIDITY starts again at 0
  uid_validity           bigint,
  last_uid               bigint NOT NULL DEFAULT 0 CHECK (last_uid >= 0),
  -- one poll at a time across app instances: a poller holds the lease until it ends or the lease expires
  poll_lease_until       timestamptz,
  -- health: the last poll (or, for SMTP, the last message accepted), its success or failure
  last_poll_at           timestamptz,
  last_success_at        timestamptz,
  last_error_at          timestamptz,
  last_error             text,
  -- when watching for a stall started (created or enabled again): no success since then counts from here
  watched_since          timestamptz NOT NULL,
  -- administrators were told it fails or stalls; cleared when it recovers, so the next failure alerts again
  alert_raised           boolean NOT NULL DEFAULT false,
  created_at             timestamptz NOT NULL,
  created_by             text NOT NULL,
  updated_at             timestamptz NOT NULL,
  CHECK (kind <> 'smtp' OR address IS NOT NULL),
  CHECK (kind <> 'imap' OR (host IS NOT NULL AND port IS NOT NULL AND username IS NOT NULL))
);
CREATE UNIQUE INDEX mailboxes_address_idx ON mailboxes (address) WHERE address IS NOT NULL;

CREATE TABLE inbound_mail (
  id             uuid PRIMARY KEY,
  mailbox_id     uuid NOT NULL REFERENCES mailboxes (id),
  -- the Message-ID header as sent; without one <sha256 of the raw message@no-message-id>: the dedupe key
  message_id     text NOT NULL UNIQUE CHECK (length(message_id) <= 1000),
  raw            bytea NOT NULL,
  size           integer NOT NULL CHECK (size >= 0),
  sha256         text NOT NULL,
  -- SMTP: the envelope sender (MAIL FROM, '' for the null sender of bounces); IMAP: NULL
  envelope_from  text,
  -- the From address and the subject, read from the headers
  sender         text,
  subject        text,
  received_at    timestamptz NOT NULL,
  stored_at      timestamptz NOT NULL,
  imap_uid       bigint,
  outcome        text NOT NULL DEFAULT 'pending' CHECK (outcome IN ('pending', 'created', 'threaded', 'ignored', 'quarantined')),
  -- why ignored or quarantined: a code (auto_submitted, mailing_list, parse_failed…) and, when quarantined, the error
  reason         text,
  detail         text,
  complaint_id   uuid REFERENCES complaints (id),
  processed_at   timestamptz,
  attempts       integer NOT NULL DEFAULT 0
);
CREATE INDEX inbound_mail_list_idx ON inbound_mail (received_at DESC, id DESC);
CREATE INDEX inbound_mail_mailbox_idx ON inbound_mail (mailbox_id, outcome, received_at);
CREATE INDEX inbound_mail_outcome_idx ON inbound_mail (outcome, received_at DESC, id DESC);
CREATE INDEX inbound_mail_complaint_idx ON inbound_mail (complaint_id) WHERE complaint_id IS NOT NULL;
