/**
 * The one HTTP client for feeds and pages, on node:http(s). It resolves every host itself and
 * connects only to an address it has checked (no DNS-rebinding gap), follows redirects with a
 * loop guard and re-checks each hop, decodes gzip/deflate/br while counting decoded bytes (a
 * bomb or an endless body stops at the cap), retries 429/5xx and network errors with full
 * jitter honouring Retry-After within the request's time budget, and bounds concurrency
 * globally and per host.
 */

import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import type { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { FetchConfig } from '#config/schema.ts';
import { backoffDelay } from '#domain/backoff.ts';
import {
  BlockedUrlError,
  HttpError,
  ResponseTooLargeError,
  SkippedError,
  TimeoutError,
} from '#domain/errors.ts';
import type { HttpClient, HttpRequest, HttpResponse } from '#ports/ports.ts';
import { assertAllowedUrl, assertPublicAddress, isBlockedAddress } from './address-guard.ts';
import { createHostLimiter } from './host-limiter.ts';

export interface HttpClientOptions {
  userAgent: string;
  connectTimeoutMs: number;
  timeoutMs: number;
  retries: number;
  maxBytes: number;
  concurrency: number;
  perHost: number;
  /** Tests on 127.0.0.1 only; production never sets it. */
  allowPrivateNetwork: boolean;
  maxRedirects?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** DNS resolution, replaceable in tests to simulate a public name resolving to a private address. */
  resolve?: (host: string) => Promise<string[]>;
}

const RETRYABLE_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
]);
const FETCH_BACKOFF = { baseMs: 500, capMs: 10_000 };

/** Failures worth another attempt: network trouble, not a refusal or a spent budget. */
const retryable = new WeakSet<Error>();
function markRetryable<E extends Error>(error: E): E {
  retryable.add(error);
  return error;
}

const KEEP_ALIVE = { keepAlive: true, maxFreeSockets: 4 };

interface Hop {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  location?: string;
}

const defaultResolve = (host: string) =>
  new Promise<string[]>((resolve, reject) =>
    dnsLookup(host, { all: true }, (error, addresses: LookupAddress[]) =>
      error ? reject(error) : resolve(addresses.map((a) => a.address)),
    ),
  );

/** The client a run uses, from its fetch configuration. */
export function createHttpClientFromConfig(
  fetch: FetchConfig,
  allowPrivateNetwork = fetch.allowPrivateNetwork,
): HttpClient {
  return createHttpClient({
    userAgent: fetch.userAgent,
    connectTimeoutMs: fetch.connectTimeoutMs,
    timeoutMs: fetch.timeoutMs,
    retries: fetch.retries,
    maxBytes: fetch.maxPageBytes,
    concurrency: fetch.concurrency,
    perHost: fetch.perHost,
    allowPrivateNetwork,
  });
}

