import { readFileSync } from 'node:fs';
import { classifyItem } from '#analyse/classify-relevance.ts';
import { clusterStories } from '#analyse/cluster-stories.ts';
import { frameOfHeadline, isBilateralReport } from '#analyse/headline-frame.ts';
const day = process.argv[2]!;
const items = readFileSync('/work/shared/corpora/relevance-train/items.jsonl', 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)).filter((x) => x.published.slice(0, 10) === day);
const scored = items.map((x) => ({ id: x.id, title: x.title, link: x.url, published: x.published, summary: x.summary, categories: [], language: x.language, source: x.source, perspective: 'other' as const, classification: classifyItem({ title: x.title, summary: x.summary, language: x.language }) })).filter((x) => x.classification.relevant);
for (const c of clusterStories(scored as never)) {
  console.log('--');
  for (const i of c as any[]) { const f = frameOfHeadline(i.title); console.log(`  ${isBilateralReport(f) ? 'B' : ' '} ${i.title.slice(0, 90)}  ${JSON.stringify({ m: f.meeting, b: f.bilateral, t: f.thirdParty, o: f.otherParticipant, c: f.commentary, p: f.preview })}`); }
}
