import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import { applyHotlineEvent, assertOpenCall, completeDraft, hotlineEventIssues, type CallState, type HotlineEvent } from './hotline-call.js';

const NOW = new Date('2026-11-25T02:00:00Z');
const STARTED = new Date('2026-11-25T01:58:00Z');
const ENDED = new Date('2026-11-25T01:59:30Z');

const ev = (o: Partial<HotlineEvent> = {}): HotlineEvent => ({
  event: 'call.started',
  callId: 'C-1',
  caller: '13912345678',
  callee: '95500',
  agent: 'agent',
  startedAt: STARTED,
  endedAt: null,
  recordingUrl: null,
  ...o,
});

const ringing: CallState = {
  status: 'ringing',
  agent: 'agent',
  callee: '95500',
  endedAt: null,
  recordingUrl: null,
  startedEventAt: NOW,
  endedEventAt: null,
};

describe('hotline call events (#12 item 3)', () => {
  it('call.started creates a ringing call; call.ended first creates an ended one', () => {
    expect(applyHotlineEvent(null, ev(), NOW)).toMatchObject({
      kind: 'create',
      call: { status: 'ringing', startedEventAt: NOW, endedAt: null },
    });
    expect(applyHotlineEvent(null, ev({ event: 'call.ended', endedAt: ENDED, recordingUrl: 'https://r/1' }), NOW)).toMatchObject({
      kind: 'create',
      call: { status: 'ended', endedAt: ENDED, recordingUrl: 'https://r/1', startedEventAt: null, endedEventAt: NOW },
    });
  });

  it('call.ended adds the end and the recording; without an end time the receipt time is used', () => {
    expect(applyHotlineEvent(ringing, ev({ event: 'call.ended', endedAt: ENDED, recordingUrl: 'https://r/1' }), NOW)).toEqual({
      kind: 'update',
      patch: { agent: 'agent', callee: '95500', endedEventAt: NOW, endedAt: ENDED, recordingUrl: 'https://r/1', status: 'ended' },
    });
    expect(applyHotlineEvent(ringing, ev({ event: 'call.ended' }), NOW)).toMatchObject({ patch: { endedAt: NOW, recordingUrl: null } });
  });

  it('each event applies once per call', () => {
    expect(applyHotlineEvent(ringing, ev(), NOW)).toEqual({ kind: 'repeat' });
    const ended = { ...ringing, status: 'ended' as const, endedEventAt: NOW };
    expect(applyHotlineEvent(ended, ev({ event: 'call.ended' }), NOW)).toEqual({ kind: 'repeat' });
  });

  it('a registered or dismissed call keeps its status when the recording arrives', () => {
    for (const status of ['registered', 'dismissed'] as const) {
      const change = applyHotlineEvent({ ...ringing, status }, ev({ event: 'call.ended', recordingUrl: 'https://r/2' }), NOW);
      expect(change).toMatchObject({ kind: 'update', patch: { status, recordingUrl: 'https://r/2' } });
    }
  });

  it('a late call.started fills what call.ended did not say, and keeps the status', () => {
    const endedFirst: CallState = { ...ringing, status: 'ended', agent: null, callee: null, startedEventAt: null, endedEventAt: NOW };
    expect(applyHotlineEvent(endedFirst, ev(), NOW)).toEqual({
      kind: 'update',
      patch: { agent: 'agent', callee: '95500', startedEventAt: NOW },
    });
  });

  it('an end before the start is refused on endedAt', () => {
    expect(hotlineEventIssues(ev({ endedAt: new Date(STARTED.getTime() - 1) }))).toEqual([{ field: 'endedAt', code: 'range_inverted' }]);
    expect(hotlineEventIssues(ev({ endedAt: ENDED }))).toEqual([]);
  });

  it('only ringing and ended calls may be registered or dismissed', () => {
    expect(() => assertOpenCall('ringing')).not.toThrow();
    expect(() => assertOpenCall('ended')).not.toThrow();
    expect(() => assertOpenCall('registered')).toThrow(DomainError);
    expect(() => assertOpenCall('dismissed')).toThrow(DomainError);
  });

  it("the completed draft is always hotline with the call id; the caller's number and start unless the agent gave others", () => {
    const call = { callId: 'C-1', caller: '13912345678', startedAt: STARTED };
    const input = {
      channel: 'letter',
      businessLine: 'property_casualty',
      category: 'claims_dispute',
      description: 'x',
      urgent: false,
      riskFlags: [],
      jointComplainants: 1,
      callReference: 'typed',
      complainant: { name: '张三' },
    };
    expect(completeDraft(input, call)).toMatchObject({
      channel: 'hotline',
      callReference: 'C-1',
      receivedAt: STARTED,
      complainant: { name: '张三', phone: '13912345678' },
    });
    const given = completeDraft({ ...input, receivedAt: NOW, complainant: { name: '张三', phone: '13800000000' } }, call);
    expect(given).toMatchObject({ receivedAt: NOW, complainant: { phone: '13800000000' } });
  });
});
