/**
 * The digest email: HTML (table layout, CSS from templates/email/styles.css inlined by inline-css.ts,
 * dark-mode aware, no scripts, no remote assets, no tracking) and a plain-text part rendered from
 * the same view model. Every value from feeds goes through the template engine's escaping; only
 * http(s) URLs become links.
 *
 * Size budget: Gmail clips messages at about 102 KB. When the HTML part would pass
 * `maxHtmlBytes`, the lowest-ranked stories move to the web version, with a link per section and
 * one overall.
 *
 * The edition's kind drives the wording: the daily digest names its date and carries the
 * subscriber's controls; an ad-hoc briefing names its question and window ("Power of Siberia,
 * last 72 hours"), says whom it was prepared for, and has no subscriber controls; a private one
 * has no web version to link to.
 */
import type { Edition, Story, ThemeDigest, ThemeId } from '#domain/types.ts';
import { THEME_IDS } from '#domain/types.ts';
import { outletName } from '#edition/outlet-name.ts';
import {
  cleanLine,
  firstEditionNote,
  formatEditionDate,
  storyView,
  truncateAtWord as truncate,
} from '#edition/story-view.ts';
import type { Templates } from '#ports/ports.ts';
import { safeHref } from '#text/urls.ts';
import { type EmailStylesheet, inlineStylesheet, parseEmailStylesheet } from './inline-css.ts';

export interface EmailContext {
  archiveTitle: string;
  /** Absolute URL of the edition's web page. */
  editionUrl: string;
  recipient?: { email: string; unsubscribeUrl: string; preferencesUrl: string; themes?: ThemeId[] };
  postalAddress: string;
  maxHtmlBytes: number;
  /** What the digest follows, for the quiet-day note; defaults to "China–Russia relations". */
  topic?: string;
}

export interface RenderedEmail {
  subject: string;
  preheader: string;
  html: string;
  text: string;
  /** Stories shown in this email, highest rank first. */
  includedStoryIds: string[];
  /** Stories this recipient would get that moved to the web version for size. */
  omittedStoryCount: number;
}

const DEFAULT_TOPIC = 'China–Russia relations';
const TEXT_WIDTH = 72;
const MAX_FAILED_NAMES = 12;
const MAX_ALSO_COVERED = 3;
/** Invisible filler after the preheader so clients do not pull body text into the inbox preview. */
const PREHEADER_PAD = '&zwnj;&nbsp;'.repeat(40);

/**
 * Wraps text at `width` columns for the plain-text part. Words longer than a line (URLs) stay
 * whole on a line of their own, so they remain clickable.
 */
export function wrapText(text: string, indent = '', firstIndent = indent, width = TEXT_WIDTH): string {
  const words = cleanLine(text).split(' ').filter(Boolean);
  const lines: string[] = [];
  let line = firstIndent;
  let empty = true;
  for (const word of words) {
    const prefix = lines.length === 0 ? firstIndent : indent;
    if (!empty && line.length + 1 + word.length > width) {
      lines.push(line);
      line = indent + word;
      continue;
    }
    line = empty ? prefix + word : `${line} ${word}`;
    empty = false;
  }
  if (!empty) lines.push(line);
  return lines.join('\n');
}

/** Which stories a recipient gets, in which section, ranked; independent of the size budget. */
interface Plan {
  /** Eligible stories, highest rank first. */
  ranked: Story[];
  sections: { id: string; title: string; summary: string; placed: Story[]; members: Story[] }[];
  quietThemes: string[];
  filtered: boolean;
}

const OTHER_SECTION = 'other';

function planEmail(edition: Edition, wanted: readonly ThemeId[] | undefined): Plan {
  const filter = wanted && wanted.length > 0 ? new Set(wanted) : undefined;
  const themes = edition.themes.filter((t) => !filter || filter.has(t.id));
  const memberOf = (story: Story, theme: ThemeDigest) =>
    story.themes.includes(theme.id) || theme.storyIds.includes(story.id);
  const order = new Map(edition.stories.map((s, i) => [s.id, i]));
  const ranked = edition.stories
    .filter((s) => !filter || s.themes.some((t) => filter.has(t)))
    .sort((a, b) => b.rank - a.rank || (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));

  // Each story appears once: under its primary theme when that is shown, else its first shown one.
  const home = new Map<string, string>();
  for (const story of ranked) {
    const primary =
      story.themes.find((t) => themes.some((x) => x.id === t)) ??
      themes.find((t) => t.storyIds.includes(story.id))?.id ??
      OTHER_SECTION;
    home.set(story.id, primary);
  }
  const sections: Plan['sections'] = [];
  const quietThemes: string[] = [];
  for (const theme of themes) {
    const members = ranked.filter((s) => memberOf(s, theme));
    if (members.length === 0) {
      quietThemes.push(cleanLine(theme.title));
      continue;
    }
    sections.push({
      id: theme.id,
      title: cleanLine(theme.title),
      summary: cleanLine(theme.summary),
      placed: members.filter((s) => home.get(s.id) === theme.id),
      members,
    });
  }
  const others = ranked.filter((s) => home.get(s.id) === OTHER_SECTION);
  if (others.length > 0) {
    sections.push({
      id: OTHER_SECTION,
      title: 'Other developments',
      summary: 'Stories outside the themes above.',
      placed: others,
      members: others,
    });
  }
  return { ranked, sections, quietThemes, filtered: Boolean(filter) };
}

