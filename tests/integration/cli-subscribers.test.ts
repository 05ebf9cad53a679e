/**
 * `briefing subscribers ...` as an operator runs it: on an output folder's private state, and on a
 * deployed stack's data bucket (s3rver on 127.0.0.1), found by bucket name or through the stack's
 * outputs (a local CloudFormation stub), with the CSV import's opt-in mail sent through SES
 * (aws-ses-v2-local) as the stack would send it.
 */
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createS3Store } from '#adapters/s3-store.ts';
import { dataKeys } from '#domain/keys.ts';
import type { Subscriber } from '#domain/subscriber.ts';
import { closeServer, listenLocal } from '#tests/helpers/fixture-server.ts';
import { runCli } from '#tests/helpers/run-cli.ts';
import { type S3TestServer, startS3Server } from '#tests/helpers/s3-server.ts';
import { type SesTestServer, startSesServer } from '#tests/helpers/ses-server.ts';

describe('briefing subscribers on an output folder', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'subs-cli-')), 'out');

  it('adds, confirms, lists, exports and removes', async () => {
    expect(
      (await runCli(['subscribers', 'add', 'A@Example.org', 'b@example.org', '--out', out])).stdout,
    ).toBe('a@example.org\tpending\nb@example.org\tpending\n');
    expect(
      (
        await runCli([
          'subscribers',
          'add',
          'c@example.org',
          '--confirmed',
          '--themes',
          'energy,military',
          '--out',
          out,
        ])
      ).stdout,
    ).toBe('c@example.org\tconfirmed\tenergy,military\n');
    expect((await runCli(['subscribers', 'confirm', 'a@example.org', '--out', out])).stdout).toBe(
      'a@example.org\tconfirmed\n',
    );
    const list = await runCli(['subscribers', 'list', '--status', 'confirmed', '--out', out]);
    expect(
      list.stdout
        .split('\n')
        .filter(Boolean)
        .map((l) => l.split('\t')[0]),
    ).toEqual(['a@example.org', 'c@example.org']);
    expect(list.stderr).toContain('2 shown; 1 pending, 2 confirmed, 0 unsubscribed');
    const csv = await runCli(['subscribers', 'export', '--out', out]);
    expect(csv.stdout.split('\n')[0]).toBe(
      'email,status,themes,createdAt,confirmedAt,updatedAt,consentMethod,consentAt,consentDetail',
    );
    expect(csv.stdout).toContain('"c@example.org","confirmed","energy military"');
    expect((await runCli(['subscribers', 'remove', 'b@example.org', '--out', out])).stdout).toBe(
      'b@example.org\tunsubscribed\n',
    );
    expect((await runCli(['subscribers', 'remove', 'c@example.org', '--purge', '--out', out])).stdout).toBe(
      'c@example.org\tdeleted\n',
    );
    const json = JSON.parse((await runCli(['subscribers', 'list', '--json', '--out', out])).stdout) as {
      email: string;
      status: string;
    }[];
    expect(json.map((s) => `${s.email}:${s.status}`)).toEqual([
      'a@example.org:confirmed',
      'b@example.org:unsubscribed',
    ]);
  }, 60_000);

  it('says "not found" for an unknown address and exits non-zero, after removing the known ones', async () => {
    await runCli(['subscribers', 'add', 'known@example.org', '--out', out]);
    const result = await runCli([
      'subscribers',
      'remove',
      'known@example.org',
      'nobody@example.org',
      '--out',
      out,
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('known@example.org\tunsubscribed\nnobody@example.org\tnot found\n');
    expect(result.stderr.trim()).toBe(`briefing: nobody@example.org: not found in ${out}`);
  });

  it('imports a CSV as pending and mails each address a confirmation into the outbox', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'import-'));
    const file = join(dir, 'list.csv');
    writeFileSync(
      file,
      'email,themes\r\nnew1@example.org,energy military\r\n"new2@example.org",\r\nnot-an-address,\r\n',
    );
    const result = await runCli(['subscribers', 'import', file, '--out', join(dir, 'out')]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      'new1@example.org\tconfirmation requested\nnew2@example.org\tconfirmation requested\n',
    );
    expect(result.stderr).toContain(`${file}:4: email: not a valid address`);
    expect(result.stderr).toContain('2 imported, each sent a confirmation mail, 1 rejected');
    const outbox = readdirSync(join(dir, 'out/outbox'));
    expect(outbox.filter((f) => f.endsWith('.eml')).sort()).toEqual([
      expect.stringContaining('new1@example.org'),
      expect.stringContaining('new2@example.org'),
    ]);
    const list = JSON.parse(
      (await runCli(['subscribers', 'list', '--json', '--out', join(dir, 'out')])).stdout,
    ) as Subscriber[];
    expect(list.map((s) => [s.email, s.status, s.themes])).toEqual([
      ['new1@example.org', 'pending', ['energy', 'military']],
      ['new2@example.org', 'pending', undefined],
    ]);
  });

  it('imports as confirmed only with a stated reason, and keeps it with each record', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'import-'));
    const file = join(dir, 'list.csv');
    writeFileSync(file, 'old1@example.org\nold2@example.org\n');
    const refused = await runCli(['subscribers', 'import', file, '--confirmed', '--out', join(dir, 'out')]);
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim()).toContain(
      'briefing: --confirmed: state how these addresses consented with --reason',
    );
    const done = await runCli([
      'subscribers',
      'import',
      file,
      '--confirmed',
      '--reason',
      'opted in at the 2026 conference desk',
      '--out',
      join(dir, 'out'),
    ]);
    expect(done.code).toBe(0);
    const list = JSON.parse(
      (await runCli(['subscribers', 'list', '--json', '--out', join(dir, 'out')])).stdout,
    ) as Subscriber[];
    expect(list.map((s) => s.status)).toEqual(['confirmed', 'confirmed']);
    expect(list[0]!.consent).toMatchObject({
      method: 'operator cli',
      detail: 'imported from list.csv: opted in at the 2026 conference desk',
    });
  });

  it('rejects bad input with one line', async () => {
    const bad = await runCli(['subscribers', 'add', 'not-an-email', '--out', out]);
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim()).toBe('briefing: email: not a valid address');
    const unknown = await runCli(['subscribers', 'confirm', 'nobody@example.org', '--out', out]);
    expect(unknown.stderr).toContain('not on the list');
    const both = await runCli(['subscribers', 'list', '--stack', 'A', '--bucket', 'b']);
    expect(both.stderr.trim()).toBe('briefing: --stack and --bucket: give one of them');
  });
});

