/**
 * Bedrock permissions follow the operator's config: the digest may invoke exactly the models of
 * the features switched on (the abstractive summariser, the relevance second opinion), nothing
 * when both are off.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../infra/app.ts';

function bedrockResources(document: object): string[] {
  const cwd = mkdtempSync(join(tmpdir(), 'operator-'));
  writeFileSync(join(cwd, 'briefing.config.json'), JSON.stringify(document));
  const { stack } = buildApp(
    new App({
      context: {
        'briefing:fromAddress': 'briefing@news.briefing-desk.org',
        'briefing:domain': 'news.briefing-desk.org',
        'aws:cdk:bundling-stacks': [],
      },
    }),
    cwd,
  );
  const policies = Template.fromStack(stack).findResources('AWS::IAM::Policy');
  return Object.values(policies)
    .flatMap(
      (p) => p.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[],
    )
    .filter((s) => [s.Action].flat().includes('bedrock:InvokeModel'))
    .map((s) => JSON.stringify(s.Resource));
}

describe('Bedrock grants', () => {
  it('grants the relevance second opinion its model only when it is on', () => {
    const on = bedrockResources({
      relevance: { secondOpinion: { enabled: true, modelId: 'anthropic.claude-3-haiku-20240307-v1:0' } },
    });
    expect(on).toHaveLength(1);
    expect(on[0]).toContain('foundation-model/anthropic.claude-3-haiku-20240307-v1:0');
    expect(bedrockResources({})).toEqual([]);
  }, 120_000);

  it('grants the summariser and the second opinion one model each', () => {
    const both = bedrockResources({
      summariser: { kind: 'bedrock', modelId: 'amazon.nova-pro-v1:0' },
      relevance: { secondOpinion: { enabled: true } },
    });
    expect(both).toHaveLength(2);
    expect(both.join(' ')).toContain('foundation-model/amazon.nova-pro-v1:0');
    expect(both.join(' ')).toContain('foundation-model/amazon.nova-lite-v1:0');
  }, 120_000);
});
