import { describe, expect, it } from 'vitest';
import { findNearMisses, readNearMisses, SHARED_ANCHORS } from '#analyse/near-misses.ts';
import { createClassificationMemo, scoreItem } from '#analyse/select-relevant.ts';
import type { FeedItem, ScoredItem } from '#domain/types.ts';

let n = 0;
const item = (
  title: string,
  extra: Pick<Partial<FeedItem>, 'link' | 'content' | 'summary'> = {},
): FeedItem => ({
  id: `i${++n}`,
  title,
  link: `https://news.example/${n}`,
  source: 'Example Wire',
  published: '2026-11-23T05:00:00Z',
  categories: [],
  perspective: 'wire',
  ...extra,
});

const RELEVANT = scoreItem(item('EU, US sanction Chinese firms over supplies to Russia’s military'));
const REACTION = 'China firmly opposes US, EU sanctions on Chinese firms: FM spokesperson';
const PAGE =
  'China firmly opposes the illegal unilateral sanctions imposed by the United States and the European Union on Chinese companies on the pretext of Russia, the foreign ministry spokesperson said. China and Russia conduct normal trade and economic cooperation, which should not be disrupted, the spokesperson added. ';

describe('findNearMisses: the items below the cut worth a page', () => {
  it('takes a one-side item that shares two event anchors with a relevant headline', () => {
    expect(RELEVANT.classification.relevant).toBe(true);
    const reaction = item(REACTION, {
      summary: 'China will take necessary measures, the spokesperson said.',
    });
    const misses = findNearMisses([RELEVANT, reaction], [RELEVANT], { max: 5 });
    expect(misses.map((m) => m.item.id)).toEqual([reaction.id]);
    expect(misses[0]!.peer).toBe(RELEVANT.title);
    expect(misses[0]!.shared.length).toBeGreaterThanOrEqual(SHARED_ANCHORS);
    expect(misses[0]!.item.classification.relevant).toBe(false);
  });

  it.each([
    ['names neither side', 'EU, US sanction Iranian firms over drone supplies'],
    ['shares one event anchor only', 'China opposes new EU tariffs on electric cars'],
    ['shares only the leaders and a meeting', 'Putin holds talks in Moscow with visiting envoy'],
    ['shares only kinds of event', 'China’s military sanctions drill ends'],
    [
      'counts a leader and the country he implies once',
      'Kishida says Japan will stand by its ties with China',
    ],
  ])('leaves out an item that %s', (_why, title) => {
    const peer = scoreItem(item('China and Russia condemn Japan’s Kishida over his visit to Kyiv'));
    expect(peer.classification.relevant).toBe(true);
    const misses = findNearMisses([item(title)], [RELEVANT, peer], { max: 5 });
    expect(misses).toEqual([]);
  });

  it.each([
    ['the two sides only in its backdrop', 'EU, US sanction Chinese firms as Putin meets Xi in Moscow'],
    ['a live page', 'Live updates: EU, US sanction Chinese firms over supplies to Russia’s military'],
  ])('takes no event from a relevant headline with %s', (_why, title) => {
    const peer = scoreItem(item(title));
    const misses = findNearMisses([item(REACTION)], [peer], { max: 5 });
    expect(misses).toEqual([]);
    // The same item against a report of the event itself.
    expect(findNearMisses([item(REACTION)], [peer, RELEVANT], { max: 5 })).toHaveLength(1);
  });

  it('leaves out items without a link, with the full text in the feed, or already relevant', () => {
    const noLink = item(REACTION, { link: '' });
    const fullText = item(REACTION, { content: 'word '.repeat(200) });
    expect(findNearMisses([noLink, fullText, RELEVANT], [RELEVANT], { max: 5 })).toEqual([]);
  });

  it('keeps the most shared first, then the highest scores, at most max; none with max 0', () => {
    const two = item(REACTION);
    const three = item('China condemns EU, US military sanctions on its firms');
    const misses = findNearMisses([two, three], [RELEVANT], { max: 1, memo: createClassificationMemo() });
    expect(misses.map((m) => m.item.id)).toEqual([three.id]);
    expect(findNearMisses([two, three], [RELEVANT], { max: 0 })).toEqual([]);
  });
});

describe('readNearMisses: read again with the page', () => {
  const withPage = (feed: FeedItem, text: string): ScoredItem => ({
    ...scoreItem(feed),
    article: { url: feed.link, title: feed.title, text },
  });

  it('keeps the item its page makes relevant, marked and explained, and drops the others', () => {
    const reaction = item(REACTION);
    const decoy = item('EU sanctions Chinese steel makers over dumping');
    const noPage = item('China criticises US, EU sanctions on its banks');
    const misses = findNearMisses([reaction, decoy, noPage], [RELEVANT], { max: 5 });
    expect(misses).toHaveLength(3);
    const fetched = [
      RELEVANT,
      withPage(reaction, PAGE.repeat(3)),
      withPage(
        decoy,
        'The European Commission imposed duties on steel from China after complaints from producers. '.repeat(
          6,
        ),
      ),
      { ...scoreItem(noPage), articleNote: 'page not fetched: HTTP 403' },
    ];
    const { items, report } = readNearMisses(fetched, misses);
    // The relevant items pass as they are, the rescued one after them.
    expect(items.map((i) => i.id)).toEqual([RELEVANT.id, reaction.id]);
    expect(items[0]).toBe(RELEVANT);
    expect(items[1]!.classification).toMatchObject({ relevant: true, byPage: true });
    expect(items[1]!.classification.reasons.at(-1)).toMatch(
      /^second look: 0\.\d{3} on its feed text; .*EU, US sanction/,
    );
    expect(report).toEqual({ looked: 3, rescued: 1 });
  });

  it('drops a rescued item off the request’s themes', () => {
    const reaction = item(REACTION);
    const misses = findNearMisses([reaction], [RELEVANT], { max: 5 });
    const { items } = readNearMisses([withPage(reaction, PAGE.repeat(3))], misses, ['energy']);
    expect(items).toEqual([]);
  });
});
