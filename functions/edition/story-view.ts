/**
 * Stories as readers see them, in the email and on the archive alike: clean one-line text, safe
 * links, sources grouped by perspective with the time of each report, labels in words. Both
 * renderers build on this view; optional fields of the edition (novelty, inferred perspectives,
 * translated headlines, an absent signal) show only when present.
 */
import type { Edition, Perspective, SignalLabel, Story } from '#domain/types.ts';
import { safeHref } from '#text/urls.ts';
import { outletName } from './outlet-name.ts';

export const PERSPECTIVE_LABELS: Record<Perspective, string> = {
  wire: 'Wire services',
  western: 'Western',
  'russian-state': 'Russian state',
  'russian-independent': 'Russian independent',
  'chinese-state': 'Chinese state',
  'chinese-independent': 'Hong Kong and independent Chinese',
  regional: 'Regional',
  aggregator: 'News search',
  other: 'Other',
};

/** Signal labels as words: the colour in the email only repeats what the word says. */
export const SIGNAL_LABELS: Record<SignalLabel, string> = {
  reinforces: 'Reinforces',
  'new-development': 'New development',
  'counter-signal': 'Counter-signal',
};

/** Language names for the tags shown beside reports that are not in English. */
const LANGUAGE_NAMES: Record<string, string> = {
  ru: 'Russian',
  zh: 'Chinese',
  uk: 'Ukrainian',
  ja: 'Japanese',
  ko: 'Korean',
  de: 'German',
  fr: 'French',
  es: 'Spanish',
  ar: 'Arabic',
  kk: 'Kazakh',
  mn: 'Mongolian',
  hi: 'Hindi',
  tr: 'Turkish',
  fa: 'Persian',
  pl: 'Polish',
};

