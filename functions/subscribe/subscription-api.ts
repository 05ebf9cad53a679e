/**
 * The subscription API as a plain request -> response function, so the Lambda Function URL
 * handler and the local test server are two thin adapters over the same routes:
 *
 *   POST /subscribe              email (+ themes): starts double opt-in
 *   GET  /confirm?token=         confirms
 *   GET  /unsubscribe?token=     page with a button;  POST: unsubscribes (RFC 8058 one-click too)
 *   GET  /preferences?token=     theme choice form;   POST: saves it
 */
import { createHash } from 'node:crypto';
import { describeError, InvalidInputError } from '#domain/errors.ts';
import { themeById } from '#domain/themes.ts';
import { THEME_IDS } from '#domain/types.ts';
import {
  type ConfirmOutcome,
  confirmSubscription,
  readPreferences,
  type SubscriptionDeps,
  type SubscriptionSettings,
  savePreferences,
  subscribe,
  unsubscribe,
} from './subscriptions.ts';

export interface ApiRequest {
  method: string;
  /** Path below the API base, e.g. "/subscribe". */
  path: string;
  query: Record<string, string | undefined>;
  headers: Record<string, string | undefined>;
  body: string;
  /** A short, non-identifying origin note for the consent record (e.g. hashed source IP). */
  origin?: string;
}

export interface ApiResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export const MAX_BODY_BYTES = 4096;

/**
 * A request's origin as the API keeps it: the client's address hashed, for consent evidence and
 * the per-client sign-up limit, never the raw address.
 */
export function originOf(address: string | undefined): string | undefined {
  return address ? `ip-sha256:${createHash('sha256').update(address).digest('hex').slice(0, 16)}` : undefined;
}

const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'none'; style-src 'self' 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

export async function handleSubscriptionRequest(
  deps: SubscriptionDeps,
  settings: SubscriptionSettings,
  request: ApiRequest,
): Promise<ApiResponse> {
  const wantsJson = (request.headers['accept'] ?? '').includes('application/json');
  const page = (status: number, view: PageView) => respond(deps, settings, status, view, wantsJson);
  try {
    if (Buffer.byteLength(request.body) > MAX_BODY_BYTES) {
      return page(413, {
        kind: 'error',
        title: 'Request too large',
        message: `The request body is limited to ${MAX_BODY_BYTES} bytes.`,
      });
    }
    const form = parseBody(request);
    const token = request.query.token ?? stringField(form.token) ?? '';
    const route = `${request.method.toUpperCase()} ${request.path.replace(/\/+$/, '') || '/'}`;
    switch (route) {
      case 'POST /subscribe': {
        const started = performance.now();
        try {
          await subscribe(deps, settings, {
            email: form.email,
            themes: form.themes,
            ...(request.origin ? { consentDetail: request.origin, client: request.origin } : {}),
          });
        } finally {
          // Known, unknown, limited or mailed: every sign-up is answered after the same time.
          await padUntil(started, settings.minimumAnswerMs);
        }
        // The same answer whether the address was new, pending or already subscribed.
        return page(202, {
          kind: 'message',
          title: 'Check your inbox',
          message:
            'If this address can receive the briefing, a confirmation link is on its way. The link is valid for 48 hours.',
        });
      }
      case 'GET /confirm': {
        const outcome = await confirmSubscription(deps, token);
        return outcome.ok ? page(...confirmationPage(outcome)) : invalidLink(page);
      }
      case 'GET /unsubscribe':
        return page(200, { kind: 'unsubscribe', title: 'Unsubscribe', token });
      case 'POST /unsubscribe': {
        const outcome = await unsubscribe(deps, token);
        return outcome.ok
          ? page(200, {
              kind: 'message',
              title: 'Unsubscribed',
              message: 'You will not receive the briefing any more.',
            })
          : invalidLink(page);
      }
      case 'GET /preferences': {
        const outcome = await readPreferences(deps, token);
        if (!outcome.ok) return invalidLink(page);
        return page(200, {
          kind: 'preferences',
          title: 'Your themes',
          token,
          selected: outcome.subscriber?.themes ?? [...THEME_IDS],
        });
      }
      case 'POST /preferences': {
        const outcome = await savePreferences(deps, token, form.themes);
        if (!outcome.ok) return invalidLink(page);
        return page(200, {
          kind: 'message',
          title: 'Preferences saved',
          message: 'The next edition will show the themes you chose, with the top line always included.',
        });
      }
      default:
        return page(404, { kind: 'error', title: 'Not found', message: 'No such page.' });
    }
  } catch (error) {
    if (error instanceof InvalidInputError)
      return page(400, { kind: 'error', title: 'Please check your input', message: error.message });
    deps.logger.error('subscription request failed', { error: describeError(error), path: request.path });
    return page(500, { kind: 'error', title: 'Something went wrong', message: 'Please try again later.' });
  }
}

