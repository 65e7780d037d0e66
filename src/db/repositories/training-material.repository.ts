/**
 * Training materials (#15 item 1): stored in PostgreSQL in 1 MiB chunks as evidence files are
 * (evidence.repository.ts), so one backup holds them and nothing holds a whole file in memory.
 */
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type { Kysely, Selectable } from 'kysely';
import type { DB } from '../schema.js';
import type { TrainingMaterialsTable } from '../schema-training.js';
import { EVIDENCE_CHUNK_BYTES } from './evidence.repository.js';

export type MaterialRow = Selectable<TrainingMaterialsTable>;

export async function insertMaterial(
  db: Kysely<DB>,
  f: { id: string; sessionId: string; name: string; contentType: string; size: number; sha256: string; path: string; at: Date; by: string },
): Promise<void> {
  await db
    .insertInto('training_materials')
    .values({
      id: f.id,
      session_id: f.sessionId,
      name: f.name,
      content_type: f.contentType,
      size: f.size,
      sha256: f.sha256,
      chunks: Math.max(1, Math.ceil(f.size / EVIDENCE_CHUNK_BYTES)),
      created_at: f.at,
      created_by: f.by,
    })
    .execute();
  let seq = 0;
  for await (const bytes of createReadStream(f.path, { highWaterMark: EVIDENCE_CHUNK_BYTES }) as AsyncIterable<Buffer>) {
    await db.insertInto('training_material_chunks').values({ material_id: f.id, seq, bytes }).execute();
    seq += 1;
  }
}

export async function listMaterials(db: Kysely<DB>, sessionId: string): Promise<MaterialRow[]> {
  return db.selectFrom('training_materials').selectAll().where('session_id', '=', sessionId).orderBy('created_at').execute();
}

export async function findMaterial(db: Kysely<DB>, sessionId: string, id: string): Promise<MaterialRow | undefined> {
  return db.selectFrom('training_materials').selectAll().where('session_id', '=', sessionId).where('id', '=', id).executeTakeFirst();
}

export function materialStream(db: Kysely<DB>, id: string, chunks: number): Readable {
  async function* read(): AsyncGenerator<Buffer> {
    for (let seq = 0; seq < chunks; seq++) {
      const c = await db
        .selectFrom('training_material_chunks')
        .select('bytes')
        .where('material_id', '=', id)
        .where('seq', '=', seq)
        .executeTakeFirstOrThrow();
      yield c.bytes;
    }
  }
  return Readable.from(read(), { objectMode: false });
}
