/**
 * Web application benchmark (issue #5): what the browser downloads and how fast the ledger shows.
 *
 *   npm run build:web && npx tsx bench/web.bench.ts [--runs 20]
 *
 * Starts the real start command on a throw-away data directory (embedded PostgreSQL, 200 demo
 * complaints, DEMO_PASSWORD), then with Debian's chromium (/usr/bin/chromium, headless):
 * - bytes on the wire (gzip, as the server sends them) of the sign-in page's first load, of the
 *   ledger page after sign-in, and of the public portal;
 * - time from navigation to /complaints until the 50th row is in the table, --runs times, cold
 *   query cache each time (a full page load), as the supervisor.
 * Bounded; stops by itself.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { chromium, type Page } from '@playwright/test';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
};
const RUNS = arg('runs', 20);
const PASSWORD = 'Bench-Passw0rd!';

const port = await new Promise<number>((resolve) => {
  const s = createServer().listen(0, '127.0.0.1', () => {
    const a = s.address();
    s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
  });
});
const base = `http://127.0.0.1:${port}`;
const server = spawn(process.execPath, ['--import', 'tsx', 'e2e/serve.ts'], {
  stdio: 'ignore',
  env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DEMO_PASSWORD: PASSWORD, LOG_LEVEL: 'warn' },
});
for (let i = 0; ; i++) {
  try {
    if ((await fetch(`${base}/healthz`)).ok) break;
  } catch {
    // not up yet
  }
  if (i > 600) throw new Error('server did not start');
  await new Promise((r) => setTimeout(r, 250));
}

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});

/** Bytes received for JavaScript, CSS and HTML while `action` runs (encoded size: gzip on the wire). */
async function wireBytes(page: Page, action: () => Promise<void>): Promise<{ js: number; all: number }> {
  const sizes: Array<{ type: string; bytes: number }> = [];
  const pending: Array<Promise<void>> = [];
  page.on('requestfinished', (req) => {
    pending.push(
      req.sizes().then((s) => {
        // -1: served from the browser's cache, nothing on the wire
        sizes.push({ type: req.resourceType(), bytes: Math.max(0, s.responseBodySize) });
      }),
    );
  });
  await action();
  await Promise.all(pending);
  page.removeAllListeners('requestfinished');
  return { js: sizes.filter((s) => s.type === 'script').reduce((a, s) => a + s.bytes, 0), all: sizes.reduce((a, s) => a + s.bytes, 0) };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
const page = await context.newPage();

const login = await wireBytes(page, async () => {
  await page.goto(`${base}/login`);
  await page.getByLabel('用户名').waitFor();
});
await page.getByLabel('用户名').fill('supervisor');
await page.getByLabel('密码').fill(PASSWORD);
await page.locator('button[type=submit]').click();
await page.getByTestId('workbench').waitFor();
const ledgerLoad = await wireBytes(page, async () => {
  await page.goto(`${base}/complaints`);
  await page.locator('.ant-table-tbody tr.ant-table-row').nth(49).waitFor();
});

const times: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const t0 = performance.now();
  await page.goto(`${base}/complaints`);
  await page.locator('.ant-table-tbody tr.ant-table-row').nth(49).waitFor();
  times.push(performance.now() - t0);
}
const spa: number[] = [];
for (let i = 0; i < RUNS; i++) {
  await page.goto(`${base}/`);
  await page.getByTestId('workbench').waitFor();
  const t0 = performance.now();
  await page.getByRole('menuitem', { name: '投诉台账' }).click();
  await page.locator('.ant-table-tbody tr.ant-table-row').nth(49).waitFor();
  spa.push(performance.now() - t0);
}
const portalPage = await (await browser.newContext()).newPage();
const portal = await wireBytes(portalPage, async () => {
  await portalPage.goto(`${base}/portal`);
  await portalPage.locator('form').first().waitFor();
});

const pct = (list: number[], p: number) =>
  [...list].sort((a, b) => a - b)[Math.min(list.length - 1, Math.floor((p / 100) * list.length))]!.toFixed(0);
const max = (list: number[]) => Math.max(...list).toFixed(0);
console.log(`sign-in page first load: JS ${kb(login.js)} on the wire, everything ${kb(login.all)}`);
console.log(
  `after sign-in, to the ledger (every page's chunk preloaded when idle, the API answers): JS ${kb(ledgerLoad.js)}, everything ${kb(ledgerLoad.all)}`,
);
console.log(`public portal first load: JS ${kb(portal.js)} on the wire, everything ${kb(portal.all)}`);
console.log(
  `ledger, full page load (address bar) to 50 rows shown, ${RUNS} runs: p50 ${pct(times, 50)} ms, p95 ${pct(times, 95)} ms, max ${max(times)} ms`,
);
console.log(
  `ledger, menu click on the workbench to 50 rows shown, ${RUNS} runs: p50 ${pct(spa, 50)} ms, p95 ${pct(spa, 95)} ms, max ${max(spa)} ms`,
);

await browser.close();
server.kill('SIGTERM');
await new Promise((r) => server.once('exit', r));
