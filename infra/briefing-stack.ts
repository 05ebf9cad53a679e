/**
 * The whole deployment: a scheduled digest function, a send queue and its sender function, a
 * private data bucket, a private site bucket served by CloudFront (OAC), the subscription API at
 * /api/* (reachable only through CloudFront), the operator's config shipped to its own bucket,
 * SES identity (DKIM, custom MAIL FROM) and configuration set with bounce/complaint handling, and
 * the alarms that tell an operator when a morning went wrong.
 */
import {
  Annotations,
  type CfnElement,
  CfnOutput,
  CfnParameter,
  Duration,
  RemovalPolicy,
  Stack,
  type StackProps,
  TimeZone,
  Validations,
} from 'aws-cdk-lib';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginRequestCookieBehavior,
  OriginRequestHeaderBehavior,
  OriginRequestPolicy,
  OriginRequestQueryStringBehavior,
  PriceClass,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { FunctionUrlOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { Alarm, ComparisonOperator, Metric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { Effect, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { FunctionUrlAuthType, type IFunction } from 'aws-cdk-lib/aws-lambda';
import { SnsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  type IBucket,
  ObjectOwnership,
} from 'aws-cdk-lib/aws-s3';
import { Schedule, ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import {
  ConfigurationSet,
  EmailIdentity,
  EmailSendingEvent,
  EventDestination,
  Identity,
  MailFromBehaviorOnMxFailure,
} from 'aws-cdk-lib/aws-ses';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { ENV, ORIGIN_SECRET_HEADER } from '#config/env.ts';
import { BriefingFunction } from './constructs/briefing-function.ts';
import { MAX_RECEIVES, SendQueue } from './constructs/send-queue.ts';
import { ShippedConfig } from './constructs/shipped-config.ts';
import { configRevision, effectiveConfig, type OperatorConfig, shippedDocument } from './operator-config.ts';
import { isPlaceholderDomain, type StackConfig } from './stack-config.ts';

export interface BriefingStackProps extends StackProps {
  config: StackConfig;
  /** The operator's briefing.config.json (readOperatorConfig). */
  operator: OperatorConfig;
}

/** Metric names emitted by the digest function (embedded metric format). */
export const METRICS = {
  namespace: 'Briefing',
  editionsPublished: 'EditionsPublished',
  sourceFailureDays: 'MaxConsecutiveSourceFailureDays',
} as const;

/** Archive security headers; mirrored as <meta> in the pages for hosts that set none. */
export const SITE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

export class BriefingStack extends Stack {
  constructor(scope: Construct, id: string, props: BriefingStackProps) {
    super(scope, id, props);
    const { config, operator } = props;
    const app = effectiveConfig(operator);
    refusePlaceholderDeploy(this, config.domain);

    const logs = new Bucket(this, 'AccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // CloudFront standard logging writes with ACLs.
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(90) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(logs).acknowledge({
      id: 'AwsSolutions::AwsSolutions-S1',
      reason: 'This is the access-log bucket itself.',
    });

    const data = new Bucket(this, 'Data', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      versioned: true,
      serverAccessLogsBucket: logs,
      serverAccessLogsPrefix: 'data/',
      lifecycleRules: [
        { prefix: 'state/articles/', expiration: Duration.days(14) },
        { prefix: 'state/feeds/', expiration: Duration.days(30) },
        { prefix: 'sends/', expiration: Duration.days(120) },
        { prefix: 'editions/', expiration: Duration.days(120) },
        { prefix: 'runs/', expiration: Duration.days(400) },
        // Hourly sign-up counters are read only within their hour.
        { prefix: 'limits/', expiration: Duration.days(2) },
        { noncurrentVersionExpiration: Duration.days(30) },
      ],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const site = new Bucket(this, 'Site', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      versioned: true,
      serverAccessLogsBucket: logs,
      serverAccessLogsPrefix: 'site/',
      lifecycleRules: [{ noncurrentVersionExpiration: Duration.days(30) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const signingSecret = new Secret(this, 'LinkSigningSecret', {
      description: 'HMAC key for subscription confirm/unsubscribe/preferences links',
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
    });
    Validations.of(signingSecret).acknowledge({
      id: 'AwsSolutions::AwsSolutions-SMG4',
      reason: 'Rotating the link-signing key would invalidate every unsubscribe link already mailed.',
    });

    // Mail: domain identity with DKIM, a configuration set whose bounces and complaints reach a Lambda.
    const sesEvents = new Topic(this, 'SesEvents', { enforceSSL: true });
    acknowledgeTopicKey(sesEvents);
    const configurationSet = new ConfigurationSet(this, 'ConfigurationSet', { reputationMetrics: true });
    configurationSet.addEventDestination('BouncesAndComplaints', {
      destination: EventDestination.snsTopic(sesEvents),
      events: [EmailSendingEvent.BOUNCE, EmailSendingEvent.COMPLAINT, EmailSendingEvent.REJECT],
    });
    const mailFromDomain = `${config.mailFromSubdomain}.${config.domain}`;
    const identity = new EmailIdentity(this, 'Identity', {
      identity: Identity.domain(config.domain),
      configurationSet,
      // A custom MAIL FROM on the sender's own domain, so SPF aligns for DMARC (README lists the records).
      mailFromDomain,
      mailFromBehaviorOnMxFailure: MailFromBehaviorOnMxFailure.USE_DEFAULT_VALUE,
    });
    const identityArn = this.formatArn({ service: 'ses', resource: 'identity', resourceName: config.domain });
    const configurationSetArn = this.formatArn({
      service: 'ses',
      resource: 'configuration-set',
      resourceName: configurationSet.configurationSetName,
    });

    // The archive: CloudFront in front of the private site bucket, the API under /api/*.
    const headers = new ResponseHeadersPolicy(this, 'SiteHeaders', {
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: SITE_CSP, override: true },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(730),
          includeSubdomains: true,
          preload: true,
          override: true,
        },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        referrerPolicy: {
          referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN,
          override: true,
        },
      },
    });

    const originSecret = new Secret(this, 'OriginSecret', {
      description: 'Header value CloudFront adds to API requests; the API refuses requests without it',
      generateSecretString: { passwordLength: 40, excludePunctuation: true },
    });
    Validations.of(originSecret).acknowledge({
      id: 'AwsSolutions::AwsSolutions-SMG4',
      reason:
        'CloudFront holds this value in its origin configuration; it changes with a stack update (README, rotating secrets).',
    });

    const configEnvironment = (shipped: ShippedConfig) => ({
      [ENV.configBucket]: shipped.bucket.bucketName,
      [ENV.configKey]: shipped.key,
      [ENV.configRevision]: revision,
    });
    const revision = configRevision(operator, config);

    const api = new BriefingFunction(this, 'SubscriptionApi', {
      handler: 'subscribe-api',
      description: 'Subscribe, confirm, unsubscribe (RFC 8058) and preferences',
      memorySize: 512,
      timeout: Duration.seconds(15),
      environment: {
        [ENV.dataBucket]: data.bucketName,
        [ENV.signingSecretName]: signingSecret.secretName,
        [ENV.originSecretName]: originSecret.secretName,
      },
    });
    // Reachable by anyone who learns it, so the function refuses requests without the header only
    // CloudFront adds. IAM auth with CloudFront OAC is not used: OAC needs a payload hash header on
    // POST that neither the HTML sign-up form nor a mail provider's RFC 8058 one-click unsubscribe sends.
    const apiUrl = api.fn.addFunctionUrl({ authType: FunctionUrlAuthType.NONE });

    const distribution = new Distribution(this, 'Archive', {
      comment: 'China–Russia Briefing archive',
      defaultRootObject: 'index.html',
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_100,
      enableLogging: true,
      logBucket: logs,
      logFilePrefix: 'cloudfront/',
      ...(config.archiveDomain && config.archiveCertificateArn
        ? {
            domainNames: [config.archiveDomain],
            minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
            certificate: Certificate.fromCertificateArn(
              this,
              'ArchiveCertificate',
              config.archiveCertificateArn,
            ),
          }
        : {}),
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(site),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        responseHeadersPolicy: headers,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        compress: true,
      },
      additionalBehaviors: {
        '/api/*': {
          origin: new FunctionUrlOrigin(apiUrl, {
            // CloudFront replaces any viewer header of this name with its own value.
            customHeaders: { [ORIGIN_SECRET_HEADER]: originSecret.secretValue.unsafeUnwrap() },
          }),
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          cachePolicy: CachePolicy.CACHING_DISABLED,
          // Only what the API reads, and the viewer's address from CloudFront itself (the sign-up
          // limits count by it). Never Host: a Function URL answers only to its own name.
          originRequestPolicy: new OriginRequestPolicy(this, 'ApiOriginRequests', {
            comment: 'Briefing API: Accept, Content-Type, the viewer address; query strings; no cookies',
            headerBehavior: OriginRequestHeaderBehavior.allowList(
              'Accept',
              'Content-Type',
              'CloudFront-Viewer-Address',
            ),
            queryStringBehavior: OriginRequestQueryStringBehavior.all(),
            cookieBehavior: OriginRequestCookieBehavior.none(),
          }),
        },
      },
      errorResponses: [
        { httpStatus: 403, responseHttpStatus: 404, responsePagePath: '/404.html', ttl: Duration.minutes(5) },
        { httpStatus: 404, responseHttpStatus: 404, responsePagePath: '/404.html', ttl: Duration.minutes(5) },
      ],
    });
    if (!config.archiveCertificateArn) {
      Validations.of(distribution).acknowledge({
        id: 'AwsSolutions::AwsSolutions-CFR4',
        reason:
          'Without a custom domain the default *.cloudfront.net certificate is used; TLS 1.2 is set for custom domains.',
      });
    }
    Validations.of(distribution).acknowledge({
      id: 'AwsSolutions::AwsSolutions-CFR1',
      reason: 'A public news archive: no geographic restriction is wanted.',
    });
    Validations.of(distribution).acknowledge({
      id: 'AwsSolutions::AwsSolutions-CFR2',
      reason:
        'WAF costs more than the whole service at this size; the site is static and the API rate-limits per address.',
    });

    const archiveUrl = config.archiveDomain
      ? `https://${config.archiveDomain}/`
      : `https://${distribution.distributionDomainName}/`;
    const shipped = new ShippedConfig(this, 'Config', {
      document: shippedDocument(operator, {
        fromAddress: config.fromAddress,
        domain: config.domain,
        configurationSetName: configurationSet.configurationSetName,
        archiveUrl,
      }),
      revision,
      accessLogs: logs,
    });
    for (const [key, value] of Object.entries(configEnvironment(shipped))) api.fn.addEnvironment(key, value);

    const sending = new SendQueue(this, 'Send', {
      environment: {
        [ENV.dataBucket]: data.bucketName,
        [ENV.signingSecretName]: signingSecret.secretName,
        ...configEnvironment(shipped),
        POWERTOOLS_METRICS_NAMESPACE: METRICS.namespace,
      },
      delivery: app.delivery,
    });
    const sender = sending.sender;

    const digest = new BriefingFunction(this, 'Digest', {
      handler: 'digest',
      description: 'Daily China–Russia briefing: fetch, analyse, publish, mail',
      // Measured: peak ~300 MB on a 5,000-item day; 1,024 MB buys CPU for parsing and extraction.
      memorySize: 1024,
      timeout: Duration.minutes(10),
      // Two scheduled runs never overlap; a manual run while one is going is throttled, not doubled.
      reservedConcurrentExecutions: 1,
      environment: {
        [ENV.dataBucket]: data.bucketName,
        [ENV.siteBucket]: site.bucketName,
        [ENV.signingSecretName]: signingSecret.secretName,
        [ENV.sendQueueUrl]: sending.queue.queueUrl,
        ...configEnvironment(shipped),
        POWERTOOLS_METRICS_NAMESPACE: METRICS.namespace,
        POWERTOOLS_SERVICE_NAME: 'briefing-digest',
      },
    });
    // A function that starts after this deployment finds its own revision of the config.
    for (const f of [digest, sender]) f.node.addDependency(shipped.deployment);

    const sesHandler = new BriefingFunction(this, 'SesEventsHandler', {
      handler: 'ses-events',
      description: 'Suppresses addresses that bounced or complained, from SES notifications',
      memorySize: 256,
      timeout: Duration.seconds(30),
      environment: { [ENV.dataBucket]: data.bucketName },
    });
    sesHandler.fn.addEventSource(new SnsEventSource(sesEvents));

    // Least privilege: each function reaches only the prefixes and identities it uses.
    const configFile = shipped.key;
    const grants: [BriefingFunction, IBucket, string[], string[]][] = [
      // adhoc/: private ad-hoc briefings, which never enter the public site bucket.
      [digest, data, ['state/*', 'runs/*', 'sends/*', 'adhoc/*'], ['s3:GetObject', 's3:PutObject']],
      [digest, data, ['subscribers/*'], ['s3:GetObject']],
      [digest, data, ['editions/*'], ['s3:PutObject']],
      [digest, site, ['*'], ['s3:GetObject', 's3:PutObject']],
      [digest, shipped.bucket, [configFile], ['s3:GetObject']],
      [sender, data, ['editions/*', 'subscribers/*'], ['s3:GetObject']],
      [sender, data, ['sends/*'], ['s3:GetObject', 's3:PutObject']],
      [sender, shipped.bucket, [configFile], ['s3:GetObject']],
      [api, data, ['subscribers/*'], ['s3:GetObject', 's3:PutObject']],
      // Sign-up rate-limit counters (functions/subscribe/sign-up-limits.ts).
      [api, data, ['limits/*'], ['s3:GetObject', 's3:PutObject']],
      [api, shipped.bucket, [configFile], ['s3:GetObject']],
      [sesHandler, data, ['subscribers/*'], ['s3:GetObject', 's3:PutObject']],
      // Stored documents of the wrong shape are copied here, never deleted (functions/state/).
      [digest, data, ['corrupt/*'], ['s3:PutObject']],
      [api, data, ['corrupt/*'], ['s3:PutObject']],
      [sesHandler, data, ['corrupt/*'], ['s3:PutObject']],
    ];
    for (const [f, bucket, prefixes, actions] of grants) {
      grantObjects(f.fn, bucket, prefixes, actions);
      // A function that may read a key must also be told when it is missing: without s3:ListBucket
      // on a prefix matching the key, S3 answers a read of a missing key with 403 AccessDenied, not
      // 404 (a first sign-up, a first send claim, a first edition's archive index). So a function
      // may list exactly what it may read (tests/infra/grants-in-use.test.ts).
      if (actions.includes('s3:GetObject')) grantList(f.fn, bucket, prefixes);
      const logicalId = this.getLogicalId(bucket.node.defaultChild as CfnElement);
      for (const prefix of prefixes.filter((p) => p.includes('*'))) {
        Validations.of(f).acknowledge({
          id: `AwsSolutions::AwsSolutions-IAM5[Resource::<${logicalId}.Arn>/${prefix}]`,
          reason: `Object-level access limited to the ${prefix === '*' ? 'site bucket this function publishes' : `${prefix} prefix this function owns`}.`,
        });
      }
    }
    sending.queue.grantSendMessages(digest.fn);
    // Bedrock only for the features switched on, and only their models.
    const allowModel = (modelId: string, region: string | undefined) =>
      digest.fn.addToRolePolicy(
        new PolicyStatement({
          effect: Effect.ALLOW,
          actions: ['bedrock:InvokeModel'],
          resources: [`arn:${this.partition}:bedrock:${region ?? this.region}::foundation-model/${modelId}`],
        }),
      );
    if (app.summariser.kind === 'bedrock') allowModel(app.summariser.modelId, app.summariser.region);
    if (app.relevance.secondOpinion.enabled)
      allowModel(app.relevance.secondOpinion.modelId, app.relevance.secondOpinion.region);
    if (app.translate.kind === 'amazon-translate') {
      // Only when headline translation is switched on. TranslateText has no resource-level
      // permissions, so the resource is "*"; the action is the one call the adapter makes.
      digest.fn.addToRolePolicy(
        new PolicyStatement({ effect: Effect.ALLOW, actions: ['translate:TranslateText'], resources: ['*'] }),
      );
      Validations.of(digest.fn).acknowledge({
        id: 'AwsSolutions::AwsSolutions-IAM5[Resource::*]',
        reason:
          'translate:TranslateText supports no resource-level permissions; only that action is granted.',
      });
    }
    for (const fn of [digest.fn, sender.fn, api.fn]) {
      fn.addToRolePolicy(
        new PolicyStatement({
          effect: Effect.ALLOW,
          actions: ['ses:SendRawEmail'],
          resources: [identityArn, configurationSetArn],
          conditions: { StringEquals: { 'ses:FromAddress': config.fromAddress } },
        }),
      );
    }
    for (const fn of [digest.fn, sender.fn, api.fn]) signingSecret.grantRead(fn);
    originSecret.grantRead(api.fn);
    for (const f of [digest, sender, api, sesHandler]) acknowledgeManagedLogPolicy(f);

    // The schedule: EventBridge Scheduler in the operator's time zone, retries, and a DLQ.
    const deadLetters = new Queue(this, 'ScheduleDeadLetters', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(deadLetters).acknowledge({
      id: 'AwsSolutions::AwsSolutions-SQS3',
      reason: 'This queue is the dead-letter queue.',
    });
    const [hour, minute] = app.schedule.time.split(':');
    const schedule = new Schedule(this, 'DailySchedule', {
      description: `Daily briefing at ${app.schedule.time} ${app.schedule.timeZone}`,
      schedule: ScheduleExpression.cron({ minute, hour, timeZone: TimeZone.of(app.schedule.timeZone) }),
      target: new LambdaInvoke(digest.fn, {
        input: ScheduleTargetInput.fromObject({ source: 'briefing.schedule' }),
        retryAttempts: 2,
        maxEventAge: Duration.hours(2),
        deadLetterQueue: deadLetters,
      }),
    });
    for (const child of this.node.children) {
      if (child.node.id.startsWith('SchedulerRoleForTarget')) {
        Validations.of(child).acknowledge({
          id: `AwsSolutions::AwsSolutions-IAM5[Resource::<${this.getLogicalId(digest.fn.node.defaultChild as CfnElement)}.Arn>:*]`,
          reason: 'The scheduler role may invoke the digest function and its versions (":*"), nothing else.',
        });
      }
    }
    void schedule;

    // Alarms to one topic; an optional email subscription for the operator.
    const alarms = new Topic(this, 'Alarms', { enforceSSL: true });
    acknowledgeTopicKey(alarms);
    if (config.alarmEmail) alarms.addSubscription(new EmailSubscription(config.alarmEmail));
    const notify = new SnsAction(alarms);
    const alarm = (id: string, props: ConstructorParameters<typeof Alarm>[2]) =>
      new Alarm(this, id, props).addAlarmAction(notify);

    alarm('DigestFailed', {
      alarmDescription: 'The digest function failed (after the scheduler retries, see the DLQ).',
      metric: digest.fn.metricErrors({ period: Duration.minutes(5), statistic: 'Sum' }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    const hoursWithoutEdition = 24 + config.editionDeadlineHours;
    alarm('NoEditionByDeadline', {
      alarmDescription: `No edition published in the last ${hoursWithoutEdition} hours.`,
      metric: new Metric({
        namespace: METRICS.namespace,
        metricName: METRICS.editionsPublished,
        dimensionsMap: { service: 'briefing-digest' },
        statistic: 'Sum',
        period: Duration.hours(1),
      }),
      threshold: 1,
      evaluationPeriods: hoursWithoutEdition,
      datapointsToAlarm: hoursWithoutEdition,
      comparisonOperator: ComparisonOperator.LESS_THAN_THRESHOLD,
      treatMissingData: TreatMissingData.BREACHING,
    });
    alarm('DeadLettersWaiting', {
      alarmDescription: 'A scheduled run could not be delivered to the digest function.',
      metric: deadLetters.metricApproximateNumberOfMessagesVisible({
        period: Duration.minutes(5),
        statistic: 'Maximum',
      }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    alarm('SourceFailingForDays', {
      alarmDescription: `A feed has failed for ${config.sourceFailureDays} or more days in a row.`,
      metric: new Metric({
        namespace: METRICS.namespace,
        metricName: METRICS.sourceFailureDays,
        dimensionsMap: { service: 'briefing-digest' },
        statistic: 'Maximum',
        period: Duration.days(1),
      }),
      threshold: config.sourceFailureDays,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    alarm('SendDeadLetters', {
      alarmDescription: `A send batch failed ${MAX_RECEIVES} times and is in the send dead-letter queue (README: redriving).`,
      metric: sending.deadLetters.metricApproximateNumberOfMessagesVisible({
        period: Duration.minutes(5),
        statistic: 'Maximum',
      }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    alarm('SendBacklogOld', {
      alarmDescription: `Sending is falling behind: a batch has waited ${config.sendBacklogHours} h in the send queue (raise the SES rate or senderConcurrency).`,
      metric: sending.queue.metricApproximateAgeOfOldestMessage({
        period: Duration.minutes(15),
        statistic: 'Maximum',
      }),
      threshold: config.sendBacklogHours * 3600,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    alarm('SenderFailed', {
      alarmDescription: 'The sender function failed (its batches return to the queue).',
      metric: sender.fn.metricErrors({ period: Duration.minutes(5), statistic: 'Sum' }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    alarm('BounceRateHigh', {
      alarmDescription: 'SES bounce rate above 5% (SES reviews accounts at 10%).',
      metric: new Metric({
        namespace: 'AWS/SES',
        metricName: 'Reputation.BounceRate',
        statistic: 'Maximum',
        period: Duration.hours(1),
      }),
      threshold: 0.05,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    alarm('ComplaintRateHigh', {
      alarmDescription: 'SES complaint rate above 0.1% (SES reviews accounts at 0.5%).',
      metric: new Metric({
        namespace: 'AWS/SES',
        metricName: 'Reputation.ComplaintRate',
        statistic: 'Maximum',
        period: Duration.hours(1),
      }),
      threshold: 0.001,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });

    new CfnOutput(this, 'ArchiveUrl', { value: archiveUrl });
    new CfnOutput(this, 'ApiUrl', { value: `${archiveUrl}api/` });
    new CfnOutput(this, 'DigestFunctionName', { value: digest.fn.functionName });
    new CfnOutput(this, 'DataBucketName', { value: data.bucketName });
    new CfnOutput(this, 'SiteBucketName', { value: site.bucketName });
    new CfnOutput(this, 'SesIdentity', { value: identity.emailIdentityName });
    new CfnOutput(this, 'MailFromDomain', {
      value: mailFromDomain,
      description: `DNS: MX 10 feedback-smtp.${this.region}.amazonses.com and TXT "v=spf1 include:amazonses.com ~all"`,
    });
    new CfnOutput(this, 'ConfigBucketName', { value: shipped.bucket.bucketName });
    new CfnOutput(this, 'SigningSecretName', { value: signingSecret.secretName });
    new CfnOutput(this, 'SendQueueUrl', { value: sending.queue.queueUrl });
    new CfnOutput(this, 'SendDeadLetterQueueUrl', { value: sending.deadLetters.queueUrl });
    new CfnOutput(this, 'SenderFunctionName', { value: sender.fn.functionName });
  }
}

/**
 * A stack whose sender domain is still a documentation placeholder synthesises (with a warning),
 * so `npm run synth` works out of the box, but CloudFormation refuses to deploy it: the
 * parameter's default fails its own pattern, and the constraint description says what to set.
 */
function refusePlaceholderDeploy(stack: Stack, domain: string): void {
  if (!isPlaceholderDomain(domain)) return;
  const message = `briefing:domain is the placeholder ${domain}: deploy with -c briefing:domain=<your domain> -c briefing:fromAddress=<address at it>`;
  Annotations.of(stack).addWarning(message);
  new CfnParameter(stack, 'SenderDomain', {
    type: 'String',
    default: domain,
    allowedPattern: '^(?!(.+\\.)?example\\.(org|com|net)$).+$',
    constraintDescription: message,
    description: 'The SES sender domain, from cdk context briefing:domain',
  });
  Validations.of(stack).acknowledge(
    {
      id: 'CloudFormation-Validate::F2015',
      reason: 'Intended: the placeholder default fails its pattern, so CloudFormation refuses the deploy.',
    },
    { id: 'CloudFormation-Validate::W2001', reason: 'The parameter exists only to refuse the deploy.' },
  );
}

function grantObjects(fn: IFunction, bucket: IBucket, prefixes: string[], actions: string[]): void {
  fn.addToRolePolicy(
    new PolicyStatement({
      effect: Effect.ALLOW,
      actions,
      resources: prefixes.map((p) => bucket.arnForObjects(p)),
    }),
  );
}

function grantList(fn: IFunction, bucket: IBucket, prefixes: string[]): void {
  fn.addToRolePolicy(
    new PolicyStatement({
      effect: Effect.ALLOW,
      actions: ['s3:ListBucket'],
      resources: [bucket.bucketArn],
      conditions: { StringLike: { 's3:prefix': prefixes } },
    }),
  );
}

function acknowledgeTopicKey(topic: Topic): void {
  Validations.of(topic).acknowledge({
    id: 'AwsSolutions::AwsSolutions-SNS2',
    reason:
      'Notifications carry no personal data beyond SES event metadata; SES and CloudWatch cannot publish to a topic encrypted with the AWS-managed key.',
  });
}

function acknowledgeManagedLogPolicy(f: BriefingFunction): void {
  Validations.of(f).acknowledge(
    {
      id: 'AwsSolutions::AwsSolutions-L1',
      reason:
        'Node.js 24 is the newest runtime this CDK version offers; raised deliberately, not automatically.',
    },
    {
      id: 'AwsSolutions::AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      reason: "AWSLambdaBasicExecutionRole only allows writing this function's own logs.",
    },
    {
      id: 'AwsSolutions::AwsSolutions-IAM5[Resource::*]',
      reason: 'X-Ray PutTraceSegments/PutTelemetryRecords support no resource-level permissions.',
    },
  );
}
