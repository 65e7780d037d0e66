import { describe, expect, it } from 'vitest';
import type { ServiceContext } from '../services/context.js';
import type { SweepCounts } from '../services/workflow/sweeper.service.js';
import { startClockSweeper, type SweeperLog } from './clock-sweeper.job.js';

const ctx = {} as ServiceContext;
const ZERO: SweepCounts = { checked: 0, warnings: 0, breaches: 0, escalations: 0, failed: 0 };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function recorder(): SweeperLog & { lines: string[] } {
  const lines: string[] = [];
  return { lines, info: (m) => lines.push(`info ${m}`), error: (m) => lines.push(`error ${m}`) };
}

describe('startClockSweeper', () => {
  it('runs at once and then every interval, never two runs at the same time', async () => {
    let active = 0;
    let maxActive = 0;
    let runs = 0;
    let thirdRun: () => void = () => undefined;
    const threeRuns = new Promise<void>((resolve) => (thirdRun = resolve));
    const sweeper = startClockSweeper(ctx, {
      intervalMs: 5,
      log: recorder(),
      sweep: async () => {
        active += 1;
        maxActive = Math.max(maxActive, active);
        runs += 1;
        if (runs === 3) thirdRun();
        await sleep(20); // longer than the interval
        active -= 1;
        return ZERO;
      },
    });
    await threeRuns;
    await sweeper.stop();
    expect(runs).toBeGreaterThanOrEqual(3);
    expect(maxActive).toBe(1);
    const after = runs;
    await sleep(40);
    expect(runs).toBe(after);
  });

  it('a failing run is logged and the loop goes on', async () => {
    const log = recorder();
    let runs = 0;
    let thirdRun: () => void = () => undefined;
    const twoRunsDone = new Promise<void>((resolve) => (thirdRun = resolve));
    const sweeper = startClockSweeper(ctx, {
      intervalMs: 5,
      log,
      sweep: async () => {
        runs += 1;
        // a third run begins only after the second has finished and been logged
        if (runs === 3) thirdRun();
        if (runs === 1) throw new Error('database away');
        return { ...ZERO, checked: 1, breaches: 1 };
      },
    });
    await twoRunsDone;
    await sweeper.stop();
    expect(runs).toBeGreaterThanOrEqual(2);
    expect(log.lines[0]).toMatch(/^error clock sweeper: run failed: Error: database away/);
    expect(log.lines).toContain('info clock sweeper: 1 clocks, 0 warnings, 1 breaches, 0 escalations');
  });

  it('stop waits for the run in progress', async () => {
    let finished = false;
    let started: () => void = () => undefined;
    const running = new Promise<void>((resolve) => (started = resolve));
    const sweeper = startClockSweeper(ctx, {
      intervalMs: 1000,
      log: recorder(),
      sweep: async () => {
        started();
        await sleep(30);
        finished = true;
        return ZERO;
      },
    });
    // stop once the run has begun (a fixed wait could stop it before it starts on a busy machine)
    await running;
    await sweeper.stop();
    expect(finished).toBe(true);
  });
});
