/**
 * The relevance second opinion against a local server speaking the Bedrock Converse protocol:
 * the adapter's prompt and parsing, the band, the caps and the cache of applySecondOpinion, and
 * a whole digest run in which an uncertain item is decided by the reviewer and cached.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createBedrockRelevanceReviewer, parseVerdict } from '#adapters/bedrock-relevance.ts';
import { silentLogger } from '#adapters/json-logger.ts';
import { fixedClock } from '#adapters/system-clock.ts';
import { classifyItem } from '#analyse/classify-relevance.ts';
import { applySecondOpinion } from '#analyse/second-opinion.ts';
import { createLocalDeps, localPaths } from '#cli/local-deps.ts';
import { parseConfig } from '#config/schema.ts';
import { dataKeys } from '#domain/keys.ts';
import { resolveRunRequest } from '#domain/run-request.ts';
import { silentProgress } from '#ports/ports.ts';
import { runDigest } from '#run-digest';
import { sendAwsError, sendConverseReply, standInClientConfig } from '#tests/helpers/aws-stand-in.ts';
import { closeServer, listenLocal } from '#tests/helpers/fixture-server.ts';
import { createMemoryStore } from '#tests/helpers/memory-store.ts';

const MODEL = 'amazon.nova-lite-v1:0';
/** An item the local model is unsure about: the two sides' warplanes, a third party's move. */
const UNCERTAIN = 'Seoul scrambles jets after Chinese, Russian warplanes approach';
const CLEAR = 'Xi and Putin sign gas pipeline deal in Moscow';
const UNRELATED = 'Storm floods coastal towns as rivers burst their banks';

let server: Server;
let client: BedrockRuntimeClient;
let base = '';
const converse: {
  path: string;
  body: { system?: { text: string }[]; messages?: { content: { text: string }[] }[] };
}[] = [];
let answer: { status: number; text: string } = { status: 200, text: '' };

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const url = req.url ?? '';
      if (url === '/feed.xml') {
        const items = [CLEAR, UNCERTAIN, UNRELATED]
          .map(
            (title, i) =>
              `<item><title>${title}</title><link>http://127.0.0.1/a/${i}</link><guid>item-${i}</guid><pubDate>Mon, 23 Nov 2026 0${i}:00:00 GMT</pubDate></item>`,
          )
          .join('');
        return void res
          .writeHead(200, { 'content-type': 'application/rss+xml' })
          .end(
            `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>${items}</channel></rss>`,
          );
      }
      converse.push({ path: url, body: JSON.parse(body) });
      if (answer.status !== 200)
        return sendAwsError(res, answer.status, 'ThrottlingException', { message: 'slow down' });
      sendConverseReply(res, answer.text, { inputTokens: 300, outputTokens: 40 });
    });
  });
  base = await listenLocal(server);
  client = new BedrockRuntimeClient(standInClientConfig(base));
});
afterAll(async () => {
  client.destroy();
  await closeServer(server);
});
beforeEach(() => {
  converse.length = 0;
  answer = { status: 200, text: '' };
});

const reviewer = () => createBedrockRelevanceReviewer({ client, modelId: MODEL });
const verdictJson = (relevant: boolean, confidence: number, rationale: string) =>
  JSON.stringify({ relevant, confidence, rationale });

describe('Bedrock relevance reviewer', () => {
  it('sends the labelling rules as the system prompt and the item as data, and reads the JSON verdict', async () => {
    answer = {
      status: 200,
      text: `Here you are: ${verdictJson(false, 0.8, 'Nationalities of tourists, not relations.')}`,
    };
    const verdict = await reviewer().review({
      id: 'x',
      title: UNCERTAIN,
      summary: 'Arrivals rose 20%.',
      language: 'en',
    });
    expect(verdict).toEqual({
      relevant: false,
      confidence: 0.8,
      rationale: 'Nationalities of tourists, not relations.',
      model: MODEL,
    });
    expect(converse[0]!.path).toBe(`/model/${encodeURIComponent(MODEL)}/converse`);
    expect(converse[0]!.body.system?.[0]?.text).toMatch(/not merely whether it mentions both/);
    expect(converse[0]!.body.messages?.[0]?.content[0]?.text).toContain(`Title: ${UNCERTAIN}`);
  });

  it.each([
    ['no JSON', 'I think it is relevant.'],
    ['confidence out of range', verdictJson(true, 1.5, 'sure')],
    ['a missing field', JSON.stringify({ relevant: true, confidence: 0.9 })],
  ])('refuses an answer with %s', async (_case, text) => {
    answer = { status: 200, text };
    await expect(reviewer().review({ id: 'x', title: UNCERTAIN })).rejects.toThrow(/answer/);
    expect(() => parseVerdict(text, MODEL)).toThrow();
  });

  it('estimates a cost that grows with the item', () => {
    const r = reviewer();
    const short = r.estimateCostUsd({ id: 'a', title: 'Xi meets Putin' });
    const long = r.estimateCostUsd({ id: 'b', title: 'Xi meets Putin', summary: 'x'.repeat(900) });
    expect(short).toBeGreaterThan(0);
    expect(long).toBeGreaterThan(short);
  });
});

