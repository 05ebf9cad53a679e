/**
 * CDK assertions on the properties that matter: the schedule from the operator's config, private
 * encrypted TLS-only buckets, the config shipped to its bucket (300 feeds, no environment limit),
 * CloudFront with OAC and security headers, the API locked to CloudFront, the send queue and its
 * sender, the exact IAM grants, the placeholder-domain refusal, alarms, and zero unacknowledged
 * cdk-nag findings.
 */
import type { App } from 'aws-cdk-lib';
import { Annotations, Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  actionsOf,
  CONTEXT,
  listGrants,
  objectGrants,
  operatorDir,
  policyStatementsOf,
  synth,
} from '#tests/helpers/stack-grants.ts';
import { SITE_CSP } from '../../infra/briefing-stack.ts';

const FEEDS = Array.from({ length: 300 }, (_, i) => ({
  name: `Monitoring desk source ${i}`,
  url: `https://feeds.example.net/source-${i}/rss.xml?section=world&lang=en`,
  perspective: 'other',
}));

describe('BriefingStack', () => {
  let app: App;
  let template: Template;
  let stackName: string;

  beforeAll(() => {
    const cwd = operatorDir({
      feeds: FEEDS,
      schedule: { time: '06:30', timeZone: 'Asia/Shanghai' },
      delivery: { sendRatePerSecond: 50, senderConcurrency: 4, postalAddress: 'Desk, 2 Street, Leeds' },
    });
    const built = synth(CONTEXT, cwd);
    app = built.app;
    template = built.template;
    stackName = built.stack.stackName;
  }, 120_000);

  it('schedules the digest daily at the time and time zone of briefing.config.json, with retries and a DLQ', () => {
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
    expect(Object.keys(buckets).length).toBe(4);
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
    expect(policies.length).toBe(4);
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
          Match.objectLike({ Prefix: 'editions/', ExpirationInDays: 120, Status: 'Enabled' }),
        ]),
      },
    });
  });

  it('ships the config to its own bucket with the archive URL written in, outside every environment', () => {
    const deployments = Object.values(template.findResources('Custom::CDKBucketDeployment'));
    expect(deployments).toHaveLength(1);
    const deployment = deployments[0]!.Properties;
    expect(deployment.Prune).toBe(true);
    expect(JSON.stringify(deployment.DestinationBucketName)).toContain('ConfigBucket');
    expect(deployment.SystemMetadata).toEqual({ 'content-type': 'application/json' });
    expect(deployment.UserMetadata).toEqual({ revision: expect.stringMatching(/^[0-9a-f]{16}$/) });
    // The deploy-time value substituted into the document is the distribution's domain name.
    expect(JSON.stringify(deployment.SourceMarkers)).toContain('"DomainName"');
    expect(JSON.stringify(deployment.SourceMarkers)).toContain('Archive');
    for (const fn of Object.values(template.findResources('AWS::Lambda::Function'))) {
      const vars = (fn.Properties.Environment?.Variables ?? {}) as Record<string, unknown>;
      // 300 feeds are in the shipped document, not here: Lambda caps all variables at 4 KB.
      expect(JSON.stringify(vars).length).toBeLessThan(1500);
      expect(Object.keys(vars)).not.toContain('BRIEFING_CONFIG');
      expect(Object.keys(vars)).not.toContain('BRIEFING_ARCHIVE_FROM_REQUEST');
    }
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

  it('lets only CloudFront reach the API: a secret origin header, and no host taken from viewers', () => {
    template.resourceCountIs('AWS::CloudFront::Function', 0);
    const distribution = Object.values(template.findResources('AWS::CloudFront::Distribution'))[0]!;
    const origins = distribution.Properties.DistributionConfig.Origins as {
      Id: string;
      OriginCustomHeaders?: { HeaderName: string; HeaderValue: unknown }[];
    }[];
    const api = origins.find((o) => o.OriginCustomHeaders)!;
    expect(api.OriginCustomHeaders).toHaveLength(1);
    expect(api.OriginCustomHeaders![0]!.HeaderName).toBe('x-briefing-origin-secret');
    const value = JSON.stringify(api.OriginCustomHeaders![0]!.HeaderValue);
    expect(value).toContain('{{resolve:secretsmanager:');
    expect(value).toContain('OriginSecret');
    template.hasResourceProperties('AWS::Lambda::Url', { AuthType: 'NONE' });
    const apiFn = Object.entries(template.findResources('AWS::Lambda::Function')).find(([id]) =>
      id.startsWith('SubscriptionApiFunction'),
    )![1];
    expect(Object.keys(apiFn.Properties.Environment.Variables)).toContain('BRIEFING_ORIGIN_SECRET_NAME');
  });

  it("forwards to the API only what it reads and CloudFront's own viewer address, never Host", () => {
    const policies = Object.values(template.findResources('AWS::CloudFront::OriginRequestPolicy'));
    expect(policies).toHaveLength(1);
    const config = policies[0]!.Properties.OriginRequestPolicyConfig;
    expect(config.HeadersConfig.HeaderBehavior).toBe('whitelist');
    expect([...config.HeadersConfig.Headers].sort()).toEqual([
      'Accept',
      'CloudFront-Viewer-Address',
      'Content-Type',
    ]);
    expect(config.CookiesConfig.CookieBehavior).toBe('none');
    const distribution = Object.values(template.findResources('AWS::CloudFront::Distribution'))[0]!;
    const api = distribution.Properties.DistributionConfig.CacheBehaviors.find(
      (b: { PathPattern: string }) => b.PathPattern === '/api/*',
    );
    expect(api.OriginRequestPolicyId).toEqual({
      Ref: Object.keys(template.findResources('AWS::CloudFront::OriginRequestPolicy'))[0],
    });
  });

  it('runs the digest on Node.js 24, ARM64, with reserved concurrency 1 and the send queue', () => {
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
          BRIEFING_SEND_QUEUE_URL: Match.anyValue(),
          BRIEFING_CONFIG_KEY: 'briefing.config.json',
        }),
      },
    });
  });

  it('fans sending out: queue with a DLQ after 5 receives, a sender with partial batch responses and maximum concurrency', () => {
    const queues = template.findResources('AWS::SQS::Queue');
    const send = Object.entries(queues).find(([id]) => id.startsWith('SendQueue'))![1];
    expect(send.Properties.VisibilityTimeout).toBe(1080);
    expect(send.Properties.RedrivePolicy).toEqual({
      deadLetterTargetArn: expect.anything(),
      maxReceiveCount: 5,
    });
    expect(send.Properties.SqsManagedSseEnabled).toBe(true);
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      ScalingConfig: { MaximumConcurrency: 4 },
      // 50 mails/s over 4 senders = 12.5/s each: 10 messages of 50 fit in half of 160 s.
      BatchSize: 10,
    });
    template.hasResourceProperties('AWS::Lambda::Function', {
      Handler: 'index.handler',
      Timeout: 180,
      MemorySize: 512,
      Environment: { Variables: Match.objectLike({ POWERTOOLS_SERVICE_NAME: 'briefing-sender' }) },
    });
  });

  it('keeps secrets out of environment variables: only the secret name is passed', () => {
    for (const fn of Object.values(template.findResources('AWS::Lambda::Function'))) {
      const vars = JSON.stringify(fn.Properties.Environment ?? {});
      expect(vars).not.toMatch(/SecretString|password|resolve:secretsmanager/i);
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
        'sqs:GetQueueAttributes',
        'sqs:GetQueueUrl',
        'sqs:SendMessage',
        'xray:PutTelemetryRecords',
        'xray:PutTraceSegments',
      ].sort(),
    );
    expect(objectGrants(statements)).toEqual(
      [
        's3:GetObject ConfigBucket/briefing.config.json',
        // Private ad-hoc briefings: the data bucket's adhoc/ prefix, never the public site.
        's3:GetObject Data/adhoc/*',
        's3:GetObject Data/runs/*',
        's3:GetObject Data/sends/*',
        's3:GetObject Data/state/*',
        's3:GetObject Data/subscribers/*',
        's3:GetObject Site/*',
        's3:PutObject Data/adhoc/*',
        's3:PutObject Data/corrupt/*',
        's3:PutObject Data/editions/*',
        's3:PutObject Data/runs/*',
        's3:PutObject Data/sends/*',
        's3:PutObject Data/state/*',
        's3:PutObject Site/*',
      ].sort(),
    );
    expect(listGrants(statements)).toEqual(
      [
        's3:ListBucket ConfigBucket/briefing.config.json',
        's3:ListBucket Data/adhoc/*',
        's3:ListBucket Data/runs/*',
        's3:ListBucket Data/sends/*',
        's3:ListBucket Data/state/*',
        's3:ListBucket Data/subscribers/*',
        's3:ListBucket Site/*',
      ].sort(),
    );
    const ses = statements.find((s) => s.Action === 'ses:SendRawEmail')!;
    expect(ses.Condition).toEqual({ StringEquals: { 'ses:FromAddress': 'briefing@news.briefing-desk.org' } });
  });

  it('grants the sender editions and subscribers to read, sends/ to write, and nothing else', () => {
    const statements = policyStatementsOf(template, 'SendSenderFunctionServiceRole');
    expect([...new Set(actionsOf(statements))]).toEqual(
      [
        's3:GetObject',
        's3:ListBucket',
        's3:PutObject',
        'secretsmanager:DescribeSecret',
        'secretsmanager:GetSecretValue',
        'ses:SendRawEmail',
        'sqs:ChangeMessageVisibility',
        'sqs:DeleteMessage',
        'sqs:GetQueueAttributes',
        'sqs:GetQueueUrl',
        'sqs:ReceiveMessage',
        'xray:PutTelemetryRecords',
        'xray:PutTraceSegments',
      ].sort(),
    );
    expect(objectGrants(statements)).toEqual(
      [
        's3:GetObject ConfigBucket/briefing.config.json',
        's3:GetObject Data/editions/*',
        's3:GetObject Data/sends/*',
        's3:GetObject Data/subscribers/*',
        's3:PutObject Data/sends/*',
      ].sort(),
    );
    // Listing exactly what it may read: a missing send claim is then a 404, not AccessDenied.
    expect(listGrants(statements)).toEqual(
      [
        's3:ListBucket ConfigBucket/briefing.config.json',
        's3:ListBucket Data/editions/*',
        's3:ListBucket Data/sends/*',
        's3:ListBucket Data/subscribers/*',
      ].sort(),
    );
    const ses = statements.find((s) => s.Action === 'ses:SendRawEmail')!;
    expect(ses.Condition).toEqual({ StringEquals: { 'ses:FromAddress': 'briefing@news.briefing-desk.org' } });
    expect(JSON.stringify(ses.Resource)).toContain('identity/news.briefing-desk.org');
  });

  it('limits the subscription API to subscriber records, its config, mail and its two secrets', () => {
    const statements = policyStatementsOf(template, 'SubscriptionApiFunctionServiceRole');
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
    expect(objectGrants(statements)).toEqual(
      [
        's3:GetObject ConfigBucket/briefing.config.json',
        's3:GetObject Data/limits/*',
        's3:GetObject Data/subscribers/*',
        's3:PutObject Data/corrupt/*',
        's3:PutObject Data/limits/*',
        's3:PutObject Data/subscribers/*',
      ].sort(),
    );
    expect(listGrants(statements)).toEqual(
      [
        's3:ListBucket ConfigBucket/briefing.config.json',
        's3:ListBucket Data/limits/*',
        's3:ListBucket Data/subscribers/*',
      ].sort(),
    );
  });

  it('gives the bounce handler subscriber records only: no secret, no mail', () => {
    const statements = policyStatementsOf(template, 'SesEventsHandlerFunctionServiceRole');
    expect([...new Set(actionsOf(statements))]).toEqual(
      [
        's3:GetObject',
        's3:ListBucket',
        's3:PutObject',
        'xray:PutTelemetryRecords',
        'xray:PutTraceSegments',
      ].sort(),
    );
    expect(objectGrants(statements)).toEqual([
      's3:GetObject Data/subscribers/*',
      's3:PutObject Data/corrupt/*',
      's3:PutObject Data/subscribers/*',
    ]);
    expect(listGrants(statements)).toEqual(['s3:ListBucket Data/subscribers/*']);
  });

  it('routes SES bounces and complaints to the handler, with a custom MAIL FROM domain', () => {
    template.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      EventDestination: Match.objectLike({ MatchingEventTypes: Match.arrayWith(['bounce', 'complaint']) }),
    });
    template.hasResourceProperties('AWS::SES::EmailIdentity', {
      EmailIdentity: 'news.briefing-desk.org',
      MailFromAttributes: {
        MailFromDomain: 'mail.news.briefing-desk.org',
        BehaviorOnMxFailure: 'USE_DEFAULT_VALUE',
      },
    });
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
      'send dead-letter queue',
      'falling behind',
      'sender function failed',
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
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateAgeOfOldestMessage',
      Threshold: 6 * 3600,
    });
  });

  it('sets log retention on every function', () => {
    for (const group of Object.values(template.findResources('AWS::Logs::LogGroup'))) {
      expect(group.Properties.RetentionInDays).toBe(90);
    }
  });

  it('deploys a real domain without the placeholder guard', () => {
    expect(template.toJSON().Parameters?.SenderDomain).toBeUndefined();
  });

  it('passes cdk-nag AwsSolutions with every acknowledgement explained', () => {
    app.synth();
    const errors = Annotations.fromStack(app.node.findChild(stackName) as never).findError(
      '*',
      Match.stringLikeRegexp('AwsSolutions'),
    );
    expect(errors.map((e) => e.entry.data)).toEqual([]);
  });
});

