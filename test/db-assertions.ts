import { expect } from 'vitest';
import type { Database } from '../src/db/database.js';
import type { z } from 'zod';
import type { errorResponse } from '../src/http/schemas/common.js';

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

/** The API's error answer, as the routes declare it. */
export type ApiErrorBody = z.output<typeof errorResponse>;

/** A 4xx in our error shape that names the given field. */
export function expectFieldError(res: { statusCode: number; json: () => unknown }, status: number, field: string): ApiErrorBody {
  expect(res.statusCode).toBe(status);
  const body = res.json() as ApiErrorBody;
  expect(typeof body.code).toBe('string');
  expect(typeof body.message).toBe('string');
  expect(body.fields.map((f) => f.field)).toContain(field);
  return body;
}