export function createHttpClient(options: HttpClientOptions): HttpClient {
  const limiter = createHostLimiter(options.concurrency, options.perHost);
  // Connections are reused per host, but never from an unchecked request for a checked one: a
  // socket the operator's feed opened to an internal address must not carry a feed's link there.
  const agents = {
    checked: { 'http:': new HttpAgent(KEEP_ALIVE), 'https:': new HttpsAgent(KEEP_ALIVE) },
    unchecked: { 'http:': new HttpAgent(KEEP_ALIVE), 'https:': new HttpsAgent(KEEP_ALIVE) },
  };
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const random = options.random ?? Math.random;
  const resolveHost = options.resolve ?? defaultResolve;
  const maxRedirects = options.maxRedirects ?? 5;

  /** A lookup that only ever hands the socket a checked address. */
  const guardedLookup =
    (url: string, check: boolean): LookupFunction =>
    (hostname, lookupOptions, callback) => {
      resolveHost(hostname).then(
        (addresses) => {
          const wantAll = (lookupOptions as { all?: boolean }).all === true;
          const usable = check ? addresses.filter((a) => !isBlockedAddress(a)) : addresses;
          if (usable.length === 0 || (check && usable.length !== addresses.length)) {
            const bad = addresses.find((a) => isBlockedAddress(a)) ?? 'none';
            callback(new BlockedUrlError(`blocked address ${bad} for ${hostname}`, url), '', 4);
            return;
          }
          const family = (a: string) => (isIP(a) === 6 ? 6 : 4);
          if (wantAll) {
            (callback as unknown as (e: null, a: LookupAddress[]) => void)(
              null,
              usable.map((a) => ({ address: a, family: family(a) })),
            );
          } else callback(null, usable[0]!, family(usable[0]!));
        },
        (error: Error) => callback(error as NodeJS.ErrnoException, '', 4),
      );
    };

  function fetchHop(
    url: URL,
    check: boolean,
    request: HttpRequest,
    deadline: number,
    maxBytes: number,
  ): Promise<Hop> {
    return new Promise<Hop>((resolve, reject) => {
      const remaining = deadline - Date.now();
      if (remaining <= 0) {
        reject(
          new TimeoutError(`timed out after ${request.timeoutMs ?? options.timeoutMs} ms`, url.toString()),
        );
        return;
      }
      if (check && isIP(url.hostname.replace(/^\[|\]$/g, '')))
        assertPublicAddress(url.hostname, url.toString());
      const headers: Record<string, string> = {
        'user-agent': options.userAgent,
        accept:
          'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/html;q=0.8, */*;q=0.5',
        'accept-encoding': 'gzip, deflate, br',
        ...request.headers,
      };
      if (request.etag) headers['if-none-match'] = request.etag;
      if (request.lastModified) headers['if-modified-since'] = request.lastModified;
      const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
      let settled = false;
      const fail = (error: Error) => {
        if (settled) return;
        settled = true;
        clearTimeout(totalTimer);
        req.destroy();
        reject(error);
      };
      const req = send(url, {
        method: 'GET',
        headers,
        agent: agents[check ? 'checked' : 'unchecked'][url.protocol as 'http:' | 'https:'],
        lookup: guardedLookup(url.toString(), check),
      });
      const totalTimer = setTimeout(
        () =>
          fail(
            new TimeoutError(`timed out after ${request.timeoutMs ?? options.timeoutMs} ms`, url.toString()),
          ),
        remaining,
      );
      req.on('socket', (socket) => {
        if (!socket.connecting) return;
        const connectTimer = setTimeout(
          () =>
            fail(
              markRetryable(
                new TimeoutError(`connect timed out after ${options.connectTimeoutMs} ms`, url.toString()),
              ),
            ),
          options.connectTimeoutMs,
        );
        socket.once('connect', () => clearTimeout(connectTimer));
        socket.once('close', () => clearTimeout(connectTimer));
      });
      req.on('error', (error: NodeJS.ErrnoException) => {
        if (error instanceof HttpError) return fail(error);
        const code = error.code ? ` (${error.code})` : '';
        const what =
          error.code === 'ECONNREFUSED'
            ? 'connection refused'
            : error.code === 'ENOTFOUND'
              ? 'host not found'
              : error.message;
        const wrapped = new HttpError(
          `${what}${what.includes(error.code ?? '\0') ? '' : code}`,
          url.toString(),
          undefined,
          { cause: error },
        );
        fail(RETRYABLE_CODES.has(error.code ?? '') ? markRetryable(wrapped) : wrapped);
      });
      req.on('response', (res: IncomingMessage) => {
        const responseHeaders = flattenHeaders(res.headers);
        const status = res.statusCode ?? 0;
        if (status >= 300 && status < 400 && status !== 304 && responseHeaders.location) {
          // The body is never read: closing the response ends the download (a body that never
          // ends cannot outlive the request) and the connection with it.
          settled = true;
          clearTimeout(totalTimer);
          res.destroy();
          req.destroy();
          resolve({
            status,
            headers: responseHeaders,
            body: Buffer.alloc(0),
            location: responseHeaders.location,
          });
          return;
        }
        const encoding = (responseHeaders['content-encoding'] ?? '').trim().toLowerCase();
        const declared = Number(responseHeaders['content-length']);
        if ((encoding === '' || encoding === 'identity') && declared > maxBytes) {
          // Refuse before reading a byte; compressed bodies are judged by their decoded size below.
          fail(new ResponseTooLargeError(`response larger than ${maxBytes} bytes`, url.toString(), status));
          res.destroy();
          return;
        }
        const stream = decoderFor(res, encoding);
        const chunks: Buffer[] = [];
        let size = 0;
        stream.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBytes) {
            // Settle first: destroying the socket emits 'aborted', which must not win.
            fail(new ResponseTooLargeError(`response larger than ${maxBytes} bytes`, url.toString(), status));
            res.destroy();
            stream.destroy();
            return;
          }
          chunks.push(chunk);
        });
        stream.on('error', (error: Error) =>
          fail(new HttpError(`bad response body: ${error.message}`, url.toString(), status)),
        );
        stream.on('end', () => {
          if (settled) return;
          settled = true;
          clearTimeout(totalTimer);
          resolve({ status, headers: responseHeaders, body: Buffer.concat(chunks) });
        });
        res.on('aborted', () =>
          fail(markRetryable(new HttpError('connection reset during the body', url.toString(), status))),
        );
      });
      req.end();
    });
  }

  /**
   * One attempt through its redirects. Each hop waits for its own slot; the request's budget is
   * charged only from the moment the hop holds it.
   */
  async function fetchFollowing(
    request: HttpRequest,
    budget: RequestBudget,
    maxBytes: number,
  ): Promise<HttpResponse> {
    const seen = new Set<string>();
    let current = assertAllowedUrl(request.url);
    // The operator's own feed URL may be anywhere; what feed content points at, and every redirect, must be public.
    let check = !options.allowPrivateNetwork && request.untrusted === true;
    for (let hop = 0; ; hop++) {
      seen.add(current.toString());
      const hopUrl = current;
      const hopCheck = check;
      const result = await limiter.run(
        current.host,
        async () => {
          const started = Date.now();
          try {
            return await fetchHop(hopUrl, hopCheck, request, started + budget.left(), maxBytes);
          } finally {
            budget.charge(Date.now() - started);
          }
        },
        request.signal,
      );
      if (!result.location) {
        return toResponse(current.toString(), result);
      }
      if (hop >= maxRedirects)
        throw new HttpError(`more than ${maxRedirects} redirects`, request.url, result.status);
      const next = assertAllowedUrl(new URL(result.location, current).toString());
      if (seen.has(next.toString())) throw new HttpError('redirect loop', request.url, result.status);
      current = next;
      check = !options.allowPrivateNetwork;
    }
  }

  return {
    async get(request: HttpRequest): Promise<HttpResponse> {
      const budget = request.timeoutMs ?? options.timeoutMs;
      const own = requestBudget(budget);
      const maxBytes = request.maxBytes ?? options.maxBytes;
      const exhausted = (failure: Error, attempts: number) =>
        new HttpError(
          `${failure.message} after ${attempts} ${attempts === 1 ? 'attempt' : 'attempts'}`,
          request.url,
          failure instanceof HttpError ? failure.status : undefined,
          { cause: failure },
        );
      let previous: Error | undefined;
      for (let attempt = 0; ; attempt++) {
        let retryAfterMs: number | undefined;
        let failure: Error;
        try {
          const response = await fetchFollowing(request, own, maxBytes);
          if (response.status < 300 || response.notModified) return response;
          failure = new HttpError(
            response.status < 400 ? `HTTP ${response.status} without a Location` : `HTTP ${response.status}`,
            request.url,
            response.status,
          );
          if (response.status !== 429 && response.status < 500) throw failure;
          retryAfterMs = parseRetryAfter(response.headers['retry-after']);
        } catch (error) {
          // A retry that never got a slot before the stage's budget ran out: the source failed.
          if (error instanceof SkippedError && previous) throw exhausted(previous, attempt);
          if (!(error instanceof HttpError) || !retryable.has(error)) throw error;
          failure = error;
        }
        if (attempt >= options.retries) throw exhausted(failure, attempt + 1);
        const backoff = backoffDelay(attempt + 1, FETCH_BACKOFF, random);
        const wait = retryAfterMs ?? backoff;
        // A Retry-After beyond what is left of the budget is not waited for: fail now, not later.
        if (wait >= own.left()) {
          throw new HttpError(
            `${failure.message}; retry would exceed the ${budget} ms budget`,
            request.url,
            failure instanceof HttpError ? failure.status : undefined,
            { cause: failure },
          );
        }
        previous = failure;
        await sleep(wait);
        own.charge(wait);
      }
    },
  };
}

/** A request's own time: what it spent holding slots and waiting to retry, never queueing. */
interface RequestBudget {
  left(): number;
  charge(ms: number): void;
}

function requestBudget(totalMs: number): RequestBudget {
  let spent = 0;
  return {
    left: () => totalMs - spent,
    charge: (ms) => {
      spent += ms;
    },
  };
}

function toResponse(url: string, hop: Hop): HttpResponse {
  const response: HttpResponse = {
    url,
    status: hop.status,
    headers: hop.headers,
    body: hop.status === 304 ? Buffer.alloc(0) : hop.body,
    notModified: hop.status === 304,
  };
  if (hop.headers.etag) response.etag = hop.headers.etag;
  if (hop.headers['last-modified']) response.lastModified = hop.headers['last-modified'];
  return response;
}

function flattenHeaders(headers: IncomingMessage['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers))
    if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

function decoderFor(res: IncomingMessage, encoding: string): Readable {
  switch (encoding) {
    case 'gzip':
    case 'x-gzip':
      return res.pipe(createGunzip());
    case 'deflate':
      return res.pipe(createInflate());
    case 'br':
      return res.pipe(createBrotliDecompress());
    default:
      return res;
  }
}

/** Retry-After as seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
