import { generateDemoComplaints } from '../db/demo/demo-complaints.js';
import type { Database } from '../db/database.js';
import { registerComplaint } from './complaint-intake.service.js';
import { gradeComplaint } from './complaint-grading.service.js';

export const DEMO_ACTOR = { id: 'demo-seed' };

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
 * numbers, clocks, grading, duplicates and events are exactly what real intake produces.
 */
export async function seedDemoComplaints(
  db: Database,
  timeZone: string,
  opts: { count: number; now: Date; seed?: number; onProgress?: (done: number, total: number) => void },
): Promise<number> {
  // registered in the order they were registered, so numbers run with registration time
  const items = generateDemoComplaints(opts.count, opts.now, opts.seed).sort((a, b) => a.registeredAt.getTime() - b.registeredAt.getTime());
  let done = 0;
  for (const item of items) {
    const ctx = { db, timeZone, now: () => item.registeredAt };
    const { complaintId } = await registerComplaint(ctx, DEMO_ACTOR, item.input);
    if (item.grade) await gradeComplaint(ctx, { id: 'demo-supervisor' }, complaintId, item.grade);
    done += 1;
    if (done % 20 === 0 || done === items.length) opts.onProgress?.(done, items.length);
  }
  return done;
}
