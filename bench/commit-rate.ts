/**
 * The raw commit rate of a PostgreSQL (#16): single-row INSERTs in autocommit into `bench_commit`
 * (created if missing), the yardstick the intake benchmarks put their throughput next to.
 */
import pgLib from 'pg';

/** Single-row INSERT commits per second from `clients` connections for `seconds`, on their own table. */
export async function rawCommitRate(url: string, clients: number, seconds: number): Promise<number> {
  const admin = new pgLib.Client({ connectionString: url });
  await admin.connect();
  await admin.query('CREATE TABLE IF NOT EXISTS bench_commit (id bigserial PRIMARY KEY, at timestamptz NOT NULL DEFAULT now(), note text)');
  await admin.end();
  let done = 0;
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      const c = new pgLib.Client({ connectionString: url });
      await c.connect();
      while (performance.now() < until) {
        await c.query('INSERT INTO bench_commit (note) VALUES ($1)', ['x']);
        done++;
      }
      await c.end();
    }),
  );
  return done / seconds;
}
