-- Spike alerts (#13 item 2, R-F3): a product, category or branch whose complaints rise sharply above
-- its own baseline is a tracked exception of kind 'spike' for the supervision department. It is about
-- many complaints, not one: complaint_id is null for it (and only for it). Its subject (what rose)
-- is kept in columns, so "is there an open spike on this product or category" (grading's
-- mass-incident input) is an index lookup; one spike per subject and ISO week (source_key).
ALTER TABLE complaint_exceptions ALTER COLUMN complaint_id DROP NOT NULL;
ALTER TABLE complaint_exceptions DROP CONSTRAINT complaint_exceptions_kind_check;
ALTER TABLE complaint_exceptions ADD CONSTRAINT complaint_exceptions_kind_check
  CHECK (kind IN ('breach', 'dissatisfied', 'stalled', 'message_failed', 'spike'));
ALTER TABLE complaint_exceptions
  ADD COLUMN subject_kind text CHECK (subject_kind IN ('product', 'category', 'branch')),
  ADD COLUMN subject_code text;
ALTER TABLE complaint_exceptions ADD CONSTRAINT complaint_exceptions_subject_check
  CHECK (CASE WHEN kind = 'spike'
    THEN complaint_id IS NULL AND subject_kind IS NOT NULL AND subject_code IS NOT NULL
    ELSE complaint_id IS NOT NULL AND subject_kind IS NULL AND subject_code IS NULL END);
CREATE INDEX complaint_exceptions_open_spike_idx ON complaint_exceptions (subject_kind, subject_code) WHERE kind = 'spike' AND status = 'open';
