/**
 * Evidence upload in the browser (#9 item 8, R-D1): the limit is stated before choosing a file; a
 * file over it is refused the moment it is chosen, before any upload; a scanned letter bigger than
 * the old 3 MB goes up as multipart with its progress shown, and comes back byte for byte.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { apiSession, collectErrors, registerComplaint, signIn } from './support.js';

const MIB = 1024 * 1024;

/** `size` bytes of a PDF-looking file (the server checks the %PDF- signature). */
function pdfBytes(size: number): Buffer {
  const b = Buffer.alloc(size, 0x20);
  Buffer.from('%PDF-1.7\n').copy(b);
  for (let i = 4096; i + 4 <= size; i += 4096) b.writeUInt32LE((i * 2654435761) >>> 0, i);
  return b;
}

test('evidence: over the limit refused before upload; a 6 MB scan uploaded with progress and downloaded intact', async ({
  page,
  baseURL,
}) => {
  // a 50 MB file is written and read on a busy two-core machine
  test.setTimeout(180_000);
  const agent = await apiSession(baseURL, 'agent');
  const c = await registerComplaint(agent, { amount: '5000', description: '客户来信对理赔结论有异议，附扫描件' });
  for (const [step, data] of [
    ['assign', { assignee: 'agent' }],
    ['start-investigation', {}],
  ] as const) {
    const res = await agent.post(`/api/complaints/${c.id}/${step}`, data);
    expect(res.status(), await res.text()).toBe(200);
  }
  await agent.close();

  const errors = collectErrors(page);
  await page.goto('/');
  await signIn(page, 'agent');
  await expect(page).not.toHaveURL(/\/login/);
  await expect(page.getByRole('button', { name: /退出登录/ })).toBeVisible();
  await page.goto(`/complaints/${c.id}`);
  await expect(page.getByTestId('complaint-number')).toHaveText(c.number, { timeout: 30_000 });
  const actions = page.getByTestId('actions');
  await expect(actions).toHaveAttribute('data-offered', /(^|,)add_evidence(,|$)/);
  const button = actions.locator('button[data-action="add_evidence"]');
  if ((await button.count()) > 0) await button.click();
  else {
    await actions.getByTestId('more-actions').click();
    await page.locator('.ant-dropdown:visible [data-action="add_evidence"]').click();
  }
  const drawer = page.locator('.ant-drawer-content').filter({ has: page.getByTestId('action-submit') });
  await expect(drawer).toBeVisible();
  await expect(drawer.getByTestId('file-limit')).toHaveText('单个文件不超过 50 MB');

  // over the limit: refused when chosen, in words, and nothing is sent
  const uploads: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/add-evidence')) uploads.push(r.url());
  });
  const dir = mkdtempSync(path.join(tmpdir(), 'e2e-evidence-'));
  try {
    const huge = path.join(dir, '整卷扫描.pdf');
    writeFileSync(huge, pdfBytes(50 * MIB + 1));
    await drawer.getByTestId('evidence-file').setInputFiles(huge);
    await expect(drawer.getByTestId('file-problem')).toContainText('超过上限 50 MB，未上传');
    await expect(drawer.getByTestId('file-problem')).toContainText('整卷扫描.pdf');
    await expect(drawer.getByTestId('chosen-file')).toHaveCount(0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  // a 6 MB scan (twice the old limit): the progress is shown while it goes up
  const scan = pdfBytes(6 * MIB);
  await drawer.locator('textarea').first().fill('客户来信扫描件（6 页）');
  await drawer.getByTestId('evidence-file').setInputFiles({ name: '客户来信 扫描件.pdf', mimeType: 'application/pdf', buffer: scan });
  await expect(drawer.getByTestId('chosen-file')).toHaveText('客户来信 扫描件.pdf (6 MB)');
  await expect(drawer.getByTestId('file-problem')).toHaveCount(0);
  // the answer is held until the progress has been seen, so the check does not race the upload
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route('**/add-evidence', async (route) => {
    const body = route.request().postDataBuffer();
    expect(route.request().headers()['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(body?.length ?? 0).toBeGreaterThan(6 * MIB);
    await held;
    await route.continue();
  });
  await drawer.getByTestId('action-submit').click();
  await expect(drawer.getByTestId('upload-progress')).toBeVisible();
  await expect(drawer.getByTestId('upload-progress').locator('.ant-progress')).toBeVisible();
  release();
  await expect(drawer).toBeHidden();
  expect(uploads).toHaveLength(1);

  await page.getByTestId('tab-investigation').click();
  const evidence = page.getByTestId('evidence-list');
  await expect(evidence).toContainText('客户来信 扫描件.pdf');
  await expect(evidence).toContainText('6 MB');
  const href = await evidence.getByTestId('evidence-download').first().getAttribute('href');
  const file = await page.request.get(href ?? '');
  expect(file.status()).toBe(200);
  expect(file.headers()['content-type']).toBe('application/pdf');
  expect(file.headers()['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('客户来信 扫描件.pdf')}`);
  expect(
    createHash('sha256')
      .update(await file.body())
      .digest('hex'),
  ).toBe(createHash('sha256').update(scan).digest('hex'));
  expect(errors).toEqual([]);
});
