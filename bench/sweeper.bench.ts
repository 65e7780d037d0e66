/**
 * Clock sweeper benchmark: N complaints registered through the real intake (2–5 clocks each), then
 * one sweep at an instant where every clock has warned, breached and escalated, and a second sweep
 * that finds nothing. Bounded; stops by itself.
 *
 *   npx tsx bench/sweeper.bench.ts [--count 2000] [--instances 1] [--daily]
 *
 * --daily: instead of the one worst-case sweep (six effects per clock), one sweep per day from the
 * registrations to the end, each the catch-up of one day's backlog (a one-day outage): most clocks
 * then have one or two effects per sweep, as after a real outage. The rate is over all the sweeps.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateDemoComplaints } from '../src/db/demo/demo-complaints.js';
import { createDatabase } from '../src/db/database.js';
import { startEmbeddedPostgres } from '../src/db/embedded.js';
import { migrate } from '../src/db/migrate.js';
import { seedReferenceData } from '../src/db/seed-reference.js';
import { registerComplaint } from '../src/services/complaints/complaint-intake.service.js';
import { sweepClocks } from '../src/services/workflow/sweeper.service.js';
import { currentPolicy, publishPolicy } from '../src/services/administration/policy.service.js';
import { testSecurity } from '../test/test-constants.js';
import { seedTestPeople } from '../test/test-people.js';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
};
const COUNT = arg('count', 2000);
const INSTANCES = arg('instances', 1);
const DAILY = process.argv.includes('--daily');
const LEAN = process.argv.includes('--lean');

const dir = mkdtempSync(path.join(tmpdir(), 'complaints-bench-'));
rmSync(dir, { recursive: true, force: true });
const pg = await startEmbeddedPostgres({ dataDir: dir, persistent: false });
await migrate(pg.url);
const db = createDatabase(pg.url, 10);
await seedReferenceData(db, 'bench');
await seedTestPeople(db);
const security = testSecurity();
const now = new Date('2026-11-25T02:00:00Z');
const items = generateDemoComplaints(COUNT, now, 11);
if (LEAN) {
  const { policy } = await currentPolicy(db);
  const lean = { ...policy, warningFractions: [], escalation: { ...policy.escalation, steps: policy.escalation.steps.slice(0, 1) } };
  await publishPolicy({ db, timeZone: 'Asia/Shanghai', now: () => now, security }, { id: 'bench' }, lean, 'bench --lean', {
    ip: null,
    userAgent: 'bench',
  });
}
let t = performance.now();
for (const item of items) {
  await registerComplaint(
    { db, timeZone: 'Asia/Shanghai', now: () => item.registeredAt, security },
    { id: 'bench' },
    { branchIds: [], departmentIds: [] },
    item.input,
  );
}
const registerMs = performance.now() - t;
const clocks = Number(
  (
    await db
      .selectFrom('complaint_clocks')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow()
  ).n,
);
const later = new Date('2027-03-01T00:00:00Z');
const dbs = Array.from({ length: INSTANCES }, () => createDatabase(pg.url, 3));
const sweepAt = (at: Date) => Promise.all(dbs.map((d) => sweepClocks({ db: d, timeZone: 'Asia/Shanghai', now: () => at, security })));
let sweepMs = 0;
const results: Awaited<ReturnType<typeof sweepAt>> = [];
let sweeps = 0;
// --daily: from the last registration's day on, a sweep per day up to `later`
const lastRegistered = Math.max(...items.map((i) => i.registeredAt.getTime()));
for (let at = DAILY ? lastRegistered + 86_400_000 : later.getTime(); at <= later.getTime(); at += 86_400_000) {
  t = performance.now();
  results.push(...(await sweepAt(new Date(at))));
  sweepMs += performance.now() - t;
  sweeps += 1;
}
t = performance.now();
const again = await sweepClocks({ db, timeZone: 'Asia/Shanghai', now: () => later, security });
const idleMs = performance.now() - t;
const sum = results.reduce(
  (a, r) => ({
    checked: a.checked + r.checked,
    warnings: a.warnings + r.warnings,
    breaches: a.breaches + r.breaches,
    escalations: a.escalations + r.escalations,
  }),
  { checked: 0, warnings: 0, breaches: 0, escalations: 0 },
);
console.log(`complaints ${COUNT}, clocks ${clocks}, registered in ${Math.round(registerMs)} ms`);
console.log(
  `${DAILY ? `${sweeps} daily sweeps` : 'one sweep'} with ${INSTANCES} instance(s): ${Math.round(sweepMs)} ms for ${sum.checked} clocks (${sum.warnings} warnings, ${sum.breaches} breaches, ${sum.escalations} escalations) = ${Math.round((sum.checked / sweepMs) * 1000)} clocks/s, ${Math.round(((sum.warnings + sum.breaches + sum.escalations) / sweepMs) * 1000)} effects/s`,
);
console.log(`second sweep (nothing due): ${Math.round(idleMs)} ms, checked ${again.checked}`);
for (const d of dbs) await d.destroy();
await db.destroy();
await pg.stop();
rmSync(dir, { recursive: true, force: true });
