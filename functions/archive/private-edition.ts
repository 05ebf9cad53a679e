/**
 * A private ad-hoc briefing: the edition and a self-contained page of it, written under the
 * data store's adhoc/ prefix (locally <out>/adhoc/<id>/). Nothing here touches the public index,
 * feeds, trends or search: an analyst's question is not the archive's business unless they ask
 * for it to be published.
 */
import { dataKeys } from '#domain/keys.ts';
import type { Edition } from '#domain/types.ts';
import type { Store, Templates } from '#ports/ports.ts';
import { renderPrivateEditionPage, type SiteContext } from './render-site.ts';

export interface PrivateEditionReport {
  editionId: string;
  /** Keys written, the page first. */
  keys: string[];
}

export async function writePrivateEdition(
  deps: { store: Store; templates: Templates },
  edition: Edition,
  context: SiteContext,
): Promise<PrivateEditionReport> {
  const json = dataKeys.adHocEditionJson(edition.id);
  const page = dataKeys.adHocEditionPage(edition.id);
  await deps.store.put(json, `${JSON.stringify(edition, null, 2)}\n`, {
    contentType: 'application/json; charset=utf-8',
  });
  await deps.store.put(page, renderPrivateEditionPage(edition, context, deps.templates), {
    contentType: 'text/html; charset=utf-8',
  });
  return { editionId: edition.id, keys: [page, json] };
}
