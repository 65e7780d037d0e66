/** The main path: grade, assign, escalate, investigate, find, answer, survey, reopen, close, withdraw, progress. */
import { CONTACT_METHODS, ESCALATION_TARGETS, FEEDBACK_METHODS, LEVELS, OUTCOMES, SURVEY_METHODS } from '../../../../codes';
import { bool, compact, instant, localInput, mustText, num, text, texts, type ActionContext, type ActionSpec } from '../action-spec';

export const grade: ActionSpec = {
  action: 'grade',
  path: 'grade',
  intro: 'complaint.intro.grade',
  fields: [
    { kind: 'enum', name: 'level', label: 'complaint.f.level', values: LEVELS.map(String), prefix: 'level', radio: true, required: true },
    { kind: 'textarea', name: 'reason', label: 'complaint.f.reason', help: 'complaint.help.gradeReason' },
  ],
  initial: (ctx) => ({ level: String(ctx.detail.level) }),
  body: (v) => compact({ level: num(v.level), reason: text(v.reason) }),
};

export const assign: ActionSpec = {
  action: 'assign',
  path: 'assign',
  fields: [
    { kind: 'user', name: 'assignee', label: 'complaint.f.assignee' },
    { kind: 'user', name: 'tracker', label: 'complaint.f.tracker' },
    { kind: 'departments', name: 'departmentIds', label: 'complaint.f.departments', multiple: true },
    { kind: 'textarea', name: 'note', label: 'complaint.f.note' },
  ],
  initial: (ctx) => ({ assignee: ctx.detail.assignee ?? undefined, tracker: ctx.detail.tracker ?? undefined }),
  body: (v) => {
    const departmentIds = texts(v.departmentIds);
    return compact({
      assignee: text(v.assignee),
      tracker: text(v.tracker),
      departmentIds: departmentIds.length > 0 ? departmentIds : undefined,
      note: text(v.note),
    });
  },
};

export const escalate: ActionSpec = {
  action: 'escalate',
  path: 'escalate',
  fields: [
    {
      kind: 'enum',
      name: 'to',
      label: 'complaint.f.escalateTo',
      values: ESCALATION_TARGETS,
      prefix: 'complaint.escalateTo',
      radio: true,
      required: true,
    },
    { kind: 'textarea', name: 'note', label: 'complaint.f.note' },
  ],
  initial: (ctx) => ({ to: ctx.detail.level === 1 ? 'leadership' : 'supervisor' }),
  body: (v) => compact({ to: text(v.to), note: text(v.note) }),
};

export const startInvestigation: ActionSpec = {
  action: 'start_investigation',
  path: 'start-investigation',
  fields: [
    { kind: 'departments', name: 'departmentIds', label: 'complaint.f.departments', multiple: true },
    { kind: 'textarea', name: 'plan', label: 'complaint.f.investigationPlan' },
  ],
  body: (v) => {
    const departmentIds = texts(v.departmentIds);
    return compact({ departmentIds: departmentIds.length > 0 ? departmentIds : undefined, plan: text(v.plan) });
  },
};

/** A complaint about how another complaint was handled (R-E5). */
const aboutHandling = (ctx: ActionContext) => ctx.detail.related.some((r) => r.kind === 'about_handling');

export const recordFindings: ActionSpec = {
  action: 'record_findings',
  path: 'record-findings',
  fields: [
    { kind: 'textarea', name: 'findings', label: 'complaint.f.findings', required: true },
    {
      kind: 'enum',
      name: 'conclusion',
      label: 'complaint.f.conclusion',
      values: OUTCOMES,
      prefix: 'complaint.outcome',
      radio: true,
      required: true,
    },
    // a complaint about complaint handling (R-E5): its findings may reopen the original
    {
      kind: 'checkbox',
      name: 'reopenOriginal',
      label: 'complaint.f.reopenOriginal',
      text: 'complaint.f.reopenOriginalText',
      help: 'complaint.help.reopenOriginal',
      when: aboutHandling,
    },
    // … or raise a rectification request about the original (inspectors; to the original's department)
    {
      kind: 'textarea',
      name: 'rectificationText',
      label: 'complaint.f.rectification',
      help: 'complaint.help.rectification',
      when: (ctx) => aboutHandling(ctx) && (ctx.permissions ?? []).includes('inspection.manage'),
    },
  ],
  body: (v) => {
    const rectification = text(v.rectificationText);
    return compact({
      findings: mustText(v.findings),
      conclusion: text(v.conclusion),
      reopenOriginal: bool(v.reopenOriginal),
      rectification: rectification ? { text: rectification } : undefined,
    });
  },
};

