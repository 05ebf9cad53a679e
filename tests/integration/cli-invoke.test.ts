/** `briefing invoke` against a local server speaking the Lambda Invoke protocol. */
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeServer, listenLocal } from '#tests/helpers/fixture-server.ts';
import { runCli } from '#tests/helpers/run-cli.ts';

let server: Server;
let endpoint: string;
const received: { path: string; body: unknown }[] = [];
let reply: { status: number; headers: Record<string, string>; body: string } = {
  status: 200,
  headers: {},
  body: '{}',
};

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      if (body.startsWith('Action=DescribeStacks')) {
        // CloudFormation's Query protocol: the stack's outputs name the function.
        res
          .writeHead(200, { 'content-type': 'text/xml' })
          .end(
            '<DescribeStacksResponse><DescribeStacksResult><Stacks><member><StackName>Briefing</StackName><CreationTime>2026-11-01T00:00:00Z</CreationTime><StackStatus>CREATE_COMPLETE</StackStatus><Outputs><member><OutputKey>DigestFunctionName</OutputKey><OutputValue>Briefing-DigestFunction-X1</OutputValue></member></Outputs></member></Stacks></DescribeStacksResult></DescribeStacksResponse>',
          );
        return;
      }
      received.push({ path: req.url ?? '', body: JSON.parse(body || '{}') });
      res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers }).end(reply.body);
    });
  });
  endpoint = await listenLocal(server);
});
afterAll(async () => {
  await closeServer(server);
});

const env = () => ({
  AWS_ENDPOINT_URL_LAMBDA: endpoint,
  AWS_ENDPOINT_URL_CLOUDFORMATION: endpoint,
  AWS_REGION: 'eu-west-2',
  AWS_ACCESS_KEY_ID: 'x',
  AWS_SECRET_ACCESS_KEY: 'y',
  AWS_EC2_METADATA_DISABLED: 'true',
});

describe('briefing invoke', () => {
  it('sends the manual event and prints the result and the edition URL', async () => {
    reply = {
      status: 200,
      headers: {},
      body: JSON.stringify({
        ok: true,
        editionId: '2026-11-24-adhoc-abc',
        editionUrl: 'https://briefing.example.org/editions/2026-11-24-adhoc-abc/',
      }),
    };
    const { code, stdout, stderr } = await runCli(
      [
        'invoke',
        '--function-name',
        'BriefingDigest',
        '--since',
        '72h',
        '--query',
        'Power of Siberia',
        '--themes',
        'energy',
        '--to',
        'analyst@example.org',
        '--dry-run',
        '--no-archive',
      ],
      { env: env() },
    );
    expect(code).toBe(0);
    expect(received.at(-1)!.path).toBe('/2015-03-31/functions/BriefingDigest/invocations');
    expect(received.at(-1)!.body).toEqual({
      since: '72h',
      query: 'Power of Siberia',
      themes: ['energy'],
      recipients: ['analyst@example.org'],
      dryRun: true,
      archive: false,
    });
    expect(JSON.parse(stdout).editionId).toBe('2026-11-24-adhoc-abc');
    expect(stderr).toContain('edition: https://briefing.example.org/editions/2026-11-24-adhoc-abc/');
  });

  it('reports a rejected event and a failed function with one line and a non-zero exit', async () => {
    reply = {
      status: 200,
      headers: {},
      body: JSON.stringify({ ok: false, error: 'event themes[0]: Invalid option' }),
    };
    const rejected = await runCli(['invoke', '--function-name', 'F'], { env: env() });
    expect(rejected.code).toBe(1);
    expect(rejected.stderr).toContain('briefing: rejected: event themes[0]');
    reply = {
      status: 200,
      headers: { 'x-amz-function-error': 'Unhandled' },
      body: JSON.stringify({ errorMessage: 'Task timed out after 600.00 seconds' }),
    };
    const failed = await runCli(['invoke', '--function-name', 'F'], { env: env() });
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('the function failed: Task timed out');
  });

  it('finds the function through the stack, and says how to follow a queued send', async () => {
    reply = {
      status: 200,
      headers: {},
      body: JSON.stringify({
        ok: true,
        editionId: '2026-11-24',
        delivery: { mode: 'queued', recipients: 12000, batches: 240 },
      }),
    };
    const { code, stderr } = await runCli(['invoke', '--stack', 'Briefing'], { env: env() });
    expect(code).toBe(0);
    expect(received.at(-1)!.path).toBe('/2015-03-31/functions/Briefing-DigestFunction-X1/invocations');
    expect(stderr).toContain(
      'mail: 12000 recipients queued in 240 batches; `briefing report --stack NAME --edition 2026-11-24` shows progress',
    );
  });

  it('validates locally before calling AWS', async () => {
    const before = received.length;
    const bad = await runCli(['invoke', '--function-name', 'F', '--since', 'soon'], { env: env() });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--since: expected a duration');
    expect(received.length).toBe(before);
  });
});
