/**
 * A real HTTP receiver for SMS gateways and webhooks in tests (#11): records every request and
 * answers as the test says (`respond`), by default 200 with a gateway-like JSON answer.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  at: Date;
}

export interface Answer {
  status: number;
  body?: string;
  /** never answer (a hanging gateway); the request still counts as received */
  hang?: boolean;
}

export interface HttpReceiver {
  url: string;
  requests: ReceivedRequest[];
  /** decides each answer; `n` counts the requests so far, this one included */
  respond: (req: ReceivedRequest, n: number) => Answer;
  close(): Promise<void>;
}

export async function startHttpReceiver(): Promise<HttpReceiver> {
  const receiver: HttpReceiver = {
    url: '',
    requests: [],
    respond: (req) => ({ status: 200, body: JSON.stringify({ code: 0, data: { msgId: `gw-${req.headers['x-idempotency-key'] ?? ''}` } }) }),
    close: async () => undefined,
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const r: ReceivedRequest = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        at: new Date(),
      };
      receiver.requests.push(r);
      const a = receiver.respond(r, receiver.requests.length);
      if (a.hang) return;
      res.writeHead(a.status, { 'content-type': 'application/json' });
      res.end(a.body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  receiver.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return receiver;
}
