import { expect, request, type APIRequestContext, type APIResponse, type Locator, type Page } from '@playwright/test';
import type { Answer, Method, paths } from '../web/src/api/types.js';

/** Every demo account's password in the browser tests (DEMO_PASSWORD of the test server). */
export const DEMO_PASSWORD = 'Demo-Passw0rd!';

/** The test server's HOTLINE_WEBHOOK_SECRET: e2e/hotline.spec.ts signs call events with it (#12 item 3). */
export const HOTLINE_WEBHOOK_SECRET = 'e2e-hotline-secret-0123456789';

/** Collects console errors and uncaught exceptions of a page; the tests assert there are none. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  return errors;
}

export async function signIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.locator('button[type=submit]').click();
}

/** The JSON answer of a response, typed from the API's generated schema: answerOf<'/api/users', 'post'>(res). */
export async function answerOf<P extends keyof paths, M extends Method>(res: APIResponse): Promise<Answer<P, M>> {
  return (await res.json()) as Answer<P, M>;
}

/** An API session of a demo account: the session cookie stays in the context, writes carry the CSRF token. */
export interface ApiSession {
  api: APIRequestContext;
  csrf: string;
  post(path: string, data: unknown): Promise<APIResponse>;
  close(): Promise<void>;
}

export async function apiSession(baseURL: string | undefined, username: string): Promise<ApiSession> {
  const api = await request.newContext({ baseURL });
  const res = await api.post('/api/auth/login', { data: { username, password: DEMO_PASSWORD } });
  expect(res.ok(), await res.text()).toBe(true);
  const { csrfToken: csrf } = await answerOf<'/api/auth/login', 'post'>(res);
  return { api, csrf, post: (path, data) => api.post(path, { data, headers: { 'x-csrf-token': csrf } }), close: () => api.dispose() };
}

/** A complaint as POST /api/complaints answers it. */
export type Registered = Answer<'/api/complaints', 'post'>;

/** A hotline complaint about a claim (level 3 unless the overrides say otherwise), with a fresh phone number. */
export function complaintData(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    channel: 'hotline',
    businessLine: 'property_casualty',
    category: 'claims_dispute',
    description: '车险理赔金额与定损结果不符，要求重新核定。',
    requestedRemedy: '按实际维修费用赔付',
    complainant: { name: '浏览器测试', phone: `139${String(Date.now() % 100_000_000).padStart(8, '0')}` },
    ...overrides,
  };
}

/** Registers a complaint through the API in the session; 201 or the test fails. */
export async function registerComplaint(session: ApiSession, overrides: Record<string, unknown> = {}): Promise<Registered> {
  const res = await session.post('/api/complaints', complaintData(overrides));
  expect(res.status(), await res.text()).toBe(201);
  return answerOf<'/api/complaints', 'post'>(res);
}

/** A complaint registered through the API by the agent, then taken through `steps` (workflow actions) by the same agent. */
export async function registerByAgent(
  baseURL: string | undefined,
  overrides: Record<string, unknown>,
  steps: Array<[string, Record<string, unknown>]> = [],
): Promise<Registered> {
  const agent = await apiSession(baseURL, 'agent');
  try {
    const c = await registerComplaint(agent, overrides);
    for (const [step, data] of steps) {
      const done = await agent.post(`/api/complaints/${c.id}/${step}`, data);
      expect(done.status(), await done.text()).toBe(200);
    }
    return c;
  } finally {
    await agent.close();
  }
}

/** Opens a workflow action's drawer on the complaint page: the next expected steps are buttons, the rest sit in the grouped "more actions" menu. */
export async function openAction(page: Page, name: string): Promise<Locator> {
  const actions = page.getByTestId('actions');
  await expect(actions).toHaveAttribute('data-offered', new RegExp(`(^|,)${name}(,|$)`));
  const button = actions.locator(`button[data-action="${name}"]`);
  if ((await button.count()) > 0) await button.click();
  else {
    await actions.getByTestId('more-actions').click();
    await page.locator(`.ant-dropdown:visible [data-action="${name}"]`).click();
  }
  const drawer = page.locator('.ant-drawer-content').filter({ has: page.getByTestId('action-submit') });
  await expect(drawer).toBeVisible();
  return drawer;
}

/** Waits until an ECharts chart has drawn its canvas at its card's width (ResizeObserver, next frame), as the user sees it. */
export async function expectDrawn(chart: Locator): Promise<void> {
  await expect(chart.locator('canvas')).toHaveCount(1);
  await expect
    .poll(async () => {
      const box = await chart.boundingBox();
      const canvas = await chart.locator('canvas').boundingBox();
      return Boolean(box && canvas && canvas.width > 100 && canvas.width <= box.width + 1);
    })
    .toBe(true);
}

/**
 * Picks `label` in an Ant Design select: opens it, waits until it says it is open, clicks the option
 * in ITS dropdown (found through the combobox's aria-controls, not "the visible dropdown", which can
 * be the previous select's while that one is still closing) and waits until it has closed.
 */
export async function chooseOption(page: Page, select: Locator, label: string): Promise<void> {
  const combobox = select.getByRole('combobox');
  await select.click();
  await expect(combobox).toHaveAttribute('aria-expanded', 'true');
  const list = await combobox.getAttribute('aria-controls');
  const dropdown = page.locator(`.ant-select-dropdown:has([id="${list}"])`);
  await dropdown.locator('.ant-select-item-option').getByText(label, { exact: true }).click();
  await expect(combobox).toHaveAttribute('aria-expanded', 'false');
}
