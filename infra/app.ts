/**
 * The CDK app: one stack configured from cdk.json context and the operator's
 * briefing.config.json, checked by cdk-nag's AwsSolutions rules at synthesis (any
 * unacknowledged finding fails `cdk synth`). A bad setting stops synthesis with one line.
 */
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { BriefingStack } from './briefing-stack.ts';
import { readOperatorConfig } from './operator-config.ts';
import { readStackConfig, StackConfigError } from './stack-config.ts';

export function buildApp(app: App = new App(), cwd = process.cwd()): { app: App; stack: BriefingStack } {
  const config = readStackConfig(app.node.getAllContext());
  const operator = readOperatorConfig(config.configFile, cwd);
  const stack = new BriefingStack(app, 'Briefing', {
    config,
    operator,
    description: 'China–Russia Briefing: daily digest, archive and mail',
    env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stack };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    buildApp().app.synth();
  } catch (error) {
    if (!(error instanceof StackConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}
