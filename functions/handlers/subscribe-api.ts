/**
 * The subscription API Lambda behind a Function URL (payload format 2.0). Thin: map the event
 * to an ApiRequest, call the shared router, map the response back.
 */
import { timingSafeEqual } from 'node:crypto';
import { clientNetworkOf } from '#adapters/address-guard.ts';
import { ORIGIN_SECRET_HEADER } from '#config/env.ts';
import { handleSubscriptionRequest, MAX_BODY_BYTES, originOf } from '#subscribe/subscription-api.ts';
import { subscriptionSettings } from '#subscribe/subscriptions.ts';
import { createAwsApiDeps } from './aws-deps.ts';

export interface FunctionUrlEvent {
  rawPath?: string;
  rawQueryString?: string;
  headers?: Record<string, string | undefined>;
  body?: string;
  isBase64Encoded?: boolean;
  requestContext?: { http?: { method?: string; sourceIp?: string } };
}

export interface FunctionUrlResult {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

let ready: ReturnType<typeof createAwsApiDeps> | undefined;

export async function handler(event: FunctionUrlEvent): Promise<FunctionUrlResult> {
  ready ??= createAwsApiDeps(process.env);
  const { config, deps, originSecret } = await ready;
  // The Function URL is reachable directly; only CloudFront adds this header (infra/).
  if (!hasSecret(event.headers?.[ORIGIN_SECRET_HEADER], originSecret)) {
    return { statusCode: 403, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'Forbidden\n' };
  }
  const raw = event.body ?? '';
  // Decode at most a little over the limit; the router rejects anything larger.
  const body = event.isBase64Encoded
    ? Buffer.from(raw.slice(0, MAX_BODY_BYTES * 2), 'base64').toString('utf8')
    : raw;
  // Links in mails point only where the configuration says (the stack writes archive.baseUrl),
  // never at a host a request names.
  const settings = subscriptionSettings(config);
  const response = await handleSubscriptionRequest(deps, settings, {
    method: event.requestContext?.http?.method ?? 'GET',
    path: (event.rawPath ?? '/').replace(/^\/api(?=\/)/, ''),
    query: Object.fromEntries(new URLSearchParams(event.rawQueryString ?? '')),
    headers: event.headers ?? {},
    body: raw.length > MAX_BODY_BYTES * 2 ? raw : body,
    origin: originOf(clientAddress(event)),
  });
  return { statusCode: response.status, headers: response.headers, body: response.body };
}

/**
 * The viewer's address: behind CloudFront the connection comes from an edge, and CloudFront adds
 * the viewer's own as `cloudfront-viewer-address` ("ip:port"). Trustworthy because the Function
 * URL answers CloudFront alone (the origin secret below).
 */
function clientAddress(event: FunctionUrlEvent): string | undefined {
  const viewer = event.headers?.['cloudfront-viewer-address']?.replace(/:\d+$/, '');
  const address = viewer || event.requestContext?.http?.sourceIp;
  return address ? clientNetworkOf(address) : undefined;
}

function hasSecret(given: string | undefined, expected: string): boolean {
  const a = Buffer.from(given ?? '');
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