interface Links {
  editionUrl: string | undefined;
  unsubscribeUrl: string | undefined;
  preferencesUrl: string | undefined;
}

/** A private edition has no web version; an ad-hoc briefing's reader is no subscriber. */
function linksOf(edition: Edition, context: EmailContext): Links {
  const subscriber = edition.kind !== 'ad-hoc';
  return {
    editionUrl: edition.private ? undefined : safeHref(context.editionUrl),
    unsubscribeUrl: subscriber ? safeHref(context.recipient?.unsubscribeUrl) : undefined,
    preferencesUrl: subscriber ? safeHref(context.recipient?.preferencesUrl) : undefined,
  };
}

/** What an ad-hoc briefing was asked: the query, else the themes, else the window alone. */
function adHocView(edition: Edition, context: EmailContext) {
  if (edition.kind !== 'ad-hoc') return undefined;
  const themes = edition.themes.map((t) => cleanLine(t.title));
  const everyTheme = edition.themes.length >= THEME_IDS.length;
  const topic = edition.query ? cleanLine(edition.query) : !everyTheme ? themes.join(', ') : '';
  const requestedFor = context.recipient?.email ? cleanLine(context.recipient.email) : undefined;
  return {
    topic,
    window: relativeWindowLabel(edition),
    windowDates: windowRange(edition),
    themes: everyTheme ? [] : themes,
    ...(requestedFor ? { requestedFor } : {}),
    private: edition.private === true,
  };
}

/**
 * "last 72 hours" when the window ends at the run, else its dates: what a reader who asked for
 * "--since 72h" recognises.
 */
function relativeWindowLabel(edition: Edition): string {
  const from = Date.parse(edition.window.from);
  const to = Date.parse(edition.window.to);
  const generated = Date.parse(edition.generatedAt);
  if ([from, to].some(Number.isNaN)) return windowRange(edition);
  const hours = Math.round((to - from) / 3_600_000);
  if (Math.abs(generated - to) > 60_000 || hours < 1) return windowRange(edition);
  if (hours <= 96) return `last ${hours} hour${hours === 1 ? '' : 's'}`;
  const days = Math.round(hours / 24);
  return `last ${days} days`;
}

function commonView(edition: Edition, context: EmailContext, links: Links, preheader: string) {
  const failed = edition.sources.filter((s) => s.status === 'failed').map((s) => cleanLine(s.name));
  return {
    archiveTitle: cleanLine(context.archiveTitle),
    dateLabel: formatEditionDate(edition),
    editionId: edition.id,
    adHoc: adHocView(edition, context),
    firstEdition: firstEditionNote(edition),
    ...links,
    preheader,
    preheaderPad: PREHEADER_PAD,
    postalAddress: cleanLine(context.postalAddress),
    failedSources: {
      names: failed.slice(0, MAX_FAILED_NAMES),
      more: Math.max(0, failed.length - MAX_FAILED_NAMES),
    },
    wrap: (text: string, indent = '', firstIndent = indent) => wrapText(text, indent, firstIndent),
  };
}

function topLineView(edition: Edition) {
  const sourceByUrl = new Map<string, string>();
  for (const story of edition.stories)
    for (const a of story.articles)
      if (!sourceByUrl.has(a.url)) sourceByUrl.set(a.url, cleanLine(outletName(a.source, a.url)));
  return edition.topLine.map((item) => {
    const url = safeHref(item.url);
    const source = sourceByUrl.get(item.url) ?? (url ? new URL(url).hostname : undefined);
    const text = cleanLine(item.text);
    // A sentence that already says "…, Le Monde reports." links its report without naming it twice
    // (a capitalised link: it follows the sentence's full stop).
    const label = source && !text.includes(source) ? source : 'Read the report';
    return { text, ...(url ? { url, source: source ?? 'Source', label } : {}) };
  });
}

function preheaderOf(edition: Edition): string {
  const text = edition.topLine.map((t) => cleanLine(t.text)).join(' · ');
  return truncate(text || 'No significant developments today.', 140);
}

