/**
 * The subscription API Lambda behind a Function URL (payload format 2.0). Thin: map the event
 * to an ApiRequest, call the shared router, map the response back.
 */
import { createHash } from 'node:crypto';
import { ENV } from '#config/env.ts';
import { handleSubscriptionRequest, MAX_BODY_BYTES } from '#subscribe/subscription-api.ts';
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
  const settings = subscriptionSettings(config);
  const host = event.headers?.['x-forwarded-host'];
  if (process.env[ENV.archiveFromRequest] === 'true' && host && /^[a-z0-9.-]+$/i.test(host)) {
    settings.archiveBaseUrl = `https://${host}/`;
    settings.apiBaseUrl = `https://${host}/api/`;
  }
  const response = await handleSubscriptionRequest(deps, settings, {
    method: event.requestContext?.http?.method ?? 'GET',
    path: (event.rawPath ?? '/').replace(/^\/api(?=\/)/, ''),
    query: Object.fromEntries(new URLSearchParams(event.rawQueryString ?? '')),
    headers: event.headers ?? {},
    body: raw.length > MAX_BODY_BYTES * 2 ? raw : body,
    origin: hashOrigin(event.requestContext?.http?.sourceIp),
  });
  return { statusCode: response.status, headers: response.headers, body: response.body };
}

/** Consent evidence without keeping the raw IP address. */
function hashOrigin(ip: string | undefined): string | undefined {
  return ip ? `ip-sha256:${createHash('sha256').update(ip).digest('hex').slice(0, 16)}` : undefined;
}
