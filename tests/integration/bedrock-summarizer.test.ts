/** The abstractive summariser against a local server speaking the Bedrock Converse protocol. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBedrockSummarizer } from '#adapters/bedrock-summarizer.ts';
import { silentLogger } from '#adapters/json-logger.ts';
import { applyAbstractiveSummaries } from '#edition/abstractive-summary.ts';
import { makeStory } from '#tests/fixtures/editions/make-edition.ts';
import { closeServer } from '#tests/helpers/fixture-server.ts';

let server: Server;
let client: BedrockRuntimeClient;
const requests: {
  path: string;
  body: { system?: { text: string }[]; messages?: { content: { text: string }[] }[] };
}[] = [];
let reply: { status: number; text: string } = { status: 200, text: '' };

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      requests.push({ path: req.url ?? '', body: JSON.parse(body) });
      if (reply.status !== 200)
        return void res
          .writeHead(reply.status, {
            'content-type': 'application/json',
            'x-amzn-errortype': 'ServiceUnavailableException',
          })
          .end('{"message":"unavailable"}');
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          output: { message: { role: 'assistant', content: [{ text: reply.text }] } },
          stopReason: 'end_turn',
          usage: { inputTokens: 10, outputTokens: 10, totalTokens: 20 },
          metrics: { latencyMs: 5 },
        }),
      );
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  client = new BedrockRuntimeClient({
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    region: 'eu-west-2',
    credentials: { accessKeyId: 'x', secretAccessKey: 'y' },
    maxAttempts: 1,
    // The SDK speaks HTTP/2 to Bedrock; the local stand-in speaks HTTP/1.1.
    requestHandler: new NodeHttpHandler(),
  });
});
afterAll(async () => {
  client.destroy();
  await closeServer(server);
});

const story = makeStory(1);
const sources = [
  {
    url: 'https://a.example.org/1',
    text: 'Gazprom and CNPC failed to agree on the price of gas for the Power of Siberia 2 pipeline. Talks will resume next month.',
  },
  {
    url: 'https://b.example.org/2',
    text: 'China is pressing for prices close to Russian domestic levels, people familiar with the talks said.',
  },
];
const summarizer = () =>
  createBedrockSummarizer({ client, modelId: 'amazon.nova-lite-v1:0', logger: silentLogger });

describe('Bedrock summariser', () => {
  it('keeps grounded sentences with their source and drops the ones the sources do not support', async () => {
    reply = {
      status: 200,
      text: 'Gazprom and CNPC failed to agree on the gas price for Power of Siberia 2 [1]. China is pressing for prices close to Russian domestic levels [3]. Putin will visit Washington next week to sign a peace treaty [2]. An uncited claim about oil.',
    };
    const out = await summarizer().summarise(story, sources);
    expect(out).toEqual([
      {
        text: 'Gazprom and CNPC failed to agree on the gas price for Power of Siberia 2.',
        url: 'https://a.example.org/1',
      },
      {
        text: 'China is pressing for prices close to Russian domestic levels.',
        url: 'https://b.example.org/2',
      },
    ]);
    const request = requests.at(-1)!;
    expect(request.path).toBe('/model/amazon.nova-lite-v1%3A0/converse');
    expect(request.body.messages![0]!.content[0]!.text).toContain('[3] China is pressing');
    expect(request.body.system![0]!.text).toContain('End every sentence with the number');
  });

  it('falls back to the extractive summary when the model fails or grounds nothing', async () => {
    reply = { status: 503, text: '' };
    const [failed] = await applyAbstractiveSummaries([story], summarizer(), () => sources);
    expect(failed).toEqual(story);
    reply = { status: 200, text: 'Something entirely invented happened [1].' };
    const [ungrounded] = await applyAbstractiveSummaries([story], summarizer(), () => sources);
    expect(ungrounded).toEqual(story);
  });

  it('replaces the summary when grounded sentences come back', async () => {
    reply = { status: 200, text: 'Talks will resume next month [2].' };
    const [rewritten] = await applyAbstractiveSummaries([story], summarizer(), () => sources);
    expect(rewritten!.summary).toBe('Talks will resume next month.');
    expect(rewritten!.sentences[0]!.url).toBe('https://a.example.org/1');
  });
});
