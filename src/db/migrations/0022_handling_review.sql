-- Complaints about complaint handling (R-E5) and the formal review of round three (issue #14 items 2, 3).
--
-- A complaint about how another complaint was handled is linked to it by a `complaint_links` row of
-- kind 'about_handling' (the new complaint -> the original); no column is needed for it.
--
-- From the policy's formal-review round on (reopen.formalReviewFromRound) a complaint is reviewed
-- by someone above its handler: `review_by` says who (a department head, or the leadership group),
-- `reviewer` names the department head (null for the leadership group: any of its members). The
-- reviewer's conclusion closes the complaint; `closed_as` records how it was closed ('concluded'
-- after a formal review; null for a normal close).
ALTER TABLE complaints
  ADD COLUMN review_by text CHECK (review_by IN ('department_head', 'leadership')),
  ADD COLUMN reviewer text,
  ADD COLUMN closed_as text CHECK (closed_as IN ('concluded')),
  ADD CONSTRAINT complaints_reviewer_needs_review CHECK (reviewer IS NULL OR review_by IS NOT NULL);

CREATE INDEX complaints_reviewer_idx ON complaints (reviewer) WHERE reviewer IS NOT NULL;
CREATE INDEX complaint_links_about_handling_idx ON complaint_links (related_id) WHERE kind = 'about_handling';
