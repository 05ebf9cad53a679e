/**
 * Subscriptions: double opt-in sign-up, confirmation, unsubscribe, theme preferences, and the
 * bounce/complaint suppression fed by SES. One record per address in the private store, written
 * with conditional puts so concurrent requests never overwrite each other. Answers never reveal
 * whether an address is subscribed.
 */

import type { Config } from '#config/schema.ts';
import { composeMessage } from '#deliver/compose-mime.ts';
import { describeError, InvalidInputError } from '#domain/errors.ts';
import { dataKeys } from '#domain/keys.ts';
import { type Subscriber, SubscriberSchema } from '#domain/subscriber.ts';
import { createToken, type TokenPurpose, verifyToken } from '#domain/tokens.ts';
import { THEME_IDS, type ThemeId } from '#domain/types.ts';
import {
  type Clock,
  type Logger,
  type Mailer,
  type Store,
  silentLogger,
  type Templates,
} from '#ports/ports.ts';
import { readStoredJson, type StateContext, updateStoredJson } from '#state/stored-json.ts';
import { type SignUpLimits, takeConfirmationSlot } from './sign-up-limits.ts';

export interface SubscriptionDeps {
  data: Store;
  mailer: Mailer;
  clock: Clock;
  logger: Logger;
  templates: Templates;
  signingSecret: string;
}

export interface SubscriptionSettings {
  listTitle: string;
  apiBaseUrl: string;
  archiveBaseUrl: string;
  from: string;
  fromName: string;
  listId: string;
  postalAddress: string;
  /** At most one confirmation mail per address per window. */
  confirmationWindowMinutes: number;
  /** How long a confirmation link stays valid. */
  confirmationLifetimeHours: number;
  /** Global, per-client and per-address limits on confirmation mails (kept in the data store). */
  limits: SignUpLimits;
  /**
   * A sign-up is answered no sooner than this after it arrived, whatever the address's state, so
   * the time of the answer does not tell a subscribed address from an unknown one.
   */
  minimumAnswerMs: number;
}

const MAX_EMAIL_LENGTH = 254;
// Deliberately conservative: what a mail provider would accept from a sign-up form.
const EMAIL =
  /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/i;

/** Validates and normalises an address; rejects header injection and oversized input. */
export function normaliseEmail(input: unknown): string {
  if (typeof input !== 'string') throw new InvalidInputError('email: required');
  if (/[\r\n\0]/.test(input)) throw new InvalidInputError('email: must not contain line breaks');
  const email = input.trim().toLowerCase();
  if (email.length === 0) throw new InvalidInputError('email: required');
  if (email.length > MAX_EMAIL_LENGTH)
    throw new InvalidInputError(`email: longer than ${MAX_EMAIL_LENGTH} characters`);
  const [local] = email.split('@');
  if (!EMAIL.test(email) || !local || local.length > 64 || email.includes('..')) {
    throw new InvalidInputError('email: not a valid address');
  }
  return email;
}

export function normaliseThemes(input: unknown): ThemeId[] | undefined {
  if (input === undefined || input === null || input === '') return undefined;
  const values = (Array.isArray(input) ? input : [input]).map(String);
  const themes = values.filter((v): v is ThemeId => (THEME_IDS as readonly string[]).includes(v));
  if (themes.length !== values.length) throw new InvalidInputError('themes: unknown theme id');
  // All themes chosen means no filter.
  return themes.length === 0 || themes.length === THEME_IDS.length ? undefined : [...new Set(themes)];
}

/**
 * Records are read and written through the state helper: a corrupt one is reported and kept
 * aside (for callers without a logger, such as the operator CLI, only kept aside and skipped).
 */
function subscriberState(data: Store, logger: Logger = silentLogger): StateContext {
  return { store: data, logger };
}

async function readSubscriber(data: Store, email: string, logger?: Logger): Promise<Subscriber | undefined> {
  const read = await readStoredJson(
    subscriberState(data, logger),
    dataKeys.subscriber(email),
    SubscriberSchema,
  );
  return read.status === 'ok' ? read.value : undefined;
}

