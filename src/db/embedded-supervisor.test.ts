import { describe, expect, it } from 'vitest';
import type { Postmaster } from './embedded.js';
import { superviseEmbeddedPostgres } from './embedded-supervisor.js';

/** A postmaster the test kills and whose starts succeed or fail as scripted. */
function fakePostmaster(startResults: boolean[] = []) {
  let die: (how: string) => void = () => undefined;
  let exit = new Promise<string>((r) => (die = r));
  let starts = 0;
  const startCalled: Array<() => void> = [];
  const postmaster: Postmaster = {
    pid: () => 4242,
    exited: () => exit,
    start: async () => {
      starts += 1;
      startCalled.splice(0).forEach((f) => f());
      const ok = startResults.shift() ?? true;
      if (!ok) throw new Error('pre-existing shared memory block is still in use');
      exit = new Promise<string>((r) => (die = r));
    },
  };
  return {
    postmaster,
    kill: (how = 'signal SIGKILL') => die(how),
    starts: () => starts,
    nextStart: () => new Promise<void>((r) => startCalled.push(r)),
  };
}

const tick = () => new Promise((r) => setImmediate(r));

function harness(startResults?: boolean[]) {
  const pm = fakePostmaster(startResults);
  const lines: string[] = [];
  const sleeps: number[] = [];
  let clock = 0;
  const supervisor = superviseEmbeddedPostgres(pm.postmaster, {
    log: (m) => lines.push(m),
    initialDelayMs: 100,
    maxDelayMs: 1_000,
    stableMs: 10_000,
    now: () => clock,
    sleep: async (ms) => {
      sleeps.push(ms);
      clock += ms;
    },
  });
  return { pm, lines, sleeps, supervisor, advance: (ms: number) => (clock += ms) };
}

describe('superviseEmbeddedPostgres (#9 item 3)', () => {
  it('restarts a postmaster that died and logs both', async () => {
    const h = harness();
    const started = h.pm.nextStart();
    h.pm.kill();
    await started;
    await tick();
    expect(h.pm.starts()).toBe(1);
    expect(h.lines[0]).toMatch(/exited unexpectedly \(signal SIGKILL\)/);
    expect(h.lines[1]).toMatch(/restarted \(pid 4242\)/);
    await h.supervisor.stop();
  });

  it('retries a failing start with a growing wait, capped', async () => {
    const h = harness([false, false, false, false, false, true]);
    h.pm.kill();
    while (h.pm.starts() < 6) await tick();
    await tick();
    expect(h.sleeps).toEqual([100, 200, 400, 800, 1_000, 1_000]);
    expect(h.lines.filter((l) => l.includes('restart failed'))).toHaveLength(5);
    expect(h.lines.at(-1)).toMatch(/restarted/);
    await h.supervisor.stop();
  });

  it('backs off when it keeps dying, and starts again quickly once it stayed up', async () => {
    const h = harness();
    for (let i = 0; i < 3; i++) {
      const started = h.pm.nextStart();
      h.pm.kill();
      await started;
      await tick();
    }
    expect(h.sleeps).toEqual([100, 200, 400]); // died right after each restart
    h.advance(10_000); // up long enough to count as healthy
    const started = h.pm.nextStart();
    h.pm.kill();
    await started;
    expect(h.sleeps.at(-1)).toBe(100);
    await h.supervisor.stop();
  });

  it('never restarts after stop (a clean shutdown stops the postmaster itself)', async () => {
    const h = harness();
    await h.supervisor.stop();
    h.pm.kill('exit code 0');
    await tick();
    await tick();
    expect(h.pm.starts()).toBe(0);
    expect(h.lines).toEqual([]);
  });
});
