/**
 * The SMS gateway the browser tests' server talks to (#11): a real HTTP receiver on its own port.
 * It accepts every message (answering a gateway id) except to numbers it was told to refuse
 * (400, a refusal for good); `POST /control {"refuse": [...], "accept": [...]}` changes that, and
 * `GET /received` lists what arrived.
 */
import { createServer } from 'node:http';

const refused = new Set<string>(['13900000400']);
const received: Array<{ phone: string; content: string; key: string | undefined; at: string }> = [];

export function startSmsGateway(port: number): void {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const answer = (status: number, value: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(value));
      };
      if (req.url === '/received') return answer(200, received);
      if (req.url === '/control' && req.method === 'POST') {
        const c = JSON.parse(body || '{}') as { refuse?: string[]; accept?: string[] };
        c.refuse?.forEach((p) => refused.add(p));
        c.accept?.forEach((p) => refused.delete(p));
        return answer(200, { refused: [...refused] });
      }
      const m = JSON.parse(body || '{}') as { phone?: string; content?: string };
      const phone = m.phone ?? '';
      if (refused.has(phone)) return answer(400, { code: 40001, msg: 'number refused' });
      received.push({
        phone,
        content: m.content ?? '',
        key: req.headers['x-idempotency-key'] as string | undefined,
        at: new Date().toISOString(),
      });
      return answer(200, { code: 0, data: { msgId: `e2e-${received.length}` } });
    });
  });
  server.listen(port, '127.0.0.1');
  server.unref();
}
