/** The leadership group's steps for level 1 (R-C3): the emergency meeting with its plan, the report to senior management. */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { warningTimes } from '../../../domain/clocks/deadline.js';
import { ValidationError, type FieldIssue } from '../../../domain/validation.js';
import type { NewClock } from '../../../db/repositories/clock.repository.js';
import { DomainError } from '../../../domain/errors.js';
import { listRecords } from '../../../db/repositories/record.repository.js';
import { meetMilestone } from '../clock-effects.js';
import { handler } from '../workflow-handler.js';
import { checkPeopleAndUnits } from './validate.js';

const username = z.string().trim().toLowerCase().min(2).max(64);
const instant = z.iso.datetime({ offset: true, message: 'invalid_datetime' });

export const recordMeeting = handler({
  action: 'record_meeting',
  body: z.strictObject({
    heldAt: instant,
    attendees: z.array(z.string().trim().min(1).max(100)).min(1).max(50),
    decisions: z.string().trim().min(1).max(20_000),
    owners: z.array(username).min(1).max(20),
    departmentIds: z.array(z.uuid()).max(20).optional(),
    milestones: z
      .array(z.strictObject({ title: z.string().trim().min(1).max(200), owner: username, dueAt: instant }))
      .min(1)
      .max(30),
  }),
  apply: async (h, b) => {
    const heldAt = new Date(b.heldAt);
    const issues: FieldIssue[] = [];
    if (heldAt.getTime() > h.now.getTime()) issues.push({ field: 'heldAt', code: 'in_future' });
    b.milestones.forEach((m, i) => {
      if (Date.parse(m.dueAt) <= heldAt.getTime()) issues.push({ field: `milestones.${i}.dueAt`, code: 'range_inverted' });
      else if (Date.parse(m.dueAt) <= h.now.getTime()) issues.push({ field: `milestones.${i}.dueAt`, code: 'due_at_not_in_future' });
    });
    if (issues.length > 0) throw new ValidationError(issues);
    const people: Record<string, string> = {};
    b.owners.forEach((o, i) => (people[`owners.${i}`] = o));
    b.milestones.forEach((m, i) => (people[`milestones.${i}.owner`] = m.owner));
    await checkPeopleAndUnits(h.trx, people, b.departmentIds ? { field: 'departmentIds', ids: b.departmentIds } : undefined);
    const milestones = b.milestones.map((m) => ({
      id: randomUUID(),
      title: m.title,
      owner: m.owner,
      dueAt: new Date(m.dueAt).toISOString(),
    }));
    // a milestone has the due time the plan gives it (amount 0 minutes: no policy duration), warned at the policy's fractions
    const clocks: NewClock[] = milestones.map((m) => ({
      kind: 'milestone',
      amount: 0,
      unit: 'minutes',
      startedAt: h.now,
      dueAt: new Date(m.dueAt),
      warnAt: warningTimes(h.now, new Date(m.dueAt), h.policy.warningFractions),
      calendarConfirmed: true,
      subjectId: m.id,
      label: m.title,
      round: h.complaint.round,
    }));
    return {
      record: {
        kind: 'meeting',
        data: {
          heldAt: heldAt.toISOString(),
          attendees: b.attendees,
          decisions: b.decisions,
          owners: b.owners,
          departmentIds: b.departmentIds ?? [],
          milestones,
        },
      },
      patch: { department_ids: [...new Set([...h.complaint.department_ids, ...(b.departmentIds ?? [])])] },
      payload: {
        heldAt: heldAt.toISOString(),
        owners: b.owners,
        departmentIds: b.departmentIds ?? [],
        milestones: milestones.map((m) => ({ id: m.id, title: m.title, owner: m.owner, dueAt: m.dueAt })),
      },
      clocks,
    };
  },
});

export const reportToSenior = handler({
  action: 'report_to_senior',
  body: z.strictObject({ content: z.string().trim().min(1).max(20_000) }),
  apply: async (_h, b) => ({ record: { kind: 'senior_report', data: { content: b.content } }, payload: {} }),
});

/** A milestone of the plan done: its clock is met; the tracker and the leadership group are told. */
export const completeMilestone = handler({
  action: 'complete_milestone',
  body: z.strictObject({ milestoneId: z.uuid(), note: z.string().trim().max(5000).nullish() }),
  apply: async (h, b) => {
    const meetings = await listRecords(h.trx, h.complaint.id, 'meeting');
    const milestone = meetings
      .flatMap((m) => (Array.isArray(m.data.milestones) ? (m.data.milestones as Array<{ id: string; title: string }>) : []))
      .find((m) => m.id === b.milestoneId);
    if (!milestone) throw new DomainError('not_found', {}, 'milestoneId');
    if (!(await meetMilestone(h.trx, h.complaint.id, b.milestoneId, h.now))) {
      throw new DomainError(
        'invalid_transition',
        { action: 'complete_milestone', status: h.complaint.status, reason: 'milestone_not_open' },
        'milestoneId',
      );
    }
    return {
      record: { kind: 'milestone_done', data: { milestoneId: b.milestoneId, title: milestone.title, note: b.note ?? null } },
      payload: { milestoneId: b.milestoneId, title: milestone.title },
    };
  },
});

export const LEADERSHIP_HANDLERS = [recordMeeting, reportToSenior, completeMilestone];
