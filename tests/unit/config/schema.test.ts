import { describe, expect, it } from 'vitest';
import { parseConfig } from '#config/schema.ts';
import { ConfigError } from '#domain/errors.ts';
import { THEME_IDS } from '#domain/types.ts';

describe('parseConfig', () => {
  it('fills every default from an empty document', () => {
    const config = parseConfig({});
    expect(config.feeds.length).toBeGreaterThan(10);
    expect(new Set(config.feeds.map((f) => f.perspective))).toEqual(
      new Set([
        'aggregator',
        'western',
        'regional',
        'russian-state',
        'russian-independent',
        'chinese-state',
        'chinese-independent',
      ]),
    );
    expect(config.themes).toEqual([...THEME_IDS]);
    expect(config.schedule).toEqual({ time: '07:00', timeZone: 'Europe/London' });
    expect(config.fetch.allowPrivateNetwork).toBe(false);
    expect(config.delivery.recipients).toEqual([]);
  });

  it.each([
    [{ feeds: [{ name: 'x' }] }, 'config feeds[0].url:'],
    [{ feeds: [] }, 'config feeds:'],
    [{ schedule: { time: '7am' } }, 'config schedule.time: expected HH:MM'],
    [{ schedule: { timeZone: 'Mars/Olympus' } }, 'config schedule.timeZone: unknown IANA time zone'],
    [{ themes: ['gossip'] }, 'config themes[0]:'],
    [{ delivery: { from: 'nobody' } }, 'config delivery.from:'],
    [{ delivery: { quietDay: 'maybe' } }, 'config delivery.quietDay:'],
    [{ fetch: { perHost: 0 } }, 'config fetch.perHost:'],
    [{ archive: { baseUrl: 'not a url' } }, 'config archive.baseUrl:'],
    [{ maxStorys: 20 }, 'config maxStorys: unknown key (did you mean "maxStories"?)'],
    // The key's spelling before the codebase settled on -ise: an old config is told the new one.
    [{ summarizer: { kind: 'bedrock' } }, 'config summarizer: unknown key (did you mean "summariser"?)'],
    [{ delivery: { form: 'a@example.org' } }, 'config delivery.form: unknown key (did you mean "from"?)'],
    [
      { feeds: [{ name: 'a', url: 'https://a.example/', perspectve: 'wire' }] },
      'config feeds[0].perspectve: unknown key (did you mean "perspective"?)',
    ],
    [{ fetch: { allowPrivateNetwork: true, bogus: 1 } }, 'config fetch.bogus: unknown key'],
    [{ colour: 'red' }, 'config colour: unknown key'],
  ])('rejects %j with a one-line error naming the field', (doc, message) => {
    let error: unknown;
    try {
      parseConfig(doc);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message.startsWith(message)).toBe(true);
    expect((error as Error).message).not.toContain('\n');
  });

  it('suggests nothing when no key is close', () => {
    expect(() => parseConfig({ colour: 'red' })).toThrowError(/^config colour: unknown key$/);
  });
});
