/**
 * The one place that builds storage keys, so local folders and S3 buckets share a layout and
 * a retried run writes the same keys. Site keys are published; data keys never are.
 */
import { createHash } from 'node:crypto';
import type { ThemeId } from './types.ts';

/** Short stable hash for keys derived from URLs or addresses. */
export function keyHash(value: string): string {
  return createHash('sha256').update(value).digest('hex').slice(0, 24);
}

const EDITION_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export function isValidEditionId(id: string): boolean {
  return EDITION_ID.test(id) && !id.includes('..');
}

/**
 * Where a stored document of the wrong shape is kept (state/stored-json.ts), in the store it was
 * read from. Outside every prefix the product lists (subscribers/, editions/), so a kept copy is
 * never read back as a live document; `hash` is of the bytes, so a copy is written once.
 */
export function corruptCopyKey(key: string, hash: string): string {
  return `corrupt/${key}@${hash}`;
}

export const siteKeys = {
  home: () => 'index.html',
  feed: () => 'feed.xml',
  editionsIndex: () => 'editions.json',
  searchIndex: () => 'search-index.json',
  editionPage: (id: string) => `editions/${id}/index.html`,
  editionJson: (id: string) => `editions/${id}/edition.json`,
  themePage: (theme: ThemeId) => `themes/${theme}/index.html`,
  themeFeed: (theme: ThemeId) => `themes/${theme}/feed.xml`,
  asset: (name: string) => `assets/${name}`,
};

export const dataKeys = {
  feedCache: (feedUrl: string) => `state/feeds/${keyHash(feedUrl)}.json`,
  articleCache: (canonicalUrl: string) => `state/articles/${keyHash(canonicalUrl)}.json`,
  /** A machine translation of a headline, by the hash of its language and text. */
  translation: (language: string, text: string) =>
    `state/translations/${keyHash(`${language}\n${text}`)}.json`,
  seenItems: () => 'state/seen-items.json',
  sourceHealth: () => 'state/source-health.json',
  /** A second opinion on an item's relevance, cached so an item is reviewed once. */
  relevanceReview: (itemId: string) => `state/relevance-reviews/${keyHash(itemId)}.json`,
  /** Local runs only: the HMAC secret for subscription links (AWS keeps it in Secrets Manager). */
  localSigningSecret: () => 'state/signing-secret',
  runReport: (editionId: string) => `runs/${editionId}.json`,
  /** Each failed run of an edition keeps its own report, so no rerun overwrites another's. */
  failedRunReport: (editionId: string, at: Date) =>
    `runs/${editionId}.failed-${at.toISOString().replace(/[:.]/g, '-')}.json`,
  /** A private ad-hoc briefing: never under the published prefix, never in the public index. */
  adHocEditionJson: (editionId: string) => `adhoc/${editionId}/edition.json`,
  adHocEditionPage: (editionId: string) => `adhoc/${editionId}/index.html`,
  /** The claim and record of one recipient's mail for one edition (deliver/send-digest.ts). */
  sendClaim: (editionId: string, email: string) => `sends/${editionId}/${keyHash(email.toLowerCase())}.json`,
  sendsPrefix: (editionId: string) => `sends/${editionId}/`,
  /** What one queue message of recipients came to, rewritten on each delivery of that message. */
  sendBatch: (editionId: string, batch: number) =>
    `sends/${editionId}/batches/${String(batch).padStart(6, '0')}.json`,
  sendBatchesPrefix: (editionId: string) => `sends/${editionId}/batches/`,
  /** The edition as the senders render it (private: ad-hoc editions are mailed unpublished). */
  sendEdition: (editionId: string) => `editions/${editionId}.json`,
  subscriber: (email: string) => `subscribers/${keyHash(email.toLowerCase())}.json`,
  subscribersPrefix: () => 'subscribers/',
  /** A sign-up rate-limit counter: one per UTC hour ("2026-11-23T07") and scope ("all", "client-<hash>"). */
  signUpWindow: (hour: string, scope: string) => `limits/sign-ups/${hour}/${scope}.json`,
};
