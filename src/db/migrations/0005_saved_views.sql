-- Saved ledger views (issue #5): a user's named filter and column choice, replayed by the web app.
CREATE TABLE saved_views (
  id          uuid PRIMARY KEY,
  user_id     uuid NOT NULL REFERENCES users (id),
  name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
  -- the ledger's query string (filters and sort), validated against the ledger's parameters
  query       text NOT NULL CHECK (length(query) <= 2000),
  columns     text[] NOT NULL DEFAULT '{}',
  created_at  timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL,
  UNIQUE (user_id, name)
);
