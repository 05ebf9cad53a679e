/**
 * Where an edition is kept: a public edition joins the archive (pages, JSON, feeds, indexes); a
 * private ad-hoc briefing is written under the data store's adhoc/ prefix and nowhere public.
 */
import type { Edition } from '#domain/types.ts';
import type { Store } from '#ports/ports.ts';
import { type PrivateEditionReport, writePrivateEdition } from './private-edition.ts';
import { type PublishDeps, type PublishReport, publishEdition } from './publish-archive.ts';
import type { SiteContext } from './render-site.ts';

export interface StoreEditionDeps extends PublishDeps {
  /** Private ad-hoc briefings (keys under adhoc/). */
  adHoc: Store;
}

export type StoredEdition = { published: PublishReport } | { privateCopy: PrivateEditionReport };

export async function storeEdition(
  deps: StoreEditionDeps,
  edition: Edition,
  context: SiteContext,
): Promise<StoredEdition> {
  if (edition.private)
    return {
      privateCopy: await writePrivateEdition(
        { store: deps.adHoc, templates: deps.templates },
        edition,
        context,
      ),
    };
  return { published: await publishEdition(deps, edition, context) };
}
