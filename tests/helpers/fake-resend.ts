import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type ReceivedEmail = {
  idempotencyKey: string | undefined;
  authorization: string | undefined;
  body: { from: string; to: string[]; subject: string; html: string; text: string };
};

type Reply = { status: number; body?: unknown; headers?: Record<string, string> };

/**
 * A stand-in for Resend's HTTP API on 127.0.0.1: records every POST /emails and answers as Resend
 * does, including its idempotency (a repeated key gets the first answer and sends nothing new).
 * `failNext` queues error replies (500, 429 with retry-after...) for the next requests.
 */
export async function startFakeResend() {
  const received: ReceivedEmail[] = [];
  const delivered = new Map<string, string>();
  const failures: Reply[] = [];
  let requests = 0;

  const server: Server = createServer(async (req, res) => {
    requests += 1;
    const raw = await readBody(req);
    const reply = (r: Reply) => {
      res.writeHead(r.status, { 'content-type': 'application/json', ...r.headers });
      res.end(JSON.stringify(r.body ?? {}));
    };
    if (req.method !== 'POST' || req.url !== '/emails') return reply({ status: 404, body: { statusCode: 404, name: 'not_found', message: 'not found' } });
    const failure = failures.shift();
    if (failure) return reply(failure);
    const key = header(req, 'idempotency-key');
    const existing = key ? delivered.get(key) : undefined;
    if (existing) return reply({ status: 200, body: { id: existing } });
    const id = `fake-${received.length + 1}`;
    if (key) delivered.set(key, id);
    received.push({ idempotencyKey: key, authorization: header(req, 'authorization'), body: JSON.parse(raw) });
    reply({ status: 200, body: { id } });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    received,
    get requests() {
      return requests;
    },
    failNext(...replies: Reply[]) {
      failures.push(...replies);
    },
    /** Emails sent to an address, newest last. */
    to(address: string) {
      return received.filter((m) => m.body.to.includes(address));
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type FakeResend = Awaited<ReturnType<typeof startFakeResend>>;

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => (data += chunk));
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });
}
