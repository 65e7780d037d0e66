import { seedDemoAccounts } from '../services/people/demo-accounts.service.js';
import { demoComplaintCount, seedDemoComplaints } from '../services/administration/demo-seed.service.js';
import { log, openDatabase } from './cli-support.js';

/**
 * npm run seed-demo [-- --count N] [-- --again]: about 200 realistic complaints through the real
 * intake. Runs once; --again adds another batch (different random seed).
 */
const args = process.argv.slice(2);
const countArg = args.indexOf('--count');
const count = countArg >= 0 ? Number(args[countArg + 1]) : 200;
if (!Number.isInteger(count) || count < 1 || count > 100_000) {
  process.stderr.write('--count must be a whole number between 1 and 100000\n');
  process.exit(2);
}
const opened = await openDatabase();
try {
  const existing = await demoComplaintCount(opened.db);
  if (existing > 0 && !args.includes('--again')) {
    log(`demo data already present (${existing} complaints); use --again to add another batch`);
  } else {
    const started = performance.now();
    await seedDemoAccounts(
      { db: opened.db, timeZone: opened.config.timeZone, security: opened.security, now: () => new Date() },
      opened.config.security.demoPassword,
    );
    const n = await seedDemoComplaints(
      { db: opened.db, timeZone: opened.config.timeZone, security: opened.security },
      {
        count,
        now: new Date(),
        seed: 20261125 + existing,
        onProgress: (done, total) => log(`demo complaints: ${done}/${total}`),
      },
    );
    log(`seeded ${n} demo complaints in ${Math.round(performance.now() - started)} ms`);
  }
} finally {
  await opened.close();
}
