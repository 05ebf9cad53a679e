/**
 * The stories of the last few editions in the archive, for novelty: a story that only repeats
 * one of them ranks lower and says what is new. Reads the published archive through the state
 * helper, so a corrupt index is reported and kept aside rather than taken for an empty archive.
 */
import { describeError } from '#domain/errors.ts';
import { siteKeys } from '#domain/keys.ts';
import * as z from '#domain/zod.ts';
import { readStoredJson, readStoredValue, type StateContext } from '#state/stored-json.ts';
import type { PreviousStoryRef } from './rank-stories.ts';

const EditionsIndexSchema = z.array(z.object({ id: z.string() }));
/** Only what novelty reads of a stored edition. */
const PreviousEditionSchema = z.object({
  stories: z.array(z.object({ title: z.string(), articles: z.array(z.object({ url: z.string() })) })),
});

/**
 * Stories of the last three other editions, newest first; undefined when the archive could not
 * be read (unreachable or a corrupt index), which says nothing about novelty, unlike [].
 */
export async function previousStories(
  site: StateContext,
  editionId: string,
): Promise<PreviousStoryRef[] | undefined> {
  try {
    const index = await readStoredJson(site, siteKeys.editionsIndex(), EditionsIndexSchema);
    if (index.status === 'absent') return [];
    if (index.status === 'corrupt') return undefined;
    const stories: PreviousStoryRef[] = [];
    for (const entry of index.value.filter((e) => e.id !== editionId).slice(0, 3)) {
      const edition = await readStoredValue(site, siteKeys.editionJson(entry.id), PreviousEditionSchema);
      for (const story of edition?.stories ?? [])
        stories.push({ title: story.title, editionId: entry.id, urls: story.articles.map((a) => a.url) });
    }
    return stories;
  } catch (error) {
    // Novelty is a refinement: an unreachable archive must not stop the edition.
    site.logger.warn('previous editions not read', { error: describeError(error) });
    return undefined;
  }
}
