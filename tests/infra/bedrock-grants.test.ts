/**
 * Bedrock permissions follow the app config: the digest may invoke exactly the model of the
 * relevance second opinion when it is switched on.
 */
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { BriefingStack } from '../../infra/briefing-stack.ts';
import { readStackConfig } from '../../infra/stack-config.ts';

function bedrockResources(appConfig: object): string[] {
  const app = new App({
    context: {
      'briefing:fromAddress': 'briefing@news.example.org',
      'briefing:domain': 'news.example.org',
      'briefing:scheduleTime': '07:00',
      'briefing:timeZone': 'Europe/London',
      'briefing:alarmEmail': 'ops@example.org',
      'briefing:appConfig': JSON.stringify(appConfig),
    },
  });
  const config = readStackConfig((key) => app.node.tryGetContext(key));
  const stack = new BriefingStack(app, 'Briefing', {
    config,
    env: { account: '123456789012', region: 'eu-west-2' },
  });
  const policies = Template.fromStack(stack).findResources('AWS::IAM::Policy');
  return Object.values(policies)
    .flatMap(
      (p) => p.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[],
    )
    .filter((s) => [s.Action].flat().includes('bedrock:InvokeModel'))
    .map((s) => JSON.stringify(s.Resource));
}

describe('Bedrock grants', () => {
  // The default config (no Bedrock grant at all) is checked action by action in briefing-stack.test.ts.
  it('grants the relevance second opinion its model only when it is on', () => {
    const on = bedrockResources({
      relevance: { secondOpinion: { enabled: true, modelId: 'anthropic.claude-3-haiku-20240307-v1:0' } },
    });
    expect(on).toHaveLength(1);
    expect(on[0]).toContain('foundation-model/anthropic.claude-3-haiku-20240307-v1:0');
  }, 120_000);
});
