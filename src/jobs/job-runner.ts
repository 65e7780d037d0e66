/**
 * The job runner (#11 item 1): pg-boss 10 on the application's own PostgreSQL, one per app
 * instance. Every worked queue of the catalogue (job-queues.ts) gets a worker; scheduled queues get
 * their cron schedule (pg-boss runs each scheduled slot once across instances). A job that throws is
 * failed and retried with the queue's backoff; after its last attempt pg-boss copies it to the
 * queue's dead-letter queue. A job running past its expiry (a crashed instance) is failed by
 * pg-boss's maintenance and retried likewise.
 *
 * Chosen over graphile-worker: pg-boss 10 runs on Node 20 (graphile-worker 0.17+ wants Node 22.18),
 * takes the app's own connections through a small adapter (no second pool), and inserts jobs with
 * the caller's transaction (job.repository.ts), which the outbox relies on.
 */
import PgBoss from 'pg-boss';
import { bossDb } from '../db/repositories/job.repository.js';
import type { ServiceContext } from '../services/context.js';
import { runDailyDigest } from '../services/channels/digest.service.js';
import { runSpikeCheck } from '../services/reports/spike.service.js';
import { dispatchOutboxRow, requeueUndispatched } from '../services/channels/outbox-dispatch.service.js';
import { maintainStatisticsCache } from '../services/reports/statistics-warmup.js';
import { recordDead, sendMessage, type Transports } from '../services/channels/message-send.service.js';
import { ingestInboundMail } from '../services/channels/mail-intake/ingest.service.js';
import { pollMailbox } from '../services/channels/mail-intake/imap-poll.js';
import { mailIntakeSettings, type MailIntakeSettings } from '../services/channels/mail-intake/mail-intake-settings.js';
import { runMailIntakeRound } from '../services/channels/mail-intake/mail-schedule.js';
import { buildReport, runMonthlySchedule } from '../services/reports/report-build.js';
import { executeImportRun } from '../services/imports/import-runs.service.js';
import { runRetentionSweep } from '../services/retention/retention.service.js';
import { runTrainingReminders } from './training-reminders.job.js';
import { runScheduledBackup, type BackupSchedule } from '../services/backup/backup-schedule.js';
import { JOB_SCHEMA, QUEUES, type JobData, type QueueName } from './job-queues.js';

export interface JobLog {
  info(message: string): void;
  error(message: string): void;
}

export interface JobRunnerOptions {
  transports: Transports;
  /** seconds between polls of an idle queue (default 1) */
  pollSeconds?: number;
  /** seconds between pg-boss's maintenance runs: expired jobs failed, old ones archived (default 60) */
  maintenanceSeconds?: number;
  /** run the cron schedules (default true) */
  schedules?: boolean;
  /** e-mail intake: message size, attachments, IMAP timeouts (#12); default mail-intake-settings.ts */
  mailIntake?: MailIntakeSettings;
  log?: JobLog;
  /** scheduled backups (#16 item 7): where and how; unset: none (the schedule is removed) */
  backup?: BackupSchedule;
  /** told when this instance takes (+n) and finishes (-n) jobs of a queue: the metrics' active jobs (#16 item 8) */
  onActive?: (queue: QueueName, delta: number) => void;
}

export interface JobRunner {
  boss: PgBoss;
  stop(): Promise<void>;
}

type Handler<Q extends QueueName> = (job: PgBoss.JobWithMetadata<JobData[Q]>) => Promise<unknown>;

function describeError(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export async function startJobRunner(ctx: ServiceContext, opts: JobRunnerOptions): Promise<JobRunner> {
  const log = opts.log ?? { info: () => undefined, error: (m: string) => process.stderr.write(`${m}\n`) };
  const boss = new PgBoss({
    db: bossDb(ctx.db),
    schema: JOB_SCHEMA,
    migrate: false,
    supervise: true,
    schedule: opts.schedules ?? true,
    maintenanceIntervalSeconds: opts.maintenanceSeconds ?? 60,
  });
  boss.on('error', (err: Error) => log.error(`job runner: ${describeError(err)}`));
  await boss.start();
  const mail = opts.mailIntake ?? mailIntakeSettings();

  const handlers: { [Q in QueueName]?: Handler<Q> } = {
    'outbox.dispatch': async (job) => dispatchOutboxRow(ctx, job.data.outboxId),
    'message.send': async (job) => sendMessage(ctx, opts.transports, job.data.messageId, { last: job.retryCount >= job.retryLimit }),
    'message.dead': async (job) => recordDead(ctx, job.data.messageId, 'no attempt succeeded (the last one failed or timed out)'),
    'outbox.sweep': async () => requeueUndispatched(ctx),
    'digest.daily': async () => runDailyDigest(ctx),
    'mail.ingest': async (job) => ingestInboundMail(ctx, job.data.inboundMailId, mail),
    'mailbox.poll': async (job) => pollMailbox(ctx, job.data.mailboxId, mail),
    'mailboxes.poll': async () => runMailIntakeRound(ctx),
    'statistics.spikes': async () => runSpikeCheck(ctx),
    'statistics.cache.prune': async () => maintainStatisticsCache(ctx),
    'report.build': async (job) => buildReport(ctx, job.data.reportId),
    'reports.monthly': async () => runMonthlySchedule(ctx),
    'import.run': async (job) => executeImportRun(ctx, job.data.runId),
    'training.reminders': async () => runTrainingReminders(ctx),
    'retention.sweep': async () => runRetentionSweep(ctx),
  };
  const backup = opts.backup;
  if (backup)
    handlers['backup.scheduled'] = async () => {
      const r = await runScheduledBackup(backup, ctx.now());
      log.info(`backup written to ${r.summary.dir} (${r.summary.rows} rows, ${r.summary.ms} ms); removed ${r.removed.length} older`);
    };
  else if (opts.schedules ?? true) await boss.unschedule('backup.scheduled');

  const work = async <Q extends QueueName>(name: Q, handle: Handler<Q>) => {
    const spec = QUEUES[name];
    await boss.work<JobData[Q]>(
      name,
      { batchSize: spec.batchSize, pollingIntervalSeconds: opts.pollSeconds ?? 1, includeMetadata: true },
      async (jobs) => {
        opts.onActive?.(name, jobs.length);
        // one job's failure fails only that job: the batch's others complete
        try {
          for (const job of jobs) {
            try {
              await handle(job);
            } catch (err) {
              // queue name and job id on every line: `job message.send <uuid> failed …` (#16 item 8)
              log.error(`job ${name} ${job.id} failed (attempt ${job.retryCount + 1} of ${job.retryLimit + 1}): ${describeError(err)}`);
              await boss.fail(name, job.id, { message: describeError(err) });
            }
          }
        } finally {
          opts.onActive?.(name, -jobs.length);
        }
      },
    );
  };

  for (const [name, spec] of Object.entries(QUEUES) as Array<[QueueName, (typeof QUEUES)[QueueName]]>) {
    if (!spec.worked) continue;
    const handle = handlers[name];
    if (!handle) continue;
    await work(name, handle as Handler<typeof name>);
    if (spec.cron && (opts.schedules ?? true)) await boss.schedule(name, spec.cron, {}, { tz: ctx.timeZone });
  }

  return {
    boss,
    stop: async () => {
      await boss.stop({ graceful: true, wait: true, timeout: 15_000, close: false });
    },
  };
}
