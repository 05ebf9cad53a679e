/** A subscriber record: one object per address in the private store, so sign-ups never collide. */
import { THEME_IDS, type ThemeId } from './types.ts';
import * as z from './zod.ts';

const isThemeId = (id: string): id is ThemeId => (THEME_IDS as readonly string[]).includes(id);

export const SUBSCRIBER_STATUSES = ['pending', 'confirmed', 'unsubscribed', 'bounced', 'complained'] as const;

export const SubscriberSchema = z.object({
  email: z.string(),
  status: z.enum(SUBSCRIBER_STATUSES),
  /**
   * Chosen themes. An id the catalogue no longer has is dropped on read, so the subscriber is
   * mailed on the themes that remain (none left: all themes) instead of never being mailed.
   */
  themes: z.optional(
    z.pipe(
      z.array(z.string()),
      z.transform((ids: string[]) => ids.filter(isThemeId)),
    ),
  ),
  createdAt: z.string(),
  updatedAt: z.string(),
  confirmedAt: z.optional(z.string()),
  /** How consent was given: "web form", "operator cli", with time and (hashed) origin. */
  consent: z.optional(z.object({ method: z.string(), at: z.string(), detail: z.optional(z.string()) })),
  /** Last confirmation mail, to send at most one per window. */
  lastConfirmationSentAt: z.optional(z.string()),
  /** Confirmation mails sent on one UTC day, for the daily cap per address. */
  confirmationsSent: z.optional(
    z.object({ day: z.string(), count: z.number().check(z.int(), z.minimum(0)) }),
  ),
});
export type Subscriber = z.infer<typeof SubscriberSchema>;

/** Subscribers who may receive mail: confirmed and never bounced or complained. */
export function isDeliverable(subscriber: Subscriber): boolean {
  return subscriber.status === 'confirmed';
}