function digestView(edition: Edition, context: EmailContext, plan: Plan, count: number, links: Links) {
  const included = new Set(plan.ranked.slice(0, count).map((s) => s.id));
  const editionDay = edition.window.to.slice(0, 10);
  const placedIn = new Map<string, string>();
  for (const section of plan.sections) for (const s of section.placed) placedIn.set(s.id, section.title);
  const sections = plan.sections.map((section) => {
    const shown = section.placed.filter((s) => included.has(s.id));
    const more = section.placed.length - shown.length;
    const elsewhere = section.members.filter((s) => !section.placed.includes(s) && included.has(s.id));
    // A cross-reference, not a second list of headlines: a busy day names the first few and counts the rest.
    const alsoCovered = elsewhere
      .slice(0, MAX_ALSO_COVERED)
      .map((s) => `“${truncate(cleanLine(s.title), 90)}” (under ${placedIn.get(s.id) ?? 'another theme'})`);
    const unnamed = elsewhere.length - alsoCovered.length;
    if (unnamed > 0) alsoCovered.push(`and ${unnamed} more under other themes`);
    const sectionUrl = links.editionUrl ? `${links.editionUrl.split('#')[0]}#theme-${section.id}` : undefined;
    const moreUrl = section.id !== OTHER_SECTION ? sectionUrl : links.editionUrl;
    return {
      id: section.id,
      title: section.title,
      summary: section.summary,
      /** For "In this edition": the web version's section, else this email's own. */
      href: sectionUrl ?? `#theme-${section.id}`,
      count: section.members.length,
      stories: shown.map((story) => storyView(story, editionDay)),
      alsoCovered,
      more,
      ...(moreUrl ? { moreUrl } : {}),
    };
  });
  const themeTitles = new Map(edition.themes.map((t) => [t.id, cleanLine(t.title)]));
  const wanted = context.recipient?.themes ?? [];
  return {
    ...commonView(edition, context, links, preheaderOf(edition)),
    topLine: topLineView(edition),
    themeFilter: plan.filtered ? wanted.map((id) => themeTitles.get(id) ?? id) : undefined,
    sections,
    quietThemes: plan.quietThemes,
    included: included.size,
    omitted: plan.ranked.length - included.size,
  };
}

const sheetsByDir = new Map<string, EmailStylesheet>();

/** templates/email/styles.css, parsed once per template set: the static half of inlining. */
function emailStylesheet(renderer: Templates): EmailStylesheet {
  let sheet = sheetsByDir.get(renderer.id);
  if (sheet === undefined) {
    sheet = parseEmailStylesheet(renderer.asset('email/styles.css')?.toString('utf8') ?? '');
    sheetsByDir.set(renderer.id, sheet);
  }
  return sheet;
}

function inlineStyles(html: string, renderer: Templates): string {
  // Blank lines left by template control tags cost bytes against the budget and show nothing.
  return inlineStylesheet(html.replace(/\n[ \t]*(?=\n)/g, ''), emailStylesheet(renderer));
}

/** Tidy text output: no trailing spaces, at most two blank lines in a row, one final newline. */
function tidyText(text: string): string {
  return `${text
    .split('\n')
    .map((line) => (line === '-- ' ? line : line.trimEnd()))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n\n')
    .trim()}\n`;
}

function subjectOf(edition: Edition, context: EmailContext, lead: Story | undefined): string {
  const adHoc = adHocView(edition, context);
  if (adHoc) {
    // "Power of Siberia, last 72 hours": the question the reader asked, not the daily digest's date.
    const asked = adHoc.topic ? `${truncate(adHoc.topic, 80)}, ${adHoc.window}` : `Briefing, ${adHoc.window}`;
    return `${asked} · ${cleanLine(context.archiveTitle)}`;
  }
  const date = formatEditionDate(edition).replace(/^[^,]+, /, '');
  const base = `${cleanLine(context.archiveTitle)}, ${date}`;
  return lead ? `${base}: ${truncate(cleanLine(lead.title), 70)}` : base;
}

/**
 * The budget search renders with the personal links replaced by placeholders at least as long as
 * the real ones, so one search serves every recipient with the same theme choice, and the real
 * render can only be smaller. Memoised per edition object; the result is a pure function of the key.
 */
const budgetCache = new WeakMap<Edition, Map<string, number>>();

function placeholderLength(links: Links): number {
  const longest = Math.max(escapedLength(links.unsubscribeUrl), escapedLength(links.preferencesUrl));
  let length = 512;
  while (length < longest) length *= 2;
  return length;
}

function escapedLength(url: string | undefined): number {
  return url ? url.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/'/g, '&#39;').length : 0;
}

