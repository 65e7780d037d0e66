import { describe, expect, it } from 'vitest';
import { alertChange, mailboxHealthState, pollDue, type MailboxHealthFacts } from './mailbox-health.js';

const at = (minutes: number) => new Date(Date.UTC(2026, 10, 25, 2, minutes));
const imap = (o: Partial<MailboxHealthFacts> = {}): MailboxHealthFacts => ({
  kind: 'imap',
  enabled: true,
  stallMinutes: 30,
  lastPollAt: null,
  lastSuccessAt: null,
  lastErrorAt: null,
  watchedSince: at(0),
  oldestPendingAt: null,
  ...o,
});

describe('mailbox health: fetching never stops silently (#12 item 2)', () => {
  it('never polled, ok, failing, stalled, disabled', () => {
    expect(mailboxHealthState(imap(), at(1))).toBe('never');
    expect(mailboxHealthState(imap({ lastPollAt: at(5), lastSuccessAt: at(5) }), at(6))).toBe('ok');
    expect(mailboxHealthState(imap({ lastPollAt: at(6), lastSuccessAt: at(5), lastErrorAt: at(6) }), at(7))).toBe('failing');
    // failing for longer than stallMinutes: stalled
    expect(mailboxHealthState(imap({ lastPollAt: at(40), lastSuccessAt: at(5), lastErrorAt: at(40) }), at(40))).toBe('stalled');
    // never a success since it was watched, for longer than stallMinutes
    expect(mailboxHealthState(imap({ lastPollAt: at(31), lastErrorAt: at(31) }), at(31))).toBe('stalled');
    expect(mailboxHealthState(imap({ enabled: false }), at(90))).toBe('disabled');
  });

  it('enabled again: the stall counts from then, not from the last success long ago', () => {
    expect(mailboxHealthState(imap({ lastSuccessAt: at(0), lastPollAt: at(0), watchedSince: at(50) }), at(55))).toBe('ok');
  });

  it('a message waiting longer than stallMinutes stalls any mailbox, SMTP too', () => {
    expect(mailboxHealthState({ ...imap({ kind: 'smtp' }), lastSuccessAt: at(1) }, at(2))).toBe('ok');
    expect(mailboxHealthState({ ...imap({ kind: 'smtp' }) }, at(2))).toBe('never');
    expect(mailboxHealthState({ ...imap({ kind: 'smtp' }), lastSuccessAt: at(1), oldestPendingAt: at(1) }, at(40))).toBe('stalled');
  });

  it('one alert on the way into a stall, cleared once healthy', () => {
    expect(alertChange('stalled', false)).toBe('raise');
    expect(alertChange('stalled', true)).toBeNull();
    expect(alertChange('failing', true)).toBeNull();
    expect(alertChange('ok', true)).toBe('clear');
    expect(alertChange('ok', false)).toBeNull();
    expect(alertChange('failing', false)).toBeNull();
  });

  it('a poll is due when its interval is (nearly) over', () => {
    expect(pollDue({ intervalSeconds: 60, lastPollAt: null }, at(0))).toBe(true);
    expect(pollDue({ intervalSeconds: 60, lastPollAt: new Date(at(0).getTime() + 5000) }, at(1))).toBe(true);
    expect(pollDue({ intervalSeconds: 300, lastPollAt: at(0) }, at(2))).toBe(false);
  });
});
