-- #10 item 4: a notification stores a template code and its parameters (src/domain/messages/
-- message-templates.ts), rendered in the reader's language when listed, instead of finished
-- Chinese text (title) with the English in its body. Existing rows are mapped to the template
-- their kind was written with when their body has that template's parameters; any other row keeps
-- its text as a 'legacy.text' message. The outbox's notification messages carry the template too.

ALTER TABLE notifications ADD COLUMN template text;
ALTER TABLE notifications ADD COLUMN params jsonb NOT NULL DEFAULT '{}';

-- a workflow step: "<number> <step name>", its body naming the action and who took it
UPDATE notifications SET template = 'complaint.action', params = body - 'en'
 WHERE kind IN ('assign', 'escalate', 'record_meeting', 'start_investigation', 'add_evidence', 'request_extension',
                'decide_extension', 'record_findings', 'record_analysis', 'propose_compensation', 'decide_compensation',
                'record_payment', 'record_settlement', 'create_improvement_action', 'send_feedback', 'record_survey',
                'reopen', 'close', 'withdraw', 'transfer', 'merge', 'report_progress', 'report_to_senior',
                'complete_milestone', 'extend_regulatory', 'pause_clocks', 'resume_clocks', 'record_contact')
   AND body->>'action' = kind
   AND jsonb_typeof(body->'number') = 'string'
   AND jsonb_typeof(body->'by') = 'string';

UPDATE notifications SET template = 'complaint.' || kind, params = body - 'en'
 WHERE kind IN ('level1_registered', 'level1_regraded')
   AND jsonb_typeof(body->'number') = 'string'
   AND jsonb_typeof(body->'by') = 'string';

-- the sweeper's deadline notices (the body named the clock's kind twice: kind and clockKind)
UPDATE notifications
   SET template = CASE kind WHEN 'clock_warning' THEN 'clock.warning'
                            WHEN 'clock_breached' THEN 'clock.breached'
                            WHEN 'progress_stalled' THEN 'clock.stalled'
                            ELSE 'clock.escalated' END,
       params = body - 'en' - 'kind'
 WHERE kind IN ('clock_warning', 'clock_breached', 'progress_stalled', 'clock_escalated')
   AND jsonb_typeof(body->'number') = 'string'
   AND jsonb_typeof(body->'clockId') = 'string'
   AND jsonb_typeof(body->'clockKind') = 'string'
   AND jsonb_typeof(body->(CASE kind WHEN 'clock_warning' THEN 'warning' ELSE 'step' END)) = 'number';

-- an improvement action's change: "<number> <what happened>：<title>"; the title is read from the text
UPDATE notifications n
   SET template = m.template,
       params = (n.body - 'en') || jsonb_build_object('title', substr(n.title, length(n.body->>'number') + length(m.label) + 3))
  FROM (VALUES ('improvement_action_done', 'improvement.done', '整改措施已完成，待验证'),
               ('improvement_action_verified', 'improvement.verified', '整改措施已验证有效'),
               ('improvement_action_reopened', 'improvement.reopened', '整改措施验证未通过，重新整改'),
               ('improvement_action_updated', 'improvement.updated', '整改措施已变更')) AS m (kind, template, label)
 WHERE n.kind = m.kind
   AND jsonb_typeof(n.body->'number') = 'string'
   AND jsonb_typeof(n.body->'improvementActionId') = 'string'
   AND jsonb_typeof(n.body->'by') = 'string'
   AND starts_with(n.title, (n.body->>'number') || ' ' || m.label || '：');

UPDATE notifications SET template = 'calendar.unconfirmed', params = body - 'en'
 WHERE kind = 'calendar_unconfirmed'
   AND jsonb_typeof(body->'year') = 'number'
   AND jsonb_typeof(body->'link') = 'string';

UPDATE notifications SET template = 'security.sign_in_attack', params = body - 'en'
 WHERE kind = 'sign_in_attack'
   AND body->>'target' IN ('account', 'address')
   AND jsonb_typeof(body->'failures') = 'number'
   AND jsonb_typeof(body->'windowMinutes') = 'number'
   AND jsonb_typeof(body->'windowStart') = 'string';

-- anything else keeps its text (and its English, complaint number and link, when it had them)
UPDATE notifications
   SET template = 'legacy.text',
       params = jsonb_strip_nulls(jsonb_build_object(
         'text', title,
         'en', CASE WHEN jsonb_typeof(body->'en') = 'string' THEN body->'en' END,
         'number', CASE WHEN jsonb_typeof(body->'number') = 'string' THEN body->'number' END,
         'link', CASE WHEN jsonb_typeof(body->'link') = 'string' THEN body->'link' END))
 WHERE template IS NULL;

UPDATE outbox o
   SET payload = (o.payload - 'title') || jsonb_build_object('template', n.template, 'params', n.params)
  FROM notifications n
 WHERE o.topic = 'notification.created'
   AND o.idempotency_key = 'notification:' || n.source_key || ':' || n.user_id;

ALTER TABLE notifications ALTER COLUMN template SET NOT NULL;
ALTER TABLE notifications ALTER COLUMN params DROP DEFAULT;
ALTER TABLE notifications DROP COLUMN title;
ALTER TABLE notifications DROP COLUMN body;
