import { describe, expect, it } from 'vitest';
import { changedGroups, GROUPS, toggled, type Channels } from './notice-channels';

describe('notice channels per group (#11 item 6, R-H4)', () => {
  it('keeps in-app whatever is clicked', () => {
    expect(toggled(['email'], 'in_app', false)).toEqual(['in_app', 'email']);
    expect(toggled(['in_app', 'email'], 'email', false)).toEqual(['in_app']);
  });

  it('lets the daily digest replace e-mail and SMS, and either of them replace the digest', () => {
    expect(toggled(['in_app', 'email', 'sms'], 'digest', true)).toEqual(['in_app', 'digest']);
    expect(toggled(['in_app', 'digest'], 'sms', true)).toEqual(['in_app', 'sms']);
    expect(toggled(['in_app', 'email'], 'sms', true)).toEqual(['in_app', 'email', 'sms']);
  });

  it('sends only the groups that changed, whatever the order of their channels', () => {
    const before = Object.fromEntries(GROUPS.map((g) => [g, ['in_app', 'email']])) as Channels;
    const after: Channels = { ...before, deadline: ['in_app', 'email', 'sms'], breach: ['email', 'in_app'] };
    expect(changedGroups(before, after)).toEqual({ deadline: ['in_app', 'email', 'sms'] });
  });
});
