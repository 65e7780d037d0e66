import { protectWebhookSecrets } from '../services/channels/webhook-subscriptions.service.js';
import { protectMailboxPasswords } from '../services/channels/mail-intake/mailboxes.service.js';
import { ConfigError, loadConfig, type AppConfig } from '../config/config.js';
import { createDatabase, createReadDatabase, type Database } from '../db/database.js';
import { connectDatabase, type DatabaseTarget } from '../db/connect.js';
import { migrate } from '../db/migrate.js';
import { seedReferenceData } from '../db/seed-reference.js';
import type { SecuritySettings } from '../services/context.js';
import { protectStoredPersonalData } from '../services/complaints/personal-data.service.js';
import { securityFromConfig } from './secrets.js';
import { alignFactsTimeZone } from '../services/reports/statistics.service.js';
import { buildApp } from '../http/app.js';

export function log(message: string): void {
  process.stdout.write(`${message}\n`);
}

/** A database URL as logged: host, port and database, without the user and password. */
function redactedUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname}`;
  } catch {
    return '(DATABASE_READ_URL)';
  }
}

export function configOrExit(): AppConfig {
  try {
    return loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
}

export interface OpenedDatabase {
  config: AppConfig;
  target: DatabaseTarget;
  db: Database;
  /** the replica's handle for statistics and reports (DATABASE_READ_URL, #16 item 6); `db` when unset */
  readDb: Database;
  security: SecuritySettings;
  sessionSecret: string;
  close(): Promise<void>;
}

/** Connects (embedded or DATABASE_URL), applies migrations and the reference seed. */
export async function openDatabase(): Promise<OpenedDatabase> {
  const config = configOrExit();
  const target = await connectDatabase(config, log);
  const { applied } = await migrate(target.url);
  if (applied.length > 0) log(`migrations applied: ${applied.join(', ')}`);
  const db = createDatabase(target.url);
  const seeded = await seedReferenceData(db, 'system');
  if (seeded.policy) log('policy version 1 created from the defaults');
  if (seeded.calendarYears > 0) log(`working-day calendar seeded for ${seeded.calendarYears} years (chinese-days)`);
  if (await alignFactsTimeZone(db, config.timeZone)) log(`statistics: complaint facts recomputed in the time zone ${config.timeZone}`);
  const { settings: security, sessionSecret } = securityFromConfig(config, log);
  const protectedRows = await protectStoredPersonalData(db, security.keyRing);
  if (protectedRows > 0) log(`personal data encrypted or re-keyed in ${protectedRows} complaints`);
  const rekeyedSecrets = await protectWebhookSecrets(db, security.keyRing);
  if (rekeyedSecrets > 0) log(`webhook secrets re-keyed: ${rekeyedSecrets}`);
  const rekeyedPasswords = await protectMailboxPasswords(db, security.keyRing);
  if (rekeyedPasswords > 0) log(`mailbox passwords re-keyed: ${rekeyedPasswords}`);
  // its own small pool, connecting at the first statistics read (pg.Pool is lazy)
  const readDb = config.databaseReadUrl ? createReadDatabase(config.databaseReadUrl) : db;
  if (readDb !== db) log(`statistics and reports read from the replica ${redactedUrl(config.databaseReadUrl ?? '')}`);
  return {
    config,
    target,
    db,
    readDb,
    security,
    sessionSecret,
    close: async () => {
      if (readDb !== db) await readDb.destroy();
      await db.destroy();
      log('database pool closed');
      await target.stop();
    },
  };
}

/**
 * The HTTP app as `npm start` builds it from the configuration and the opened database (no
 * listening, no background work): start.ts serves it, bench/scale.bench.ts measures it.
 */
export function buildConfiguredApp(opened: OpenedDatabase, opts: { logLevel: string; webRoot?: string }) {
  const { config, db, readDb, security } = opened;
  return buildApp({
    db,
    readDb,
    timeZone: config.timeZone,
    security,
    sessionSecret: opened.sessionSecret,
    trustProxy: config.security.trustProxy,
    logLevel: opts.logLevel,
    webRoot: opts.webRoot,
    evidence: config.evidence,
    channels: config.channels,
    portal: config.portal,
    metrics: { token: config.metricsToken },
  });
}
