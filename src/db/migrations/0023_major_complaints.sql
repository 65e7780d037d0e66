-- Major complaints (重大投诉, issue #14 item 4; CBIRC Order 2020 No. 3 art. 29).
-- The facts the intake now takes (a disaster / accident / public-health cause, named by the
-- regulator), how the complaint came to be major (the rules that fired, or a leader with a reason),
-- its emergency plan (owners, actions, milestones on clocks) and the reports to the regulator.

ALTER TABLE complaints
  ADD COLUMN major_cause text CHECK (major_cause IN ('disaster', 'accident', 'public_health')),
  ADD COLUMN regulator_named boolean NOT NULL DEFAULT false,
  ADD COLUMN regulator_named_reference text,
  -- 'rules' when the grading rules marked it, 'leader' when a leader did; null when not major
  ADD COLUMN major_source text CHECK (major_source IN ('rules', 'leader')),
  ADD COLUMN major_rules text[] NOT NULL DEFAULT '{}',
  ADD COLUMN major_reason text,
  ADD COLUMN major_marked_at timestamptz,
  ADD COLUMN major_marked_by text;

-- complaints marked major before this migration were marked by the grading rules at intake
UPDATE complaints SET major_source = 'rules', major_marked_at = registered_at, major_marked_by = 'system' WHERE major;

CREATE INDEX complaints_major_idx ON complaints (major_marked_at) WHERE major;

-- The emergency plan: one per complaint, its summary and owners.
CREATE TABLE major_plans (
  complaint_id  uuid PRIMARY KEY REFERENCES complaints (id),
  summary       text NOT NULL DEFAULT '',
  owners        text[] NOT NULL DEFAULT '{}',
  created_at    timestamptz NOT NULL,
  created_by    text NOT NULL,
  updated_at    timestamptz NOT NULL,
  updated_by    text NOT NULL
);

-- The plan's actions (an owner, no clock) and milestones (an owner and a due time on a
-- 'major_milestone' clock whose subject_id is the item's id).
CREATE TABLE major_plan_items (
  id            uuid PRIMARY KEY,
  complaint_id  uuid NOT NULL REFERENCES complaints (id),
  kind          text NOT NULL CHECK (kind IN ('action', 'milestone')),
  title         text NOT NULL,
  owner         text NOT NULL,
  due_at        timestamptz,
  status        text NOT NULL CHECK (status IN ('open', 'done')),
  created_at    timestamptz NOT NULL,
  created_by    text NOT NULL,
  done_at       timestamptz,
  done_by       text,
  done_note     text,
  CHECK (kind = 'action' OR due_at IS NOT NULL)
);
CREATE INDEX major_plan_items_complaint_idx ON major_plan_items (complaint_id, due_at);

-- Reports to the regulator: when, to whom, the reference and the text. The first one meets the
-- 'major_regulator_report' clock started when the complaint was marked major.
CREATE TABLE major_regulator_reports (
  id            uuid PRIMARY KEY,
  complaint_id  uuid NOT NULL REFERENCES complaints (id),
  reported_at   timestamptz NOT NULL,
  recipient     text NOT NULL,
  reference     text,
  body          text NOT NULL,
  recorded_at   timestamptz NOT NULL,
  recorded_by   text NOT NULL
);
CREATE INDEX major_regulator_reports_complaint_idx ON major_regulator_reports (complaint_id, reported_at);
