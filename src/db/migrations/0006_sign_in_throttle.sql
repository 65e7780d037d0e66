-- Sign-in throttling instead of lockout (issue #9 item 4): anyone could lock any account with five
-- wrong passwords, and the lockout answer told which names exist. A failure now raises a decaying
-- score per key; the next attempt on that key waits until blocked_until. Keys are names as typed
-- (existing or not) so unknown and existing names behave alike:
--   source   (username, address)   per account and source address
--   account  (username, '')        per account from everywhere; known sources are exempt
--   address  ('', address)         per address across accounts; alerts only, never blocks
--   password (username, '')        wrong current passwords on a password change
CREATE TABLE sign_in_throttle (
  kind             text NOT NULL CHECK (kind IN ('source', 'account', 'address', 'password')),
  username         text NOT NULL,
  address          text NOT NULL,
  score            double precision NOT NULL CHECK (score >= 0),
  scored_at        timestamptz NOT NULL,
  blocked_until    timestamptz,
  -- fixed alert windows: failures since window_start, and the window administrators were told of
  window_start     timestamptz NOT NULL,
  window_failures  integer NOT NULL CHECK (window_failures >= 0),
  alerted_window   timestamptz,
  PRIMARY KEY (kind, username, address)
);
CREATE INDEX sign_in_throttle_username_idx ON sign_in_throttle (username) WHERE username <> '';
CREATE INDEX sign_in_throttle_scored_at_idx ON sign_in_throttle (scored_at);

-- "known sources": addresses a user signed in from lately (sessions keep the address)
CREATE INDEX sessions_user_ip_created_idx ON sessions (user_id, ip, created_at DESC);

-- the old lockout
ALTER TABLE users DROP COLUMN failed_logins;
ALTER TABLE users DROP COLUMN locked_until;
