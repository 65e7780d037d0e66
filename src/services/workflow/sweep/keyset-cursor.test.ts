import { describe, expect, it } from 'vitest';
import { decodeKeyset, encodeKeyset } from './keyset-cursor.js';

const ID = '7d1c6f0e-8a4b-4c1e-9f3a-2b5d6e7f8a9b';
const forge = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

describe('keyset cursor: forged ones are invalid_cursor, not a 500 (#9 item 1)', () => {
  it('round-trips and refuses instants PostgreSQL cannot hold', () => {
    const at = new Date('2026-11-24T01:00:00Z');
    expect(decodeKeyset(encodeKeyset({ at, id: ID }), 'cursor')).toEqual({ at, id: ID });
    for (const raw of [
      ['-271821-04-20T00:00:00.000Z', ID],
      ['+275760-09-13T00:00:00.000Z', ID],
      ['2026-11-24T01:00:00Z', 'x'],
      [{ a: 1 }, ID],
    ]) {
      expect(() => decodeKeyset(forge(raw), 'cursor')).toThrow(expect.objectContaining({ code: 'invalid_cursor' }));
    }
  });
});
