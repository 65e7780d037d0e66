import { log, openDatabase } from './cli-support.js';

/** npm run migrate: applies pending migrations and the reference seed, then exits. */
const opened = await openDatabase();
log('database is up to date');
await opened.close();
