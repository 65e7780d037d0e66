import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/http/app.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export interface TestApp extends TestDatabase {
  app: FastifyInstance;
  /** Moves the injected clock. */
  setNow(d: Date | string): void;
  now(): Date;
}

/** The real app on a fresh database cloned from the template, with an injectable clock. */
export async function createTestApp(initialNow: Date | string = '2026-11-25T02:00:00Z'): Promise<TestApp> {
  const tdb = await createTestDatabase();
  let current = new Date(initialNow);
  const app = await buildApp({ db: tdb.db, timeZone: 'Asia/Shanghai', now: () => new Date(current), logLevel: 'silent' });
  await app.ready();
  return {
    ...tdb,
    app,
    setNow: (d) => {
      current = new Date(d);
    },
    now: () => new Date(current),
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
