import { describe, expect, it } from 'vitest';
import { contactKind, contactMatches, normalizeComplaintNumber, PUBLIC_NUMBER, publicStages, type ProgressEvent } from './public-track.js';

const stored = { phone: '138 1234 5678', email: 'Wang.Li@Example.com' };
const at = (iso: string) => new Date(iso);
const ev = (type: string, iso: string, toStatus?: string): ProgressEvent => ({ type, occurredAt: at(iso), toStatus: toStatus ?? null });
const received = at('2026-11-20T01:00:00Z');

describe('portal contact check', () => {
  it('matches the phone however it is written: spaces, dashes, +86, 0086, full-width digits', () => {
    for (const given of ['13812345678', '138 1234 5678', '+86 138-1234-5678', '0086 13812345678', '８６１３８１２３４５６７８']) {
      expect(contactMatches(stored, given), given).toBe(true);
    }
    expect(contactMatches(stored, '13812345679')).toBe(false);
  });

  it('matches the e-mail ignoring case and surrounding spaces', () => {
    expect(contactMatches(stored, ' wang.li@EXAMPLE.COM ')).toBe(true);
    expect(contactMatches(stored, 'wang@example.com')).toBe(false);
  });

  it('never matches a contact the complaint does not have', () => {
    expect(contactMatches({ phone: null, email: null }, '13812345678')).toBe(false);
    expect(contactMatches({ phone: null, email: null }, 'a@b.cn')).toBe(false);
    expect(contactMatches({ phone: '13812345678', email: null }, '')).toBe(false);
  });

  it('tells a phone number from an e-mail, and refuses anything else', () => {
    expect(contactKind('+86 (21) 5555-1234')).toBe('phone');
    expect(contactKind('a@b.cn')).toBe('email');
    expect(contactKind('a@b')).toBeNull();
    expect(contactKind('1234')).toBeNull();
    expect(contactKind('张三')).toBeNull();
  });

  it('accepts complaint numbers in lower case and full width, never an id', () => {
    expect(normalizeComplaintNumber(' ts202611250001 ')).toBe('TS202611250001');
    expect(PUBLIC_NUMBER.test(normalizeComplaintNumber('ＴＳ202611250001'))).toBe(true);
    expect(PUBLIC_NUMBER.test('5A320FFC-0000-4000-8000-000000000001')).toBe(false);
  });
});

describe('portal progress stages', () => {
  const stages = (status: Parameters<typeof publicStages>[0]['status'], events: ProgressEvent[], closedAt: Date | null = null) =>
    publicStages({ status, receivedAt: received, closedAt }, events).map(
      (s) => `${s.stage}:${s.done ? (s.at?.toISOString().slice(0, 10) ?? 'yes') : 'ahead'}`,
    );

  it('a new complaint: received, with handling, answer and closing ahead', () => {
    expect(stages('registered', [ev('received', '2026-11-20T01:00:00Z')])).toEqual([
      'received:2026-11-20',
      'in_progress:ahead',
      'answered:ahead',
      'closed:ahead',
    ]);
  });

  it('under investigation: the investigation shows, the answer is ahead', () => {
    const events = [ev('assign', '2026-11-21T01:00:00Z', 'assigned'), ev('start_investigation', '2026-11-22T01:00:00Z', 'investigating')];
    expect(stages('investigating', events)).toEqual([
      'received:2026-11-20',
      'in_progress:2026-11-21',
      'investigating:2026-11-22',
      'answered:ahead',
      'closed:ahead',
    ]);
  });

  it('solved on the spot: no handling or investigation stage that never happened', () => {
    const events = [ev('send_feedback', '2026-11-20T02:00:00Z', 'feedback_sent'), ev('close', '2026-11-21T02:00:00Z', 'closed')];
    expect(stages('closed', events, at('2026-11-21T02:00:00Z'))).toEqual([
      'received:2026-11-20',
      'answered:2026-11-20',
      'closed:2026-11-21',
    ]);
  });

  it('reopened: only the current round counts', () => {
    const events = [
      ev('assign', '2026-11-21T01:00:00Z', 'assigned'),
      ev('send_feedback', '2026-11-22T01:00:00Z', 'feedback_sent'),
      ev('reopen', '2026-11-23T01:00:00Z', 'assigned'),
    ];
    expect(stages('assigned', events)).toEqual([
      'received:2026-11-20',
      'reopened:2026-11-23',
      'in_progress:2026-11-23',
      'answered:ahead',
      'closed:ahead',
    ]);
  });

  it('withdrawn before an answer ends with the withdrawal', () => {
    expect(stages('withdrawn', [ev('withdraw', '2026-11-21T01:00:00Z', 'withdrawn')])).toEqual([
      'received:2026-11-20',
      'withdrawn:2026-11-21',
    ]);
  });
});
