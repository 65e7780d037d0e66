/**
 * The process's own figures (#16 item 8): what this instance's clock sweeper did and which jobs this
 * instance is working on. They live once per process (the sweeper and the job runner are per process)
 * and are registered in each app's registry. With several instances, each reports its own: add them
 * up in Prometheus (`sum(increase(complaints_clock_breaches_total[1h]))`).
 */
import { Counter, Gauge, type Registry } from 'prom-client';
import type { SweepCounts } from '../../services/workflow/sweeper.service.js';

const breaches = new Counter({
  name: 'complaints_clock_breaches_total',
  help: 'Clocks this instance marked breached (a deadline passed unmet)',
  registers: [],
});
const warnings = new Counter({ name: 'complaints_clock_warnings_total', help: 'Clock warnings this instance raised', registers: [] });
const escalations = new Counter({
  name: 'complaints_clock_escalations_total',
  help: 'Escalation steps this instance ran after breaches',
  registers: [],
});
const sweepFailures = new Counter({
  name: 'complaints_clock_sweep_failures_total',
  help: 'Clocks whose sweep failed (left as they were, retried next run), and sweeper runs that failed as a whole',
  registers: [],
});
const lastSweep = new Gauge({
  name: 'complaints_sweeper_last_run_timestamp_seconds',
  help: "Unix time at which this instance's clock sweeper last finished a run",
  registers: [],
});
const activeJobs = new Gauge({
  name: 'complaints_jobs_active',
  help: 'Jobs this instance is working on now, per queue',
  labelNames: ['queue'] as const,
  registers: [],
});

export function registerProcessMetrics(registry: Registry): void {
  for (const m of [breaches, warnings, escalations, sweepFailures, lastSweep, activeJobs]) registry.registerMetric(m);
}

/** Wraps a sweep (clock-sweeper.job's `sweep` option) so that its counts reach the metrics. */
export function countedSweep<C, O>(sweep: (ctx: C, opts: O) => Promise<SweepCounts>): (ctx: C, opts: O) => Promise<SweepCounts> {
  return async (ctx, opts) => {
    try {
      const r = await sweep(ctx, opts);
      breaches.inc(r.breaches);
      warnings.inc(r.warnings);
      escalations.inc(r.escalations);
      sweepFailures.inc(r.failed);
      return r;
    } catch (err) {
      sweepFailures.inc();
      throw err;
    } finally {
      lastSweep.setToCurrentTime();
    }
  };
}

/** The job runner's `onActive`: jobs of a queue taken (+n) or finished (-n) by this instance. */
export function trackActiveJobs(queue: string, delta: number): void {
  activeJobs.inc({ queue }, delta);
}
