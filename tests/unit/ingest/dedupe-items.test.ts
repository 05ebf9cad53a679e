import { describe, expect, it } from 'vitest';
import type { FeedItem } from '#domain/types.ts';
import { mergeDuplicateItems } from '#ingest/dedupe-items.ts';

const item = (over: Partial<FeedItem> & Pick<FeedItem, 'id' | 'source'>): FeedItem => ({
  title: `Title ${over.id}`,
  link: `https://example.org/${over.id}`,
  categories: [],
  perspective: 'other',
  ...over,
});

describe('mergeDuplicateItems', () => {
  it('merges the same canonical link into the first report, kept whole, with each other source’s own report', () => {
    const merged = mergeDuplicateItems([
      item({
        id: 'a',
        source: 'Wire',
        perspective: 'wire',
        link: 'https://pub.example.org/x',
        published: '2026-11-23T09:00:00.000Z',
        summary: 'Short.',
      }),
      item({ id: 'b', source: 'Other', link: 'https://pub.example.org/y' }),
      item({
        id: 'c',
        source: 'State TV',
        perspective: 'russian-state',
        title: 'A different headline',
        link: 'https://pub.example.org/x',
        published: '2026-11-23T08:00:00.000Z',
        summary: 'A longer summary of the same article, in the state outlet’s words.',
        content: 'Full text.',
        author: 'Desk',
        categories: ['energy'],
      }),
    ]);
    expect(merged.map((i) => i.id)).toEqual(['a', 'b']);
    // Before, the wire item took the state outlet's summary, content, author, date and categories.
    expect(merged[0]).toEqual({
      id: 'a',
      title: 'Title a',
      link: 'https://pub.example.org/x',
      source: 'Wire',
      perspective: 'wire',
      published: '2026-11-23T09:00:00.000Z',
      summary: 'Short.',
      categories: [],
      alsoIn: ['State TV'],
      duplicates: [
        {
          source: 'State TV',
          perspective: 'russian-state',
          title: 'A different headline',
          link: 'https://pub.example.org/x',
          published: '2026-11-23T08:00:00.000Z',
        },
      ],
    });
  });

  it('merges the same GUID-based id even when the links differ', () => {
    const merged = mergeDuplicateItems([
      item({ id: 'g', source: 'A', link: 'https://a.example.org/1' }),
      item({ id: 'g', source: 'B', link: 'https://b.example.org/1' }),
    ]);
    expect(merged).toHaveLength(1);
    expect(merged[0]!.alsoIn).toEqual(['B']);
  });

  it('chains matches: a link match, then an id match of the second item', () => {
    const merged = mergeDuplicateItems([
      item({ id: '1', source: 'A', link: 'https://x.example.org/a' }),
      item({ id: '2', source: 'B', link: 'https://x.example.org/a' }),
      item({ id: '2', source: 'C', link: 'https://x.example.org/other' }),
    ]);
    expect(merged).toHaveLength(1);
    expect(merged[0]!.alsoIn).toEqual(['B', 'C']);
  });

  it('does not list the item’s own source, nor a source twice', () => {
    const merged = mergeDuplicateItems([
      item({ id: 'x', source: 'A' }),
      item({ id: 'x', source: 'A' }),
      item({ id: 'x', source: 'B' }),
      item({ id: 'x', source: 'B', alsoIn: ['C', 'A'] }),
    ]);
    expect(merged[0]!.alsoIn).toEqual(['B', 'C']);
  });

  it('never merges items without a link on the empty link', () => {
    const merged = mergeDuplicateItems([
      item({ id: 'p', source: 'A', link: '' }),
      item({ id: 'q', source: 'B', link: '' }),
    ]);
    expect(merged).toHaveLength(2);
  });

  it('keeps order and does not modify its input', () => {
    const input = [
      item({ id: 'a', source: 'A', categories: ['x'] }),
      item({ id: 'a', source: 'B', categories: ['y'] }),
    ];
    const snapshot = structuredClone(input);
    const merged = mergeDuplicateItems(input);
    expect(merged[0]!.categories).toEqual(['x']);
    expect(merged[0]!.duplicates!.map((d) => d.source)).toEqual(['B']);
    expect(input).toEqual(snapshot);
  });

  it('keeps one report per other source, its first', () => {
    const merged = mergeDuplicateItems([
      item({ id: 'x', source: 'A' }),
      item({ id: 'x', source: 'B', title: 'B first' }),
      item({ id: 'x', source: 'B', title: 'B again' }),
      item({ id: 'x', source: 'A', title: 'A again' }),
    ]);
    expect(merged[0]!.title).toBe('Title x');
    expect(merged[0]!.duplicates!.map((d) => [d.source, d.title])).toEqual([['B', 'B first']]);
  });

  it('returns nothing for nothing', () => {
    expect(mergeDuplicateItems([])).toEqual([]);
  });
});
