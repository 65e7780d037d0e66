import { describe, expect, it } from 'vitest';
import { bodyOf, initialValues, type Values } from './mailbox-form-values';
import type { Mailbox } from './mailbox-kit';

const stored: Mailbox = {
  id: '7b0c3f52-9d0e-4c57-9a3e-1f2b3c4d5e6f',
  name: 'IMAP',
  kind: 'imap',
  address: null,
  host: 'imap.example.com',
  port: 993,
  tls: 'implicit',
  username: 'complaints',
  hasPassword: true,
  folder: 'Complaints',
  intervalSeconds: 300,
  stallMinutes: 60,
  enabled: true,
  defaultBusinessLine: 'life',
  defaultCategory: null,
  health: { state: 'ok', lastPollAt: null, lastSuccessAt: null, lastErrorAt: null, lastError: null, backlog: 0, quarantined: 0 },
};

describe('the mailbox form body (#12 item 2, R-B1)', () => {
  it('sends a forwarding mailbox its address and none of the IMAP fields', () => {
    const v: Values = { ...initialValues('new'), name: '  客服投诉邮箱 ', address: ' complaints@example.com ', host: 'left.over' };
    const body = bodyOf(v, 'new');
    expect(body).toMatchObject({
      name: '客服投诉邮箱',
      kind: 'smtp',
      address: 'complaints@example.com',
      intervalSeconds: 60,
      stallMinutes: 30,
    });
    expect(JSON.parse(JSON.stringify(body))).not.toHaveProperty('host');
    expect(body).not.toHaveProperty('password');
  });

  it('keeps the stored IMAP password when the field is left empty, and sends a new one when typed', () => {
    const v = initialValues(stored);
    expect(v.password).toBeUndefined();
    expect(bodyOf(v, stored)).not.toHaveProperty('password');
    expect(bodyOf({ ...v, password: '' }, stored)).not.toHaveProperty('password');
    expect(bodyOf({ ...v, password: 'new secret' }, stored)).toMatchObject({
      password: 'new secret',
      host: 'imap.example.com',
      folder: 'Complaints',
    });
  });

  it('an empty folder is INBOX; a cleared interval keeps the stored one; a cleared default is no default', () => {
    const body = bodyOf({ ...initialValues(stored), folder: ' ', intervalSeconds: null, defaultBusinessLine: null }, stored);
    expect(body).toMatchObject({ folder: 'INBOX', intervalSeconds: 300 });
    expect(body.defaultBusinessLine).toBeUndefined();
  });
});
