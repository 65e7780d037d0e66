/**
 * The job runner's queues (#11 item 1): one closed catalogue of every background job but the clock
 * sweeper, with its data and its retry rules. pg-boss 10 keeps them in PostgreSQL (schema pgboss):
 * safe with several app instances (jobs are fetched with SKIP LOCKED), retried with exponential
 * backoff, and moved to a dead-letter queue after the last attempt. The options here are written
 * to pgboss.queue when the database is migrated (job-runner.install.ts); jobs take them from there.
 */
export const JOB_SCHEMA = 'pgboss';

export interface JobData {
  /** hand one outbox row to its channels: the messages it implies, each with its own send job */
  'outbox.dispatch': { outboxId: string };
  /** one attempt to send one message by its channel */
  'message.send': { messageId: string };
  /** a message whose last attempt failed: marked dead, its tracked exception raised */
  'message.dead': { messageId: string };
  /** every minute: outbox rows left undispatched (a job lost with a restored backup, say) get a job again */
  'outbox.sweep': Record<string, never>;
  /** every morning: each staff member's digest of the notices they chose to receive once a day */
  'digest.daily': Record<string, never>;
  /** the dead-letter list of the other queues: never worked, kept for an administrator to retry */
  'jobs.dead': Record<string, unknown>;
  /** one e-mail stored by the SMTP listener or an IMAP poll: a complaint, a reply on one, ignored or quarantined (#12) */
  'mail.ingest': { inboundMailId: string };
  /** one IMAP mailbox polled now (due by its interval, or an administrator's "poll now") (#12) */
  'mailbox.poll': { mailboxId: string };
  /** every minute: queue the polls of the mailboxes that are due, check every mailbox's health, requeue lost imports (#12) */
  'mailboxes.poll': Record<string, never>;
  /** build one report (monthly or special): figures, PDF, workbook, progress on the row, the leadership told (#13) */
  'report.build': { reportId: string };
  /** every morning: queue last month's report on the first working day of the month, once per month (#13) */
  'reports.monthly': Record<string, never>;
  /** one historical import run: its stored CSV read, validated, and (unless a dry run) written in batches (#13) */
  'import.run': { runId: string };
  /** every morning: each product, category and branch's last 7 days against its own 8-week baseline; sharp rises raised as spikes (#13) */
  'statistics.spikes': Record<string, never>;
  /** every ten minutes: recorded changes folded into the statistics cache, the dashboards' ended months computed ahead (#13) */
  'statistics.cache.prune': Record<string, never>;
  /** every morning: the attendees of tomorrow's training sessions reminded, once per session and person (#15) */
  'training.reminders': Record<string, never>;
  /** every night: ended complaints past their retention period anonymised (unless held), old log rows deleted (#15, R-H6) */
  'retention.sweep': Record<string, never>;
  /** every night (embedded PostgreSQL by default): a backup into BACKUP_DIR, the newest BACKUP_KEEP kept (#16 item 7) */
  'backup.scheduled': Record<string, never>;
}

export type QueueName = keyof JobData;

export interface QueueSpec {
  retryLimit: number;
  /** seconds before the first retry; doubled (with jitter) each time when retryBackoff */
  retryDelay: number;
  retryBackoff: boolean;
  /** an attempt running longer is taken for crashed and retried */
  expireInSeconds: number;
  deadLetter?: QueueName;
  /** cron (5 fields) in the company time zone, for scheduled queues */
  cron?: string;
  /** how many jobs one worker fetches at a time */
  batchSize: number;
  /** worked by the runner (jobs.dead is only listed) */
  worked: boolean;
}

