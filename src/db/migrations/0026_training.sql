-- Training (issue #15 item 1, R-G1; policy §7.1-7.2): plans of three kinds (periodic, new-staff
-- onboarding, special topic) covering the four content areas, their sessions (trainer, place or
-- online link, materials, pass mark and maximum score), the enrolled persons (expanded from a
-- department, a role or a person when enrolled, with that source kept), attendance and scores.
--
-- For the KPI training_completion (#14 item 5): a person enrolled in a plan counts for each session
-- of it that ended in the period and was not cancelled; completed when present and, where the
-- session is assessed (max_score not null), scored at least its pass mark.

CREATE TABLE training_plans (
  id             uuid PRIMARY KEY,
  kind           text NOT NULL CHECK (kind IN ('periodic', 'onboarding', 'special')),
  title          text NOT NULL,
  content_areas  text[] NOT NULL DEFAULT '{}'
    CHECK (content_areas <@ ARRAY['law_regulation', 'communication', 'complaint_process', 'case_study']::text[]),
  period_from    date NOT NULL,
  period_to      date NOT NULL CHECK (period_to >= period_from),
  description    text NOT NULL DEFAULT '',
  status         text NOT NULL CHECK (status IN ('draft', 'active', 'completed', 'cancelled')),
  -- a special-topic plan started from a statistics spike (complaint_exceptions kind 'spike') or an inspection finding
  origin_kind    text CHECK (origin_kind IN ('spike', 'finding')),
  origin_id      uuid,
  created_at     timestamptz NOT NULL,
  created_by     text NOT NULL,
  updated_at     timestamptz NOT NULL,
  updated_by     text NOT NULL,
  CHECK ((origin_kind IS NULL) = (origin_id IS NULL))
);
CREATE INDEX training_plans_period_idx ON training_plans (period_from DESC);
CREATE INDEX training_plans_origin_idx ON training_plans (origin_kind, origin_id) WHERE origin_id IS NOT NULL;
CREATE INDEX training_plans_onboarding_idx ON training_plans (period_from DESC) WHERE kind = 'onboarding' AND status = 'active';

CREATE TABLE training_sessions (
  id          uuid PRIMARY KEY,
  plan_id     uuid NOT NULL REFERENCES training_plans (id),
  title       text NOT NULL,
  starts_at   timestamptz NOT NULL,
  ends_at     timestamptz NOT NULL CHECK (ends_at > starts_at),
  -- a user's username
  trainer     text NOT NULL REFERENCES users (username),
  place       text,
  online_url  text,
  max_score   numeric(6, 1) CHECK (max_score > 0),
  pass_mark   numeric(6, 1) CHECK (pass_mark >= 0),
  status      text NOT NULL CHECK (status IN ('scheduled', 'cancelled')),
  -- when the reminders of the day before went out (the notifications' source key keeps them single)
  reminded_at timestamptz,
  created_at  timestamptz NOT NULL,
  created_by  text NOT NULL,
  updated_at  timestamptz NOT NULL,
  CHECK (pass_mark IS NULL OR (max_score IS NOT NULL AND pass_mark <= max_score))
);
CREATE INDEX training_sessions_plan_idx ON training_sessions (plan_id, starts_at);
CREATE INDEX training_sessions_starts_idx ON training_sessions (starts_at) WHERE status = 'scheduled';

-- One row per enrolled person and plan; `source` is how the person was chosen.
CREATE TABLE training_enrolments (
  plan_id      uuid NOT NULL REFERENCES training_plans (id),
  username     text NOT NULL REFERENCES users (username),
  source       text NOT NULL CHECK (source IN ('person', 'department', 'role', 'onboarding')),
  -- the department id or role code it was expanded from; null for a person chosen by name
  source_ref   text,
  enrolled_at  timestamptz NOT NULL,
  enrolled_by  text NOT NULL,
  PRIMARY KEY (plan_id, username)
);
CREATE INDEX training_enrolments_user_idx ON training_enrolments (username);

CREATE TABLE training_attendance (
  session_id   uuid NOT NULL REFERENCES training_sessions (id),
  username     text NOT NULL REFERENCES users (username),
  status       text NOT NULL CHECK (status IN ('present', 'absent', 'excused')),
  score        numeric(6, 1) CHECK (score >= 0),
  recorded_at  timestamptz NOT NULL,
  recorded_by  text NOT NULL,
  PRIMARY KEY (session_id, username),
  CHECK (score IS NULL OR status = 'present')
);
CREATE INDEX training_attendance_user_idx ON training_attendance (username);

-- Materials: stored in PostgreSQL in 1 MiB chunks, as evidence files are (one backup holds them).
CREATE TABLE training_materials (
  id            uuid PRIMARY KEY,
  session_id    uuid NOT NULL REFERENCES training_sessions (id),
  name          text NOT NULL,
  content_type  text NOT NULL,
  size          bigint NOT NULL CHECK (size > 0),
  sha256        text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  chunks        integer NOT NULL CHECK (chunks > 0),
  created_at    timestamptz NOT NULL,
  created_by    text NOT NULL
);
CREATE INDEX training_materials_session_idx ON training_materials (session_id);

CREATE TABLE training_material_chunks (
  material_id  uuid NOT NULL REFERENCES training_materials (id),
  seq          integer NOT NULL CHECK (seq >= 0),
  bytes        bytea NOT NULL,
  PRIMARY KEY (material_id, seq)
);

-- A fresh system has one onboarding plan, so new accounts are enrolled from the start.
INSERT INTO training_plans (id, kind, title, content_areas, period_from, period_to, description, status,
  created_at, created_by, updated_at, updated_by)
VALUES ('00000000-0000-4000-8000-00000000f001', 'onboarding', '新员工投诉处理入职培训',
  ARRAY['law_regulation', 'communication', 'complaint_process', 'case_study'],
  '2026-01-01', '2027-12-31',
  '新员工入职培训：投诉处理相关法律法规、沟通技巧、投诉处理流程与典型案例分析（制度第七章）。', 'active',
  now(), 'system', now(), 'system');

-- Case studies as material (policy §7.2 案例分析): teaching cases of the case library (0025) a session uses.
CREATE TABLE training_session_cases (
  session_id  uuid NOT NULL REFERENCES training_sessions (id),
  case_id     uuid NOT NULL REFERENCES teaching_cases (id),
  added_at    timestamptz NOT NULL,
  added_by    text NOT NULL,
  PRIMARY KEY (session_id, case_id)
);
CREATE INDEX training_session_cases_case_idx ON training_session_cases (case_id);
