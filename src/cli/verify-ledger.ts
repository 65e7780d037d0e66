import { verifyLedger } from '../services/ledger-verify.service.js';
import { log, openDatabase } from './cli-support.js';

/** npm run verify-ledger: checks every complaint's hash chain; exit 1 names the first broken link. */
const opened = await openDatabase();
let exitCode = 1;
try {
  const started = performance.now();
  const r = await verifyLedger(opened.db);
  const ms = Math.round(performance.now() - started);
  log(`checked ${r.complaints} complaints, ${r.events} events in ${ms} ms`);
  for (const b of r.broken) {
    const where = 'seq' in b.break ? ` at event #${b.break.seq} (id ${b.break.eventId})` : '';
    log(`BROKEN complaint ${b.number ?? '?'} (${b.complaintId}): ${b.break.kind}${where}`);
  }
  log(r.broken.length === 0 ? 'ledger intact' : `${r.broken.length} broken chain(s)`);
  exitCode = r.broken.length === 0 ? 0 : 1;
} finally {
  await opened.close();
}
process.exit(exitCode);
