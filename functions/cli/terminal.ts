/**
 * Colour for what a person must not miss on a terminal: failures in red, warnings in yellow.
 * Off when the stream is not a terminal, when NO_COLOR is set to anything (no-color.org), or
 * with --no-color; the words always say the same thing without the colour.
 */

export interface Styler {
  failure(text: string): string;
  warning(text: string): string;
  strong(text: string): string;
}

const plain: Styler = { failure: (t) => t, warning: (t) => t, strong: (t) => t };

const paint = (code: string) => (text: string) => `\x1b[${code}m${text}\x1b[0m`;

export function createStyler(
  stream: { isTTY?: boolean },
  options: { color?: boolean; env?: Record<string, string | undefined> } = {},
): Styler {
  const env = options.env ?? process.env;
  const wanted = options.color !== false && stream.isTTY === true && !env.NO_COLOR;
  return wanted ? { failure: paint('31'), warning: paint('33'), strong: paint('1') } : plain;
}
