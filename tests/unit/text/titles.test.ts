import { describe, expect, it } from 'vitest';
import { cleanTitle } from '#text/titles.ts';

describe('cleanTitle', () => {
  it.each([
    ['Xi invites Putin to visit China - The Hill', 'The Hill', 'Xi invites Putin to visit China'],
    [
      'Live Updates: As Xi and Putin Resume Talks, Japan’s Leader Visits Ukraine',
      'NY times',
      'As Xi and Putin Resume Talks, Japan’s Leader Visits Ukraine',
    ],
    ['Putin, Xi hail ties | Moscow Daily News', 'Other', 'Putin, Xi hail ties'],
    ['Russia - China: talks on gas continue', 'Outlet', 'Russia - China: talks on gas continue'],
    ['  Xi   meets  Putin ', 'Outlet', 'Xi meets Putin'],
  ])('%s (%s) -> %s', (title, source, expected) => {
    expect(cleanTitle(title, source)).toBe(expected);
  });
});
