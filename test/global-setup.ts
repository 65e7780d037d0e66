import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres, type EmbeddedServer } from '../src/db/embedded.js';
import { createDatabase, withDatabaseName } from '../src/db/database.js';
import { migrate } from '../src/db/migrate.js';
import { seedReferenceData } from '../src/db/seed-reference.js';
import { seedTestPeople } from './test-people.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
    templateDatabase: string;
  }
}

/**
 * One PostgreSQL for the whole run: the embedded one, or the server named by TEST_DATABASE_URL
 * (CI runs the suite once more against Debian's PostgreSQL 15 that way). A template database is
 * migrated and seeded once; each test file clones it (test/test-database.ts).
 */
export default async function setup(project: TestProject) {
  let server: EmbeddedServer | undefined;
  let dir: string | undefined;
  let adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    dir = mkdtempSync(path.join(tmpdir(), 'complaints-test-'));
    rmSync(dir, { recursive: true, force: true });
    server = await startEmbeddedPostgres({ dataDir: dir, persistent: false });
    adminUrl = server.url;
  }
  const template = `complaints_tpl_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  admin.on('error', () => undefined); // a lost connection fails the query at hand, not the run
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${template}`);
  await admin.query(`CREATE DATABASE ${template}`);
  const templateUrl = withDatabaseName(adminUrl, template);
  await migrate(templateUrl);
  const db = createDatabase(templateUrl, 2);
  await seedReferenceData(db, 'system');
  await seedTestPeople(db);
  await db.destroy();
  project.provide('pgAdminUrl', adminUrl);
  project.provide('templateDatabase', template);

  return async () => {
    const dbs = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [
      `complaints_t${process.pid}_%`,
    ]);
    for (const { datname } of dbs.rows) await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    await admin.end();
    if (server) await server.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  };
}
