/** Reads an SES event notification (bounce/complaint) and suppresses the affected addresses, subscribers or not. */
import { InvalidInputError } from '#domain/errors.ts';
import type { Clock, Logger, Store } from '#ports/ports.ts';
import { suppressAddress } from './subscriptions.ts';

interface SesNotification {
  notificationType?: string;
  eventType?: string;
  bounce?: { bounceType?: string; bouncedRecipients?: { emailAddress?: string }[] };
  complaint?: { complainedRecipients?: { emailAddress?: string }[] };
}

export async function applySesNotification(
  deps: { data: Store; clock: Clock; logger: Logger },
  message: string,
): Promise<{ suppressed: number; ignored: number }> {
  let parsed: SesNotification;
  try {
    parsed = JSON.parse(message) as SesNotification;
  } catch {
    throw new InvalidInputError('SNS message: not JSON');
  }
  const type = parsed.eventType ?? parsed.notificationType;
  let targets: string[] = [];
  let reason: 'bounced' | 'complained' | undefined;
  if (type === 'Bounce' && parsed.bounce?.bounceType === 'Permanent') {
    reason = 'bounced';
    targets = (parsed.bounce.bouncedRecipients ?? []).map((r) => r.emailAddress ?? '');
  } else if (type === 'Complaint') {
    reason = 'complained';
    targets = (parsed.complaint?.complainedRecipients ?? []).map((r) => r.emailAddress ?? '');
  }
  if (!reason) return { suppressed: 0, ignored: 1 };
  let suppressed = 0;
  let ignored = 0;
  for (const raw of targets) {
    // SES may give "Name <addr>"; keep the address.
    const email = /<([^>]+)>/.exec(raw)?.[1] ?? raw;
    try {
      if (await suppressAddress(deps, email, reason)) suppressed++;
      else ignored++;
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      ignored++;
    }
  }
  return { suppressed, ignored };
}
