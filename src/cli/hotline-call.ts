/**
 * Plays the telephony system for a demo (#12 item 3): sends one signed call event to the server.
 *
 *   HOTLINE_WEBHOOK_SECRET=… npx tsx src/cli/hotline-call.ts --caller 13912345678 --agent agent
 *   HOTLINE_WEBHOOK_SECRET=… npx tsx src/cli/hotline-call.ts --end --call-id CALL-… --recording https://rec.example.com/1.mp3
 *
 * Options: --url (default http://localhost:$PORT or :3000), --caller, --agent, --callee, --call-id
 * (default a new one, printed), --end (call.ended instead of call.started), --started (ISO time,
 * default now; with --end: when the call began, default 3 minutes ago), --recording (https URL).
 * The server must run with the same HOTLINE_WEBHOOK_SECRET.
 */
import { parseArgs } from 'node:util';
import { signHotlineEvent } from '../domain/hotline/hotline-signature.js';

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: `http://localhost:${process.env.PORT ?? '3000'}` },
    caller: { type: 'string', default: '13912345678' },
    agent: { type: 'string' },
    callee: { type: 'string', default: '95500' },
    'call-id': { type: 'string' },
    end: { type: 'boolean', default: false },
    started: { type: 'string' },
    recording: { type: 'string' },
  },
});

const secret = process.env.HOTLINE_WEBHOOK_SECRET;
if (!secret) {
  process.stderr.write('HOTLINE_WEBHOOK_SECRET is not set (use the value the server runs with)\n');
  process.exit(2);
}

const now = new Date();
const callId = values['call-id'] ?? `CALL-${now.toISOString().replace(/\D/g, '').slice(0, 14)}-${Math.floor(Math.random() * 10_000)}`;
const startedAt = values.started ?? (values.end ? new Date(now.getTime() - 180_000) : now).toISOString();
const event = {
  event: values.end ? 'call.ended' : 'call.started',
  callId,
  caller: values.caller,
  callee: values.callee,
  ...(values.agent ? { agent: values.agent } : {}),
  startedAt,
  ...(values.end ? { endedAt: now.toISOString() } : {}),
  ...(values.recording ? { recordingUrl: values.recording } : {}),
};
const body = JSON.stringify(event);
const timestamp = Math.floor(now.getTime() / 1000);
const res = await fetch(new URL('/api/hotline/events', values.url), {
  method: 'POST',
  headers: {
    'content-type': 'application/json',
    'x-hotline-timestamp': String(timestamp),
    'x-hotline-signature': signHotlineEvent(secret, timestamp, body),
  },
  body,
});
process.stdout.write(`${event.event} ${callId}: ${res.status} ${await res.text()}\n`);
process.exit(res.ok ? 0 : 1);
