import type { Principal } from '../domain/access/permissions.js';
import { generateDemoComplaints } from '../db/demo/demo-complaints.js';
import { DEMO_RESPONSIBLE_DEPARTMENT } from '../db/demo/demo-organisation.js';
import type { Database } from '../db/database.js';
import { listOrgUnits } from '../db/repositories/org.repository.js';
import { registerComplaint } from './complaint-intake.service.js';
import { gradeComplaint } from './complaint-grading.service.js';
import type { ServiceContext } from './context.js';
import { assignDemoDesk, demoPeople, planDemoLevel1, progressDemoComplaint } from './demo-progress.service.js';

export const DEMO_ACTOR = { id: 'demo-seed' };
const HOUR = 3_600_000;

/** The demo supervisor who confirms or overrides levels, seeing every complaint. */
const DEMO_GRADER: Principal = { userId: 'demo', username: 'demo-supervisor', roles: ['leadership_member'], branchIds: [], departmentIds: [] };

export async function demoComplaintCount(db: Database): Promise<number> {
  const r = await db
    .selectFrom('complaints')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('created_by', '=', DEMO_ACTOR.id)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/**
 * Registers demo complaints through the real use cases, each at its own registration time, so
 * numbers, clocks, grading, duplicates and events are exactly what real intake produces. Each is
 * placed in the customer-service department and the department responsible for its category,
 * and in its branch when the demo organisation has it.
 */
export async function seedDemoComplaints(
  base: Omit<ServiceContext, 'now'>,
  opts: { count: number; now: Date; seed?: number; onProgress?: (done: number, total: number) => void },
): Promise<number> {
  const departments = new Map((await listOrgUnits(base.db, { kind: 'department' })).map((u) => [u.code, u.id]));
  const customerService = departments.get('CS');
  const people = await demoPeople(base);
  // registered in the order they were registered, so numbers run with registration time
  const items = generateDemoComplaints(opts.count, opts.now, opts.seed).sort((a, b) => a.registeredAt.getTime() - b.registeredAt.getTime());
  let done = 0;
  for (const item of items) {
    const ctx: ServiceContext = { ...base, now: () => item.registeredAt };
    const responsible = departments.get(DEMO_RESPONSIBLE_DEPARTMENT[item.input.category] ?? '');
    const departmentIds = [customerService, responsible].filter((d): d is string => d !== undefined);
    const { complaintId } = await registerComplaint(ctx, DEMO_ACTOR, { branchIds: [], departmentIds }, item.input);
    if (item.grade) await gradeComplaint(ctx, DEMO_GRADER, complaintId, item.grade);
    const level = item.grade?.level ?? (await base.db.selectFrom('complaints').select('level').where('id', '=', complaintId).executeTakeFirstOrThrow()).level;
    // most complaints older than two weeks were handled; every fifth is left open (a realistic backlog)
    const receivedAt = item.input.receivedAt ?? item.registeredAt;
    if (done % 5 !== 0 && opts.now.getTime() - receivedAt.getTime() > 14 * 24 * HOUR) {
      // a complaint is closed at a confirmed level: the supervisor confirmed the proposal on registration
      if (!item.grade) await gradeComplaint(ctx, DEMO_GRADER, complaintId, { level: level as 1 | 2 | 3 });
      await progressDemoComplaint(base, complaintId, level, item.registeredAt, opts.now);
    } else if (level === 1) {
      // open level-1 complaints have their leadership plan; half of the others are on a demo account's desk
      await planDemoLevel1(base, people, complaintId, item.registeredAt, opts.now);
    } else if (done % 2 === 0) {
      await assignDemoDesk(base, people, complaintId, done / 2, item.registeredAt, opts.now);
    }
    done += 1;
    if (done % 20 === 0 || done === items.length) opts.onProgress?.(done, items.length);
  }
  return done;
}