/**
 * Read-modify-write of one record with optimistic concurrency; `change` returns the new record
 * or undefined for "no change". Retries when another request won the race. A corrupt record is
 * kept aside and `change` sees none, so a sign-up or an operator can write a good one over it.
 */
export async function updateSubscriber(
  data: Store,
  email: string,
  change: (current: Subscriber | undefined) => Subscriber | undefined,
  logger?: Logger,
): Promise<Subscriber | undefined> {
  const { value } = await updateStoredJson(
    subscriberState(data, logger),
    dataKeys.subscriber(email),
    SubscriberSchema,
    (current) => change(current),
    { pretty: true },
  );
  return value;
}

export function subscriptionLink(
  settings: SubscriptionSettings,
  secret: string,
  purpose: TokenPurpose,
  email: string,
  now: Date,
  lifetimeHours: number,
): string {
  const token = createToken(
    { email, purpose, expiresAt: Math.floor(now.getTime() / 1000) + lifetimeHours * 3600 },
    secret,
  );
  return new URL(`${purpose}?token=${encodeURIComponent(token)}`, settings.apiBaseUrl).toString();
}

/** Whether an address may be sent a confirmation mail now (its own window and daily cap). */
function mayMailConfirmation(
  current: Subscriber | undefined,
  settings: SubscriptionSettings,
  now: Date,
): boolean {
  if (current && current.status !== 'pending' && current.status !== 'unsubscribed') return false;
  const last = current?.lastConfirmationSentAt ? Date.parse(current.lastConfirmationSentAt) : 0;
  if (now.getTime() - last < settings.confirmationWindowMinutes * 60_000) return false;
  const today = now.toISOString().slice(0, 10);
  const sentToday = current?.confirmationsSent?.day === today ? current.confirmationsSent.count : 0;
  return sentToday < settings.limits.perAddressPerDay;
}

/**
 * Starts a double opt-in. Always resolves the same way for the caller, whatever the address's
 * state; a confirmation is mailed only when it can help, within the address's own window and
 * daily cap, and within the per-client and global limits (recorded in the data store).
 */
export async function subscribe(
  deps: SubscriptionDeps,
  settings: SubscriptionSettings,
  input: { email: unknown; themes?: unknown; consentDetail?: string; client?: string },
): Promise<void> {
  const email = normaliseEmail(input.email);
  const themes = normaliseThemes(input.themes);
  const now = deps.clock.now();
  const at = now.toISOString();
  const today = at.slice(0, 10);
  if (!mayMailConfirmation(await readSubscriber(deps.data, email, deps.logger), settings, now)) return;
  const state = subscriberState(deps.data, deps.logger);
  if (!(await takeConfirmationSlot(state, settings.limits, now, input.client))) {
    deps.logger.info('confirmation mail not sent: sign-up limit reached');
    return;
  }
  let shouldMail = false;
  await updateSubscriber(
    deps.data,
    email,
    (current) => {
      shouldMail = false;
      // Checked again: a concurrent sign-up for the same address may have mailed meanwhile.
      if (!mayMailConfirmation(current, settings, now)) return undefined;
      shouldMail = true;
      const sentToday = current?.confirmationsSent?.day === today ? current.confirmationsSent.count : 0;
      return {
        email,
        status: 'pending',
        ...(themes ? { themes } : current?.themes ? { themes: current.themes } : {}),
        createdAt: current?.createdAt ?? at,
        updatedAt: at,
        consent: { method: 'web form', at, ...(input.consentDetail ? { detail: input.consentDetail } : {}) },
        lastConfirmationSentAt: at,
        confirmationsSent: { day: today, count: sentToday + 1 },
      };
    },
    deps.logger,
  );
  if (!shouldMail) return;
  const confirmUrl = subscriptionLink(
    settings,
    deps.signingSecret,
    'confirm',
    email,
    now,
    settings.confirmationLifetimeHours,
  );
  const data = {
    listTitle: settings.listTitle,
    confirmUrl,
    archiveUrl: settings.archiveBaseUrl,
    postalAddress: settings.postalAddress,
  };
  const { raw, messageId } = await composeMessage({
    from: settings.from,
    fromName: settings.fromName,
    to: email,
    subject: `Confirm your subscription to ${settings.listTitle}`,
    html: deps.templates.render('subscription/confirm-email', data),
    text: deps.templates.render('subscription/confirm-email.txt', data),
    messageIdDomain: settings.from.split('@')[1] ?? 'localhost',
    date: now,
    listId: settings.listId,
    unsubscribeUrl: subscriptionLink(settings, deps.signingSecret, 'unsubscribe', email, now, 24 * 400),
    editionId: `confirm-${at}`,
  });
  try {
    await deps.mailer.send({ from: settings.from, to: email, raw, messageId });
  } catch (error) {
    // The record stays pending; a new request after the window sends a fresh link.
    deps.logger.error('confirmation mail failed', { error: describeError(error) });
    throw error;
  }
}

