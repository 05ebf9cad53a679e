/**
 * The abstractive option end to end: the Bedrock adapter and the edition's grounding, against a
 * local server the test starts that speaks the Bedrock Converse protocol over HTTP.
 */
import { createServer, type Server } from 'node:http';
import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createBedrockSummariser } from '#adapters/bedrock-summariser.ts';
import { silentLogger } from '#adapters/json-logger.ts';
import { clusterStories } from '#analyse/cluster-stories.ts';
import { summariseAbstractively } from '#edition/abstractive-summary.ts';
import { draftStories } from '#edition/build-stories.ts';
import { sendAwsError, sendConverseReply, standInClientConfig } from '#tests/helpers/aws-stand-in.ts';
import { closeServer, listenLocal } from '#tests/helpers/fixture-server.ts';
import { ALL_REPORTS, gas, summit } from '#tests/unit/edition/story-fixtures.ts';

type Reply =
  | { kind: 'text'; text: string }
  | { kind: 'error'; status: number; type: string }
  | { kind: 'hang' };

let server: Server;
let endpoint: string;
const requests: {
  path: string;
  body: { system?: { text: string }[]; messages?: { content: { text: string }[] }[] };
}[] = [];
let replies: Reply[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      requests.push({ path: req.url ?? '', body: JSON.parse(body) });
      const reply = replies.shift() ?? { kind: 'text', text: '{"sentences":[]}' };
      if (reply.kind === 'hang') return;
      if (reply.kind === 'error') return sendAwsError(res, reply.status, reply.type);
      sendConverseReply(res, reply.text);
    });
  });
  endpoint = await listenLocal(server);
});
afterAll(async () => {
  await closeServer(server);
});
beforeEach(() => {
  requests.length = 0;
  replies = [];
});

function summariser(maxAttempts = 1, timeoutMs = 5_000) {
  const client = new BedrockRuntimeClient(standInClientConfig(endpoint, maxAttempts));
  return createBedrockSummariser({ client, modelId: 'amazon.nova-lite-v1:0', timeoutMs });
}

const NOW = new Date('2026-11-24T06:00:00Z');
const drafts = draftStories(clusterStories(ALL_REPORTS), { now: NOW });
const summitDraft = drafts.find((d) => d.story.articles.some((a) => a.url === summit.wire.link))!;
const gasDraft = drafts.find((d) => d.story.articles.some((a) => a.url === gas.ledger.link))!;
/** The report number the model would see for a URL. */
const n = (url: string) =>
  summitDraft.texts.filter((t) => t.sentences.length > 0).findIndex((t) => t.url === url) + 1;
const answer = (sentences: { text: string; cite: number }[]) => JSON.stringify({ sentences });

describe('Bedrock summariser (local Converse endpoint)', () => {
  it('sends the clustered reports, numbered, and the theme baselines as background', async () => {
    replies = [{ kind: 'text', text: answer([]) }];
    await summariser()
      .summarise({
        storyId: 's',
        title: 'A story',
        reports: [
          {
            n: 1,
            source: 'Meridian Wire',
            title: 'Xi and Putin meet',
            url: 'https://x.example/1',
            text: 'They met.',
          },
        ],
        baselines: [{ theme: 'Energy', text: 'Pipelines tie the two economies together.' }],
      })
      .catch(() => undefined);
    const request = requests[0]!;
    expect(request.path).toBe('/model/amazon.nova-lite-v1%3A0/converse');
    const prompt = request.body.messages![0]!.content[0]!.text;
    expect(prompt).toContain('[1] Meridian Wire: "Xi and Putin meet"');
    expect(prompt).toContain('Background (reference documents, not news):\n- Energy: Pipelines tie');
    expect(request.body.system![0]!.text).toContain('Answer with JSON only');
  });

  it('keeps the supported sentences with their report and drops an unsupported claim', async () => {
    replies = [
      {
        kind: 'text',
        text: `Here is the summary:\n\`\`\`json\n${answer([
          {
            text: 'Xi and Putin signed a joint statement on deeper strategic coordination after talks in Beijing on Monday.',
            cite: n(summit.wire.link),
          },
          // Unsupported: the report gives $245 billion, not $300 billion, and names no Washington.
          {
            text: 'Putin said trade reached $300 billion and that he would visit Washington.',
            cite: n(summit.wire.link),
          },
          // Cites a report the story does not have.
          { text: 'Xi and Putin signed a joint statement.', cite: 42 },
        ])}\n\`\`\``,
      },
    ];
    const [out] = await summariseAbstractively([summitDraft], summariser(), silentLogger);
    expect(out!.story.sentences).toEqual([
      {
        text: 'Xi and Putin signed a joint statement on deeper strategic coordination after talks in Beijing on Monday, Meridian Wire reports.',
        url: summit.wire.link,
      },
    ]);
    expect(out!.story.summary).toBe(out!.story.sentences[0]!.text);
  });

  it.each([
    ['a malformed answer', [{ kind: 'text', text: 'The leaders met. [1]' }]],
    ['an answer of the wrong shape', [{ kind: 'text', text: '{"summary":"The leaders met."}' }]],
    [
      'an answer whose every sentence is unsupported',
      [{ kind: 'text', text: answer([{ text: 'Something entirely invented happened in Paris.', cite: 1 }]) }],
    ],
    ['throttling', [{ kind: 'error', status: 429, type: 'ThrottlingException' }]],
    ['a service error', [{ kind: 'error', status: 503, type: 'ServiceUnavailableException' }]],
  ] as [string, Reply[]][])('keeps the extractive summary on %s', async (_, given) => {
    replies = [...given];
    const [out] = await summariseAbstractively([summitDraft], summariser(), silentLogger);
    expect(out!.story).toEqual(summitDraft.story);
  });

  it('keeps the extractive summary when the model does not answer in time', async () => {
    replies = [{ kind: 'hang' }];
    const started = performance.now();
    const [out] = await summariseAbstractively([summitDraft], summariser(1, 300), silentLogger);
    expect(out!.story).toEqual(summitDraft.story);
    // Not a timing assertion of the product: the call was cut, not left to the socket's default.
    expect(performance.now() - started).toBeLessThan(4_000);
  });

  it('rides out throttling with the SDK’s own retry, without a retry of its own on top', async () => {
    replies = [
      { kind: 'error', status: 429, type: 'ThrottlingException' },
      {
        kind: 'text',
        text: answer([
          {
            text: 'Putin said trade between the two countries reached $245 billion last year.',
            cite: n(summit.wire.link),
          },
        ]),
      },
    ];
    const [out] = await summariseAbstractively([summitDraft], summariser(2), silentLogger);
    expect(out!.story.sentences[0]!.text).toBe(
      'Putin said trade between the two countries reached $245 billion last year.',
    );
    expect(requests).toHaveLength(2);
  });

  it('stops asking after three failures in a row, and the edition still has every summary', async () => {
    replies = Array.from(
      { length: 10 },
      () => ({ kind: 'error', status: 503, type: 'ServiceUnavailableException' }) as Reply,
    );
    const many = [summitDraft, gasDraft, ...drafts.filter((d) => d !== summitDraft && d !== gasDraft)];
    const out = await summariseAbstractively(many, summariser(), silentLogger);
    expect(requests).toHaveLength(3);
    expect(out.map((d) => d.story)).toEqual(many.map((d) => d.story));
  });
});