function storiesThatFit(
  edition: Edition,
  context: EmailContext,
  plan: Plan,
  links: Links,
  renderer: Templates,
): number {
  const length = placeholderLength(links);
  const placeholder = (url: string | undefined) =>
    url ? `https://${'x'.repeat(length - 'https://'.length)}` : undefined;
  const sizing: Links = {
    editionUrl: links.editionUrl,
    unsubscribeUrl: placeholder(links.unsubscribeUrl),
    preferencesUrl: placeholder(links.preferencesUrl),
  };
  const key = JSON.stringify([
    renderer.id,
    context.maxHtmlBytes,
    context.archiveTitle,
    context.postalAddress,
    links.editionUrl,
    Boolean(links.unsubscribeUrl),
    Boolean(links.preferencesUrl),
    length,
    plan.filtered ? [...(context.recipient?.themes ?? [])].sort() : null,
  ]);
  let cache = budgetCache.get(edition);
  const cached = cache?.get(key);
  if (cached !== undefined) return cached;

  const size = (count: number) =>
    Buffer.byteLength(
      inlineStyles(
        renderer.render('email/digest', digestView(edition, context, plan, count, sizing)),
        renderer,
      ),
    );
  let best = plan.ranked.length;
  if (size(best) > context.maxHtmlBytes) {
    // Size grows with the story count: binary search for the largest count that fits.
    let lo = 0;
    let hi = plan.ranked.length - 1;
    best = 0;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (size(mid) <= context.maxHtmlBytes) {
        best = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
  }
  if (!cache) {
    cache = new Map();
    budgetCache.set(edition, cache);
  }
  cache.set(key, best);
  return best;
}

/** The digest for one recipient (or, without a recipient, the preview). */
export function renderEmail(edition: Edition, context: EmailContext, renderer: Templates): RenderedEmail {
  // An ad-hoc briefing already has the themes it was asked for; a subscriber's choice is for dailies.
  const plan = planEmail(edition, edition.kind === 'ad-hoc' ? undefined : context.recipient?.themes);
  const links = linksOf(edition, context);
  let count = storiesThatFit(edition, context, plan, links, renderer);
  let view = digestView(edition, context, plan, count, links);
  let html = inlineStyles(renderer.render('email/digest', view), renderer);
  if (Buffer.byteLength(html) > context.maxHtmlBytes && count > 0) {
    // Only possible when the edition object changed after an earlier render: measure afresh.
    budgetCache.delete(edition);
    count = storiesThatFit(edition, context, plan, links, renderer);
    view = digestView(edition, context, plan, count, links);
    html = inlineStyles(renderer.render('email/digest', view), renderer);
  }
  const text = tidyText(renderer.render('email/digest.txt', view));
  const lead = [...edition.stories].sort((a, b) => b.rank - a.rank)[0];
  return {
    subject: subjectOf(edition, context, lead),
    preheader: view.preheader,
    html,
    text,
    includedStoryIds: plan.ranked.slice(0, count).map((s) => s.id),
    omittedStoryCount: plan.ranked.length - count,
  };
}

function windowLabel(edition: Edition): string {
  const format = (iso: string) => {
    const date = new Date(iso);
    if (Number.isNaN(date.getTime())) return iso;
    return new Intl.DateTimeFormat('en-GB', {
      day: 'numeric',
      month: 'long',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone: 'UTC',
    }).format(date);
  };
  return `${format(edition.window.from)} and ${format(edition.window.to)} UTC`;
}

/** "20 Nov 07:00 – 23 Nov 07:00 UTC" */
function windowRange(edition: Edition): string {
  const format = (iso: string) => {
    const date = new Date(iso);
    if (Number.isNaN(date.getTime())) return iso;
    const day = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
      date,
    );
    return `${day} ${date.toISOString().slice(11, 16)}`;
  };
  return `${format(edition.window.from)} – ${format(edition.window.to)} UTC`;
}

/** A short note for a day with no relevant story, when the configuration asks for one. */
export function renderQuietDay(edition: Edition, context: EmailContext, renderer: Templates): RenderedEmail {
  const links = linksOf(edition, context);
  const preheader = 'A quiet day: no significant development in the monitored sources.';
  const view = {
    ...commonView(edition, context, links, preheader),
    topic: cleanLine(context.topic ?? DEFAULT_TOPIC),
    sourceCount: edition.sources.length,
    windowLabel: windowLabel(edition),
    omitted: 0,
  };
  return {
    subject:
      edition.kind === 'ad-hoc'
        ? `${subjectOf(edition, context, undefined)}: nothing found`
        : `${subjectOf(edition, context, undefined)}: a quiet day`,
    preheader,
    html: inlineStyles(renderer.render('email/quiet-day', view), renderer),
    text: tidyText(renderer.render('email/quiet-day.txt', view)),
    includedStoryIds: [],
    omittedStoryCount: 0,
  };
}
