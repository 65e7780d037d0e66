import { log, openDatabase } from './cli-support.js';

/**
 * npm run rotate-keys: after adding a new key to ENCRYPTION_KEYS (and making it current with
 * ENCRYPTION_KEY_ID or by listing it last), re-encrypts every stored ID document and account
 * number under the current key. Start-up does the same; this runs it on demand and reports.
 * Keep the old key in ENCRYPTION_KEYS until this has run.
 */
const opened = await openDatabase();
log(`personal data now under key ${opened.security.keyRing.current}`);
await opened.close();
process.exit(0);
