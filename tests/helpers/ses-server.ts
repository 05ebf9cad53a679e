/** aws-ses-v2-local on 127.0.0.1 (port 0), read back through its /store endpoint. */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SESClient } from '@aws-sdk/client-ses';
import * as sesLocal from 'aws-ses-v2-local';

type Start = (config?: { host?: string; port?: number }) => Promise<Server>;
// CommonJS with an ES default export: unwrap whichever shape the loader produced.
const mod = sesLocal as unknown as { default: Start | { default: Start } };
const start: Start = typeof mod.default === 'function' ? mod.default : mod.default.default;

export interface StoredEmail {
  messageId: string;
  from: string;
  subject: string;
  destination: { to: string[] };
  body: { text?: string; html?: string };
}

export interface SesTestServer {
  endpoint: string;
  client: SESClient;
  emails(): Promise<StoredEmail[]>;
  close(): Promise<void>;
}

export async function startSesServer(): Promise<SesTestServer> {
  const server = await start({ host: '127.0.0.1', port: 0 });
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const client = new SESClient({
    endpoint,
    region: 'eu-west-2',
    credentials: { accessKeyId: 'x', secretAccessKey: 'y' },
  });
  return {
    endpoint,
    client,
    async emails() {
      const res = await fetch(`${endpoint}/store`);
      return ((await res.json()) as { emails: StoredEmail[] }).emails;
    },
    async close() {
      client.destroy();
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}
