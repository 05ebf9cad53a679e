/**
 * The configuration the functions read at cold start: the operator's briefing.config.json merged
 * with the stack's settings (shippedDocument), written by a deployment to a bucket of its own.
 * Its own bucket because the deployment's custom resource may write wherever it deploys: it
 * reaches this bucket only, never the subscribers in the data bucket. The archive's URL in the
 * document is a deploy-time value (the distribution's domain), substituted as it is written.
 */
import { type CfnElement, Duration, RemovalPolicy, Stack, Token, Validations } from 'aws-cdk-lib';
import { BlockPublicAccess, Bucket, BucketEncryption, type IBucket } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { SHIPPED_CONFIG_KEY } from '#config/env.ts';

export interface ShippedConfigProps {
  document: Record<string, unknown>;
  revision: string;
  accessLogs: IBucket;
}

export class ShippedConfig extends Construct {
  readonly bucket: Bucket;
  readonly deployment: BucketDeployment;
  readonly key = SHIPPED_CONFIG_KEY;

  constructor(scope: Construct, id: string, props: ShippedConfigProps) {
    super(scope, id);
    this.bucket = new Bucket(this, 'Bucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      versioned: true,
      serverAccessLogsBucket: props.accessLogs,
      serverAccessLogsPrefix: 'config/',
      lifecycleRules: [{ noncurrentVersionExpiration: Duration.days(90) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.deployment = new BucketDeployment(this, 'Deploy', {
      destinationBucket: this.bucket,
      sources: [Source.jsonData(SHIPPED_CONFIG_KEY, props.document)],
      // The functions compare this with the revision they were deployed with.
      metadata: { revision: props.revision },
      contentType: 'application/json',
      prune: true,
      retainOnDelete: true,
      memoryLimit: 256,
    });
    // The deployment's handler is a singleton at the stack's root, with its own role and runtime.
    const handler = this.deployment.handlerRole.node.scope;
    const stack = Stack.of(this);
    // cdk-nag names the asset bucket with the account and region when the stack's env gives them.
    const bound = (value: string, placeholder: string) => (Token.isUnresolved(value) ? placeholder : value);
    if (handler) {
      Validations.of(handler).acknowledge(
        {
          id: 'AwsSolutions::AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
          reason: "The CDK deployment handler's basic execution role only writes its own logs.",
        },
        {
          id: 'AwsSolutions::AwsSolutions-IAM5[Action::s3:GetBucket*]',
          reason:
            'CDK BucketDeployment reads the asset and writes the config bucket only (grants scoped to those two buckets).',
        },
        {
          id: 'AwsSolutions::AwsSolutions-IAM5[Action::s3:GetObject*]',
          reason:
            'CDK BucketDeployment reads the asset and writes the config bucket only (grants scoped to those two buckets).',
        },
        {
          id: 'AwsSolutions::AwsSolutions-IAM5[Action::s3:List*]',
          reason:
            'CDK BucketDeployment reads the asset and writes the config bucket only (grants scoped to those two buckets).',
        },
        {
          id: 'AwsSolutions::AwsSolutions-IAM5[Action::s3:DeleteObject*]',
          reason: 'CDK BucketDeployment prunes the config bucket it owns.',
        },
        {
          id: 'AwsSolutions::AwsSolutions-IAM5[Action::s3:Abort*]',
          reason: 'CDK BucketDeployment aborts its own uploads to the config bucket.',
        },
        {
          id: `AwsSolutions::AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-${bound(stack.account, '<AWS::AccountId>')}-${bound(stack.region, '<AWS::Region>')}/*]`,
          reason: 'CDK BucketDeployment reads the config document from the bootstrap asset bucket.',
        },
        {
          id: `AwsSolutions::AwsSolutions-IAM5[Resource::<${stack.getLogicalId(this.bucket.node.defaultChild as CfnElement)}.Arn>/*]`,
          reason:
            'CDK BucketDeployment writes and prunes the config bucket, which holds only the shipped config.',
        },
        {
          id: 'AwsSolutions::AwsSolutions-L1',
          reason: 'The runtime of the CDK-provided BucketDeployment handler is chosen by aws-cdk-lib.',
        },
      );
    }
  }
}
