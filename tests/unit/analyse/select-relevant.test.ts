import { describe, expect, it } from 'vitest';
import { createClassificationMemo, selectRelevant } from '#analyse/select-relevant.ts';
import type { FeedItem } from '#domain/types.ts';
import { silentLogger } from '#ports/ports.ts';
import { createMemoryStore } from '#tests/helpers/memory-store.ts';

const item = (id: string, title: string): FeedItem => ({
  id,
  title,
  link: `https://news.example.org/${id}`,
  source: 'Example News',
  summary: '',
  categories: [],
  perspective: 'western',
});

const items = [
  item('a', 'Xi and Putin sign a pact on energy cooperation in Moscow'),
  item('b', 'Local football club wins the cup'),
];
const selection = { secondOpinion: { band: { from: 0.45, to: 0.55 }, maxItems: 0, maxCostUsd: 0 } };

describe('selectRelevant', () => {
  it('keeps the relevant items, the same with or without a memo of the run’s classifications', async () => {
    const plain = await selectRelevant(items, { logger: silentLogger, data: createMemoryStore() }, selection);
    expect(plain.map((i) => i.id)).toEqual(['a']);
    const classified = createClassificationMemo();
    const deps = { logger: silentLogger, data: createMemoryStore(), classified };
    expect(await selectRelevant(items, deps, selection)).toEqual(plain);
    expect(classified.size).toBe(2);
    expect(await selectRelevant(items, deps, selection)).toEqual(plain);
  });

  it('classifies an item once a run: a second selection reads the memo', async () => {
    const classified = createClassificationMemo();
    const deps = { logger: silentLogger, data: createMemoryStore(), classified };
    await selectRelevant(items, deps, selection);
    // The memo is what the second call reads: a verdict changed in it changes the selection.
    for (const [key, result] of classified) classified.set(key, { ...result, relevant: !result.relevant });
    expect((await selectRelevant(items, deps, selection)).map((i) => i.id)).toEqual(['b']);
  });

  it.each([
    // A Polish portal's feed declares "en-US": the text plainly says Polish.
    ['en-US', 'Chiny i Rosja podpisały umowę. Putin rozmawiał z Xi Jinpingiem w Moskwie', 'pl'],
    // A tag the text agrees with is kept as the feed gave it.
    ['en-US', 'Xi and Putin sign a pact on energy cooperation in Moscow', 'en-US'],
    // A language the lexicons do not read: the feed knows better than the guess.
    ['ja', 'Xi and Putin sign a pact on energy cooperation in Moscow', 'ja'],
    // No tag: the language the item was read in.
    [undefined, 'Путин и Си Цзиньпин подписали соглашение в Москве', 'ru'],
  ])('an item tagged %s and headed “%s” is in %s', async (tag, title, language) => {
    const tagged = { ...item('t', title), ...(tag ? { language: tag } : {}) };
    const [kept] = await selectRelevant(
      [tagged],
      { logger: silentLogger, data: createMemoryStore() },
      selection,
    );
    expect(kept?.language).toBe(language);
  });
});
