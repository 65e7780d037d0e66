-- Retention and anonymisation (issue #15 item 4, R-H6). After the policy's period (years after
-- closure, per business line) a closed complaint's personal data is anonymised by the job
-- `retention.sweep`; statistics are kept. See docs/architecture.md "Retention, anonymisation and
-- the hash chain".

-- Hash version 2: the hashed row holds a salted commitment to {reason, payload} instead of them.
-- The salt is one random 32-byte value per complaint, kept apart so that deleting it (anonymisation)
-- leaves the commitment useless for guessing the removed data.
CREATE TABLE complaint_salts (
  complaint_id  uuid PRIMARY KEY REFERENCES complaints (id),
  salt          bytea NOT NULL CHECK (octet_length(salt) = 32),
  created_at    timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE complaint_events ADD COLUMN hash_version smallint NOT NULL DEFAULT 1 CHECK (hash_version IN (1, 2));
ALTER TABLE complaint_events ADD COLUMN commitment text;
ALTER TABLE complaint_events ADD COLUMN redacted_at timestamptz;
ALTER TABLE complaint_events ADD CONSTRAINT complaint_events_commitment_check
  CHECK ((hash_version = 2) = (commitment IS NOT NULL));

-- Still append-only for everyone, but for the retention job's redaction: inside a transaction that
-- set `app.retention_redaction = 'on'` (SET LOCAL), an event not redacted yet may have its payload and
-- reason replaced and redacted_at set, nothing else. DELETE and TRUNCATE stay refused.
CREATE OR REPLACE FUNCTION complaint_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND coalesce(current_setting('app.retention_redaction', true), '') = 'on'
     AND OLD.redacted_at IS NULL AND NEW.redacted_at IS NOT NULL
     AND NEW.id = OLD.id AND NEW.complaint_id = OLD.complaint_id AND NEW.seq = OLD.seq
     AND NEW.type = OLD.type AND NEW.actor = OLD.actor AND NEW.occurred_at = OLD.occurred_at
     AND NEW.prev_hash = OLD.prev_hash AND NEW.hash = OLD.hash
     AND NEW.hash_version = OLD.hash_version AND NEW.commitment IS NOT DISTINCT FROM OLD.commitment THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'complaint_events is append-only (% refused)', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

-- Evidence bytes are erased (content and chunks gone, the name anonymised, erased_at set) by the
-- retention job only; the row, its size and sha256 stay (the hash-chained upload event names them).
ALTER TABLE evidence_files ADD COLUMN erased_at timestamptz;
ALTER TABLE evidence_files DROP CONSTRAINT evidence_files_one_store;
ALTER TABLE evidence_files ADD CONSTRAINT evidence_files_one_store
  CHECK (CASE WHEN erased_at IS NULL THEN (content IS NULL) <> (chunks IS NULL) ELSE content IS NULL AND chunks IS NULL END);

-- The append-only tables the retention job may touch, in the ways it may touch them, and only in a
-- transaction with `app.retention_redaction = 'on'`: evidence_files (erase), evidence_file_chunks
-- (delete), audit_log (delete rows past the logs period; anonymise the details of a complaint's rows).
-- (Nested IFs: PL/pgSQL evaluates every NEW.field of a condition, and each table has its own fields.)
CREATE FUNCTION append_only_but_retention() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'TRUNCATE' AND coalesce(current_setting('app.retention_redaction', true), '') = 'on' THEN
    IF TG_OP = 'DELETE' THEN
      IF TG_TABLE_NAME IN ('evidence_file_chunks', 'audit_log') THEN
        RETURN OLD;
      END IF;
    ELSIF TG_TABLE_NAME = 'audit_log' THEN
      IF NEW.id = OLD.id AND NEW.at = OLD.at AND NEW.actor = OLD.actor AND NEW.action = OLD.action
         AND NEW.outcome = OLD.outcome AND NEW.target_type IS NOT DISTINCT FROM OLD.target_type
         AND NEW.target_id IS NOT DISTINCT FROM OLD.target_id AND NEW.ip IS NOT DISTINCT FROM OLD.ip THEN
        RETURN NEW;
      END IF;
    ELSIF TG_TABLE_NAME = 'evidence_files' THEN
      IF OLD.erased_at IS NULL AND NEW.erased_at IS NOT NULL AND NEW.content IS NULL AND NEW.chunks IS NULL
         AND NEW.id = OLD.id AND NEW.complaint_id = OLD.complaint_id AND NEW.record_id = OLD.record_id
         AND NEW.content_type = OLD.content_type AND NEW.size = OLD.size AND NEW.sha256 = OLD.sha256
         AND NEW.created_at = OLD.created_at AND NEW.created_by = OLD.created_by THEN
        RETURN NEW;
      END IF;
    END IF;
  END IF;
  RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

DROP TRIGGER audit_log_no_update ON audit_log;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION append_only_but_retention();
DROP TRIGGER evidence_files_no_update ON evidence_files;
CREATE TRIGGER evidence_files_no_update BEFORE UPDATE OR DELETE ON evidence_files
  FOR EACH ROW EXECUTE FUNCTION append_only_but_retention();
DROP TRIGGER evidence_file_chunks_no_update ON evidence_file_chunks;
CREATE TRIGGER evidence_file_chunks_no_update BEFORE UPDATE OR DELETE ON evidence_file_chunks
  FOR EACH ROW EXECUTE FUNCTION append_only_but_retention();

ALTER TABLE complaints ADD COLUMN anonymised_at timestamptz;
-- the sweep's candidates: ended (closed, withdrawn, transferred, merged), not anonymised yet
CREATE INDEX complaints_retention_idx ON complaints (closed_at) WHERE anonymised_at IS NULL AND closed_at IS NOT NULL;

-- One row per sweep: what it was asked to do (the time it took for "now") and what it did.
CREATE TABLE retention_runs (
  id              uuid PRIMARY KEY,
  started_at      timestamptz NOT NULL,
  finished_at     timestamptz,
  now_used        timestamptz NOT NULL,
  status          text NOT NULL CHECK (status IN ('running', 'done', 'failed')),
  triggered_by    text NOT NULL,
  -- per kind: complaints, events, evidenceFiles, records, messages, ... auditRowsDeleted
  counts          jsonb NOT NULL DEFAULT '{}',
  anonymised      uuid[] NOT NULL DEFAULT '{}',
  held            uuid[] NOT NULL DEFAULT '{}',
  -- [{complaintId, message}]
  errors          jsonb NOT NULL DEFAULT '[]'
);
CREATE INDEX retention_runs_started_idx ON retention_runs (started_at DESC);
