import { describe, expect, it } from 'vitest';
import { EVENT_TYPES } from '../events/event-types.js';
import { WEBHOOK_EVENT_TYPES, WEBHOOK_TOPICS, webhookData, webhookTypeOf } from './webhook-events.js';

// #11 item 8, R-H5: subscriptions per event type; no personal data leaves by webhook
describe('webhook event types', () => {
  it('are the four milestones and every complaint event type, none twice', () => {
    expect(WEBHOOK_EVENT_TYPES).toEqual([...WEBHOOK_TOPICS, ...EVENT_TYPES]);
    expect(new Set(WEBHOOK_EVENT_TYPES).size).toBe(WEBHOOK_EVENT_TYPES.length);
  });

  it('deliver a milestone as its topic and a complaint event as its event type', () => {
    expect(webhookTypeOf('complaint.registered', { complaintId: 'c' })).toBe('complaint.registered');
    expect(webhookTypeOf('complaint.event', { type: 'assign' })).toBe('assign');
    expect(webhookTypeOf('complaint.event', { type: 'no_such_event' })).toBeNull();
    expect(webhookTypeOf('notification.created', {})).toBeNull();
    expect(webhookTypeOf('webhook.test', {})).toBeNull();
  });
});

describe('webhookData', () => {
  it('keeps the allow-listed scalar facts and drops the rest (free text, nested payloads)', () => {
    const payload = {
      complaintId: 'c1',
      number: 'TS202611250001',
      method: 'email',
      content: '张三先生您好，您的理赔款已于今日支付至尾号1234的账户。',
      level: 2,
      actor: 'agent',
      payload: { note: '客户电话 13812345678' },
      extra: { nested: true },
      seq: Number.NaN,
    };
    expect(webhookData(payload)).toEqual({ complaintId: 'c1', number: 'TS202611250001', method: 'email', level: 2, actor: 'agent' });
  });
});
