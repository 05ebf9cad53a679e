/**
 * The CDK app: one stack configured from cdk.json context, checked by cdk-nag's AwsSolutions
 * rules at synthesis (any unacknowledged finding fails `cdk synth`).
 */
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { BriefingStack } from './briefing-stack.ts';
import { readStackConfig } from './stack-config.ts';

export function buildApp(app: App = new App()): { app: App; stack: BriefingStack } {
  const config = readStackConfig((key) => app.node.tryGetContext(key));
  const stack = new BriefingStack(app, 'Briefing', {
    config,
    description: 'China–Russia Briefing: daily digest, archive and mail',
    env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stack };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  buildApp().app.synth();
}
