/** The leadership group's level-1 steps: the meeting with its plan, milestones done, the report to senior management. */
import { compact, instant, localInput, mustText, text, texts, type ActionSpec } from '../action-spec';

export const recordMeeting: ActionSpec = {
  action: 'record_meeting',
  path: 'record-meeting',
  intro: 'complaint.intro.recordMeeting',
  fields: [
    { kind: 'datetime', name: 'heldAt', label: 'complaint.f.heldAt', required: true },
    { kind: 'tags', name: 'attendees', label: 'complaint.f.attendees', required: true, help: 'complaint.help.tags' },
    { kind: 'textarea', name: 'decisions', label: 'complaint.f.decisions', required: true },
    { kind: 'user', name: 'owners', label: 'complaint.f.owners', multiple: true, required: true },
    { kind: 'departments', name: 'departmentIds', label: 'complaint.f.departments', multiple: true },
    { kind: 'milestones', name: 'milestones', label: 'complaint.f.milestones', required: true },
  ],
  initial: () => ({ heldAt: localInput(new Date()), milestones: [{}] }),
  body: (v) => {
    const departmentIds = texts(v.departmentIds);
    const milestones = Array.isArray(v.milestones) ? v.milestones : [];
    return compact({
      heldAt: instant(v.heldAt),
      attendees: texts(v.attendees),
      decisions: mustText(v.decisions),
      owners: texts(v.owners),
      departmentIds: departmentIds.length > 0 ? departmentIds : undefined,
      milestones: milestones.map((m: unknown) => {
        const row = typeof m === 'object' && m !== null ? (m as Record<string, unknown>) : {};
        return compact({ title: mustText(row.title), owner: mustText(row.owner), dueAt: instant(row.dueAt) });
      }),
    });
  },
};

export const completeMilestone: ActionSpec = {
  action: 'complete_milestone',
  path: 'complete-milestone',
  fields: [
    {
      kind: 'select',
      name: 'milestoneId',
      label: 'complaint.f.milestone',
      required: true,
      options: (ctx) =>
        ctx.milestones
          .filter((m) => m.status === 'open' || m.status === 'overdue' || m.status === 'breached')
          .map((m) => ({ value: m.id, label: `${m.title} · ${m.owner} · ${ctx.i18n.dateTime(m.dueAt)}` })),
    },
    { kind: 'textarea', name: 'note', label: 'complaint.f.note' },
  ],
  initial: (ctx) => {
    const first = ctx.milestones.find((m) => m.status !== 'done' && m.status !== 'cancelled');
    return first ? { milestoneId: first.id } : {};
  },
  body: (v) => compact({ milestoneId: text(v.milestoneId), note: text(v.note) }),
};

export const reportToSenior: ActionSpec = {
  action: 'report_to_senior',
  path: 'report-to-senior',
  fields: [{ kind: 'textarea', name: 'content', label: 'complaint.f.seniorReport', required: true }],
  body: (v) => ({ content: mustText(v.content) }),
};

export const LEADERSHIP_SPECS = [recordMeeting, completeMilestone, reportToSenior];
