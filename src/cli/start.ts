import { buildApp } from '../http/app.js';
import { demoComplaintCount, seedDemoComplaints } from '../services/demo-seed.service.js';
import { log, openDatabase } from './cli-support.js';

/**
 * npm start: PostgreSQL (embedded unless DATABASE_URL), migrations, reference data, demo data on
 * the first start (unless SEED_DEMO=false or production), then the server; prints the URL.
 */
const started = performance.now();
const opened = await openDatabase();
const { config, db } = opened;

if (config.seedDemo && (await demoComplaintCount(db)) === 0) {
  const total = await db.selectFrom('complaints').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  if (Number(total.n) === 0) {
    log('seeding demo data (first start)…');
    await seedDemoComplaints(db, config.timeZone, { count: 200, now: new Date(), onProgress: (d, t) => log(`  demo complaints ${d}/${t}`) });
  }
}

const app = await buildApp({ db, timeZone: config.timeZone, logLevel: config.logLevel === 'info' ? 'warn' : config.logLevel });
await app.listen({ port: config.port, host: config.host });
const address = app.server.address();
const port = typeof address === 'object' && address ? address.port : config.port;
const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
log(`ready in ${Math.round(performance.now() - started)} ms`);
log(`投诉管理系统已启动 / Complaint system running: http://${host}:${port}/`);
log(`API docs: http://${host}:${port}/api/docs`);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log(`${signal}: shutting down`);
  await app.close();
  await opened.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
