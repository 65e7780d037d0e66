import { describe, expect, it } from 'vitest';
import { apiTokenList, loginResponse, meResponse } from './people.responses.js';

/**
 * The answers about people are allow-lists (#10 item 1): the serializer sends what these schemas
 * parse out, so a credential handed to them by mistake never reaches the client.
 */
const storedUser = {
  id: '6f1c2f4e-0000-4000-8000-000000000001',
  username: 'agent',
  display_name: '客服',
  displayName: '客服',
  email: null,
  password_hash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA',
  passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA',
  roles: ['agent'],
  permissions: ['complaint.read'],
  orgUnitIds: [],
  active: true,
  mustChangePassword: false,
  lockedUntil: null,
  lastLoginAt: new Date('2026-11-25T02:00:00Z'),
  createdAt: new Date('2026-11-01T00:00:00Z'),
};

describe('people answers send only declared fields', () => {
  it('a sign-in answer never carries a password hash or the session token', () => {
    const sent = JSON.stringify(
      loginResponse.parse({
        user: storedUser,
        token: 'session-token-secret',
        csrfToken: 'c'.repeat(43),
        expiresAt: new Date('2026-11-25T14:00:00Z'),
        mustChangePassword: false,
      }),
    );
    expect(sent).not.toMatch(/password_?hash|argon2|session-token-secret|display_name/i);
    expect(JSON.parse(sent)).toMatchObject({
      user: { username: 'agent', lastLoginAt: '2026-11-25T02:00:00.000Z' },
      expiresAt: '2026-11-25T14:00:00.000Z',
    });
  });

  it('who-am-I and the token listing never carry a secret or its hash', () => {
    const me = JSON.stringify(
      meResponse.parse({ user: storedUser, via: 'token', csrfToken: null, mustChangePassword: false, tokenActions: ['complaint.read'] }),
    );
    expect(me).not.toMatch(/password_?hash|argon2/i);
    const token = {
      id: 't1',
      name: 'sync',
      prefix: 'cms_abcdef',
      actions: ['complaint.read'],
      createdAt: new Date('2026-11-25T02:00:00Z'),
      expiresAt: new Date('2027-02-23T02:00:00Z'),
      revokedAt: null,
      lastUsedAt: null,
      useCount: 0,
      token: 'cms_the-secret',
      token_hash: 'deadbeef',
    };
    const listed = apiTokenList.parse({ items: [token] });
    expect(Object.keys(listed.items[0] ?? {})).not.toContain('token');
    expect(JSON.stringify(listed)).not.toMatch(/the-secret|deadbeef/);
  });
});
