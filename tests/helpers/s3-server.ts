/**
 * An S3-compatible server on 127.0.0.1 for integration tests: s3rver behind a small proxy that
 * adds what s3rver lacks, conditional PUT (If-Match / If-None-Match -> 412), so the adapter's
 * optimistic-concurrency path runs over real HTTP. Optional fault injection fails the Nth PUT.
 */
import { mkdtempSync } from 'node:fs';
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';

export interface S3TestServer {
  endpoint: string;
  client: S3Client;
  /** Fail PUTs whose count (from now on) matches, with a 503: simulates S3 failing mid-publish. */
  failPutsAfter(n: number | undefined): void;
  close(): Promise<void>;
}

const PRECONDITION_FAILED =
  '<?xml version="1.0" encoding="UTF-8"?><Error><Code>PreconditionFailed</Code><Message>At least one of the pre-conditions you specified did not hold</Message></Error>';

export async function startS3Server(buckets: string[]): Promise<S3TestServer> {
  const directory = mkdtempSync(join(tmpdir(), 's3rver-'));
  const s3rver = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: buckets.map((name) => ({ name, configs: [] })),
  });
  const { port: backendPort } = (await s3rver.run()) as AddressInfo;

  const forward = (req: IncomingMessage, res: ServerResponse, body: Buffer) => {
    const upstream = httpRequest(
      { host: '127.0.0.1', port: backendPort, method: req.method, path: req.url, headers: req.headers },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.on('error', () => res.writeHead(502).end());
    upstream.end(body);
  };
  const head = (req: IncomingMessage) =>
    new Promise<{ status: number; etag?: string }>((resolve, reject) => {
      const r = httpRequest(
        {
          host: '127.0.0.1',
          port: backendPort,
          method: 'HEAD',
          path: req.url?.split('?')[0],
          headers: { host: req.headers.host },
        },
        (up) => {
          up.resume();
          resolve({ status: up.statusCode ?? 0, etag: up.headers.etag });
        },
      );
      r.on('error', reject);
      r.end();
    });

  const locks = new Map<string, Promise<void>>();
  let putBudget: number | undefined;

  /** Runs `work` after every earlier request queued on `key`; it resolves when its response is sent. */
  const serialised = (key: string, work: () => Promise<void>) => {
    const current = (locks.get(key) ?? Promise.resolve()).then(work);
    locks.set(
      key,
      current.catch(() => {}),
    );
  };
  const forwardInTurn = (req: IncomingMessage, res: ServerResponse, body: Buffer) =>
    new Promise<void>((done) => {
      res.on('finish', done);
      res.on('close', done);
      forward(req, res, body);
    });

  const proxy = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const objectKey = req.url?.split('?')[0] ?? '';
      // S3 replaces an object atomically; s3rver writes it in place, so a GET racing a PUT of the
      // same key can read a half-written file. Requests on one object key are taken in turn.
      const isObject = /^\/[^/]+\/.+/.test(objectKey) && !req.url?.includes('list-type');
      if (req.method !== 'PUT') {
        if (!isObject) return forward(req, res, body);
        return serialised(objectKey, () => forwardInTurn(req, res, body));
      }
      if (putBudget !== undefined) {
        if (putBudget <= 0) {
          res
            .writeHead(503, { 'content-type': 'application/xml' })
            .end('<Error><Code>SlowDown</Code><Message>injected</Message></Error>');
          return;
        }
        putBudget--;
      }
      const ifMatch = req.headers['if-match'];
      const ifNoneMatch = req.headers['if-none-match'];
      // One request per key at a time, so check-then-write is atomic here.
      serialised(objectKey, async () => {
        if (ifMatch || ifNoneMatch) {
          const existing = await head(req);
          const exists = existing.status === 200;
          const failed =
            (ifNoneMatch === '*' && exists) ||
            (ifMatch !== undefined && (!exists || existing.etag !== ifMatch));
          if (failed) {
            res.writeHead(412, { 'content-type': 'application/xml' }).end(PRECONDITION_FAILED);
            return;
          }
        }
        await forwardInTurn(req, res, body);
      });
    });
  });
  await new Promise<void>((done) => proxy.listen(0, '127.0.0.1', done));
  const endpoint = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  const client = new S3Client({
    endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    // s3rver predates flexible checksums and aws-chunked uploads.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  return {
    endpoint,
    client,
    failPutsAfter(n) {
      putBudget = n;
    },
    async close() {
      client.destroy();
      proxy.closeAllConnections();
      await new Promise<void>((done) => proxy.close(() => done()));
      await s3rver.close();
    },
  };
}
