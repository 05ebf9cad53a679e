/** The subscription API on a plain node:http server (local `briefing serve` and tests). */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { handleSubscriptionRequest, originOf } from '#subscribe/subscription-api.ts';
import type { SubscriptionDeps, SubscriptionSettings } from '#subscribe/subscriptions.ts';
import { clientNetworkOf } from './address-guard.ts';
import type { ApiHandler } from './static-server.ts';

export function createApiHandler(deps: SubscriptionDeps, settings: SubscriptionSettings): ApiHandler {
  return async (req: IncomingMessage, body: string, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const headers: Record<string, string | undefined> = {};
    for (const [k, v] of Object.entries(req.headers)) headers[k] = Array.isArray(v) ? v.join(', ') : v;
    const response = await handleSubscriptionRequest(deps, settings, {
      method: req.method ?? 'GET',
      path: url.pathname.replace(/^\/api/, ''),
      query: Object.fromEntries(url.searchParams),
      headers,
      body,
      ...(req.socket.remoteAddress ? { origin: originOf(clientNetworkOf(req.socket.remoteAddress))! } : {}),
    });
    res.writeHead(response.status, response.headers).end(response.body);
  };
}
