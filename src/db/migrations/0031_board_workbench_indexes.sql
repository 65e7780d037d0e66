-- The board and the workbench bounded at a million complaints (issue #16 item 2). Every query of
-- GET /api/board and GET /api/workbench reads either a time window (the last weeks' settled clocks,
-- the last days' receipts, the last week's breaches) or the open complaints (the work in progress,
-- which does not grow with the years of history), each through one of these indexes.

-- When a clock was settled for the on-time rate (board.repository.ts onTimeByWeek): late (marked
-- breached, or met after its due time) at its breach or due time, on time at its met time. Only
-- meaningful for settled clocks (the predicate of complaint_clocks_settled_idx). Inlined by the
-- planner, so a query that calls it matches the index.
CREATE FUNCTION clock_settled_at(status text, due_at timestamptz, met_at timestamptz, breached_at timestamptz)
  RETURNS timestamptz LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN CASE WHEN breached_at IS NOT NULL OR (status = 'met' AND met_at > due_at) THEN COALESCE(breached_at, due_at) ELSE met_at END;

-- the settled clocks by the time they were settled; covering, so the weeks of the chart are read
-- from the index alone (and the complaint of each for a scoped reader)
CREATE INDEX complaint_clocks_settled_idx ON complaint_clocks (clock_settled_at(status, due_at, met_at, breached_at))
  INCLUDE (status, due_at, met_at, breached_at, complaint_id)
  WHERE breached_at IS NOT NULL OR (status = 'met' AND met_at IS NOT NULL);

-- breaches of the last days (the board's list and tile)
CREATE INDEX complaint_clocks_breached_idx ON complaint_clocks (breached_at DESC, id DESC) WHERE breached_at IS NOT NULL;

-- the clocks that can make a complaint overdue now (complaint-scope.ts overdueSql): small, probed
-- once per open complaint from the index alone
CREATE INDEX complaint_clocks_live_idx ON complaint_clocks (complaint_id) INCLUDE (status, due_at)
  WHERE status IN ('running', 'paused', 'breached');

-- open complaints (OPEN_STATUSES): per level (board tiles, level-1 list, the workbench's lists by
-- level), by handler and tracker ("mine"), unassigned, newest first
CREATE INDEX complaints_open_level_idx ON complaints (level, received_at, id)
  WHERE status IN ('registered', 'assigned', 'investigating', 'resolving', 'feedback_sent');
CREATE INDEX complaints_open_assignee_idx ON complaints (assignee, received_at DESC)
  WHERE status IN ('registered', 'assigned', 'investigating', 'resolving', 'feedback_sent');
CREATE INDEX complaints_open_tracker_idx ON complaints (tracker, received_at DESC)
  WHERE status IN ('registered', 'assigned', 'investigating', 'resolving', 'feedback_sent');

-- open major complaints (the board's major list, major.repository.ts listOpenMajor)
CREATE INDEX complaints_open_major_idx ON complaints (major_marked_at, received_at, id)
  WHERE major AND status IN ('registered', 'assigned', 'investigating', 'resolving', 'feedback_sent');

-- decisions waiting (complaint-todo.ts): proposed compensations, pending extension requests
CREATE INDEX complaint_records_waiting_idx ON complaint_records (kind, complaint_id)
  WHERE (kind = 'compensation' AND status = 'proposed') OR (kind = 'extension_request' AND status = 'pending');
