/**
 * The headline translation option: English headlines for reports that are not in English, from
 * a Translator (Amazon Translate behind the port). A headline is not in English when its report
 * says so or its letters and words show it (feeds often declare "en" for Polish). Translations
 * are kept in the data store by the hash of language and text, so a headline seen again (a
 * later run, another edition) costs nothing; at most `maxPerRun` headlines are sent per run;
 * after `maxFailures` failures in a row the service is not asked again that run. A headline
 * that is not translated stays as it was: translation never stops an edition.
 */
import { describeError } from '#domain/errors.ts';
import { dataKeys } from '#domain/keys.ts';
import type { ScoredItem } from '#domain/types.ts';
import * as z from '#domain/zod.ts';
import type { Logger, Store, Translator } from '#ports/ports.ts';
import { type CorruptDocument, readStoredValue, writeStoredJson } from '#state/stored-json.ts';
import { normaliseLanguage } from '#text/language.ts';
import { cleanTitle } from '#text/titles.ts';
import { isDigestLanguage } from './attribution.ts';

export interface TranslateDeps {
  translator: Translator;
  /** Private state: the translation cache. */
  data: Store;
  logger: Logger;
  /** Told about a corrupt cached translation (kept aside by the state helper, then translated again). */
  onCorrupt?: (document: CorruptDocument) => void;
  /** A dry run: cached translations are used, new ones are not stored. */
  readOnly?: boolean;
}

export interface TranslateOptions {
  maxPerRun: number;
  maxFailures?: number;
}

/** An English headline and the language it was translated from ("auto" when not declared). */
export interface HeadlineTranslation {
  english: string;
  from: string;
}

const CachedTranslationSchema = z.object({
  language: z.string(),
  text: z.string(),
  english: z.string().check(z.minLength(1)),
});
type CachedTranslation = z.infer<typeof CachedTranslationSchema>;

/** English headlines by item id, for the items whose headline is not in English. */
export async function translateHeadlines(
  items: readonly ScoredItem[],
  deps: TranslateDeps,
  options: TranslateOptions,
): Promise<Map<string, HeadlineTranslation>> {
  const maxFailures = options.maxFailures ?? 3;
  const out = new Map<string, HeadlineTranslation>();
  let calls = 0;
  let failures = 0;
  let skipped = 0;
  for (const item of items) {
    const declared = normaliseLanguage(item.language ?? item.article?.language);
    const title = cleanTitle(item.title, item.source);
    if (!title || isDigestLanguage(title, declared)) continue;
    const language = declared && declared !== 'en' ? declared : 'auto';
    const key = dataKeys.translation(language, title);
    const cached = await readCached(deps, key, title);
    if (cached) {
      out.set(item.id, { english: cached, from: language });
      continue;
    }
    if (calls >= options.maxPerRun || failures >= maxFailures) {
      skipped++;
      continue;
    }
    calls++;
    try {
      const english = await deps.translator.translate(title, language);
      failures = 0;
      out.set(item.id, { english, from: language });
      const record: CachedTranslation = { language, text: title, english };
      if (!deps.readOnly)
        await writeStoredJson(deps.data, key, record).catch((error: unknown) =>
          deps.logger.warn('translation not cached', { itemId: item.id, error: describeError(error) }),
        );
    } catch (error) {
      failures++;
      deps.logger.warn('headline not translated', {
        itemId: item.id,
        error: describeError(error),
        ...(failures >= maxFailures ? { stopping: true } : {}),
      });
    }
  }
  if (skipped > 0) deps.logger.info('headlines left untranslated', { skipped, cap: options.maxPerRun });
  return out;
}

/** A cached translation of exactly this text, or undefined (absent, unreadable, or of another text). */
async function readCached(deps: TranslateDeps, key: string, text: string): Promise<string | undefined> {
  try {
    const record = await readStoredValue(
      {
        store: deps.data,
        logger: deps.logger,
        ...(deps.onCorrupt ? { onCorrupt: deps.onCorrupt } : {}),
        ...(deps.readOnly ? { readOnly: true } : {}),
      },
      key,
      CachedTranslationSchema,
    );
    return record?.text === text && record.english.trim() ? record.english : undefined;
  } catch (error) {
    deps.logger.warn('translation cache not read', { error: describeError(error) });
    return undefined;
  }
}
