import { describe, expect, it } from 'vitest';
import { cleanTitle, pickVisibleTitle, type SiteNames, stripSiteName } from '#text/titles.ts';

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
    ['China - Russia ties deepen', 'China Daily', 'China - Russia ties deepen'],
    ['Gas deal signed | Moscow Times', 'The Moscow Times', 'Gas deal signed'],
    ['  Xi   meets  Putin ', 'Outlet', 'Xi meets Putin'],
  ])('%s (%s) -> %s', (title, source, expected) => {
    expect(cleanTitle(title, source)).toBe(expected);
  });
});

describe('stripSiteName', () => {
  it.each<[string, SiteNames, string]>([
    ['Talks stall over gas price | Reuters', { host: 'www.reuters.com' }, 'Talks stall over gas price'],
    ['Meridian - Power of Siberia 2 talks stall', { names: ['Meridian'] }, 'Power of Siberia 2 talks stall'],
    ['Xi visits Moscow - Reuters - UK', { names: ['Reuters - UK'] }, 'Xi visits Moscow'],
    ['Xi visits Moscow  Reuters', { names: ['Reuters'] }, 'Xi visits Moscow'],
    ['Reuters', { names: ['Reuters'] }, ''],
    ['Xi visits Moscow - Some Paper', { anyTail: true }, 'Xi visits Moscow'],
    ['Xi visits Moscow - Some Paper', { names: ['Other'] }, 'Xi visits Moscow - Some Paper'],
    ['Russia - China trade up', { host: 'x.example' }, 'Russia - China trade up'],
    ['Moscow Times: gas deal', { names: ['The Moscow Times'] }, 'Moscow Times: gas deal'],
  ])('%s %j -> %s', (title, site, expected) => {
    expect(stripSiteName(title, site)).toBe(expected);
  });
});

describe('pickVisibleTitle', () => {
  it.each([
    ['Xi visits Moscow', 'Xi visits Moscow | World news', 'Xi visits Moscow'],
    ['My blog', 'Analysis', 'Analysis'],
    [
      '',
      'How the yuan replaced the dollar in Russian trade – Ledger',
      'How the yuan replaced the dollar in Russian trade',
    ],
    ['', 'Russia - China trade up', 'Russia - China trade up'],
  ])('h1 %s, title %s -> %s', (h1, docTitle, expected) => {
    expect(pickVisibleTitle(h1, docTitle, {})).toBe(expected);
  });
});