export const QUEUES: Record<QueueName, QueueSpec> = {
  'jobs.dead': { retryLimit: 0, retryDelay: 0, retryBackoff: false, expireInSeconds: 60, batchSize: 1, worked: false },
  'message.dead': {
    retryLimit: 10,
    retryDelay: 30,
    retryBackoff: true,
    expireInSeconds: 60,
    deadLetter: 'jobs.dead',
    batchSize: 10,
    worked: true,
  },
  'outbox.dispatch': {
    retryLimit: 10,
    retryDelay: 5,
    retryBackoff: true,
    expireInSeconds: 120,
    deadLetter: 'jobs.dead',
    batchSize: 20,
    worked: true,
  },
  // 6 attempts over about 10 minutes: 15 s, 30 s, 1 min, 2 min, 4 min (with jitter) between them
  'message.send': {
    retryLimit: 5,
    retryDelay: 15,
    retryBackoff: true,
    expireInSeconds: 120,
    deadLetter: 'message.dead',
    batchSize: 10,
    worked: true,
  },
  'outbox.sweep': {
    retryLimit: 0,
    retryDelay: 0,
    retryBackoff: false,
    expireInSeconds: 300,
    cron: '* * * * *',
    batchSize: 1,
    worked: true,
  },
  'digest.daily': {
    retryLimit: 3,
    retryDelay: 60,
    retryBackoff: true,
    expireInSeconds: 1800,
    deadLetter: 'jobs.dead',
    cron: '0 8 * * *',
    batchSize: 1,
    worked: true,
  },
  // the import never throws for a bad message (it is quarantined): a retry is for the database being away
  'mail.ingest': {
    retryLimit: 5,
    retryDelay: 10,
    retryBackoff: true,
    expireInSeconds: 300,
    deadLetter: 'jobs.dead',
    batchSize: 5,
    worked: true,
  },
  // a failed poll is recorded on the mailbox (its health) and tried again at its next interval
  'mailbox.poll': { retryLimit: 0, retryDelay: 0, retryBackoff: false, expireInSeconds: 600, batchSize: 1, worked: true },
  'mailboxes.poll': {
    retryLimit: 0,
    retryDelay: 0,
    retryBackoff: false,
    expireInSeconds: 120,
    cron: '* * * * *',
    batchSize: 1,
    worked: true,
  },
  // a failed build is marked failed on the report and tried once more
  'report.build': {
    retryLimit: 1,
    retryDelay: 30,
    retryBackoff: false,
    expireInSeconds: 900,
    deadLetter: 'jobs.dead',
    batchSize: 1,
    worked: true,
  },
  'reports.monthly': {
    retryLimit: 3,
    retryDelay: 60,
    retryBackoff: true,
    expireInSeconds: 300,
    deadLetter: 'jobs.dead',
    cron: '30 7 * * *',
    batchSize: 1,
    worked: true,
  },
  // a repeated run raises nothing twice (one spike per subject and week): retrying is safe
  'statistics.spikes': {
    retryLimit: 3,
    retryDelay: 60,
    retryBackoff: true,
    expireInSeconds: 900,
    deadLetter: 'jobs.dead',
    cron: '15 7 * * *',
    batchSize: 1,
    worked: true,
  },
  // each month is folded in its own transaction: a retry resumes
  'statistics.cache.prune': {
    retryLimit: 0,
    retryDelay: 0,
    retryBackoff: false,
    expireInSeconds: 600,
    cron: '*/10 * * * *',
    batchSize: 1,
    worked: true,
  },
  // a reminder's source key names its session and date: a retry or a second instance tells nobody twice
  'training.reminders': {
    retryLimit: 3,
    retryDelay: 60,
    retryBackoff: true,
    expireInSeconds: 600,
    deadLetter: 'jobs.dead',
    cron: '0 8 * * *',
    batchSize: 1,
    worked: true,
  },
  // one transaction per complaint, anonymised ones are not taken again: a retry resumes
  'retention.sweep': {
    retryLimit: 2,
    retryDelay: 300,
    retryBackoff: true,
    expireInSeconds: 3600,
    deadLetter: 'jobs.dead',
    cron: '30 3 * * *',
    batchSize: 1,
    worked: true,
  },
  // a backup of a large database takes a while; a failed one leaves a .partial directory the next run removes
  'backup.scheduled': {
    retryLimit: 1,
    retryDelay: 600,
    retryBackoff: false,
    expireInSeconds: 6 * 3600,
    deadLetter: 'jobs.dead',
    cron: '30 2 * * *',
    batchSize: 1,
    worked: true,
  },
  // a batch is one transaction and a re-run skips what is imported: a retry after a crash resumes
  'import.run': {
    retryLimit: 2,
    retryDelay: 30,
    retryBackoff: true,
    expireInSeconds: 3600,
    deadLetter: 'jobs.dead',
    batchSize: 1,
    worked: true,
  },
};

/** Dead-letter queues first: a queue's dead letter must exist before it. */
export const QUEUE_ORDER: readonly QueueName[] = [
  'jobs.dead',
  'message.dead',
  'outbox.dispatch',
  'message.send',
  'outbox.sweep',
  'digest.daily',
  'mail.ingest',
  'mailbox.poll',
  'mailboxes.poll',
  'report.build',
  'reports.monthly',
  'import.run',
  'statistics.spikes',
  'statistics.cache.prune',
  'training.reminders',
  'retention.sweep',
  'backup.scheduled',
];

export const QUEUE_NAMES = QUEUE_ORDER;

export function isQueueName(value: string): value is QueueName {
  return (QUEUE_ORDER as readonly string[]).includes(value);
}
