-- Legal holds (issue #15 item 4, R-H6): a complaint under hold is never anonymised by the retention
-- sweep (migration 0028). A hold is effective while released_at IS NULL AND (until IS NULL OR
-- until >= today in company time). At most one unreleased hold per complaint; an expired hold
-- (until in the past) still has to be released before a new one is placed.

CREATE TABLE complaint_legal_holds (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  complaint_id    uuid NOT NULL REFERENCES complaints (id),
  reason          text NOT NULL CHECK (length(btrim(reason)) > 0),
  placed_by       uuid NOT NULL REFERENCES users (id),
  placed_at       timestamptz NOT NULL DEFAULT now(),
  until           date NULL,
  released_at     timestamptz NULL,
  released_by     uuid NULL REFERENCES users (id),
  release_reason  text NULL,
  CHECK ((released_at IS NULL) = (released_by IS NULL)),
  CHECK (released_at IS NULL OR release_reason IS NOT NULL)
);

CREATE UNIQUE INDEX complaint_legal_holds_active_uq ON complaint_legal_holds (complaint_id) WHERE released_at IS NULL;
CREATE INDEX complaint_legal_holds_complaint_idx ON complaint_legal_holds (complaint_id, placed_at DESC);
