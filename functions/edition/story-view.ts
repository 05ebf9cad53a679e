/**
 * Stories as readers see them, in the email and on the archive alike: clean one-line text, safe
 * links, sources grouped by perspective, labels in words. Both renderers build on this view.
 */
import type { Edition, Perspective, SignalLabel, Story } from '#domain/types.ts';
import { safeHref } from '#text/urls.ts';

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

/** One line of text from feed-derived input: no control characters, no line breaks. */
export function cleanLine(text: string): string {
  return text
    .replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface StoryView {
  id: string;
  title: string;
  url?: string;
  sentences: { text: string; url?: string }[];
  /** Absent when the story carries no signal label. */
  signal?: SignalLabel;
  signalLabel?: string;
  groups: {
    label: string;
    articles: { source: string; title: string; url?: string; language?: string }[];
  }[];
}

/** A story as templates see it: clean text, safe links, sources grouped by perspective. */
export function storyView(story: Story): StoryView {
  const groups = new Map<Perspective, StoryView['groups'][number]>();
  for (const a of story.articles) {
    const group = groups.get(a.perspective) ?? {
      label: PERSPECTIVE_LABELS[a.perspective] ?? a.perspective,
      articles: [],
    };
    const source = cleanLine(a.source);
    if (!group.articles.some((x) => x.source === source)) {
      const url = safeHref(a.url);
      group.articles.push({
        source,
        title: cleanLine(a.title),
        ...(url ? { url } : {}),
        ...(a.language && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(a.language)
          ? { language: a.language }
          : {}),
      });
    }
    groups.set(a.perspective, group);
  }
  const url = safeHref(story.articles[0]?.url);
  return {
    id: story.id,
    title: cleanLine(story.title),
    ...(url ? { url } : {}),
    sentences: story.sentences.map((s) => {
      const href = safeHref(s.url);
      return { text: cleanLine(s.text), ...(href ? { url: href } : {}) };
    }),
    ...(story.signal
      ? { signal: story.signal, signalLabel: SIGNAL_LABELS[story.signal] ?? story.signal }
      : {}),
    groups: [...groups.values()],
  };
}
