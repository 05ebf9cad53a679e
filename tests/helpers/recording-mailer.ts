/** An in-memory Mailer that records what it accepted and fails as a test tells it to. */
import type { Mailer, OutgoingMail } from '#ports/ports.ts';

export interface RecordingMailer extends Mailer {
  /** The messages accepted, in order. */
  sent: OutgoingMail[];
  /** Their recipients, in the same order. */
  delivered: string[];
  /** Every send attempt, accepted or not. */
  calls: number;
}

/**
 * `behaviour` returns the error the provider answers for a recipient on the `call`-th attempt,
 * or nothing to accept it. Each send yields once first, so concurrent senders interleave the
 * way real network calls do.
 */
export function recordingMailer(
  behaviour: (to: string, call: number) => Error | undefined = () => undefined,
): RecordingMailer {
  const mailer: RecordingMailer = {
    sent: [],
    delivered: [],
    calls: 0,
    async send(mail) {
      mailer.calls++;
      await new Promise((resolve) => setImmediate(resolve));
      const error = behaviour(mail.to, mailer.calls);
      if (error) throw error;
      mailer.sent.push(mail);
      mailer.delivered.push(mail.to);
      return { providerId: `provider-${mailer.sent.length}` };
    },
  };
  return mailer;
}
