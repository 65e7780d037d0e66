import { sql, type Kysely } from 'kysely';
import type { DB } from '../schema.js';

/** The savepoints services set inside their transactions (a fixed list: the name is written into the SQL). */
export type SavepointName = 'sweep_clock' | 'sweep_batch';

/** Marks a point the transaction can go back to without ending (the work after it may fail alone). */
export async function savepoint(db: Kysely<DB>, name: SavepointName): Promise<void> {
  await sql`SAVEPOINT ${sql.raw(name)}`.execute(db);
}

/** The work since the savepoint is kept. */
export async function releaseSavepoint(db: Kysely<DB>, name: SavepointName): Promise<void> {
  await sql`RELEASE SAVEPOINT ${sql.raw(name)}`.execute(db);
}

/** The work since the savepoint is undone; the transaction goes on. */
export async function rollbackToSavepoint(db: Kysely<DB>, name: SavepointName): Promise<void> {
  await sql`ROLLBACK TO SAVEPOINT ${sql.raw(name)}`.execute(db);
}
