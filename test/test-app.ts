import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { permissionsOf } from '../src/domain/access/permissions.js';
import { buildApp } from '../src/http/app.js';
import { findUser } from '../src/db/repositories/user.repository.js';
import { TEST_PASSWORD, TEST_SESSION_SECRET, testSecurity } from './test-constants.js';
import { createApiToken } from '../src/services/people/auth/token.service.js';
import type { SecuritySettings, ServiceContext } from '../src/services/context.js';
import type { ChannelSettings } from '../src/services/channels/channel-settings.js';
import type { Database } from '../src/db/database.js';
import { principalOf } from '../src/services/people/principal.service.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export { TEST_PASSWORD, TEST_SESSION_SECRET, testSecurity } from './test-constants.js';

export interface TestApp extends TestDatabase {
  app: FastifyInstance;
  ctx: ServiceContext;
  /** Moves the injected clock. */
  setNow(d: Date | string): void;
  now(): Date;
  /** A request as `as` (default: tester, who may do everything but audit), by API token. */
  inject(opts: InjectOptions, as?: string): Promise<LightMyRequestResponse>;
  /** Signs in through POST /api/auth/login and returns the cookie and CSRF token. */
  login(username: string, password?: string): Promise<{ cookie: string; csrf: string; res: LightMyRequestResponse }>;
}

export interface TestAppOptions {
  /** the read handle for statistics and reports, as DATABASE_READ_URL gives it (#16 item 6); the caller closes it */
  readDb?: Database;
}

/** The real app on a fresh database cloned from the template, with an injectable clock. */
export async function createTestApp(
  initialNow: Date | string = '2026-11-25T02:00:00Z',
  security: Partial<SecuritySettings> = {},
  channels?: ChannelSettings,
  options: TestAppOptions = {},
): Promise<TestApp> {
  const tdb = await createTestDatabase();
  let current = new Date(initialNow);
  const now = () => new Date(current);
  const settings = testSecurity(security);
  const app = await buildApp({
    db: tdb.db,
    readDb: options.readDb,
    timeZone: 'Asia/Shanghai',
    now,
    logLevel: 'silent',
    security: settings,
    sessionSecret: TEST_SESSION_SECRET,
    channels,
  });
  await app.ready();
  const ctx: ServiceContext = {
    db: tdb.db,
    ...(options.readDb ? { readDb: options.readDb } : {}),
    timeZone: 'Asia/Shanghai',
    now,
    security: settings,
    channels,
  };
  const tokens = new Map<string, string>();

  async function tokenFor(username: string): Promise<string> {
    const cached = tokens.get(username);
    if (cached) return cached;
    const user = await findUser(tdb.db, { username });
    if (!user) throw new Error(`no test user ${username}`);
    const p = await principalOf(tdb.db, user);
    const created = await createApiToken(ctx, { ip: null, userAgent: 'test' }, p, {
      name: 'test',
      actions: permissionsOf(p.roles),
      expiresInDays: 366,
    });
    tokens.set(username, created.token);
    return created.token;
  }

  return {
    ...tdb,
    app,
    ctx,
    setNow: (d) => {
      current = new Date(d);
    },
    now,
    inject: async (opts, as = 'tester') => {
      const token = await tokenFor(as);
      return app.inject({ ...opts, headers: { ...(opts.headers ?? {}), authorization: `Bearer ${token}` } });
    },
    login: async (username, password = TEST_PASSWORD) => {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
      const set = res.headers['set-cookie'];
      const raw = (Array.isArray(set) ? set[0] : set) ?? '';
      return { cookie: raw.split(';')[0] ?? '', csrf: (res.json() as { csrfToken?: string }).csrfToken ?? '', res };
    },
    close: async () => {
      await app.close();
      await tdb.close();
    },
  };
}

/** A valid hotline complaint; override what a test cares about. */
export function complaintBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    channel: 'hotline',
    businessLine: 'property_casualty',
    category: 'claims_dispute',
    description: '车险理赔金额与定损结果不符，要求重新核定。',
    requestedRemedy: '按实际维修费用赔付',
    amount: '3500.00',
    receivedAt: '2026-11-25T01:30:00Z',
    complainant: { name: '张三', phone: '13812345678' },
    ...overrides,
  };
}