describe('applySecondOpinion', () => {
  const scored = (id: string, title: string) => ({ id, title, classification: classifyItem({ title }) });
  const band = (score: number) => ({ from: Math.max(0, score - 0.05), to: Math.min(1, score + 0.05) });

  it('asks only about items in the band, caches the verdict, and decides by the mean of both scores', async () => {
    const uncertain = scored('u', UNCERTAIN);
    const items = [scored('c', CLEAR), uncertain, scored('n', UNRELATED)];
    const data = createMemoryStore();
    answer = { status: 200, text: verdictJson(false, 0.9, 'A third party’s move.') };
    const options = { band: band(uncertain.classification.score), maxItems: 5, maxCostUsd: 1 };

    const first = await applySecondOpinion(
      items,
      { reviewer: reviewer(), data, logger: silentLogger },
      options,
    );

    expect(first.report).toMatchObject({ inBand: 1, asked: 1, cached: 0, failed: 0, capped: 0 });
    expect(converse).toHaveLength(1);
    const decided = first.items[1]!.classification;
    // Both scores are rounded to three decimals, so their mean may sit half a unit off.
    expect(decided.score).toBeCloseTo((uncertain.classification.score + 0.1) / 2, 2);
    expect(decided.relevant).toBe(false);
    expect(decided.reasons.at(-1)).toMatch(
      /^second opinion \(amazon\.nova-lite-v1:0\): not relevant, confidence 0\.90: A third party’s move\. \(-\d\.\d\d\)$/,
    );
    expect(first.items[0]).toBe(items[0]);
    expect(data.objects.has(dataKeys.relevanceReview('u'))).toBe(true);

    const second = await applySecondOpinion(
      items,
      { reviewer: reviewer(), data, logger: silentLogger },
      options,
    );
    expect(second.report).toMatchObject({ asked: 0, cached: 1 });
    expect(converse).toHaveLength(1);
    expect(second.items[1]!.classification).toEqual(decided);
  });

  it('caps the run by count and by estimated cost, most uncertain first', async () => {
    const a = scored('a', UNCERTAIN);
    const b = scored('b', `${UNCERTAIN} again`);
    const wide = { from: 0, to: 1 };
    answer = { status: 200, text: verdictJson(true, 0.7, 'maybe') };
    const byCount = await applySecondOpinion(
      [a, b],
      { reviewer: reviewer(), data: createMemoryStore(), logger: silentLogger },
      { band: wide, maxItems: 1, maxCostUsd: 1 },
    );
    expect(byCount.report).toMatchObject({ inBand: 2, asked: 1, capped: 1 });
    const byCost = await applySecondOpinion(
      [a, b],
      { reviewer: reviewer(), data: createMemoryStore(), logger: silentLogger },
      { band: wide, maxItems: 10, maxCostUsd: 0 },
    );
    expect(byCost.report).toMatchObject({ asked: 0, capped: 2 });
  });

  it('asks again when the cached verdict is malformed, and keeps the bad copy aside', async () => {
    const uncertain = scored('u', UNCERTAIN);
    const data = createMemoryStore();
    await data.put(dataKeys.relevanceReview('u'), '{"relevant":"yes"}', { contentType: 'application/json' });
    answer = { status: 200, text: verdictJson(true, 0.6, 'Tourism between the two.') };
    const out = await applySecondOpinion(
      [uncertain],
      { reviewer: reviewer(), data, logger: silentLogger },
      { band: band(uncertain.classification.score), maxItems: 5, maxCostUsd: 1 },
    );
    expect(out.report).toMatchObject({ asked: 1, cached: 0 });
    expect([...data.objects.keys()].some((k) => k.startsWith('corrupt/'))).toBe(true);
    expect(JSON.parse(data.objects.get(dataKeys.relevanceReview('u'))!.body.toString()).relevant).toBe(true);
  });

  it('keeps the local decision when Bedrock fails, and caches nothing', async () => {
    const uncertain = scored('u', UNCERTAIN);
    const data = createMemoryStore();
    answer = { status: 429, text: '' };
    const out = await applySecondOpinion(
      [uncertain],
      { reviewer: reviewer(), data, logger: silentLogger },
      { band: band(uncertain.classification.score), maxItems: 5, maxCostUsd: 1 },
    );
    expect(out.report).toMatchObject({ asked: 1, failed: 1 });
    expect(out.items[0]!.classification).toEqual(uncertain.classification);
    expect(data.objects.size).toBe(0);
  });
});

describe('a digest run with the second opinion', () => {
  it('lets the reviewer decide the uncertain item, shows why in edition.json, and reviews it once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'second-opinion-'));
    try {
      const local = classifyItem({ title: UNCERTAIN }).score;
      const config = parseConfig({
        feeds: [{ name: 'Wire', url: `${base}/feed.xml` }],
        fetch: { allowPrivateNetwork: true, retries: 0, maxArticles: 0, articlesPerHost: 0 },
        delivery: { recipients: ['r@example.org'] },
        relevance: {
          secondOpinion: {
            enabled: true,
            band: { from: Math.max(0, local - 0.05), to: Math.min(1, local + 0.05) },
          },
        },
      });
      const clock = fixedClock(new Date('2026-11-23T12:00:00Z'));
      const deps = {
        ...(await createLocalDeps({
          config,
          paths: localPaths(dir),
          clock,
          logger: silentLogger,
          progress: silentProgress,
        })),
        relevanceReviewer: reviewer(),
      };
      const request = () =>
        resolveRunRequest({ dryRun: true }, { now: clock.now(), windowHours: 24, timeZone: 'UTC' });
      answer = { status: 200, text: verdictJson(true, 0.95, 'A joint flight of the two air forces.') };

      const first = await runDigest(deps, config, request());
      const articles = first.edition.stories.flatMap((s) => s.articles);
      const reviewed = articles.find((a) => a.title === UNCERTAIN);
      expect(reviewed?.reasons.at(-1)).toMatch(
        /^second opinion \(amazon\.nova-lite-v1:0\): relevant, confidence 0\.95/,
      );
      expect(articles.some((a) => a.title === CLEAR)).toBe(true);
      expect(articles.some((a) => a.title === UNRELATED)).toBe(false);
      expect(converse).toHaveLength(1);

      await runDigest(deps, config, request());
      expect(converse).toHaveLength(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
