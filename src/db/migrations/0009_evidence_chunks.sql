-- Evidence files streamed in chunks (issue #9 item 8, R-D1). Uploads of up to EVIDENCE_MAX_BYTES
-- (50 MiB by default: call recordings, scanned letters) arrive as multipart, are staged in a temp
-- file while their sha256 is computed, and are written here in 1 MiB chunks inside the action's
-- transaction, so neither the upload nor the download holds a whole file in memory, and the bytes
-- stay in the database with the record (one transaction, one backup, append-only). Files stored
-- before this migration keep their bytes in evidence_files.content.

ALTER TABLE evidence_files ALTER COLUMN content DROP NOT NULL;
-- the number of chunks of a chunked file (NULL: the bytes are in `content`)
ALTER TABLE evidence_files ADD COLUMN chunks integer CHECK (chunks > 0);
ALTER TABLE evidence_files ADD CONSTRAINT evidence_files_one_store CHECK ((content IS NULL) <> (chunks IS NULL));

CREATE TABLE evidence_file_chunks (
  file_id  uuid NOT NULL REFERENCES evidence_files (id),
  seq      integer NOT NULL CHECK (seq >= 0),
  bytes    bytea NOT NULL CHECK (octet_length(bytes) > 0),
  PRIMARY KEY (file_id, seq)
);
-- recordings, scans and office files are compressed already: no second attempt at it
ALTER TABLE evidence_file_chunks ALTER COLUMN bytes SET STORAGE EXTERNAL;

CREATE TRIGGER evidence_file_chunks_no_update BEFORE UPDATE OR DELETE ON evidence_file_chunks
  FOR EACH ROW EXECUTE FUNCTION append_only();
CREATE TRIGGER evidence_file_chunks_no_truncate BEFORE TRUNCATE ON evidence_file_chunks
  FOR EACH STATEMENT EXECUTE FUNCTION append_only();

-- At commit, a chunked file has all its chunks (0 … chunks-1) and exactly `size` bytes.
CREATE FUNCTION evidence_file_complete() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  n integer;
  last integer;
  total bigint;
BEGIN
  IF NEW.chunks IS NULL THEN
    RETURN NULL;
  END IF;
  SELECT count(*), max(seq), coalesce(sum(octet_length(bytes)), 0) INTO n, last, total
    FROM evidence_file_chunks WHERE file_id = NEW.id;
  IF n <> NEW.chunks OR last <> NEW.chunks - 1 OR total <> NEW.size THEN
    RAISE EXCEPTION 'evidence file % is incomplete (% of % chunks, % of % bytes)', NEW.id, n, NEW.chunks, total, NEW.size
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NULL;
END;
$$;
CREATE CONSTRAINT TRIGGER evidence_files_complete AFTER INSERT ON evidence_files
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION evidence_file_complete();
