/**
 * SES bounce and complaint notifications (configuration set -> SNS -> this Lambda). Permanent
 * bounces and complaints suppress the address for good, subscriber or not; transient bounces
 * are only logged.
 */
import { describeError } from '#domain/errors.ts';
import { applySesNotification } from '#subscribe/ses-notifications.ts';
import { createAwsNotificationDeps } from './aws-deps.ts';

export interface SnsEvent {
  Records?: { Sns?: { Message?: string } }[];
}

let ready: ReturnType<typeof createAwsNotificationDeps> | undefined;

export async function handler(event: SnsEvent): Promise<{ suppressed: number; ignored: number }> {
  ready ??= createAwsNotificationDeps(process.env);
  const deps = await ready;
  let suppressed = 0;
  let ignored = 0;
  for (const record of event.Records ?? []) {
    try {
      const result = await applySesNotification(deps, record.Sns?.Message ?? '');
      suppressed += result.suppressed;
      ignored += result.ignored;
    } catch (error) {
      // One malformed notification must not block the others; SNS would redeliver all of them.
      deps.logger.warn('SES notification not applied', { error: describeError(error) });
      ignored++;
    }
  }
  deps.logger.info('SES notifications processed', { suppressed, ignored });
  return { suppressed, ignored };
}