const LANGUAGE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/** "Monday, 23 November 2026" from the edition id's date, else from when it was generated. */
export function formatEditionDate(edition: Pick<Edition, 'id' | 'generatedAt'>): string {
  const fromId = /^\d{4}-\d{2}-\d{2}/.test(edition.id)
    ? new Date(`${edition.id.slice(0, 10)}T12:00:00Z`)
    : undefined;
  const date = fromId && !Number.isNaN(fromId.getTime()) ? fromId : new Date(edition.generatedAt);
  if (Number.isNaN(date.getTime())) return edition.id;
  return new Intl.DateTimeFormat('en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

/**
 * When a report was published, for a reader scanning sources: "07:40" on the edition's own day,
 * "22 Nov 20:23" before it; always UTC (the pages and the email say so once). Undefined when the
 * feed gave no usable time.
 */
export function formatReportTime(published: string | undefined, editionDay: string): string | undefined {
  if (!published) return undefined;
  const at = new Date(published);
  if (Number.isNaN(at.getTime())) return undefined;
  const time = at.toISOString().slice(11, 16);
  if (at.toISOString().slice(0, 10) === editionDay) return time;
  const day = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
    at,
  );
  return `${day} ${time}`;
}

/** At most `max` characters, cut at a word (unless that loses too much) and marked with an ellipsis. */
export function truncateAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, '')}…`;
}

/** One line of text from feed-derived input: no control characters, no line breaks. */
export function cleanLine(text: string): string {
  return text
    .replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface ArticleView {
  source: string;
  title: string;
  /** The headline in English, beside a headline in another language. */
  titleEnglish?: string;
  url?: string;
  /** BCP 47 tag, for hreflang; `languageLabel` is the word shown ("Russian"). */
  language?: string;
  languageLabel?: string;
  /** "07:40" or "22 Nov 20:23", UTC. */
  time?: string;
  published?: string;
}

export interface StoryView {
  id: string;
  title: string;
  url?: string;
  /** The headline in English when it is in another language and a translation exists. */
  titleEnglish?: string;
  /** The summary's sentences, without any that only repeat the headline. */
  sentences: { text: string; url?: string }[];
  /** Absent when the story carries no signal label. */
  signal?: SignalLabel;
  signalLabel?: string;
  /**
   * "First reported today.", "Second day of coverage.", ... when the edition says; never the
   * first edition's note, which is said once for the edition (`firstEditionNote`).
   */
  novelty?: string;
  /** Only one outlet reported it: its name and time stand in for a summary that is the headline. */
  singleSource?: ArticleView;
  groups: {
    label: string;
    /** The perspective was read from the outlet's domain, not given by the feed. */
    inferred: boolean;
    articles: ArticleView[];
  }[];
}

/** Letters and digits only, lower-case: enough to tell a sentence that is the headline again. */
const comparable = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** The sentence is the headline again: the same words, most of them, or them plus an outlet's name. */
function repeatsHeadline(sentence: string, headline: string): boolean {
  const s = comparable(sentence);
  const h = comparable(headline);
  if (!s || !h) return false;
  return (
    s === h ||
    (h.includes(s) && s.length >= 0.6 * h.length) ||
    (s.startsWith(h) && s.length <= 1.3 * h.length)
  );
}

/**
 * The first edition's note, said once above the stories rather than on each of them: with no
 * earlier edition, no story can be called new.
 */
export function firstEditionNote(edition: Pick<Edition, 'stories'>): string | undefined {
  const note = edition.stories.find((s) => s.novelty?.kind === 'first-edition')?.novelty?.text;
  return note ? cleanLine(note) : undefined;
}

/** A story as templates see it: clean text, safe links, sources grouped by perspective. */
export function storyView(story: Story, editionDay = ''): StoryView {
  const groups = new Map<string, StoryView['groups'][number]>();
  for (const a of story.articles) {
    const inferred = a.perspectiveInferred === true;
    const key = `${a.perspective}${inferred ? ':inferred' : ''}`;
    const group = groups.get(key) ?? {
      label: PERSPECTIVE_LABELS[a.perspective] ?? a.perspective,
      inferred,
      articles: [],
    };
    // The outlet's own name ("The New York Times"), not the feed's ("NY times - World").
    const source = cleanLine(outletName(a.source, a.url));
    if (!group.articles.some((x) => x.source === source))
      group.articles.push(articleView(a, source, editionDay));
    groups.set(key, group);
  }
  const url = safeHref(story.articles[0]?.url);
  const title = cleanLine(story.title);
  const sentences = story.sentences
    .map((s) => {
      const href = safeHref(s.url);
      return { text: cleanLine(s.text), ...(href ? { url: href } : {}) };
    })
    .filter((s) => s.text && !repeatsHeadline(s.text, title));
  const outlets = [...groups.values()].flatMap((g) => g.articles);
  const titleEnglish = outlets.find((a) => a.title === title)?.titleEnglish;
  return {
    id: story.id,
    title,
    ...(titleEnglish ? { titleEnglish } : {}),
    ...(url ? { url } : {}),
    sentences,
    ...(story.signal
      ? { signal: story.signal, signalLabel: SIGNAL_LABELS[story.signal] ?? story.signal }
      : {}),
    ...(story.novelty?.text && story.novelty.kind !== 'first-edition'
      ? { novelty: cleanLine(story.novelty.text) }
      : {}),
    ...(outlets.length === 1 ? { singleSource: outlets[0] } : {}),
    groups: [...groups.values()],
  };
}

function articleView(a: Story['articles'][number], source: string, editionDay: string): ArticleView {
  const url = safeHref(a.url);
  const language = a.language && LANGUAGE_TAG.test(a.language) ? a.language : undefined;
  const primary = language ? language.split('-')[0]!.toLowerCase() : undefined;
  const time = formatReportTime(a.published, editionDay);
  const english = a.titleEnglish ? cleanLine(a.titleEnglish) : '';
  return {
    source,
    title: cleanLine(a.title),
    ...(english && english !== cleanLine(a.title) ? { titleEnglish: english } : {}),
    ...(url ? { url } : {}),
    ...(language ? { language } : {}),
    ...(primary && primary !== 'en' ? { languageLabel: LANGUAGE_NAMES[primary] ?? primary } : {}),
    ...(time ? { time, published: a.published } : {}),
  };
}
