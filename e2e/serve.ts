/**
 * The server the browser tests talk to: the real start command (embedded PostgreSQL, migrations,
 * demo accounts with DEMO_PASSWORD, demo complaints) on a fresh temporary data directory, removed
 * again when Playwright stops it.
 */
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startSmsGateway } from './sms-gateway.js';

// the SMS gateway the server texts (its own port, passed by playwright.config.ts)
if (process.env.E2E_SMS_PORT) startSmsGateway(Number(process.env.E2E_SMS_PORT));

const dir = mkdtempSync(path.join(tmpdir(), 'complaints-e2e-'));
chmodSync(dir, 0o755); // the embedded PostgreSQL runs as its own user when we are root
const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/start.ts'], {
  stdio: 'inherit',
  env: { ...process.env, DATA_DIR: dir, NODE_ENV: 'development', SEED_DEMO: 'true' },
});
for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => {
  rmSync(dir, { recursive: true, force: true });
  process.exit(code ?? 0);
});