export const sendFeedback: ActionSpec = {
  action: 'send_feedback',
  path: 'send-feedback',
  fields: [
    {
      kind: 'enum',
      name: 'method',
      label: 'complaint.f.feedbackMethod',
      values: FEEDBACK_METHODS,
      prefix: 'complaint.contactMethod',
      required: true,
    },
    { kind: 'textarea', name: 'content', label: 'complaint.f.feedbackContent', required: true },
    { kind: 'text', name: 'proof', label: 'complaint.f.proof', help: 'complaint.help.proof' },
    { kind: 'checkbox', name: 'solvedOnTheSpot', label: 'complaint.f.solvedOnTheSpot', text: 'complaint.f.solvedOnTheSpotText' },
  ],
  initial: (ctx) => ({ method: 'phone', solvedOnTheSpot: ctx.detail.level === 3 && ctx.detail.status === 'registered' }),
  body: (v) =>
    compact({
      method: text(v.method),
      content: mustText(v.content),
      proof: text(v.proof),
      solvedOnTheSpot: bool(v.solvedOnTheSpot) ?? false,
    }),
};

export const recordSurvey: ActionSpec = {
  action: 'record_survey',
  path: 'record-survey',
  fields: [
    {
      kind: 'yesNo',
      name: 'satisfied',
      label: 'complaint.f.satisfied',
      yes: 'complaint.satisfied',
      no: 'complaint.dissatisfied',
      required: true,
    },
    {
      kind: 'enum',
      name: 'score',
      label: 'complaint.f.score',
      values: ['5', '4', '3', '2', '1'],
      prefix: 'complaint.score',
      radio: true,
      required: true,
    },
    {
      kind: 'enum',
      name: 'method',
      label: 'complaint.f.surveyMethod',
      values: SURVEY_METHODS,
      prefix: 'complaint.contactMethod',
      required: true,
    },
    { kind: 'textarea', name: 'comment', label: 'complaint.f.comment' },
  ],
  initial: () => ({ method: 'phone' }),
  body: (v) => compact({ satisfied: bool(v.satisfied), score: num(v.score), method: text(v.method), comment: text(v.comment) }),
};

export const reopen: ActionSpec = {
  action: 'reopen',
  path: 'reopen',
  fields: [{ kind: 'textarea', name: 'reason', label: 'complaint.f.reason', required: true }],
  body: (v) => ({ reason: mustText(v.reason) }),
};

export const close: ActionSpec = {
  action: 'close',
  path: 'close',
  fields: [
    {
      kind: 'enum',
      name: 'outcome',
      label: 'complaint.f.outcome',
      values: OUTCOMES,
      prefix: 'complaint.outcome',
      radio: true,
      required: true,
    },
    { kind: 'textarea', name: 'summary', label: 'complaint.f.summary', required: true },
    { kind: 'textarea', name: 'reason', label: 'complaint.f.closeReason', help: 'complaint.help.closeReason' },
    {
      kind: 'textarea',
      name: 'unpaidCompensationWaiver',
      label: 'complaint.f.unpaidCompensationWaiver',
      help: 'complaint.help.unpaidCompensationWaiver',
    },
  ],
  body: (v) =>
    compact({
      outcome: text(v.outcome),
      summary: mustText(v.summary),
      reason: text(v.reason),
      unpaidCompensationWaiver: text(v.unpaidCompensationWaiver),
    }),
};

export const withdraw: ActionSpec = {
  action: 'withdraw',
  path: 'withdraw',
  danger: true,
  fields: [{ kind: 'textarea', name: 'reason', label: 'complaint.f.reason', required: true }],
  body: (v) => ({ reason: mustText(v.reason) }),
};

export const reportProgress: ActionSpec = {
  action: 'report_progress',
  path: 'report-progress',
  fields: [
    { kind: 'textarea', name: 'content', label: 'complaint.f.progress', required: true },
    { kind: 'textarea', name: 'blockers', label: 'complaint.f.blockers' },
  ],
  body: (v) => compact({ content: mustText(v.content), blockers: text(v.blockers) }),
};

/** The first contact (acknowledgment, first reply online, urgent initial response), not the answer (#9 item 7). */
export const recordContact: ActionSpec = {
  action: 'record_contact',
  path: 'record-contact',
  intro: 'complaint.intro.recordContact',
  fields: [
    {
      kind: 'enum',
      name: 'method',
      label: 'complaint.f.contactMethod',
      values: CONTACT_METHODS,
      prefix: 'complaint.contactMethod',
      required: true,
    },
    { kind: 'textarea', name: 'summary', label: 'complaint.f.contactSummary', help: 'complaint.help.contactSummary', required: true },
    { kind: 'datetime', name: 'contactedAt', label: 'complaint.f.contactedAt' },
  ],
  initial: (ctx) => ({
    method:
      ctx.detail.channel === 'letter'
        ? 'letter'
        : ctx.detail.channel === 'email'
          ? 'email'
          : ctx.detail.channel === 'web' || ctx.detail.channel === 'app'
            ? 'online'
            : 'phone',
    contactedAt: localInput(new Date()),
  }),
  body: (v) => compact({ method: text(v.method), summary: mustText(v.summary), contactedAt: instant(v.contactedAt) }),
};

export const CORE_SPECS = [
  grade,
  assign,
  escalate,
  startInvestigation,
  recordFindings,
  sendFeedback,
  recordSurvey,
  reopen,
  close,
  withdraw,
  reportProgress,
  recordContact,
];
