/** Leaving the workflow (transfer, merge) and the clock controls (regulatory extension, pause, resume). */
import { NOTICE_METHODS, PAUSE_REASONS } from '../../../../codes';
import { compact, instant, localInput, mustText, num, text, type ActionSpec } from '../action-spec';

export const transfer: ActionSpec = {
  action: 'transfer',
  path: 'transfer',
  danger: true,
  fields: [
    { kind: 'text', name: 'to', label: 'complaint.f.transferTo', required: true, help: 'complaint.help.transferTo' },
    { kind: 'textarea', name: 'reason', label: 'complaint.f.reason', required: true },
  ],
  body: (v) => ({ to: mustText(v.to), reason: mustText(v.reason) }),
};

export const merge: ActionSpec = {
  action: 'merge',
  path: 'merge',
  danger: true,
  fields: [
    {
      kind: 'select',
      name: 'intoComplaintId',
      label: 'complaint.f.mergeInto',
      required: true,
      free: true,
      help: 'complaint.help.mergeInto',
      options: (ctx) => ctx.related.map((r) => ({ value: r.number, label: `${r.number} · ${ctx.i18n.label('complaint.link', r.kind)}` })),
    },
    { kind: 'textarea', name: 'reason', label: 'complaint.f.reason', required: true },
  ],
  body: (v) => ({ intoComplaintId: mustText(v.intoComplaintId), reason: mustText(v.reason) }),
};

export const extendRegulatory: ActionSpec = {
  action: 'extend_regulatory',
  path: 'extend-regulatory',
  fields: [
    {
      kind: 'select',
      name: 'days',
      label: 'complaint.f.regulatoryDays',
      required: true,
      options: (ctx) => ctx.regulatoryDays.map((d) => ({ value: String(d), label: ctx.i18n.t('complaint.calendarDays', { n: d }) })),
    },
    { kind: 'textarea', name: 'reason', label: 'complaint.f.reason', required: true },
    { kind: 'datetime', name: 'noticeSentAt', label: 'complaint.f.noticeSentAt', required: true },
    {
      kind: 'enum',
      name: 'noticeMethod',
      label: 'complaint.f.noticeMethod',
      values: NOTICE_METHODS,
      prefix: 'complaint.contactMethod',
      required: true,
    },
  ],
  initial: (ctx) => ({
    days: ctx.regulatoryDays.map(String).find((d) => Number(d) > ctx.detail.regulatoryDays),
    noticeSentAt: localInput(new Date()),
    noticeMethod: 'sms',
  }),
  body: (v) =>
    compact({ days: num(v.days), reason: mustText(v.reason), noticeSentAt: instant(v.noticeSentAt), noticeMethod: text(v.noticeMethod) }),
};

export const pauseClocks: ActionSpec = {
  action: 'pause_clocks',
  path: 'pause-clocks',
  intro: 'complaint.intro.pauseClocks',
  fields: [
    {
      kind: 'enum',
      name: 'reason',
      label: 'complaint.f.pauseReason',
      values: PAUSE_REASONS,
      prefix: 'complaint.pauseReason',
      radio: true,
      required: true,
    },
    { kind: 'textarea', name: 'note', label: 'complaint.f.note' },
  ],
  body: (v) => compact({ reason: text(v.reason), note: text(v.note) }),
};

export const resumeClocks: ActionSpec = {
  action: 'resume_clocks',
  path: 'resume-clocks',
  fields: [{ kind: 'textarea', name: 'note', label: 'complaint.f.note' }],
  body: (v) => compact({ note: text(v.note) }),
};

export const EXIT_SPECS = [transfer, merge, extendRegulatory, pauseClocks, resumeClocks];
