import { describe, expect, it } from 'vitest';
import { createStyler } from '#cli/terminal.ts';

describe('createStyler', () => {
  it.each([
    ['a terminal', { isTTY: true }, {}, undefined, true],
    ['a pipe or a file', { isTTY: false }, {}, undefined, false],
    ['NO_COLOR set', { isTTY: true }, { NO_COLOR: '1' }, undefined, false],
    ['NO_COLOR empty (unset, by the convention)', { isTTY: true }, { NO_COLOR: '' }, undefined, true],
    ['--no-color', { isTTY: true }, {}, false, false],
  ])('on %s colours: %s', (_, stream, env, color, coloured) => {
    const style = createStyler(stream, { env, color });
    const failure = style.failure('briefing: no such folder');
    expect(failure.includes('\x1b[31m')).toBe(coloured);
    // The words are the same either way.
    expect(failure.replace(/\x1b\[\d+m/g, '')).toBe('briefing: no such folder');
    expect(style.warning('w').includes('\x1b[33m')).toBe(coloured);
  });
});
