import { alertUnconfirmedCalendar } from '../services/administration/calendar-alert.service.js';
import { sweepClocks } from '../services/workflow/sweeper.service.js';
import { log, openDatabase } from './cli-support.js';

/**
 * npm run sweep: one run of the clock sweeper now (warnings, breaches, escalations), then the
 * counts. Safe while the servers' own sweepers run. Exit 1 when some clock could not be swept.
 */
const opened = await openDatabase();
let exitCode = 1;
try {
  const started = performance.now();
  const ctx = { db: opened.db, timeZone: opened.config.timeZone, security: opened.security, now: () => new Date() };
  const r = await sweepClocks(ctx, {
    onError: (err, clockId) => process.stderr.write(`clock ${clockId}: ${err instanceof Error ? err.message : String(err)}\n`),
  });
  log(
    `swept ${r.checked} clocks in ${Math.round(performance.now() - started)} ms: ${r.warnings} warnings, ${r.breaches} breaches, ${r.escalations} escalations${r.failed ? `, ${r.failed} failed` : ''}`,
  );
  const calendar = await alertUnconfirmedCalendar(ctx);
  if (calendar.pending.length > 0)
    log(`calendar not confirmed for ${calendar.pending.join(', ')}: ${calendar.notified} administrators newly notified`);
  exitCode = r.failed === 0 ? 0 : 1;
} finally {
  await opened.close();
}
process.exit(exitCode);
