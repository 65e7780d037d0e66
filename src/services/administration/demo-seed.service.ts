import { deleteWaitingJobs } from '../../db/repositories/job.repository.js';
import { markAllOutboxDispatched } from '../../db/repositories/outbox.repository.js';
import type { Principal } from '../../domain/access/permissions.js';
import { generateDemoComplaints } from '../../db/demo/demo-complaints.js';
import { DEMO_RESPONSIBLE_DEPARTMENT } from '../../db/demo/demo-organisation.js';
import type { Database } from '../../db/database.js';
import { countComplaintsCreatedBy, findComplaintLevel } from '../../db/repositories/complaint.repository.js';
import { markReadAnHourAfterCreation } from '../../db/repositories/notification.repository.js';
import { listOrgUnits } from '../../db/repositories/org.repository.js';
import { registerComplaint } from '../complaints/complaint-intake.service.js';
import { gradeComplaint } from '../complaints/complaint-grading.service.js';
import type { ServiceContext } from '../context.js';
import { demoPeople, progressDemoComplaint } from './demo-progress.service.js';

export const DEMO_ACTOR = { id: 'demo-seed' };
const DAY = 86_400_000;
/** one complaint in this many (older than six days) is left waiting: the ledger's few overdue */
const STALLED_EVERY = 70;

/** The demo supervisor who confirms or overrides levels, seeing every complaint. */
const DEMO_GRADER: Principal = {
  userId: 'demo',
  username: 'demo-supervisor',
  roles: ['leadership_member'],
  branchIds: [],
  departmentIds: [],
};

export async function demoComplaintCount(db: Database): Promise<number> {
  return countComplaintsCreatedBy(db, DEMO_ACTOR.id);
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
    const level = item.grade?.level ?? (await findComplaintLevel(base.db, complaintId));
    const receivedAt = item.input.receivedAt ?? item.registeredAt;
    // a realistic few are left waiting after their first day (overdue); the rest are handled on time
    const stalled = done % STALLED_EVERY === STALLED_EVERY - 1 && opts.now.getTime() - receivedAt.getTime() > 6 * DAY;
    await progressDemoComplaint(
      base,
      people,
      {
        complaintId,
        level,
        channel: item.input.channel,
        urgent: item.input.urgent,
        levelConfirmed: item.grade !== undefined,
        startAt: item.registeredAt,
        index: done,
        stalled,
      },
      opts.now,
    );
    done += 1;
    if (done % 20 === 0 || done === items.length) opts.onProgress?.(done, items.length);
  }
  await markOldNoticesRead(base.db, opts.now);
  await settleDemoOutbox(base.db);
  return done;
}

/**
 * The demo's 90 days of history are history (#11): their outbox rows count as handed over and
 * their dispatch jobs go, so a fresh demo neither texts fictitious customers about months-old
 * complaints nor spends its first minutes working through thousands of jobs. What happens after
 * the start is delivered as usual (to the development mailbox unless configured).
 */
async function settleDemoOutbox(db: Database): Promise<void> {
  await markAllOutboxDispatched(db);
  await deleteWaitingJobs(db, 'outbox.dispatch');
}

/**
 * The office has read what it was told before yesterday (each notice an hour after it came): a
 * demo user starts with the last day's notices unread, tens rather than the hundreds 90 days of
 * history would leave.
 */
async function markOldNoticesRead(db: Database, now: Date): Promise<void> {
  await markReadAnHourAfterCreation(db, new Date(now.getTime() - DAY));
}
