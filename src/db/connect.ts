import path from 'node:path';
import pg from 'pg';
import type { AppConfig } from '../config/config.js';
import { startEmbeddedPostgres } from './embedded.js';
import { superviseEmbeddedPostgres, type EmbeddedSupervisor } from './embedded-supervisor.js';
import { withDatabaseName } from './database.js';

export interface DatabaseTarget {
  url: string;
  embedded: boolean;
  /** restarts the embedded PostgreSQL if it dies; null with DATABASE_URL (someone else runs it) */
  supervisor: EmbeddedSupervisor | null;
  /** stops supervising, then the embedded PostgreSQL (nothing with DATABASE_URL) */
  stop(): Promise<void>;
}

const APP_DATABASE = 'complaints';

/**
 * DATABASE_URL when set; otherwise the embedded PostgreSQL with its cluster under DATA_DIR/pg,
 * and a `complaints` database created on first start, supervised (restarted if it dies).
 */
export async function connectDatabase(config: AppConfig, log: (m: string) => void): Promise<DatabaseTarget> {
  if (config.databaseUrl) return { url: config.databaseUrl, embedded: false, supervisor: null, stop: async () => {} };
  const server = await startEmbeddedPostgres({ dataDir: path.join(config.dataDir, 'pg'), persistent: true, log });
  log(`embedded PostgreSQL running, data in ${server.dataDir}`);
  const admin = new pg.Client({ connectionString: server.url });
  admin.on('error', () => undefined); // a lost connection rejects the query at hand; no crash
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [APP_DATABASE]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${APP_DATABASE}`);
  } finally {
    await admin.end();
  }
  const supervisor = server.postmaster ? superviseEmbeddedPostgres(server.postmaster, { log }) : null;
  return {
    url: withDatabaseName(server.url, APP_DATABASE),
    embedded: true,
    supervisor,
    stop: async () => {
      await supervisor?.stop();
      await server.stop();
    },
  };
}
