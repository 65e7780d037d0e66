-- Evidence files of an investigation (issue #4, R-D1). The complaint's `evidence` record holds the
-- metadata (file id, name, type, size, sha256); the bytes live here. Evidence is never changed or
-- deleted (R-A4): a later retention job needs its own, explicit path.

CREATE TABLE evidence_files (
  id            uuid PRIMARY KEY,
  complaint_id  uuid NOT NULL REFERENCES complaints (id),
  -- the record is written after the file in the same transaction
  record_id     uuid NOT NULL REFERENCES complaint_records (id) DEFERRABLE INITIALLY DEFERRED,
  name          text NOT NULL,
  content_type  text NOT NULL,
  size          integer NOT NULL CHECK (size > 0),
  sha256        text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  content       bytea NOT NULL,
  created_at    timestamptz NOT NULL,
  created_by    text NOT NULL,
  CHECK (octet_length(content) = size)
);
CREATE INDEX evidence_files_complaint_idx ON evidence_files (complaint_id);

CREATE TRIGGER evidence_files_no_update BEFORE UPDATE OR DELETE ON evidence_files
  FOR EACH ROW EXECUTE FUNCTION append_only();
CREATE TRIGGER evidence_files_no_truncate BEFORE TRUNCATE ON evidence_files
  FOR EACH STATEMENT EXECUTE FUNCTION append_only();
