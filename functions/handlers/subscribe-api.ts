/**
 * The subscription API Lambda behind a Function URL (payload format 2.0). Thin: map the event
 * to an ApiRequest, call the shared router, map the response back.
 */
import { clientNetworkOf } from '#adapters/address-guard.ts';
import { handleSubscriptionRequest, MAX_BODY_BYTES, originOf } from '#subscribe/subscription-api.ts';
import { subscriptionSettings } from '#subscribe/subscriptions.ts';
import { createAwsSubscriptionDeps } from './aws-deps.ts';

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

let ready: ReturnType<typeof createAwsSubscriptionDeps> | undefined;

export async function handler(event: FunctionUrlEvent): Promise<FunctionUrlResult> {
  ready ??= createAwsSubscriptionDeps(process.env);
  const { config, deps } = await ready;
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
 * the viewer's own as `cloudfront-viewer-address` ("ip:port"). Only trustworthy when the Function
 * URL answers CloudFront alone; a direct caller could name any address, which only moves it into
 * another per-client bucket: the global limit still holds.
 */
function clientAddress(event: FunctionUrlEvent): string | undefined {
  const viewer = event.headers?.['cloudfront-viewer-address']?.replace(/:\d+$/, '');
  const address = viewer || event.requestContext?.http?.sourceIp;
  return address ? clientNetworkOf(address) : undefined;
}
