import { describe, expect, it } from 'vitest';
import { isAddressedTo, isOverdue, stepAllowed } from './rectification.js';

describe('rectification requests (R-E4)', () => {
  it('R-E4: answered only while open; verified or rejected only once answered', () => {
    expect(stepAllowed('answer', 'open')).toBe(true);
    expect(stepAllowed('answer', 'answered')).toBe(false);
    expect(stepAllowed('verify', 'open')).toBe(false);
    expect(stepAllowed('verify', 'answered')).toBe(true);
    expect(stepAllowed('reject', 'answered')).toBe(true);
    expect(stepAllowed('verify', 'verified')).toBe(false);
  });

  it('R-E4: the addressee or a member of the addressed department answers', () => {
    const r = { departmentId: 'D1', addressee: 'agent' };
    expect(isAddressedTo(r, { username: 'agent', unitIds: [] })).toBe(true);
    expect(isAddressedTo(r, { username: 'x', unitIds: ['D1'] })).toBe(true);
    expect(isAddressedTo(r, { username: 'x', unitIds: ['D2'] })).toBe(false);
    expect(isAddressedTo({ departmentId: null, addressee: 'agent' }, { username: 'x', unitIds: ['D1'] })).toBe(false);
  });

  it('is overdue only while open past its due time', () => {
    const due = new Date('2026-01-10T00:00:00Z');
    expect(isOverdue({ status: 'open', dueAt: due }, new Date('2026-01-11T00:00:00Z'))).toBe(true);
    expect(isOverdue({ status: 'answered', dueAt: due }, new Date('2026-01-11T00:00:00Z'))).toBe(false);
    expect(isOverdue({ status: 'open', dueAt: due }, new Date('2026-01-09T00:00:00Z'))).toBe(false);
  });
});
