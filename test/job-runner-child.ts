/**
 * A job runner in a process of its own, for the crash test (#11): started with the database URL
 * and the SMS gateway's URL, it prints "ready" and works until it is killed.
 */
import { createDatabase } from '../src/db/database.js';
import { startJobRunner } from '../src/jobs/job-runner.js';
import { DEVELOPMENT_CHANNELS } from '../src/services/channels/channel-settings.js';
import { buildTransports } from '../src/services/channels/transports/index.js';
import { testSecurity } from './test-constants.js';

const [url, smsUrl] = process.argv.slice(2);
if (!url || !smsUrl) throw new Error('usage: job-runner-child <database url> <sms url>');
const db = createDatabase(url, 3);
const ctx = {
  db,
  timeZone: 'Asia/Shanghai',
  now: () => new Date('2026-11-25T02:00:00Z'),
  security: testSecurity(),
  channels: {
    ...DEVELOPMENT_CHANNELS,
    sms: {
      url: smsUrl,
      method: 'POST' as const,
      contentType: 'application/json',
      bodyTemplate: '{"phone":"{{phone}}","content":"{{text}}"}',
      authHeader: null,
      success: 'status:2xx',
      idPath: null,
    },
  },
};
await startJobRunner(ctx, { transports: buildTransports(ctx), pollSeconds: 0.5, maintenanceSeconds: 1, schedules: false });
process.stdout.write('ready\n');
