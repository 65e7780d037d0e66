-- The case library (issue #15 item 2, R-G2): a closed complaint proposed as a teaching case (教学案例),
-- reviewed by another person and published with personal data removed by the anonymiser
-- (src/domain/personal-data/anonymiser.ts). The texts here are anonymised on every save; the
-- originals stay only on the complaint. Evidence bytes are never copied: only the files' names,
-- anonymised.
--
-- status: draft -> in_review -> published | rejected; in_review -> draft (the proposer takes it back);
-- rejected -> draft (reworked); published -> withdrawn. Training sessions link cases by id
-- (training_session_cases, migration 0026).

CREATE TABLE teaching_cases (
  id                uuid PRIMARY KEY,
  complaint_id      uuid NOT NULL REFERENCES complaints (id),
  status            text NOT NULL CHECK (status IN ('draft', 'in_review', 'published', 'rejected', 'withdrawn')),
  title             text NOT NULL,
  -- background / summary of the complaint, how it was handled, its outcome, the lessons drawn
  background        text NOT NULL DEFAULT '',
  handling          text NOT NULL DEFAULT '',
  outcome           text NOT NULL DEFAULT '',
  lessons           text NOT NULL DEFAULT '',
  -- tags: codes of the policy taxonomies (business line, category, causes) and free lesson tags
  business_line     text NOT NULL,
  category          text NOT NULL,
  cause_codes       text[] NOT NULL DEFAULT '{}',
  lesson_tags       text[] NOT NULL DEFAULT '{}',
  -- the source complaint's evidence files, by name only, anonymised
  attachment_names  text[] NOT NULL DEFAULT '{}',
  -- where the anonymiser put placeholders, per field: {"background": [{"kind","start","end"}], ...};
  -- kinds and offsets in the stored text only, never the originals
  redactions        jsonb NOT NULL DEFAULT '{}',
  -- lower-case title, texts and tags for the free-text search (LIKE)
  search_text       text NOT NULL DEFAULT '',
  proposed_by       text NOT NULL,
  proposed_at       timestamptz NOT NULL,
  updated_by        text NOT NULL,
  updated_at        timestamptz NOT NULL,
  submitted_at      timestamptz,
  reviewed_by       text,
  reviewed_at       timestamptz,
  review_note       text,
  published_at      timestamptz,
  withdrawn_by      text,
  withdrawn_at      timestamptz,
  withdrawn_reason  text,
  CHECK (status <> 'published' OR (published_at IS NOT NULL AND reviewed_by IS NOT NULL)),
  CHECK (status <> 'rejected' OR review_note IS NOT NULL),
  -- four eyes: the reviewer is never the proposer
  CHECK (reviewed_by IS NULL OR reviewed_by <> proposed_by)
);
-- one live case per complaint (a rejected or withdrawn one may be proposed again)
CREATE UNIQUE INDEX teaching_cases_live_idx ON teaching_cases (complaint_id) WHERE status IN ('draft', 'in_review', 'published');
CREATE INDEX teaching_cases_status_idx ON teaching_cases (status, published_at DESC, id);
CREATE INDEX teaching_cases_proposer_idx ON teaching_cases (proposed_by, updated_at DESC);
CREATE INDEX teaching_cases_tags_idx ON teaching_cases USING gin (cause_codes, lesson_tags);
