-- Hotline integration (issue #12 item 3): the telephony system's signed call events make a call
-- record, which is the draft complaint the agent completes in the intake form (or dismisses).

CREATE TABLE hotline_calls (
  id                uuid PRIMARY KEY,
  -- the telephony system's call id: one record per call, and the complaint's call reference
  call_id           text NOT NULL UNIQUE,
  -- the caller's number as sent (personal data: in clear like complainants' phones, masked on the way out)
  caller            text NOT NULL,
  callee            text,
  -- the agent's username or extension, as the telephony system knows it
  agent             text,
  status            text NOT NULL CHECK (status IN ('ringing', 'ended', 'registered', 'dismissed')),
  started_at        timestamptz NOT NULL,
  ended_at          timestamptz,
  recording_url     text,
  -- when each event was applied: a repeat of the same event changes nothing
  started_event_at  timestamptz,
  ended_event_at    timestamptz,
  -- the agent completing the draft holds it for a minute (a second agent is told, not given a second complaint)
  claimed_by        text,
  claimed_until     timestamptz,
  complaint_id      uuid REFERENCES complaints (id),
  dismiss_reason    text,
  closed_by         text,
  closed_at         timestamptz,
  created_at        timestamptz NOT NULL,
  updated_at        timestamptz NOT NULL,
  CHECK ((status = 'registered') = (complaint_id IS NOT NULL)),
  CHECK ((status = 'dismissed') = (dismiss_reason IS NOT NULL)),
  CHECK ((status IN ('registered', 'dismissed')) = (closed_at IS NOT NULL))
);
-- the workbench's incoming calls, newest first
CREATE INDEX hotline_calls_open_idx ON hotline_calls (started_at DESC, id) WHERE status IN ('ringing', 'ended');
CREATE INDEX hotline_calls_started_idx ON hotline_calls (started_at DESC, id);
CREATE UNIQUE INDEX hotline_calls_complaint_idx ON hotline_calls (complaint_id) WHERE complaint_id IS NOT NULL;
-- a registration whose link to its call was never written is found again by the call id
CREATE INDEX complaints_call_reference_idx ON complaints (call_reference) WHERE call_reference IS NOT NULL;

-- signatures seen, kept until their timestamp leaves the window (then the timestamp alone refuses
-- a replay); expired rows are deleted as new ones arrive
CREATE TABLE hotline_signatures (
  signature   text PRIMARY KEY,
  expires_at  timestamptz NOT NULL
);
CREATE INDEX hotline_signatures_expiry_idx ON hotline_signatures (expires_at);