export type TokenOutcome = { ok: true; email: string; subscriber?: Subscriber } | { ok: false };

/**
 * What a confirmation link did. Only a pending sign-up is confirmed: an unsubscribe, a bounce or
 * an erasure is never undone by an old link, and the answer says which of these happened.
 */
export type ConfirmOutcome =
  | { ok: true; email: string; result: 'confirmed' | 'already-confirmed'; subscriber: Subscriber }
  | { ok: true; email: string; result: 'unsubscribed' | 'suppressed'; subscriber: Subscriber }
  | { ok: true; email: string; result: 'no-sign-up' }
  | { ok: false };

export async function confirmSubscription(deps: SubscriptionDeps, token: string): Promise<ConfirmOutcome> {
  const payload = verifyToken(token, deps.signingSecret, 'confirm', deps.clock.now());
  if (!payload) return { ok: false };
  const at = deps.clock.now().toISOString();
  let before: Subscriber | undefined;
  const subscriber = await updateSubscriber(
    deps.data,
    payload.email,
    (current) => {
      before = current;
      if (current?.status !== 'pending') return undefined;
      return { ...current, status: 'confirmed', confirmedAt: at, updatedAt: at };
    },
    deps.logger,
  );
  const email = payload.email;
  if (!subscriber || !before) return { ok: true, email, result: 'no-sign-up' };
  switch (before.status) {
    case 'pending':
      return { ok: true, email, result: 'confirmed', subscriber };
    case 'confirmed':
      return { ok: true, email, result: 'already-confirmed', subscriber };
    case 'unsubscribed':
      return { ok: true, email, result: 'unsubscribed', subscriber };
    default:
      return { ok: true, email, result: 'suppressed', subscriber };
  }
}

export async function unsubscribe(deps: SubscriptionDeps, token: string): Promise<TokenOutcome> {
  const payload = verifyToken(token, deps.signingSecret, 'unsubscribe', deps.clock.now());
  if (!payload) return { ok: false };
  await markUnsubscribed(deps, payload.email, 'link');
  return { ok: true, email: payload.email };
}

export async function markUnsubscribed(
  deps: Pick<SubscriptionDeps, 'data' | 'clock'>,
  email: string,
  via: string,
): Promise<void> {
  const at = deps.clock.now().toISOString();
  await updateSubscriber(deps.data, email, (current) => {
    if (
      !current ||
      current.status === 'unsubscribed' ||
      current.status === 'bounced' ||
      current.status === 'complained'
    ) {
      return undefined;
    }
    return {
      ...current,
      status: 'unsubscribed',
      updatedAt: at,
      consent: { method: `unsubscribed via ${via}`, at },
    };
  });
}

export async function readPreferences(deps: SubscriptionDeps, token: string): Promise<TokenOutcome> {
  const payload = verifyToken(token, deps.signingSecret, 'preferences', deps.clock.now());
  if (!payload) return { ok: false };
  const record = await readSubscriber(deps.data, payload.email, deps.logger);
  return { ok: true, email: payload.email, ...(record ? { subscriber: record } : {}) };
}

