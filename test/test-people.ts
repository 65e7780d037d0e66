import type { Database } from '../src/db/database.js';
import { findOrgUnit } from '../src/db/repositories/org.repository.js';
import { seedDemoAccounts } from '../src/services/people/demo-accounts.service.js';
import { createUser } from '../src/services/people/user.service.js';
import { TEST_PASSWORD, testSecurity } from './test-constants.js';

/**
 * The test template's people: the demo organisation and accounts (password TEST_PASSWORD, no
 * forced change), plus `tester`, an agent, supervisor, leadership member and administrator in
 * customer service: the default identity of HTTP tests that are not about permissions.
 */
export async function seedTestPeople(db: Database): Promise<void> {
  const ctx = { db, timeZone: 'Asia/Shanghai', now: () => new Date('2026-01-01T00:00:00Z'), security: testSecurity() };
  await seedDemoAccounts(ctx, TEST_PASSWORD);
  const cs = await findOrgUnit(db, 'CS');
  await createUser(
    ctx,
    { ip: null, userAgent: null },
    { id: 'test-setup' },
    {
      username: 'tester',
      displayName: '测试员 Tester',
      roles: ['agent', 'supervisor', 'leadership_member', 'administrator'],
      orgUnitIds: cs ? [cs.id] : [],
    },
    { value: TEST_PASSWORD, mustChange: false },
  );
}
