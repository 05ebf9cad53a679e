/**
 * The shape of one language's lexicon: who counts as China, Russia or a third party, the other
 * senses of the same words, and the cue words the relevance and theme models read.
 *
 * Form syntax (folded to lower case without diacritics when compiled, so authors write natural
 * spellings): words separated by spaces must follow each other; a word ending in `*` is a prefix
 * (inflected forms: `rosj*` finds Rosja, Rosji, Rosję); a form ending in `-` must be followed by a
 * hyphen (`sino-` in "Sino-Russian"). Chinese forms (any Han character) match anywhere inside a
 * run of Han text. `cased` forms are compared with the original spelling, for acronyms and names
 * that are ordinary words in lower case (US, Xi, the Polish genitive Chin).
 *
 * Labels of cue classes and theme indicators are shared by every language, so a weight learned
 * from English and Polish items carries over to a language without training data.
 */
import type { ThemeId } from '#domain/types.ts';

/** The two sides, a named joint project of both, a third party, Ukraine, or another sense. */
export type Party = 'china' | 'russia' | 'both' | 'third' | 'ukraine' | 'sense';

/**
 * What kind of reference a mention is. Leaders and the seat of power make a story about the
 * state; a demonym can also describe a private person ("Russian skater"), which does not.
 */
export type EntityKind =
  | 'country'
  | 'people'
  | 'capital'
  | 'seat'
  | 'leader'
  | 'official'
  | 'organisation'
  | 'company'
  | 'currency'
  | 'place'
  | 'project'
  | 'state'
  | 'sense';

export interface EntityEntry {
  /** Shared by every language's entry for the same entity (forms are merged). */
  id: string;
  /** Display name used in reasons. */
  label: string;
  party: Party;
  kind: EntityKind;
  forms: readonly string[];
  cased?: readonly string[];
}

/** Words that relate two actors, by class; each class is one feature of the model. */
export const CUE_CLASSES = ['tie', 'joint', 'contact', 'flow'] as const;
export type CueClass = (typeof CUE_CLASSES)[number];

/** Contexts that make a co-mention incidental. */
export const FRAME_CLASSES = ['adversary', 'comparison', 'sport', 'electoral', 'roundup'] as const;
export type FrameClass = (typeof FRAME_CLASSES)[number];

export interface LanguageLexicon {
  /** ISO 639-1 code. */
  language: string;
  /** Frequent function words that identify the language when the feed does not say. */
  functionWords: readonly string[];
  entities: readonly EntityEntry[];
  /** Words that coordinate two actors ("and", "i", "und", 和). */
  connectors: readonly string[];
  /** Prepositions that make a following place a venue ("in", "w", "в"). */
  locatives: readonly string[];
  /**
   * Locatives that also say where something goes (French "à", Russian "в" with the accusative):
   * after a flow word the place is the recipient, not the venue ("Pékin fournit des drones à
   * Moscou", "Китай поставляет в Москву микросхемы").
   */
  destinations?: readonly string[];
  /** Words after a demonym that make it one private person ("Russian skater"). */
  persons: readonly string[];
  /**
   * Words of this language that another lexicon's case-sensitive name forms would read as a name
   * when they open a sentence: Polish "Kim jest…?" ("Who is…?") is not North Korea's Kim.
   */
  notNames?: readonly string[];
  /**
   * Demonyms in the singular, which name one person ("Rosjanin", "Chińczyk", "китаец"): a private
   * person, like a demonym before a person noun, not the state. Exact words (inflected forms listed).
   */
  personDemonyms?: readonly string[];
  /**
   * Words of travel to a place ("arrives", "visits", "heads to", "przyleciał"): with a leader or
   * official of one side, the other side's city or country is the host of a visit, not a venue.
   */
  visits: readonly string[];
  /**
   * Words that open a background clause ("amid", "as", "ahead of", "na tle"): what follows is
   * the backdrop of the headline's main event ("US rushes tanks to Ukraine as Putin meets Xi").
   */
  backdrops: readonly string[];
  cues: Readonly<Record<CueClass, readonly string[]>>;
  frames: Readonly<Record<FrameClass, readonly string[]>>;
  /** Theme indicators: theme id → indicator label → forms. Labels are shared across languages. */
  themes: Readonly<Record<ThemeId, Readonly<Record<string, readonly string[]>>>>;
}
