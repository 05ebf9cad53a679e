/**
 * The second look (functions/analyse/near-misses.ts) on the real news days, feed text only: how
 * many items below the cut a day would spend pages on, and their gold labels (a label-2 item among
 * them is one the feed text missed; label 0 and 1 are pages spent on what should stay out). The
 * README's figures come from here: `npx tsx scripts/near-miss-days.ts` (`--list` prints the items).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { eventAnchorsOf } from '#analyse/cluster-stories.ts';
import { findNearMisses } from '#analyse/near-misses.ts';
import { createClassificationMemo, scoreItem } from '#analyse/select-relevant.ts';
import type { FeedItem } from '#domain/types.ts';
import { mergeDuplicateItems } from '#ingest/dedupe-items.ts';
import { parseFeed } from '#ingest/parse-feed.ts';
import { normaliseLink } from './relevance-corpus.ts';

const base = resolve(fileURLToPath(new URL('..', import.meta.url)), '../shared/corpora/news-days');
const list = process.argv.includes('--list');

if (!existsSync(base)) {
  console.log(`near-miss days skipped: ${base} is absent`);
  process.exit(0);
}
for (const day of readdirSync(base).filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d))) {
  const gold = JSON.parse(readFileSync(join(base, day, 'gold.json'), 'utf8')) as {
    items: { link: string; label: number }[];
  };
  const labels = new Map(gold.items.map((g) => [normaliseLink(g.link), g.label]));
  const feeds = JSON.parse(readFileSync(join(base, day, 'feeds.json'), 'utf8')) as {
    url: string;
    name?: string;
    language?: string;
  }[];
  const items: FeedItem[] = [];
  for (const feed of feeds) {
    try {
      const parsed = await parseFeed(readFileSync(join(base, day, feed.url)));
      for (const item of parsed.items)
        items.push({
          ...item,
          id: `${feed.url}#${items.length}`,
          source: feed.name ?? feed.url,
          language: item.language ?? parsed.language ?? feed.language,
        } as FeedItem);
    } catch {
      // A feed the pipeline cannot read counts as a failed source there; here it is left out.
    }
  }
  const merged = mergeDuplicateItems(items);
  const memo = createClassificationMemo();
  const relevant = merged.map((item) => scoreItem(item, memo)).filter((s) => s.classification.relevant);
  // The relevant headlines' anchors are read by the clustering anyway (and cached): not counted.
  for (const item of relevant) eventAnchorsOf(item.title);
  const before = process.cpuUsage();
  const misses = findNearMisses(merged, relevant, { max: Number.POSITIVE_INFINITY, memo });
  const cpu = process.cpuUsage(before);
  const byLabel = [0, 0, 0];
  for (const m of misses) byLabel[labels.get(normaliseLink(m.item.link)) ?? 0]!++;
  console.log(
    `${day}: ${merged.length} items, ${relevant.length} relevant by feed text; near misses ${misses.length} ` +
      `(gold label 2: ${byLabel[2]}, label 1: ${byLabel[1]}, label 0: ${byLabel[0]}); ` +
      `${Math.round((cpu.user + cpu.system) / 1000)} ms CPU to choose them (the relevant headlines' anchors, which the clustering reads anyway, aside)`,
  );
  if (list)
    for (const m of misses)
      console.log(
        `  ${labels.get(normaliseLink(m.item.link)) ?? 0} ${m.item.classification.score.toFixed(3)} [${m.shared.join(' ')}] ${m.item.title.slice(0, 90)} <= ${m.peer.slice(0, 90)}`,
      );
}
