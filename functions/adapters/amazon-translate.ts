/**
 * Headline translation on Amazon Translate (TranslateText, target English). This adapter only
 * asks: a call that takes longer than `timeoutMs` is aborted, throttling and service errors
 * surface as the SDK raised them (after its own retries), an answer without text is a
 * TranslationError. edition/translate-headlines.ts caches, caps and falls back.
 */
import type { TranslateClient } from '@aws-sdk/client-translate';
import { TranslationError } from '#domain/errors.ts';
import type { Translator } from '#ports/ports.ts';

export interface AmazonTranslatorOptions {
  client: TranslateClient;
  /** Abort one call after this long. */
  timeoutMs?: number;
}

export function createAmazonTranslator(options: AmazonTranslatorOptions): Translator {
  return {
    async translate(text, sourceLanguage) {
      // Loaded on first use, not with the bundle: the option is off by default, and every cold
      // start of every handler would pay for the module otherwise (bench/bundle.ts).
      const { TranslateTextCommand } = await import('@aws-sdk/client-translate');
      const out = await options.client.send(
        new TranslateTextCommand({
          Text: text,
          SourceLanguageCode: sourceLanguage,
          TargetLanguageCode: 'en',
        }),
        { abortSignal: AbortSignal.timeout(options.timeoutMs ?? 10_000) },
      );
      const translated = out.TranslatedText?.trim();
      if (!translated) throw new TranslationError('translation service returned no text');
      return translated;
    },
  };
}
