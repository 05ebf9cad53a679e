/**
 * A proxy in front of aws-ses-v2-local that misbehaves on purpose, over real HTTP, so the real
 * @aws-sdk/client-ses and the SES adapter's error mapping run: answer SES's own Query-protocol
 * errors (Throttling, a spent daily quota, MessageRejected, 5xx) for chosen recipients, or hold a
 * request back and drop it if the sender dies meanwhile (nothing reaches SES).
 */
import { createServer, request as httpRequest, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export type SesFault = { status: number; code: string; message: string };

export const FAULTS = {
  throttled: { status: 400, code: 'Throttling', message: 'Maximum sending rate exceeded.' },
  quota: { status: 400, code: 'Throttling', message: 'Daily message quota exceeded.' },
  rejected: { status: 400, code: 'MessageRejected', message: 'Email address is not verified.' },
  unavailable: { status: 503, code: 'ServiceUnavailable', message: 'Service is unavailable.' },
} satisfies Record<string, SesFault>;

export interface SesProxy {
  endpoint: string;
  /** Decide per request (recipient, how many requests for them so far): a fault, or undefined to pass. */
  fault(rule: ((to: string, attempt: number) => SesFault | undefined) | undefined): void;
  /** Hold every request this long before passing it on; one whose client is gone is dropped. */
  holdMs(ms: number): void;
  /** Requests that reached SES, per recipient. */
  delivered(): Map<string, number>;
  close(): Promise<void>;
}

export async function startSesProxy(target: string): Promise<SesProxy> {
  const upstream = new URL(target);
  let rule: ((to: string, attempt: number) => SesFault | undefined) | undefined;
  let hold = 0;
  const attempts = new Map<string, number>();
  const delivered = new Map<string, number>();
  const server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    let gone = false;
    req.socket.on('close', () => {
      gone = true;
    });
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const body = Buffer.concat(chunks);
      const to = new URLSearchParams(body.toString('utf8')).get('Destinations.member.1') ?? '';
      const attempt = (attempts.get(to) ?? 0) + 1;
      attempts.set(to, attempt);
      const fault = rule?.(to, attempt);
      if (fault) {
        res
          .writeHead(fault.status, { 'content-type': 'text/xml' })
          .end(
            `<ErrorResponse xmlns="http://ses.amazonaws.com/doc/2010-12-01/"><Error><Type>Sender</Type><Code>${fault.code}</Code><Message>${fault.message}</Message></Error><RequestId>local</RequestId></ErrorResponse>`,
          );
        return;
      }
      if (hold > 0) await new Promise((r) => setTimeout(r, hold));
      if (gone) return;
      const forward = httpRequest(
        {
          host: upstream.hostname,
          port: upstream.port,
          method: req.method,
          path: req.url,
          headers: req.headers,
        },
        (up) => {
          if (up.statusCode === 200) delivered.set(to, (delivered.get(to) ?? 0) + 1);
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
        },
      );
      forward.on('error', () => {
        if (!res.headersSent) res.writeHead(502);
        res.end();
      });
      forward.end(body);
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    fault(next) {
      rule = next;
      attempts.clear();
    },
    holdMs(ms) {
      hold = ms;
    },
    delivered: () => new Map(delivered),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}
