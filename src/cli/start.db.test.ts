/**
 * #9 item 3, the real start command on its own embedded PostgreSQL (also when TEST_DATABASE_URL is
 * set): the postmaster killed with SIGKILL is restarted by the server, which serves again without
 * a restart of its own; SIGTERM then stops it in order: exit code 0, no unhandled pg error
 * (`read ECONNRESET`), PostgreSQL stopped.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const dir = mkdtempSync(path.join(tmpdir(), 'complaints-start-'));
chmodSync(dir, 0o755); // as root, PostgreSQL runs as its own user and must reach the cluster
let child: ChildProcess | undefined;
let output = '';

afterAll(async () => {
  if (child && child.exitCode === null && child.signalCode === null) {
    child.kill('SIGKILL');
    await sleep(500);
  }
  // a postmaster left behind by a failed run
  const pidFile = path.join(dir, 'pg', 'postmaster.pid');
  if (existsSync(pidFile)) {
    try {
      process.kill(Number(readFileSync(pidFile, 'utf8').split('\n')[0]), 'SIGKILL');
    } catch {
      // already gone
    }
  }
  rmSync(dir, { recursive: true, force: true });
});

async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, ms = 120_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; server output:\n${output}`);
    await sleep(100);
  }
}

async function status(url: string): Promise<number | undefined> {
  try {
    return (await fetch(url)).status;
  } catch {
    return undefined;
  }
}

describe('npm start under a PostgreSQL crash and a SIGTERM (#9 item 3)', () => {
  it('restarts a killed PostgreSQL, then stops in order on SIGTERM', async () => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATA_DIR: dir,
      NODE_ENV: 'development',
      SEED_DEMO: 'false',
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
    };
    delete env.DATABASE_URL;
    const server = spawn(process.execPath, ['--import', 'tsx', 'src/cli/start.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    child = server;
    server.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    server.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      server.once('exit', (code, signal) => resolve({ code, signal })),
    );

    const base = await until('the server', () => /running: (http:\/\/[^/\s]+)\//.exec(output)?.[1]);
    expect(await status(`${base}/readyz`)).toBe(200);

    const pidFile = path.join(dir, 'pg', 'postmaster.pid');
    const postmaster = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    process.kill(postmaster, 'SIGKILL');
    await until('readiness to drop', async () => ((await status(`${base}/readyz`)) === 503 ? true : undefined), 10_000);
    expect(await status(`${base}/healthz`)).toBe(200);
    await until('the restart', () => (/restarted \(pid \d+\)/.test(output) ? true : undefined), 60_000);
    await until('readiness to return', async () => ((await status(`${base}/readyz`)) === 200 ? true : undefined), 30_000);
    expect(output).toMatch(/exited unexpectedly \(signal SIGKILL\)/);
    const restarted = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    expect(restarted).not.toBe(postmaster);

    // SIGTERM while requests are running
    const load = Array.from({ length: 20 }, () => status(`${base}/readyz`));
    const beforeStop = output.length;
    server.kill('SIGTERM');
    await Promise.all(load);
    const end = await Promise.race([exited, sleep(30_000).then(() => null)]);
    expect(end, output).toEqual({ code: 0, signal: null });
    // the kill above may log a lost idle connection (read ECONNRESET); the orderly stop must log none
    expect(output.slice(beforeStop)).not.toMatch(/ECONNRESET|Unhandled 'error'|unhandled rejection|shutdown failed/);
    expect(output.slice(beforeStop)).toMatch(/shutdown: requests finished[\s\S]*database pool closed/);
    expect(existsSync(pidFile)).toBe(false); // PostgreSQL shut down cleanly (it removes its pid file)
    expect(() => process.kill(restarted, 0)).toThrow();
  }, 240_000);
});
