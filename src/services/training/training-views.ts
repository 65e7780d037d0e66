/** What the training routes answer (#15 item 1): plans, sessions, attendees, shaped from rows. */
import {
  sessionResult,
  type AttendanceStatus,
  type ContentArea,
  type EnrolmentSource,
  type OriginKind,
  type PlanStatus,
  type SessionResult,
  type SessionStatus,
  type TrainingKind,
} from '../../domain/training/training.js';
import type { AttendanceRow, EnrolmentRow, TrainingPlanRow, TrainingSessionRow } from '../../db/repositories/training.repository.js';

const num = (v: string | null) => (v === null ? null : Number(v));

export interface OriginView {
  kind: OriginKind;
  id: string;
  /** what the spike or finding says */
  text: string;
  /** the page that shows it */
  link: string;
}

export interface PlanSummaryView {
  id: string;
  kind: TrainingKind;
  title: string;
  contentAreas: ContentArea[];
  periodFrom: string;
  periodTo: string;
  description: string;
  status: PlanStatus;
  originKind: OriginKind | null;
  originId: string | null;
  createdAt: Date;
  createdBy: string;
}

export function planSummaryView(r: TrainingPlanRow): PlanSummaryView {
  return {
    id: r.id,
    kind: r.kind as TrainingKind,
    title: r.title,
    contentAreas: r.content_areas as ContentArea[],
    periodFrom: r.period_from,
    periodTo: r.period_to,
    description: r.description,
    status: r.status as PlanStatus,
    originKind: (r.origin_kind as OriginKind | null) ?? null,
    originId: r.origin_id,
    createdAt: r.created_at,
    createdBy: r.created_by,
  };
}

export interface SessionView {
  id: string;
  planId: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  trainer: string;
  place: string | null;
  onlineUrl: string | null;
  maxScore: number | null;
  passMark: number | null;
  status: SessionStatus;
  remindedAt: Date | null;
}

export function sessionView(r: TrainingSessionRow): SessionView {
  return {
    id: r.id,
    planId: r.plan_id,
    title: r.title,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    trainer: r.trainer,
    place: r.place,
    onlineUrl: r.online_url,
    maxScore: num(r.max_score),
    passMark: num(r.pass_mark),
    status: r.status as SessionStatus,
    remindedAt: r.reminded_at,
  };
}

export interface AttendeeView {
  username: string;
  displayName: string;
  source: EnrolmentSource;
  sourceRef: string | null;
  enrolledAt: Date;
  enrolledBy: string;
}

export function attendeeView(r: EnrolmentRow): AttendeeView {
  return {
    username: r.username,
    displayName: r.display_name ?? r.username,
    source: r.source as EnrolmentSource,
    sourceRef: r.source_ref,
    enrolledAt: r.enrolled_at,
    enrolledBy: r.enrolled_by,
  };
}

export interface AttendanceView {
  username: string;
  displayName: string;
  status: AttendanceStatus | null;
  score: number | null;
  result: SessionResult;
  recordedAt: Date | null;
  recordedBy: string | null;
}

export function attendanceView(s: TrainingSessionRow, e: EnrolmentRow, a: AttendanceRow | undefined): AttendanceView {
  const mark = a ? { status: a.status as AttendanceStatus, score: num(a.score) } : null;
  return {
    username: e.username,
    displayName: e.display_name ?? e.username,
    status: mark?.status ?? null,
    score: mark?.score ?? null,
    result: sessionResult({ maxScore: num(s.max_score), passMark: num(s.pass_mark) }, mark),
    recordedAt: a?.recorded_at ?? null,
    recordedBy: a?.recorded_by ?? null,
  };
}
