/** Deployment settings: context keys checked by name, the operator's file by the app's schema, one line each. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '#config/schema.ts';
import { REPO_ROOT } from '#tests/helpers/run-cli.ts';
import { readOperatorConfig, shippedDocument } from '../../infra/operator-config.ts';
import { isPlaceholderDomain, nearest, readStackConfig } from '../../infra/stack-config.ts';

const CONTEXT = {
  'briefing:fromAddress': 'briefing@news.briefing-desk.org',
  'briefing:domain': 'news.briefing-desk.org',
  '@aws-cdk/core:newStyleStackSynthesis': true,
};

describe('readStackConfig', () => {
  it('reads the briefing keys and ignores the CDK library ones', () => {
    expect(readStackConfig(CONTEXT)).toMatchObject({
      fromAddress: 'briefing@news.briefing-desk.org',
      domain: 'news.briefing-desk.org',
      mailFromSubdomain: 'mail',
      configFile: 'briefing.config.json',
    });
  });

  it.each([
    [
      { 'briefing:fromAdress': 'x' },
      'cdk context briefing:fromAdress: unknown key (did you mean briefing:fromAddress?)',
    ],
    [{ 'briefing:Domian': 'x' }, 'cdk context briefing:Domian: unknown key (did you mean briefing:domain?)'],
    [{ 'briefing:colour': 'x' }, 'cdk context briefing:colour: unknown key; valid: fromAddress, domain'],
    [
      { 'briefing:appConfig': '{}' },
      'cdk context briefing:appConfig: no longer read; put these settings in briefing.config.json',
    ],
    [{ 'briefing:scheduleTime': '07:00' }, 'set schedule.time in briefing.config.json'],
    [{ 'briefing:fromAddress': 'nope' }, 'cdk context briefing:fromAddress: Invalid email address'],
    [
      { 'briefing:fromAddress': 'a@elsewhere.org' },
      'briefing:fromAddress: must be an address at briefing:domain',
    ],
    [{ 'briefing:domain': undefined }, 'cdk context briefing:domain: required'],
    [
      { 'briefing:archiveDomain': 'archive.briefing-desk.org' },
      'briefing:archiveCertificateArn: archiveDomain and archiveCertificateArn go together',
    ],
    [{ 'briefing:sourceFailureDays': 'many' }, 'cdk context briefing:sourceFailureDays:'],
  ])('rejects %o with one line naming the key', (change, message) => {
    const context = { ...CONTEXT, ...change };
    let error: Error | undefined;
    try {
      readStackConfig(context);
    } catch (e) {
      error = e as Error;
    }
    expect(error?.message).toContain(message);
    expect(error?.message).not.toContain('\n');
  });

  it('finds the nearest key, or none when nothing is close', () => {
    expect(nearest('alarmMail', ['alarmEmail', 'domain'])).toBe('alarmEmail');
    expect(nearest('zzzzzzzz', ['alarmEmail', 'domain'])).toBeUndefined();
  });

  it.each([
    ['example.org', true],
    ['news.example.com', true],
    ['example.net', true],
    ['myexample.org', false],
    ['news.briefing-desk.org', false],
  ])('%s is a placeholder: %s', (domain, placeholder) => {
    expect(isPlaceholderDomain(domain)).toBe(placeholder);
  });
});

function dirWith(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'operator-'));
  writeFileSync(join(dir, 'briefing.config.json'), text);
  return dir;
}

describe('readOperatorConfig', () => {
  it('uses every default when there is no file', () => {
    expect(readOperatorConfig('briefing.config.json', mkdtempSync(join(tmpdir(), 'none-')))).toEqual({
      document: {},
      source: 'built-in defaults',
    });
  });

  it.each([
    ['{"feeds": [', 'briefing.config.json: invalid JSON'],
    ['[]', 'briefing.config.json: expected a JSON object'],
    [
      '{"windowHours": "x"}',
      'briefing.config.json windowHours: Invalid input: expected number, received string',
    ],
    [
      '{"feeds": [{"name": "A", "url": "https://a.example.net/rss"}, {"name": "B", "url": "ftp://b.example.net/rss"}]}',
      'briefing.config.json feeds[1].url: expected an http(s) URL',
    ],
    ['{"feeds": [{"name": "Local", "url": "feeds/local.xml"}]}', 'feeds[0].url: expected an http(s) URL'],
    [
      '{"fetch": {"allowPrivateNetwork": true}}',
      'fetch.allowPrivateNetwork: not allowed in a deployed stack',
    ],
    ['{"delivery": {"from": "x@y.org"}}', 'delivery.from: set by the stack (use -c briefing:fromAddress)'],
    ['{"archive": {"baseUrl": "https://x.org/"}}', 'archive.baseUrl: set by the stack'],
    ['{"schedule": {"time": "7am"}}', 'schedule.time: expected HH:MM'],
    ['{"delivery": {"claimLeaseSeconds": 901}}', 'delivery.claimLeaseSeconds: Too big'],
  ])('rejects %s with one line naming the field', (text, message) => {
    let error: Error | undefined;
    try {
      readOperatorConfig('briefing.config.json', dirWith(text));
    } catch (e) {
      error = e as Error;
    }
    expect(error?.message).toContain(message);
    expect(error?.message).not.toContain('\n');
  });

  it('names a missing config file given in context', () => {
    expect(() => readOperatorConfig('desk.json', mkdtempSync(join(tmpdir(), 'none-')))).toThrowError(
      'cdk context briefing:configFile: desk.json not found',
    );
  });
});

describe('shippedDocument', () => {
  it("keeps the operator's settings, writes the stack's, and is a valid config for the functions", () => {
    const operator = {
      document: {
        feeds: [{ name: 'A', url: 'https://a.example.net/rss' }],
        delivery: { quietDay: 'skip', listId: 'desk.briefing-desk.org' },
        archive: { title: 'Desk' },
      },
      source: 'briefing.config.json',
    };
    const document = shippedDocument(operator, {
      fromAddress: 'briefing@news.briefing-desk.org',
      domain: 'news.briefing-desk.org',
      configurationSetName: 'BriefingConfigurationSet',
      archiveUrl: 'https://d111111abcdef8.cloudfront.net/',
    });
    const config = parseConfig(document);
    expect(config.delivery).toMatchObject({
      from: 'briefing@news.briefing-desk.org',
      quietDay: 'skip',
      listId: 'desk.briefing-desk.org',
      configurationSet: 'BriefingConfigurationSet',
      unsubscribeMailto: 'briefing@news.briefing-desk.org',
    });
    expect(config.archive).toEqual({
      title: 'Desk',
      baseUrl: 'https://d111111abcdef8.cloudfront.net/',
      apiBaseUrl: 'https://d111111abcdef8.cloudfront.net/api/',
    });
    expect(config.feeds).toHaveLength(1);
  });
});

describe('cdk synth with a bad setting', () => {
  it('stops with one line on stderr and no stack trace', () => {
    const out = mkdtempSync(join(tmpdir(), 'cdk-out-'));
    const result = spawnSync(
      process.execPath,
      [join(REPO_ROOT, 'node_modules/tsx/dist/cli.mjs'), join(REPO_ROOT, 'infra/app.ts')],
      {
        cwd: REPO_ROOT,
        encoding: 'utf8',
        env: {
          ...process.env,
          CDK_OUTDIR: out,
          CDK_CONTEXT_JSON: JSON.stringify({
            ...CONTEXT,
            'briefing:fromAdress': 'briefing@news.briefing-desk.org',
          }),
        },
      },
    );
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(
      'cdk context briefing:fromAdress: unknown key (did you mean briefing:fromAddress?); valid: fromAddress, domain, mailFromSubdomain, alarmEmail, archiveDomain, archiveCertificateArn, configFile, sourceFailureDays, editionDeadlineHours, sendBacklogHours',
    );
  }, 60_000);
});
