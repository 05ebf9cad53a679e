/**
 * Structured JSON logger for the CLI and tests: one line per event with stable camelCase keys.
 * The Lambda uses Powertools Logger behind the same port (adapters/powertools-logger.ts).
 */
import type { LogFields, Logger } from '#ports/ports.ts';

type Level = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export function createJsonLogger(
  write: (line: string) => void,
  minLevel: Level = 'info',
  base: LogFields = {},
): Logger {
  const emit = (level: Level, message: string, fields?: LogFields) => {
    if (ORDER[level] < ORDER[minLevel]) return;
    write(`${JSON.stringify({ level, message, timestamp: new Date().toISOString(), ...base, ...fields })}\n`);
  };
  return {
    debug: (m, f) => emit('debug', m, f),
    info: (m, f) => emit('info', m, f),
    warn: (m, f) => emit('warn', m, f),
    error: (m, f) => emit('error', m, f),
    child: (fields) => createJsonLogger(write, minLevel, { ...base, ...fields }),
  };
}

export { silentLogger } from '#ports/ports.ts';