describe('briefing subscribers on a deployed stack', () => {
  let s3: S3TestServer;
  let ses: SesTestServer;
  let aws: Server;
  let awsEndpoint: string;

  beforeAll(async () => {
    [s3, ses] = await Promise.all([startS3Server(['briefing-data', 'briefing-config']), startSesServer()]);
    await createS3Store({ client: s3.client, bucket: 'briefing-config' }).put(
      'briefing.config.json',
      JSON.stringify({
        delivery: { from: 'briefing@news.briefing-desk.org' },
        archive: { baseUrl: 'https://d1.cloudfront.net/', apiBaseUrl: 'https://d1.cloudfront.net/api/' },
      }),
      { contentType: 'application/json' },
    );
    // CloudFormation (Query protocol) and Secrets Manager (JSON protocol) as the stack answers them.
    aws = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        if (req.headers['x-amz-target'] === 'secretsmanager.GetSecretValue') {
          res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' });
          res.end(JSON.stringify({ Name: 'link-signing', SecretString: 'stack-signing-secret-0123456789' }));
          return;
        }
        const params = new URLSearchParams(body);
        if (params.get('Action') !== 'DescribeStacks') return void res.writeHead(400).end();
        if (params.get('StackName') !== 'Briefing') {
          res
            .writeHead(400, { 'content-type': 'text/xml' })
            .end(
              '<ErrorResponse><Error><Type>Sender</Type><Code>ValidationError</Code><Message>Stack with id Nope does not exist</Message></Error></ErrorResponse>',
            );
          return;
        }
        const output = (k: string, v: string) =>
          `<member><OutputKey>${k}</OutputKey><OutputValue>${v}</OutputValue></member>`;
        res
          .writeHead(200, { 'content-type': 'text/xml' })
          .end(
            `<DescribeStacksResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/"><DescribeStacksResult><Stacks><member><StackName>Briefing</StackName><StackId>arn:aws:cloudformation:eu-west-2:123456789012:stack/Briefing/1</StackId><CreationTime>2026-11-01T00:00:00Z</CreationTime><StackStatus>CREATE_COMPLETE</StackStatus><Outputs>${output('DataBucketName', 'briefing-data')}${output('ConfigBucketName', 'briefing-config')}${output('SigningSecretName', 'link-signing')}</Outputs></member></Stacks></DescribeStacksResult><ResponseMetadata><RequestId>1</RequestId></ResponseMetadata></DescribeStacksResponse>`,
          );
      });
    });
    awsEndpoint = await listenLocal(aws);
  });
  afterAll(async () => {
    await Promise.all([s3?.close(), ses?.close(), aws ? closeServer(aws) : undefined]);
  });

  const env = () => ({
    AWS_REGION: 'eu-west-2',
    AWS_ACCESS_KEY_ID: 'S3RVER',
    AWS_SECRET_ACCESS_KEY: 'S3RVER',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_ENDPOINT_URL_S3: s3.endpoint,
    AWS_ENDPOINT_URL_CLOUDFORMATION: awsEndpoint,
    AWS_ENDPOINT_URL_SECRETS_MANAGER: awsEndpoint,
    AWS_ENDPOINT_URL_SES: ses.endpoint,
    AWS_REQUEST_CHECKSUM_CALCULATION: 'WHEN_REQUIRED',
    AWS_RESPONSE_CHECKSUM_VALIDATION: 'WHEN_REQUIRED',
    BRIEFING_S3_FORCE_PATH_STYLE: 'true',
    // The SDK's Node 20 support notice would otherwise share stderr with the command's one line.
    NODE_NO_WARNINGS: '1',
  });

  it('adds the first subscriber to the data bucket by name, and lists it through the stack', async () => {
    const added = await runCli(
      [
        'subscribers',
        'add',
        'first@example.org',
        '--confirmed',
        '--note',
        'the editor',
        '--bucket',
        'briefing-data',
      ],
      { env: env() },
    );
    expect(added.stderr).toBe('');
    expect(added.stdout).toBe('first@example.org\tconfirmed\n');
    const record = await createS3Store({ client: s3.client, bucket: 'briefing-data' }).get(
      dataKeys.subscriber('first@example.org'),
    );
    expect(JSON.parse(record!.body.toString('utf8'))).toMatchObject({
      status: 'confirmed',
      consent: { detail: 'the editor' },
    });
    const listed = await runCli(['subscribers', 'list', '--stack', 'Briefing'], { env: env() });
    expect(listed.stdout).toMatch(/^first@example.org\tconfirmed\tall themes\t/);
  });

  it('imports a CSV with a double opt-in mailed through SES as the stack', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'import-'));
    const file = join(dir, 'desk.csv');
    writeFileSync(file, 'email\nfirst@example.org\nanalyst@example.org\n');
    const result = await runCli(['subscribers', 'import', file, '--stack', 'Briefing'], { env: env() });
    expect(result.stderr).toContain('2 imported');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      'first@example.org\tconfirmed (unchanged)\nanalyst@example.org\tconfirmation requested\n',
    );
    const mails = await ses.emails();
    expect(mails.map((m) => [m.from, m.destination.to[0]])).toEqual([
      ['"China–Russia Briefing" <briefing@news.briefing-desk.org>', 'analyst@example.org'],
    ]);
    // The confirmation link points at the stack's archive, from its shipped config.
    expect(mails[0]!.body.text).toContain('https://d1.cloudfront.net/api/confirm?token=');
  });

  it('names an unknown stack in one line', async () => {
    const result = await runCli(['subscribers', 'list', '--stack', 'Nope'], { env: env() });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe('briefing: --stack Nope: Stack with id Nope does not exist');
  });
});
