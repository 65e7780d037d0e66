/**
 * Runs the clock sweeper every `intervalMs` in the server process. A run never overlaps the
 * previous one (the next is scheduled when the last has finished); a failing run is logged and the
 * loop goes on. Several app instances may each run one: the sweep itself shares the work safely.
 * The default run also raises the year-end calendar alert (once per year and administrator).
 */
import { alertUnconfirmedCalendar } from '../services/administration/calendar-alert.service.js';
import type { ServiceContext } from '../services/context.js';
import { sweepClocks, type SweepCounts, type SweepOptions } from '../services/workflow/sweeper.service.js';
import { sweepRectifications } from '../services/supervision/rectification-sweep.service.js';

export interface SweeperLog {
  info(message: string): void;
  error(message: string): void;
}

export interface ClockSweeperOptions {
  intervalMs: number;
  /** clocks per transaction */
  batch?: number;
  /** where runs and failures are reported (default: stderr for errors, nothing for quiet runs) */
  log?: SweeperLog;
  /** the sweep to run (tests replace it); default: the clocks, then the calendar alert */
  sweep?: (ctx: ServiceContext, opts: SweepOptions) => Promise<SweepCounts>;
}

/**
 * One run: every due clock, then the alert while a year the clocks need is unconfirmed (#9 item
 * 10). The alert is cheap when already sent (its key names the year), so it runs every time, and
 * at start-up since the first run is immediate.
 */
export async function sweepClocksAndCalendar(ctx: ServiceContext, opts: SweepOptions): Promise<SweepCounts> {
  const counts = await sweepClocks(ctx, opts);
  // the rectification requests of inspections (#14 item 1) run on the same sweep
  const rectifications = await sweepRectifications(ctx, opts);
  await alertUnconfirmedCalendar(ctx);
  return {
    checked: counts.checked + rectifications.checked,
    warnings: counts.warnings + rectifications.warnings,
    breaches: counts.breaches + rectifications.breaches,
    escalations: counts.escalations + rectifications.escalations,
    failed: counts.failed + rectifications.failed,
  };
}

export interface ClockSweeper {
  /** Stops the loop; resolves when a run in progress has finished. */
  stop(): Promise<void>;
}

const defaultLog: SweeperLog = {
  info: () => undefined,
  error: (message) => process.stderr.write(`${message}\n`),
};

function describeError(err: unknown): string {
  return err instanceof Error ? (err.stack ?? err.message) : String(err);
}

export function startClockSweeper(ctx: ServiceContext, opts: ClockSweeperOptions): ClockSweeper {
  const log = opts.log ?? defaultLog;
  const sweep = opts.sweep ?? sweepClocksAndCalendar;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;

  const runOnce = async () => {
    try {
      const r = await sweep(ctx, {
        batch: opts.batch,
        onError: (err, clockId) => log.error(`clock sweeper: clock ${clockId} failed: ${describeError(err)}`),
      });
      if (r.warnings + r.breaches + r.escalations + r.failed > 0) {
        log.info(
          `clock sweeper: ${r.checked} clocks, ${r.warnings} warnings, ${r.breaches} breaches, ${r.escalations} escalations${r.failed ? `, ${r.failed} failed` : ''}`,
        );
      }
    } catch (err) {
      log.error(`clock sweeper: run failed: ${describeError(err)}`);
    }
  };

  const schedule = (delay: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      timer = null;
      running = runOnce().finally(() => {
        running = null;
        schedule(opts.intervalMs);
      });
    }, delay);
    // the sweeper alone does not keep the process alive
    timer.unref();
  };

  // the first run at once: catches up whatever fell due while no instance was running
  schedule(0);

  return {
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      if (running) await running;
    },
  };
}
