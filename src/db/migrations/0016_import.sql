-- Historical import (issue #13 item 7, R-H7): complaints loaded from a CSV file with a column mapping
-- (tdi, cfpb), each keeping its source and its id in that source, so a second run of the same file
-- skips what is already there. An import run records its progress and every row it refused; the
-- uploaded file stays with its run (chunks of 1 MiB), so a dry run can be followed by the real
-- run of the same bytes, and what was imported can be traced back to the file.

ALTER TABLE complaints ADD COLUMN import_source text;
ALTER TABLE complaints ADD COLUMN import_id text;
ALTER TABLE complaints ADD CONSTRAINT complaints_import_pair CHECK ((import_source IS NULL) = (import_id IS NULL));
CREATE UNIQUE INDEX complaints_import_idx ON complaints (import_source, import_id) WHERE import_source IS NOT NULL;

CREATE TABLE import_runs (
  id              uuid PRIMARY KEY,
  mapping         text NOT NULL,
  file_name       text NOT NULL,
  file_size       bigint NOT NULL CHECK (file_size >= 0),
  file_sha256     text NOT NULL,
  dry_run         boolean NOT NULL,
  status          text NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed')),
  -- the dry run this run carries out for real (same file)
  from_run_id     uuid REFERENCES import_runs (id),
  rows_read       integer NOT NULL DEFAULT 0,
  rows_valid      integer NOT NULL DEFAULT 0,
  rows_imported   integer NOT NULL DEFAULT 0,
  -- already imported by an earlier run (same source and id): skipped, not an error
  rows_skipped    integer NOT NULL DEFAULT 0,
  rows_failed     integer NOT NULL DEFAULT 0,
  -- of the valid rows: closed at the source (imported closed, no clocks) and open (clocks planned)
  rows_closed     integer NOT NULL DEFAULT 0,
  rows_open       integer NOT NULL DEFAULT 0,
  -- bytes of the file read so far, for the progress bar
  bytes_read      bigint NOT NULL DEFAULT 0,
  error           text,
  created_by      text NOT NULL,
  created_at      timestamptz NOT NULL,
  started_at      timestamptz,
  finished_at     timestamptz
);
CREATE INDEX import_runs_created_idx ON import_runs (created_at DESC, id DESC);

-- The uploaded file, in order.
CREATE TABLE import_run_chunks (
  run_id  uuid NOT NULL REFERENCES import_runs (id),
  seq     integer NOT NULL CHECK (seq >= 0),
  bytes   bytea NOT NULL,
  PRIMARY KEY (run_id, seq)
);
ALTER TABLE import_run_chunks ALTER COLUMN bytes SET STORAGE EXTERNAL;

-- One row per problem of a refused row (a row may have several).
CREATE TABLE import_run_errors (
  run_id     uuid NOT NULL REFERENCES import_runs (id),
  row_number integer NOT NULL,
  seq        integer NOT NULL,
  source_id  text,
  column_name text,
  code       text NOT NULL,
  params     jsonb NOT NULL DEFAULT '{}',
  PRIMARY KEY (run_id, row_number, seq)
);
