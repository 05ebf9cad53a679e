/**
 * CDK assertions on the properties that matter: schedule and time zone, private encrypted
 * TLS-only buckets, CloudFront with OAC and security headers, the exact IAM grants, reserved
 * concurrency, DLQ, alarms, and zero unacknowledged cdk-nag findings.
 */
import { App, Validations } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { BriefingStack, SITE_CSP } from '../../infra/briefing-stack.ts';
import { readStackConfig } from '../../infra/stack-config.ts';

const CONTEXT = {
  'briefing:fromAddress': 'briefing@news.example.org',
  'briefing:domain': 'news.example.org',
  'briefing:scheduleTime': '06:30',
  'briefing:timeZone': 'Asia/Shanghai',
  'briefing:alarmEmail': 'ops@example.org',
};

type Statement = { Action: string | string[]; Resource: unknown; Condition?: unknown; Effect: string };

function policyStatementsOf(template: Template, functionLogicalIdPrefix: string): Statement[] {
  const roles = template.findResources('AWS::IAM::Role');
  const roleId = Object.keys(roles).find((id) => id.startsWith(functionLogicalIdPrefix));
  expect(roleId, `role for ${functionLogicalIdPrefix}`).toBeTruthy();
  const policies = template.findResources('AWS::IAM::Policy');
  return Object.values(policies)
    .filter((p) => JSON.stringify(p.Properties.Roles).includes(roleId!))
    .flatMap((p) => p.Properties.PolicyDocument.Statement as Statement[]);
}

const actionsOf = (statements: Statement[]) =>
  statements.flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action])).sort();

