import { execFileSync } from 'node:child_process';
import { defineConfig, devices } from '@playwright/test';
import { DEMO_PASSWORD, HOTLINE_WEBHOOK_SECRET } from './e2e/support.js';

/** A free port, chosen once by the runner and inherited by its workers through the environment. */
function freePort(): number {
  const probe = "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})";
  return Number(execFileSync(process.execPath, ['-e', probe], { encoding: 'utf8' }).trim());
}
process.env.E2E_PORT ??= String(freePort());
const port = Number(process.env.E2E_PORT);
// the SMS gateway the server sends to (e2e/sms-gateway.ts, started by e2e/serve.ts)
process.env.E2E_SMS_PORT ??= String(freePort());
const smsPort = Number(process.env.E2E_SMS_PORT);
// the server's inbound SMTP listener (#12 item 2), which e2e/mailboxes.spec.ts sends mail to
process.env.E2E_MAIL_PORT ??= String(freePort());
const mailPort = Number(process.env.E2E_MAIL_PORT);

export default defineConfig({
  testDir: 'e2e',
  // A busy two-core CI machine runs the server, PostgreSQL and chromium side by side: waits are for
  // what the user waits for (an answer, a render), with room for a slow machine, never fixed sleeps.
  timeout: process.env.CI ? 120_000 : 60_000,
  expect: { timeout: process.env.CI ? 20_000 : 10_000 },
  fullyParallel: false,
  workers: 1,
  // CI retries a failed test once; a test that passes only on retry is reported as flaky at the end
  // of the CI log (scripts/ci-failures.cjs), so it is seen and fixed, not hidden.
  retries: process.env.CI ? 1 : 0,
  // PLAYWRIGHT_JSON_OUTPUT_NAME=file: also a JSON report (CI counts the tests from it)
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : 'list',
  // E2E_OUTPUT: a run's own traces and artifacts (several runs side by side)
  outputDir: process.env.E2E_OUTPUT ?? 'test-results',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1280, height: 800 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1280, height: 800 },
        // Debian's chromium: Playwright never downloads a browser here
        launchOptions: {
          executablePath: '/usr/bin/chromium',
          args: [
            '--headless',
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
  ],
  webServer: {
    command: 'node --import tsx e2e/serve.ts',
    url: `http://127.0.0.1:${port}/healthz`,
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      DEMO_PASSWORD,
      LOG_LEVEL: 'warn',
      E2E_SMS_PORT: String(smsPort),
      SMS_HTTP_URL: `http://127.0.0.1:${smsPort}/sms`,
      SMS_HTTP_SUCCESS: 'json:code=0',
      SMS_HTTP_ID_PATH: 'data.msgId',
      // the telephony system's signing secret: e2e/hotline.spec.ts signs its call events with it
      HOTLINE_WEBHOOK_SECRET,
      MAIL_INBOUND_SMTP_PORT: String(mailPort),
    },
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'pipe',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
  },
});
