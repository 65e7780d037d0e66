/**
 * A person's training record (#15 item 1, R-G1): every plan they are enrolled in, how they were
 * enrolled, and each session with their attendance, score and result. 我的培训 for everyone
 * (training.read); anyone's record for those who run training (training.manage).
 */
import { can, type Principal } from '../../domain/access/permissions.js';
import { DomainError } from '../../domain/errors.js';
import type { EnrolmentSource } from '../../domain/training/training.js';
import { enrolmentsOf, listAttendance, listTrainingSessions, findTrainingPlan } from '../../db/repositories/training.repository.js';
import { findUser } from '../../db/repositories/user.repository.js';
import type { ServiceContext } from '../context.js';
import { requireTraining } from './training-access.js';
import {
  attendanceView,
  planSummaryView,
  sessionView,
  type AttendanceView,
  type PlanSummaryView,
  type SessionView,
} from './training-views.js';

export interface TrainingRecord {
  username: string;
  displayName: string;
  plans: Array<{
    plan: PlanSummaryView;
    source: EnrolmentSource;
    sourceRef: string | null;
    enrolledAt: Date;
    sessions: Array<SessionView & { mine: Omit<AttendanceView, 'username' | 'displayName'> }>;
  }>;
  /** sessions held (not cancelled, ended) and how many of them were passed */
  summary: { sessions: number; passed: number; failed: number; absent: number };
}

export async function trainingRecord(ctx: ServiceContext, p: Principal, username: string): Promise<TrainingRecord> {
  requireTraining(p, 'training.read');
  if (username !== p.username && !can(p, 'training.manage')) throw new DomainError('forbidden', { action: 'training.manage' });
  const user = await findUser(ctx.db, { username });
  if (!user) throw new DomainError('user_not_found', {}, 'username');
  const enrolments = await enrolmentsOf(ctx.db, username);
  const planIds = enrolments.map((e) => e.plan_id);
  const sessions = await listTrainingSessions(ctx.db, planIds);
  const marks = new Map(
    (
      await listAttendance(
        ctx.db,
        sessions.map((s) => s.id),
        username,
      )
    ).map((a) => [a.session_id, a]),
  );
  const now = ctx.now();
  const summary = { sessions: 0, passed: 0, failed: 0, absent: 0 };
  const plans: TrainingRecord['plans'] = [];
  for (const e of enrolments) {
    const plan = await findTrainingPlan(ctx.db, e.plan_id);
    if (!plan) continue;
    const mine = sessions
      .filter((s) => s.plan_id === plan.id)
      .map((s) => {
        const { username: _u, displayName: _d, ...a } = attendanceView(s, e, marks.get(s.id));
        if (s.status === 'scheduled' && s.ends_at <= now) {
          summary.sessions += 1;
          if (a.result === 'passed') summary.passed += 1;
          if (a.result === 'failed') summary.failed += 1;
          if (a.result === 'absent') summary.absent += 1;
        }
        return { ...sessionView(s), mine: a };
      });
    plans.push({
      plan: planSummaryView(plan),
      source: e.source as EnrolmentSource,
      sourceRef: e.source_ref,
      enrolledAt: e.enrolled_at,
      sessions: mine,
    });
  }
  return { username, displayName: user.display_name, plans, summary };
}