export async function savePreferences(
  deps: SubscriptionDeps,
  token: string,
  themes: unknown,
): Promise<TokenOutcome> {
  const payload = verifyToken(token, deps.signingSecret, 'preferences', deps.clock.now());
  if (!payload) return { ok: false };
  const chosen = normaliseThemes(themes);
  const at = deps.clock.now().toISOString();
  const subscriber = await updateSubscriber(deps.data, payload.email, (current) => {
    if (!current) return undefined;
    const { themes: _old, ...rest } = current;
    return { ...rest, ...(chosen ? { themes: chosen } : {}), updatedAt: at };
  });
  return { ok: true, email: payload.email, ...(subscriber ? { subscriber } : {}) };
}

/**
 * SES told us: a permanent bounce or a complaint. Such an address is never mailed again, whether
 * a subscriber or a fixed or explicit recipient: for those a record with that status is created.
 */
export async function suppressAddress(
  deps: Pick<SubscriptionDeps, 'data' | 'clock'>,
  email: string,
  reason: 'bounced' | 'complained',
): Promise<boolean> {
  let changed = false;
  const at = deps.clock.now().toISOString();
  const address = normaliseEmail(email);
  await updateSubscriber(deps.data, address, (current) => {
    changed = false;
    if (current && (current.status === reason || current.status === 'complained')) return undefined;
    changed = true;
    return current
      ? { ...current, status: reason, updatedAt: at }
      : {
          email: address,
          status: reason,
          createdAt: at,
          updatedAt: at,
          consent: { method: `suppressed: ${reason}`, at },
        };
  });
  return changed;
}

/** Operator CLI: add (and optionally confirm) an address without the opt-in mail. */
export async function addSubscriberDirectly(
  deps: Pick<SubscriptionDeps, 'data' | 'clock'>,
  input: { email: string; confirmed: boolean; themes?: unknown; note?: string },
): Promise<Subscriber> {
  const email = normaliseEmail(input.email);
  const themes = normaliseThemes(input.themes);
  const at = deps.clock.now().toISOString();
  const result = await updateSubscriber(deps.data, email, (current) => ({
    email,
    status: input.confirmed ? 'confirmed' : (current?.status ?? 'pending'),
    ...(themes ? { themes } : current?.themes ? { themes: current.themes } : {}),
    createdAt: current?.createdAt ?? at,
    updatedAt: at,
    ...(input.confirmed ? { confirmedAt: current?.confirmedAt ?? at } : {}),
    consent: { method: 'operator cli', at, ...(input.note ? { detail: input.note } : {}) },
  }));
  return result!;
}

/** Every readable record; a corrupt one is reported (to `logger`), kept aside and left out. */
export async function listSubscribers(data: Store, logger?: Logger): Promise<Subscriber[]> {
  const out: Subscriber[] = [];
  const state = subscriberState(data, logger);
  for (const key of await data.list(dataKeys.subscribersPrefix())) {
    const read = await readStoredJson(state, key, SubscriberSchema);
    if (read.status === 'ok') out.push(read.value);
  }
  return out.sort((a, b) => a.email.localeCompare(b.email));
}

export function subscriptionSettings(config: Config): SubscriptionSettings {
  return {
    listTitle: config.archive.title,
    apiBaseUrl: config.archive.apiBaseUrl,
    archiveBaseUrl: config.archive.baseUrl,
    from: config.delivery.from,
    fromName: config.delivery.fromName,
    listId: config.delivery.listId,
    postalAddress: config.delivery.postalAddress,
    confirmationWindowMinutes: 10,
    confirmationLifetimeHours: 48,
    limits: {
      perHour: config.subscriptions.confirmationsPerHour,
      perClientPerHour: config.subscriptions.confirmationsPerClientPerHour,
      perAddressPerDay: config.subscriptions.confirmationsPerAddressPerDay,
    },
    minimumAnswerMs: config.subscriptions.minimumAnswerMs,
  };
}
