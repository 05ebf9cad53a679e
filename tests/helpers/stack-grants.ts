/**
 * The IAM grants of a synthesized stack, read back from its template: each function's policy
 * statements and its object grants as "action Bucket/prefix" lines. Shared by the stack's grant
 * assertions and by the test that runs each function's code inside its grants.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { expect } from 'vitest';
import { buildApp } from '../../infra/app.ts';

/** The deployment context the stack tests synthesize with. */
export const CONTEXT = {
  'briefing:fromAddress': 'briefing@news.briefing-desk.org',
  'briefing:domain': 'news.briefing-desk.org',
  'briefing:alarmEmail': 'ops@example.org',
  // Bundles are built and tested by tests/integration/lambda-handler.test.ts; not needed here.
  'aws:cdk:bundling-stacks': [],
};

/** A folder holding an operator's briefing.config.json, as `cdk synth` reads it. */
export function operatorDir(document: object): string {
  const dir = mkdtempSync(join(tmpdir(), 'operator-'));
  writeFileSync(join(dir, 'briefing.config.json'), JSON.stringify(document));
  return dir;
}

export const synth = (context: object, cwd: string) => {
  const { app, stack } = buildApp(new App({ context }), cwd);
  return { app, stack, template: Template.fromStack(stack) };
};

export type Statement = { Action: string | string[]; Resource: unknown; Condition?: unknown; Effect: string };

export function policyStatementsOf(template: Template, functionLogicalIdPrefix: string): Statement[] {
  const roles = template.findResources('AWS::IAM::Role');
  const roleId = Object.keys(roles).find((id) => id.startsWith(functionLogicalIdPrefix));
  expect(roleId, `role for ${functionLogicalIdPrefix}`).toBeTruthy();
  const policies = template.findResources('AWS::IAM::Policy');
  return Object.values(policies)
    .filter((p) => JSON.stringify(p.Properties.Roles).includes(roleId!))
    .flatMap((p) => p.Properties.PolicyDocument.Statement as Statement[]);
}

export const actionsOf = (statements: Statement[]) =>
  statements.flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action])).sort();

/** Object grants as "action bucketLogicalId/prefix" lines, sorted: exact, not counted. */
export function objectGrants(statements: Statement[]): string[] {
  const lines: string[] = [];
  for (const s of statements) {
    const actions = Array.isArray(s.Action) ? s.Action : [s.Action];
    const resources = Array.isArray(s.Resource) ? s.Resource : [s.Resource];
    for (const action of actions.filter((a) => a.startsWith('s3:') && a !== 's3:ListBucket')) {
      for (const resource of resources) {
        const join = (resource as { 'Fn::Join'?: [string, unknown[]] })['Fn::Join'];
        if (!join) continue;
        const [ref, path] = join[1] as [{ 'Fn::GetAtt': [string, string] }, string];
        lines.push(`${action} ${ref['Fn::GetAtt'][0].replace(/[0-9A-F]{8}$/, '')}${path}`);
      }
    }
  }
  return lines.sort();
}

/** List grants as "s3:ListBucket bucketLogicalId/prefix" lines (the s3:prefix condition), sorted. */
export function listGrants(statements: Statement[]): string[] {
  const lines: string[] = [];
  for (const s of statements) {
    const actions = Array.isArray(s.Action) ? s.Action : [s.Action];
    if (!actions.includes('s3:ListBucket')) continue;
    const resources = Array.isArray(s.Resource) ? s.Resource : [s.Resource];
    const prefixes = (s.Condition as { StringLike?: { 's3:prefix'?: string | string[] } } | undefined)
      ?.StringLike?.['s3:prefix'];
    for (const resource of resources) {
      const ref = (resource as { 'Fn::GetAtt'?: [string, string] })['Fn::GetAtt'];
      if (!ref) continue;
      const bucket = ref[0].replace(/[0-9A-F]{8}$/, '');
      for (const prefix of prefixes === undefined ? ['*'] : [prefixes].flat())
        lines.push(`s3:ListBucket ${bucket}/${prefix}`);
    }
  }
  return lines.sort();
}
