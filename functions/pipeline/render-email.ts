/**
 * The digest email: HTML (table layout, CSS inlined by juice, dark-mode aware, no scripts,
 * no remote assets, no tracking) and a plain-text part rendered from the same view model.
 * When a heavy day would exceed the size budget (Gmail clips at about 102 KB), the lowest-ranked
 * stories move to the web version and each section links there.
 */
import juice from 'juice';
import type { Edition, Perspective, SignalLabel, Story, ThemeId } from '../domain/types.ts';
import { createTemplateRenderer, type TemplateRenderer } from './template-renderer.ts';

export interface EmailContext {
  archiveTitle: string;
  /** Absolute URL of the edition's web page. */
  editionUrl: string;
  recipient?: { email: string; unsubscribeUrl: string; preferencesUrl: string; themes?: ThemeId[] };
  postalAddress: string;
  maxHtmlBytes: number;
}

export interface RenderedEmail {
  subject: string;
  preheader: string;
  html: string;
  text: string;
  includedStoryIds: string[];
  omittedStoryCount: number;
}

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

export const SIGNAL_LABELS: Record<SignalLabel, string> = {
  reinforces: 'Reinforces',
  'new-development': 'New development',
  'counter-signal': 'Counter-signal',
};

/** Only http(s) URLs become links; anything else (javascript:, data:) renders as plain text. */
export function safeHref(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.toString() : undefined;
  } catch {
    return undefined;
  }
}

export function formatEditionDate(edition: Edition): string {
  const date = new Date(`${edition.id.slice(0, 10)}T12:00:00Z`);
  if (Number.isNaN(date.getTime())) return edition.id;
  return new Intl.DateTimeFormat('en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

interface StoryView {
  id: string;
  title: string;
  url?: string;
  sentences: { text: string; url?: string }[];
  signal: SignalLabel;
  signalLabel: string;
  groups: { label: string; articles: { source: string; title: string; url?: string }[] }[];
}

export function storyView(story: Story): StoryView {
  const groups = new Map<Perspective, StoryView['groups'][number]>();
  for (const a of story.articles) {
    const group = groups.get(a.perspective) ?? {
      label: PERSPECTIVE_LABELS[a.perspective] ?? a.perspective,
      articles: [],
    };
    if (!group.articles.some((x) => x.source === a.source))
      group.articles.push({ source: a.source, title: a.title, url: safeHref(a.url) });
    groups.set(a.perspective, group);
  }
  return {
    id: story.id,
    title: story.title,
    url: safeHref(story.articles[0]?.url),
    sentences: story.sentences.map((s) => ({ text: s.text, url: safeHref(s.url) })),
    signal: story.signal,
    signalLabel: SIGNAL_LABELS[story.signal],
    groups: [...groups.values()],
  };
}

function subjectOf(edition: Edition, archiveTitle: string): string {
  const lead = edition.topLine[0]?.text ?? edition.stories[0]?.title;
  const date = formatEditionDate(edition).replace(/^\w+, /, '');
  const base = `${archiveTitle}, ${date}`;
  return lead ? `${base}: ${truncate(edition.stories[0]?.title ?? lead, 70)}` : base;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

export function renderEmail(
  edition: Edition,
  context: EmailContext,
  renderer: TemplateRenderer = createTemplateRenderer(),
): RenderedEmail {
  const wanted = context.recipient?.themes;
  const themes = edition.themes.filter((t) => !wanted || wanted.includes(t.id));
  const eligible = edition.stories.filter((s) => !wanted || s.themes.some((t) => wanted.includes(t)));
  const byRank = [...eligible].sort((a, b) => b.rank - a.rank);

  const attempt = (count: number) => {
    const included = new Set(byRank.slice(0, count).map((s) => s.id));
    return { included, ...renderWith(edition, context, renderer, themes, included, eligible.length - count) };
  };
  // Largest number of top-ranked stories that fits the budget (binary search; size grows with count).
  let best = attempt(byRank.length);
  if (Buffer.byteLength(best.html) > context.maxHtmlBytes) {
    let lo = 0;
    let hi = byRank.length - 1;
    best = attempt(0);
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const candidate = attempt(mid);
      if (Buffer.byteLength(candidate.html) <= context.maxHtmlBytes) {
        best = candidate;
        lo = mid + 1;
      } else hi = mid - 1;
    }
  }
  return {
    subject: subjectOf(edition, context.archiveTitle),
    preheader: best.preheader,
    html: best.html,
    text: best.text,
    includedStoryIds: [...best.included],
    omittedStoryCount: eligible.length - best.included.size,
  };
}

function renderWith(
  edition: Edition,
  context: EmailContext,
  renderer: TemplateRenderer,
  themes: Edition['themes'],
  included: Set<string>,
  omitted: number,
): { html: string; text: string; preheader: string } {
  const stories = new Map(edition.stories.map((s) => [s.id, s]));
  const placed = new Set<string>();
  const sections = themes.map((theme) => {
    const all = theme.storyIds.filter((id) => stories.has(id));
    // Each story appears once, under its first theme that is shown.
    const mine = all.filter(
      (id) =>
        !placed.has(id) && stories.get(id)!.themes.find((t) => themes.some((x) => x.id === t)) === theme.id,
    );
    for (const id of mine) placed.add(id);
    const shown = mine.filter((id) => included.has(id)).map((id) => storyView(stories.get(id)!));
    return {
      id: theme.id,
      title: theme.title,
      summary: theme.summary,
      stories: shown,
      more: mine.length - shown.length,
    };
  });
  const preheader = truncate(
    edition.topLine.map((t) => t.text).join(' · ') || 'No significant developments today.',
    140,
  );
  const view = {
    archiveTitle: context.archiveTitle,
    dateLabel: formatEditionDate(edition),
    edition,
    editionUrl: safeHref(context.editionUrl),
    preheader,
    topLine: edition.topLine.map((t) => ({ text: t.text, url: safeHref(t.url) })),
    sections,
    omitted,
    failedSources: edition.sources
      .filter((s) => s.status === 'failed')
      .map((s) => ({ name: s.name, error: s.error ?? 'failed' })),
    unsubscribeUrl: safeHref(context.recipient?.unsubscribeUrl),
    preferencesUrl: safeHref(context.recipient?.preferencesUrl),
    themeFilter: context.recipient?.themes ? themes.map((t) => t.title) : undefined,
    postalAddress: context.postalAddress,
    quiet: edition.stories.length === 0,
  };
  const html = juice(renderer.render('email/digest', view), {
    preserveMediaQueries: true,
    removeStyleTags: true,
    applyWidthAttributes: true,
  });
  const text = renderer.render('email/digest.txt', view).replace(/\n{3,}/g, '\n\n');
  return { html, text, preheader };
}

/** A short note for a day with no relevant story, when the configuration asks for one. */
export function renderQuietDay(
  edition: Edition,
  context: EmailContext,
  renderer: TemplateRenderer = createTemplateRenderer(),
): RenderedEmail {
  const rendered = renderEmail({ ...edition, stories: [], topLine: [] }, context, renderer);
  return {
    ...rendered,
    subject: `${context.archiveTitle}, ${formatEditionDate(edition).replace(/^\w+, /, '')}: a quiet day`,
  };
}
