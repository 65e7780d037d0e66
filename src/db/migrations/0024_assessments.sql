-- Periodic performance assessments (issue #14 item 5, R-E6). An assessment covers one period (a
-- month or a quarter) and one department or everyone. Opening it freezes a snapshot: for each subject
-- (the department and each of its people; or every department and every person) every KPI figure with
-- its target, weight and score, and the ids of the complaints behind the figure (`base_ids`: the
-- complaints the figure is computed over; `hit_ids`: those in its numerator), so every figure can be
-- traced. The snapshot never changes: subjects and lines are insert-only, and an assessment row may
-- only go from frozen to signed (the signer, time and comment), after which it is immutable.

CREATE TABLE assessments (
  id              uuid PRIMARY KEY,
  period_kind     text NOT NULL CHECK (period_kind IN ('month', 'quarter')),
  -- '2026-11' or '2026-Q4'
  period          text NOT NULL,
  -- local dates (company time zone), inclusive
  period_from     date NOT NULL,
  period_to       date NOT NULL CHECK (period_to >= period_from),
  -- null: everyone (every department and every person)
  department_id   uuid REFERENCES org_units (id),
  status          text NOT NULL CHECK (status IN ('frozen', 'signed')),
  policy_version  integer NOT NULL,
  -- the instant the figures were computed at (open clocks past due by then count as overdue)
  computed_at     timestamptz NOT NULL,
  created_by      text NOT NULL,
  created_at      timestamptz NOT NULL,
  signed_by       text,
  signed_at       timestamptz,
  sign_comment    text,
  CHECK ((status = 'signed') = (signed_by IS NOT NULL AND signed_at IS NOT NULL))
);
-- one assessment per period and subject
CREATE UNIQUE INDEX assessments_once_idx
  ON assessments (period, COALESCE(department_id, '00000000-0000-0000-0000-000000000000'::uuid));
CREATE INDEX assessments_created_idx ON assessments (created_at DESC, id);

CREATE TABLE assessment_subjects (
  assessment_id   uuid NOT NULL REFERENCES assessments (id),
  seq             integer NOT NULL CHECK (seq >= 1),
  kind            text NOT NULL CHECK (kind IN ('department', 'person')),
  -- the org unit id or the username
  subject_id      text NOT NULL,
  name_zh         text NOT NULL,
  name_en         text NOT NULL,
  -- a person's departments when frozen (who may read the line)
  department_ids  uuid[] NOT NULL DEFAULT '{}',
  score           numeric(5, 1),
  PRIMARY KEY (assessment_id, seq),
  UNIQUE (assessment_id, kind, subject_id)
);

CREATE TABLE assessment_lines (
  assessment_id   uuid NOT NULL,
  subject_seq     integer NOT NULL,
  code            text NOT NULL,
  value           numeric(14, 4),
  numerator       integer,
  denominator     integer,
  target          numeric(14, 4),
  weight          numeric(8, 2) NOT NULL,
  achieved        numeric(6, 3),
  met             boolean,
  base_ids        uuid[] NOT NULL DEFAULT '{}',
  hit_ids         uuid[] NOT NULL DEFAULT '{}',
  PRIMARY KEY (assessment_id, subject_seq, code),
  FOREIGN KEY (assessment_id, subject_seq) REFERENCES assessment_subjects (assessment_id, seq)
);

-- the snapshot is insert-only
CREATE FUNCTION assessment_snapshot_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is a frozen assessment snapshot (% refused)', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'restrict_violation';
END
$$;
CREATE TRIGGER assessment_subjects_frozen BEFORE UPDATE OR DELETE ON assessment_subjects
  FOR EACH ROW EXECUTE FUNCTION assessment_snapshot_frozen();
CREATE TRIGGER assessment_subjects_no_truncate BEFORE TRUNCATE ON assessment_subjects
  FOR EACH STATEMENT EXECUTE FUNCTION assessment_snapshot_frozen();
CREATE TRIGGER assessment_lines_frozen BEFORE UPDATE OR DELETE ON assessment_lines
  FOR EACH ROW EXECUTE FUNCTION assessment_snapshot_frozen();
CREATE TRIGGER assessment_lines_no_truncate BEFORE TRUNCATE ON assessment_lines
  FOR EACH STATEMENT EXECUTE FUNCTION assessment_snapshot_frozen();

-- an assessment is never deleted; the only change is the sign-off of a frozen one
CREATE FUNCTION assessment_sign_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'UPDATE' THEN
    RAISE EXCEPTION 'assessments are kept (% refused)', TG_OP USING ERRCODE = 'restrict_violation';
  END IF;
  IF OLD.status <> 'frozen' OR NEW.status <> 'signed'
     OR (to_jsonb(NEW) - 'status' - 'signed_by' - 'signed_at' - 'sign_comment')
        IS DISTINCT FROM (to_jsonb(OLD) - 'status' - 'signed_by' - 'signed_at' - 'sign_comment') THEN
    RAISE EXCEPTION 'assessment % is % : only its sign-off may be recorded', OLD.id, OLD.status
      USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER assessments_sign_only BEFORE UPDATE OR DELETE ON assessments
  FOR EACH ROW EXECUTE FUNCTION assessment_sign_only();
CREATE TRIGGER assessments_no_truncate BEFORE TRUNCATE ON assessments
  FOR EACH STATEMENT EXECUTE FUNCTION assessment_sign_only();
