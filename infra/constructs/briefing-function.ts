/**
 * A Lambda function bundled from functions/handlers by the local esbuild (no Docker): ESM,
 * minified, Node.js 24 on ARM64, the AWS SDK left to the runtime, templates copied beside the
 * bundle, logs kept for a bounded time.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Architecture, LoggingFormat, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { Charset, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { BUNDLE_OPTIONS } from '../../scripts/bundle-options.mjs';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface BriefingFunctionProps {
  /** File under functions/handlers/, without extension. */
  handler: string;
  description: string;
  memorySize: number;
  timeout: Duration;
  environment: Record<string, string>;
  reservedConcurrentExecutions?: number;
}

/** The esbuild options of scripts/bundle-options.mjs, which scripts/build.mjs uses too, as CDK props. */
export const BUNDLING = {
  format: OutputFormat.ESM,
  minify: BUNDLE_OPTIONS.minify,
  sourceMap: BUNDLE_OPTIONS.sourcemap,
  sourcesContent: BUNDLE_OPTIONS.sourcesContent,
  target: BUNDLE_OPTIONS.target,
  mainFields: BUNDLE_OPTIONS.mainFields,
  externalModules: BUNDLE_OPTIONS.external,
  banner: BUNDLE_OPTIONS.banner,
  charset: BUNDLE_OPTIONS.charset === 'utf8' ? Charset.UTF8 : Charset.ASCII,
  esbuildArgs: { '--alias': Object.entries(BUNDLE_OPTIONS.alias).map(([from, to]) => `${from}=${to}`) },
  forceDockerBundling: false,
};

export class BriefingFunction extends Construct {
  readonly fn: NodejsFunction;

  constructor(scope: Construct, id: string, props: BriefingFunctionProps) {
    super(scope, id);
    const logGroup = new LogGroup(this, 'Logs', {
      retention: RetentionDays.THREE_MONTHS,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.fn = new NodejsFunction(this, 'Function', {
      entry: join(REPO_ROOT, 'functions/handlers', `${props.handler}.ts`),
      handler: 'handler',
      projectRoot: REPO_ROOT,
      depsLockFilePath: join(REPO_ROOT, 'package-lock.json'),
      description: props.description,
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize,
      timeout: props.timeout,
      environment: { NODE_OPTIONS: '--enable-source-maps', ...props.environment },
      reservedConcurrentExecutions: props.reservedConcurrentExecutions,
      logGroup,
      loggingFormat: LoggingFormat.JSON,
      tracing: Tracing.ACTIVE,
      bundling: {
        ...BUNDLING,
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          afterBundling: (inputDir: string, outputDir: string) => [
            `cp -R "${inputDir}/templates" "${outputDir}/templates"`,
          ],
        },
      },
    });
  }
}