/** What an opened confirmation link did, said plainly; only a pending sign-up is confirmed. */
function confirmationPage(outcome: Exclude<ConfirmOutcome, { ok: false }>): [number, PageView] {
  switch (outcome.result) {
    case 'confirmed':
      return [
        200,
        {
          kind: 'message',
          title: 'Subscription confirmed',
          message: 'You will receive the next edition of the briefing.',
        },
      ];
    case 'already-confirmed':
      return [
        200,
        {
          kind: 'message',
          title: 'Already confirmed',
          message: 'This address already receives the briefing.',
        },
      ];
    case 'unsubscribed':
      return [
        409,
        {
          kind: 'error',
          title: 'You unsubscribed',
          message: `This address unsubscribed on ${outcome.subscriber.updatedAt.slice(0, 10)}, after this link was sent, so the link confirms nothing and you will not receive the briefing. To receive it again, subscribe again.`,
        },
      ];
    case 'suppressed':
      return [
        409,
        {
          kind: 'error',
          title: 'This address is not mailed',
          message:
            'Mail to this address bounced or was reported as unwanted, so the briefing is not sent to it. The link changed nothing.',
        },
      ];
    case 'no-sign-up':
      return [
        409,
        {
          kind: 'error',
          title: 'No sign-up to confirm',
          message:
            'There is no pending sign-up for this address any more, so the link changed nothing. Subscribe again to receive the briefing.',
        },
      ];
  }
}

function padUntil(started: number, minimumMs: number): Promise<void> {
  const wait = minimumMs - (performance.now() - started);
  return wait > 0 ? new Promise((resolve) => setTimeout(resolve, wait)) : Promise.resolve();
}

type PageView =
  | { kind: 'message' | 'error'; title: string; message: string }
  | { kind: 'unsubscribe'; title: string; token: string }
  | { kind: 'preferences'; title: string; token: string; selected: string[] };

function invalidLink(page: (status: number, view: PageView) => ApiResponse): ApiResponse {
  // Expired, tampered and unknown tokens look the same.
  return page(400, {
    kind: 'error',
    title: 'This link is not valid',
    message: 'It may have expired. Subscribe again or use the link in a recent email.',
  });
}

function respond(
  deps: SubscriptionDeps,
  settings: SubscriptionSettings,
  status: number,
  view: PageView,
  json: boolean,
): ApiResponse {
  if (json) {
    const body =
      view.kind === 'message' || view.kind === 'error'
        ? { ok: view.kind === 'message', title: view.title, message: view.message }
        : view.kind === 'preferences'
          ? { ok: true, themes: view.selected }
          : { ok: true, title: view.title };
    return {
      status,
      headers: { 'content-type': 'application/json; charset=utf-8', ...SECURITY_HEADERS },
      body: JSON.stringify(body),
    };
  }
  // Readers choose by title and description; the id is only the form value.
  const themes = THEME_IDS.map((id) => ({
    id,
    title: themeById(id).title,
    description: themeById(id).description,
    checked: view.kind === 'preferences' && view.selected.includes(id),
  }));
  const html = deps.templates.render('subscription/page', {
    ...view,
    themes,
    listTitle: settings.listTitle,
    archiveUrl: settings.archiveBaseUrl,
  });
  return { status, headers: { 'content-type': 'text/html; charset=utf-8', ...SECURITY_HEADERS }, body: html };
}

function stringField(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Form-encoded or JSON bodies; RFC 8058's one-click body is form-encoded. */
function parseBody(request: ApiRequest): Record<string, unknown> {
  if (!request.body) return {};
  const type = (request.headers['content-type'] ?? '').toLowerCase();
  if (type.includes('application/json')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(request.body);
    } catch {
      throw new InvalidInputError('body: invalid JSON');
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
      throw new InvalidInputError('body: expected a JSON object');
    return parsed as Record<string, unknown>;
  }
  const params = new URLSearchParams(request.body);
  const out: Record<string, unknown> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    out[key] = key === 'themes' ? values : values[0];
  }
  return out;
}
