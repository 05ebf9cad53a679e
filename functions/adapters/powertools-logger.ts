/** The Logger port on Powertools Logger: structured JSON lines in CloudWatch, keys appended. */
import { Logger as PowertoolsLogger } from '@aws-lambda-powertools/logger';
import type { LogFields, Logger } from '#ports/ports.ts';

export function createPowertoolsLogger(serviceName: string, inner?: PowertoolsLogger): Logger {
  const logger = inner ?? new PowertoolsLogger({ serviceName });
  const wrap = (l: PowertoolsLogger): Logger => ({
    debug: (m: string, f?: LogFields) => l.debug(m, f ?? {}),
    info: (m: string, f?: LogFields) => l.info(m, f ?? {}),
    warn: (m: string, f?: LogFields) => l.warn(m, f ?? {}),
    error: (m: string, f?: LogFields) => l.error(m, f ?? {}),
    child: (fields: LogFields) => wrap(l.createChild({ persistentKeys: fields as Record<string, string> })),
  });
  return wrap(logger);
}
