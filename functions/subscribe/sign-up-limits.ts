/**
 * Rate limits on confirmation mails, kept in the data store so they hold across Lambda
 * instances: fixed one-hour windows, one small counter document per window and scope (all
 * clients, or one client), each taken with a conditional write. When a counter cannot be taken
 * (its limit is reached, or the store keeps refusing the write) no mail is sent: the limits fail
 * closed. Callers answer the same either way.
 */
import { describeError } from '#domain/errors.ts';
import { dataKeys, keyHash } from '#domain/keys.ts';
import * as z from '#domain/zod.ts';
import { type StateContext, updateStoredJson } from '#state/stored-json.ts';

export interface SignUpLimits {
  /** Confirmation mails per hour, all clients together. */
  perHour: number;
  /** Confirmation mails per hour triggered by one client (hashed source address). */
  perClientPerHour: number;
  /** Confirmation mails per address per UTC day (besides one per confirmation window). */
  perAddressPerDay: number;
}

const CounterSchema = z.object({ count: z.number().check(z.int(), z.minimum(0)) });

/**
 * Takes one confirmation mail from the client's and then the global window at `now`; false when
 * either is spent. `client` is an opaque identifier; requests without one share one bucket.
 */
export async function takeConfirmationSlot(
  context: StateContext,
  limits: SignUpLimits,
  now: Date,
  client: string | undefined,
): Promise<boolean> {
  const hour = now.toISOString().slice(0, 13);
  const clientKey = dataKeys.signUpWindow(hour, `client-${keyHash(client ?? 'unknown')}`);
  if (!(await take(context, clientKey, limits.perClientPerHour))) return false;
  return take(context, dataKeys.signUpWindow(hour, 'all'), limits.perHour);
}

async function take(context: StateContext, key: string, limit: number): Promise<boolean> {
  let granted = false;
  try {
    await updateStoredJson(
      context,
      key,
      CounterSchema,
      (current) => {
        granted = false;
        const count = current?.count ?? 0;
        if (count >= limit) return undefined;
        granted = true;
        return { count: count + 1 };
      },
      { attempts: 10 },
    );
    return granted;
  } catch (error) {
    context.logger.warn('sign-up limit not recorded; no mail sent', { key, error: describeError(error) });
    return false;
  }
}
