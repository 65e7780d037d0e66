-- Reports to the leadership (issue #13 items 4 and 5, R-F4, R-F5): the monthly report (built
-- automatically on the first working day of each month and on demand) and special reports (one
-- complaint or a filtered set). Each build is one row: a version of its series (a month, or one
-- special report's subject), with its progress while it builds, the figures it was built from (a
-- snapshot, so a report never changes when later data arrives), the leaders' commentary and
-- recommendations, and the PDF and xlsx bytes as downloaded.

CREATE TABLE reports (
  id               uuid PRIMARY KEY,
  kind             text NOT NULL CHECK (kind IN ('monthly', 'special')),
  -- the versions of one report: 'monthly:2026-10', 'special:<id of its first version>'
  series           text NOT NULL,
  version          integer NOT NULL CHECK (version >= 1),
  title            text NOT NULL,
  -- local dates (company time zone), inclusive
  period_from      date NOT NULL,
  period_to        date NOT NULL CHECK (period_to >= period_from),
  -- what was asked for: a special report's complaint or filter
  parameters       jsonb NOT NULL DEFAULT '{}'::jsonb,
  status           text NOT NULL CHECK (status IN ('queued', 'building', 'draft', 'final', 'failed')),
  progress         smallint NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
  -- the step being built (a code the web app names), null when not building
  step             text,
  error            text,
  -- built by the monthly schedule (one per month) rather than asked for
  automatic        boolean NOT NULL DEFAULT false,
  figures          jsonb,
  commentary       text,
  recommendations  text,
  pdf              bytea,
  xlsx             bytea,
  requested_by     text NOT NULL,
  created_at       timestamptz NOT NULL,
  started_at       timestamptz,
  built_at         timestamptz,
  commentary_by    text,
  commentary_at    timestamptz,
  finalised_by     text,
  finalised_at     timestamptz,
  updated_at       timestamptz NOT NULL,
  UNIQUE (series, version),
  CHECK ((status = 'final') = (finalised_at IS NOT NULL)),
  CHECK (status NOT IN ('draft', 'final') OR (figures IS NOT NULL AND pdf IS NOT NULL))
);
-- the schedule builds a month's report once, whichever instance runs it
CREATE UNIQUE INDEX reports_automatic_once_idx ON reports (series) WHERE automatic;
CREATE INDEX reports_created_idx ON reports (created_at DESC, id);
