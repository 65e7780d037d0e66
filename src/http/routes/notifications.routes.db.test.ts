/**
 * R-H4 in-app notifications (issue #4 item 7): each user's own inbox, unread count, mark read;
 * each notification rendered from its template in the reader's language (#10 item 4).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { insertNotifications } from '../../db/repositories/notification.repository.js';
import { sendNotifications } from '../../services/channels/notification.service.js';
import type { NotificationItemAnswer, NotificationPageAnswer } from '../schemas/notification.responses.js';

let t: TestApp;
type Item = NotificationItemAnswer;
type Page = NotificationPageAnswer;

const userId = async (username: string) =>
  (await t.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;

beforeAll(async () => {
  t = await createTestApp('2026-11-25T02:00:00Z');
  const agent = await userId('agent');
  const supervisor = await userId('supervisor');
  const note = (user: string, key: string) => ({
    userId: user,
    complaintId: null,
    kind: 'test',
    sourceKey: key,
    message: { template: 'legacy.text' as const, params: { text: `标题 ${key}`, en: `title ${key}`, number: 'TS-1' } },
  });
  await insertNotifications(t.db, [note(agent, 'a1')], new Date('2026-11-25T01:00:00Z'));
  // three at the same instant: paging must not lose any of them
  await insertNotifications(t.db, [note(agent, 'a2'), note(agent, 'a3'), note(agent, 'a4')], new Date('2026-11-25T01:30:00Z'));
  await insertNotifications(t.db, [note(agent, 'a5'), note(supervisor, 's1')], new Date('2026-11-25T01:45:00Z'));
  await insertNotifications(t.db, [note(supervisor, 's2')], new Date('2026-11-25T01:50:00Z'));
});
afterAll(async () => t.close());

const get = async (url: string, as: string, headers: Record<string, string> = {}) => {
  const res = await t.inject({ method: 'GET', url, headers }, as);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Page;
};
const keyOf = (i: Item) => i.title.replace('标题 ', '');

describe('GET /api/notifications', () => {
  it("shows only the signed-in user's own notifications, newest first, with the unread count", async () => {
    const page = await get('/api/notifications', 'agent');
    expect(page.items.map(keyOf)).toEqual(['a5', expect.any(String), expect.any(String), expect.any(String), 'a1']);
    expect(page.items.slice(1, 4).map(keyOf).sort()).toEqual(['a2', 'a3', 'a4']);
    expect(page).toMatchObject({ unreadCount: 5, nextBefore: null });
    expect(page.items[0]).toMatchObject({ kind: 'test', complaintNumber: 'TS-1', readAt: null, createdAt: '2026-11-25T01:45:00.000Z' });
    const sup = await get('/api/notifications', 'supervisor');
    expect(sup.items.map(keyOf)).toEqual(['s2', 's1']);
    expect(sup.unreadCount).toBe(2);
    const leader = await get('/api/notifications', 'leader');
    expect(leader).toEqual({ items: [], unreadCount: 0, nextBefore: null });
  });

  it('pages with nextBefore without losing notifications written at the same instant', async () => {
    const seen: string[] = [];
    let before: string | null = null;
    for (let i = 0; i < 5; i++) {
      const page: Page = await get(`/api/notifications?limit=2${before ? `&before=${encodeURIComponent(before)}` : ''}`, 'agent');
      seen.push(...page.items.map(keyOf));
      before = page.nextBefore;
      if (!before) break;
    }
    expect(seen.sort()).toEqual(['a1', 'a2', 'a3', 'a4', 'a5']);
    const older = await get(`/api/notifications?before=${encodeURIComponent('2026-11-25T01:30:00Z')}`, 'agent');
    expect(older.items.map(keyOf)).toEqual(['a1']);
    const bad = await t.inject({ method: 'GET', url: '/api/notifications?before=nonsense' }, 'agent');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'invalid_cursor' });
  });

  it('titles in English on request', async () => {
    const page = await get('/api/notifications?limit=1', 'agent', { 'accept-language': 'en' });
    expect(page.items[0]?.title).toBe('title a5');
  });

  it('refuses anonymous callers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/notifications' });
    expect(res.statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/notifications/unread-count' })).statusCode).toBe(401);
  });
});

describe('POST /api/notifications/read and the unread count', () => {
  it("marks the user's own notifications read; another user's ids change nothing", async () => {
    const mine = (await get('/api/notifications', 'agent')).items;
    const theirs = (await get('/api/notifications', 'supervisor')).items;
    t.setNow('2026-11-25T02:10:00Z');
    const res = await t.inject({ method: 'POST', url: '/api/notifications/read', payload: { ids: [mine[0]!.id, theirs[0]!.id] } }, 'agent');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ updated: 1, unreadCount: 4 });
    expect((await get('/api/notifications', 'supervisor')).unreadCount).toBe(2);
    const again = await t.inject({ method: 'POST', url: '/api/notifications/read', payload: { ids: [mine[0]!.id] } }, 'agent');
    expect(again.json()).toEqual({ updated: 0, unreadCount: 4 });
    const page = await get('/api/notifications', 'agent');
    expect(page.items[0]).toMatchObject({ id: mine[0]!.id, readAt: '2026-11-25T02:10:00.000Z' });
    const unread = await get('/api/notifications?unread=true', 'agent');
    expect(unread.items.map((i) => i.id)).not.toContain(mine[0]!.id);
    expect(unread.items).toHaveLength(4);
    const count = await t.inject({ method: 'GET', url: '/api/notifications/unread-count' }, 'agent');
    expect(count.json()).toEqual({ unreadCount: 4 });
  });

  it('{all: true} marks every one of mine read, and only mine', async () => {
    const res = await t.inject({ method: 'POST', url: '/api/notifications/read', payload: { all: true } }, 'agent');
    expect(res.json()).toEqual({ updated: 4, unreadCount: 0 });
    expect((await t.inject({ method: 'GET', url: '/api/notifications/unread-count' }, 'agent')).json()).toEqual({ unreadCount: 0 });
    expect((await t.inject({ method: 'GET', url: '/api/notifications/unread-count' }, 'supervisor')).json()).toEqual({ unreadCount: 2 });
  });

  it('refuses a body that is neither {ids} nor {all: true}', async () => {
    for (const payload of [{}, { ids: [] }, { ids: ['not-a-uuid'] }, { all: false }, { all: true, ids: [] }]) {
      const res = await t.inject({ method: 'POST', url: '/api/notifications/read', payload }, 'agent');
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
    }
  });
});

describe("messages in the reader's language (#10 item 4)", () => {
  it('a notification is stored as template and parameters, listed in Chinese by default and in English with Accept-Language: en', async () => {
    const number = 'TS20261125000001';
    const message = { template: 'complaint.level1_registered' as const, params: { number, by: 'agent' } };
    const at = new Date('2026-11-25T01:55:00Z');
    await sendNotifications(
      t.db,
      [await userId('leader')],
      { complaintId: null, kind: 'level1_registered', sourceKey: 'i18n:1', message },
      at,
    );

    const stored = await t.db.selectFrom('notifications').select(['template', 'params']).where('source_key', '=', 'i18n:1').execute();
    expect(stored).toEqual([{ template: 'complaint.level1_registered', params: { number, by: 'agent' } }]);
    const outbox = await t.db.selectFrom('outbox').select('payload').where('idempotency_key', 'like', 'notification:i18n:1:%').execute();
    expect(outbox.map((o) => o.payload)).toEqual([
      expect.objectContaining({ template: 'complaint.level1_registered', params: { number, by: 'agent' } }),
    ]);

    const zh = await get('/api/notifications', 'leader');
    expect(zh.items).toMatchObject([
      { kind: 'level1_registered', template: 'complaint.level1_registered', title: `${number} 一级投诉已受理`, complaintNumber: number },
    ]);
    expect(zh.items[0]?.body).toEqual({ number, by: 'agent' });
    const en = await get('/api/notifications', 'leader', { 'accept-language': 'en-US,en;q=0.9,zh;q=0.8' });
    expect(en.items.map((i) => i.title)).toEqual([`${number} level-1 complaint registered`]);
  });
});
