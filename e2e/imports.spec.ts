/**
 * Historical import in the browser (#13 item 7, R-H7) against the real server and its job runner:
 * an administrator uploads part of the Texas data (and one bad row) as a dry run, watches it finish,
 * reads the summary and the chart of where the rows go, downloads the error report, then imports
 * the same file for real; the imported complaints are in the ledger, marked as imported.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { answerOf, apiSession, collectErrors, signIn } from './support.js';

const SHOTS = 'docs/screenshots';
const TDI = fileURLToPath(new URL('../../shared/data/tdi_statefarm_complaints/Statefarm_complaints.csv', import.meta.url));

/** The header and the first 60 rows of the Texas file, each id made unique to this run, and one row with a bad date. */
function sample(): { csv: string; rows: number } {
  const lines = readFileSync(TDI, 'utf8').split(/\r?\n/);
  const header = lines[0]!;
  const tag = Date.now().toString(36);
  const rows = lines.slice(1, 61).map((l) => `${tag}${l}`);
  const bad = rows[0]!.replace(/^[^,]+/, `${tag}bad`).replace(/,(\d+\/\d+\/\d{4}),(\d+\/\d+\/\d{4}),/, ',31/31/2020,$2,');
  return { csv: [header, ...rows, bad].join('\n'), rows: rows.length };
}

test('an administrator dry-runs a Texas file, reads the report and imports it for real (R-H7)', async ({ page, baseURL }) => {
  // two runs of the job runner on a busy machine
  test.setTimeout(240_000);
  const errors = collectErrors(page);
  const { csv, rows } = sample();
  await page.goto('/login');
  await signIn(page, 'admin');
  await expect(page.getByTestId('current-user')).toBeVisible();
  await page.getByRole('menuitem', { name: '系统管理' }).click();
  await page.getByTestId('admin-tab-imports').click();
  await expect(page.getByTestId('import-form')).toBeVisible({ timeout: 30_000 });

  await page.locator('input[type=file]').setInputFiles({ name: 'texas-sample.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(page.getByTestId('import-dry-run')).toBeChecked();
  await page.getByTestId('import-start').click();

  const panel = page.getByTestId('import-run');
  await expect(panel).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
  await expect(panel).toHaveAttribute('data-dry-run', 'true');
  await expect(page.getByTestId('import-summary')).toContainText(`共 ${rows + 1} 行`);
  await expect(page.getByTestId('import-summary')).toContainText('1 行有错误');
  const chart = page.getByTestId('import-rows-chart');
  await expect(chart).toHaveAttribute('data-closed', String(rows));
  await expect(chart).toHaveAttribute('data-failed', '1');
  await page.screenshot({ path: `${SHOTS}/imports-dry-run.png`, fullPage: true });

  const download = page.waitForEvent('download');
  await page.getByTestId('import-errors-csv').click();
  const file = await download;
  const report = readFileSync((await file.path())!, 'utf8');
  expect(report).toContain('invalid_date');
  expect(report).toContain('日期无效');

  await page.getByTestId('import-run-for-real').click();
  await expect(panel).toHaveAttribute('data-dry-run', 'false');
  await expect(panel).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
  await expect(page.getByTestId('import-summary')).toContainText(`新导入 ${rows} 条`);
  await page.screenshot({ path: `${SHOTS}/imports-done.png`, fullPage: true });

  const admin = await apiSession(baseURL, 'inspector');
  try {
    const res = await admin.api.get('/api/complaints?imported=true&total=true&limit=1');
    expect(res.ok(), await res.text()).toBe(true);
    const ledger = await answerOf<'/api/complaints', 'get'>(res);
    expect(ledger.total ?? 0).toBeGreaterThanOrEqual(rows);
  } finally {
    await admin.close();
  }
  expect(errors).toEqual([]);
});
