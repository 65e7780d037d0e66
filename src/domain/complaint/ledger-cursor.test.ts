import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from './ledger-query.js';

const ID = '7d1c6f0e-8a4b-4c1e-9f3a-2b5d6e7f8a9b';
const forge = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

describe('ledger cursor (R-B5): a forged one is invalid_cursor, never a query PostgreSQL refuses (#9 item 1)', () => {
  it('round-trips what the ledger hands out', () => {
    for (const pos of [
      { sort: 'receivedAt', order: 'desc', value: '2026-11-24T01:00:00.000Z', id: ID },
      { sort: 'level', order: 'asc', value: 2, id: ID },
      { sort: 'number', order: 'asc', value: 'TS202611250001', id: ID },
    ] as const)
      expect(decodeCursor(encodeCursor(pos), pos.sort, pos.order)).toEqual(pos);
  });

  it('refuses ids that are no uuid and values the sort column cannot hold', () => {
    for (const [raw, sort] of [
      [['receivedAt', 'desc', '2026-11-24T01:00:00.000Z', 'not-a-uuid'], 'receivedAt'],
      [['receivedAt', 'desc', 'garbage', ID], 'receivedAt'],
      [['receivedAt', 'desc', 1e308, ID], 'receivedAt'],
      [['registeredAt', 'desc', '-271821-04-20T00:00:00.000Z', ID], 'registeredAt'],
      [['level', 'desc', 1e308, ID], 'level'],
      [['level', 'desc', '1', ID], 'level'],
      [['number', 'desc', 'x'.repeat(65), ID], 'number'],
    ] as const)
      expect(() => decodeCursor(forge(raw), sort, 'desc'), JSON.stringify(raw)).toThrow(
        expect.objectContaining({ code: 'invalid_cursor' }),
      );
  });
});
