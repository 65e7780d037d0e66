/** The key facts of an event's payload, as short localised lines for the timeline. */
import type { I18n } from '../../i18n/i18n';
import type { TaxonomyLabel } from './complaint-queries';
import type { EventView } from './complaint-types';

const s = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : null);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const obj = (v: unknown): Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

function clockName(i18n: I18n, p: Record<string, unknown>): string {
  return s(p.label) ?? i18n.label('clock', s(p.kind) ?? '');
}

type FactFn = (p: Record<string, unknown>, i18n: I18n, tax: TaxonomyLabel) => Array<string | null>;

const FACTS: Record<string, FactFn> = {
  received: (p, { t, label, money }) => [
    s(p.amount) && t('complaint.fact.amount', { v: money(s(p.amount) ?? '0') }),
    p.urgent === true ? t('complaint.urgent') : null,
    list(p.riskFlags).length > 0
      ? list(p.riskFlags)
          .map((f) => label('complaint.risk', String(f)))
          .join('、')
      : null,
  ],
  grading_proposed: (p, { t, label }) => [
    t('complaint.fact.level', { v: label('level', s(p.level) ?? '') }),
    p.major === true ? t('complaint.major') : null,
  ],
  grading_confirmed: (p, { t, label }) => [t('complaint.fact.level', { v: label('level', s(p.to) ?? '') })],
  regraded: (p, { t, label }) => [t('complaint.fact.fromTo', { from: label('level', s(p.from) ?? ''), to: label('level', s(p.to) ?? '') })],
  clocks_planned: (p, { t }) => [t('complaint.fact.clocks', { n: list(p.clocks).length })],
  duplicate_suspected: (p) => [
    list(p.related)
      .map((r) => s(obj(r).number))
      .filter(Boolean)
      .join('、') || null,
  ],
  merged_from: (p) => [s(p.number)],
  clock_warning: (p, i18n) => [clockName(i18n, p), i18n.t('complaint.fact.due', { at: i18n.dateTime(s(p.dueAt)) })],
  clock_breached: (p, i18n) => [clockName(i18n, p), i18n.t('complaint.fact.due', { at: i18n.dateTime(s(p.dueAt)) })],
  clock_escalated: (p, i18n) => [clockName(i18n, p), i18n.t('complaint.fact.step', { n: s(p.step) ?? '' })],
  assign: (p, { t }) => [
    s(p.assignee) && t('complaint.fact.assignee', { v: s(p.assignee) ?? '' }),
    s(p.tracker) && t('complaint.fact.tracker', { v: s(p.tracker) ?? '' }),
    s(p.note),
  ],
  escalate: (p, { t, label }) => [t('complaint.fact.escalatedTo', { v: label('complaint.escalateTo', s(p.to) ?? '') }), s(p.note)],
  record_meeting: (p, { t, dateTime }) => [
    t('complaint.fact.heldAt', { at: dateTime(s(p.heldAt)) }),
    t('complaint.fact.owners', { v: list(p.owners).map(String).join('、') }),
    ...list(p.milestones).map((m) =>
      t('complaint.fact.milestone', { title: s(obj(m).title) ?? '', owner: s(obj(m).owner) ?? '', at: dateTime(s(obj(m).dueAt)) }),
    ),
  ],
  complete_milestone: (p) => [s(p.title)],
  record_findings: (p, { label }) => [label('complaint.outcome', s(p.conclusion) ?? '')],
  record_analysis: (p, _i18n, tax) => [
    list(p.causes)
      .map((c) => tax('causes', String(c)))
      .join('、'),
  ],
  add_evidence: (p, { label }) => [label('complaint.evidenceMethod', s(p.method) ?? ''), s(obj(p.file).name)],
  request_extension: (p, { t }) => [t('complaint.extensionDays', { n: s(p.days) ?? '' })],
  decide_extension: (p, { t }) => [
    t(p.approved === true ? 'complaint.approved' : 'complaint.rejected'),
    t('complaint.extensionDays', { n: s(p.days) ?? '' }),
  ],
  propose_compensation: (p, { money }) => [s(p.amount) && money(s(p.amount) ?? '0')],
  decide_compensation: (p, { t, money }) => [
    t(p.approved === true ? 'complaint.approved' : 'complaint.rejected'),
    s(p.amount) && money(s(p.amount) ?? '0'),
  ],
  record_payment: (p, { label }) => [
    `${label('complaint.payment', s(p.from) ?? '')} → ${label('complaint.payment', s(p.to) ?? '')}`,
    s(p.reference),
  ],
  record_settlement: (p, { t, dateTime }) => [t('complaint.fact.agreedAt', { at: dateTime(s(p.agreedAt)) })],
  create_improvement_action: (p, { t }) => [s(p.title), s(p.owner) && t('complaint.fact.owner', { v: s(p.owner) ?? '' })],
  send_feedback: (p, { t, label }) => [
    label('complaint.contactMethod', s(p.method) ?? ''),
    p.solvedOnTheSpot === true ? t('complaint.solvedOnTheSpot') : null,
  ],
  record_contact: (p, { t, label, dateTime }) => [
    label('complaint.contactMethod', s(p.method) ?? ''),
    t('complaint.fact.contactedAt', { at: dateTime(s(p.contactedAt)) }),
    s(p.summary),
  ],
  record_survey: (p, { t }) => [
    t(p.satisfied === true ? 'complaint.satisfied' : 'complaint.dissatisfied'),
    t('complaint.fact.score', { n: s(p.score) ?? '' }),
  ],
  close: (p, { label }) => [label('complaint.outcome', s(p.outcome) ?? '')],
  transfer: (p) => [s(p.to)],
  merge: (p) => [s(p.intoNumber)],
  extend_regulatory: (p, { t }) => [t('complaint.fact.fromTo', { from: s(p.fromDays) ?? '', to: s(p.toDays) ?? '' })],
  pause_clocks: (p, { label }) => [label('complaint.pauseReason', s(p.reason) ?? '')],
  personal_data_viewed: () => [],
  exception_resolved: (p, { label }) => [label('complaint.exception', s(p.kind) ?? '')],
  // #12: the complainant's files and the correspondence thread
  attachments_received: (p) => [
    list(p.files)
      .map((f) => s(obj(f).name))
      .filter(Boolean)
      .join('、') || null,
  ],
  correspondence_received: (p, { label }) => [label('corr.channel', s(p.channel) ?? ''), s(p.subject)],
  correspondence_sent: (p, { label }) => [`${label('corr.channel', s(p.channel) ?? '')} · ${s(p.to) ?? ''}`, s(p.subject)],
  // #14: major complaints
  major_marked: (p, { label }) => [
    label('major.source', s(p.source) ?? ''),
    list(p.rules)
      .map((r) => label('major.rule', String(r)))
      .join('；') || null,
  ],
  major_plan_item_added: (p, { label, dateTime }) => [
    `${label('major.item.kind', s(p.kind) ?? '')}：${s(p.title) ?? ''}`,
    s(p.owner),
    s(p.dueAt) && dateTime(s(p.dueAt)),
  ],
  major_plan_item_done: (p) => [s(p.title), s(p.note)],
  major_regulator_reported: (p, { dateTime }) => [dateTime(s(p.reportedAt)), s(p.recipient), s(p.reference)],
};

export function eventFacts(e: EventView, i18n: I18n, tax: TaxonomyLabel): string[] {
  const fn = FACTS[e.type];
  return fn ? fn(e.payload, i18n, tax).filter((f): f is string => typeof f === 'string' && f !== '') : [];
}

/** An event's label: its own, else the workflow action it records. */
export function eventLabel(type: string, i18n: I18n): string {
  const own = i18n.label('event', type);
  return own !== type ? own : i18n.label('action', type);
}