describe('BriefingStack', () => {
  let app: App;
  let template: Template;

  beforeAll(() => {
    app = new App({ context: CONTEXT });
    const config = readStackConfig((key) => app.node.tryGetContext(key));
    const stack = new BriefingStack(app, 'Briefing', {
      config,
      env: { account: '123456789012', region: 'eu-west-2' },
    });
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
    template = Template.fromStack(stack);
  }, 120_000);

  it('schedules the digest daily at the configured time and time zone, with retries and a DLQ', () => {
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(30 06 * * ? *)',
      ScheduleExpressionTimezone: 'Asia/Shanghai',
      Target: Match.objectLike({
        Input: JSON.stringify({ source: 'briefing.schedule' }),
        RetryPolicy: { MaximumEventAgeInSeconds: 7200, MaximumRetryAttempts: 2 },
        DeadLetterConfig: { Arn: Match.anyValue() },
      }),
    });
  });

  it('keeps every bucket private, encrypted and TLS-only', () => {
    const buckets = template.findResources('AWS::S3::Bucket');
    expect(Object.keys(buckets).length).toBe(3);
    for (const bucket of Object.values(buckets)) {
      expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
      expect(
        bucket.Properties.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault
          .SSEAlgorithm,
      ).toBe('AES256');
    }
    const policies = Object.values(template.findResources('AWS::S3::BucketPolicy'));
    expect(policies.length).toBe(3);
    for (const policy of policies) {
      expect(JSON.stringify(policy.Properties.PolicyDocument)).toContain('"aws:SecureTransport":"false"');
    }
  });

  it('expires transient private data', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      LifecycleConfiguration: {
        Rules: Match.arrayWith([
          Match.objectLike({ Prefix: 'state/articles/', ExpirationInDays: 14, Status: 'Enabled' }),
          Match.objectLike({ Prefix: 'state/feeds/', ExpirationInDays: 30, Status: 'Enabled' }),
        ]),
      },
    });
  });

  it('serves the archive through CloudFront with OAC, HTTPS and security headers', () => {
    template.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultRootObject: 'index.html',
        DefaultCacheBehavior: Match.objectLike({ ViewerProtocolPolicy: 'redirect-to-https' }),
        CacheBehaviors: [Match.objectLike({ PathPattern: '/api/*', ViewerProtocolPolicy: 'https-only' })],
        CustomErrorResponses: Match.arrayWith([
          Match.objectLike({ ErrorCode: 404, ResponsePagePath: '/404.html' }),
        ]),
      }),
    });
    template.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: Match.objectLike({
        SecurityHeadersConfig: Match.objectLike({
          ContentSecurityPolicy: { ContentSecurityPolicy: SITE_CSP, Override: true },
          StrictTransportSecurity: Match.objectLike({
            AccessControlMaxAgeSec: 63072000,
            IncludeSubdomains: true,
          }),
          ContentTypeOptions: { Override: true },
          FrameOptions: { FrameOption: 'DENY', Override: true },
        }),
      }),
    });
  });

  it('runs the digest on Node.js 24, ARM64, with reserved concurrency 1', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
      MemorySize: 1024,
      Timeout: 600,
      ReservedConcurrentExecutions: 1,
      Environment: {
        Variables: Match.objectLike({
          BRIEFING_DATA_BUCKET: Match.anyValue(),
          BRIEFING_SITE_BUCKET: Match.anyValue(),
        }),
      },
    });
  });

  it('keeps secrets out of environment variables: only the secret name is passed', () => {
    for (const fn of Object.values(template.findResources('AWS::Lambda::Function'))) {
      const vars = JSON.stringify(fn.Properties.Environment ?? {});
      expect(vars).not.toMatch(/SecretString|password/i);
    }
    template.hasResourceProperties('AWS::SecretsManager::Secret', {
      GenerateSecretString: Match.objectLike({ PasswordLength: 48 }),
    });
  });

  it('grants the digest exactly what it uses', () => {
    const statements = policyStatementsOf(template, 'DigestFunctionServiceRole');
    expect([...new Set(actionsOf(statements))]).toEqual(
      [
        's3:GetObject',
        's3:ListBucket',
        's3:PutObject',
        'secretsmanager:DescribeSecret',
        'secretsmanager:GetSecretValue',
        'ses:SendRawEmail',
        'xray:PutTelemetryRecords',
        'xray:PutTraceSegments',
      ].sort(),
    );
    const text = JSON.stringify(statements);
    expect(text).not.toContain('s3:DeleteObject');
    expect(text).not.toContain('"s3:*"');
    const ses = statements.find((s) => s.Action === 'ses:SendRawEmail')!;
    expect(ses.Condition).toEqual({ StringEquals: { 'ses:FromAddress': 'briefing@news.example.org' } });
    const subscribersRead = statements.find((s) => JSON.stringify(s.Resource).includes('/subscribers/*'))!;
    expect(subscribersRead.Action).toBe('s3:GetObject');
  });

  it('limits the subscription API to subscriber records, mail and the secret', () => {
    const statements = policyStatementsOf(template, 'SubscriptionApiFunctionServiceRole');
    expect([...new Set(actionsOf(statements))]).toEqual(
      [
        's3:GetObject',
        's3:PutObject',
        'secretsmanager:DescribeSecret',
        'secretsmanager:GetSecretValue',
        'ses:SendRawEmail',
        'xray:PutTelemetryRecords',
        'xray:PutTraceSegments',
      ].sort(),
    );
    const s3 = statements.filter((s) => actionsOf([s]).some((a) => a.startsWith('s3:')));
    const resources = s3.map((s) => JSON.stringify(s.Resource));
    // Subscriber records, the sign-up rate-limit counters, and (write-only) corrupt copies.
    expect(resources.filter((r) => r.includes('/subscribers/*'))).toHaveLength(1);
    expect(resources.filter((r) => r.includes('/limits/*'))).toHaveLength(1);
    const corrupt = s3.find((s) => JSON.stringify(s.Resource).includes('/corrupt/*'))!;
    expect(corrupt.Action).toBe('s3:PutObject');
    expect(s3).toHaveLength(3);
  });

  it('routes SES bounces and complaints to the handler', () => {
    template.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      EventDestination: Match.objectLike({ MatchingEventTypes: Match.arrayWith(['bounce', 'complaint']) }),
    });
    template.hasResourceProperties('AWS::SES::EmailIdentity', { EmailIdentity: 'news.example.org' });
    template.resourceCountIs('AWS::SNS::Subscription', 2);
  });

  it('raises the operational alarms to the alarm topic', () => {
    const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm'));
    const descriptions = alarms.map((a) => a.Properties.AlarmDescription as string);
    for (const words of [
      'digest function failed',
      'No edition',
      'could not be delivered',
      'failed for 3',
      'bounce rate',
      'complaint rate',
    ]) {
      expect(
        descriptions.some((d) => d.toLowerCase().includes(words.toLowerCase())),
        words,
      ).toBe(true);
    }
    for (const alarm of alarms) expect(alarm.Properties.AlarmActions).toHaveLength(1);
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'ops@example.org',
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'EditionsPublished',
      EvaluationPeriods: 27,
      TreatMissingData: 'breaching',
    });
  });

  it('sets log retention on every function', () => {
    for (const group of Object.values(template.findResources('AWS::Logs::LogGroup'))) {
      expect(group.Properties.RetentionInDays).toBe(90);
    }
  });

  it('passes cdk-nag AwsSolutions with every acknowledgement explained', () => {
    app.synth();
    const errors = Annotations.fromStack(app.node.findChild('Briefing') as BriefingStack).findError(
      '*',
      Match.stringLikeRegexp('AwsSolutions'),
    );
    expect(errors.map((e) => e.entry.data)).toEqual([]);
  });
});

describe('readStackConfig', () => {
  it.each([
    [{ ...CONTEXT, 'briefing:fromAddress': 'nope' }, 'briefing:fromAddress'],
    [{ ...CONTEXT, 'briefing:scheduleTime': '7am' }, 'briefing:scheduleTime: expected HH:MM'],
    [{ ...CONTEXT, 'briefing:timeZone': 'Moon/Base' }, 'briefing:timeZone: unknown IANA time zone'],
  ])('rejects a bad context value naming the key', (context, message) => {
    const get = (key: string) => (context as Record<string, unknown>)[key];
    expect(() => readStackConfig(get)).toThrowError(message);
  });
});