describe('BriefingStack in a named account and region', () => {
  it('passes cdk-nag as `cdk deploy` synthesises it (account and region resolved)', () => {
    const saved = { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION };
    Object.assign(process.env, { CDK_DEFAULT_ACCOUNT: '123456789012', CDK_DEFAULT_REGION: 'eu-west-2' });
    try {
      const { app, stack } = synth(CONTEXT, operatorDir({}));
      app.synth();
      const errors = Annotations.fromStack(stack).findError('*', Match.stringLikeRegexp('AwsSolutions'));
      expect(errors.map((e) => e.entry.data)).toEqual([]);
    } finally {
      for (const [key, value] of [
        ['CDK_DEFAULT_ACCOUNT', saved.account],
        ['CDK_DEFAULT_REGION', saved.region],
      ] as const) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
  }, 120_000);
});

describe('BriefingStack with the placeholder domain', () => {
  it('synthesises with a warning, and carries a parameter CloudFormation refuses to deploy', () => {
    const { stack, template } = synth(
      {
        'briefing:fromAddress': 'briefing@example.org',
        'briefing:domain': 'example.org',
        'aws:cdk:bundling-stacks': [],
      },
      operatorDir({}),
    );
    const warnings = Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('placeholder'));
    expect(warnings.map((w) => w.entry.data)).toEqual([
      'briefing:domain is the placeholder example.org: deploy with -c briefing:domain=<your domain> -c briefing:fromAddress=<address at it>',
    ]);
    const parameter = template.toJSON().Parameters.SenderDomain;
    expect(parameter.Default).toBe('example.org');
    expect(parameter.ConstraintDescription).toContain('placeholder example.org');
    // CloudFormation checks the default against the pattern on every create and update.
    const pattern = new RegExp(parameter.AllowedPattern);
    expect(pattern.test('example.org')).toBe(false);
    expect(pattern.test('news.example.com')).toBe(false);
    expect(pattern.test('briefing.news.co.uk')).toBe(true);
  }, 120_000);
});

describe('BriefingStack with headline translation on', () => {
  it('grants the digest translate:TranslateText only, with cdk-nag passing', () => {
    const { app, stack, template } = synth(CONTEXT, operatorDir({ translate: { kind: 'amazon-translate' } }));
    const statements = policyStatementsOf(template, 'DigestFunctionServiceRole');
    const translate = statements.filter((s) => JSON.stringify(s.Action).includes('translate:'));
    expect(translate).toEqual([
      expect.objectContaining({ Action: 'translate:TranslateText', Resource: '*' }),
    ]);
    expect(
      policyStatementsOf(template, 'SubscriptionApiFunctionServiceRole').some((s) =>
        JSON.stringify(s.Action).includes('translate:'),
      ),
    ).toBe(false);
    app.synth();
    const errors = Annotations.fromStack(stack).findError('*', Match.stringLikeRegexp('AwsSolutions'));
    expect(errors.map((e) => e.entry.data)).toEqual([]);
  }, 120_000);
});
