/**
 * Keeps the embedded PostgreSQL running: when the postmaster exits without being asked to (killed,
 * crashed, out of memory), it is started again (PostgreSQL replays its WAL: crash recovery) and
 * that is logged. A start that fails is retried; the wait doubles from `initialDelayMs` up to
 * `maxDelayMs` while it keeps failing or dying, and falls back to the start once it has stayed up
 * for `stableMs`. Driven by the exit event: no polling timer.
 */
import type { Postmaster } from './embedded.js';

export interface SupervisorOptions {
  log: (message: string) => void;
  initialDelayMs?: number;
  maxDelayMs?: number;
  stableMs?: number;
  /** the clock and the wait (tests replace them) */
  now?: () => number;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

export interface EmbeddedSupervisor {
  /** Stops supervising (a start in progress finishes first); never restarts afterwards. */
  stop(): Promise<void>;
}

function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

export function superviseEmbeddedPostgres(postmaster: Postmaster, opts: SupervisorOptions): EmbeddedSupervisor {
  const initialDelay = opts.initialDelayMs ?? 500;
  const maxDelay = opts.maxDelayMs ?? 30_000;
  const stableMs = opts.stableMs ?? 60_000;
  const now = opts.now ?? Date.now;
  const sleep = opts.sleep ?? abortableSleep;
  const stopping = new AbortController();
  const stopped = new Promise<'stopped'>((resolve) => stopping.signal.addEventListener('abort', () => resolve('stopped'), { once: true }));
  let failures = 0;
  let upSince = now();

  const restart = async () => {
    for (;;) {
      const delay = Math.min(maxDelay, initialDelay * 2 ** Math.min(failures, 20));
      failures += 1;
      await sleep(delay, stopping.signal);
      if (stopping.signal.aborted) return;
      try {
        await postmaster.start();
        upSince = now();
        opts.log(`embedded PostgreSQL restarted (pid ${postmaster.pid() ?? '?'}); crash recovery done, serving again`);
        return;
      } catch (err) {
        opts.log(
          `embedded PostgreSQL: restart failed (${(err as Error).message}); next try in ${Math.min(maxDelay, initialDelay * 2 ** failures)} ms`,
        );
      }
    }
  };

  const loop = (async () => {
    for (;;) {
      const how = await Promise.race([postmaster.exited(), stopped]);
      if (how === 'stopped' || stopping.signal.aborted) return;
      if (now() - upSince >= stableMs) failures = 0;
      opts.log(`embedded PostgreSQL exited unexpectedly (${how}); restarting it`);
      await restart();
      if (stopping.signal.aborted) return;
    }
  })();

  return {
    stop: async () => {
      stopping.abort();
      await loop;
    },
  };
}
