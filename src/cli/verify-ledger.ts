import { verifyEvidence } from '../services/complaints/evidence-verify.service.js';
import { verifyLedger } from '../services/complaints/ledger-verify.service.js';
import { log, openDatabase } from './cli-support.js';

/** npm run verify-ledger: checks every complaint's hash chain and every evidence file's sha256; exit 1 names what is broken. */
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
  // evidence bytes against the sha256 their (hash-chained) upload events recorded
  const evidence = await verifyEvidence(opened.db);
  for (const m of evidence.mismatched)
    log(`BROKEN evidence file ${m.fileId} of complaint ${m.complaintId}: sha256 ${m.actual}, recorded ${m.recorded ?? 'nowhere'}`);
  log(`checked ${evidence.files} evidence files: ${evidence.mismatched.length === 0 ? 'intact' : `${evidence.mismatched.length} changed`}`);
  exitCode = r.broken.length === 0 && evidence.mismatched.length === 0 ? 0 : 1;
} finally {
  await opened.close();
}
process.exit(exitCode);
