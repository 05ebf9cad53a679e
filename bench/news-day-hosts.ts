/**
 * The news day's hosts, in a process of their own, as the real hosts are machines of their own:
 * one local server per original host, injected latency per response, the feeds as the day
 * recorded them (links rewritten to these servers) and the extraction benchmark's real pages
 * (stored compressed, inflated per response as a server would send them). Serving them costs CPU
 * (inflating pages, writing responses) that is not the product's, so it must not run on the thread
 * whose time the bench measures. bench/news-day.ts forks this file; it answers over IPC.
 */
import { fork } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

export interface HostsOptions {
  corpora: string;
  day: string;
  /** Injected latency per response, uniform in [min, max] ms (deterministic). */
  latencyMs: [number, number];
}

/** One response served: its host, its injected latency, what it was, and when it was asked (epoch ms). */
export interface Served {
  host: string;
  ms: number;
  kind: 'feed' | 'page';
  at: number;
}

export interface ReplayHosts {
  /** The day's feeds, by name and local address. */
  sources: { name: string; url: string }[];
  hosts: number;
  /** Closes the servers and returns every response served. */
  stop(): Promise<Served[]>;
}

interface DayFeed {
  name: string;
  url: string;
  source_feed: string;
}

type Message = { ready: { sources: ReplayHosts['sources']; hosts: number } } | { served: Served[] };

/** A deterministic number in [0, 1) for a key: the same day is replayed the same way every run. */
function unit(key: string): number {
  return createHash('sha256').update(key).digest().readUInt32BE(0) / 2 ** 32;
}

/** Starts the hosts in a child process; resolves once every server listens. */
export function forkReplayHosts(options: HostsOptions): Promise<ReplayHosts> {
  const child = fork(fileURLToPath(import.meta.url), [JSON.stringify(options)], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) =>
      reject(new Error(`the replay hosts exited (${code}) before they were ready`)),
    );
    child.once('message', (message: Message) => {
      if (!('ready' in message)) return reject(new Error('the replay hosts answered out of turn'));
      child.removeAllListeners('exit');
      resolve({
        ...message.ready,
        stop: () =>
          new Promise<Served[]>((done, fail) => {
            child.once('exit', (code) =>
              fail(new Error(`the replay hosts exited (${code}) before their log`)),
            );
            child.once('message', (m: Message) => done('served' in m ? m.served : []));
            child.send('stop');
          }),
      });
    });
  });
}

async function serve(options: HostsOptions): Promise<void> {
  const dayDir = join(options.corpora, 'news-days', options.day);
  const feeds = JSON.parse(readFileSync(join(dayDir, 'feeds.json'), 'utf8')) as DayFeed[];
  const bodies = feeds.map((f) => readFileSync(join(dayDir, f.url), 'utf8'));
  const pagesDir = join(options.corpora, 'article-extraction-benchmark/html');
  const pages = readdirSync(pagesDir)
    .sort()
    .map((f) => readFileSync(join(pagesDir, f)));

  // One server per original host: the feeds' own hosts and every host their links point at.
  const hosts = new Set<string>();
  for (const f of feeds) hosts.add(new URL(f.source_feed).host.toLowerCase());
  for (const body of bodies)
    for (const m of body.matchAll(/https?:\/\/([a-z0-9.-]+)/gi)) hosts.add(m[1]!.toLowerCase());
  const served: Served[] = [];
  const servers: Server[] = [];
  const base = new Map<string, string>();
  const feedBodies = new Map<string, string>();
  for (const host of hosts) {
    const server = createServer((req, res) => {
      const path = req.url ?? '/';
      const feed = feedBodies.get(`${host}${path}`);
      const [min, max] = options.latencyMs;
      const ms = Math.round(min + unit(`${host}${path}`) * (max - min));
      served.push({ host, ms, kind: feed === undefined ? 'page' : 'feed', at: Date.now() });
      setTimeout(() => {
        if (feed !== undefined) {
          res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(feed);
          return;
        }
        const page = gunzipSync(pages[Math.floor(unit(path) * pages.length)]!);
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
      }, ms);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    servers.push(server);
    base.set(host, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  }
  const rewrite = (text: string) =>
    text.replace(/https?:\/\/([a-z0-9.-]+)/gi, (url, host: string) => base.get(host.toLowerCase()) ?? url);
  const sources = feeds.map((f, i) => {
    const url = new URL(f.source_feed);
    feedBodies.set(`${url.host}${url.pathname}${url.search}`, rewrite(bodies[i]!));
    return { name: f.name, url: `${base.get(url.host)}${url.pathname}${url.search}` };
  });
  // The bench gone (killed, crashed), the hosts go too.
  process.on('disconnect', () => process.exit(0));
  process.on('message', (message) => {
    if (message !== 'stop') return;
    for (const s of servers) {
      s.closeAllConnections();
      s.close();
    }
    process.send!({ served } satisfies Message, () => process.exit(0));
  });
  process.send!({ ready: { sources, hosts: hosts.size } } satisfies Message);
}

if (process.argv[1] === fileURLToPath(import.meta.url))
  await serve(JSON.parse(process.argv[2]!) as HostsOptions);
