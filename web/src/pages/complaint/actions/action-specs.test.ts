/** How the action forms build their request bodies and where server field errors land (no browser needed). */
import type { FormInstance } from 'antd';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../api';
import type { ActionContext } from './action-spec';
import { applyServerErrors, fieldPath } from './server-errors';
import { assign, close, recordContact, recordSurvey, sendFeedback } from './specs/core.specs';
import { recordAnalysis } from './specs/investigation.specs';
import { recordMeeting } from './specs/leadership.specs';
import { recordPayment } from './specs/measures.specs';

const ctx = {} as ActionContext; // the bodies below do not read the context

describe('request bodies', () => {
  it('leaves out optional fields left empty and trims text', () => {
    expect(assign.body({ assignee: ' handler ', tracker: '', departmentIds: [], note: '  ' }, ctx)).toEqual({ assignee: 'handler' });
    expect(close.body({ outcome: 'upheld', summary: ' 结案 ' }, ctx)).toEqual({ outcome: 'upheld', summary: '结案' });
  });

  it('sends an empty required text as "" so the server names the field', () => {
    expect(sendFeedback.body({ method: 'phone', content: '' }, ctx)).toEqual({ method: 'phone', content: '', solvedOnTheSpot: false });
  });

  it('records the first contact with its time as an ISO instant, the summary required (#9 item 7)', () => {
    expect(recordContact.body({ method: 'letter', summary: ' 已寄送受理回执 ', contactedAt: '2026-11-25T10:00' }, ctx)).toEqual({
      method: 'letter',
      summary: '已寄送受理回执',
      contactedAt: new Date('2026-11-25T10:00').toISOString(),
    });
    expect(recordContact.body({ method: 'phone', summary: '' }, ctx)).toEqual({ method: 'phone', summary: '' });
  });

  it('turns radio values into the types the API takes', () => {
    expect(recordSurvey.body({ satisfied: true, score: '5', method: 'phone' }, ctx)).toEqual({
      satisfied: true,
      score: 5,
      method: 'phone',
    });
  });

  it('builds the meeting with its milestones, times as ISO instants', () => {
    const body = recordMeeting.body(
      {
        heldAt: '2026-11-25T10:00',
        attendees: ['组长', ' '],
        decisions: '先行赔付',
        owners: ['handler'],
        milestones: [{ title: '赔付', owner: 'handler', dueAt: '2026-11-27T10:00' }, {}],
      },
      ctx,
    ) as { heldAt: string; attendees: string[]; milestones: Array<Record<string, string>> };
    expect(body.heldAt).toBe(new Date('2026-11-25T10:00').toISOString());
    expect(body.attendees).toEqual(['组长']);
    expect(body.milestones).toEqual([
      { title: '赔付', owner: 'handler', dueAt: new Date('2026-11-27T10:00').toISOString() },
      { title: '', owner: '' },
    ]);
  });

  it('nests the impact assessment and sends a time that is not one as typed', () => {
    expect(
      recordAnalysis.body({ causes: ['other'], impact: { business: 'low', reputation: 'high', financial: 'low' }, strategy: '补赔' }, ctx),
    ).toEqual({
      causes: ['other'],
      impact: { business: 'low', reputation: 'high', financial: 'low' },
      strategy: '补赔',
    });
    expect(recordPayment.body({ compensationId: 'c', status: 'paid', paidAt: 'yesterday' }, ctx)).toMatchObject({ paidAt: 'yesterday' });
  });
});

describe('server field errors', () => {
  it('reads field paths with or without the body prefix', () => {
    expect(fieldPath('body.milestones.0.dueAt')).toEqual(['milestones', 0, 'dueAt']);
    expect(fieldPath('heldAt')).toEqual(['heldAt']);
    expect(fieldPath('body')).toEqual([]);
  });

  it('puts each message on the field or its nearest registered parent; the rest goes to the alert', () => {
    const set: Array<{ name: unknown; errors: string[] }> = [];
    const form = {
      getFieldsError: () => [{ name: ['causes'] }, { name: ['file'] }, { name: ['milestones', 0, 'dueAt'] }],
      setFields: (fields: Array<{ name: unknown; errors: string[] }>) => set.push(...fields),
    } as unknown as FormInstance;
    const err = new ApiError(400, 'validation_failed', 'bad', [
      { field: 'causes.1', code: 'unknown_code', message: 'causes.1: 未知代码' },
      { field: 'file.base64', code: 'invalid_base64', message: 'file.base64: 不是有效的 base64' },
      { field: 'milestones.0.dueAt', code: 'range_inverted', message: 'milestones.0.dueAt: 早于会议时间' },
      { field: 'body', code: 'invalid_json', message: 'body: JSON 无效' },
    ]);
    expect(applyServerErrors(form, err)).toEqual(['body: JSON 无效']);
    expect(set).toEqual([
      { name: ['causes'], errors: ['未知代码'] },
      { name: ['file'], errors: ['不是有效的 base64'] },
      { name: ['milestones', 0, 'dueAt'], errors: ['早于会议时间'] },
    ]);
  });
});
