import { expect } from 'vitest';
import type { Database } from '../src/db/database.js';

/** Row counts of every table an intake writes: a refused request must leave them all unchanged. */
export async function writeCounts(db: Database) {
  const count = async (table: 'complaints' | 'complaint_events' | 'complaint_clocks' | 'complaint_links' | 'outbox' | 'idempotency_keys') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    complaints: await count('complaints'),
    events: await count('complaint_events'),
    clocks: await count('complaint_clocks'),
    links: await count('complaint_links'),
    outbox: await count('outbox'),
    idempotency: await count('idempotency_keys'),
  };
}

export interface ApiErrorBody {
  code: string;
  message: string;
  fields: Array<{ field: string; code: string; message: string }>;
}

/** A 4xx in our error shape that names the given field. */
export function expectFieldError(res: { statusCode: number; json: () => unknown }, status: number, field: string): ApiErrorBody {
  expect(res.statusCode).toBe(status);
  const body = res.json() as ApiErrorBody;
  expect(typeof body.code).toBe('string');
  expect(typeof body.message).toBe('string');
  expect(body.fields.map((f) => f.field)).toContain(field);
  return body;
}
