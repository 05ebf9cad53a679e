/** A subscriber record: one object per address in the private store, so sign-ups never collide. */
import { z } from 'zod';
import { ThemeIdSchema } from './types.ts';

export const SUBSCRIBER_STATUSES = ['pending', 'confirmed', 'unsubscribed', 'bounced', 'complained'] as const;

export const SubscriberSchema = z.object({
  email: z.string(),
  status: z.enum(SUBSCRIBER_STATUSES),
  themes: z.array(ThemeIdSchema).optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
  confirmedAt: z.string().optional(),
  /** How consent was given: "web form", "operator cli", with time and (hashed) origin. */
  consent: z.object({ method: z.string(), at: z.string(), detail: z.string().optional() }).optional(),
  /** Last confirmation mail, to send at most one per window. */
  lastConfirmationSentAt: z.string().optional(),
});
export type Subscriber = z.infer<typeof SubscriberSchema>;

/** Subscribers who may receive mail: confirmed and never bounced or complained. */
export function isDeliverable(subscriber: Subscriber): boolean {
  return subscriber.status === 'confirmed';
}
