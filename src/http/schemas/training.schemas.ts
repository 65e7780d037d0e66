/** Request and response schemas of training (#15 item 1, R-G1): /api/training/... */
import { z } from 'zod';
import {
  ATTENDANCE_STATUSES,
  CONTENT_AREAS,
  ENROLMENT_SOURCES,
  ORIGIN_KINDS,
  PLAN_STATUSES,
  SESSION_RESULTS,
  SESSION_STATUSES,
  TRAINING_KINDS,
} from '../../domain/training/training.js';
import { stored } from './complaint.responses.js';
import { isoDateInCalendar, isoDateTime, requiredText } from './common.js';
import { calendarDate, instant } from './response.js';

const username = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9._-]{1,63}$/);
const score = z.number().min(0).max(10_000);

// requests --------------------------------------------------------------------------------------

export const planBody = z.strictObject({
  kind: z.enum(TRAINING_KINDS),
  title: requiredText(200),
  contentAreas: z.array(z.enum(CONTENT_AREAS)).min(1).max(4),
  periodFrom: isoDateInCalendar,
  periodTo: isoDateInCalendar,
  description: z.string().trim().max(5000).default(''),
  origin: z
    .strictObject({ kind: z.enum(ORIGIN_KINDS), id: z.uuid() })
    .nullish()
    .describe('a spike alert or an inspection finding'),
});

export const planPatch = z.strictObject({
  title: requiredText(200).optional(),
  contentAreas: z.array(z.enum(CONTENT_AREAS)).min(1).max(4).optional(),
  periodFrom: isoDateInCalendar.optional(),
  periodTo: isoDateInCalendar.optional(),
  description: z.string().trim().max(5000).optional(),
  status: z.enum(PLAN_STATUSES).optional(),
});

export const enrolBody = z.strictObject({
  usernames: z.array(username).max(500).default([]),
  departmentIds: z.array(z.uuid()).max(100).default([]),
  roles: z.array(z.string().max(40)).max(20).default([]),
});

const sessionFields = {
  title: requiredText(200),
  startsAt: isoDateTime,
  endsAt: isoDateTime,
  trainer: username,
  place: z.string().trim().max(200).nullish(),
  onlineUrl: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .nullish(),
  maxScore: z.number().gt(0).max(10_000).nullish(),
  passMark: score.nullish(),
};

export const sessionBody = z.strictObject(sessionFields);
export const sessionPatch = z.strictObject({
  title: sessionFields.title.optional(),
  startsAt: sessionFields.startsAt.optional(),
  endsAt: sessionFields.endsAt.optional(),
  trainer: sessionFields.trainer.optional(),
  place: sessionFields.place,
  onlineUrl: sessionFields.onlineUrl,
  maxScore: sessionFields.maxScore,
  passMark: sessionFields.passMark,
  status: z.enum(SESSION_STATUSES).optional(),
});

export const casesBody = z.strictObject({ caseIds: z.array(z.uuid()).max(50) });

export const attendanceBody = z.strictObject({
  marks: z
    .array(z.strictObject({ username, status: z.enum(ATTENDANCE_STATUSES), score: score.nullish() }))
    .min(1)
    .max(500),
});

// answers ---------------------------------------------------------------------------------------

const planSummary = {
  id: z.string(),
  kind: stored(TRAINING_KINDS),
  title: z.string(),
  contentAreas: z.array(z.string().pipe(z.enum(CONTENT_AREAS))),
  periodFrom: calendarDate,
  periodTo: calendarDate,
  description: z.string(),
  status: stored(PLAN_STATUSES),
  originKind: stored(ORIGIN_KINDS).nullable(),
  originId: z.string().nullable(),
  createdAt: instant,
  createdBy: z.string(),
};

export const planListItem = z.object({ ...planSummary, sessions: z.number(), enrolled: z.number(), nextSessionAt: instant.nullable() });

export const sessionAnswer = z.object({
  id: z.string(),
  planId: z.string(),
  title: z.string(),
  startsAt: instant,
  endsAt: instant,
  trainer: z.string(),
  place: z.string().nullable(),
  onlineUrl: z.string().nullable(),
  maxScore: z.number().nullable(),
  passMark: z.number().nullable(),
  status: stored(SESSION_STATUSES),
  remindedAt: instant.nullable(),
});

const attendee = z.object({
  username: z.string(),
  displayName: z.string(),
  source: stored(ENROLMENT_SOURCES),
  sourceRef: z.string().nullable().describe('the department id or role code the person was enrolled through'),
  enrolledAt: instant,
  enrolledBy: z.string(),
});

export const planDetail = z.object({
  ...planSummary,
  origin: z
    .object({ kind: stored(ORIGIN_KINDS), id: z.string(), text: z.string(), link: z.string() })
    .nullable()
    .describe('the spike alert or inspection finding the plan was started from (源于…)'),
  sessions: z.array(sessionAnswer),
  attendees: z.array(attendee),
});

export const enrolAnswer = planDetail.extend({ added: z.array(z.string()).describe('persons newly enrolled') });

const mark = {
  status: stored(ATTENDANCE_STATUSES).nullable(),
  score: z.number().nullable(),
  result: stored(SESSION_RESULTS),
  recordedAt: instant.nullable(),
  recordedBy: z.string().nullable(),
};

export const sessionDetail = sessionAnswer.extend({
  planTitle: z.string(),
  planStatus: z.string(),
  attendance: z.array(z.object({ username: z.string(), displayName: z.string(), ...mark })),
  materials: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      contentType: z.string(),
      size: z.number(),
      sha256: z.string(),
      createdAt: instant,
      createdBy: z.string(),
    }),
  ),
  cases: z.array(z.object({ id: z.string(), title: z.string(), status: z.string() })).describe('teaching cases used (链接 /cases/:id)'),
});

export const trainingRecord = z.object({
  username: z.string(),
  displayName: z.string(),
  plans: z.array(
    z.object({
      plan: z.object(planSummary),
      source: stored(ENROLMENT_SOURCES),
      sourceRef: z.string().nullable(),
      enrolledAt: instant,
      sessions: z.array(sessionAnswer.extend({ mine: z.object(mark) })),
    }),
  ),
  summary: z.object({ sessions: z.number(), passed: z.number(), failed: z.number(), absent: z.number() }),
});

export const originPlans = z.array(z.object({ id: z.string(), title: z.string(), status: stored(PLAN_STATUSES), originId: z.string() }));
